"""The command line: a thin layer over the core that turns its results into output and its
exceptions into one-line messages and exit codes.

Exit codes: 0 success / yes / no serious interaction; 1 no / a serious interaction;
2 usage error, unknown drug or class, invalid data; 3 borderline; 4 internal error (a bug).
"""


import os
import sys
from typing import Annotated, Any, Optional

import typer

from . import __version__
from .render import OutputFormat

EXIT_INTERNAL = 4

COMMANDS_HELP = "Compare drugs side by side and explain how they are classified. For information only — not medical advice."


class DefaultGroup(typer.core.TyperGroup):
    """A group whose bare form is `compare`: `drugcompare A B` == `drugcompare compare A B`
    (sqlite-utils' default-group pattern); and the one place core errors become messages."""

    def resolve_command(self, ctx, args):  # noqa: ANN001, ANN201
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            return "compare", self.commands["compare"], args
        return super().resolve_command(ctx, args)

    def shell_complete(self, ctx, incomplete):  # noqa: ANN001, ANN201
        """`drugcompare ket<TAB>` completes drug names too, since compare is the bare command."""
        results = super().shell_complete(ctx, incomplete)
        if not incomplete.startswith("-"):
            from typer._click.shell_completion import CompletionItem

            results += [CompletionItem(name) for name in _complete_drug(incomplete)]
        return results

    def invoke(self, ctx):  # noqa: ANN001, ANN201
        from .errors import DrugcompareError

        try:
            return super().invoke(ctx)
        except DrugcompareError as exc:
            _report(exc)
            raise typer.Exit(exc.exit_code) from None
        except BrokenPipeError:
            _quiet_broken_pipe()
            raise typer.Exit(1) from None


