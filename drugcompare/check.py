"""`drugcompare check`: validate data files and report how complete the profiles are."""

from __future__ import annotations

import copy
from typing import Any

from . import vocab, yamlio
from .compiler import compile_dataset
from .dataset import data_paths, load_documents
from .errors import DataError, Problem

DRAFT_KEYS = {"drugs", "products", "new_sources", "new_classes", "new_targets", "new_atc_groups"}


def _merge_draft(docs: dict[str, list[tuple[str, Any]]], label: str, draft: Any) -> None:
    """Fold a curator's draft (drugs plus new_* sections) into the shipped documents."""
    if not isinstance(draft, dict):
        raise DataError([Problem(label, "", "a draft must be a mapping")])
    unknown = set(draft) - DRAFT_KEYS
    if unknown:
        raise DataError([Problem(label, k, "unknown key in a draft") for k in sorted(unknown)])
    classes_label, classes_doc = docs["classes"][0]
    classes_doc = copy.deepcopy(classes_doc)
    classes_doc["classes"].update(draft.get("new_classes") or {})
    docs["classes"][0] = (classes_label, classes_doc)
    targets_label, targets_doc = docs["targets"][0]
    targets_doc = copy.deepcopy(targets_doc)
    targets_doc["targets"].update(draft.get("new_targets") or {})
    docs["targets"][0] = (targets_label, targets_doc)
    atc_label, atc_doc = docs["atc"][0]
    atc_doc = copy.deepcopy(atc_doc)
    atc_doc["groups"].update(draft.get("new_atc_groups") or {})
    docs["atc"][0] = (atc_label, atc_doc)
    docs["drugs"].append((label, {"sources": draft.get("new_sources") or {},
                                  "drugs": draft.get("drugs") or {}, "products": draft.get("products") or {}}))


def run_check(files: list[str], draft: bool = False) -> dict[str, Any]:
    """Validate the shipped data plus ``files``; return the coverage report (DataError if invalid)."""
    if draft:
        docs = load_documents(data_paths())
        for f in files:
            _merge_draft(docs, f, yamlio.load_file(f))
    else:
        docs = load_documents(data_paths(files))
    compiled = compile_dataset(docs)
    return report(compiled)


def report(compiled: dict[str, Any]) -> dict[str, Any]:
    drugs = compiled["drugs"]
    n = len(drugs) or 1
    filled = {
        "aliases": sum(1 for d in drugs.values() if d["aliases"]),
        "atc (or atc_note)": sum(1 for d in drugs.values() if d["atc"] or d["atc_note"]),
        "secondary targets": sum(1 for d in drugs.values() if any(not t["primary"] for t in d["mechanism"]["targets"])),
        "side effects with a known frequency": sum(
            1 for d in drugs.values() if any(s["frequency"] != "unknown" for s in d["side_effects"])),
        "us_csa known": sum(1 for d in drugs.values() if d["legal"]["us_csa"] is not None),
        "uk_mda_class known": sum(1 for d in drugs.values() if d["legal"]["uk_mda_class"] is not None),
        "misconceptions": sum(1 for d in drugs.values() if d["misconceptions"]),
        "published scores": sum(1 for d in drugs.values() if d["addiction"]["scores"]),
    }
    incomplete = [f"{d['id']}: {', '.join(missing)}" for d in drugs.values() if (missing := missing_sections(d))]
    gaps = [f"{d['id']}: {', '.join(unknown)}" for d in drugs.values() if (unknown := unknown_facts(d))]
    source_counts = [len(d["sources"]) for d in drugs.values()]
    used_classes = {c for d in drugs.values() for c in d["all_classes"]}
    summary = {
        "drugs": len(drugs),
        "complete profiles (every required section, sourced)": f"{len(drugs) - len(incomplete)} / {len(drugs)}",
        "profiles with a gap (a fact left unknown)": f"{len(gaps)} / {len(drugs)}",
        "products": len(compiled["products"]),
        "classes (used / defined)": f"{len(used_classes)} / {len(compiled['classes'])}",
        "families": len(compiled["families"]),
        "interaction rules": len(compiled["interactions"]),
        "names indexed": len(compiled["names"]),
        "sources per drug (min / mean)": (f"{min(source_counts)} / {sum(source_counts) / len(source_counts):.1f}"
                                          if source_counts else "0 / 0"),
        "oldest checked date": compiled["checked"][0],
        "newest checked date": compiled["checked"][1],
    }
    for k, v in filled.items():
        summary[f"profiles with {k}"] = f"{v} / {len(drugs)} ({100 * v // n}%)"
    return {"ok": True, "summary": summary, "warnings": [f"{w[0]}: {w[1]}: {w[2]}" for w in compiled["warnings"]],
            "incomplete": incomplete, "gaps": gaps, "sections_required": vocab.SOURCED_SECTIONS}


def missing_sections(d: dict[str, Any]) -> list[str]:
    """The required sections a compiled profile lacks (validation should already have refused them)."""
    sourced = {s for src in d["sources"] for s in src["sections"]}
    has = {
        "atc": bool(d["atc"] or d["atc_note"]),
        "mechanism": any(t["primary"] for t in d["mechanism"]["targets"]),
        "uses": bool(d["uses"]),
        "side_effects": bool(d["side_effects"]),
        "addiction": bool(d["addiction"]["potential"] and d["addiction"]["basis"]),
        "legal": bool(d["legal"]["as_of"]),
        "classes": bool(d["classes"]),
    }
    missing = [section for section, ok in has.items() if not ok]
    required = [s for s in vocab.SOURCED_SECTIONS if s != "misconceptions" or d["misconceptions"]]
    missing += [f"no source for {s}" for s in required if s not in sourced]
    return missing


def unknown_facts(d: dict[str, Any]) -> list[str]:
    """Facts deliberately left empty because no source confirmed them (a gap, not an error)."""
    return [label for label, unknown in (
        ("US schedule unknown", d["legal"]["us_csa"] is None),
        ("UK class unknown", d["legal"]["uk_mda_class"] is None),
        ("withdrawal unknown", d["addiction"]["withdrawal"] is None),
        ("no misconceptions", not d["misconceptions"]),
    ) if unknown]
