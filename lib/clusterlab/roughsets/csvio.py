"""Reading a CSV decision table: cells are labels, kept as the text the file holds.

Definitions used by both readers (the standard-library one here, and the fast
:mod:`clusterlab.roughsets.csvio_arrow` for big files), which feed the same checks
(:mod:`clusterlab.roughsets.csvcheck`):

* **Cells are text.** ``007`` stays ``"007"``; ``1``, ``01`` and ``1.0`` are three different
  values; surrounding spaces are kept (``"yes "`` is not ``"yes"``). No cell becomes a number or
  a missing value here; an empty cell is the text ``""`` (the command line refuses it as a
  missing value, naming the line).
* **File.** Only a regular file not larger than ``max_bytes`` (:data:`DEFAULT_MAX_BYTES`) is
  opened; devices (``/dev/zero``), FIFOs and directories are refused before reading.
* **Encoding.** UTF-8 with or without a byte-order mark unless ``encoding`` is given (e.g.
  ``"cp1252"``). A byte that is not valid in the encoding is an error naming the line.
* **Delimiter.** Comma, semicolon or tab: the one that splits the header line into the most
  fields (ties: comma, then semicolon, then tab), unless ``delimiter`` is given.
* **Rows.** The first non-blank record is the header; blank lines are skipped; every other record
  must have as many fields as the header. Header names must be non-empty and unique.
* **Places.** Rows are numbered from 1, the header excluded, as in the engine's messages; error
  messages give the file's physical line (counting blank lines and newlines inside quotes).
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import stat
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from os import PathLike
from typing import Any

from clusterlab.roughsets._csvformat import (
    DELIMITERS,
    CsvInputError,
    check_delimiter,
    check_header,
    delimiter_name,
    detect_delimiter,
)
from clusterlab.roughsets.errors import EmptyTableError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DELIMITERS",
    "FAST_READER_MIN_BYTES",
    "CsvInputError",
    "CsvTable",
    "check_file",
    "decode_bytes",
    "delimiter_name",
    "detect_delimiter",
    "check_delimiter",
    "check_header",
    "read_csv_columns",
    "read_table",
    "read_text",
]

#: Files larger than this are refused unless a larger limit is given (``--max-bytes``): about
#: 6 million rows of five short columns, whose analysis needs some GB of memory.
DEFAULT_MAX_BYTES = 100 * 1024 * 1024
#: From this file size on, :func:`read_table` uses the pyarrow reader when it is installed.
FAST_READER_MIN_BYTES = 2 * 1024 * 1024
_UTF8 = codecs.lookup("utf-8").name


def check_file(path: str | PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> int:
    """Size in bytes of a regular file not larger than ``max_bytes``; checked before reading.

    Raises ``FileNotFoundError`` (no such file) and :class:`CsvInputError` (a directory, device
    or FIFO; a file over the limit).
    """
    return _check_stat(os.stat(path), max_bytes)


def _check_stat(info: os.stat_result, max_bytes: int) -> int:
    if stat.S_ISDIR(info.st_mode):
        raise CsvInputError("is a directory, not a CSV file")
    if not stat.S_ISREG(info.st_mode):
        raise CsvInputError(
            "is not a regular file (a device, FIFO or socket); save the table as a file"
        )
    if info.st_size > max_bytes:
        raise CsvInputError(
            f"is {info.st_size:,} bytes, over the limit of {max_bytes:,} bytes; raise it with "
            "--max-bytes if the file is really a table"
        )
    return info.st_size


def _normal_encoding(encoding: str | None) -> str:
    if encoding is None:
        return _UTF8
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise CsvInputError(f"unknown encoding {encoding!r} (try utf-8 or cp1252)") from None


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text of ``data`` and the encoding's name; a UTF-8 byte-order mark is dropped.

    A byte that is not valid in the encoding raises :class:`CsvInputError` naming the line and
    saying how to save the file as UTF-8.
    """
    name = _normal_encoding(encoding)
    codec = "utf-8-sig" if name == _UTF8 else name
    if data.startswith(b"PK\x03\x04"):
        raise CsvInputError(
            "is a zip file (an Excel .xlsx or .ods workbook?), not CSV text; save the sheet as "
            "CSV UTF-8"
        )
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        bad = data[exc.start : exc.start + 1].hex()
        hint = (
            "or read it with --encoding cp1252 (Windows) or --encoding latin-1"
            if name == _UTF8
            else f"or check that {encoding!r} is the file's encoding"
        )
        raise CsvInputError(
            f"line {line}, byte {column}: not valid {name} (byte 0x{bad}); save the file as "
            f"UTF-8 (Excel: Save As 'CSV UTF-8'; LibreOffice: character set 'Unicode (UTF-8)') "
            f"{hint}"
        ) from None
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise CsvInputError(
            f"line {line}: contains a NUL character - binary data, not CSV text; save the table "
            "as CSV UTF-8"
        )
    return text, name


