"""What a drug is under each classification system, and the families it is confused with."""

from __future__ import annotations

from .dataset import Dataset
from .model import ClassEntry, Classification, Drug, Verdict
from .rules import evaluate
from .vocab import CLASS_SYSTEMS

LEGAL_FAMILIES_PREFIX = ("controlled-", "narcotic-")


def is_a(ds: Dataset, drug: Drug, family: str) -> Verdict:
    """The verdict for one family (or class) id."""
    return evaluate(drug, family, ds.families, ds.classes, ds.atc_names)


def in_family(ds: Dataset, drug: Drug, family: str) -> bool:
    """Membership used by interaction rules: a yes or a borderline counts (err on caution).

    Only the deciding rule is needed here, not the evidence a Verdict carries."""
    from .rules import decide

    if family in ds.families:
        return decide(drug, ds.families[family])["verdict"] in ("yes", "borderline")
    return family in drug.all_classes


def classify(ds: Dataset, drug: Drug) -> Classification:
    """Classes per system, plus verdicts for the families the drug belongs to or is confused with.

    A family counts as "confused with" the drug when the drug has a misconception about it,
    when one of its secondary targets is one the family's rules look at, or when the
    family's members share a use area with the drug (precomputed at compile time).
    """
    systems: dict[str, list[ClassEntry]] = {s: [] for s in CLASS_SYSTEMS}
    for cid in drug.all_classes:
        c = ds.classes[cid]
        systems[c["system"]].append(ClassEntry(cid, c["name"], c["system"], c["definition"], cid in drug.classes))
    areas = {u.area for u in drug.uses if u.area not in ("other", "recreational")}
    misconception_families = {m.family for m in drug.misconceptions if m.family}
    family_areas = ds.family_areas
    verdicts: list[Verdict] = []
    for fid in ds.families:
        if fid.startswith(LEGAL_FAMILIES_PREFIX):
            continue
        v = is_a(ds, drug, fid)
        secondary = any(e.fact.startswith("secondary") for e in v.evidence)
        related = bool(areas & set(family_areas.get(fid, [])))
        if v.verdict != "no" or fid in misconception_families or secondary or related:
            verdicts.append(v)
    order = {"yes": 0, "borderline": 1, "no": 2}
    verdicts.sort(key=lambda v: order[v.verdict])
    return Classification(drug, {k: v for k, v in systems.items() if v}, drug.atc_groups, drug.legal, verdicts)


def legal_verdicts(ds: Dataset, drug: Drug) -> list[Verdict]:
    return [is_a(ds, drug, fid) for fid in ds.families if fid.startswith(LEGAL_FAMILIES_PREFIX)]
