"""Exceptions of the core. The CLI turns each into a one-line message and an exit code."""

from __future__ import annotations

from typing import NamedTuple


class Problem(NamedTuple):
    """One problem found in a data file: where it is, and what is wrong."""

    file: str
    path: str  # dotted path inside the document, or "line:col" for syntax errors
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.path}: " if self.path else f"{self.file}: "
        return where + self.message


class DrugcompareError(Exception):
    """Base class: every error the CLI reports cleanly."""

    exit_code = 2


class DataError(DrugcompareError):
    """A data file could not be read or is invalid; carries one Problem per defect."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class UnknownDrugError(DrugcompareError):
    """A name that resolves to no drug; carries spelling suggestions."""

    def __init__(self, name: str, suggestions: list[str]):
        self.name = name
        self.suggestions = suggestions
        super().__init__(name)


class UnknownFamilyError(DrugcompareError):
    """A class or family name that the taxonomy does not know."""

    def __init__(self, name: str, suggestions: list[str]):
        self.name = name
        self.suggestions = suggestions
        super().__init__(name)


class UsageError(DrugcompareError):
    """The command was called in a way that cannot work (e.g. one drug to compare)."""


class CombinationError(UsageError):
    """A one-drug question about a combination product: the answer depends on the ingredient."""

    def __init__(self, product: str, components: list[str]):
        self.product = product
        self.components = components
        super().__init__(
            f"{product} is a combination of {' + '.join(components)}; ask about one ingredient "
            f"(e.g. `drugcompare is {components[0]} opioid`), or compare them: "
            f"`drugcompare {' '.join(components)}`")
