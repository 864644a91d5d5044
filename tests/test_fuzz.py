"""Property-based fuzzing of the CLI (hypothesis).

Invariants, whatever the arguments or data file: the exit code is one of the documented
ones; no traceback; with --json and exit 0, 1 or 3, stdout is valid JSON; no escape byte
from the input ever reaches stdout.

CI runs a small number of examples; a long run:
    DRUGCOMPARE_FUZZ_EXAMPLES=5000 python -m pytest tests/test_fuzz.py -q
"""

from __future__ import annotations

import json
import os

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from drugcompare.cli import app
from tests.conftest import FIXTURE_DRUGS

EXAMPLES = int(os.environ.get("DRUGCOMPARE_FUZZ_EXAMPLES", "60"))
EXIT_CODES = {0, 1, 2, 3}
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 100,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

NAMES = ["testorphine", "testamine", "Testo Contin", "tester", "testocombo", "testazepam", "testoxone"]
FAMILIES = ["opioid", "benzodiazepine", "depressant", "stimulant", "nsaid", "controlled-us", "opioids"]
hostile_text = st.one_of(
    st.sampled_from(NAMES + FAMILIES),
    st.text(min_size=0, max_size=40),
    st.text(alphabet=st.sampled_from(list("[]/\x1b\x07\x00\u202e\u200b\u009b;:=bold red link")), max_size=30),
    st.builds(lambda a, b: a + b, st.sampled_from(NAMES), st.text(max_size=5)),
)
COMMANDS = st.sampled_from([["is"], ["explain"], ["classify"], ["show"], ["compare"], ["interactions"],
                            ["list", "--class"], []])


def _check(result, args: list[str], hostile: list[str]) -> None:
    assert result.exit_code in EXIT_CODES, (args, result.exit_code, result.output)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"exception for {args!r}: {result.exception!r}")
    assert "Traceback" not in result.stderr
    if "--json" in args and result.exit_code in (0, 1, 3) and result.stdout:
        json.loads(result.stdout)
    for text in hostile:
        if "\x1b" in text:
            assert "\x1b" not in result.stdout and "\x1b" not in result.stderr


@SETTINGS
@given(command=COMMANDS, words=st.lists(hostile_text, min_size=0, max_size=4), as_json=st.booleans())
def test_fuzz_arguments(command, words, as_json, monkeypatch):
    monkeypatch.setenv("DRUGCOMPARE_DATA", FIXTURE_DRUGS)
    args = [*command, *words] + (["--json"] if as_json else [])
    result = CliRunner().invoke(app, args)
    _check(result, args, words)


scalar = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.text(max_size=12),
                   st.sampled_from(["II", "VI", "agonist", "mor", "common", "2026-01-01", "N02AA01"]))
value = st.recursive(scalar, lambda children: st.one_of(st.lists(children, max_size=3),
                                                      st.dictionaries(st.text(max_size=8), children, max_size=3)),
                     max_leaves=8)


@st.composite
def mutated_profile(draw):
    """The fixture data with one value somewhere replaced by a generated one."""
    with open(FIXTURE_DRUGS, encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    drug = draw(st.sampled_from(sorted(doc["drugs"])))
    target = doc["drugs"][drug]
    keys = draw(st.lists(st.sampled_from(["legal", "addiction", "mechanism", "uses", "side_effects", "aliases",
                                          "classes", "atc", "name", "sources", "misconceptions", "zzz"]),
                         min_size=1, max_size=2))
    node = target
    for key in keys[:-1]:
        if isinstance(node, dict) and isinstance(node.get(key), dict):
            node = node[key]
    if isinstance(node, dict):
        node[keys[-1]] = draw(value)
    return doc


@SETTINGS
@given(doc=mutated_profile(), args=st.sampled_from([["testorphine", "testamine", "--json"], ["list", "--json"],
                                                    ["is", "testamine", "opioid"], ["check"]]))
def test_fuzz_data_files(doc, args, tmp_path_factory, monkeypatch):
    path = tmp_path_factory.mktemp("fuzz") / "drugs.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("DRUGCOMPARE_DATA", str(path))
    result = CliRunner().invoke(app, args)
    _check(result, args, [])
    if result.exit_code == 2 and "check" not in args:
        assert result.stdout == "", "no partial output when the data is invalid"


@SETTINGS
@given(raw=st.binary(max_size=200))
def test_fuzz_raw_bytes_as_data(raw, tmp_path_factory, monkeypatch):
    path = tmp_path_factory.mktemp("raw") / "drugs.yaml"
    path.write_bytes(raw)
    monkeypatch.setenv("DRUGCOMPARE_DATA", str(path))
    result = CliRunner().invoke(app, ["list", "--json"])
    _check(result, ["list", "--json"], [])
    assert result.exit_code in (0, 2)
