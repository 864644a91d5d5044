"""GitHub-flavoured Markdown, for notes and tickets: the comparison as a table, the rest as
short sections. Built from the same result objects as the terminal table."""

from __future__ import annotations

import sys
from typing import Any

from ..model import Classification, Comparison, Drug, Interaction, Verdict
from ..payload import DISCLAIMER
from ..textsafe import clean


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: pipes escaped, line breaks as <br>."""
    return clean(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def _line(text: str) -> str:
    return clean(text).replace("\n", " ")


class MarkdownFormatter:
    def _out(self, lines: list[str]) -> None:
        sys.stdout.write("\n".join(lines) + "\n")

    def comparison(self, c: Comparison) -> None:
        lines = ["| | " + " | ".join(_cell(d.name) for d in c.drugs) + " |",
                 "|---|" + "---|" * len(c.drugs)]
        for row in c.rows:
            label = ("≠ " if row.differs else "") + row.label
            lines.append(f"| **{_cell(label)}** | " + " | ".join(_cell(v) for v in row.values) + " |")
        lines.append("")
        lines += self._interaction_lines(c.interactions, {d.id: d.name for d in c.drugs})
        lines.append(f"_{DISCLAIMER} Data checked {c.checked}. ≠ marks rows where the drugs differ._")
        self._out(lines)

    def _interaction_lines(self, found: list[Interaction], names: dict[str, str]) -> list[str]:
        out = []
        for i in found:
            who = " + ".join(names.get(d, d) for d in i.drugs)
            src = "; ".join(f"[{_line(s.title)}]({s.url})" if s.url else _line(s.title) for s in i.sources)
            out.append(f"- **{i.severity}**: {_line(who)} — {_line(i.effect)} {_line(i.advice)} ({src})")
        return out + ([""] if out else [])

    def classification(self, c: Classification, legal: list[Verdict]) -> None:
        lines = [f"## {_line(c.drug.name)}: how it is classified", ""]
        for system, entries in c.systems.items():
            lines.append(f"- **{system}**: " + "; ".join(_line(e.name) for e in entries))
        lines.append("- **ATC**: " + ("; ".join(f"{a.code} ({_line(a.group_name or '?')})" for a in c.atc) or "none"))
        lines.append("")
        for v in legal + c.verdicts:
            lines.append(f"- **{_line(v.family_name)}?** {_line(v.explanation)}")
        lines += ["", f"_{DISCLAIMER}_"]
        self._out(lines)

    def verdict(self, v: Verdict, explain: bool) -> None:
        lines = [f"**{_line(v.drug_name)} — {_line(v.family_name)}?** {_line(v.explanation)}", ""]
        for e in v.evidence:
            lines.append(f"- {_line(e.fact)}" + (f" ({_line('; '.join(e.sources))})" if e.sources else ""))
        self._out(lines + ["", f"_{DISCLAIMER}_"])

    def drug(self, d: Drug, class_names: dict[str, str], products: list[Any]) -> None:
        lines = [f"## {_line(d.name)}", "", _line(d.mechanism.summary), ""]
        lines.append("- **Classes**: " + "; ".join(_line(class_names.get(c, c)) for c in d.classes))
        lines.append("- **ATC**: " + ("; ".join(d.atc) or f"none ({_line(d.atc_note or '')})"))
        for t in d.mechanism.targets:
            lines.append(f"- **{'Primary' if t.primary else 'Secondary'} target**: {_line(t.describe())}")
        lines.append(f"- **Addiction**: {d.addiction.potential} — {_line(d.addiction.basis)}")
        lines += ["", "Sources:", ""]
        lines += [f"{i}. [{_line(s.title)}]({s.url}) (checked {s.checked})" if s.url
                  else f"{i}. {_line(s.title)}, {_line(s.citation or '')} (checked {s.checked})"
                  for i, s in enumerate(d.sources, 1)]
        self._out(lines + ["", f"_{DISCLAIMER}_"])

    def listing(self, rows: list[dict[str, Any]], heading: str) -> None:
        lines = [f"**{_line(heading)}**", "", "| id | name | classes |", "|---|---|---|"]
        lines += [f"| {_cell(r['id'])} | {_cell(r['name'])} | {_cell(', '.join(r['class_names']))} |" for r in rows]
        self._out(lines)

    def taxonomy(self, classes: list[dict[str, Any]], families: list[dict[str, Any]]) -> None:
        lines = [f"{'  ' * c['depth']}- **{_line(c['name'])}** (`{c['id']}`, {c['system']}): {_line(c['summary'])}"
                 for c in classes]
        self._out(lines)

    def interactions(self, drugs: list[Drug], found: list[Interaction]) -> None:
        lines = self._interaction_lines(found, {d.id: d.name for d in drugs}) or [
            "No interaction between these drugs is recorded in the data."]
        self._out(lines + [f"_{DISCLAIMER}_"])

    def check(self, report: dict[str, Any]) -> None:
        self._out([f"- {_line(k)}: {_line(str(v))}" for k, v in report["summary"].items()])
