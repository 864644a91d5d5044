"""JSON output: only JSON on stdout, nothing else (the schema_version 1 contract)."""

from __future__ import annotations

import json
import sys
from typing import Any

from .. import SCHEMA_VERSION, payload
from ..textsafe import json_safe
from ..model import Classification, Comparison, Drug, Interaction, Verdict, plain


def emit(data: dict[str, Any]) -> None:
    """Write one JSON document. Non-ASCII is escaped when stdout cannot encode UTF-8."""
    encoding = (getattr(sys.stdout, "encoding", None) or "ascii").lower().replace("-", "")
    text = json.dumps(data, ensure_ascii=encoding not in ("utf8", "utf8sig"), indent=2)
    sys.stdout.write(json_safe(text) + "\n")


class JsonFormatter:
    def comparison(self, c: Comparison) -> None:
        emit(payload.comparison(c))

    def classification(self, c: Classification, legal: list[Verdict]) -> None:
        emit(payload.classification(c, legal))

    def verdict(self, v: Verdict, explain: bool) -> None:
        emit(payload.verdict(v))

    def drug(self, d: Drug, class_names: dict[str, str], products: list[Any]) -> None:
        emit({"schema_version": SCHEMA_VERSION, "drug": payload.drug(d),
              "products": [plain(p) for p in products]})

    def listing(self, rows: list[dict[str, Any]], heading: str) -> None:
        emit({"schema_version": SCHEMA_VERSION, "drugs": rows})

    def taxonomy(self, classes: list[dict[str, Any]], families: list[dict[str, Any]]) -> None:
        emit({"schema_version": SCHEMA_VERSION, "classes": classes, "families": families})

    def interactions(self, drugs: list[Drug], found: list[Interaction]) -> None:
        emit(payload.interactions(drugs, found))

    def check(self, report: dict[str, Any]) -> None:
        emit({"schema_version": SCHEMA_VERSION, **report})
