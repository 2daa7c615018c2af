"""Reading a CSV data file and validating it against its Table Schema (Frictionless).

The schema is a resource of ``data/datapackage.json``; validation of types, ``enum``,
``pattern``, ``minimum``/``maximum`` and the primary key is done by the ``frictionless``
library (imported only when a file is validated, so ``import clusterlab.data`` stays light).
This module adds what the library does not see, because the labels must stay the text of the
file and nothing may be repaired silently:

* line numbers are the file's **physical** lines as an editor shows them (the header is on
  line 1; blank lines and line breaks inside quoted cells count);
* the file must be UTF-8 (a byte-order mark is accepted); another encoding is refused naming
  the line of the first byte that is not UTF-8;
* a header without data rows is refused;
* a cell with surrounding spaces, an empty required cell, and a number written with other
  characters than the ASCII digits (``"١٩٩١"``, ``"1_991"``, which Python's ``int`` accepts)
  are refused.

Every problem becomes one line ``<file>: line <n>, column '<name>': <what>; allowed: <...>``
in a :class:`DataValidationError`.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["CsvTable", "DataValidationError", "Problems", "read_table", "validated_frame"]

_ASCII_INTEGER = re.compile(r"[+-]?[0-9]+")
_ASCII_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")


class _Short(str):
    """A cell shown in a message: at most 60 characters (``repr`` included)."""

    def __repr__(self) -> str:
        text = str.__repr__(self)
        return text if len(text) <= 60 else text[:50] + "..." + text[-7:]


class DataValidationError(ValueError):
    """A data file breaks its schema. Attributes name the first problem found.

    ``path`` (file), ``line`` (the file's physical line, header = 1; None when the problem is
    a missing row), ``column``, ``allowed`` (a description of the allowed values) and
    ``problems`` (every problem found, as messages).
    """

    def __init__(
        self,
        path: Path | str,
        line: int | None,
        column: str | None,
        allowed: str,
        message: str,
        problems: list[str] | None = None,
    ) -> None:
        self.path = Path(path)
        self.line = line
        self.column = column
        self.allowed = allowed
        self.problems = problems or [message]
        text = self.problems[0]
        if len(self.problems) > 1:
            more = self.problems[1:20]
            text += "\n" + "\n".join(more)
            if len(self.problems) > 21:
                text += f"\n... and {len(self.problems) - 21} more"
        super().__init__(text)


class Problems:
    """Collects problems of one file and raises them together, sorted by line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.items: list[tuple[int | None, int, str | None, str, str]] = []

    def add(
        self, line: int | None, column: str | None, allowed: str, what: str, order: int = 0
    ) -> None:
        """One problem; ``order`` sorts problems of one line (the column's position)."""
        where = f"line {line}" if line is not None else "no line"
        col = f", column {column!r}" if column else ""
        message = f"{self.path}: {where}{col}: {what}; allowed: {allowed}"
        self.items.append((line, order, column, allowed, message))

    def raise_if_any(self) -> None:
        if not self.items:
            return
        items = sorted(self.items, key=lambda it: (it[0] is None, it[0] or 0, it[1]))
        line, _, column, allowed, first = items[0]
        raise DataValidationError(self.path, line, column, allowed, first, [it[4] for it in items])


@dataclass(frozen=True)
class CsvTable:
    """A CSV file as text cells: ``header``, data ``rows`` (blank lines left out) and the
    physical ``lines`` on which each row starts (``header_line`` for the header)."""

    path: Path
    header: list[str]
    rows: list[list[str]]
    lines: list[int]
    header_line: int


def _decode(path: Path, raw: bytes) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise DataValidationError(
            path,
            line,
            None,
            "UTF-8 text",
            f"{path}: line {line}: byte 0x{raw[err.start]:02x} is not UTF-8 (the file is in "
            "another encoding); save it as UTF-8, e.g. 'CSV UTF-8' in Excel; allowed: UTF-8 text",
        ) from None


