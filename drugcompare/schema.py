"""The schemas of the data files, written once with :mod:`drugcompare.spec`."""

from __future__ import annotations

from . import vocab
from .spec import Bool, Date, Enum, List, MapOf, Nullable, Num, Obj, OneOf, Spec, Str

TEXT = Str(max_len=2000)
NOTE = Nullable(Str(max_len=2000))
REGIONS = List(Str(pattern=r"[A-Z]{2,3}", max_len=3), unique=True)

INLINE_SOURCE_FIELDS: dict[str, Spec] = {
    "title": Str(max_len=500, description="What the source is, as a reader would cite it"),
    "url": Str(pattern=r"https?://\S+", max_len=1000),
    "citation": Str(max_len=1000),
    "checked": Date(description="When someone last confirmed the facts against this source"),
}
SHARED_SOURCE = Obj(INLINE_SOURCE_FIELDS, required=["title", "checked"])
SECTIONS = List(Enum(vocab.SECTIONS), min_items=1, unique=True)

PROFILE_SOURCE = OneOf([
    ("ref", Obj({"ref": Str(pattern=vocab.ID_PATTERN), "sections": SECTIONS})),
    ("title", Obj({"id": Str(pattern=vocab.ID_PATTERN), **INLINE_SOURCE_FIELDS, "sections": SECTIONS},
                  required=["title", "checked", "sections"])),
], description="A source: a reference to a shared source, or an inline one")

SCORE = Obj({
    "scale": Enum(["nutt-2007"]),
    "substance": Str(max_len=100, description="The substance as named in the paper"),
    "pleasure": Nullable(Num(0, 3)),
    "psychological": Nullable(Num(0, 3)),
    "physical": Nullable(Num(0, 3)),
    "ref": Str(pattern=vocab.ID_PATTERN),
}, required=["scale", "substance", "ref"])

ALIAS = Obj({
    "name": Str(max_len=120),
    "kind": Enum(vocab.ALIAS_KINDS),
    "country": REGIONS,
    "note": NOTE,
}, required=["name", "kind"])

DRUG = Obj({
    "name": Str(max_len=120),
    "aliases": List(ALIAS),
    "classes": List(Str(pattern=vocab.ID_PATTERN), min_items=1, unique=True),
    "atc": List(Str(pattern=vocab.ATC_PATTERN), unique=True),
    "atc_note": NOTE,
    "mechanism": Obj({
        "summary": TEXT,
        "peripherally_restricted": Bool(),
        "targets": List(Obj({
            "target": Str(pattern=vocab.ID_PATTERN),
            "action": Enum(vocab.ACTIONS),
            "primary": Bool(),
            "note": NOTE,
        }, required=["target", "action", "primary"]), min_items=1),
    }, required=["summary", "targets"]),
    "uses": List(Obj({
        "use": TEXT,
        "area": Enum(vocab.USE_AREAS),
        "status": Enum(vocab.USE_STATUSES),
        "regions": REGIONS,
        "note": NOTE,
    }, required=["use", "area", "status"]), min_items=1),
    "side_effects": List(Obj({
        "effect": TEXT,
        "frequency": Enum(vocab.FREQUENCIES),
        "serious": Bool(),
        "note": NOTE,
    }, required=["effect", "frequency", "serious"]), min_items=1),
    "boxed_warnings": Nullable(List(Str(max_len=500), description="US boxed-warning headings; [] = none, null or absent = not recorded")),
    "addiction": Obj({
        "potential": Enum(vocab.POTENTIALS),
        "basis": TEXT,
        "withdrawal": Nullable(Bool()),
        "withdrawal_note": NOTE,
        "respiratory_depression": Nullable(Bool()),
        "overdose_note": NOTE,
        "scores": List(SCORE),
    }, required=["potential", "basis", "withdrawal", "respiratory_depression"]),
    "legal": Obj({
        "us_csa": Nullable(Enum(vocab.US_CSA)),
        "us_narcotic": Nullable(Bool()),
        "us_note": NOTE,
        "uk_mda_class": Nullable(Enum(vocab.UK_MDA)),
        "uk_mdr_schedule": Nullable(Enum(vocab.UK_MDR)),
        "uk_mdr_part": Nullable(Enum(vocab.UK_MDR_PARTS)),
        "uk_note": NOTE,
        "un_1961": Nullable(Enum(vocab.UN_SCHEDULES)),
        "un_1971": Nullable(Enum(vocab.UN_SCHEDULES)),
        "changes": List(Obj({
            "date": Date(), "jurisdiction": Str(max_len=40), "change": TEXT,
        })),
        "as_of": Date(),
    }, required=["us_csa", "uk_mda_class", "uk_mdr_schedule", "as_of"]),
    "misconceptions": List(Obj({
        "belief": TEXT,
        "correction": TEXT,
        "family": Nullable(Str(pattern=vocab.ID_PATTERN)),
        "sources": List(Str(pattern=vocab.ID_PATTERN), min_items=1),
    }, required=["belief", "correction", "sources"])),
    "sources": List(PROFILE_SOURCE, min_items=1),
}, required=["name", "aliases", "classes", "atc", "mechanism", "uses", "side_effects",
             "addiction", "legal", "sources"])

