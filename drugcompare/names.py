"""Name normalisation, lookup and spelling suggestions.

A name is matched on a key that ignores case, accents of width (NFKC), spaces, hyphens and
punctuation, so "Co-Codamol", "co codamol" and "COCODAMOL" are one name. A miss never
guesses: it returns suggestions for the user to choose from (DATA-CONVENTIONS, "Names").
"""

from __future__ import annotations

import unicodedata
from typing import Iterable

# Characters that are not letters/digits are dropped from keys; these are too (format chars).
_DROP_CATEGORIES = {"Cf", "Cc", "Zs", "Pd", "Po", "Ps", "Pe", "Pi", "Pf", "Sk", "Sm", "So", "Sc", "Mn"}


def normalise(name: str) -> str:
    """The lookup key of a name: NFKC, case-folded, only letters and digits kept."""
    text = unicodedata.normalize("NFKC", name).casefold()
    if text.isascii():
        return "".join(ch for ch in text if ch.isalnum())
    return "".join(ch for ch in text if ch.isalnum() and unicodedata.category(ch) not in _DROP_CATEGORIES)


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
    scored = process.extract(key, list(by_key), scorer=fuzz.ratio, limit=limit * 3, score_cutoff=75)
    prefix = [k for k in by_key if len(key) >= 4 and k.startswith(key) and k != key]
    out: list[str] = []
    for k in [s[0] for s in scored] + sorted(prefix, key=len):
        if by_key[k] not in out:
            out.append(by_key[k])
    return out[:limit]
