"""Run every benchmark of drugcompare and print each figure beside its budget.

    python benchmarks/run.py            # full run (a 10,000-drug dataset, 1,000,000 lines)
    python benchmarks/run.py --quick    # fewer runs and lines, for a smoke test

Run it with the interpreter of an environment where drugcompare is installed with
`pip install .` (as a user has it: byte-code compiled), e.g. `.venv/bin/python`.
Timings are wall-clock times of whole processes, in one alternating run per group so
that machine noise falls on the command and its floor alike.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "out")
PY = sys.executable
CLI = shutil.which("drugcompare", path=os.path.dirname(PY)) or shutil.which("drugcompare")

PAIR = os.environ.get("BENCH_PAIR", "ketamine morphine").split()
FLOOR_TABLE = [PY, "-c", "import typer, rich.console, rich.table"]
FLOOR_JSON = [PY, "-c", "import typer, json"]


def timed(cmd: list[str], env: dict[str, str], stdin: str | None = None) -> tuple[float, int]:
    """Wall time (s) and peak RSS (KiB) of one process."""
    fin = open(stdin, "rb") if stdin else subprocess.DEVNULL
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=fin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if stdin:
        fin.close()
    return elapsed, usage.ru_maxrss


def alternate(cmds: dict[str, list[str]], env: dict[str, str], runs: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            times[name].append(timed(cmd, env)[0])
    return times


def ms(x: float) -> str:
    return f"{x * 1000:7.1f}"


def report(title: str, times: dict[str, list[float]], floors: dict[str, str], budget: float) -> list[bool]:
    print(f"\n## {title}")
    print(f"{'command':28} {'median':>7} {'min':>7} {'max':>7}  {'floor':>7} {'ratio':>6}  budget")
    ok = []
    for name, ts in times.items():
        med = statistics.median(ts)
        floor = floors.get(name)
        if floor is None:
            print(f"{name:28} {ms(med)} {ms(min(ts))} {ms(max(ts))}  (floor)")
            continue
        fmed = statistics.median(times[floor])
        ratio = med / fmed
        passed = ratio <= budget
        ok.append(passed)
        print(f"{name:28} {ms(med)} {ms(min(ts))} {ms(max(ts))}  {ms(fmed)} {ratio:6.2f}  <= {budget} "
              f"{'PASS' if passed else 'FAIL'}")
    return ok


def startup(label: str, env: dict[str, str], runs: int) -> list[bool]:
    subprocess.run([CLI, *PAIR], env=env, stdout=subprocess.DEVNULL)  # warm the cache
    pair = " ".join(PAIR)
    cmds = {
        "floor: typer+rich": FLOOR_TABLE,
        f"{pair} (table)": [CLI, *PAIR],
        "floor: typer+json": FLOOR_JSON,
        f"{pair} --json": [CLI, *PAIR, "--json"],
        f"is {PAIR[0]} opioid": [CLI, "is", PAIR[0], "opioid"],
        "show tramadol --json": [CLI, "show", "tramadol", "--json"],
    }
    floors = {f"{pair} (table)": "floor: typer+rich", f"{pair} --json": "floor: typer+json",
              f"is {PAIR[0]} opioid": "floor: typer+json", "show tramadol --json": "floor: typer+json"}
    return report(f"Start-up, {label} (median of {runs} alternating runs, ms)", alternate(cmds, env, runs), floors, 1.25)


def cold(label: str, env: dict[str, str], runs: int, budget_ms: float | None) -> list[bool]:
    times, rss = [], []
    for _ in range(runs):
        fresh = dict(env, DRUGCOMPARE_CACHE_DIR=tempfile.mkdtemp(prefix="dc-cold-"))
        t, m = timed([CLI, *PAIR, "--json"], fresh)
        times.append(t)
        rss.append(m)
        shutil.rmtree(fresh["DRUGCOMPARE_CACHE_DIR"], ignore_errors=True)
    med = statistics.median(times)
    verdict = "" if budget_ms is None else (f"<= {budget_ms:.0f} ms " + ("PASS" if med * 1000 <= budget_ms else "FAIL"))
    print(f"cold path, {label}: median {ms(med)} ms (min {ms(min(times))}, max {ms(max(times))}); "
          f"peak RSS {max(rss) / 1024:.0f} MB  {verdict}")
    return [] if budget_ms is None else [med * 1000 <= budget_ms]


def memory(label: str, env: dict[str, str]) -> list[bool]:
    results = []
    for cmd in (PAIR, [*PAIR, "--json"], ["list", "--json"]):
        _, rss = timed([CLI, *cmd], env)
        passed = rss / 1024 < 150
        results.append(passed)
        print(f"peak RSS, {label}, {' '.join(cmd):28}: {rss / 1024:6.1f} MB  < 150 MB {'PASS' if passed else 'FAIL'}")
    return results


def miss(label: str, env: dict[str, str], runs: int) -> None:
    ts = [timed([CLI, "is", PAIR[0][:-1], "opioid"], env)[0] for _ in range(runs)]
    print(f"misspelt name with suggestions, {label}: median {ms(statistics.median(ts))} ms")


def bulk(env: dict[str, str], lines: int) -> list[bool]:
    os.makedirs(OUT, exist_ok=True)
    exact = [*PAIR, "Oxycodone", "IBUPROFEN", "paracetamol", "acetaminophen", "heroin",
             "tramadol", "diazepam", "codeine", "Ketalar", "MS Contin", "methadone", "naloxone"]
    messy = ["Oxycodone HCl 5 mg tablet", "co-codamol 30/500", "PERCOCET 5-325", "ibuprofen 400mg tabs",
             "Tramadol hydrochloride 50 mg capsules", "diazepam 2mg", "Morphine sulfate ER 30 mg",
             "gabapentin 300 mg cap", "unknown thing 5 mg", "Sertraline 50mg tablet"]
    ok = []
    for label, names in (("exact or alias names", exact), ("messy medication strings", messy)):
        path = os.path.join(OUT, f"bulk-{label.split()[0]}-{lines}.txt")
        with open(path, "w", encoding="utf-8") as fh:
            for i in range(lines):
                fh.write(names[i % len(names)] + "\n")
        t, rss = timed([CLI, "classify", "-", "--for", "opioid"], env, stdin=path)
        rate = lines / t
        line = f"bulk classify, {label}: {lines:,} lines in {t:.2f} s = {rate:,.0f} lines/s; peak RSS {rss / 1024:.0f} MB"
        if label.startswith("exact"):
            passed = rate >= 100_000
            ok.append(passed)
            line += f"  >= 100,000/s {'PASS' if passed else 'FAIL'}"
        print(line)
    return ok


def main() -> int:
    quick = "--quick" in sys.argv
    runs = 5 if quick else 15
    if not CLI:
        print("drugcompare is not installed next to this interpreter", file=sys.stderr)
        return 2
    base = dict(os.environ)
    base.pop("DRUGCOMPARE_DATA", None)
    base.pop("DRUGCOMPARE_NO_CACHE", None)
    base["DRUGCOMPARE_CACHE_DIR"] = tempfile.mkdtemp(prefix="dc-bench-")
    print(f"drugcompare: {CLI}\npython: {PY}")
    ok: list[bool] = []
    ok += startup("shipped data", base, runs)
    big = os.path.join(OUT, "drugs-10000.yaml")
    if not os.path.exists(big):
        subprocess.run([PY, os.path.join(HERE, "make_dataset.py"), "10000", big], check=True)
    large = dict(base, DRUGCOMPARE_DATA=big)
    ok += startup("shipped data + 10,000 synthetic drugs", large, runs)
    print("\n## Cold path (first run after install or a data change) and memory")
    ok += cold("shipped data", base, 3 if quick else 5, 300)
    cold("shipped + 10,000 drugs", large, 1 if quick else 3, None)
    ok += memory("shipped + 10,000 drugs", large)
    miss("shipped data", base, runs)
    miss("shipped + 10,000 drugs", large, runs)
    print("\n## Bulk classification")
    ok += bulk(base, 100_000 if quick else 1_000_000)
    print(f"\n{sum(ok)} of {len(ok)} budgets met")
    return 0 if all(ok) else 1


if __name__ == "__main__":
    sys.exit(main())
