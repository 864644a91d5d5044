"""The JSON shapes of every result (the public contract, schema_version 1).

Every machine-readable format is built from these dicts, and they are built from the same
result objects as the tables, so the formats cannot disagree.
"""

from __future__ import annotations

from typing import Any

from . import SCHEMA_VERSION
from .model import Classification, Comparison, Drug, Interaction, Resolution, Verdict, plain


def drug(d: Drug) -> dict[str, Any]:
    return plain(d)


def resolution(r: Resolution) -> dict[str, Any]:
    return plain(r)


def interaction(i: Interaction) -> dict[str, Any]:
    return plain(i)


def verdict(v: Verdict) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "drug": v.drug,
        "class": v.family,
        "class_name": v.family_name,
        "verdict": v.verdict,
        "explanation": v.explanation,
        "caveat": v.caveat,
        "evidence": [plain(e) for e in v.evidence],
        "definition": v.definition,
        "misconceptions": [plain(m) for m in v.misconceptions],
    }


def verdict_brief(v: Verdict) -> dict[str, Any]:
    out = verdict(v)
    del out["schema_version"]
    return out


def comparison(c: Comparison) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "resolved": [resolution(r) for r in c.resolutions],
        "drugs": [drug(d) for d in c.drugs],
        "rows": [{"field": r.key, "label": r.label, "values": dict(zip([d.id for d in c.drugs], r.values)),
                  "differs": r.differs} for r in c.rows],
        "differences": [{"field": r.key, "label": r.label,
                         "values": dict(zip([d.id for d in c.drugs], r.values))} for r in c.rows if r.differs],
        "interactions": [interaction(i) for i in c.interactions],
        "checked": c.checked,
        "disclaimer": DISCLAIMER,
    }


def classification(c: Classification, legal: list[Verdict]) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "drug": drug(c.drug),
        "systems": {k: [plain(e) for e in v] for k, v in c.systems.items()},
        "atc": [plain(a) for a in c.atc],
        "legal": plain(c.legal),
        "legal_verdicts": [verdict_brief(v) for v in legal],
        "verdicts": [verdict_brief(v) for v in c.verdicts],
        "disclaimer": DISCLAIMER,
    }


def interactions(drugs: list[Drug], found: list[Interaction]) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "drugs": [d.id for d in drugs],
            "interactions": [interaction(i) for i in found], "disclaimer": DISCLAIMER}


DISCLAIMER = "For information only — not medical advice."
