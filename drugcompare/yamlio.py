"""Read YAML safely: no unsafe tags, no duplicate keys, no anchors, errors with line:column.

PyYAML silently keeps the last of two equal keys and expands anchors/aliases (the
"billion laughs" shape); data files need neither, so both are errors here. The C parser
(libyaml) is used when present: it is several times faster than the pure-Python one.
"""

from __future__ import annotations

import os
from typing import Any

import yaml

from .errors import DataError, Problem

try:
    _Base = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Base = yaml.SafeLoader  # type: ignore[misc]

MAX_FILE_BYTES = 64 * 1024 * 1024  # a data file larger than this is refused, not parsed


class _StrictLoader(_Base):  # type: ignore[misc,valid-type]
    """SafeLoader that rejects duplicate keys and aliases, and remembers key positions."""

    def construct_object(self, node, deep=False):  # noqa: ANN001
        if node in self.constructed_objects:
            raise yaml.constructor.ConstructorError(
                None, None, "anchors and aliases are not allowed in data files", node.start_mark
            )
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node, deep=False):  # noqa: ANN001
        """One pass: build the dict, refusing merge keys, unhashable and duplicate keys."""
        if not isinstance(node, yaml.MappingNode):
            raise yaml.constructor.ConstructorError(
                None, None, f"expected a mapping node, but found {node.id}", node.start_mark)
        mapping: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise yaml.constructor.ConstructorError(
                    None, None, "merge keys (<<) are not allowed in data files", key_node.start_mark)
            key = self.construct_object(key_node, deep=deep)
            try:
                duplicate = key in mapping
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value", key_node.start_mark) from None
            if duplicate:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r} (first at line {first_line[key]})", key_node.start_mark)
            first_line[key] = key_node.start_mark.line + 1
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


def _mark(err: yaml.YAMLError) -> str:
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    if mark is None:
        return ""
    return f"line {mark.line + 1}, column {mark.column + 1}"


def read_text(path: str) -> str:
    """Read a data file as UTF-8 text, turning every OS/encoding failure into a DataError."""
    try:
        if os.path.isdir(path):
            raise DataError([Problem(path, "", "is a directory, not a data file")])
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise DataError([Problem(path, "", f"file is too large ({size} bytes; limit {MAX_FILE_BYTES})")])
        with open(path, "rb") as fh:
            raw = fh.read()
    except DataError:
        raise
    except FileNotFoundError:
        raise DataError([Problem(path, "", "no such file")]) from None
    except PermissionError:
        raise DataError([Problem(path, "", "permission denied")]) from None
    except OSError as exc:
        raise DataError([Problem(path, "", f"cannot read file ({exc.strerror or exc})")]) from None
    if b"\x00" in raw:
        raise DataError([Problem(path, "", "not a text file (contains NUL bytes)")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError([Problem(path, "", f"not valid UTF-8 (byte {exc.start})")]) from None


def parse(text: str, path: str) -> Any:
    """Parse YAML text; any YAML problem becomes a DataError naming file, line and column."""
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - _StrictLoader is a SafeLoader
    except yaml.YAMLError as exc:
        where = _mark(exc)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context = getattr(exc, "context", None)
        message = f"{context}, {problem}" if context and "not allowed" not in problem else problem
        raise DataError([Problem(path, where, f"YAML error: {message}")]) from None
    except RecursionError:
        raise DataError([Problem(path, "", "YAML error: nesting too deep")]) from None


def load_file(path: str) -> Any:
    """Read and parse one YAML data file."""
    return parse(read_text(path), path)
