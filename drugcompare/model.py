"""Plain data: the objects the core returns and every renderer (table, JSON, ...) reads.

Field names are the JSON contract (README, "JSON contract"): ``plain(drug)`` is exactly
the drug object of ``--json``.

They are small ``Record`` classes, not dataclasses or NamedTuples, for start-up time:
every call imports this module, and creating a class costs about 0.7 ms as a frozen
dataclass (plus about 8 ms to import ``dataclasses``), 0.15-0.25 ms as a NamedTuple (which
builds its methods with ``eval``), and about 0.01 ms as a plain class; with 26 classes that
difference was several milliseconds of every call (issue 5).
"""


from typing import Any


class Record:
    """A read-only record whose fields are its class annotations, in order.

    Fields without a default are required; a field's default is the value assigned in the
    class body. Equality is field by field; ``_asdict`` and ``_replace`` work as on a NamedTuple.
    """

    _fields: tuple[str, ...] = ()

    def __init_subclass__(cls) -> None:
        cls._fields = tuple(cls.__dict__.get("__annotations__", {}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        fields = self._fields
        if len(args) > len(fields):
            raise TypeError(f"{type(self).__name__}() takes {len(fields)} arguments, got {len(args)}")
        values = dict(zip(fields, args))
        for name in fields[len(args):]:
            if name in kwargs:
                values[name] = kwargs.pop(name)
            elif name in type(self).__dict__:
                values[name] = type(self).__dict__[name]
            else:
                raise TypeError(f"{type(self).__name__}() missing argument {name!r}")
        if kwargs:
            raise TypeError(f"{type(self).__name__}() got unexpected arguments {sorted(kwargs)}")
        object.__setattr__(self, "__dict__", values)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]  # fields hold lists; like a NamedTuple of lists

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())})"

    def _asdict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def _replace(self, **changes: Any) -> "Record":
        return type(self)(**{**self.__dict__, **changes})


class Alias(Record):
    name: str
    kind: str
    country: list[str]
    note: str | None = None


class Target(Record):
    target: str  # display name, e.g. "μ-opioid receptor (MOP, OPRM1)"
    target_id: str
    family: str
    action: str
    primary: bool
    note: str | None = None

    def describe(self, with_note: bool = True) -> str:
        text = f"{self.target} — {self.action}"
        return text + (f" ({self.note})" if self.note and with_note else "")


class Mechanism(Record):
    summary: str
    peripherally_restricted: bool
    targets: list[Target]


class Use(Record):
    use: str
    area: str
    status: str
    regions: list[str]
    note: str | None = None


class SideEffect(Record):
    effect: str
    frequency: str
    serious: bool
    note: str | None = None


class Score(Record):
    scale: str
    substance: str
    pleasure: float | None
    psychological: float | None
    physical: float | None
    ref: str


class Addiction(Record):
    potential: str
    basis: str
    withdrawal: bool | None
    withdrawal_note: str | None
    respiratory_depression: bool | None
    overdose_note: str | None
    scores: list[Score]


class LegalChange(Record):
    date: str
    jurisdiction: str
    change: str


class Legal(Record):
    us_csa: str | None
    us_narcotic: bool | None
    us_note: str | None
    uk_mda_class: str | None
    uk_mdr_schedule: str | None
    uk_mdr_part: str | None
    uk_note: str | None
    un_1961: str | None
    un_1971: str | None
    changes: list[LegalChange]
    as_of: str


class Misconception(Record):
    belief: str
    correction: str
    family: str | None
    sources: list[str]


class Source(Record):
    id: str
    title: str
    url: str | None
    citation: str | None
    checked: str
    sections: list[str]


class AtcCode(Record):
    code: str
    group: str
    group_name: str | None


