"""The Python API: the same functions the CLI uses, returning the same objects the JSON
is made from (``drugcompare.model.plain(obj)`` gives that JSON shape).

    >>> import drugcompare
    >>> drugcompare.is_a("ketamine", "opioid").verdict
    'no'
    >>> [d.id for d in drugcompare.compare("ketamine", "morphine").drugs]
    ['ketamine', 'morphine']

Every function takes an optional ``dataset`` (from ``load()``, e.g. with your own files);
without one it uses the shipped data, loaded once.
"""

from __future__ import annotations

from typing import Iterable

from .classification import classify as _classify
from .classification import in_family, is_a as _is_a
from .comparison import compare as _compare
from .dataset import Dataset
from .dataset import load as _load
from .errors import DataError, UnknownDrugError, UnknownFamilyError
from .interaction_rules import find as _find
from .model import Classification, Comparison, Drug, Interaction, Verdict, plain

__all__ = ["load", "Dataset", "get", "lookup", "compare", "classify", "is_a", "interactions", "plain",
           "Drug", "Verdict", "Comparison", "Classification", "Interaction",
           "DataError", "UnknownDrugError", "UnknownFamilyError"]


def load(extra_files: Iterable[str] = ()) -> Dataset:
    """The shipped dataset plus ``extra_files`` (drugs files that add or override profiles).

    Raises DataError (with one Problem per defect) when a file is invalid.
    """
    return _load(list(extra_files))


def _ds(dataset: Dataset | None) -> Dataset:
    return dataset if dataset is not None else _load()


def get(name: str, dataset: Dataset | None = None) -> Drug | None:
    """The drug with this name (generic, brand, UK/US, street; any case), or None."""
    return _ds(dataset).get(name)


def lookup(name: str, dataset: Dataset | None = None) -> Drug:
    """Like get(), but raises UnknownDrugError, whose ``suggestions`` say what was meant."""
    return _ds(dataset).lookup(name)


def compare(*names: str, dataset: Dataset | None = None) -> Comparison:
    """Compare 2-6 drugs (a combination product counts as its components)."""
    return _compare(_ds(dataset), list(names))


def classify(name: str, dataset: Dataset | None = None) -> Classification:
    """Classes by system, ATC, legal status, and the families the drug is (or is confused with)."""
    ds = _ds(dataset)
    return _classify(ds, ds.lookup(name))


def is_a(name: str, family: str, dataset: Dataset | None = None) -> Verdict:
    """Is the drug a member of the family (or class)? verdict: 'yes', 'no' or 'borderline'."""
    ds = _ds(dataset)
    return _is_a(ds, ds.lookup(name), ds.find_family(family))


def interactions(*names: str, dataset: Dataset | None = None) -> list[Interaction]:
    """The interaction rules that apply between the drugs, most severe first."""
    ds = _ds(dataset)
    resolutions = [ds.resolve(n) for n in names]
    ids: list[str] = []
    for r in resolutions:
        ids += [i for i in r.drug_ids if i not in ids]
    together = [set(r.drug_ids) for r in resolutions if r.product]
    return _find([ds.drug(i) for i in ids], ds.interaction_rules, lambda d, f: in_family(ds, d, f), together)
