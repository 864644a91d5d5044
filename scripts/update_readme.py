"""Regenerate the command output shown in README.md from the real commands.

Blocks look like this in the README (the fence is written by this script):

    <!-- run: drugcompare is ketamine opioid -->
    ...output...
    <!-- /run -->

`python scripts/update_readme.py` rewrites them; `--check` exits 1 if any is stale
(tests/test_docs.py runs the check, so the README cannot drift from the tool).
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"(<!-- run: (?P<cmd>.+?) -->\n)(?P<body>.*?)(<!-- /run -->)", re.S)
WIDTH = 100
MAX_LINES = 60


def run(command: str) -> str:
    """The output of one drugcompare command, as a user at a 100-column terminal sees it."""
    from typer.testing import CliRunner

    from drugcompare.cli import app

    args = shlex.split(command)
    assert args[0] == "drugcompare", command
    env = {"COLUMNS": str(WIDTH), "NO_COLOR": "1", "TERM": "dumb", "DRUGCOMPARE_DATA": ""}
    result = CliRunner().invoke(app, args[1:], env=env)
    text = result.stdout + result.stderr
    if "--json" in args and result.stdout.startswith("{"):  # shown indented, as on a terminal
        import json

        text = json.dumps(json.loads(result.stdout), indent=2, ensure_ascii=False) + "\n" + result.stderr
    lines = [line.rstrip() for line in text.rstrip("\n").split("\n")]
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES] + [f"… ({len(lines) - MAX_LINES} more lines)"]
    body = f"$ {command}\n" + "\n".join(lines)
    if result.exit_code:
        body += f"\n(exit code {result.exit_code})"
    return f"```text\n{body}\n```\n"


def render(text: str) -> str:
    return BLOCK.sub(lambda m: m.group(1) + run(m.group("cmd")) + m.group(4), text)


def main(argv: list[str]) -> int:
    os.environ.setdefault("DRUGCOMPARE_NO_CACHE", "1")
    current = README.read_text(encoding="utf-8")
    fresh = render(current)
    if "--check" in argv:
        if fresh != current:
            sys.stderr.write("README.md output blocks are stale: run python scripts/update_readme.py\n")
            return 1
        return 0
    README.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