def _first_line(text: str) -> str:
    for line in io.StringIO(text, newline=None):  # universal newlines: CR-only files too
        if line.strip("\r\n"):
            return line
    return ""


@dataclass
class CsvTable:
    """A CSV file read as text cells.

    ``data`` is what :class:`~clusterlab.roughsets.DecisionTable` takes: ``{column: cells}`` from
    the standard-library reader, a pandas DataFrame of categorical text columns from the pyarrow
    reader. ``counts`` holds ``{column: {value: count}}`` for the checks.
    """

    path: str
    header: tuple[str, ...]
    n_rows: int
    delimiter: str
    encoding: str
    reader: str
    data: Any
    counts: dict[str, dict[str, int]]
    _lines: dict[int, int] | None = field(default=None, repr=False)
    #: The decoded text when the table was not read from a file (:func:`read_text`).
    text: str | None = field(default=None, repr=False)

    def rows_with(self, column: str, value: str, limit: int = 2) -> list[int]:
        """The first ``limit`` 1-based rows whose ``column`` cell is ``value``."""
        cells = self.data[column]
        if isinstance(self.data, Mapping):
            found = (i + 1 for i, cell in enumerate(cells) if cell == value)
            return [row for row, _ in zip(found, range(limit), strict=False)]
        import numpy as np

        hits = np.flatnonzero((cells == value).to_numpy())[:limit]
        return [int(i) + 1 for i in hits]

    def line_of(self, row: int) -> int:
        """The physical line (1-based, counting blank lines) where data row ``row`` starts."""
        if self._lines is None:
            text = self.text
            if text is None:
                with open(self.path, "rb") as handle:
                    text, _ = decode_bytes(handle.read(), self.encoding)
            self._lines = {i: line for i, line, _ in _records(text, self.delimiter)}
        return self._lines.get(row, 0)


