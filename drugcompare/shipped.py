"""The shipped data files, pre-parsed (data/shipped.json), for a fast first run.

Parsing YAML is most of the cost of a cold start; JSON loads in milliseconds. Each
document is stored with the SHA-256 of the YAML file it came from and used only while the
file still has that hash. Dates are stored as ISO strings, which the schema accepts.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
from typing import Any

from .vocab import ROLES

FILE = "shipped.json"


def path() -> str:
    from .dataset import shipped_data_dir

    return os.path.join(shipped_data_dir(), FILE)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read() -> dict[str, Any]:
    """The stored documents by file name ({} when the file is missing or unreadable)."""
    try:
        with open(path(), encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return {}


def document(yaml_path: str, raw: bytes, stored: dict[str, Any]) -> Any:
    """The pre-parsed document for a YAML file whose bytes are ``raw``, or None."""
    entry = stored.get(os.path.basename(yaml_path))
    if entry and entry.get("sha256") == _digest(raw):
        return entry["document"]
    return None


def build() -> str:
    """The JSON text of data/shipped.json for the current YAML files."""
    from . import yamlio
    from .dataset import DATA_FILES, shipped_data_dir

    out: dict[str, Any] = {}
    for role in ROLES:
        file = os.path.join(shipped_data_dir(), DATA_FILES[role])
        with open(file, "rb") as fh:
            raw = fh.read()
        doc = yamlio.parse(raw.decode("utf-8-sig"), file)
        out[DATA_FILES[role]] = {"sha256": _digest(raw), "document": doc}
    return json.dumps(out, ensure_ascii=False, sort_keys=True, indent=None, separators=(",", ":"),
                      default=lambda o: o.isoformat() if isinstance(o, datetime.date) else str(o)) + "\n"
