"""The shipped data files, pre-parsed and pre-compiled, for a fast first run.

A cold start (first run after install, or after the cache is cleared) used to parse the
YAML, validate it and compile it: several hundred milliseconds. Two JSON files made from
the shipped YAML by scripts/build_shipped_json.py avoid that:

- data/shipped.json: each YAML document, parsed, stored with the SHA-256 of its file; used
  whenever the data is loaded with user files on top (``--data``) or checked.
- data/compiled.json: the compiled dataset of the shipped files alone, stored with the
  SHA-256 of all five files; used only while every one of them still has that hash.

An edited data file therefore never hides behind a stale copy. Dates are ISO strings,
which the schema accepts. tests/test_data.py fails when either file is stale, and the
shipped data is validated there and by `drugcompare check`.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
from typing import Any

from .vocab import ROLES

FILE = "shipped.json"
COMPILED_FILE = "compiled.json"


def path(name: str = FILE) -> str:
    from .dataset import shipped_data_dir

    return os.path.join(shipped_data_dir(), name)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read(name: str = FILE) -> dict[str, Any]:
    """The stored documents by file name ({} when the file is missing or unreadable)."""
    try:
        with open(path(name), encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return {}


def compiled(paths: list[str], known: dict[str, str] | None = None) -> dict[str, Any] | None:
    """The pre-compiled dataset if ``paths`` are exactly the shipped files, unchanged; else None.

    ``known``: SHA-256 digests already computed, by path (the cache computes them).
    """
    from .dataset import data_paths

    if paths != data_paths():
        return None
    digests = {}
    for file in paths:
        digest = (known or {}).get(file)
        if digest is None:
            with open(file, "rb") as fh:
                digest = _digest(fh.read())
        digests[os.path.basename(file)] = digest
    stored = read(COMPILED_FILE)
    if not stored or stored.get("sha256") != digests:
        return None
    return stored["dataset"]


def document(yaml_path: str, raw: bytes, stored: dict[str, Any]) -> Any:
    """The pre-parsed document for a YAML file whose bytes are ``raw``, or None."""
    entry = stored.get(os.path.basename(yaml_path))
    if entry and entry.get("sha256") == _digest(raw):
        return entry["document"]
    return None


def _json(value: Any) -> str:
    # Key order is kept: it is the order of the YAML files, which the output follows.
    return json.dumps(value, ensure_ascii=False, indent=None, separators=(",", ":"),
                      default=lambda o: o.isoformat() if isinstance(o, datetime.date) else str(o)) + "\n"


def build() -> dict[str, str]:
    """The JSON text of data/shipped.json and data/compiled.json for the current YAML files.

    Raises DataError when the shipped files are invalid: nothing invalid is ever stored.
    """
    from . import yamlio
    from .compiler import compile_dataset
    from .dataset import DATA_FILES, shipped_data_dir

    out: dict[str, Any] = {}
    digests: dict[str, str] = {}
    for role in ROLES:
        file = os.path.join(shipped_data_dir(), DATA_FILES[role])
        with open(file, "rb") as fh:
            raw = fh.read()
        doc = yamlio.parse(raw.decode("utf-8-sig"), file)
        digests[DATA_FILES[role]] = _digest(raw)
        out[DATA_FILES[role]] = {"sha256": digests[DATA_FILES[role]], "document": doc}
    # Compile exactly what load_documents would hand over: the JSON form, labelled data/NAME.
    docs = {role: [(f"data/{DATA_FILES[role]}", json.loads(_json(out[DATA_FILES[role]]["document"])))]
            for role in ROLES}
    dataset = compile_dataset(docs)
    return {FILE: _json(out), COMPILED_FILE: _json({"sha256": digests, "dataset": dataset})}
