"""Write data/shipped.json: the shipped YAML files, parsed, keyed by each file's SHA-256.

The first run after install (or after the cache is cleared) reads these instead of parsing
YAML, which is the slowest step of a cold start (issue 5); the documents are still
validated and compiled as usual. A file whose hash no longer matches is parsed from YAML,
so an edited data file is never shadowed. tests/test_data.py fails when this is stale.

    python scripts/build_shipped_json.py [--check]
"""

from __future__ import annotations

import json
import sys

from drugcompare import shipped


def main(argv: list[str]) -> int:
    fresh = shipped.build()
    if "--check" in argv:
        if shipped.read() != json.loads(fresh):
            sys.stderr.write("data/shipped.json is stale: run python scripts/build_shipped_json.py\n")
            return 1
        return 0
    with open(shipped.path(), "w", encoding="utf-8") as fh:
        fh.write(fresh)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
