"""Every command and every error path, through the CLI, on the fictional fixture drugs."""

from __future__ import annotations

import json

import pytest

from drugcompare import SCHEMA_VERSION

DRUG_KEYS = {"id", "name", "aliases", "classes", "all_classes", "atc", "atc_groups", "atc_note", "mechanism",
             "uses", "side_effects", "boxed_warnings", "addiction", "legal", "misconceptions", "sources", "origin"}


def test_bare_command_compares(frun):
    r = frun("testorphine", "testamine")
    assert r.exit_code == 0, r.stderr
    assert "Testorphine" in r.stdout and "Testamine" in r.stdout
    assert "For information only — not medical advice" in r.stdout
    assert "Data checked 2026-01-15" in r.stdout
    assert "drugcompare show NAME" in r.stdout
    assert "≠ Classes" in r.stdout or "* Classes" in r.stdout
    assert r.stderr == ""


def test_explicit_compare_equals_bare(frun):
    assert frun("compare", "testorphine", "testamine").stdout == frun("testorphine", "testamine").stdout


def test_compare_json_contract(frun):
    r, data = frun.json("testorphine", "Testo Contin", "testamine", "--json")
    assert r.exit_code == 0
    assert data["schema_version"] == SCHEMA_VERSION
    assert [d["id"] for d in data["drugs"]] == ["testorphine", "testamine"]  # the brand is the same drug
    d = data["drugs"][0]
    assert DRUG_KEYS <= set(d)
    assert d["atc"] == ["N02AA01"]
    assert d["mechanism"]["summary"] == "Activates mu-opioid receptors."
    assert d["mechanism"]["targets"][0] == {"target": "μ-opioid receptor (MOP, OPRM1)", "target_id": "mor",
                                            "family": "opioid-receptor", "action": "agonist", "primary": True,
                                            "note": None}
    assert d["side_effects"][0] == {"effect": "Constipation", "frequency": "very_common", "serious": False, "note": None}
    assert d["addiction"]["potential"] == "high"
    assert (d["legal"]["us_csa"], d["legal"]["uk_mda_class"], d["legal"]["uk_mdr_schedule"]) == ("II", "A", "2")
    assert d["legal"]["as_of"] == "2026-01-15"
    assert d["sources"][0]["checked"] == "2026-01-15"
    assert {x["field"] for x in data["differences"]} >= {"legal_us", "mechanism"}
    assert data["resolved"][1]["match"] == "brand"


def test_compare_shows_combination_components_and_skips_their_mutual_interactions(frun):
    r, data = frun.json("testocombo", "testazepam", "--json")
    assert [d["id"] for d in data["drugs"]] == ["testorphine", "testoxone", "testazepam"]
    assert data["resolved"][0]["match"] == "combination"


@pytest.mark.parametrize("args, message", [
    (["testorphine"], "at least two drugs"),
    (["testorphine", "Testo Contin"], "are all the same drug"),
    (["a1", "a2", "a3", "a4", "a5", "a6", "a7"], "Unknown drug"),
])
def test_compare_usage_errors(frun, args, message):
    r = frun(*args)
    assert r.exit_code == 2 and message in r.stderr and r.stdout == ""


def test_too_many_drugs(frun, monkeypatch):
    names = ["testorphine", "testoxone", "testamine", "testoperamide", "testianeptine", "testazepam", "testocombo"]
    assert frun(*names).exit_code == 0  # six different drugs: the product repeats two of them
    from drugcompare import comparison as compare

    monkeypatch.setattr(compare, "MAX_DRUGS", 5)
    r = frun(*names)
    assert r.exit_code == 2 and "at most 5" in r.stderr and "6 given" in r.stderr


def test_unknown_drug_suggests_and_exits_2(frun):
    r = frun("is", "testamin", "opioid")
    assert r.exit_code == 2
    assert r.stderr.strip() == "Unknown drug 'testamin'. Did you mean: testamine?"
    assert r.stdout == ""


def test_unknown_class(frun):
    r = frun("is", "testamine", "opiod")
    assert r.exit_code == 2 and "Unknown class 'opiod'. Did you mean: opioid?" in r.stderr


@pytest.mark.parametrize("drug, family, code", [
    ("testorphine", "opioid", 0), ("testamine", "opioids", 1), ("testianeptine", "opiate", 3),
    ("testoperamide", "Opioid", 0), ("testazepam", "benzos", 0),
])
def test_is_exit_codes(frun, drug, family, code):
    assert frun("is", drug, family).exit_code == code


def test_is_json(frun):
    r, data = frun.json("is", "testamine", "opioid", "--json")
    assert r.exit_code == 1
    assert data["schema_version"] == 1 and data["drug"] == "testamine" and data["class"] == "opioid"
    assert data["verdict"] == "no" and "NMDA" in data["explanation"]
    assert all({"fact", "field", "sources"} == set(e) for e in data["evidence"])


