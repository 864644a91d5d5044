"""Write data/shipped.json and data/compiled.json from the shipped YAML files.

shipped.json holds each file parsed, keyed by its SHA-256; compiled.json the validated,
compiled dataset of the five files, keyed by all five hashes. The first run after install
(or after the cache is cleared) reads these instead of parsing, validating and compiling
YAML, the slowest steps of a cold start (issue 5). A file whose hash no longer matches is
parsed from YAML, so an edited data file is never shadowed. tests/test_data.py fails when
either is stale.

    python scripts/build_shipped_json.py [--check]
"""

from __future__ import annotations

import sys

from drugcompare import shipped


def main(argv: list[str]) -> int:
    fresh = shipped.build()
    if "--check" in argv:
        stale = []
        for name, text in fresh.items():
            try:
                with open(shipped.path(name), encoding="utf-8") as fh:
                    current = fh.read()
            except OSError:
                current = None
            if current != text:
                stale.append(name)
        if stale:
            sys.stderr.write(f"data/{' and data/'.join(stale)} stale: run python scripts/build_shipped_json.py\n")
            return 1
        return 0
    for name, text in fresh.items():
        with open(shipped.path(name), "w", encoding="utf-8") as fh:
            fh.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
