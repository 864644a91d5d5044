"""Record-per-line formats for pipelines: JSON Lines (one object a line) and CSV (a header,
then one row a record). Both flatten the same payloads as ``--json``."""

from __future__ import annotations

import csv
import json
import sys
from typing import Any, Iterable

from .. import payload
from ..textsafe import clean, json_safe
from ..model import Classification, Comparison, Drug, Interaction, Verdict, plain


def _records_comparison(c: Comparison) -> list[dict[str, Any]]:
    out = []
    for i, d in enumerate(c.drugs):
        rec = {"id": d.id, "name": d.name}
        for row in c.rows:
            rec[row.key] = row.values[i].replace("\n", "; ")
        out.append(rec)
    return out


def _records_verdict(v: Verdict) -> list[dict[str, Any]]:
    return [{"drug": v.drug, "class": v.family, "verdict": v.verdict, "explanation": v.explanation}]


def _records_classification(c: Classification, legal: list[Verdict]) -> list[dict[str, Any]]:
    rows = [{"drug": c.drug.id, "kind": "class", "system": e.system, "id": e.id, "name": e.name,
             "verdict": "", "explanation": e.definition} for es in c.systems.values() for e in es]
    rows += [{"drug": c.drug.id, "kind": "atc", "system": "atc", "id": a.code, "name": a.group_name or "",
              "verdict": "", "explanation": ""} for a in c.atc]
    rows += [{"drug": c.drug.id, "kind": "family", "system": "", "id": v.family, "name": v.family_name,
              "verdict": v.verdict, "explanation": v.explanation} for v in legal + c.verdicts]
    return rows


def _records_interactions(found: list[Interaction]) -> list[dict[str, Any]]:
    return [{"drugs": "+".join(i.drugs), "severity": i.severity, "effect": i.effect, "advice": i.advice,
             "sources": "; ".join(s.title for s in i.sources)} for i in found]


def _records_taxonomy(classes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"id": c["id"], "name": c["name"], "system": c["system"], "parent": c["parent"] or "",
             "definition": c["definition"]} for c in classes]


class JsonLinesFormatter:
    """One JSON object per line: per drug, per verdict, per interaction, per class."""

    def _emit(self, records: Iterable[Any]) -> None:
        sys.stdout.write("".join(json_safe(json.dumps(plain(r), ensure_ascii=False)) + "\n" for r in records))

    def comparison(self, c: Comparison) -> None:
        self._emit(payload.drug(d) for d in c.drugs)

    def classification(self, c: Classification, legal: list[Verdict]) -> None:
        self._emit([payload.classification(c, legal)])

    def verdict(self, v: Verdict, explain: bool) -> None:
        self._emit([payload.verdict(v)])

    def drug(self, d: Drug, class_names: dict[str, str], products: list[Any]) -> None:
        self._emit([payload.drug(d)])

    def listing(self, rows: list[dict[str, Any]], heading: str) -> None:
        self._emit(rows)

    def taxonomy(self, classes: list[dict[str, Any]], families: list[dict[str, Any]]) -> None:
        self._emit(classes)

    def interactions(self, drugs: list[Drug], found: list[Interaction]) -> None:
        self._emit(payload.interaction(i) for i in found)

    def check(self, report: dict[str, Any]) -> None:
        self._emit([report])


class CsvFormatter:
    """A header, then one row per record; lists are joined with '; '."""

    def _emit(self, records: list[dict[str, Any]], header: list[str] | None = None) -> None:
        fields = header or (list(records[0]) if records else [])
        writer = csv.DictWriter(sys.stdout, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        for r in records:
            writer.writerow({k: clean("; ".join(map(str, v)) if isinstance(v, list) else str(v) if v is not None else "")
                             for k, v in r.items()})

    def comparison(self, c: Comparison) -> None:
        self._emit(_records_comparison(c))

    def classification(self, c: Classification, legal: list[Verdict]) -> None:
        self._emit(_records_classification(c, legal))

    def verdict(self, v: Verdict, explain: bool) -> None:
        self._emit(_records_verdict(v))

    def drug(self, d: Drug, class_names: dict[str, str], products: list[Any]) -> None:
        self._emit([{"id": d.id, "name": d.name, "classes": d.classes, "atc": d.atc,
                     "mechanism": d.mechanism.summary, "us_csa": d.legal.us_csa or "",
                     "uk_mda_class": d.legal.uk_mda_class or "", "addiction": d.addiction.potential}])

    def listing(self, rows: list[dict[str, Any]], heading: str) -> None:
        self._emit([{k: v for k, v in r.items()} for r in rows], ["id", "name", "classes", "class_names"])

    def taxonomy(self, classes: list[dict[str, Any]], families: list[dict[str, Any]]) -> None:
        self._emit(_records_taxonomy(classes))

    def interactions(self, drugs: list[Drug], found: list[Interaction]) -> None:
        self._emit(_records_interactions(found), ["drugs", "severity", "effect", "advice", "sources"])

    def check(self, report: dict[str, Any]) -> None:
        self._emit([{"key": k, "value": v} for k, v in report["summary"].items()], ["key", "value"])
