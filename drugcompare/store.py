"""Where a loaded dataset's parts are read from: memory (just compiled) or the cache file.

Both stores answer the same questions, so the Dataset does not care which it has:
``meta`` (the small parts: classes, families, targets, ATC names, interactions,
products), ``name(key)``, ``drug(id)``, ``listing()`` and ``suggestion_keys()``.
The cache file keeps names and drug offsets in hashed buckets, so a lookup reads one
small bucket, never the whole index (issue 5: per-call cost independent of size).
"""

from __future__ import annotations

import marshal
import zlib
from typing import Any

META_KEYS = ("classes", "families", "targets", "atc", "interactions", "products", "checked",
             "warnings", "family_areas")


def bucket_of(key: str, buckets: int) -> int:
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % buckets


def suggestion_keys(names: dict[str, list[Any]]) -> list[list[str]]:
    """[normalised key, what to suggest] for every name: a drug's id for its own names."""
    return [[k, e[1] if (e[0] == "drug" and e[3] is None) else e[2]] for k, e in names.items()]


class MemoryStore:
    """A freshly compiled dataset, all in memory."""

    def __init__(self, compiled: dict[str, Any]):
        self.compiled = compiled
        self.meta = {k: compiled[k] for k in META_KEYS}

    def name(self, key: str) -> list[Any] | None:
        return self.compiled["names"].get(key)

    def drug(self, drug_id: str) -> dict[str, Any]:
        return self.compiled["drugs"][drug_id]

    def listing(self) -> list[list[Any]]:
        return self.compiled["listing"]

    def suggestion_keys(self) -> list[list[str]]:
        return suggestion_keys(self.compiled["names"])


class DamagedCache(Exception):
    """A section or blob failed its CRC check: the caller rebuilds from the files."""


class FileStore:
    """An open cache file; each section is read (and checked) the first time it is needed."""

    def __init__(self, path: str, directory: dict[str, tuple[int, int, int]], base: int, buckets: int):
        self.path = path
        self.directory = directory
        self.base = base
        self.buckets = buckets
        self._sections: dict[str, Any] = {}
        self.meta = self._section("meta")

    def _read(self, off: int, length: int, crc: int) -> Any:
        with open(self.path, "rb") as fh:
            fh.seek(self.base + off)
            data = fh.read(length)
        if len(data) != length or zlib.crc32(data) != crc:
            raise DamagedCache(self.path)
        try:
            return marshal.loads(data)
        except (EOFError, ValueError, TypeError) as exc:
            raise DamagedCache(str(exc)) from None

    def _section(self, name: str) -> Any:
        if name not in self._sections:
            if name not in self.directory:
                raise DamagedCache(f"missing section {name}")
            self._sections[name] = self._read(*self.directory[name])
        return self._sections[name]

    def name(self, key: str) -> list[Any] | None:
        return self._section(f"names:{bucket_of(key, self.buckets)}").get(key)

    def drug(self, drug_id: str) -> dict[str, Any]:
        where = self._section(f"offsets:{bucket_of(drug_id, self.buckets)}").get(drug_id)
        if where is None:
            raise KeyError(drug_id)
        return self._read(*where)

    def listing(self) -> list[list[Any]]:
        return self._section("listing")

    def suggestion_keys(self) -> list[list[str]]:
        return self._section("suggest")


def pack(compiled: dict[str, Any]) -> tuple[dict[str, tuple[int, int, int]], int, list[bytes]]:
    """Serialise a compiled dataset into sections: (directory, bucket count, blobs in order)."""
    names = compiled["names"]
    buckets = max(1, len(names) // 256)
    blobs: list[bytes] = []
    directory: dict[str, tuple[int, int, int]] = {}
    pos = 0

    def add(label: str | None, obj: Any) -> tuple[int, int, int]:
        nonlocal pos
        data = marshal.dumps(obj)
        where = (pos, len(data), zlib.crc32(data))
        blobs.append(data)
        pos += len(data)
        if label is not None:
            directory[label] = where
        return where

    add("meta", {k: compiled[k] for k in META_KEYS})
    add("listing", compiled["listing"])
    add("suggest", suggestion_keys(names))
    name_buckets: list[dict[str, Any]] = [{} for _ in range(buckets)]
    for key, entry in names.items():
        name_buckets[bucket_of(key, buckets)][key] = entry
    for b, content in enumerate(name_buckets):
        add(f"names:{b}", content)
    offset_buckets: list[dict[str, Any]] = [{} for _ in range(buckets)]
    for did, drug in compiled["drugs"].items():
        offset_buckets[bucket_of(did, buckets)][did] = add(None, drug)
    for b, content in enumerate(offset_buckets):
        add(f"offsets:{b}", content)
    return directory, buckets, blobs
