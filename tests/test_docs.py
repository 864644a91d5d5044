"""Docs cannot drift: every command has help and is in the README; the README's output is real."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from drugcompare.cli import app
from drugcompare.render import OutputFormat, formatter

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = typer.main.get_command(app).commands


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_with_an_example(name, run):
    cmd = COMMANDS[name]
    assert cmd.help and len(cmd.help.strip()) > 20, f"{name} lacks help"
    result = run(name, "--help")
    assert result.exit_code == 0 and "Usage" in result.stdout


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_documented_in_the_readme(name):
    if name == "compare":
        assert "drugcompare A B" in README
    else:
        assert re.search(rf"`drugcompare {name}\b", README), f"README lacks a section for {name}"


def test_readme_opens_with_the_two_setup_commands():
    block = README.split("<!-- setup -->")[1].split("<!-- /setup -->")[0]
    commands = [line.strip() for line in block.splitlines() if line.strip().startswith("python3 ")]
    assert len(commands) == 2
    assert commands[0].endswith("drugcompare ketamine morphine")
    assert "[test]" in commands[1] and "pytest" in commands[1]


def test_readme_output_is_current():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "update_readme.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_readme_picture_is_current():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_screenshot.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "![drugcompare ketamine morphine](docs/compare.svg)" in README


@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_every_output_format_has_a_formatter(fmt):
    f = formatter(fmt)
    for method in ("comparison", "classification", "verdict", "drug", "listing", "taxonomy",
                   "interactions", "check"):
        assert callable(getattr(f, method)), f"{fmt.value} formatter lacks {method}"