def test_explain_gives_definition_myths_and_sources(frun):
    r = frun("explain", "testamine", "opioid")
    assert r.exit_code == 1
    assert "Definition of opioid: A substance that acts on the body's opioid receptors" in r.stdout
    assert "A common belief: \"Testamine is an opioid.\"" in r.stdout
    assert "[Test fixture reference]" in r.stdout


def test_is_explain_equals_explain(frun):
    assert frun("is", "testamine", "opioid", "--explain").stdout == frun("explain", "testamine", "opioid").stdout


def test_show_and_show_json(frun):
    r = frun("show", "tester")  # a street name resolves
    assert r.exit_code == 0 and "Testorphine" in r.stdout and "Test fixture reference" in r.stdout
    assert "In products: Testocombo" in r.stdout
    r, data = frun.json("show", "testorphine", "--json")
    assert set(data) == {"schema_version", "drug", "products"} and data["drug"]["id"] == "testorphine"
    assert data["products"][0]["components"] == ["testorphine", "testoxone"]


def test_list_and_filters(frun):
    r, data = frun.json("list", "--json")
    assert r.exit_code == 0 and data["schema_version"] == 1
    ids = [d["id"] for d in data["drugs"]]
    assert "testorphine" in ids and set(data["drugs"][0]) == {"id", "name", "classes", "class_names"}
    _, opioids = frun.json("list", "--class", "opioid", "--json")
    got = {d["id"] for d in opioids["drugs"]} & {"testorphine", "testoxone", "testamine", "testoperamide", "testianeptine"}
    assert got == {"testorphine", "testoperamide", "testianeptine"}
    _, benzos = frun.json("list", "--class", "benzodiazepine", "--json")
    assert "testazepam" in {d["id"] for d in benzos["drugs"]}
    assert frun("list", "--class", "nonsense").exit_code == 2


def test_classes(run):
    r, data = run.json("classes", "--json")
    assert r.exit_code == 0
    ids = {c["id"] for c in data["classes"]}
    assert {"opioid", "opioid-antagonist", "benzodiazepine"} <= ids
    assert all(c["definition"] for c in data["classes"])
    assert "opioid" in {f["id"] for f in data["families"]}
    assert "opioid" in run("classes").stdout


def test_classify_table_and_json(frun):
    r = frun("classify", "testamine")
    assert r.exit_code == 0
    assert "Opioid? No" in r.stdout and "Myth: Testamine is an opioid." in r.stdout
    r, data = frun.json("classify", "testamine", "--json")
    assert data["drug"]["id"] == "testamine" and "pharmacological" in data["systems"]
    assert any(v["class"] == "opioid" and v["verdict"] == "no" for v in data["verdicts"])


def test_data_markup_and_escapes_print_literally(frun):
    r = frun("show", "testamine")
    assert "[bold]not markup[/bold]" in r.stdout
    assert "[bold red]Markup[/]" in r.stdout
    assert "\x1b" not in r.stdout and "\\x1b[31m" in r.stdout


def test_json_has_no_ansi_and_nothing_else(frun):
    r = frun("testorphine", "testamine", "--json")
    assert "\x1b" not in r.stdout
    json.loads(r.stdout)


def test_version(run):
    r = run("--version")
    assert r.exit_code == 0 and r.stdout.startswith("drugcompare ")


def test_check_ok(frun):
    r = frun("check")
    assert r.exit_code == 0 and "OK" in r.stdout


def test_check_reports_complete_profiles_and_gaps_separately(frun):
    r = frun("check", "--json")
    report = json.loads(r.stdout)
    n = report["summary"]["drugs"]
    assert report["summary"]["complete profiles (every required section, sourced)"] == f"{n} / {n}"
    assert report["incomplete"] == []
    assert isinstance(report["gaps"], list)
    assert all(": " in g for g in report["gaps"])


def test_check_names_a_profile_missing_a_required_section():
    import copy

    from drugcompare.check import missing_sections, unknown_facts
    from drugcompare.dataset import data_paths, load_documents
    from drugcompare.compiler import compile_dataset

    compiled = compile_dataset(load_documents(data_paths()))
    morphine = copy.deepcopy(compiled["drugs"]["morphine"])
    assert missing_sections(morphine) == []
    morphine["uses"] = []
    morphine["sources"] = [s for s in morphine["sources"] if "legal" not in s["sections"]]
    morphine["legal"]["uk_mda_class"] = None
    assert missing_sections(morphine) == ["uses", "no source for legal"]
    assert "UK class unknown" in unknown_facts(morphine)


def test_check_bad_file_exit_2(run, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("drugs:\n  x:\n    name: X\n    nme: Y\n")
    r = run("check", str(bad))
    assert r.exit_code == 2
    assert "bad.yaml: drugs.x.nme: unknown key" in r.stderr
    assert r.stdout == ""
