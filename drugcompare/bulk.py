"""Bulk classification: resolve messy medication strings, one per line, fast.

"Oxycodone HCl 5 mg tablet", "co-codamol 30/500", "PERCOCET 5-325": the whole line is tried
first; then strengths, dosage forms, release codes and salt words are dropped and the rest
is tried, as a whole and as its leading words; only then a close spelling (``fuzzy``).
Results are memoised per distinct line: real medication lists repeat the same strings.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any, Iterable, Iterator

from . import names
from .dataset import Dataset
from .textsafe import clean, json_safe

_STRENGTH = re.compile(r"^\d+([.,]\d+)?(mg|mcg|µg|ug|g|ml|l|iu|units?|%|mmol|mg/ml|mcg/hr?|mg/hr?)?$")
_RATIO = re.compile(r"^\d+([.,]\d+)?([/-]\d+([.,]\d+)?)+(mg|mcg|g|ml)?$")
_NOISE = {
    # dosage forms and routes
    "tablet", "tablets", "tab", "tabs", "capsule", "capsules", "cap", "caps", "injection",
    "injectable", "inj", "solution", "soln", "oral", "suspension", "syrup", "elixir", "liquid",
    "patch", "patches", "transdermal", "film", "films", "sublingual", "buccal", "spray",
    "nasal", "cream", "gel", "ointment", "drops", "suppository", "powder", "granules",
    "lozenge", "gum", "inhaler", "ampoule", "vial", "dispersible", "effervescent",
    "chewable", "orodispersible", "concentrate", "intravenous", "iv", "im", "po", "sc",
    # release codes
    "er", "sr", "xr", "xl", "ir", "mr", "cr", "la", "dr", "ec", "odt", "extended", "release",
    "modified", "prolonged", "immediate", "delayed", "controlled", "sustained",
    # salts and hydrates
    "hcl", "hydrochloride", "sulfate", "sulphate", "phosphate", "tartrate", "bitartrate",
    "citrate", "sodium", "potassium", "calcium", "maleate", "besylate", "besilate", "mesylate",
    "mesilate", "succinate", "fumarate", "acetate", "bromide", "hydrobromide", "hemihydrate",
    "monohydrate", "dihydrate", "anhydrous", "base", "napsylate", "pamoate", "oxalate",
    "dimesylate", "hyclate", "salt",
    # packaging words
    "mg", "mcg", "ml", "x", "pack", "box", "bottle", "each", "per", "of", "and", "with",
}
_SPLIT = re.compile(r"[\s,;()\[\]]+")


def core_words(text: str) -> list[str]:
    """The words of a medication string that can name a drug (no strengths, forms, salts)."""
    words = [w for w in _SPLIT.split(text.casefold()) if w]
    return [w for w in words if w not in _NOISE and not _STRENGTH.match(w) and not _RATIO.match(w)]


def candidates(text: str) -> list[str]:
    """Keys to try for a messy string, most specific first."""
    keys = [names.normalise(text)]
    kept = core_words(text)
    keys.append(names.normalise(" ".join(kept)))
    for n in range(len(kept) - 1, 0, -1):  # leading words: "oxycodone acetaminophen" -> "oxycodone"
        keys.append(names.normalise(" ".join(kept[:n])))
    return keys


class BulkResolver:
    """Resolves lines against a dataset, memoising by line."""

    def __init__(self, ds: Dataset, family: str | None = None):
        self.ds = ds
        self.family = family
        self._lines: dict[str, dict[str, Any]] = {}
        self._verdicts: dict[str, str] = {}
        self._classes = {row[0]: row[2] for row in ds.listing()}

    def resolve(self, text: str) -> dict[str, Any]:
        found = self._lines.get(text)
        if found is None:
            found = self._lines[text] = self._resolve(text)
        return found

    def _resolve(self, text: str) -> dict[str, Any]:
        stripped = text.strip()
        for key in candidates(stripped):
            res = self.ds.resolve_key(key, stripped) if key else None
            if res is not None:
                return self._record(stripped, res.drug_ids, res.match, res.matched_name)
        words = " ".join(core_words(stripped))
        suggestions = self.ds.suggest(words) if words else []
        if suggestions:
            res = self.ds.resolve(suggestions[0])
            return self._record(stripped, res.drug_ids, "fuzzy", suggestions[0])
        return self._record(stripped, [], "none", None)

    def _verdict(self, drug_id: str) -> str:
        if drug_id not in self._verdicts:
            from .classification import is_a

            self._verdicts[drug_id] = is_a(self.ds, self.ds.drug(drug_id), self.family).verdict
        return self._verdicts[drug_id]

    def _record(self, text: str, ids: list[str], match: str, matched: str | None) -> dict[str, Any]:
        classes: list[str] = []
        for i in ids:
            for c in self._classes[i]:
                if c not in classes:
                    classes.append(c)
        out: dict[str, Any] = {"input": text, "drugs": ids, "match": match, "matched_name": matched,
                               "classes": classes}
        if self.family is not None:
            verdicts = {i: self._verdict(i) for i in ids}
            out["verdicts"] = verdicts
            values = set(verdicts.values())
            out["verdict"] = ("yes" if "yes" in values else "borderline" if "borderline" in values
                              else "no" if values else None)
        return out


def stream(ds: Dataset, lines: Iterable[str], family: str | None, fmt: str) -> Iterator[str]:
    """Yield output text for each input line (JSON Lines or CSV, with a header)."""
    resolver = BulkResolver(ds, family)
    cache: dict[str, str] = {}
    if fmt == "csv":
        header = ["line", "input", "drugs", "match", "matched_name", "classes"] + (["verdict"] if family else [])
        yield _csv_row(header)
    for n, raw in enumerate(lines, 1):
        text = raw.rstrip("\r\n")
        body = cache.get(text)
        if body is None:
            rec = resolver.resolve(text)
            if fmt == "csv":
                row = [rec["input"], ";".join(rec["drugs"]), rec["match"], rec["matched_name"] or "",
                       ";".join(rec["classes"])] + ([rec["verdict"] or ""] if family else [])
                body = _csv_row([clean(v) for v in row])
            else:
                body = json_safe(json.dumps(rec, ensure_ascii=False))[1:]
            cache[text] = body
        if fmt == "csv":
            yield f"{n},{body}"
        else:
            yield '{"line": %d, %s\n' % (n, body)


def _csv_row(values: list[str]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(values)
    return buf.getvalue()
