"""The Python API, used as a script author would, returns what the JSON is made from."""

from __future__ import annotations

import subprocess
import sys

import pytest

import drugcompare
from drugcompare import plain
from tests.conftest import FIXTURE_DRUGS


@pytest.fixture
def ds():
    return drugcompare.load([FIXTURE_DRUGS])


def test_api_functions(ds):
    assert drugcompare.get("TESTO CONTIN", dataset=ds).id == "testorphine"
    assert drugcompare.get("nothing", dataset=ds) is None
    with pytest.raises(drugcompare.UnknownDrugError) as info:
        drugcompare.lookup("testamin", dataset=ds)
    assert info.value.suggestions == ["testamine"]
    assert drugcompare.is_a("testamine", "opioids", dataset=ds).verdict == "no"
    c = drugcompare.compare("testorphine", "testamine", dataset=ds)
    assert [d.id for d in c.drugs] == ["testorphine", "testamine"]
    cl = drugcompare.classify("testamine", dataset=ds)
    assert "dissociative" in [e.id for e in cl.systems["pharmacological"]]
    assert isinstance(drugcompare.interactions("testorphine", "testazepam", dataset=ds), list)


def test_api_objects_are_the_json(ds, frun):
    v = drugcompare.is_a("testamine", "opioid", dataset=ds)
    _, data = frun.json("is", "testamine", "opioid", "--json")
    assert data["verdict"] == v.verdict and data["explanation"] == v.explanation
    assert data["evidence"] == plain(v.evidence)
    _, shown = frun.json("show", "testorphine", "--json")
    assert shown["drug"] == plain(drugcompare.lookup("testorphine", dataset=ds))


def test_bad_extra_file_raises_data_error(tmp_path):
    bad = tmp_path / "x.yaml"
    bad.write_text("drugs: [1]\n")
    with pytest.raises(drugcompare.DataError) as info:
        drugcompare.load([str(bad)])
    assert "drugs: expected a mapping" in str(info.value)


def test_import_is_cheap_and_fresh_interpreter_works():
    code = ("import sys, drugcompare; assert 'typer' not in sys.modules and 'rich' not in sys.modules; "
            f"print(drugcompare.is_a('testamine', 'opioid', dataset=drugcompare.load([{FIXTURE_DRUGS!r}])).verdict)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "no"
