"""JSON Schemas of the data files and of the JSON outputs (`drugcompare schema`).

The data-file schemas come from the same spec objects that validate the files (schema.py),
so they cannot drift from what the loader enforces. The output schemas describe the
schema_version 1 contract; tests validate real output against them.
"""

from __future__ import annotations

from typing import Any

from . import SCHEMA_VERSION, vocab

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _obj(props: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {"type": "object", "properties": props, "required": required if required is not None else list(props)}


STR = {"type": "string"}
STRS = {"type": "array", "items": STR}
NSTR = _nullable(STR)
BOOL = {"type": "boolean"}

SOURCE = _obj({"id": STR, "title": STR, "url": NSTR, "citation": NSTR, "checked": {"type": "string", "format": "date"},
               "sections": {"type": "array", "items": {"enum": vocab.SECTIONS}}})

DRUG = _obj({
    "id": {"type": "string", "pattern": f"^{vocab.ID_PATTERN}$"},
    "name": STR,
    "aliases": {"type": "array", "items": _obj({"name": STR, "kind": {"enum": vocab.ALIAS_KINDS}, "country": STRS,
                                                "note": NSTR})},
    "classes": STRS,
    "all_classes": STRS,
    "atc": {"type": "array", "items": {"type": "string", "pattern": f"^{vocab.ATC_PATTERN}$"}},
    "atc_groups": {"type": "array", "items": _obj({"code": STR, "group": STR, "group_name": NSTR})},
    "atc_note": NSTR,
    "mechanism": _obj({"summary": STR, "peripherally_restricted": BOOL, "targets": {"type": "array", "items": _obj({
        "target": STR, "target_id": STR, "family": STR, "action": {"enum": vocab.ACTIONS}, "primary": BOOL,
        "note": NSTR})}}),
    "uses": {"type": "array", "items": _obj({"use": STR, "area": {"enum": vocab.USE_AREAS},
                                             "status": {"enum": vocab.USE_STATUSES}, "regions": STRS, "note": NSTR})},
    "side_effects": {"type": "array", "items": _obj({"effect": STR, "frequency": {"enum": vocab.FREQUENCIES},
                                                     "serious": BOOL, "note": NSTR})},
    "boxed_warnings": _nullable(STRS),
    "addiction": _obj({"potential": {"enum": vocab.POTENTIALS}, "basis": STR, "withdrawal": _nullable(BOOL),
                       "withdrawal_note": NSTR, "respiratory_depression": _nullable(BOOL), "overdose_note": NSTR,
                       "scores": {"type": "array", "items": _obj({
                           "scale": STR, "substance": STR, "pleasure": _nullable({"type": "number"}),
                           "psychological": _nullable({"type": "number"}), "physical": _nullable({"type": "number"}),
                           "ref": STR})}}),
    "legal": _obj({"us_csa": _nullable({"enum": vocab.US_CSA}), "us_narcotic": _nullable(BOOL), "us_note": NSTR,
                   "uk_mda_class": _nullable({"enum": vocab.UK_MDA}),
                   "uk_mdr_schedule": _nullable({"enum": vocab.UK_MDR}),
                   "uk_mdr_part": _nullable({"enum": vocab.UK_MDR_PARTS}), "uk_note": NSTR,
                   "un_1961": _nullable({"enum": vocab.UN_SCHEDULES}), "un_1971": _nullable({"enum": vocab.UN_SCHEDULES}),
                   "changes": {"type": "array", "items": _obj({"date": STR, "jurisdiction": STR, "change": STR})},
                   "as_of": {"type": "string", "format": "date"}}),
    "misconceptions": {"type": "array", "items": _obj({"belief": STR, "correction": STR, "family": NSTR,
                                                       "sources": STRS})},
    "sources": {"type": "array", "items": SOURCE},
    "origin": STR,
})

EVIDENCE = _obj({"fact": STR, "field": STR, "sources": STRS})
VERSION = {"const": SCHEMA_VERSION}
VERDICT_BODY = {"drug": STR, "class": STR, "class_name": STR, "verdict": {"enum": vocab.VERDICTS},
                "explanation": STR, "caveat": NSTR, "evidence": {"type": "array", "items": EVIDENCE},
                "definition": NSTR, "misconceptions": {"type": "array"}}
INTERACTION = _obj({"id": STR, "drugs": STRS, "severity": {"enum": vocab.SEVERITIES}, "effect": STR, "advice": STR,
                    "note": NSTR, "because": STRS, "sources": {"type": "array", "items": SOURCE}})
RESOLUTION = _obj({"query": STR, "drug_ids": STRS,
                   "match": {"enum": ["exact", "alias", "brand", "street", "combination", "fuzzy", "none"]},
                   "matched_name": NSTR, "product": NSTR, "alias_kind": NSTR})

OUTPUTS: dict[str, dict[str, Any]] = {
    "compare": _obj({"schema_version": VERSION, "resolved": {"type": "array", "items": RESOLUTION},
                     "drugs": {"type": "array", "items": DRUG}, "rows": {"type": "array"},
                     "differences": {"type": "array", "items": _obj({"field": STR, "label": STR,
                                                                      "values": {"type": "object"}})},
                     "interactions": {"type": "array", "items": INTERACTION}, "checked": STR, "disclaimer": STR}),
    "show": _obj({"schema_version": VERSION, "drug": DRUG, "products": {"type": "array"}}),
    "is": _obj({"schema_version": VERSION, **VERDICT_BODY}),
    "list": _obj({"schema_version": VERSION, "drugs": {"type": "array", "items": _obj(
        {"id": STR, "name": STR, "classes": STRS, "class_names": STRS})}}),
    "interactions": _obj({"schema_version": VERSION, "drugs": STRS,
                          "interactions": {"type": "array", "items": INTERACTION}, "disclaimer": STR}),
    "classify": _obj({"schema_version": VERSION, "drug": DRUG, "systems": {"type": "object"},
                      "atc": {"type": "array"}, "legal": {"type": "object"},
                      "legal_verdicts": {"type": "array", "items": _obj(VERDICT_BODY)},
                      "verdicts": {"type": "array", "items": _obj(VERDICT_BODY)}, "disclaimer": STR}),
}


def data_schema(role: str) -> dict[str, Any]:
    from .schema import FILE_SPECS

    return {"$schema": DRAFT, "title": f"drugcompare data file: {role}", **FILE_SPECS[role].json_schema()}


def output_schema(name: str) -> dict[str, Any]:
    return {"$schema": DRAFT, "title": f"drugcompare {name} --json (schema_version {SCHEMA_VERSION})", **OUTPUTS[name]}


def names() -> list[str]:
    return [f"data:{r}" for r in vocab.ROLES] + list(OUTPUTS)
