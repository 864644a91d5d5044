"""The shipped data: valid, complete, consistent, and the classic confusions answered right.

These verdicts are computed by the rules in data/classes.yaml from each profile; the
expectations here are what the pharmacology literature says, so a wrong profile or a
wrong rule fails a test.
"""

from __future__ import annotations

import json
import re

import pytest

from drugcompare import vocab
from drugcompare.classification import is_a
from drugcompare.dataset import load
from drugcompare.interaction_rules import find
from drugcompare.classification import in_family


@pytest.fixture(scope="module")
def ds():
    return load()


CLASSIC = [
    ("ketamine", "opioid", "no"), ("esketamine", "opioid", "no"), ("tramadol", "opioid", "yes"),
    ("tapentadol", "opioid", "yes"), ("loperamide", "opioid", "yes"), ("dextromethorphan", "opioid", "no"),
    ("naloxone", "opioid", "no"), ("naltrexone", "opioid", "no"), ("buprenorphine", "opioid", "yes"),
    ("gabapentin", "opioid", "no"), ("pregabalin", "opioid", "no"), ("kratom", "opioid", "borderline"),
    ("tianeptine", "opioid", "borderline"), ("morphine", "opioid", "yes"), ("heroin", "opioid", "yes"),
    ("fentanyl", "opioid", "yes"), ("methadone", "opioid", "yes"), ("codeine", "opioid", "yes"),
    ("oxycodone", "opioid", "yes"), ("naloxone", "opioid-antagonist", "yes"),
    ("ketamine", "dissociative", "yes"), ("diazepam", "benzodiazepine", "yes"),
    ("alprazolam", "benzodiazepine", "yes"), ("zolpidem", "benzodiazepine", "no"),
    ("gabapentin", "benzodiazepine", "no"), ("cocaine", "stimulant", "yes"), ("cocaine", "opioid", "no"),
    ("amphetamine", "stimulant", "yes"), ("psilocybin", "psychedelic", "yes"), ("ketamine", "psychedelic", "no"),
    ("ibuprofen", "nsaid", "yes"), ("paracetamol", "nsaid", "no"), ("ibuprofen", "opioid", "no"),
    ("alcohol", "depressant", "yes"), ("diazepam", "depressant", "yes"), ("esketamine", "antidepressant", "yes"),
    ("tianeptine", "antidepressant", "yes"), ("ketamine", "antidepressant", "no"), ("xylazine", "opioid", "no"),
    ("etizolam", "benzodiazepine", "no"), ("mdma", "stimulant", "borderline"), ("mdma", "psychedelic", "no"),
    ("clonidine", "opioid", "no"), ("nicotine", "stimulant", "yes"),
    ("heroin", "controlled-us", "yes"), ("ibuprofen", "controlled-us", "no"),
    # antidepressants, antipsychotics, lithium and the drugs mistaken for benzodiazepines or stimulants
    ("sertraline", "antidepressant", "yes"), ("sertraline", "opioid", "no"), ("sertraline", "serotonergic", "yes"),
    ("sertraline", "controlled-us", "no"), ("Prozac", "serotonergic", "yes"), ("duloxetine", "opioid", "no"),
    ("amitriptyline", "opioid", "no"), ("bupropion", "stimulant", "no"), ("bupropion", "antidepressant", "yes"),
    ("mirtazapine", "serotonergic", "yes"), ("phenelzine", "serotonergic", "yes"),
    ("trazodone", "benzodiazepine", "no"), ("lithium", "antidepressant", "no"),
    ("quetiapine", "benzodiazepine", "no"), ("atomoxetine", "stimulant", "no"),
    ("buspirone", "benzodiazepine", "no"), ("flumazenil", "benzodiazepine", "no"),
    ("pseudoephedrine", "controlled-us", "no"),
]

