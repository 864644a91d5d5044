"""Human output: Rich tables and sections for the terminal, plain lines for `is`.

Rich is imported inside the methods that draw with it (as rich-cli does), so `is` and the
error paths never pay for it. Data text is always passed as Text, never as markup, and
cleaned of control characters first.
"""

from __future__ import annotations

import sys
from typing import Any

from ..model import Classification, Comparison, Drug, Interaction, Verdict
from ..payload import DISCLAIMER
from ..textsafe import clean
from ..vocab import FREQUENCY_LABELS

LABEL_WIDTH = 16
MIN_COLUMN = 22  # below this per-drug width the comparison stacks instead of squeezing


def _console(stderr: bool = False):  # noqa: ANN202 - rich type imported lazily
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, markup=False, emoji=False)


def _unicode_ok() -> bool:
    enc = (getattr(sys.stdout, "encoding", None) or "").lower()
    return "utf" in enc


def _differs_mark() -> str:
    return "≠" if _unicode_ok() else "*"


def _t(text: str, style: str = ""):  # noqa: ANN202
    from rich.text import Text

    return Text(clean(text), style=style)


def _indented(console, text, indent: int) -> None:  # noqa: ANN001
    """Print text wrapped with a hanging indent, so wrapped lines line up (no trailing spaces)."""
    from rich.text import Text

    for line in text.wrap(console, max(20, console.width - indent)):
        line.rstrip()
        console.print(Text(" " * indent) + line, soft_wrap=True)


def _scale(potential: str):  # noqa: ANN202
    """A five-step bar for the addiction level, so differences show at a glance."""
    from ..vocab import POTENTIALS

    filled = POTENTIALS.index(potential)
    on, off = ("▰", "▱") if _unicode_ok() else ("#", "-")
    style = ["green", "green", "yellow", "red", "bold red"][filled]
    return _t(on * filled + off * (4 - filled) + " ", style)


def _verdict_word(v: str) -> str:
    return {"yes": "Yes", "no": "No", "borderline": "Borderline"}[v]


def _interaction_lines(found: list[Interaction], names: dict[str, str]) -> list[tuple[str, str]]:
    lines = []
    for i in found:
        who = " + ".join(names.get(d, d) for d in i.drugs)
        src = "; ".join(s.title + (f" <{s.url}>" if s.url else "") for s in i.sources)
        style = "bold red" if i.severity in ("contraindicated", "serious") else "yellow"
        lines.append((f"{i.severity.upper()}: {who} — {i.effect} What to do: {i.advice} Source: {src}", style))
    return lines


