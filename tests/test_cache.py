"""The compiled cache: always the right answer, whatever state the cache is in."""

from __future__ import annotations

import multiprocessing
import os
import stat
import sys

import pytest

from drugcompare import cache
from drugcompare.dataset import Dataset, data_paths
from tests.conftest import FIXTURE_DRUGS


def _paths(tmp_path):
    user = tmp_path / "user.yaml"
    user.write_text(open(FIXTURE_DRUGS, encoding="utf-8").read(), encoding="utf-8")
    return data_paths([str(user)]), user


def _cache_file(paths):
    return cache.cache_path(paths)


def test_second_load_comes_from_the_cache(tmp_path, monkeypatch):
    paths, _ = _paths(tmp_path)
    first = Dataset(paths)
    assert os.path.exists(_cache_file(paths))
    calls = []
    monkeypatch.setattr("drugcompare.dataset._build", lambda p: calls.append(p))
    second = Dataset(paths)
    assert calls == []
    assert second.drug("testorphine") == first.drug("testorphine")


def test_stale_after_a_data_change(tmp_path):
    paths, user = _paths(tmp_path)
    assert Dataset(paths).drug("testorphine").legal.us_csa == "II"
    # same size, same second: only the content hash can tell (the "racy" window)
    user.write_text(user.read_text(encoding="utf-8").replace("us_csa: II,", "us_csa: V, "), encoding="utf-8")
    assert Dataset(paths).drug("testorphine").legal.us_csa == "V"


def test_stale_after_a_change_with_an_old_mtime(tmp_path):
    paths, user = _paths(tmp_path)
    os.utime(user, ns=(1_000_000_000, 1_000_000_000))
    Dataset(paths)
    user.write_text(user.read_text(encoding="utf-8").replace("Severe pain", "Severe pains"), encoding="utf-8")
    os.utime(user, ns=(1_000_000_000, 1_000_000_000))  # same mtime, different size
    assert Dataset(paths).drug("testorphine").uses[0].use == "Severe pains"


def test_a_cache_built_in_the_racy_window_is_redated_once_verified(tmp_path, monkeypatch):
    """Right after install the files are too new to trust by stat: they are hashed once,
    then the cache is re-dated so later calls trust the stat and hash nothing."""
    paths, user = _paths(tmp_path)
    Dataset(paths)  # user.yaml was written just now: inside the racy window
    hashed = []
    real = cache._sha256
    monkeypatch.setattr(cache, "_sha256", lambda p: hashed.append(p) or real(p))
    old = cache.time.time_ns() - 10 * cache.RACY_NS  # the file's mtime moves into the past...
    os.utime(user, ns=(old, old))
    # ...which changes their stat: verified by content, then the header is rewritten
    assert Dataset(paths).drug("testorphine").legal.us_csa == "II"
    assert hashed
    hashed.clear()
    assert Dataset(paths).drug("testorphine").legal.us_csa == "II"
    assert hashed == []
    user.write_text(user.read_text(encoding="utf-8").replace("Severe pain", "Severe pains"), encoding="utf-8")
    assert Dataset(paths).drug("testorphine").uses[0].use == "Severe pains"  # a later edit is still seen


@pytest.mark.parametrize("damage", ["truncate", "garbage", "flip-blob", "empty"])
def test_corrupt_or_truncated_cache_gives_the_right_answer(tmp_path, damage):
    paths, _ = _paths(tmp_path)
    ids = ["testorphine", "testoxone", "testamine", "testoperamide", "testianeptine", "testazepam"]
    first = Dataset(paths)
    expected = [first.drug(i) for i in ids]
    path = _cache_file(paths)
    data = open(path, "rb").read()
    if damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "garbage":
        data = b"\x00garbage" * 100
    elif damage == "flip-blob":
        data = data[:-10] + bytes(b ^ 0xFF for b in data[-10:])
    else:
        data = b""
    open(path, "wb").write(data)
    again = Dataset(paths)
    assert [again.drug(i) for i in ids] == expected


def test_read_only_cache_directory_still_answers(tmp_path, monkeypatch):
    ro = tmp_path / "ro"
    ro.mkdir()
    os.chmod(ro, stat.S_IRUSR | stat.S_IXUSR)
    monkeypatch.setenv("DRUGCOMPARE_CACHE_DIR", str(ro / "sub"))
    paths, _ = _paths(tmp_path)
    try:
        assert Dataset(paths).drug("testorphine").name == "Testorphine"
        if os.geteuid() != 0:  # root can write anyway
            assert not os.path.exists(ro / "sub")
    finally:
        os.chmod(ro, stat.S_IRWXU)


def test_cache_disabled(tmp_path, monkeypatch):
    monkeypatch.setenv("DRUGCOMPARE_NO_CACHE", "1")
    paths, _ = _paths(tmp_path)
    assert Dataset(paths).drug("testorphine").name == "Testorphine"
    assert cache.cache_path(paths) is None


def _load_in_child(args):
    cache_dir, paths = args
    os.environ["DRUGCOMPARE_CACHE_DIR"] = cache_dir
    return Dataset(paths).drug("testamine").legal.us_csa


def test_concurrent_first_runs(tmp_path):
    paths, _ = _paths(tmp_path)
    cache_dir = os.environ["DRUGCOMPARE_CACHE_DIR"]
    ctx = multiprocessing.get_context("spawn" if sys.platform == "darwin" else "fork")
    with ctx.Pool(6) as pool:
        results = pool.map(_load_in_child, [(cache_dir, paths)] * 12)
    assert results == ["III"] * 12
    leftovers = [f for f in os.listdir(cache_dir) if f.endswith(".tmp")]
    assert leftovers == []
    assert Dataset(paths).drug("testamine").legal.us_csa == "III"
