"""Every --format of every command comes from the same result: spot-check each shape."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml

from tests.conftest import FIXTURE_DRUGS

COMMANDS = [["testorphine", "testamine"], ["show", "testamine"], ["is", "testamine", "opioid"], ["list"],
            ["classify", "testamine"], ["interactions", "testorphine", "testazepam"], ["classes"], ["check"]]


@pytest.mark.parametrize("args", COMMANDS)
@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv", "markdown", "yaml"])
def test_every_command_in_every_format(frun, args, fmt):
    r = frun(*args, "--format", fmt)
    assert r.exit_code in (0, 1), r.stderr
    assert r.stdout.strip() and "\x1b" not in r.stdout
    if fmt == "json":
        assert json.loads(r.stdout)["schema_version"] == 1
    elif fmt == "jsonl":
        for line in r.stdout.splitlines():
            json.loads(line)
    elif fmt == "yaml":
        assert isinstance(yaml.safe_load(r.stdout), dict)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(r.stdout)))
        assert len(rows) >= 1 and all(len(row) == len(rows[0]) for row in rows)


def test_csv_comparison_has_one_row_per_drug_and_the_table_rows_as_columns(frun):
    r = frun("testorphine", "testamine", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [row["id"] for row in rows] == ["testorphine", "testamine"]
    assert rows[0]["legal_us"] == "Schedule II" and rows[1]["legal_us"] == "Schedule III"


def test_markdown_comparison_is_a_gfm_table(frun):
    lines = frun("testorphine", "testamine", "--format", "markdown").stdout.splitlines()
    assert lines[0] == "| | Testorphine | Testamine |" and lines[1] == "|---|---|---|"
    assert any(line.startswith("| **≠ US (CSA)** | Schedule II | Schedule III |") for line in lines)


def test_yaml_equals_json(frun):
    as_json = json.loads(frun("is", "testamine", "opioid", "--json").stdout)
    as_yaml = yaml.safe_load(frun("is", "testamine", "opioid", "--format", "yaml").stdout)
    assert as_json == as_yaml


def test_jsonl_comparison_is_one_drug_per_line(frun):
    lines = frun("testorphine", "testamine", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["testorphine", "testamine"]


def test_a_user_file_overrides_a_shipped_profile_and_says_so(run, tmp_path):
    import copy

    with open(FIXTURE_DRUGS, encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    shipped = json.loads(run("show", "ketamine", "--json").stdout)["drug"]
    override = copy.deepcopy(doc["drugs"]["testamine"])
    override["name"] = "Ketamine"
    override["aliases"] = []
    path = tmp_path / "mine.yaml"
    path.write_text(yaml.safe_dump({"sources": doc["sources"], "drugs": {"ketamine": override}}), encoding="utf-8")
    r = run("--data", str(path), "show", "ketamine")
    assert r.exit_code == 0, r.stderr
    assert f"from: {path}" in r.stdout
    data = json.loads(run("--data", str(path), "show", "ketamine", "--json").stdout)["drug"]
    assert data["origin"] == str(path) and data["legal"]["as_of"] == "2026-01-15"
    assert shipped["origin"] == "data/drugs.yaml"
