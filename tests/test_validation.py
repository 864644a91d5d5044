"""A malformed profile fails loudly: one message per problem, each with file and path."""

from __future__ import annotations

import copy

import pytest
import yaml

from drugcompare.dataset import Dataset, data_paths
from drugcompare.errors import DataError
from tests.conftest import FIXTURE_DRUGS


def _fixture() -> dict:
    with open(FIXTURE_DRUGS, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _problems(tmp_path, mutate) -> list[str]:
    doc = copy.deepcopy(_fixture())
    mutate(doc)
    path = tmp_path / "user.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as info:
        Dataset(data_paths([str(path)]))
    return [str(p) for p in info.value.problems]


def test_bad_schedule_names_file_path_and_allowed_values(tmp_path):
    def bad(doc):
        doc["drugs"]["testorphine"]["legal"]["us_csa"] = "VI"

    (msg,) = _problems(tmp_path, bad)
    assert msg.endswith("user.yaml: drugs.testorphine.legal.us_csa: 'VI' is not one of I, II, III, IV, V, not_controlled")


def test_unknown_key_is_an_error_with_a_suggestion(tmp_path):
    def bad(doc):
        doc["drugs"]["testorphine"]["legal"]["us_cs"] = "II"

    msgs = _problems(tmp_path, bad)
    assert any("drugs.testorphine.legal.us_cs: unknown key (did you mean 'us_csa'?)" in m for m in msgs)


def test_every_problem_is_reported(tmp_path):
    def bad(doc):
        d = doc["drugs"]["testorphine"]
        d["atc"] = ["N2AA01"]
        d["side_effects"][0]["frequency"] = "often"
        d["addiction"]["potential"] = 3
        del d["uses"]

    msgs = _problems(tmp_path, bad)
    assert len(msgs) == 4
    assert any("drugs.testorphine.atc[0]" in m for m in msgs)
    assert any("drugs.testorphine.side_effects[0].frequency: 'often' is not one of" in m for m in msgs)
    assert any("drugs.testorphine.addiction.potential: 3 is not one of" in m for m in msgs)
    assert any("drugs.testorphine.uses: is missing" in m for m in msgs)


@pytest.mark.parametrize("mutate, expected", [
    (lambda d: d["drugs"]["testorphine"].__setitem__("classes", ["opiod"]), "unknown class 'opiod'"),
    (lambda d: d["drugs"]["testorphine"]["mechanism"]["targets"][0].__setitem__("target", "mu"), "unknown target 'mu'"),
    (lambda d: d["drugs"]["testorphine"].__setitem__("atc", ["Z99ZZ99"]), "ATC group Z99ZZ of Z99ZZ99 is not in data/atc.yaml"),
    (lambda d: d["drugs"]["testorphine"].__setitem__("atc", []), "needs an atc_note"),
    (lambda d: d["drugs"]["testoxone"]["aliases"].append({"name": "TESTO-CONTIN", "kind": "brand"}),
     "name 'TESTO-CONTIN' is already used by drug 'testorphine'"),
    (lambda d: d["drugs"]["testorphine"]["sources"][0].__setitem__("sections", ["atc"]), "no source covers the section 'uses'"),
    (lambda d: d["drugs"]["testorphine"]["sources"].append({"ref": "nope", "sections": ["atc"]}), "unknown shared source 'nope'"),
    (lambda d: d["drugs"]["testamine"]["misconceptions"][0].__setitem__("family", "opioids-ish"), "unknown family 'opioids-ish'"),
    (lambda d: d["products"]["testoxone-combo"]["components"].append("nothing"), "unknown drug id 'nothing'"),
    (lambda d: d["drugs"]["testorphine"]["mechanism"]["targets"][0].__setitem__("primary", False), "at least one target must be primary"),
    (lambda d: d["drugs"]["testorphine"]["legal"].__setitem__("as_of", "2026-13-01"), "is not a date"),
    (lambda d: d["drugs"].__setitem__("Bad Id", copy.deepcopy(d["drugs"]["testorphine"])), "must match"),
])
def test_cross_reference_errors(tmp_path, mutate, expected):
    msgs = _problems(tmp_path, mutate)
    assert any(expected in m for m in msgs), msgs


@pytest.mark.parametrize("content, expected", [
    ("", "the file is empty"),
    ("- a\n- b\n", "expected a mapping, got a list"),
    ("drugs: 5\n", "drugs: expected a mapping, got a number"),
    ("drugs: {}\nextra: 1\n", "extra: unknown key"),
])
def test_whole_file_shapes(tmp_path, content, expected):
    path = tmp_path / "user.yaml"
    path.write_text(content)
    with pytest.raises(DataError) as info:
        Dataset(data_paths([str(path)]))
    assert any(expected in str(p) for p in info.value.problems), info.value.problems


def test_absent_boxed_warnings_mean_not_recorded(tmp_path):
    doc = copy.deepcopy(_fixture())
    del doc["drugs"]["testamine"]["boxed_warnings"]
    path = tmp_path / "user.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    ds = Dataset(data_paths([str(path)]))
    assert ds.drug("testamine").boxed_warnings is None
    assert ds.drug("testoxone").boxed_warnings == []
