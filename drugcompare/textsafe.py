"""Make text safe for a terminal: nothing from the data or the user is ever executed.

Rich markup is never parsed from data (renderers build Text objects), but escape
sequences and other control characters would still reach the terminal; these helpers turn
them into visible escapes.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, and bidi/format overrides that can
# make text display in a misleading order.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str) -> str:
    """Data text for display: control characters become visible escapes; newlines stay."""
    return _UNSAFE.sub(_escape, text)


def quote_input(text: str, limit: int = 80) -> str:
    """User input echoed in a message: one line, escaped, shortened, in quotes."""
    shown = _UNSAFE.sub(_escape, text.replace("\n", "\\n").replace("\t", "\\t"))
    shown = shown.encode("utf-8", "backslashreplace").decode("utf-8")  # lone surrogates
    if len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return f"'{shown}'"


def json_safe(text: str) -> str:
    """JSON text with C1 controls and bidi/format characters escaped as \\uXXXX.

    json.dumps escapes C0 controls itself; these others would reach a terminal raw when
    ensure_ascii is off. They can only occur inside JSON strings, so escaping keeps it valid.
    """
    return _UNSAFE.sub(lambda m: "\\u%04x" % ord(m.group()), text)
