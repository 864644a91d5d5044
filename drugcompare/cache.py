"""A compiled cache of the validated dataset, so a call does not parse YAML every time.

Layout of one cache file (written to a temporary file, then atomically renamed):

    MAGIC | u32 header length | header (marshal) | sections and drug blobs (marshal)

The header records the tool version, per data file its size, mtime and SHA-256, and a
directory of sections (offset, length, CRC-32; see store.py). A call checks the stat of
each file (microseconds); only when a file's mtime is too recent to be trusted (the
"racy" window) or differs does it hash the content. Sections are read and CRC-checked
only when needed, so per-call cost does not grow with the dataset.
Any failure to read, a wrong CRC or an unwritable directory means: no cache, never a
wrong answer.
"""

from __future__ import annotations

import marshal
import os
import struct
import sys
import time
import zlib
from typing import Any, Callable

from . import __version__
from .store import DamagedCache, FileStore, MemoryStore, pack

MAGIC = b"DRUGCMP1"
RACY_NS = 2_000_000_000  # files modified this close to the build are verified by content


class CacheMiss(Exception):
    """The cache is absent, stale or damaged; the caller rebuilds."""


def cache_dir() -> str | None:
    """Where the cache lives; None when caching is turned off."""
    if os.environ.get("DRUGCOMPARE_NO_CACHE"):
        return None
    explicit = os.environ.get("DRUGCOMPARE_CACHE_DIR")
    if explicit:
        return explicit
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~\\AppData\\Local")
    elif sys.platform == "darwin":
        base = os.path.expanduser("~/Library/Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return os.path.join(base, "drugcompare")


def cache_path(paths: list[str]) -> str | None:
    directory = cache_dir()
    if directory is None:
        return None
    data = "\0".join([__version__, *paths]).encode("utf-8", "surrogateescape")
    # Only an address: what is trusted is the header inside (tool version, files, hashes).
    return os.path.join(directory, f"dataset-{zlib.crc32(data):08x}{zlib.adler32(data):08x}.bin")


def _sha256(path: str) -> str:
    import hashlib  # only on a cold or racy path: importing it costs ~3 ms

    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fingerprint(paths: list[str]) -> list[list[Any]]:
    """[path, size, mtime_ns, sha256] of each file, as recorded in a new cache."""
    out = []
    for p in paths:
        st = os.stat(p)
        out.append([p, st.st_size, st.st_mtime_ns, _sha256(p)])
    return out


def read(path: str, paths: list[str]) -> FileStore:
    """Open the cache at ``path`` if it is valid for ``paths``; raise CacheMiss otherwise."""
    try:
        with open(path, "rb") as fh:
            if fh.read(8) != MAGIC:
                raise CacheMiss("bad magic")
            (hlen,) = struct.unpack("<I", fh.read(4))
            header = marshal.loads(fh.read(hlen))
        if header.get("tool") != __version__ or [f[0] for f in header["files"]] != paths:
            raise CacheMiss("other version or files")
        if _check_files(header):
            _restamp(path, header, 12 + hlen)
        return FileStore(path, header["directory"], 12 + hlen, header["buckets"])
    except CacheMiss:
        raise
    except (OSError, EOFError, ValueError, TypeError, KeyError, struct.error, DamagedCache) as exc:
        raise CacheMiss(str(exc)) from None


def _check_files(header: dict[str, Any]) -> bool:
    """Raise CacheMiss if a data file changed; True when some file had to be hashed to tell."""
    built = header["built"]
    hashed = False
    for path, size, mtime_ns, digest in header["files"]:
        st = os.stat(path)
        trusted = st.st_size == size and st.st_mtime_ns == mtime_ns and mtime_ns < built - RACY_NS
        if not trusted:
            if st.st_size != size or _sha256(path) != digest:
                raise CacheMiss(f"{path} changed")
            hashed = True
    return hashed


def _restamp(path: str, header: dict[str, Any], base: int) -> None:
    """After files were verified by content, re-date the cache so later calls trust their stat.

    A cache built within the racy window of a file's mtime (typically the first run right
    after install) would otherwise hash the data files on every call. The contents were
    just proven equal, so the header is rewritten with the files' current stat and a new
    build time, once the newest mtime is old enough to be trusted.
    """
    now = time.time_ns()
    files = []
    for p, _, _, digest in header["files"]:
        st = os.stat(p)
        if st.st_mtime_ns >= now - RACY_NS:
            return  # still racy: try again on a later call
        files.append([p, st.st_size, st.st_mtime_ns, digest])
    try:
        with open(path, "rb") as fh:
            fh.seek(base)
            blobs = fh.read()
    except OSError:
        return
    new = marshal.dumps({**header, "files": files, "built": now})
    if len(new) != base - 12:
        # A store opened on this file (here or in another process) reads at ``base``: keep it.
        return
    _write_atomic(path, [MAGIC + struct.pack("<I", len(new)) + new, blobs])


def write(path: str, files: list[list[Any]], compiled: dict[str, Any]) -> bool:
    """Write the cache atomically; False (and no file) when the directory is not writable."""
    directory, buckets, blobs = pack(compiled)
    header = marshal.dumps({"tool": __version__, "files": files, "built": time.time_ns(),
                            "directory": directory, "buckets": buckets})
    return _write_atomic(path, [MAGIC + struct.pack("<I", len(header)) + header, *blobs])


def _write_atomic(path: str, chunks: list[bytes]) -> bool:
    """Write a temporary file beside ``path`` and rename it over; False when that fails."""
    import tempfile

    folder = os.path.dirname(path)
    tmp = None
    try:
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".dataset-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            for data in chunks:
                fh.write(data)
        os.replace(tmp, path)
        return True
    except OSError:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return False


def load(paths: list[str], build: Callable[[dict[str, str]], dict[str, Any]]) -> MemoryStore | FileStore:
    """The store of the dataset made of ``paths``: the cache when valid, else ``build(digests)``.

    ``build`` parses and validates the files; it runs only on a miss, and its result is
    written to the cache for the next call. It gets the SHA-256 of each file already
    computed for the cache header ({} when there is no cache), so nothing is hashed twice.
    """
    path = cache_path(paths)
    if path is not None:
        try:
            return read(path, paths)
        except CacheMiss:
            pass
        except OSError:  # e.g. a data file vanished: let build() report it
            pass
    try:
        files = fingerprint(paths) if path is not None else []
    except OSError:  # unreadable or not a file: build() reports it; nothing is cached
        files, path = [], None
    compiled = build({f[0]: f[3] for f in files})
    if path is not None:
        write(path, files, compiled)
    return MemoryStore(compiled)