app = typer.Typer(
    cls=DefaultGroup,
    help=COMMANDS_HELP,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

def _complete_drug(incomplete: str) -> list[str]:
    """Shell completion: drug names (ids, then other names) that start with what was typed."""
    try:
        ds = _dataset()
        pairs = ds._read("suggestion_keys")
    except Exception:  # noqa: BLE001 - completion must never print an error
        return []
    low = incomplete.casefold()
    ids = sorted({p[1] for p in pairs if p[1].casefold().startswith(low) and " " not in p[1]})
    return ids[:200]


def _complete_family(incomplete: str) -> list[str]:
    try:
        ds = _dataset()
    except Exception:  # noqa: BLE001
        return []
    low = incomplete.casefold()
    return sorted({x for x in [*ds.families, *ds.classes] if x.startswith(low)})


JsonOpt = Annotated[bool, typer.Option("--json", help="Write JSON (schema_version 1) instead of a table.")]
FormatOpt = Annotated[Optional[OutputFormat], typer.Option("--format", "-f", help="Output format.", case_sensitive=False)]


def _fmt(json_flag: bool, fmt: Optional[OutputFormat]):  # noqa: ANN202
    from .render import formatter

    return formatter(OutputFormat.json if json_flag else (fmt or OutputFormat.table))


def _err(message: str) -> None:
    from .textsafe import clean

    sys.stderr.write(clean(message) + "\n")


def _report(exc: Exception) -> None:
    from .errors import DataError, UnknownDrugError, UnknownFamilyError
    from .textsafe import quote_input

    if isinstance(exc, UnknownDrugError):
        hint = (f" Did you mean: {', '.join(exc.suggestions)}?" if exc.suggestions
                else " Try `drugcompare list` to see the drugs.")
        what = "Empty drug name." if not exc.name.strip() else f"Unknown drug {quote_input(exc.name)}."
        _err(what + hint)
    elif isinstance(exc, UnknownFamilyError):
        hint = (f" Did you mean: {', '.join(exc.suggestions)}?" if exc.suggestions else "")
        _err(f"Unknown class {quote_input(exc.name)}.{hint} (`drugcompare classes` lists them)")
    elif isinstance(exc, DataError):
        for p in exc.problems:
            _err(f"error: {p}")
        _err(f"{len(exc.problems)} problem(s) in the data; nothing was printed.")
    else:
        _err(f"error: {exc}")


def _quiet_broken_pipe() -> None:
    """stdout was closed early (e.g. `| head`): stop quietly, no traceback at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _dataset():  # noqa: ANN202
    from .dataset import load

    return load(_extra_files())


_EXTRA: list[str] = []


def _extra_files() -> list[str]:
    env = os.environ.get("DRUGCOMPARE_DATA", "")
    return [p for p in env.split(os.pathsep) if p] + _EXTRA


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"drugcompare {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
    data: Annotated[Optional[list[str]], typer.Option("--data", metavar="FILE",
                    help="An extra drugs file that adds or overrides profiles (repeatable; also DRUGCOMPARE_DATA).")] = None,
) -> None:
    """Compare drugs side by side and explain how they are classified.

    Examples: `drugcompare ketamine morphine`, `drugcompare classify tramadol`,
    `drugcompare is kratom opioid`. For information only — not medical advice.
    """
    _EXTRA[:] = list(data or [])


@app.command()
def compare(
    names: Annotated[list[str], typer.Argument(help="2 to 6 drug names (generic, brand, UK/US or street names).",
                                               autocompletion=_complete_drug)],
    json_: JsonOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """Compare 2-6 drugs side by side (the default command).

    Examples: `drugcompare ketamine morphine`, `drugcompare tramadol codeine --json`.
    """
    from .comparison import compare as do_compare

    _fmt(json_, fmt).comparison(do_compare(_dataset(), names))


@app.command()
def classify(
    name: Annotated[Optional[str], typer.Argument(help="A drug name, or - to read one name per line from stdin.",
                                                  autocompletion=_complete_drug)] = None,
    stdin: Annotated[bool, typer.Option("--stdin", help="Read one medication string per line from stdin.")] = False,
    for_: Annotated[Optional[str], typer.Option("--for", metavar="FAMILY",
                    help="With stdin: add the verdict for this family to each line.")] = None,
    json_: JsonOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """What a drug is under each classification system, and the families it is confused with.

    With - or --stdin, classify a list: one medication string per line in ("Oxycodone HCl
    5 mg tablet"), one JSON object per line out (or --format csv); unresolved lines are
    reported, never dropped. Examples: `drugcompare classify ketamine`,
    `drugcompare classify - --for opioid < meds.txt`.
    """
    from .errors import UsageError

    ds = _dataset()
    if stdin or name == "-":
        from .bulk import stream

        family = ds.find_family(for_) if for_ else None
        chosen = OutputFormat.json if json_ else (fmt or OutputFormat.jsonl)
        if chosen not in (OutputFormat.jsonl, OutputFormat.csv):
            raise UsageError("reading from stdin writes --format jsonl (the default) or csv")
        write = sys.stdout.write
        for chunk in stream(ds, _stdin_lines(), family, chosen.value):
            write(chunk)
        return
    if name is None:
        raise UsageError("name a drug, or use - / --stdin to read a list")
    if for_:
        raise UsageError("--for goes with - / --stdin; for one drug use `drugcompare is DRUG FAMILY`")
    from .classification import classify as do_classify, legal_verdicts

    drug = ds.lookup(name)
    _fmt(json_, fmt).classification(do_classify(ds, drug), legal_verdicts(ds, drug))


def _stdin_lines():  # noqa: ANN202
    """stdin as text lines; undecodable bytes become U+FFFD instead of an error."""
    stream = sys.stdin
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        import io

        stream = io.TextIOWrapper(buffer, encoding="utf-8", errors="replace", newline=None)
    return stream


def _answer(drug_name: str, family_name: str, explain: bool, json_: bool, fmt: Optional[OutputFormat]) -> None:
    """`is` and `explain`: print the verdict; its exit code is the answer (0 yes, 1 no, 3 borderline)."""
    from .classification import is_a
    from .rules import verdict_exit_code

    ds = _dataset()
    v = is_a(ds, ds.lookup(drug_name), ds.find_family(family_name))
    _fmt(json_, fmt).verdict(v, explain)
    raise typer.Exit(verdict_exit_code(v.verdict))


@app.command("is")
def is_(
    drug: Annotated[str, typer.Argument(help="A drug name.", autocompletion=_complete_drug)],
    family: Annotated[str, typer.Argument(help="A family or class: opioid, benzodiazepine, stimulant, ...",
                                          autocompletion=_complete_family)],
    explain: Annotated[bool, typer.Option("--explain", help="The full reasoning, with sources.")] = False,
    json_: JsonOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """Answer one question: is DRUG a FAMILY? Exit 0 yes, 1 no, 3 borderline, 2 unknown.

    Example: `drugcompare is ketamine opioid`.
    """
    _answer(drug, family, explain, json_, fmt)


@app.command()
def explain(
    drug: Annotated[str, typer.Argument(help="A drug name.", autocompletion=_complete_drug)],
    family: Annotated[str, typer.Argument(help="A family or class.", autocompletion=_complete_family)],
    json_: JsonOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """The full reasoning behind `is DRUG FAMILY`, with the common beliefs and sources.

    Example: `drugcompare explain ketamine opioid`.
    """
    _answer(drug, family, True, json_, fmt)


@app.command()
def show(
    name: Annotated[str, typer.Argument(help="A drug name.", autocompletion=_complete_drug)],
    json_: JsonOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """The full profile of a drug, with its sources.

    Example: `drugcompare show tramadol`.
    """
    ds = _dataset()
    drug = ds.lookup(name)
    products = ds.products_of(drug.id)
    class_names = {c: ds.classes[c]["name"] for c in drug.all_classes}
    _fmt(json_, fmt).drug(drug, class_names, products)


@app.command("list")
def list_(
    class_: Annotated[Optional[str], typer.Option("--class", "-c", help="Only drugs in this class or family.",
                                                  autocompletion=_complete_family)] = None,
    json_: JsonOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """List the drugs in the data, optionally only those of one class or family.

    Examples: `drugcompare list`, `drugcompare list --class opioid`.
    """
    ds = _dataset()
    rows = ds.listing()
    heading = "Drugs"
    if class_:
        cid = ds.find_family(class_)
        if cid in ds.families:
            from .classification import is_a

            keep = [r for r in rows if is_a(ds, ds.drug(r[0]), cid).verdict in ("yes", "borderline")]
            heading = f"Drugs that are {ds.families[cid]['name']} (yes or borderline)"
        else:
            keep = [r for r in rows if cid in r[3]]
            heading = f"Drugs in the class {ds.classes[cid]['name']}"
        rows = keep
    out = [{"id": r[0], "name": r[1], "classes": list(r[2]),
            "class_names": [ds.classes[c]["name"] for c in r[2]]} for r in rows]
    _fmt(json_, fmt).listing(out, heading)


@app.command()
def classes(json_: JsonOpt = False, fmt: FormatOpt = None) -> None:
    """The class taxonomy with a one-line definition each, and the families `is` answers."""
    ds = _dataset()
    out: list[dict[str, Any]] = []

    def walk(parent: Optional[str], depth: int) -> None:
        for cid, c in sorted(ds.classes.items(), key=lambda kv: kv[1]["name"].casefold()):
            if c["parent"] == parent:
                summary = c["definition"].split(". ")[0].rstrip(".") + "."
                out.append({"id": cid, "name": c["name"], "system": c["system"], "parent": parent,
                            "depth": depth, "summary": summary, "definition": c["definition"],
                            "sources": c["sources"]})
                walk(cid, depth + 1)

    walk(None, 0)
    fams = [{"id": fid, "name": f["name"], "aliases": f["aliases"], "class": f["class"]}
            for fid, f in ds.families.items()]
    _fmt(json_, fmt).taxonomy(out, fams)


@app.command()
def interactions(
    names: Annotated[list[str], typer.Argument(help="2 or more drug names.", autocompletion=_complete_drug)],
    json_: JsonOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """Interactions between drugs taken together. Exit 1 if any is serious or contraindicated.

    Example: `drugcompare interactions oxycodone alprazolam`.
    """
    from .api import interactions as find_interactions
    from .errors import UsageError
    from .interaction_rules import exit_code

    ds = _dataset()
    drugs = []
    for n in names:
        drugs += [ds.drug(i) for i in ds.resolve(n).drug_ids if i not in {d.id for d in drugs}]
    if len(drugs) < 2:
        raise UsageError("interactions needs at least two different drugs")
    found = find_interactions(*names, dataset=ds)
    _fmt(json_, fmt).interactions(drugs, found)
    raise typer.Exit(exit_code(found))


@app.command()
def check(
    files: Annotated[Optional[list[str]], typer.Argument(help="Extra drugs files to validate with the shipped data.")] = None,
    draft: Annotated[bool, typer.Option("--draft", help="FILES are curators' drafts (with new_* sections).")] = False,
    json_: JsonOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """Validate the data (shipped, plus FILES) and print a coverage report. Exit 2 on any error.

    Example: `drugcompare check`, `drugcompare check my-drugs.yaml`.
    """
    from .check import run_check

    _fmt(json_, fmt).check(run_check(_extra_files() + list(files or []), draft=draft))


@app.command()
def schema(
    which: Annotated[str, typer.Argument(help="data:drugs, data:classes, data:targets, data:atc, "
                                              "data:interactions, or an output: compare, show, is, list, "
                                              "interactions, classify.")] = "data:drugs",
) -> None:
    """Print a JSON Schema: of a data file (for editors) or of a command's --json output.

    Examples: `drugcompare schema > drugs.schema.json`, `drugcompare schema is`.
    """
    import json

    from . import output_schema
    from .errors import UsageError

    if which not in output_schema.names():
        raise UsageError(f"no schema named {which!r}; choose from {', '.join(output_schema.names())}")
    doc = (output_schema.data_schema(which.split(":", 1)[1]) if which.startswith("data:")
           else output_schema.output_schema(which))
    sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


_FULL_APP_FLAGS = {"-h", "--help", "--version", "--install-completion", "--show-completion"}


def _command_for(argv: list[str]) -> Optional[str]:
    """The command an argument list runs, or None when only the full app can tell (help,
    version, completion, no arguments)."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in _FULL_APP_FLAGS:
            return None
        if arg == "--data":
            i += 2
            continue
        if arg.startswith("--data="):
            i += 1
            continue
        if arg.startswith("-"):
            return None
        names = {c.name or c.callback.__name__.replace("_", "-") for c in app.registered_commands}
        return arg if arg in names else "compare"
    return None


def _app_for(argv: list[str]) -> typer.Typer:
    """The app with only the command being run registered.

    Typer converts every registered command into a click command on each call (~1 ms each,
    measured); when the arguments name one command, the others are not built, which keeps
    start-up within budget (issue 5). Help, completion and --version get the full app.
    """
    name = _command_for(argv)
    if name is None or os.environ.get("_DRUGCOMPARE_COMPLETE"):
        return app
    small = typer.Typer(cls=DefaultGroup, help=COMMANDS_HELP, add_completion=False,
                        pretty_exceptions_enable=False, rich_markup_mode=None,
                        context_settings={"help_option_names": ["-h", "--help"]})
    small.registered_callback = app.registered_callback
    small.registered_commands = [c for c in app.registered_commands
                                 if (c.name or c.callback.__name__.replace("_", "-")) == name]
    return small


def main() -> None:
    """Entry point: run the app; anything unexpected is a one-line message, not a traceback."""
    for stream in (sys.stdout, sys.stderr):
        enc = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if enc not in ("utf8", "utf8sig") and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass
    code: Any = 0
    try:
        _app_for(sys.argv[1:])(prog_name="drugcompare")
    except BrokenPipeError:
        _quiet_broken_pipe()
        code = 1
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        code = 130
    except SystemExit as exc:
        code = exc.code
    except Exception as exc:  # noqa: BLE001 - the last line of defence against tracebacks
        if os.environ.get("DRUGCOMPARE_DEBUG"):
            raise
        sys.stderr.write(f"internal error: {type(exc).__name__}: {exc!s:.200}\n"
                         "This is a bug in drugcompare; set DRUGCOMPARE_DEBUG=1 for details.\n")
        code = EXIT_INTERNAL
    _exit(code)


def _exit(code: Any) -> None:
    """Flush the output and end the process without the interpreter's teardown.

    Freeing every module and object at exit costs 15-30 ms on the reference machine, as
    much as the work of a whole call (issue 5), and there is nothing to clean up: output is
    flushed here and the cache is written atomically before this point. DRUGCOMPARE_DEBUG=1
    keeps the normal exit.
    """
    if code is None:
        code = 0
    elif not isinstance(code, int):  # sys.exit("message") semantics
        sys.stderr.write(f"{code}\n")
        code = 1
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_broken_pipe()
        code = code or 1
    except (OSError, ValueError):
        pass
    try:
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    if os.environ.get("DRUGCOMPARE_DEBUG"):
        sys.exit(code)
    os._exit(code)