def read_table(path: Path) -> CsvTable:
    """The file's cells as text, with the physical line of every row.

    Raises ``FileNotFoundError`` for a missing file and :class:`DataValidationError` for a file
    that is not UTF-8, is empty, has only a header, or is not parseable CSV.
    """
    if not path.is_file():
        raise FileNotFoundError(f"data file not found: {path}")
    text = _decode(path, path.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""))
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            if row:  # a blank line: no record, but it counts as a line
                records.append((start, row))
            start = reader.line_num + 1
    except csv.Error as err:
        line = reader.line_num
        raise DataValidationError(
            path, line, None, "CSV", f"{path}: line {line}: not readable as CSV ({err})"
        ) from None
    if not records:
        raise DataValidationError(
            path,
            1,
            None,
            "a header line",
            f"{path}: line 1: the file is empty; allowed: a header line",
        )
    (header_line, header), data = records[0], records[1:]
    if not data:
        raise DataValidationError(
            path,
            header_line,
            None,
            "at least one data row",
            f"{path}: line {header_line}: the file has a header but no data rows; "
            "allowed: at least one data row",
        )
    return CsvTable(path, header, [r for _, r in data], [n for n, _ in data], header_line)


# --------------------------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------------------------


def allowed_values(field: dict[str, Any]) -> str:
    """A description of the values a Table Schema field allows, for messages."""
    c = field.get("constraints", {})
    if "enum" in c:
        return "one of " + ", ".join(c["enum"])
    if field["type"] == "integer":
        lo, hi = c.get("minimum"), c.get("maximum")
        if lo is not None and hi is not None:
            return f"an integer from {lo} to {hi}"
        if lo is not None:
            return f"an integer >= {lo}"
        return "an integer"
    if field["type"] == "boolean":
        return "one of " + ", ".join(
            field.get("trueValues", ["true"]) + field.get("falseValues", ["false"])
        )
    if "pattern" in c:
        return f"a text matching {c['pattern']}"
    return f"a {field['type']}"


def _check_header(table: CsvTable, names: Sequence[str], probs: Problems) -> None:
    line = table.header_line
    allowed = "the columns " + ", ".join(names)
    for col in names:
        if col not in table.header:
            probs.add(line, col, allowed, f"missing column {col!r}")
    for col in table.header:
        if col not in names:
            probs.add(line, col, allowed, f"unexpected column {col!r}")
    dup = sorted({c for c in table.header if table.header.count(c) > 1})
    if dup:
        probs.add(line, dup[0], allowed, f"duplicated column(s) {dup}")
    width = len(table.header)
    for line_no, row in zip(table.lines, table.rows, strict=True):
        if len(row) != width:
            probs.add(
                line_no,
                None,
                f"{width} comma-separated cells",
                f"{len(row)} cells instead of {width}",
            )


def _cell_problem(cell: str, field: dict[str, Any], missing: Sequence[str]) -> str | None:
    """What the library does not check: spaces, empty required cells, non-ASCII numbers."""
    raw = _Short(cell)
    if raw in missing and not field.get("constraints", {}).get("required", False):
        return None
    if raw == "":
        return "empty value"
    if raw.strip() != raw:
        return f"value {raw!r} has surrounding spaces"
    if field["type"] == "integer" and not _ASCII_INTEGER.fullmatch(raw):
        return f"value {raw!r} is not an integer (ASCII digits only)"
    if field["type"] == "number" and not _ASCII_NUMBER.fullmatch(raw):
        return f"value {raw!r} is not a number (ASCII digits and a decimal point only)"
    return None


_WHAT = {
    "enum": "unknown code {raw!r}",
    "pattern": "value {raw!r} has the wrong form",
    "minimum": "value {raw} out of range",
    "maximum": "value {raw} out of range",
    "required": "empty value",
    "integer": "value {raw!r} is not an integer",
    "number": "value {raw!r} is not a number",
    "boolean": "value {raw!r} is not a boolean",
}


@dataclass(frozen=True)
class _Rows:
    """The rows of one file in schema order, their lines and their schema."""

    rows: list[list[str]]
    lines: list[int]
    schema: dict[str, Any]

    @property
    def order(self) -> dict[str, int]:
        return {f["name"]: i for i, f in enumerate(self.schema["fields"])}

    @property
    def primary_key(self) -> list[str]:
        return list(self.schema.get("primaryKey", []))

    def key(self, index: int, columns: Sequence[str]) -> tuple[str, ...]:
        order = self.order
        return tuple(self.rows[index][order[c]] for c in columns)

    def first_lines(self) -> dict[tuple[str, ...], int]:
        out: dict[tuple[str, ...], int] = {}
        for i, line in enumerate(self.lines):
            out.setdefault(self.key(i, self.primary_key), line)
        return out


