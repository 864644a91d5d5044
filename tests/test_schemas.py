"""The published JSON Schemas are valid, current, and describe the real data and output."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from drugcompare import output_schema

ROOT = Path(__file__).resolve().parent.parent


def _jsonable(obj):
    return json.loads(json.dumps(obj, default=lambda o: o.isoformat() if isinstance(o, datetime.date) else str(o)))


@pytest.mark.parametrize("name", output_schema.names())
def test_every_schema_is_valid(name, run):
    r = run("schema", name)
    assert r.exit_code == 0
    jsonschema.Draft202012Validator.check_schema(json.loads(r.stdout))


@pytest.mark.parametrize("role", ["drugs", "classes", "targets", "atc", "interactions"])
def test_shipped_data_matches_its_schema(role):
    doc = _jsonable(yaml.safe_load((ROOT / "data" / f"{role}.yaml").read_text(encoding="utf-8")))
    jsonschema.validate(doc, output_schema.data_schema(role))


def test_editor_schema_file_is_current_and_referenced():
    shipped = json.loads((ROOT / "docs" / "drugs.schema.json").read_text(encoding="utf-8"))
    assert shipped == output_schema.data_schema("drugs"), "run: drugcompare schema > docs/drugs.schema.json"
    first = (ROOT / "data" / "drugs.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../docs/drugs.schema.json"


@pytest.mark.parametrize("args, name", [
    (["testorphine", "testamine", "--json"], "compare"),
    (["testocombo", "testazepam", "--json"], "compare"),
    (["show", "testamine", "--json"], "show"),
    (["is", "testamine", "opioid", "--json"], "is"),
    (["list", "--json"], "list"),
    (["interactions", "testorphine", "testazepam", "--json"], "interactions"),
    (["classify", "testamine", "--json"], "classify"),
])
def test_real_output_matches_its_schema(frun, args, name):
    r = frun(*args)
    jsonschema.validate(json.loads(r.stdout), output_schema.output_schema(name))


def test_unknown_schema_name(run):
    r = run("schema", "nope")
    assert r.exit_code == 2 and "no schema named 'nope'" in r.stderr
