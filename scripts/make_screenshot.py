"""Render `drugcompare ketamine morphine` as an SVG picture for the README.

    python scripts/make_screenshot.py            # writes docs/compare.svg
    python scripts/make_screenshot.py --check    # exit 1 if docs/compare.svg is stale

It draws with the real table renderer into a recording Rich console, so the picture is
the tool's own output and cannot drift from it (tests/test_docs.py runs --check).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "docs" / "compare.svg"
COMMAND = ["ketamine", "morphine"]


def render() -> str:
    os.environ.setdefault("DRUGCOMPARE_NO_CACHE", "1")
    os.environ.pop("DRUGCOMPARE_DATA", None)
    from rich.console import Console

    import drugcompare.render.table_format as table_format
    from drugcompare.comparison import compare
    from drugcompare.dataset import load

    console = Console(record=True, width=110, force_terminal=True, color_system="truecolor",
                      highlight=False, markup=False, emoji=False, file=open(os.devnull, "w"))
    table_format._console = lambda stderr=False: console  # draw into the recording console
    table_format.TableFormatter().comparison(compare(load(), COMMAND))
    return console.export_svg(title="drugcompare " + " ".join(COMMAND))


def main(argv: list[str]) -> int:
    svg = render()
    if "--check" in argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != svg:
            sys.stderr.write("docs/compare.svg is stale: run python scripts/make_screenshot.py\n")
            return 1
        return 0
    OUT.write_text(svg, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