class Drug(Record):
    id: str
    name: str
    aliases: list[Alias]
    classes: list[str]
    all_classes: list[str]  # classes plus every class above them
    atc: list[str]
    atc_groups: list[AtcCode]
    atc_note: str | None
    mechanism: Mechanism
    uses: list[Use]
    side_effects: list[SideEffect]
    boxed_warnings: list[str] | None  # None: not recorded (not the same as none)
    addiction: Addiction
    legal: Legal
    misconceptions: list[Misconception]
    sources: list[Source]
    origin: str  # the data file the profile came from

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Drug":
        """Build from the compiled (JSON-shaped) profile the dataset stores."""
        m = d["mechanism"]
        a = d["addiction"]
        lg = d["legal"]
        return cls(
            id=d["id"],
            name=d["name"],
            aliases=[Alias(**x) for x in d["aliases"]],
            classes=list(d["classes"]),
            all_classes=list(d["all_classes"]),
            atc=list(d["atc"]),
            atc_groups=[AtcCode(**x) for x in d["atc_groups"]],
            atc_note=d["atc_note"],
            mechanism=Mechanism(m["summary"], m["peripherally_restricted"],
                                [Target(**t) for t in m["targets"]]),
            uses=[Use(**u) for u in d["uses"]],
            side_effects=[SideEffect(**s) for s in d["side_effects"]],
            boxed_warnings=None if d["boxed_warnings"] is None else list(d["boxed_warnings"]),
            addiction=Addiction(**{**a, "scores": [Score(**s) for s in a["scores"]]}),
            legal=Legal(**{**lg, "changes": [LegalChange(**c) for c in lg["changes"]]}),
            misconceptions=[Misconception(**x) for x in d["misconceptions"]],
            sources=[Source(**s) for s in d["sources"]],
            origin=d["origin"],
        )

    def sources_for(self, section: str) -> list[Source]:
        return [s for s in self.sources if section in s.sections]

    @property
    def primary_targets(self) -> list[Target]:
        return [t for t in self.mechanism.targets if t.primary]

    @property
    def oldest_check(self) -> str:
        return min(s.checked for s in self.sources)


class Product(Record):
    """A combination product or brand that resolves to one or more drugs."""

    id: str
    name: str
    kind: str
    country: list[str]
    components: list[str]
    atc: list[str]
    note: str | None
    sources: list[Source]


class DrugClass(Record):
    id: str
    name: str
    system: str
    parent: str | None
    definition: str
    sources: list[Source]


class Resolution(Record):
    """How a name the user typed was resolved: to which drugs, and by what kind of match."""

    query: str
    drug_ids: list[str]
    match: str  # exact | alias | brand | street | combination | fuzzy | none
    matched_name: str | None = None
    product: str | None = None  # the product id when match == "combination"
    alias_kind: str | None = None


class Evidence(Record):
    fact: str
    field: str  # where in the profile the fact is, e.g. "mechanism.targets[0]"
    sources: list[str]  # source titles


class Verdict(Record):
    drug: str
    drug_name: str
    family: str
    family_name: str
    verdict: str  # yes | no | borderline
    explanation: str
    caveat: str | None
    evidence: list[Evidence]
    definition: str | None
    misconceptions: list[Misconception]


class Interaction(Record):
    id: str
    drugs: list[str]
    severity: str
    effect: str
    advice: str
    note: str | None
    because: list[str]  # why each drug is matched, e.g. "oxycodone: opioid"
    sources: list[Source]


class ClassEntry(Record):
    id: str
    name: str
    system: str
    definition: str
    direct: bool  # listed on the drug (True) or implied by a listed class (False)


class Classification(Record):
    drug: Drug
    systems: dict[str, list[ClassEntry]]  # system -> classes
    atc: list[AtcCode]
    legal: Legal
    verdicts: list[Verdict]  # families it is a member of or confused with


class Row(Record):
    key: str
    label: str
    values: list[str]  # one cell per drug, plain text
    differs: bool


class Comparison(Record):
    drugs: list[Drug]
    resolutions: list[Resolution]
    rows: list[Row]
    differences: list[str]  # keys of the rows whose values differ
    interactions: list[Interaction]
    checked: str  # the oldest date any shown fact was checked


def plain(obj: Any) -> Any:
    """Recursively turn result structs into dicts and lists (for JSON and other formats)."""
    if hasattr(obj, "_asdict"):
        return {k: plain(v) for k, v in obj._asdict().items()}
    if isinstance(obj, (list, tuple)):
        return [plain(v) for v in obj]
    if isinstance(obj, dict):
        return {k: plain(v) for k, v in obj.items()}
    return obj
