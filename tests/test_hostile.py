"""Hostile and broken input: never a traceback, never a raw escape sequence, the right exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import FIXTURE_DRUGS

ESC = "\x1b"


def _cli_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, DRUGCOMPARE_DATA=FIXTURE_DRUGS, PYTHONIOENCODING="")
    env.update(extra)
    env.pop("FORCE_COLOR", None)
    return env


def _run(args: list, env: dict | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "drugcompare", *args], capture_output=True,
                          env=env or _cli_env(), input=stdin, timeout=120)


@pytest.mark.parametrize("name", ["", "   ", "\t\n", "x" * 1_000_000, "keta\x1b[31mmine", "\x1b]8;;http://x\x07y",
                                  "[bold red]x[/]", "[/]", "[link=http://evil]x[/link]", "\u202eenimatset",
                                  "a\x00b", "\x07\x08\x7f", "\u009b31m"])
def test_hostile_names_fail_cleanly(frun, name):
    r = frun("is", name, "opioid")
    assert r.exit_code == 2
    assert r.stdout == ""
    err = r.stderr
    assert "Traceback" not in err
    assert ESC not in err and "\x07" not in err and "\x00" not in err and "\u202e" not in err and "\u009b" not in err
    assert len(err) < 400, "a long name is shortened in the message"
    assert err.count("\n") == 1, "one line"
    if "[" in name:
        assert name.replace("\x1b", "") in err or "[" in err  # markup is shown as text


def test_zero_width_space_is_ignored_in_names(frun):
    r = frun("is", "test\u200bamine", "opioid")
    assert r.exit_code == 1 and r.stdout.startswith("Testamine — opioid? No")


def test_name_with_spaces_and_case_resolves(frun):
    assert frun("is", "  TESTAMINE  ", "opioid").exit_code == 1


def test_same_drug_twice(frun):
    r = frun("testorphine", "Testo Contin")
    assert r.exit_code == 2 and "same drug" in r.stderr


def test_one_drug_where_two_are_needed(frun):
    r = frun("compare", "testorphine")
    assert r.exit_code == 2 and "at least two" in r.stderr


def test_fifty_drugs(frun):
    r = frun(*(["testorphine", "testamine", "testazepam", "testoxone", "testoperamide", "testianeptine"] * 9),
             "testocombo", "testorphine")
    assert r.exit_code == 0  # 50 names, 6 different drugs: compared once each
    r = frun(*[f"drug{i}" for i in range(50)])
    assert r.exit_code == 2 and r.stderr.count("\n") == 1


def test_unknown_class_in_is(frun):
    r = frun("is", "testorphine", "\x1b[2Jnonsense")
    assert r.exit_code == 2 and ESC not in r.stderr and "Unknown class" in r.stderr


def test_no_arguments_shows_help_without_traceback(run):
    r = run()
    assert r.exit_code in (0, 2) and "Traceback" not in (r.stdout + r.stderr)


# -- the real process: bytes on the command line, pipes, terminals ---------------------------

def test_non_utf8_bytes_on_the_command_line():
    r = subprocess.run([sys.executable, "-m", "drugcompare", "is", b"test\xff\xfeamine", "opioid"],
                       capture_output=True, env=_cli_env(), timeout=60)
    assert r.returncode == 2
    assert b"Traceback" not in r.stderr and b"Unknown drug" in r.stderr
    r.stderr.decode("utf-8")  # what we print is valid UTF-8


@pytest.mark.parametrize("args", [["list", "--json"], ["list"], ["testorphine", "testamine"],
                                  ["show", "testorphine"]])
def test_stdout_closed_early_is_quiet(args):
    cmd = f'"{sys.executable}" -m drugcompare {" ".join(args)} | head -c 10 > /dev/null'
    r = subprocess.run(["bash", "-c", "set -o pipefail; " + cmd], capture_output=True, env=_cli_env(), timeout=60)
    assert b"Traceback" not in r.stderr and b"BrokenPipe" not in r.stderr, r.stderr
    assert r.stderr == b""


@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {"TERM": "dumb"}, {"LANG": "C", "LC_ALL": "C"},
                                 {"PYTHONIOENCODING": "ascii"}, {"COLUMNS": "300"}])
def test_environments_give_readable_output(env):
    r = _run(["testorphine", "testamine"], env=_cli_env(**env))
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode("utf-8", "replace")
    assert ESC not in out, "no colour on a pipe"
    assert "Testorphine" in out and "Schedule II" in out
    assert "not medical advice" in out


def test_ascii_only_stdout_json_stays_valid():
    r = _run(["show", "testorphine", "--json"], env=_cli_env(PYTHONIOENCODING="ascii"))
    assert r.returncode == 0
    data = json.loads(r.stdout.decode("ascii"))
    assert data["drug"]["mechanism"]["targets"][0]["target"].startswith("μ")


def test_forty_columns_stack_without_truncating():
    r = _run(["testorphine", "testamine"], env=_cli_env(COLUMNS="40"))
    out = r.stdout.decode()
    assert r.returncode == 0
    assert max(len(line) for line in out.splitlines()) <= 40
    assert "…" not in out
    flat = " ".join(out.split())
    for fact in ("Activates mu-opioid receptors.", "label describes dependence.", "Natural opium alkaloids"):
        assert fact in flat, fact


def test_read_only_home_and_cache(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    os.chmod(home, 0o500)
    try:
        env = _cli_env(HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"))
        env.pop("DRUGCOMPARE_CACHE_DIR", None)
        r = _run(["is", "testorphine", "opioid"], env=env)
        assert r.returncode == 0 and r.stderr == b""
    finally:
        os.chmod(home, 0o700)


def test_two_processes_starting_at_once(tmp_path):
    env = _cli_env(DRUGCOMPARE_CACHE_DIR=str(tmp_path / "c"))
    procs = [subprocess.Popen([sys.executable, "-m", "drugcompare", "show", "testamine", "--json"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert len({o for o, _ in outs}) == 1 and all(e == b"" for _, e in outs)


# -- data files ----------------------------------------------------------------------------

@pytest.mark.parametrize("content", [
    b"drugs:\n  a: [1, 2\n",                          # syntax error
    b"\x89PNG\r\n\x1a\n\x00\x00binary",               # binary garbage
    b"",                                              # empty
    b"- just\n- a list\n",                            # a list, not a mapping
    b"drugs: !!python/object/apply:os.system ['echo PWNED']\n",
    b"a: &a [x, x]\nb: [*a, *a]\n",                   # anchors and aliases
    b"drugs: {}\ndrugs: {}\n",                        # duplicate key
])
def test_bad_data_files_exit_2_with_no_output(tmp_path, content):
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(content)
    r = _run(["testorphine", "testamine"], env=_cli_env(DRUGCOMPARE_DATA=str(bad)))
    assert r.returncode == 2
    assert r.stdout == b"" and b"Traceback" not in r.stderr and b"PWNED" not in r.stdout + r.stderr
    assert str(bad).encode() in r.stderr


def test_syntax_error_names_line_and_column(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("drugs:\n  a: [1, 2\n")
    r = _run(["list"], env=_cli_env(DRUGCOMPARE_DATA=str(bad)))
    assert r.returncode == 2 and b"bad.yaml: line " in r.stderr and b"column" in r.stderr


def test_directory_and_unreadable_paths(tmp_path):
    r = _run(["list"], env=_cli_env(DRUGCOMPARE_DATA=str(tmp_path)))
    assert r.returncode == 2 and b"is a directory" in r.stderr
    missing = tmp_path / "nope.yaml"
    r = _run(["list"], env=_cli_env(DRUGCOMPARE_DATA=str(missing)))
    assert r.returncode == 2 and b"no such file" in r.stderr


def test_fifty_megabyte_file_is_answered_with_a_clear_error(tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "w") as fh:
        fh.write("drugs: {}\nnotes: \"")
        chunk = "x" * 1_000_000
        for _ in range(50):
            fh.write(chunk)
        fh.write("\"\n")
    r = _run(["list"], env=_cli_env(DRUGCOMPARE_DATA=str(big)))
    assert r.returncode == 2 and r.stdout == b""
    assert b"notes: unknown key" in r.stderr and len(r.stderr) < 2000


def test_thousands_of_anchors(tmp_path):
    text = "drugs: {}\n" + "".join(f"k{i}: &a{i} [{i}]\n" for i in range(5000)) + "x: [" + ", ".join(
        f"*a{i}" for i in range(5000)) + "]\n"
    bad = tmp_path / "anchors.yaml"
    bad.write_text(text)
    r = _run(["list"], env=_cli_env(DRUGCOMPARE_DATA=str(bad)))
    assert r.returncode == 2 and b"anchors and aliases are not allowed" in r.stderr