def _records(text: str, delimiter: str) -> Iterator[tuple[int, int, list[str]]]:
    """``(row, first physical line, fields)`` of each non-blank record; row 0 is the header."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    end, row = 0, 0
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise CsvInputError(f"line {reader.line_num}: {exc}") from None
        start, end = end + 1, reader.line_num
        if fields:
            yield row, start, fields
            row += 1


def _parse_text(text: str, delimiter: str) -> tuple[tuple[str, ...], list[list[str]]]:
    records = _records(text, delimiter)
    first = next(records, None)
    if first is None:
        raise EmptyTableError("empty file (no header row)")
    _, header_line, header = first
    check_header(header, header_line)
    width = len(header)
    body: list[list[str]] = []
    for row, line, fields in records:
        if len(fields) != width:
            raise CsvInputError(
                f"line {line} (row {row}): {len(fields)} fields, the header has {width} "
                f"(delimiter: {delimiter_name(delimiter)})"
            )
        body.append(fields)
    if not body:
        raise EmptyTableError(f"no data rows below the header (line {header_line})")
    return tuple(header), body


def _read_bytes(path: str | PathLike[str], max_bytes: int) -> bytes:
    """The file's bytes; checked before opening, and again on the opened file (non-blocking
    open, so a FIFO put in its place meanwhile cannot hang the reader)."""
    check_file(path, max_bytes)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        _check_stat(os.fstat(handle.fileno()), max_bytes)
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # grew after the check
        raise CsvInputError(f"is over the limit of {max_bytes:,} bytes (--max-bytes)")
    return data


def _fast_reader_available() -> bool:
    from importlib.util import find_spec

    return find_spec("pyarrow") is not None and find_spec("pandas") is not None


def read_table(
    path: str | PathLike[str],
    *,
    delimiter: str | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    reader: str = "auto",
) -> CsvTable:
    """Read a CSV decision table as text cells (module docstring: the rules).

    ``reader``: ``"csv"`` (standard library), ``"pyarrow"`` (needs pyarrow and pandas) or
    ``"auto"``: pyarrow from :data:`FAST_READER_MIN_BYTES` on when installed, else ``csv``.
    Raises ``FileNotFoundError``, :class:`CsvInputError`, :class:`EmptyTableError` and
    :class:`DuplicateError`.
    """
    if reader not in ("auto", "csv", "pyarrow"):
        raise ValueError(f"reader must be 'auto', 'csv' or 'pyarrow', not {reader!r}")
    chosen = check_delimiter(delimiter)
    name = _normal_encoding(encoding)
    data = _read_bytes(path, max_bytes)
    fast = reader == "pyarrow" or (
        reader == "auto" and len(data) >= FAST_READER_MIN_BYTES and _fast_reader_available()
    )
    if fast:
        from clusterlab.roughsets.csvio_arrow import read_arrow

        result = read_arrow(data, name, chosen)
        if result is not None:
            header, frame, counts, sep = result
            return CsvTable(str(path), header, len(frame), sep, name, "pyarrow", frame, counts)
        # pyarrow refused the file: the standard-library reader names the problem and place
    text, name = decode_bytes(data, encoding)
    del data
    return _table_of_text(text, str(path), chosen, name, keep_text=False)


def _table_of_text(
    text: str, path: str, delimiter: str | None, encoding: str, *, keep_text: bool
) -> CsvTable:
    """The standard-library reader on decoded text (``delimiter`` None: detected)."""
    sep = delimiter or detect_delimiter(_first_line(text))
    header, body = _parse_text(text, sep)
    columns = {
        name_: list(cells) for name_, cells in zip(header, zip(*body, strict=True), strict=True)
    }
    counts = {column: dict(Counter(cells)) for column, cells in columns.items()}
    kept = text if keep_text else None
    return CsvTable(path, header, len(body), sep, encoding, "csv", columns, counts, text=kept)


def read_text(
    data: str | bytes,
    *,
    name: str = "",
    delimiter: str | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> CsvTable:
    """Read a CSV decision table held in memory (e.g. a file chosen or text pasted in the
    book's page) with the standard-library reader: the rules and messages of
    :func:`read_table`, which reads files.

    ``data``: the file's bytes (decoded as :func:`decode_bytes` does, ``encoding`` as there) or
    text already decoded (then ``encoding`` must be None; it is reported as ``utf-8``).
    ``name`` becomes :attr:`CsvTable.path` (no file is opened). More than ``max_bytes`` bytes
    (UTF-8 bytes for text) are refused.
    """
    chosen = check_delimiter(delimiter)
    if isinstance(data, str):
        if encoding is not None:
            raise ValueError("encoding applies to bytes; text is already decoded")
        size = len(data.encode("utf-8", "surrogatepass"))
    else:
        size = len(data)
    if size > max_bytes:
        raise CsvInputError(
            f"is {size:,} bytes, over the limit of {max_bytes:,} bytes; raise it with "
            "--max-bytes if the file is really a table"
        )
    if isinstance(data, str):
        text, enc = decode_bytes(data.encode("utf-8", "surrogatepass"))
    else:
        text, enc = decode_bytes(data, encoding)
    return _table_of_text(text, name, chosen, enc, keep_text=True)


def read_csv_columns(
    path: str | PathLike[str],
    *,
    delimiter: str | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> dict[str, list[str]]:
    """``{column: cells}`` of a CSV file with the standard-library reader (no numpy, no
    pandas); cells are text as the file holds it (module docstring: the rules)."""
    table = read_table(
        path, delimiter=delimiter, encoding=encoding, max_bytes=max_bytes, reader="csv"
    )
    columns: dict[str, list[str]] = table.data
    return columns