class TableFormatter:
    # -- compare -------------------------------------------------------------------
    def comparison(self, c: Comparison) -> None:
        console = _console()
        mark = _differs_mark()
        headers = []
        for d in c.drugs:
            how = [r for r in c.resolutions if d.id in r.drug_ids]
            note = ""
            if how and how[0].product:
                note = f"\n(in {how[0].matched_name})"
            elif how and how[0].match not in ("exact",) and how[0].matched_name:
                note = f"\n({how[0].matched_name} → {d.name}, {how[0].alias_kind})"
            headers.append(d.name + note)
        width = console.width
        stacked = width < LABEL_WIDTH + 4 + MIN_COLUMN * len(c.drugs)
        if stacked:
            for row in c.rows:
                label = (f"{mark} " if row.differs else "") + row.label
                console.print(_t(label, "bold underline" if row.differs else "bold"))
                for head, value in zip(headers, row.values):
                    console.print(_t(head.replace("\n", " ") + ":", "bold"))
                    console.print(_t(value), soft_wrap=False)
                console.print()
        else:
            from rich.cells import cell_len

            from .grid import column_widths, draw

            header = [_t("", "bold")] + [_t(head, "bold") for head in headers]
            rows = []
            for row in c.rows:
                label = _t((f"{mark} " if row.differs else "") + row.label,
                           "bold yellow" if row.differs else "bold")
                cells = [_t(v) for v in row.values]
                if row.key == "addiction":
                    cells = [_scale(d.addiction.potential) + cell for d, cell in zip(c.drugs, cells)]
                rows.append([label, *cells])
            label_width = min(LABEL_WIDTH, max(10, max(r[0].cell_len for r in rows)))
            natural = [max(cell_len(line) for cell in column for line in cell.plain.split("\n"))
                       for column in list(zip(header, *rows))[1:]]
            available = width - label_width - 3 * (len(c.drugs) + 1) - 1  # borders and padding
            widths = [label_width, *column_widths(natural, available)]
            console.print(draw(header, rows, widths, ascii_only=not _unicode_ok()), soft_wrap=True)
        console.print(_t(f"{mark} marks rows where the drugs differ."))
        if c.interactions:
            console.print(_t("Taken together:", "bold"))
            for text, style in _interaction_lines(c.interactions, {d.id: d.name for d in c.drugs}):
                console.print(_t(text, style))
        else:
            console.print(_t("Taken together: no interaction between these drugs is recorded in the data "
                             "(absence of a rule is not proof of safety)."))
        console.print(_t(f"{DISCLAIMER} Data checked {c.checked}. Sources: drugcompare show NAME, "
                         "or add --json.", "dim"))

    # -- classify --------------------------------------------------------------------
    def classification(self, c: Classification, legal: list[Verdict]) -> None:
        console = _console()
        d = c.drug
        console.print(_t(f"{d.name}: how it is classified", "bold"))
        for system, entries in c.systems.items():
            console.print(_t(f"\n{system.capitalize()}", "bold underline"))
            for e in entries:
                implied = "" if e.direct else " (implied)"
                _indented(console, _t(f"{e.name}{implied}", "bold"), 2)
                _indented(console, _t(e.definition), 4)
        console.print(_t("\nATC (WHO)", "bold underline"))
        if c.atc:
            for a in c.atc:
                console.print(_t(f"  {a.code} — {a.group_name or 'group name not recorded'}"))
        else:
            console.print(_t(f"  none: {d.atc_note}"))
        console.print(_t("\nMechanism", "bold underline"))
        _indented(console, _t(d.mechanism.summary), 2)
        for t in d.mechanism.targets:
            _indented(console, _t(f"{'primary' if t.primary else 'secondary'}: {t.describe()}"), 2)
        console.print(_t("\nLegal", "bold underline"))
        for v in legal:
            _indented(console, _t(f"{v.family_name[0].upper()}{v.family_name[1:]}? {v.explanation}"), 2)
        console.print(_t("\nOften asked", "bold underline"))
        for v in c.verdicts:
            style = {"yes": "green", "no": "red", "borderline": "yellow"}[v.verdict]
            _indented(console, _t(f"{v.family_name[0].upper()}{v.family_name[1:]}? ", "bold") + _t(v.explanation, style), 2)
            atc = [e.fact for e in v.evidence if e.field == "atc"]
            if atc:
                _indented(console, _t("; ".join(atc), "dim"), 4)
            for m in v.misconceptions:
                _indented(console, _t(f"Myth: {m.belief} Fact: {m.correction}"), 4)
        others = [m for m in d.misconceptions if m.family not in {v.family for v in c.verdicts}]
        if others:
            console.print(_t("\nMisconceptions", "bold underline"))
            for m in others:
                _indented(console, _t(f"Myth: {m.belief}"), 2)
                _indented(console, _t(f"Fact: {m.correction}"), 2)
        console.print(_t(f"\n{DISCLAIMER} Sources: drugcompare show {d.id}", "dim"))

    # -- is / explain: plain text, no Rich --------------------------------------------
    def verdict(self, v: Verdict, explain: bool) -> None:
        out = [clean(f"{v.drug_name} — {v.family_name}? {v.explanation}")]
        if explain:
            if v.definition:
                out.append(clean(f"Definition of {v.family_name}: {v.definition}"))
            for m in v.misconceptions:
                out.append(clean(f"A common belief: \"{m.belief}\" — {m.correction}"))
        out.append("Evidence:")
        for e in v.evidence:
            src = f" [{'; '.join(e.sources)}]" if (explain and e.sources) else ""
            out.append(clean(f"  - {e.fact}{src}"))
        if not explain:
            out.append(f"(drugcompare explain {v.drug} {v.family} for the reasoning and sources)")
        out.append(DISCLAIMER)
        sys.stdout.write("\n".join(out) + "\n")

    # -- show --------------------------------------------------------------------------
    def drug(self, d: Drug, class_names: dict[str, str], products: list[Any]) -> None:
        from rich.text import Text

        console = _console()
        numbers = {s.id: i + 1 for i, s in enumerate(d.sources)}

        def refs(section: str) -> str:
            nums = [str(numbers[s.id]) for s in d.sources if section in s.sections]
            return f" [{','.join(nums)}]" if nums else ""

        def head(title: str, section: str | None = None) -> None:
            console.print(_t(f"\n{title}{refs(section) if section else ''}", "bold underline"))

        console.print(_t(d.name, "bold"))
        if d.aliases:
            console.print(_t("Also known as: " + "; ".join(
                f"{a.name} ({a.kind}{', ' + '/'.join(a.country) if a.country else ''})" for a in d.aliases)))
        if products:
            console.print(_t("In products: " + "; ".join(
                f"{p.name} ({' + '.join(p.components)})" for p in products)))
        console.print(_t(f"from: {d.origin}", "dim"))
        head("Classes", "classes")
        console.print(_t("  " + "; ".join(class_names.get(c, c) for c in d.classes)))
        head("ATC", "atc")
        console.print(_t("  " + ("; ".join(f"{a.code} — {a.group_name}" for a in d.atc_groups) or f"none: {d.atc_note}")))
        head("How it works", "mechanism")
        console.print(_t(f"  {d.mechanism.summary}"))
        for t in d.mechanism.targets:
            console.print(_t(f"  {'primary' if t.primary else 'secondary'}: {t.describe()}"))
        head("Uses", "uses")
        for u in d.uses:
            where = f" [{'/'.join(u.regions)}]" if u.regions else ""
            console.print(_t(f"  {u.use} — {u.status}{where}" + (f" ({u.note})" if u.note else "")))
        head("Side effects", "side_effects")
        if d.boxed_warnings is None:
            console.print(_t("  US boxed warning: not recorded in the data"))
        for b in d.boxed_warnings or []:
            console.print(_t(f"  BOXED WARNING: {b}", "bold red"))
        for s in d.side_effects:
            console.print(_t(f"  {s.effect} — {FREQUENCY_LABELS[s.frequency]}" + (" — serious" if s.serious else "")))
        head("Addiction and dependence", "addiction")
        a = d.addiction
        console.print(_t(f"  Potential: {a.potential.replace('_', ' ')}. {a.basis}"))
        wd = {True: "yes", False: "no", None: "not recorded"}
        console.print(_t(f"  Withdrawal syndrome: {wd[a.withdrawal]}" + (f" — {a.withdrawal_note}" if a.withdrawal_note else "")))
        console.print(_t(f"  Respiratory depression in overdose: {wd[a.respiratory_depression]}"
                         + (f" — {a.overdose_note}" if a.overdose_note else "")))
        for sc in a.scores:
            console.print(_t(f"  {sc.scale} ({sc.substance}): pleasure {sc.pleasure}, psychological "
                             f"dependence {sc.psychological}, physical dependence {sc.physical} (0-3)"))
        head("Legal status", "legal")
        from ..comparison import legal_uk, legal_us

        lg = d.legal
        console.print(_t(f"  US: {legal_us(d)}" + (f" — {lg.us_note}" if lg.us_note else "")))
        console.print(_t(f"  UK: {legal_uk(d)}" + (f" — {lg.uk_note}" if lg.uk_note else "")))
        un = [f"1961 Schedule {lg.un_1961}" if lg.un_1961 else "", f"1971 Schedule {lg.un_1971}" if lg.un_1971 else ""]
        console.print(_t("  UN conventions: " + (", ".join(x for x in un if x) or "not listed / not recorded")))
        for ch in lg.changes:
            console.print(_t(f"  {ch.date} ({ch.jurisdiction}): {ch.change}"))
        console.print(_t(f"  as of {lg.as_of}", "dim"))
        if d.misconceptions:
            head("Misconceptions", "misconceptions")
            for m in d.misconceptions:
                console.print(_t(f"  Myth: {m.belief}\n  Fact: {m.correction}"))
        head("Sources")
        for s in d.sources:
            line = Text(f"  [{numbers[s.id]}] ")
            title = _t(s.title)
            if s.url:
                title.stylize(f"link {s.url}")
            line.append(title)
            where = s.url or s.citation or ""
            line.append(_t(f" — {where} (checked {s.checked}; {', '.join(s.sections)})"))
            console.print(line)
        console.print(_t(f"\n{DISCLAIMER}", "dim"))

    # -- list, classes, interactions, check -------------------------------------------
    def listing(self, rows: list[dict[str, Any]], heading: str) -> None:
        from rich.table import Table

        console = _console()
        table = Table(title=clean(heading), show_lines=False, header_style="bold")
        table.add_column("id", overflow="fold")
        table.add_column("name", overflow="fold")
        table.add_column("classes", overflow="fold")
        for r in rows:
            table.add_row(_t(r["id"]), _t(r["name"]), _t(", ".join(r["class_names"])))
        console.print(table)

    def taxonomy(self, classes: list[dict[str, Any]], families: list[dict[str, Any]]) -> None:
        console = _console()
        console.print(_t("Classes (drugcompare list --class ID)", "bold underline"))
        for c in classes:
            indent = "  " * c["depth"]
            console.print(_t(f"{indent}{c['id']}", "bold") + _t(f"  {c['name']} [{c['system']}] — {c['summary']}"))
        console.print(_t("\nQuestions answered by `drugcompare is DRUG FAMILY`", "bold underline"))
        for f in families:
            console.print(_t(f"{f['id']}", "bold") + _t(f"  {f['name']}" + (f" (also: {', '.join(f['aliases'])})" if f["aliases"] else "")))

    def interactions(self, drugs: list[Drug], found: list[Interaction]) -> None:
        console = _console()
        names = {d.id: d.name for d in drugs}
        if not found:
            console.print(_t(f"No interaction between {', '.join(names.values())} is recorded in the data "
                             "(absence of a rule is not proof of safety)."))
        for text, style in _interaction_lines(found, names):
            console.print(_t(text, style))
        console.print(_t(DISCLAIMER, "dim"))

    def check(self, report: dict[str, Any]) -> None:
        console = _console()
        for key, value in report["summary"].items():
            console.print(_t(f"{key}: {value}"))
        for w in report["warnings"]:
            console.print(_t(f"warning: {w}", "yellow"))
        for p in report["incomplete"]:
            console.print(_t(f"incomplete: {p}", "red"))
        for p in report["gaps"]:
            console.print(_t(f"gap: {p}", "yellow"))
        console.print(_t("OK" if report["ok"] else "FAILED", "bold green" if report["ok"] else "bold red"))
