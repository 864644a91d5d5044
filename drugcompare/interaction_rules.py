"""Which interaction rules apply between drugs taken together (data/interactions.yaml)."""

from __future__ import annotations

from itertools import combinations
from typing import Any, Callable

from .model import Drug, Interaction, Source
from .vocab import SEVERITIES


def _matches(drug: Drug, selector: dict[str, str], in_family: Callable[[Drug, str], bool]) -> str | None:
    """Why the drug matches the selector (a short phrase), or None."""
    (kind, ref), = selector.items()
    if kind == "drug":
        return "this drug" if drug.id == ref else None
    if kind == "class":
        return f"class {ref}" if ref in drug.all_classes else None
    return f"{ref}" if in_family(drug, ref) else None


def find(drugs: list[Drug], rules: list[dict[str, Any]], in_family: Callable[[Drug, str], bool],
         together: list[set[str]] | None = None) -> list[Interaction]:
    """Every rule that applies to a pair of the drugs, most severe first.

    ``together`` lists groups of drug ids that come in one product (e.g. Suboxone's
    buprenorphine and naloxone): pairs inside a group are formulated together on purpose
    and are not reported against each other.
    """
    found: list[Interaction] = []
    groups = together or []
    for a, b in combinations(drugs, 2):
        if a.id == b.id or any(a.id in g and b.id in g for g in groups):
            continue
        for rule in rules:
            s0, s1 = rule["between"][0], rule["between"][1]
            for x, y in ((a, b), (b, a)):
                why_x, why_y = _matches(x, s0, in_family), _matches(y, s1, in_family)
                if why_x and why_y:
                    found.append(Interaction(
                        rule["id"], [x.id, y.id], rule["severity"], rule["effect"], rule["advice"],
                        rule.get("note"), [f"{x.name}: {why_x}", f"{y.name}: {why_y}"],
                        [Source(**{**s, "id": s.get("id") or ""}) for s in rule["sources"]]))
                    break
    found.sort(key=lambda i: SEVERITIES.index(i.severity))
    return found


def exit_code(found: list[Interaction]) -> int:
    """0 when nothing applies or only moderate/minor ones; 1 when any is serious or worse."""
    return 1 if any(i.severity in ("contraindicated", "serious") for i in found) else 0
