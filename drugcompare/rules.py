"""Answer "is DRUG a FAMILY?" from the rules in data/classes.yaml, with the evidence used.

A family's rules are tried in order; the first whose conditions all hold gives the verdict.
The conditions look only at the profile (targets and actions, classes, ATC codes, legal
status), so a drug added to the data is classified without touching this code.
"""

from __future__ import annotations

from typing import Any

from .model import Drug, Evidence, Target, Verdict

_CSA_TEXT = {"not_controlled": "not controlled"}


def _target_matches(t: Target, cond: dict[str, Any]) -> bool:
    return (("family" not in cond or t.family == cond["family"])
            and ("id" not in cond or t.target_id == cond["id"])
            and ("action" not in cond or t.action in cond["action"])
            and ("primary" not in cond or t.primary == cond["primary"]))


def _holds(drug: Drug, cond: dict[str, Any]) -> bool:
    """True when every condition in ``cond`` holds for the drug."""
    if "class" in cond and cond["class"] not in drug.all_classes:
        return False
    if "target" in cond and not any(_target_matches(t, cond["target"]) for t in drug.mechanism.targets):
        return False
    if "not_target" in cond and any(_target_matches(t, cond["not_target"]) for t in drug.mechanism.targets):
        return False
    if "peripherally_restricted" in cond and drug.mechanism.peripherally_restricted != cond["peripherally_restricted"]:
        return False
    if "atc" in cond and not any(code.startswith(tuple(cond["atc"])) for code in drug.atc):
        return False
    if "us_csa" in cond and drug.legal.us_csa not in cond["us_csa"]:
        return False
    if "uk_mda_class" in cond and drug.legal.uk_mda_class not in cond["uk_mda_class"]:
        return False
    if "us_narcotic" in cond and drug.legal.us_narcotic != cond["us_narcotic"]:
        return False
    if "any" in cond and not any(_holds(drug, sub) for sub in cond["any"]):
        return False
    return True


def _titles(drug: Drug, section: str) -> list[str]:
    return [s.title for s in drug.sources_for(section)]


def _family_target_conditions(family: dict[str, Any]) -> list[dict[str, Any]]:
    conds = []
    for rule in family["rules"]:
        when = rule["when"]
        for c in [when, *when.get("any", [])]:
            for key in ("target", "not_target"):
                if key in c:
                    conds.append({k: v for k, v in c[key].items() if k in ("family", "id")})
    return conds


def _family_classes(family: dict[str, Any]) -> list[str]:
    out = [family["class"]] if family.get("class") else []
    for rule in family["rules"]:
        when = rule["when"]
        for c in [when, *when.get("any", [])]:
            if "class" in c and c["class"] not in out:
                out.append(c["class"])
    return out


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def decide(drug: Drug, family: dict[str, Any]) -> dict[str, Any]:
    """The first rule of the family that holds for the drug (the last rule always holds)."""
    return next(r for r in family["rules"] if _holds(drug, r["when"]))