# Every drug issue 3 names, by a name a user would type (generic, US or UK name, or common name).
ISSUE_3_DRUGS = """hydrocodone hydromorphone oxymorphone pethidine meperidine tapentadol dihydrocodeine diamorphine
buprenorphine butorphanol nalbuphine pentazocine naloxone naltrexone nalmefene methylnaltrexone kratom mitragynine
tianeptine loperamide eluxadoline ketamine esketamine phencyclidine dextromethorphan memantine nitrous-oxide propofol
etomidate midazolam clonazepam lorazepam temazepam chlordiazepoxide zolpidem zopiclone phenobarbital gabapentin
pregabalin carisoprodol cyclobenzaprine baclofen tizanidine amphetamine lisdexamfetamine methamphetamine
methylphenidate cocaine modafinil caffeine nicotine varenicline sertraline fluoxetine citalopram escitalopram
paroxetine venlafaxine duloxetine amitriptyline nortriptyline bupropion mirtazapine trazodone phenelzine
tranylcypromine moclobemide quetiapine olanzapine lithium psilocybin LSD DMT mescaline MDMA THC dronabinol nabilone
cannabidiol alcohol GHB sodium-oxybate phenibut ibuprofen naproxen diclofenac aspirin ketorolac celecoxib paracetamol
lidocaine bupivacaine clonidine lofexidine dexmedetomidine diphenhydramine promethazine ondansetron""".split()


@pytest.mark.parametrize("drug, family, expected", CLASSIC)
def test_classic_confusions(ds, drug, family, expected):
    v = is_a(ds, ds.lookup(drug), ds.find_family(family))
    assert v.verdict == expected, v.explanation


def test_verdicts_for_every_drug_and_family_follow_from_the_rules(ds):
    """Every drug gets a verdict for every family, each with evidence and an explanation."""
    counts = {"yes": 0, "no": 0, "borderline": 0}
    for row in ds.listing():
        drug = ds.drug(row[0])
        for fid in ds.families:
            v = is_a(ds, drug, fid)
            counts[v.verdict] += 1
            assert v.explanation and v.evidence
            if fid == "opioid" and v.verdict == "yes":
                assert "opioid" in drug.all_classes, f"{drug.id} acts as an opioid but is in no opioid class"
    assert all(counts.values())


def test_breadth(ds):
    assert len(ds.listing()) >= 150
    used = {c for row in ds.listing() for c in row[3]}
    assert len(used) >= 25


@pytest.mark.parametrize("name", ISSUE_3_DRUGS)
def test_every_drug_the_breadth_issue_names_is_there(ds, name):
    assert ds.resolve(name.replace("-", " ")).drug_ids, name


def test_every_profile_is_complete_and_consistent(ds):
    atc = re.compile(f"^{vocab.ATC_PATTERN}$")
    for row in ds.listing():
        d = ds.drug(row[0])
        assert d.atc or d.atc_note, f"{d.id}: ATC or an explicit note"
        assert all(atc.match(c) for c in d.atc)
        assert all(g.group_name for g in d.atc_groups), f"{d.id}: every ATC group has its name"
        assert d.primary_targets and d.uses and d.side_effects and d.addiction.basis
        assert d.legal.as_of
        for section in vocab.SOURCED_SECTIONS:
            if section != "misconceptions" or d.misconceptions:
                assert d.sources_for(section), f"{d.id}: no source for {section}"
        assert all(s.checked and (s.url or s.citation) for s in d.sources)


def test_names_resolve_across_kinds(ds):
    pairs = {"acetaminophen": "paracetamol", "meperidine": "pethidine", "heroin": "diamorphine",
             "Ketalar": "ketamine", "MS Contin": "morphine", "tramadol hydrochloride": "tramadol",
             "Neurontin": "gabapentin", "Ultram": "tramadol", "ULTRAM": "tramadol",
             "KETAMINE": "ketamine", "Special K": "ketamine"}
    for name, drug_id in pairs.items():
        assert ds.resolve(name).drug_ids == [drug_id], name


def test_combination_products_resolve_to_components(ds):
    expected = {"co-codamol": {"codeine", "paracetamol"}, "co-dydramol": {"dihydrocodeine", "paracetamol"},
                "Percocet": {"oxycodone", "paracetamol"}, "Vicodin": {"hydrocodone", "paracetamol"},
                "Suboxone": {"buprenorphine", "naloxone"}, "Zubsolv": {"buprenorphine", "naloxone"},
                "Lomotil": {"diphenoxylate", "atropine"}, "Spravato": {"esketamine"}}
    for name, comps in expected.items():
        assert set(ds.resolve(name).drug_ids) == comps, name


def _found(ds, *names):
    drugs = [ds.lookup(n) for n in names]
    return find(drugs, ds.interaction_rules, lambda d, f: in_family(ds, d, f))


def test_opioid_with_benzodiazepine_is_serious_with_its_fda_source(ds):
    found = _found(ds, "oxycodone", "alprazolam")
    top = found[0]
    assert top.severity in ("serious", "contraindicated")
    assert any("FDA" in s.title for i in found for s in i.sources)


