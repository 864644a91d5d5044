"""Turn parsed data files into one validated, compiled dataset (plain, JSON-shaped dicts).

Validation happens in two passes: each file against its schema (spec.py/schema.py), then
the references between files (classes, targets, ATC groups, sources, unique names). Every
problem is collected with its file and path, so a user sees all of them at once.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from . import names, vocab
from .errors import DataError, Problem
from .schema import FILE_SPECS

# "drugs" may come from several files (the shipped one, then user files that add or
# override profiles); the other roles come from one file each.
ROLES = vocab.ROLES


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, _dt.date) else value


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    def error(self, file: str, path: str, message: str) -> None:
        self.problems.append(Problem(file, path, message))

    def warn(self, file: str, path: str, message: str) -> None:
        self.warnings.append(Problem(file, path, message))


def validate_document(role: str, doc: Any, file: str) -> list[Problem]:
    """Check one parsed file against the schema of its role."""
    problems: list[Problem] = []
    if doc is None:
        return [Problem(file, "", "the file is empty")]
    FILE_SPECS[role].validate(doc, "", lambda path, msg: problems.append(Problem(file, path, msg)))
    return problems


def compile_dataset(docs: dict[str, list[tuple[str, Any]]]) -> dict[str, Any]:
    """Validate and compile. ``docs`` maps each role to [(file label, parsed document)].

    Raises DataError with every problem found; returns the compiled dataset otherwise.
    """
    out = _Collector()
    for role in ROLES:
        for file, doc in docs.get(role, []):
            out.problems.extend(validate_document(role, doc, file))
    if out.problems:
        raise DataError(out.problems)

    classes_file, classes_doc = docs["classes"][0]
    targets_file, targets_doc = docs["targets"][0]
    atc_file, atc_doc = docs["atc"][0]
    inter_file, inter_doc = docs["interactions"][0]

    classes = _compile_classes(classes_doc, classes_file, out)
    targets = {tid: {"name": t["name"], "family": t["family"]} for tid, t in targets_doc["targets"].items()}
    atc_groups = dict(atc_doc["groups"])
    families = _compile_families(classes_doc, classes_file, classes, targets, out)

    drugs: dict[str, dict[str, Any]] = {}
    products: dict[str, dict[str, Any]] = {}
    shared: dict[str, dict[str, Any]] = {}
    for file, doc in docs["drugs"]:
        for key, src in (doc.get("sources") or {}).items():
            shared[key] = _source(key, src, [])
    for file, doc in docs["drugs"]:
        for did, raw in (doc.get("drugs") or {}).items():
            drugs[did] = _compile_drug(did, raw, file, shared, classes, targets, atc_groups, families, out)
        for pid, raw in (doc.get("products") or {}).items():
            products[pid] = _compile_product(pid, raw, file, shared, atc_groups, out)
    for pid, product in products.items():
        for comp in product["components"]:
            if comp not in drugs:
                out.error(product["origin"], f"products.{pid}.components", f"unknown drug id {comp!r}")

    interactions = _compile_interactions(inter_doc, inter_file, families, classes, drugs, out)
    name_index = _build_names(drugs, products, out)
    if out.problems:
        raise DataError(out.problems)
    family_areas = _family_areas(drugs, families)
    checked = sorted(s["checked"] for d in drugs.values() for s in d["sources"])
    return {
        "drugs": drugs,
        "products": products,
        "classes": classes,
        "families": families,
        "targets": targets,
        "atc": atc_groups,
        "interactions": interactions,
        "names": name_index,
        "listing": [[d["id"], d["name"], d["classes"], d["all_classes"]] for d in
                    sorted(drugs.values(), key=lambda d: d["name"].casefold())],
        "family_areas": family_areas,
        "checked": [checked[0], checked[-1]] if checked else [None, None],
        "warnings": [[w.file, w.path, w.message] for w in out.warnings],
    }


def _source(key: str | None, raw: dict[str, Any], sections: list[str]) -> dict[str, Any]:
    return {
        "id": key or "",
        "title": raw["title"],
        "url": raw.get("url"),
        "citation": raw.get("citation"),
        "checked": _iso(raw["checked"]),
        "sections": list(sections),
    }


def _profile_sources(raw: list[dict[str, Any]], path: str, owner: str, file: str,
                     shared: dict[str, Any], out: _Collector) -> list[dict[str, Any]]:
    """The sources of a drug or product: shared ones by ref, inline ones with an id each."""
    sources: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i, src in enumerate(raw):
        if "ref" in src:
            if src["ref"] not in shared:
                out.error(file, f"{path}.sources[{i}].ref", f"unknown shared source {src['ref']!r}")
                continue
            sources.append({**shared[src["ref"]], "sections": list(src["sections"])})
            seen.add(src["ref"])
            continue
        if not src.get("url") and not src.get("citation"):
            out.error(file, f"{path}.sources[{i}]", "a source needs a url or a citation")
        sid = src.get("id") or f"{owner}-source-{i + 1}"
        if sid in seen:
            out.error(file, f"{path}.sources[{i}].id", f"source id {sid!r} is used twice")
        seen.add(sid)
        sources.append(_source(sid, src, src["sections"]))
    return sources


def _compile_classes(doc: dict[str, Any], file: str, out: _Collector) -> dict[str, Any]:
    shared = {k: _source(k, v, []) for k, v in (doc.get("sources") or {}).items()}
    classes: dict[str, Any] = {}
    for cid, raw in doc["classes"].items():
        sources = []
        for i, src in enumerate(raw["sources"]):
            if "ref" not in src:
                if not src.get("url") and not src.get("citation"):
                    out.error(file, f"classes.{cid}.sources[{i}]", "a source needs a url or a citation")
                sources.append(_source(None, src, []))
            elif src["ref"] in shared:
                sources.append(shared[src["ref"]])
            else:
                out.error(file, f"classes.{cid}.sources[{i}].ref", f"unknown source {src['ref']!r}")
        classes[cid] = {"id": cid, "name": raw["name"], "system": raw["system"],
                        "parent": raw["parent"], "definition": " ".join(raw["definition"].split()),
                        "sources": sources}
    for cid, cls in classes.items():
        seen = {cid}
        parent = cls["parent"]
        while parent is not None:
            if parent not in classes:
                out.error(file, f"classes.{cid}.parent", f"unknown class {parent!r}")
                break
            if parent in seen:
                out.error(file, f"classes.{cid}.parent", "the parents form a cycle")
                break
            seen.add(parent)
            parent = classes[parent]["parent"]
    return classes


def ancestors(classes: dict[str, Any], cid: str) -> list[str]:
    """The class and every class above it, nearest first."""
    chain: list[str] = []
    while cid in classes and cid not in chain:
        chain.append(cid)
        cid = classes[cid]["parent"]
        if cid is None:
            break
    return chain


def _check_condition(cond: dict[str, Any], path: str, file: str, classes: dict[str, Any],
                     targets: dict[str, Any], out: _Collector) -> None:
    if "class" in cond and cond["class"] not in classes:
        out.error(file, f"{path}.class", f"unknown class {cond['class']!r}")
    for key in ("target", "not_target"):
        t = cond.get(key)
        if t and "id" in t and t["id"] not in targets:
            out.error(file, f"{path}.{key}.id", f"unknown target {t['id']!r}")
        if t and "family" in t and t["family"] not in {x["family"] for x in targets.values()}:
            out.error(file, f"{path}.{key}.family", f"no target has the family {t['family']!r}")
    for i, sub in enumerate(cond.get("any", [])):
        _check_condition(sub, f"{path}.any[{i}]", file, classes, targets, out)


def _compile_families(doc: dict[str, Any], file: str, classes: dict[str, Any],
                      targets: dict[str, Any], out: _Collector) -> dict[str, Any]:
    families: dict[str, Any] = {}
    for fid, raw in doc["families"].items():
        if raw.get("class") and raw["class"] not in classes:
            out.error(file, f"families.{fid}.class", f"unknown class {raw['class']!r}")
        rules = []
        for i, rule in enumerate(raw["rules"]):
            when = rule.get("when") or {}
            _check_condition(when, f"families.{fid}.rules[{i}].when", file, classes, targets, out)
            rules.append({"when": when, "verdict": rule["verdict"], "because": rule["because"].strip(),
                          "caveat": rule.get("caveat")})
        if rules[-1]["when"]:
            out.error(file, f"families.{fid}.rules", "the last rule must have no `when` (the default)")
        families[fid] = {"id": fid, "name": raw["name"], "aliases": list(raw.get("aliases", [])),
                         "class": raw.get("class"), "question": raw.get("question"),
                         "atc_groups": list(raw.get("atc_groups", [])), "rules": rules}
    return families


def _compile_drug(did: str, raw: dict[str, Any], file: str, shared: dict[str, Any],
                  classes: dict[str, Any], targets: dict[str, Any], atc_groups: dict[str, str],
                  families: dict[str, Any], out: _Collector) -> dict[str, Any]:
    path = f"drugs.{did}"
    sources = _profile_sources(raw["sources"], path, did, file, shared, out)
    local_ids = {src["id"] for src in sources}
    covered = {s for src in sources for s in src["sections"]}
    for section in vocab.SOURCED_SECTIONS:
        present = bool(raw.get(section)) if section == "misconceptions" else True
        if present and section not in covered:
            out.error(file, f"{path}.sources", f"no source covers the section {section!r}")

    all_classes: list[str] = []
    for i, cid in enumerate(raw["classes"]):
        if cid not in classes:
            out.error(file, f"{path}.classes[{i}]", f"unknown class {cid!r}")
            continue
        for anc in ancestors(classes, cid):
            if anc not in all_classes:
                all_classes.append(anc)

    atc_list = []
    for i, code in enumerate(raw["atc"]):
        group = code[:5]
        if group not in atc_groups:
            out.error(file, f"{path}.atc[{i}]", f"ATC group {group} of {code} is not in data/atc.yaml")
        atc_list.append({"code": code, "group": group, "group_name": atc_groups.get(group)})
    if not raw["atc"] and not raw.get("atc_note"):
        out.error(file, f"{path}.atc_note", "a drug with no ATC code needs an atc_note saying why")

    tlist = []
    for i, t in enumerate(raw["mechanism"]["targets"]):
        info = targets.get(t["target"])
        if info is None:
            out.error(file, f"{path}.mechanism.targets[{i}].target", f"unknown target {t['target']!r}")
            info = {"name": t["target"], "family": "unknown"}
        tlist.append({"target": info["name"], "target_id": t["target"], "family": info["family"],
                      "action": t["action"], "primary": t["primary"], "note": t.get("note")})
    if not any(t["primary"] for t in tlist):
        out.error(file, f"{path}.mechanism.targets", "at least one target must be primary")
    opioid_agonist = any(t["primary"] and t["family"] == "opioid-receptor"
                         and t["action"] in ("agonist", "partial agonist") for t in tlist)
    if opioid_agonist and "opioid" not in all_classes:
        out.warn(file, f"{path}.classes", "a primary opioid-receptor agonist that is in no opioid class")

    misconceptions = []
    for i, m in enumerate(raw.get("misconceptions", [])):
        fam = m.get("family")
        if fam is not None and families and fam not in families:
            out.error(file, f"{path}.misconceptions[{i}].family", f"unknown family {fam!r}")
        for j, sid in enumerate(m["sources"]):
            if sid not in local_ids:
                out.error(file, f"{path}.misconceptions[{i}].sources[{j}]",
                          f"{sid!r} is not a source of this profile")
        misconceptions.append({"belief": m["belief"].strip(), "correction": m["correction"].strip(),
                               "family": fam, "sources": list(m["sources"])})

    a = raw["addiction"]
    lg = raw["legal"]
    return {
        "id": did,
        "name": raw["name"],
        "aliases": [{"name": x["name"], "kind": x["kind"], "country": list(x.get("country", [])),
                     "note": x.get("note")} for x in raw["aliases"]],
        "classes": list(raw["classes"]),
        "all_classes": all_classes,
        "atc": list(raw["atc"]),
        "atc_groups": atc_list,
        "atc_note": raw.get("atc_note"),
        "mechanism": {"summary": raw["mechanism"]["summary"].strip(),
                      "peripherally_restricted": bool(raw["mechanism"].get("peripherally_restricted", False)),
                      "targets": tlist},
        "uses": [{"use": u["use"], "area": u["area"], "status": u["status"],
                  "regions": list(u.get("regions", [])), "note": u.get("note")} for u in raw["uses"]],
        "side_effects": [{"effect": s["effect"], "frequency": s["frequency"], "serious": s["serious"],
                          "note": s.get("note")} for s in raw["side_effects"]],
        "boxed_warnings": None if raw.get("boxed_warnings") is None else list(raw["boxed_warnings"]),
        "addiction": {"potential": a["potential"], "basis": a["basis"].strip(),
                      "withdrawal": a["withdrawal"], "withdrawal_note": a.get("withdrawal_note"),
                      "respiratory_depression": a["respiratory_depression"],
                      "overdose_note": a.get("overdose_note"),
                      "scores": [{"scale": s["scale"], "substance": s["substance"],
                                  "pleasure": s.get("pleasure"), "psychological": s.get("psychological"),
                                  "physical": s.get("physical"), "ref": s["ref"]}
                                 for s in a.get("scores", [])]},
        "legal": {"us_csa": lg["us_csa"], "us_narcotic": lg.get("us_narcotic"),
                  "us_note": lg.get("us_note"), "uk_mda_class": lg["uk_mda_class"],
                  "uk_mdr_schedule": lg["uk_mdr_schedule"], "uk_mdr_part": lg.get("uk_mdr_part"),
                  "uk_note": lg.get("uk_note"), "un_1961": lg.get("un_1961"),
                  "un_1971": lg.get("un_1971"),
                  "changes": [{"date": _iso(c["date"]), "jurisdiction": c["jurisdiction"],
                               "change": c["change"]} for c in lg.get("changes", [])],
                  "as_of": _iso(lg["as_of"])},
        "misconceptions": misconceptions,
        "sources": sources,
        "origin": file,
    }


def _compile_product(pid: str, raw: dict[str, Any], file: str, shared: dict[str, Any],
                     atc_groups: dict[str, str], out: _Collector) -> dict[str, Any]:
    sources = _profile_sources(raw["sources"], f"products.{pid}", pid, file, shared, out)
    for i, code in enumerate(raw.get("atc", [])):
        if code[:5] not in atc_groups:
            out.error(file, f"products.{pid}.atc[{i}]", f"ATC group {code[:5]} is not in data/atc.yaml")
    return {"id": pid, "name": raw["name"], "kind": raw["kind"], "country": list(raw.get("country", [])),
            "aliases": [{"name": x["name"], "kind": x["kind"], "country": list(x.get("country", [])),
                         "note": x.get("note")} for x in raw.get("aliases", [])],
            "components": list(raw["components"]), "atc": list(raw.get("atc", [])),
            "note": raw.get("note"), "sources": sources, "origin": file}


def _compile_interactions(doc: dict[str, Any], file: str, families: dict[str, Any],
                          classes: dict[str, Any], drugs: dict[str, Any], out: _Collector) -> list[Any]:
    rules = []
    seen: set[str] = set()
    for i, raw in enumerate(doc["interactions"]):
        path = f"interactions[{i}]"
        if raw["id"] in seen:
            out.error(file, f"{path}.id", f"interaction id {raw['id']!r} is used twice")
        seen.add(raw["id"])
        for j, sel in enumerate(raw["between"]):
            if len(sel) != 1:
                out.error(file, f"{path}.between[{j}]", "name exactly one of family, class, drug")
                continue
            (kind, ref), = sel.items()
            known = {"family": families, "class": classes, "drug": drugs}[kind]
            if ref not in known:
                out.error(file, f"{path}.between[{j}].{kind}", f"unknown {kind} {ref!r}")
        rules.append({"id": raw["id"], "between": [dict(s) for s in raw["between"]],
                      "severity": raw["severity"], "effect": raw["effect"].strip(),
                      "advice": raw["advice"].strip(), "note": raw.get("note"),
                      "sources": [_source(None, s, []) for s in raw["sources"]]})
    return rules


def _build_names(drugs: dict[str, Any], products: dict[str, Any], out: _Collector) -> dict[str, list[Any]]:
    """Index every name by its normalised key: key -> [kind, id, display name, alias kind]."""
    index: dict[str, list[Any]] = {}

    def add(key_name: str, entry: list[Any], file: str, path: str) -> None:
        key = names.normalise(key_name)
        if not key:
            out.error(file, path, f"name {key_name!r} has no letters or digits")
            return
        other = index.get(key)
        if other is not None and resolves(other) != resolves(entry):
            out.error(file, path, f"name {key_name!r} is already used by {other[0]} {other[1]!r}")
            return
        if other is None or (other[3] is not None and entry[3] is None):
            index[key] = entry

    def resolves(entry: list[Any]) -> set[str]:
        return {entry[1]} if entry[0] == "drug" else set(products[entry[1]]["components"])

    for did, d in drugs.items():
        add(did, ["drug", did, d["name"], None], d["origin"], f"drugs.{did}")
        add(d["name"], ["drug", did, d["name"], None], d["origin"], f"drugs.{did}.name")
    for did, d in drugs.items():
        for i, alias in enumerate(d["aliases"]):
            add(alias["name"], ["drug", did, alias["name"], alias["kind"]], d["origin"],
                f"drugs.{did}.aliases[{i}]")
    for pid, p in products.items():
        add(pid, ["product", pid, p["name"], p["kind"]], p["origin"], f"products.{pid}")
        add(p["name"], ["product", pid, p["name"], p["kind"]], p["origin"], f"products.{pid}.name")
        for i, alias in enumerate(p["aliases"]):
            add(alias["name"], ["product", pid, alias["name"], alias["kind"]], p["origin"],
                f"products.{pid}.aliases[{i}]")
    return index


def _family_areas(drugs: dict[str, Any], families: dict[str, Any]) -> dict[str, list[str]]:
    """For each family, the use areas of its members: what it is used for, and so confused with."""
    from .model import Drug
    from .rules import decide

    areas: dict[str, set[str]] = {fid: set() for fid in families}
    for raw in drugs.values():
        drug = Drug.from_dict(raw)
        drug_areas = {u.area for u in drug.uses if u.area not in ("other", "recreational")}
        for fid, family in families.items():
            if decide(drug, family)["verdict"] == "yes":
                areas[fid] |= drug_areas
    return {fid: sorted(a) for fid, a in areas.items()}