def _key_problem(
    err: Any, table: _Rows, first: dict[tuple[str, ...], int], probs: Problems
) -> None:
    """A duplicate primary key (``primary-key``) or duplicate unique value (``unique-error``)."""
    pk = table.primary_key
    if err.type == "unique-error" and err.field_name in pk:
        return  # reported once, as the primary key
    index = err.row_number - 2
    cols = pk if err.type == "primary-key" else [err.field_name]
    key = table.key(index, cols)
    seen = f" (first on line {first[key]})" if cols == pk and key in first else ""
    probs.add(
        table.lines[index],
        cols[-1],
        "unique " + " + ".join(cols) + (" (primary key)" if cols == pk else ""),
        f"duplicate {'/'.join(key)}{seen}",
        table.order[cols[-1]],
    )


def _cell_error_problem(err: Any, table: _Rows, probs: Problems) -> None:
    """A type or constraint error of one cell, in this module's words."""
    name = getattr(err, "field_name", None) or ""
    row_number = getattr(err, "row_number", None)
    line = table.lines[row_number - 2] if row_number else None
    field = next((f for f in table.schema["fields"] if f["name"] == name), None)
    kind = re.search(r'constraint "(\w+)"', getattr(err, "note", "") or "")
    key = kind.group(1) if kind else (field or {}).get("type", "")
    what = _WHAT.get(key, "{raw!r}: " + str(err.message)).format(
        raw=_Short(getattr(err, "cell", ""))
    )
    allowed = allowed_values(field) if field else str(err.title)
    probs.add(line, name or None, allowed, what, table.order.get(name, 0))


def _library_problems(table: _Rows, probs: Problems, skip: set[tuple[int, str]]) -> None:
    """Validate the rows with frictionless against the schema; add its errors to ``probs``
    (leaving out cells in ``skip``, already reported by this module's own checks)."""
    import frictionless  # heavy: imported only when a file is validated

    names = [f["name"] for f in table.schema["fields"]]
    descriptor = {k: v for k, v in table.schema.items() if k != "foreignKeys"}
    resource = frictionless.Resource(
        data=[names, *table.rows], schema=frictionless.Schema.from_descriptor(descriptor)
    )
    report = resource.validate()
    errors = report.tasks[0].errors if report.tasks else report.errors
    first = table.first_lines()
    for err in errors:
        if err.type in ("primary-key", "unique-error"):
            _key_problem(err, table, first, probs)
            continue
        row_number = getattr(err, "row_number", None)
        name = getattr(err, "field_name", None)
        if row_number and name and (table.lines[row_number - 2], name) in skip:
            continue
        _cell_error_problem(err, table, probs)


def _typed_column(values: pd.Series, field: dict[str, Any], missing: Sequence[str]) -> Any:
    if "categories" in field:
        cats = [cat["value"] for cat in field["categories"]]
        return pd.Categorical(values, categories=cats, ordered=bool(field.get("categoriesOrdered")))
    is_missing = values.isin(list(missing))
    if field["type"] == "integer":
        return values.astype("int64")
    if field["type"] == "number":
        return pd.to_numeric(values.mask(is_missing), errors="raise")
    if field["type"] == "boolean":
        return values.isin(field.get("trueValues", ["true"]))
    return values.mask(is_missing)


def validated_frame(path: Path, schema: dict[str, Any]) -> tuple[pd.DataFrame, list[int]]:
    """Read ``path``, validate it against the Table Schema ``schema`` and type its columns.

    Returns the frame (columns in schema order: categoricals with the schema's categories,
    integers int64, numbers float64, booleans bool, other text as the file's text with the
    schema's ``missingValues`` as NaN) and the physical line of every row.
    """
    table = read_table(path)
    fields = list(schema["fields"])
    names = [f["name"] for f in fields]
    probs = Problems(path)
    _check_header(table, names, probs)
    probs.raise_if_any()
    position = [table.header.index(n) for n in names]
    rows = [[row[i] for i in position] for row in table.rows]
    missing = list(schema.get("missingValues", [""]))
    skip: set[tuple[int, str]] = set()
    for line, row in zip(table.lines, rows, strict=True):
        for k, (raw, field) in enumerate(zip(row, fields, strict=True)):
            what = _cell_problem(raw, field, missing)
            if what is not None:
                probs.add(line, field["name"], allowed_values(field), what, k)
                skip.add((line, field["name"]))
    _library_problems(_Rows(rows, table.lines, schema), probs, skip)
    probs.raise_if_any()
    frame = pd.DataFrame(rows, columns=names, dtype=str)
    for field in fields:
        frame[field["name"]] = _typed_column(frame[field["name"]], field, missing)
    frame.attrs["source"] = str(path)
    return frame, table.lines
