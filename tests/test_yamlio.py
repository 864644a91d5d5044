"""Reading YAML: every failure is a DataError naming the file and, for syntax, line:column."""

from __future__ import annotations

import pytest

from drugcompare import yamlio
from drugcompare.errors import DataError


def _problem(text: str) -> str:
    with pytest.raises(DataError) as info:
        yamlio.parse(text, "f.yaml")
    assert len(info.value.problems) == 1
    return str(info.value.problems[0])


def test_duplicate_key_is_an_error_with_its_line():
    msg = _problem("a: 1\nb: 2\na: 3\n")
    assert "duplicate key 'a'" in msg and "line 3" in msg and "first at line 1" in msg


def test_nested_duplicate_key():
    assert "duplicate key 'x'" in _problem("top:\n  x: 1\n  x: 2\n")


def test_anchors_and_aliases_are_rejected():
    assert "anchors and aliases" in _problem("a: &x [1, 2]\nb: *x\n")


def test_billion_laughs_is_rejected_quickly():
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]")
    assert "anchors and aliases" in _problem("\n".join(lines))


def test_merge_keys_are_rejected():
    msg = _problem("base: {a: 1}\nother:\n  <<: {a: 1}\n  b: 2\n")
    assert "merge keys" in msg


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system ['true']", "!!python/name:os.system",
                                 "!!python/object:builtins.object {}"])
def test_unsafe_tags_are_rejected_not_executed(tag):
    assert "could not determine a constructor" in _problem(f"x: {tag}\n")


def test_syntax_error_reports_line_and_column():
    msg = _problem("a: [1, 2\nb: 3\n")
    assert msg.startswith("f.yaml: line ") and "column" in msg


def test_read_text_errors(tmp_path):
    with pytest.raises(DataError, match="no such file"):
        yamlio.read_text(str(tmp_path / "missing.yaml"))
    with pytest.raises(DataError, match="is a directory"):
        yamlio.read_text(str(tmp_path))
    nul = tmp_path / "nul.yaml"
    nul.write_bytes(b"a: 1\x00\n")
    with pytest.raises(DataError, match="NUL"):
        yamlio.read_text(str(nul))
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(b"a: caf\xe9\n")
    with pytest.raises(DataError, match="not valid UTF-8"):
        yamlio.read_text(str(latin))


def test_too_large_file_is_refused_without_parsing(tmp_path, monkeypatch):
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * 2000 + "\n")
    monkeypatch.setattr(yamlio, "MAX_FILE_BYTES", 1000)
    with pytest.raises(DataError, match="too large"):
        yamlio.read_text(str(big))
