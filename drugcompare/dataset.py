"""The dataset: find the data files, load them (through the cache), and look things up.

Modelled on pycountry: data shipped in the package, parsed lazily once, one index per
field; ``get()`` returns None, ``lookup()`` raises with suggestions.
"""

from __future__ import annotations

import os
from typing import Any, Iterable

from . import cache, names
from .errors import CombinationError, DataError, Problem, UnknownDrugError, UnknownFamilyError
from .model import Drug, DrugClass, Product, Resolution, Source
from .vocab import ROLES

DATA_FILES = {"drugs": "drugs.yaml", "classes": "classes.yaml", "targets": "targets.yaml",
              "atc": "atc.yaml", "interactions": "interactions.yaml"}


def shipped_data_dir() -> str:
    """The data shipped with the tool: inside the installed package, or the repo's data/."""
    here = os.path.dirname(os.path.abspath(__file__))
    for candidate in (os.path.join(here, "data"), os.path.join(os.path.dirname(here), "data")):
        if os.path.isfile(os.path.join(candidate, "drugs.yaml")):
            return candidate
    raise DataError([Problem(os.path.join(here, "data"), "", "the shipped data files are missing; reinstall drugcompare")])


def data_paths(extra: Iterable[str] = ()) -> list[str]:
    """The files of the dataset in load order: shipped files, then the user's drug files."""
    base = shipped_data_dir()
    paths = [os.path.join(base, DATA_FILES[role]) for role in ROLES]
    return paths + [os.path.abspath(p) for p in extra]


def _label(path: str) -> str:
    """How a file is named in messages: shipped files as data/NAME, others as given."""
    try:
        base = shipped_data_dir()
    except DataError:
        return path
    return f"data/{os.path.basename(path)}" if os.path.dirname(path) == base else path


def load_documents(paths: list[str]) -> dict[str, list[tuple[str, Any]]]:
    """Parse the files of a dataset by role: [(label, document)], every problem collected.

    The shipped files come pre-parsed from data/shipped.json while their hashes match.
    """
    from . import shipped

    docs: dict[str, list[tuple[str, Any]]] = {role: [] for role in ROLES}
    problems: list[Problem] = []
    stored = shipped.read()
    for i, path in enumerate(paths):
        role = ROLES[i] if i < len(ROLES) else "drugs"
        label = _label(path)
        try:
            doc = None
            if i < len(ROLES):
                with open(path, "rb") as fh:
                    doc = shipped.document(path, fh.read(), stored)
            if doc is None:
                from . import yamlio  # PyYAML is imported only when a file has to be parsed

                doc = yamlio.parse(yamlio.read_text(path), label)
            docs[role].append((label, doc))
        except OSError:
            problems.extend(_unreadable(path))
        except DataError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DataError(problems)
    return docs


def _build(paths: list[str], digests: dict[str, str] | None = None) -> dict[str, Any]:
    """Compile the files; the shipped files alone come pre-compiled (data/compiled.json).

    ``digests``: the SHA-256 of files already hashed (by the cache), path -> hex.
    """
    from . import shipped
    from .compiler import compile_dataset

    try:
        ready = shipped.compiled(paths, digests)
    except OSError:  # a shipped file is missing: load_documents reports it
        ready = None
    return ready if ready is not None else compile_dataset(load_documents(paths))


def _unreadable(path: str) -> list[Problem]:
    from . import yamlio

    try:
        yamlio.read_text(path)
    except DataError as exc:
        return exc.problems
    return [Problem(path, "", "cannot read file")]