@pytest.mark.parametrize("a, b, severity", [("tramadol", "mdma", "serious"), ("dextromethorphan", "tramadol", "serious"),
                                            ("ondansetron", "tramadol", "moderate"),
                                            ("sertraline", "phenelzine", "contraindicated"),
                                            ("Emsam", "fluoxetine", "contraindicated"),
                                            ("venlafaxine", "tranylcypromine", "contraindicated"),
                                            ("mirtazapine", "tramadol", "serious")])
def test_serotonin_syndrome_pairs(ds, a, b, severity):
    found = _found(ds, a, b)
    hits = [i for i in found if "serotonin" in i.effect.lower()]
    assert hits and hits[0].severity == severity, [(i.id, i.severity) for i in found]
    assert all(s.title for i in hits for s in i.sources)


@pytest.mark.parametrize("a, b", [("methadone", "buprenorphine"), ("oxycodone", "naltrexone")])
def test_precipitated_withdrawal(ds, a, b):
    found = _found(ds, a, b)
    assert any("withdrawal" in i.effect.lower() for i in found), [i.id for i in found]


def test_lithium_with_an_nsaid_is_serious(ds):
    found = _found(ds, "lithium", "ibuprofen")
    assert [(i.id, i.severity) for i in found] == [("lithium-nsaid", "serious")]
    assert "lithium" in found[0].effect.lower() and found[0].sources


@pytest.mark.parametrize("a, b, rule", [("phenelzine", "bupropion", "maoi-bupropion"),
                                        ("Parnate", "mirtazapine", "maoi-mirtazapine"),
                                        ("selegiline", "pseudoephedrine", "maoi-pseudoephedrine"),
                                        ("lithium", "sertraline", "lithium-serotonergic")])
def test_rules_for_the_antidepressant_groups(ds, a, b, rule):
    assert rule in [i.id for i in _found(ds, a, b)]


def test_a_pair_with_no_interaction(ds):
    assert _found(ds, "caffeine", "ondansetron") == []


def test_suboxone_methadone_shows_the_components(run):
    r = run("suboxone", "methadone", "--json")
    assert r.exit_code == 0
    import json

    data = json.loads(r.stdout)
    assert [d["id"] for d in data["drugs"]] == ["buprenorphine", "naloxone", "methadone"]


def test_shipped_json_matches_the_yaml_files():
    """data/shipped.json (the pre-parsed YAML for a fast first run) is regenerated with the data."""
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "scripts" / "build_shipped_json.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_an_edited_yaml_file_is_never_shadowed_by_shipped_json(tmp_path):
    from drugcompare import shipped

    stored = shipped.read()
    raw = b"schema_version: 1\ngroups: {}\n"
    assert shipped.document(str(tmp_path / "atc.yaml"), raw, stored) is None


def test_the_precompiled_dataset_is_what_compiling_the_files_gives():
    from drugcompare import shipped
    from drugcompare.compiler import compile_dataset
    from drugcompare.dataset import data_paths, load_documents

    ready = shipped.compiled(data_paths())
    assert ready is not None
    # Equal, key order included: the order of the YAML files is the order of the output.
    assert json.dumps(ready) == json.dumps(compile_dataset(load_documents(data_paths())))


def test_documents_from_shipped_json_keep_the_yaml_key_order():
    from drugcompare import shipped, yamlio
    from drugcompare.dataset import data_paths

    stored = shipped.read()
    for path in data_paths():
        with open(path, "rb") as fh:
            raw = fh.read()
        assert json.dumps(shipped.document(path, raw, stored)) == json.dumps(
            yamlio.parse(raw.decode("utf-8"), path), default=str)


def test_an_edited_yaml_file_is_never_shadowed_by_compiled_json(tmp_path, monkeypatch):
    import shutil

    from drugcompare import dataset, shipped

    copies = []
    for path in dataset.data_paths():
        copies.append(str(tmp_path / path.rsplit("/", 1)[1]))
        shutil.copy(path, copies[-1])
    monkeypatch.setattr(dataset, "data_paths", lambda extra=(): copies)
    assert shipped.compiled(copies) is not None  # unchanged copies: the same hashes
    with open(copies[0], "a", encoding="utf-8") as fh:
        fh.write("# an edit\n")
    assert shipped.compiled(copies) is None
    assert shipped.compiled(copies[:4] + copies[4:] + [copies[0]]) is None  # user files on top: never
