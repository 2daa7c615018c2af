"""The fast CSV reader for big files: ``pyarrow.csv`` with every column read as text.

Imported only when :func:`clusterlab.roughsets.csvio.read_table` chooses it (big files), so small
tables start without pyarrow and pandas. Same rules as the standard-library reader (see
:mod:`clusterlab.roughsets.csvio`): cells stay text (no numbers, no missing values, spaces
kept), blank lines are skipped, newlines inside quotes are part of the cell, UTF-8 is checked.
When pyarrow refuses the file (a row with the wrong number of fields, a byte that is not UTF-8,
a quoted header ...) :func:`read_arrow` returns None and the standard-library reader, which knows
the lines, reads the file or names the problem and the place.
"""

from __future__ import annotations

import codecs
import csv
import io
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.csv as pacsv

from clusterlab.roughsets._csvformat import check_header, detect_delimiter

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["read_arrow"]

_HEAD = 1 << 16
_BOM = codecs.BOM_UTF8


def _header(head: str, delimiter: str | None) -> tuple[tuple[str, ...], int, int, str] | None:
    """Header names, its line number, the characters up to the end of the header line and the
    delimiter; None when the header needs the csv module (quoted, CR-only lines, too long)."""
    handle = io.StringIO(head)
    offset, number = 0, 1
    while True:
        line = handle.readline()
        if not line.endswith("\n"):
            return None
        if line.strip("\r\n"):
            break
        offset += len(line)
        number += 1
    if '"' in line or "\r" in line.rstrip("\r\n"):
        return None
    sep = delimiter or detect_delimiter(line)
    fields = next(csv.reader([line], delimiter=sep))
    return tuple(fields), number, offset + len(line), sep


def _utf8(data: bytes, encoding: str) -> tuple[Any, str] | None:
    """The body as UTF-8 bytes (without BOM) and its first characters; None if not decodable."""
    if encoding == "utf-8":
        raw = pa.py_buffer(data)[3:] if data.startswith(_BOM) else pa.py_buffer(data)
        try:
            head = codecs.getincrementaldecoder("utf-8")().decode(bytes(raw[:_HEAD]))
        except UnicodeDecodeError:
            return None
        return raw, head
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return pa.py_buffer(text.encode("utf-8")), text[:_HEAD]


def read_arrow(
    data: bytes, encoding: str, delimiter: str | None
) -> tuple[tuple[str, ...], pd.DataFrame, dict[str, dict[str, int]], str] | None:
    """``(header, frame of categorical text columns, value counts, delimiter)`` of the file's
    bytes ``data`` in ``encoding`` (a Python codec name), or None when pyarrow cannot read it
    exactly as the standard-library reader would. ``delimiter`` None: detected."""
    decoded = None if b"\x00" in data or data.startswith(b"PK\x03\x04") else _utf8(data, encoding)
    if decoded is None:
        return None
    raw, head = decoded
    found = _header(head, delimiter)
    if found is None:
        return None
    header, line, end, sep = found
    check_header(header, line)
    pool = pa.system_memory_pool()  # gives memory back to the system when done
    as_text = pa.dictionary(pa.int32(), pa.string())
    try:
        table = pacsv.read_csv(
            pa.BufferReader(raw[len(head[:end].encode("utf-8")) :]),
            read_options=pacsv.ReadOptions(column_names=list(header)),
            parse_options=pacsv.ParseOptions(delimiter=sep, newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(
                column_types={name: as_text for name in header},
                null_values=[],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
            memory_pool=pool,
        )
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    if table.num_rows == 0:
        return None
    import pandas as pd

    frame = pd.DataFrame({name: table.column(name).to_pandas() for name in header})
    del table
    pool.release_unused()
    counts = {
        name: {str(v): int(c) for v, c in frame[name].value_counts(sort=False).items() if c}
        for name in header
    }
    return header, frame, counts, sep
