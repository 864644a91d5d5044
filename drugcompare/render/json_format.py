"""JSON output: only JSON on stdout, nothing else (the schema_version 1 contract)."""

from __future__ import annotations

import json
import sys
from typing import Any

from .. import SCHEMA_VERSION, payload
from ..textsafe import json_safe
from ..model import Classification, Comparison, Drug, Interaction, Verdict, plain


def emit(data: dict[str, Any]) -> None:
    """Write one JSON document: indented on a terminal, compact in a pipe (the C encoder,
    several times faster). Non-ASCII is escaped when stdout cannot encode UTF-8."""
    encoding = (getattr(sys.stdout, "encoding", None) or "ascii").lower().replace("-", "")
    tty = getattr(sys.stdout, "isatty", lambda: False)()
    text = json.dumps(data, ensure_ascii=encoding not in ("utf8", "utf8sig"), indent=2 if tty else None)
    sys.stdout.write(json_safe(text) + "\n")


class JsonFormatter:
    """The schema_version 1 contract; every method writes exactly one JSON document."""

    emit = staticmethod(emit)

    def comparison(self, c: Comparison) -> None:
        self.emit(payload.comparison(c))

    def classification(self, c: Classification, legal: list[Verdict]) -> None:
        self.emit(payload.classification(c, legal))

    def verdict(self, v: Verdict, explain: bool) -> None:
        self.emit(payload.verdict(v))

    def drug(self, d: Drug, class_names: dict[str, str], products: list[Any]) -> None:
        self.emit({"schema_version": SCHEMA_VERSION, "drug": payload.drug(d),
              "products": [plain(p) for p in products]})

    def listing(self, rows: list[dict[str, Any]], heading: str) -> None:
        self.emit({"schema_version": SCHEMA_VERSION, "drugs": rows})

    def taxonomy(self, classes: list[dict[str, Any]], families: list[dict[str, Any]]) -> None:
        self.emit({"schema_version": SCHEMA_VERSION, "classes": classes, "families": families})

    def interactions(self, drugs: list[Drug], found: list[Interaction]) -> None:
        self.emit(payload.interactions(drugs, found))

    def check(self, report: dict[str, Any]) -> None:
        self.emit({"schema_version": SCHEMA_VERSION, **report})


def emit_yaml(data: dict[str, Any]) -> None:
    """The same document as --json, as YAML (block style, Unicode kept, never aliases)."""
    import yaml

    class _Dumper(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:
            return True

    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    sys.stdout.write(json_safe(text))


class YamlFormatter(JsonFormatter):
    """The JSON documents, written as YAML for people who read config files."""

    emit = staticmethod(emit_yaml)
