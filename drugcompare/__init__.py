"""drugcompare: compare drugs side by side and explain how they are classified.

The package is a pure core (loading, lookup, classification, comparison) with a thin CLI
on top. The public Python API is in :mod:`drugcompare.api` and re-exported here lazily,
so that ``import drugcompare`` stays cheap for the command-line entry point.
"""

from __future__ import annotations

__version__ = "0.1.0"
SCHEMA_VERSION = 1  # the version of the JSON output contract (README, "JSON contract")

_API = {
    "load", "Dataset", "get", "lookup", "compare", "classify", "is_a", "interactions", "plain",
    "Drug", "Verdict", "Comparison", "Classification", "Interaction",
    "DataError", "UnknownDrugError", "UnknownFamilyError",
}
__all__ = sorted(_API | {"__version__", "SCHEMA_VERSION"})


def __getattr__(name: str):  # PEP 562: keep `import drugcompare` fast
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'drugcompare' has no attribute {name!r}")
