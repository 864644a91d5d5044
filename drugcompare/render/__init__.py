"""Output formats. One formatter class per format behind one interface (as in pip-audit);
``OutputFormat`` maps ``--format`` to it, and a test checks every value has one."""

from __future__ import annotations

from enum import Enum
from typing import Any, Protocol

from ..model import Classification, Comparison, Drug, Interaction, Verdict


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"
    yaml = "yaml"


class Formatter(Protocol):
    def comparison(self, c: Comparison) -> None: ...
    def classification(self, c: Classification, legal: list[Verdict]) -> None: ...
    def verdict(self, v: Verdict, explain: bool) -> None: ...
    def drug(self, d: Drug, class_names: dict[str, str], products: list[Any]) -> None: ...
    def listing(self, rows: list[dict[str, Any]], heading: str) -> None: ...
    def taxonomy(self, classes: list[dict[str, Any]], families: list[dict[str, Any]]) -> None: ...
    def interactions(self, drugs: list[Drug], found: list[Interaction]) -> None: ...
    def check(self, report: dict[str, Any]) -> None: ...


def formatter(fmt: OutputFormat) -> Formatter:
    """The formatter of a format; its module (and Rich, for tables) is imported only now."""
    if fmt is OutputFormat.json:
        from .json_format import JsonFormatter

        return JsonFormatter()
    if fmt is OutputFormat.jsonl:
        from .lines_format import JsonLinesFormatter

        return JsonLinesFormatter()
    if fmt is OutputFormat.csv:
        from .lines_format import CsvFormatter

        return CsvFormatter()
    if fmt is OutputFormat.markdown:
        from .markdown_format import MarkdownFormatter

        return MarkdownFormatter()
    if fmt is OutputFormat.yaml:
        from .json_format import YamlFormatter

        return YamlFormatter()
    from .table_format import TableFormatter

    return TableFormatter()