def evaluate(drug: Drug, family_id: str, families: dict[str, Any], classes: dict[str, Any],
             atc_names: dict[str, str]) -> Verdict:
    """The verdict of one family (or plain class) for one drug, with its evidence."""
    if family_id in families:
        family = families[family_id]
    else:  # a plain class: membership is the whole rule
        cls = classes[family_id]
        family = {"id": family_id, "name": cls["name"], "class": family_id, "atc_groups": [],
                  "rules": [{"when": {"class": family_id}, "verdict": "yes",
                             "because": f"it is in the class {cls['name']}", "caveat": None},
                            {"when": {}, "verdict": "no",
                             "because": f"it is not in the class {cls['name']}", "caveat": None}]}
    rule = decide(drug, family)
    evidence: list[Evidence] = []

    # Mechanism: the primary targets, and any target the family's rules look at.
    watched = _family_target_conditions(family)
    for i, t in enumerate(drug.mechanism.targets):
        relevant = any(_target_matches(t, c) for c in watched)
        if t.primary or relevant:
            role = "primary" if t.primary else "secondary"
            evidence.append(Evidence(f"{role} action: {t.describe()}", f"mechanism.targets[{i}]",
                                     _titles(drug, "mechanism")))
    if drug.mechanism.peripherally_restricted:
        evidence.append(Evidence("acts outside the brain at normal doses (peripherally restricted)",
                                 "mechanism.peripherally_restricted", _titles(drug, "mechanism")))
    # Classes the rules look at: the family's own class always, the others when they apply.
    for n, cid in enumerate(_family_classes(family)):
        if cid in classes and (n == 0 and family.get("class") == cid or cid in drug.all_classes):
            member = cid in drug.all_classes
            evidence.append(Evidence(("in" if member else "not in") + f" the class {classes[cid]['name']}",
                                     "classes", _titles(drug, "classes")))
    # ATC: the drug's groups against the family's.
    fam_groups = family.get("atc_groups", [])
    for code in drug.atc_groups:
        text = f"ATC {code.code} ({code.group_name or 'group name not recorded'})"
        if fam_groups:
            inside = [g for g in fam_groups if code.code.startswith(g)]
            if inside:
                text += f", in {inside[0]} ({atc_names.get(inside[0], family['name'])})"
            else:
                text += ", not in " + ", ".join(f"{g} ({atc_names.get(g, '?')})" for g in fam_groups)
        evidence.append(Evidence(text, "atc", _titles(drug, "atc")))
    if not drug.atc:
        evidence.append(Evidence(f"no ATC code ({drug.atc_note})", "atc_note", _titles(drug, "atc")))
    legal = drug.legal
    us = legal.us_csa and (f"US CSA schedule {legal.us_csa}" if legal.us_csa != "not_controlled"
                           else "not controlled under the US CSA")
    uk = legal.uk_mda_class and (f"UK Misuse of Drugs Act class {legal.uk_mda_class}"
                                 if legal.uk_mda_class != "not_controlled" else "not controlled in the UK")
    evidence.append(Evidence("; ".join(x for x in (us or "US status not recorded", uk or "UK status not recorded")),
                             "legal", _titles(drug, "legal")))

    legal_family = family.get("class") in classes and classes[family["class"]]["system"] == "legal"
    explanation = _explain(drug, family, rule, with_mechanism=not legal_family)
    misconceptions = [m for m in drug.misconceptions if m.family == family_id]
    definition = classes[family["class"]]["definition"] if family.get("class") in classes else None
    return Verdict(drug.id, drug.name, family_id, family["name"], rule["verdict"], explanation,
                   rule.get("caveat"), evidence, definition, misconceptions)


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "?"


def _explain(drug: Drug, family: dict[str, Any], rule: dict[str, Any], with_mechanism: bool = True) -> str:
    word = {"yes": "Yes", "no": "No", "borderline": "Borderline"}[rule["verdict"]]
    # `because` may name legal facts: {us_csa}, {uk_mda_class}, {uk_mdr_schedule}.
    lg = drug.legal
    because = rule["because"].format_map(_Blank(us_csa=lg.us_csa, uk_mda_class=lg.uk_mda_class,
                                                 uk_mdr_schedule=lg.uk_mdr_schedule))
    head = f"{word} — {because}"
    head += f", but {rule['caveat']}." if rule.get("caveat") else "."
    primary = [t.describe() for t in drug.primary_targets]
    if not with_mechanism:
        return head
    parts = [head, f"Its main action: {'; '.join(primary)}." if primary else ""]
    watched = _family_target_conditions(family)
    secondary = [t for t in drug.mechanism.targets if not t.primary and any(_target_matches(t, c) for c in watched)]
    if secondary:
        parts.append("Secondary (not its main effect): " + "; ".join(t.describe() for t in secondary) + ".")
    return " ".join(p for p in parts if p)


def verdict_exit_code(verdict: str) -> int:
    """Exit codes of `drugcompare is`: 0 yes, 1 no, 3 borderline (2 is reserved for errors)."""
    return {"yes": 0, "no": 1, "borderline": 3}[verdict]
