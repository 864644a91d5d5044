"""Name normalisation, lookup and spelling suggestions.

A name is matched on a key that ignores case, accents of width (NFKC), spaces, hyphens and
punctuation, so "Co-Codamol", "co codamol" and "COCODAMOL" are one name. A miss never
guesses: it returns suggestions for the user to choose from (DATA-CONVENTIONS, "Names").
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

_NOT_ASCII_ALNUM = re.compile(r"[^0-9a-z]+")

# Characters that are not letters/digits are dropped from keys; these are too (format chars).
_DROP_CATEGORIES = {"Cf", "Cc", "Zs", "Pd", "Po", "Ps", "Pe", "Pi", "Pf", "Sk", "Sm", "So", "Sc", "Mn"}


def normalise(name: str) -> str:
    """The lookup key of a name: NFKC, case-folded, only letters and digits kept."""
    if name.isascii():  # the common case, without the Unicode machinery
        return _NOT_ASCII_ALNUM.sub("", name.lower())
    text = unicodedata.normalize("NFKC", name).casefold()
    return "".join(ch for ch in text if ch.isalnum() and unicodedata.category(ch) not in _DROP_CATEGORIES)


def has_undecodable(text: str) -> bool:
    """True when the text carries bytes that were not valid UTF-8 (lone surrogates)."""
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def suggest(query: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    """Up to ``limit`` candidate names close to ``query`` (display names, best first)."""
    key = normalise(query)
    if not key:
        return []
    by_key: dict[str, str] = {}
    for cand in candidates:
        by_key.setdefault(normalise(cand), cand)
    try:
        from rapidfuzz import fuzz, process
    except ImportError:  # pragma: no cover - rapidfuzz is a declared dependency
        import difflib

        found = difflib.get_close_matches(key, list(by_key), n=limit, cutoff=0.75)
        return [by_key[k] for k in found]
    scored = process.extract(key, list(by_key), scorer=fuzz.ratio, limit=limit * 3, score_cutoff=80)
    prefix = [k for k in by_key if len(key) >= 4 and k.startswith(key) and k != key]
    out: list[str] = []
    for k in [s[0] for s in scored] + sorted(prefix, key=len):
        if by_key[k] not in out:
            out.append(by_key[k])
    return out[:limit]


def suggest_from_keys(query: str, pairs: list[list[str]], limit: int = 3) -> list[str]:
    """Like suggest(), over precomputed [normalised key, display] pairs (fast at any size)."""
    key = normalise(query)
    if not key or not pairs:
        return []
    keys = [p[0] for p in pairs]
    try:
        from rapidfuzz import fuzz, process
    except ImportError:  # pragma: no cover - rapidfuzz is a declared dependency
        import difflib

        found = difflib.get_close_matches(key, keys, n=limit * 3, cutoff=0.75)
        idx = {k: i for i, k in enumerate(keys)}
        hits = [idx[k] for k in found]
    else:
        hits = [i for _, _, i in process.extract(key, keys, scorer=fuzz.ratio, limit=limit * 3, score_cutoff=80)]
        if len(key) >= 4 and len(hits) < limit:
            hits += [i for i, k in enumerate(keys) if k.startswith(key) and k != key][: limit * 3]
    out: list[str] = []
    for i in hits:
        shown = pairs[i][1]
        if shown not in out:
            out.append(shown)
    return out[:limit]
