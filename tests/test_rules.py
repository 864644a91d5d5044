"""Verdicts follow from the profile (targets, actions, classes), never from a list of answers."""

from __future__ import annotations

import pytest

from drugcompare.classification import classify, is_a
from drugcompare.rules import verdict_exit_code


@pytest.mark.parametrize("drug, family, verdict", [
    ("testorphine", "opioid", "yes"),
    ("testoxone", "opioid", "no"),
    ("testoxone", "opioid-antagonist", "yes"),
    ("testamine", "opioid", "no"),
    ("testamine", "dissociative", "yes"),
    ("testoperamide", "opioid", "yes"),
    ("testianeptine", "opioid", "borderline"),
    ("testazepam", "benzodiazepine", "yes"),
    ("testazepam", "opioid", "no"),
    ("testorphine", "depressant", "yes"),
    ("testoperamide", "depressant", "no"),
    ("testorphine", "controlled-us", "yes"),
    ("testoxone", "controlled-us", "no"),
    ("testianeptine", "controlled-us", "borderline"),
    ("testorphine", "narcotic-us", "yes"),
])
def test_fixture_verdicts(fixture_ds, drug, family, verdict):
    assert is_a(fixture_ds, fixture_ds.drug(drug), family).verdict == verdict


def test_verdict_changes_with_the_data_not_the_name(fixture_ds):
    """Flip a target's action and the verdict flips: the rule reads the profile."""
    drug = fixture_ds.drug("testoxone")
    target = drug.mechanism.targets[0]._replace(action="agonist")
    mech = drug.mechanism._replace(targets=[target])
    flipped = drug._replace(mechanism=mech)
    assert is_a(fixture_ds, drug, "opioid").verdict == "no"
    assert is_a(fixture_ds, flipped, "opioid").verdict == "yes"


def test_peripheral_caveat_is_part_of_the_explanation(fixture_ds):
    v = is_a(fixture_ds, fixture_ds.drug("testoperamide"), "opioid")
    assert v.caveat == "it does not act on the brain at normal doses"
    assert "but it does not act on the brain at normal doses" in v.explanation


def test_no_verdict_names_the_real_mechanism_and_the_secondary_action(fixture_ds):
    v = is_a(fixture_ds, fixture_ds.drug("testamine"), "opioid")
    assert "NMDA receptor" in v.explanation and "channel blocker" in v.explanation
    assert "Secondary (not its main effect): μ-opioid receptor" in v.explanation
    facts = [e.fact for e in v.evidence]
    assert any(f.startswith("secondary action: μ-opioid receptor") for f in facts)
    assert any("ATC N01AX03 (Other general anesthetics), not in N02A (Opioids)" in f for f in facts)
    assert all(e.sources for e in v.evidence), "every fact carries its source"
    assert [m.belief for m in v.misconceptions] == ["Testamine is an opioid."]


def test_a_plain_class_can_be_asked(fixture_ds):
    assert is_a(fixture_ds, fixture_ds.drug("testamine"), "nmda-antagonist").verdict == "yes"
    assert is_a(fixture_ds, fixture_ds.drug("testorphine"), "nmda-antagonist").verdict == "no"


def test_exit_codes():
    assert [verdict_exit_code(v) for v in ("yes", "no", "borderline")] == [0, 1, 3]


def test_classify_groups_classes_by_system_and_lists_confusions(fixture_ds):
    c = classify(fixture_ds, fixture_ds.drug("testamine"))
    assert [e.id for e in c.systems["pharmacological"]] == ["dissociative"]
    assert [e.id for e in c.systems["mechanism"]] == ["nmda-antagonist"]
    families = {v.family: v.verdict for v in c.verdicts}
    assert families["dissociative"] == "yes"
    assert families["opioid"] == "no"  # confused: a misconception, a secondary target, shared use (pain)
    assert "controlled-us" not in families  # legal questions are shown apart


def test_implied_classes_are_marked(fixture_ds):
    c = classify(fixture_ds, fixture_ds.drug("testorphine"))
    entries = {e.id: e.direct for es in c.systems.values() for e in es}
    assert entries == {"opioid-full-agonist": True, "opioid": False}
