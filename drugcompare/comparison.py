"""Compare drugs side by side: one Comparison that every renderer reads."""

from __future__ import annotations

from .classification import in_family
from .dataset import Dataset
from .errors import UsageError
from .interaction_rules import find
from .model import Comparison, Drug, Resolution, Row
from .vocab import FREQUENCY_LABELS

MIN_DRUGS, MAX_DRUGS = 2, 6


def _csa(v: str | None) -> str:
    if v is None:
        return "not recorded"
    return "not controlled" if v == "not_controlled" else f"Schedule {v}"


def legal_us(d: Drug) -> str:
    return _csa(d.legal.us_csa)


def legal_uk(d: Drug) -> str:
    lg = d.legal
    if lg.uk_mda_class is None:
        cls = "class not recorded"
    elif lg.uk_mda_class == "not_controlled":
        cls = "not controlled"
    else:
        cls = f"Class {lg.uk_mda_class}"
    if lg.uk_mdr_schedule:
        cls += f", Schedule {lg.uk_mdr_schedule}" + (f" Part {lg.uk_mdr_part}" if lg.uk_mdr_part else "")
    return cls


def addiction_text(d: Drug) -> str:
    a = d.addiction
    bits = [a.potential.replace("_", " ")]
    if a.withdrawal is not None:
        bits.append("withdrawal syndrome" if a.withdrawal else "no withdrawal syndrome")
    if a.respiratory_depression:
        bits.append("overdose depresses breathing")
    return "; ".join(bits) + f". {a.basis}"


def _uses(d: Drug) -> str:
    out = []
    for u in d.uses:
        if u.status == "none":
            out.append(f"{u.use} (no medical use)")
            continue
        status = "" if u.status == "approved" else f", {u.status}"
        regions = f" [{'/'.join(u.regions)}]" if u.regions else ""
        out.append(f"{u.use}{regions}{status}" if status else f"{u.use}{regions}")
    return "\n".join(out)


def _common(d: Drug) -> str:
    items = [s.effect for s in d.side_effects if s.frequency in ("very_common", "common") and not s.serious]
    if items:
        return "\n".join(items)
    unbanded = [s.effect for s in d.side_effects if s.frequency == "unknown" and not s.serious]
    if unbanded:  # the label lists them without a rate: say so rather than "none"
        return "\n".join(unbanded) + "\n(frequency not recorded)"
    return "none recorded as common"


def _serious(d: Drug) -> str:
    if d.boxed_warnings is None:
        items = ["US boxed warning: not recorded"]
    else:
        items = [f"BOXED: {b}" for b in d.boxed_warnings]
    items += [f"{s.effect} ({FREQUENCY_LABELS[s.frequency]})" for s in d.side_effects if s.serious]
    return "\n".join(items) or "none recorded"


def _atc(d: Drug) -> str:
    if not d.atc_groups:
        return f"none ({d.atc_note})"
    return "\n".join(f"{a.code} — {a.group_name or '?'}" for a in d.atc_groups)


def _classes(ds: Dataset, d: Drug) -> str:
    return "\n".join(ds.classes[c]["name"] for c in d.classes)


def build_rows(ds: Dataset, drugs: list[Drug]) -> list[Row]:
    specs = [
        ("classes", "Classes", lambda d: _classes(ds, d)),
        ("mechanism", "How it works", lambda d: d.mechanism.summary),
        ("targets", "Primary targets", lambda d: "\n".join(t.describe(with_note=False) for t in d.primary_targets)),
        ("uses", "Medical uses", _uses),
        ("side_effects", "Common side effects", _common),
        ("serious", "Serious risks", _serious),
        ("addiction", "Addiction / dependence", addiction_text),
        ("legal_us", "US (CSA)", legal_us),
        ("legal_uk", "UK (MDA / MDR)", legal_uk),
        ("atc", "ATC", _atc),
    ]
    rows = []
    for key, label, fn in specs:
        values = [fn(d) for d in drugs]
        rows.append(Row(key, label, values, len(set(values)) > 1))
    return rows


def compare(ds: Dataset, names: list[str]) -> Comparison:
    """Resolve 2-6 names (a combination product counts its components) and compare them."""
    resolutions: list[Resolution] = [ds.resolve(n) for n in names]
    ids: list[str] = []
    for r in resolutions:
        for i in r.drug_ids:
            if i not in ids:
                ids.append(i)
    if len(ids) < MIN_DRUGS:
        if len(resolutions) >= 2:
            raise UsageError(f"{', '.join(repr(r.query) for r in resolutions)} are all the same drug "
                             f"({ds.drug(ids[0]).name}); name at least two different drugs")
        raise UsageError("compare needs at least two drugs, e.g. `drugcompare ketamine morphine`")
    if len(ids) > MAX_DRUGS:
        raise UsageError(f"compare takes at most {MAX_DRUGS} drugs ({len(ids)} given, counting "
                         "the components of combination products)")
    drugs = [ds.drug(i) for i in ids]
    rows = build_rows(ds, drugs)
    together = [set(r.drug_ids) for r in resolutions if r.product]
    found = find(drugs, ds.interaction_rules, lambda d, f: in_family(ds, d, f), together)
    checked = min(d.oldest_check for d in drugs)
    return Comparison(drugs, resolutions, rows, [r.key for r in rows if r.differs], found, checked)