PRODUCT = Obj({
    "name": Str(max_len=120),
    "kind": Enum(vocab.PRODUCT_KINDS),
    "country": REGIONS,
    "aliases": List(ALIAS),
    "components": List(Str(pattern=vocab.ID_PATTERN), min_items=1, unique=True),
    "atc": List(Str(pattern=vocab.ATC_PATTERN), unique=True),
    "note": NOTE,
    "sources": List(PROFILE_SOURCE, min_items=1),
}, required=["name", "kind", "components", "sources"])

DRUGS_FILE = Obj({
    "schema_version": Num(1, 1),
    "sources": MapOf(SHARED_SOURCE),
    "drugs": MapOf(DRUG),
    "products": MapOf(PRODUCT),
}, required=["drugs"])

CLASS_SOURCE = OneOf([
    ("ref", Obj({"ref": Str(pattern=vocab.ID_PATTERN)})),
    ("title", Obj(INLINE_SOURCE_FIELDS, required=["title", "checked"])),
])

TARGET_MATCH = Obj({
    "family": Str(pattern=vocab.ID_PATTERN),
    "id": Str(pattern=vocab.ID_PATTERN),
    "action": List(Enum(vocab.ACTIONS), min_items=1),
    "primary": Bool(),
}, required=[], description="a target of the drug matching all of these")

CONDITION_FIELDS: dict[str, Spec] = {
    "class": Str(pattern=vocab.ID_PATTERN, description="member of this class or one below it"),
    "target": TARGET_MATCH,
    "not_target": TARGET_MATCH,
    "peripherally_restricted": Bool(),
    "atc": List(Str(pattern=r"[A-Z][0-9A-Z]{0,6}"), min_items=1),
    "us_csa": List(Enum(vocab.US_CSA), min_items=1),
    "uk_mda_class": List(Enum(vocab.UK_MDA), min_items=1),
    "us_narcotic": Bool(),
}
CONDITION = Obj({**CONDITION_FIELDS, "any": List(Obj(CONDITION_FIELDS, required=[]), min_items=1)},
                required=[])

CLASSES_FILE = Obj({
    "schema_version": Num(1, 1),
    "sources": MapOf(SHARED_SOURCE),  # shared sources that classes cite with {ref: KEY}
    "classes": MapOf(Obj({
        "name": Str(max_len=120),
        "system": Enum(vocab.CLASS_SYSTEMS),
        "parent": Nullable(Str(pattern=vocab.ID_PATTERN)),
        "definition": TEXT,
        "sources": List(CLASS_SOURCE, min_items=1),
    })),
    "families": MapOf(Obj({
        "name": Str(max_len=80),
        "aliases": List(Str(max_len=80), unique=True),
        "class": Nullable(Str(pattern=vocab.ID_PATTERN)),
        "question": Str(max_len=200),
        "atc_groups": List(Str(pattern=r"[A-Z][0-9A-Z]{0,6}")),
        "rules": List(Obj({
            "when": CONDITION,
            "verdict": Enum(vocab.VERDICTS),
            "because": TEXT,
            "caveat": NOTE,
        }, required=["verdict", "because"]), min_items=1),
    }, required=["name", "rules"])),
}, required=["classes", "families"])

TARGETS_FILE = Obj({
    "schema_version": Num(1, 1),
    "source": SHARED_SOURCE,
    "targets": MapOf(Obj({"name": Str(max_len=200), "family": Str(pattern=vocab.ID_PATTERN)})),
}, required=["targets"])

ATC_FILE = Obj({
    "schema_version": Num(1, 1),
    "source": SHARED_SOURCE,
    "groups": MapOf(Str(max_len=200), key_pattern=r"[A-Z][0-9]{2}[A-Z]{1,2}"),
}, required=["groups"])

SELECTOR = Obj({
    "family": Str(pattern=vocab.ID_PATTERN),
    "class": Str(pattern=vocab.ID_PATTERN),
    "drug": Str(pattern=vocab.ID_PATTERN),
}, required=[])

INTERACTIONS_FILE = Obj({
    "schema_version": Num(1, 1),
    "interactions": List(Obj({
        "id": Str(pattern=vocab.ID_PATTERN),
        "between": List(SELECTOR, min_items=2),
        "severity": Enum(vocab.SEVERITIES),
        "effect": TEXT,
        "advice": TEXT,
        "note": NOTE,
        "sources": List(Obj(INLINE_SOURCE_FIELDS, required=["title", "checked"]), min_items=1),
    }, required=["id", "between", "severity", "effect", "advice", "sources"])),
}, required=["interactions"])

FILE_SPECS: dict[str, Spec] = {
    "drugs": DRUGS_FILE,
    "classes": CLASSES_FILE,
    "targets": TARGETS_FILE,
    "atc": ATC_FILE,
    "interactions": INTERACTIONS_FILE,
}
