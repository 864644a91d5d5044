"""Shared fixtures: the fictional test drugs, an isolated cache, and a CLI runner."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drugcompare.cli import app
from drugcompare.dataset import Dataset, data_paths

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_DRUGS = str(FIXTURES / "drugs.yaml")


@pytest.fixture(scope="session")
def session_cache_dir(tmp_path_factory):
    return str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(autouse=True)
def isolated_cache(session_cache_dir, monkeypatch):
    """Tests share one fresh cache directory (never the user's) and no user data from the
    environment; the cache tests make their own directories."""
    monkeypatch.setenv("DRUGCOMPARE_CACHE_DIR", session_cache_dir)
    monkeypatch.delenv("DRUGCOMPARE_DATA", raising=False)
    monkeypatch.delenv("DRUGCOMPARE_NO_CACHE", raising=False)
    monkeypatch.setenv("COLUMNS", "120")
    from drugcompare import dataset

    dataset._DEFAULT.clear()
    yield
    dataset._DEFAULT.clear()


@pytest.fixture
def fixture_ds() -> Dataset:
    """Shipped taxonomy + the fictional drugs, with the fixture interaction rules."""
    paths = data_paths([FIXTURE_DRUGS])
    paths[4] = str(FIXTURES / "interactions.yaml")
    return Dataset(paths)


class Run:
    def __init__(self, monkeypatch, extra: list[str] | None = None):
        self.runner = CliRunner()
        if extra:
            monkeypatch.setenv("DRUGCOMPARE_DATA", os.pathsep.join(extra))

    def __call__(self, *args: str, input: str | None = None):
        return self.runner.invoke(app, list(args), input=input)

    def json(self, *args: str):
        result = self(*args)
        return result, json.loads(result.stdout)


@pytest.fixture
def run(monkeypatch) -> Run:
    """The CLI on the shipped data."""
    return Run(monkeypatch)


@pytest.fixture
def frun(monkeypatch) -> Run:
    """The CLI on the shipped data plus the fictional test drugs."""
    return Run(monkeypatch, [FIXTURE_DRUGS])