class Dataset:
    """All drugs, products, classes, families, targets and interaction rules."""

    def __init__(self, paths: list[str]):
        self.paths = paths
        self._store = cache.load(paths, lambda digests: _build(paths, digests))
        self._drugs: dict[str, Drug] = {}

    def _rebuild(self) -> None:
        """The cache turned out damaged mid-call: rebuild from the files, never guess."""
        from .store import MemoryStore

        self._store = MemoryStore(_build(self.paths))

    def _read(self, what: str, *args: Any) -> Any:
        from .store import DamagedCache

        try:
            return getattr(self._store, what)(*args)
        except DamagedCache:
            self._rebuild()
            return getattr(self._store, what)(*args)

    # -- drugs -------------------------------------------------------------------------
    def drug(self, drug_id: str) -> Drug:
        """The profile with this id (KeyError if there is none)."""
        found = self._drugs.get(drug_id)
        if found is None:
            found = self._drugs[drug_id] = Drug.from_dict(self._read("drug", drug_id))
        return found

    def raw_drug(self, drug_id: str) -> dict[str, Any]:
        return self._read("drug", drug_id)

    def resolve(self, name: str) -> Resolution:
        """Resolve a name to drug ids, saying how it matched; raise UnknownDrugError on a miss."""
        # Bytes that were not valid UTF-8 arrive as lone surrogates: never match them silently.
        found = None if names.has_undecodable(name) else self.resolve_key(names.normalise(name), name)
        if found is None:
            raise UnknownDrugError(name, self.suggest(name))
        return found

    def resolve_key(self, key: str, query: str) -> Resolution | None:
        """Resolve an already normalised name key; None when nothing has that name."""
        entry = self._read("name", key) if key else None
        if entry is None:
            return None
        kind, ref, display, alias_kind = entry
        if kind == "product":
            product = self.meta["products"][ref]
            match = "combination" if len(product["components"]) > 1 else "brand"
            return Resolution(query, list(product["components"]), match, display, ref, alias_kind)
        if alias_kind is None:
            match = "exact"
        elif alias_kind in ("brand", "street"):
            match = alias_kind
        else:
            match = "alias"
        return Resolution(query, [ref], match, display, None, alias_kind)

    def get(self, name: str) -> Drug | None:
        """The drug a single-drug name resolves to, or None."""
        try:
            res = self.resolve(name)
        except UnknownDrugError:
            return None
        return self.drug(res.drug_ids[0]) if len(res.drug_ids) == 1 else None

    def lookup(self, name: str) -> Drug:
        """Like get(), but raises UnknownDrugError (with suggestions) on a miss, and
        CombinationError for a product of several drugs (ask about one ingredient)."""
        res = self.resolve(name)
        if len(res.drug_ids) != 1:
            raise CombinationError(res.matched_name or name, res.drug_ids)
        return self.drug(res.drug_ids[0])

    def suggest(self, name: str) -> list[str]:
        """What the user may have meant: names close in spelling (the id for a drug's own name)."""
        return names.suggest_from_keys(name, self._read("suggestion_keys"))

    def product(self, product_id: str) -> Product:
        p = self.meta["products"][product_id]
        return Product(p["id"], p["name"], p["kind"], p["country"], p["components"], p["atc"],
                       p["note"], [Source(**s) for s in p["sources"]])

    def products_of(self, drug_id: str) -> list[Product]:
        return [self.product(pid) for pid, p in self.meta["products"].items() if drug_id in p["components"]]

    def listing(self) -> list[list[Any]]:
        """[id, name, classes, all_classes] for every drug, sorted by name."""
        return self._read("listing")

    # -- classes and families -------------------------------------------------------
    @property
    def meta(self) -> dict[str, Any]:
        return self._store.meta

    @property
    def classes(self) -> dict[str, Any]:
        return self.meta["classes"]

    @property
    def families(self) -> dict[str, Any]:
        return self.meta["families"]

    @property
    def targets(self) -> dict[str, Any]:
        return self.meta["targets"]

    @property
    def atc_names(self) -> dict[str, str]:
        return self.meta["atc"]

    @property
    def family_areas(self) -> dict[str, list[str]]:
        return self.meta["family_areas"]

    @property
    def interaction_rules(self) -> list[Any]:
        return self.meta["interactions"]

    @property
    def warnings(self) -> list[Problem]:
        return [Problem(*w) for w in self.meta.get("warnings", [])]

    @property
    def checked_range(self) -> tuple[str | None, str | None]:
        lo, hi = self.meta["checked"]
        return lo, hi

    def drug_class(self, class_id: str) -> DrugClass:
        c = self.classes[class_id]
        return DrugClass(c["id"], c["name"], c["system"], c["parent"], c["definition"],
                         [Source(**s) for s in c["sources"]])

    def find_family(self, name: str) -> str:
        """A family or class id for a user's word ("opioids", "SSRI", "benzos"); raises on a miss."""
        key = names.normalise(name)
        for fid, fam in self.families.items():
            if key in {names.normalise(fid), names.normalise(fam["name"]), *map(names.normalise, fam["aliases"])}:
                return fid
        for cid, cls in self.classes.items():
            if key in (names.normalise(cid), names.normalise(cls["name"])):
                return cid
        candidates = [f["name"] for f in self.families.values()] + list(self.classes)
        raise UnknownFamilyError(name, names.suggest(name, candidates))


_DEFAULT: dict[tuple[str, ...], Dataset] = {}


def load(extra_files: Iterable[str] = ()) -> Dataset:
    """The dataset (shipped data plus ``extra_files``), loaded once per process."""
    paths = data_paths(extra_files)
    key = tuple(paths)
    if key not in _DEFAULT:
        _DEFAULT[key] = Dataset(paths)
    return _DEFAULT[key]
