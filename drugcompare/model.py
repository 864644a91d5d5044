"""Plain data: the objects the core returns and every renderer (table, JSON, ...) reads.

Field names are the JSON contract (README, "JSON contract"): ``plain(drug)`` is exactly
the drug object of ``--json``.

These are NamedTuples, not dataclasses, for start-up time: creating a frozen dataclass
costs about 0.7 ms per class at import (and importing ``dataclasses`` about 8 ms), a
NamedTuple about 0.1 ms; with some twenty classes that was a fifth of a call (issue 5).
"""


from typing import Any, NamedTuple


class Alias(NamedTuple):
    name: str
    kind: str
    country: list[str]
    note: str | None = None


class Target(NamedTuple):
    target: str  # display name, e.g. "μ-opioid receptor (MOP, OPRM1)"
    target_id: str
    family: str
    action: str
    primary: bool
    note: str | None = None

    def describe(self, with_note: bool = True) -> str:
        text = f"{self.target} — {self.action}"
        return text + (f" ({self.note})" if self.note and with_note else "")


class Mechanism(NamedTuple):
    summary: str
    peripherally_restricted: bool
    targets: list[Target]


class Use(NamedTuple):
    use: str
    area: str
    status: str
    regions: list[str]
    note: str | None = None


class SideEffect(NamedTuple):
    effect: str
    frequency: str
    serious: bool
    note: str | None = None


class Score(NamedTuple):
    scale: str
    substance: str
    pleasure: float | None
    psychological: float | None
    physical: float | None
    ref: str


class Addiction(NamedTuple):
    potential: str
    basis: str
    withdrawal: bool | None
    withdrawal_note: str | None
    respiratory_depression: bool | None
    overdose_note: str | None
    scores: list[Score]


class LegalChange(NamedTuple):
    date: str
    jurisdiction: str
    change: str


class Legal(NamedTuple):
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


class Misconception(NamedTuple):
    belief: str
    correction: str
    family: str | None
    sources: list[str]


class Source(NamedTuple):
    id: str
    title: str
    url: str | None
    citation: str | None
    checked: str
    sections: list[str]


class AtcCode(NamedTuple):
    code: str
    group: str
    group_name: str | None


class Drug(NamedTuple):
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


class Product(NamedTuple):
    """A combination product or brand that resolves to one or more drugs."""

    id: str
    name: str
    kind: str
    country: list[str]
    components: list[str]
    atc: list[str]
    note: str | None
    sources: list[Source]


class DrugClass(NamedTuple):
    id: str
    name: str
    system: str
    parent: str | None
    definition: str
    sources: list[Source]


class Resolution(NamedTuple):
    """How a name the user typed was resolved: to which drugs, and by what kind of match."""

    query: str
    drug_ids: list[str]
    match: str  # exact | alias | brand | street | combination | fuzzy | none
    matched_name: str | None = None
    product: str | None = None  # the product id when match == "combination"
    alias_kind: str | None = None


class Evidence(NamedTuple):
    fact: str
    field: str  # where in the profile the fact is, e.g. "mechanism.targets[0]"
    sources: list[str]  # source titles


class Verdict(NamedTuple):
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


class Interaction(NamedTuple):
    id: str
    drugs: list[str]
    severity: str
    effect: str
    advice: str
    note: str | None
    because: list[str]  # why each drug is matched, e.g. "oxycodone: opioid"
    sources: list[Source]


class ClassEntry(NamedTuple):
    id: str
    name: str
    system: str
    definition: str
    direct: bool  # listed on the drug (True) or implied by a listed class (False)


class Classification(NamedTuple):
    drug: Drug
    systems: dict[str, list[ClassEntry]]  # system -> classes
    atc: list[AtcCode]
    legal: Legal
    verdicts: list[Verdict]  # families it is a member of or confused with


class Row(NamedTuple):
    key: str
    label: str
    values: list[str]  # one cell per drug, plain text
    differs: bool


class Comparison(NamedTuple):
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
