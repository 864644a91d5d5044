"""A small, explicit schema language for the data files.

One definition serves two purposes: validating a parsed file with a precise path for each
problem, and exporting a JSON Schema (``drugcompare schema``), so the documented schema and
the enforced one cannot drift apart.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any, Callable

Report = Callable[[str, str], None]  # (path, message)


def _join(path: str, key: Any) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    return {dict: "a mapping", list: "a list", str: "a string", bool: "true/false",
            int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class Spec:
    """Base: a spec validates a value at a path and describes itself as JSON Schema."""

    description = ""

    def validate(self, value: Any, path: str, report: Report) -> None:
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def _with_description(self, schema: dict[str, Any]) -> dict[str, Any]:
        if self.description:
            schema["description"] = self.description
        return schema


class Str(Spec):
    def __init__(self, pattern: str | None = None, max_len: int = 4000, description: str = ""):
        self.pattern = re.compile(pattern) if pattern else None
        self.max_len = max_len
        self.description = description

    def validate(self, value: Any, path: str, report: Report) -> None:
        if not isinstance(value, str):
            report(path, f"expected a string, got {_type_name(value)}")
            return
        if not value.strip():
            report(path, "must not be empty")
        elif len(value) > self.max_len:
            report(path, f"is too long ({len(value)} characters; limit {self.max_len})")
        elif self.pattern and not self.pattern.fullmatch(value):
            report(path, f"{_short(value)} does not match the pattern {self.pattern.pattern}")

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "string", "minLength": 1, "maxLength": self.max_len}
        if self.pattern:
            schema["pattern"] = self.pattern.pattern
        return self._with_description(schema)


class Num(Spec):
    def __init__(self, minimum: float | None = None, maximum: float | None = None, description: str = ""):
        self.minimum, self.maximum, self.description = minimum, maximum, description

    def validate(self, value: Any, path: str, report: Report) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            report(path, f"expected a number, got {_type_name(value)}")
        elif (self.minimum is not None and value < self.minimum) or (
            self.maximum is not None and value > self.maximum
        ):
            report(path, f"{value} is outside {self.minimum}..{self.maximum}")

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "number"}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        return self._with_description(schema)


class Bool(Spec):
    def __init__(self, description: str = ""):
        self.description = description

    def validate(self, value: Any, path: str, report: Report) -> None:
        if not isinstance(value, bool):
            report(path, f"expected true or false, got {_short(value)}")

    def json_schema(self) -> dict[str, Any]:
        return self._with_description({"type": "boolean"})


class Date(Spec):
    """A calendar date, YYYY-MM-DD (YAML may give it as a date or as a string)."""

    def __init__(self, description: str = ""):
        self.description = description

    def validate(self, value: Any, path: str, report: Report) -> None:
        if isinstance(value, _dt.datetime) or not isinstance(value, (_dt.date, str)):
            report(path, f"expected a date YYYY-MM-DD, got {_short(value)}")
            return
        if isinstance(value, str):
            try:
                _dt.date.fromisoformat(value)
            except ValueError:
                report(path, f"{_short(value)} is not a date YYYY-MM-DD")

    def json_schema(self) -> dict[str, Any]:
        return self._with_description({"type": "string", "format": "date"})


class Enum(Spec):
    def __init__(self, values: list[str], description: str = ""):
        self.values = list(values)
        self.description = description

    def validate(self, value: Any, path: str, report: Report) -> None:
        if not isinstance(value, str) or value not in self.values:
            report(path, f"{_short(value)} is not one of {', '.join(self.values)}")

    def json_schema(self) -> dict[str, Any]:
        return self._with_description({"enum": list(self.values)})


class Nullable(Spec):
    """The inner spec, or null (an honest 'unknown')."""

    def __init__(self, inner: Spec):
        self.inner = inner
        self.description = inner.description

    def validate(self, value: Any, path: str, report: Report) -> None:
        if value is not None:
            self.inner.validate(value, path, report)

    def json_schema(self) -> dict[str, Any]:
        return {"anyOf": [self.inner.json_schema(), {"type": "null"}]}


class List(Spec):
    def __init__(self, item: Spec, min_items: int = 0, unique: bool = False, description: str = ""):
        self.item, self.min_items, self.unique, self.description = item, min_items, unique, description

    def validate(self, value: Any, path: str, report: Report) -> None:
        if not isinstance(value, list):
            report(path, f"expected a list, got {_type_name(value)}")
            return
        if len(value) < self.min_items:
            report(path, f"needs at least {self.min_items} item(s)")
        seen: set[Any] = set()
        for i, item in enumerate(value):
            self.item.validate(item, _join(path, i), report)
            if self.unique and isinstance(item, (str, int)):
                if item in seen:
                    report(_join(path, i), f"{_short(item)} is listed twice")
                seen.add(item)

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        if self.unique:
            schema["uniqueItems"] = True
        return self._with_description(schema)


class Obj(Spec):
    """A mapping with known keys. Unknown keys are errors: typos must not pass silently."""

    def __init__(self, fields: dict[str, Spec], required: list[str] | None = None, description: str = ""):
        self.fields = fields
        self.required = list(fields) if required is None else required
        self.description = description

    def validate(self, value: Any, path: str, report: Report) -> None:
        if not isinstance(value, dict):
            report(path, f"expected a mapping, got {_type_name(value)}")
            return
        for key in value:
            if key not in self.fields:
                hint = _close(str(key), list(self.fields))
                report(_join(path, key), "unknown key" + (f" (did you mean {hint!r}?)" if hint else
                       f"; allowed: {', '.join(self.fields)}"))
        for key in self.required:
            if key not in value:
                report(_join(path, key), "is missing")
        for key, spec in self.fields.items():
            if key in value:
                spec.validate(value[key], _join(path, key), report)

    def json_schema(self) -> dict[str, Any]:
        return self._with_description({
            "type": "object",
            "properties": {k: v.json_schema() for k, v in self.fields.items()},
            "required": list(self.required),
            "additionalProperties": False,
        })


class MapOf(Spec):
    """A mapping from ids (matching ``key_pattern``) to values of one spec."""

    def __init__(self, value: Spec, key_pattern: str = r"[a-z0-9]+(-[a-z0-9]+)*", description: str = ""):
        self.value = value
        self.key_pattern = re.compile(key_pattern)
        self.description = description

    def validate(self, value: Any, path: str, report: Report) -> None:
        if not isinstance(value, dict):
            report(path, f"expected a mapping, got {_type_name(value)}")
            return
        for key, item in value.items():
            if not isinstance(key, str) or not self.key_pattern.fullmatch(key):
                report(_join(path, key), f"id {_short(key)} must match {self.key_pattern.pattern}")
                continue
            self.value.validate(item, _join(path, key), report)

    def json_schema(self) -> dict[str, Any]:
        return self._with_description({
            "type": "object",
            "propertyNames": {"pattern": f"^{self.key_pattern.pattern}$"},
            "additionalProperties": self.value.json_schema(),
        })


class OneOf(Spec):
    """The first alternative whose `discriminator` key is present in the mapping."""

    def __init__(self, alternatives: list[tuple[str, Obj]], description: str = ""):
        self.alternatives = alternatives
        self.description = description

    def validate(self, value: Any, path: str, report: Report) -> None:
        if isinstance(value, dict):
            for key, spec in self.alternatives:
                if key in value:
                    spec.validate(value, path, report)
                    return
        self.alternatives[-1][1].validate(value, path, report)

    def json_schema(self) -> dict[str, Any]:
        return self._with_description({"anyOf": [spec.json_schema() for _, spec in self.alternatives]})


def _close(word: str, options: list[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(word, options, n=1, cutoff=0.75)
    return found[0] if found else None
