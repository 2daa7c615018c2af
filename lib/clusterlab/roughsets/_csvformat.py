"""The CSV dialect shared by both readers: delimiters, header checks, the reader's error type.

Definitions: see :mod:`clusterlab.roughsets.csvio` (delimiter detection: the one of comma,
semicolon and tab that splits the header line into the most fields; ties go to comma, then
semicolon, then tab; header names must be non-empty and unique).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence

from clusterlab.roughsets.errors import DuplicateError, RoughSetError

#: Delimiters that are detected, in the order that breaks ties.
DELIMITERS = (",", ";", "\t")
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}


class CsvInputError(RoughSetError):
    """A file that cannot be read as a CSV decision table (size, kind, encoding, shape)."""


def delimiter_name(delimiter: str) -> str:
    """``"comma"``, ``"semicolon"``, ``"tab"`` or the character quoted."""
    return _DELIMITER_NAMES.get(delimiter, repr(delimiter))


def detect_delimiter(line: str) -> str:
    """The delimiter among comma, semicolon and tab that splits ``line`` (the header) into the
    most fields; ties go to comma, then semicolon, then tab."""
    best, fields = ",", 0
    first = line.splitlines()[0] if line else ""
    for candidate in DELIMITERS:
        try:
            n = len(next(csv.reader([first], delimiter=candidate), []))
        except csv.Error:  # e.g. a NUL character: the reader will name the line
            n = 0
        if n > fields:
            best, fields = candidate, n
    return best


def check_delimiter(delimiter: str | None) -> str | None:
    """``delimiter`` as one character (``"tab"``/``"\\t"`` give a tab), or None to detect."""
    if delimiter is None:
        return None
    named = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";"}
    value = named.get(delimiter.lower(), delimiter)
    if len(value) != 1 or value in '"\r\n' or value.isalnum():
        raise CsvInputError(
            f"delimiter {delimiter!r} is not usable: give one character such as ',' ';' or 'tab'"
        )
    return value


def check_header(header: Sequence[str], line: int) -> None:
    """Refuse an empty or repeated header name, naming the column's position (1-based)."""
    seen: dict[str, int] = {}
    for position, name in enumerate(header, start=1):
        if not name.strip():
            raise CsvInputError(
                f"line {line}: column {position} of the header has no name; give every column "
                "a name"
            )
        if name in seen:
            raise DuplicateError(
                f"line {line}: duplicate column name {name!r} (columns {seen[name]} and {position})"
            )
        seen[name] = position
