"""The CSV readers: cells are the text the file holds, and the standard-library reader and the
pyarrow reader give the same cells, counts and errors on the same files (parametrised).
Expected cells are written out by hand from the file contents."""

from __future__ import annotations

import ast
import os
from pathlib import Path
from typing import Any

import pytest

from clusterlab.roughsets import DuplicateError, EmptyTableError, RoughSetError, csvio
from clusterlab.roughsets.csvio import (
    CsvInputError,
    CsvTable,
    check_file,
    detect_delimiter,
    read_csv_columns,
    read_table,
)

READERS = ["csv", "pyarrow"]
LIB = Path(__file__).resolve().parents[2] / "lib" / "clusterlab"


def cells(table: CsvTable) -> dict[str, list[str]]:
    return {name: [str(v) for v in table.data[name]] for name in table.header}


def write(tmp_path: Path, data: bytes | str, name: str = "t.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


# (file bytes, expected delimiter, expected {column: cells})
GOOD_FILES: list[tuple[bytes, str, dict[str, list[str]]]] = [
    (  # ids and codes stay as written
        b"id,a,d\n007,1,yes\n08,01,no\n1e3,1.0,no\n",
        ",",
        {"id": ["007", "08", "1e3"], "a": ["1", "01", "1.0"], "d": ["yes", "no", "no"]},
    ),
    (  # a Dutch Excel export: semicolons, decimal commas
        b"bedrijf;omzetgroei;groei\nA;12,5;ja\nB;3,0;nee\n",
        ";",
        {"bedrijf": ["A", "B"], "omzetgroei": ["12,5", "3,0"], "groei": ["ja", "nee"]},
    ),
    (b"a\tb\td\nx\t1\tP\ny\t2\tN\n", "\t", {"a": ["x", "y"], "b": ["1", "2"], "d": ["P", "N"]}),
    (b"\xef\xbb\xbfa,d\nx,yes\n", ",", {"a": ["x"], "d": ["yes"]}),  # BOM dropped
    (  # quoted comma and quoted newline are part of the cell
        b'a,d\n"x\ny","1,5"\nz,2\n',
        ",",
        {"a": ["x\ny", "z"], "d": ["1,5", "2"]},
    ),
    (b"a,d\n\nx,1\n\n\ny,2\n\n", ",", {"a": ["x", "y"], "d": ["1", "2"]}),  # blank lines
    (b"a,d\r\n yes ,1\r\nyes,2\r\n", ",", {"a": [" yes ", "yes"], "d": ["1", "2"]}),  # spaces
    (  # placeholders and empty cells are ordinary text
        b"a,b,d\n,?,NA\nn/a,-,null\n",
        ",",
        {"a": ["", "n/a"], "b": ["?", "-"], "d": ["NA", "null"]},
    ),
]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize(("data", "delimiter", "expected"), GOOD_FILES)
def test_readers_keep_the_text(
    tmp_path: Path, reader: str, data: bytes, delimiter: str, expected: dict[str, list[str]]
) -> None:
    table = read_table(write(tmp_path, data), reader=reader)
    assert table.reader == reader
    assert table.delimiter == delimiter
    assert table.header == tuple(expected)
    assert cells(table) == expected
    assert table.n_rows == len(next(iter(expected.values())))
    assert table.encoding == "utf-8"
    want_counts = {c: {v: vs.count(v) for v in vs} for c, vs in expected.items()}
    assert table.counts == want_counts


def test_delimiter_detection() -> None:
    # the delimiter giving the most header fields wins; ties: comma, semicolon, tab
    assert detect_delimiter("a;b;c,d\n") == ";"
    assert detect_delimiter("a,b;c\n") == ","
    assert detect_delimiter("a\tb\n") == "\t"
    assert detect_delimiter("single\n") == ","
    assert detect_delimiter('"a;b",c\n') == ","  # quoted semicolon is not a separator


@pytest.mark.parametrize("reader", READERS)
def test_delimiter_can_be_given(tmp_path: Path, reader: str) -> None:
    path = write(tmp_path, "a;b,c\n1;2,3\n")
    assert read_table(path, reader=reader).header == ("a;b", "c")  # tie: comma
    table = read_table(path, reader=reader, delimiter=";")
    assert table.header == ("a", "b,c") and cells(table) == {"a": ["1"], "b,c": ["2,3"]}
    assert read_table(write(tmp_path, "a|b\n1|2\n"), delimiter="|", reader=reader).header == (
        "a",
        "b",
    )
    assert read_table(write(tmp_path, "a\tb\n1\t2\n"), delimiter="tab").header == ("a", "b")
    with pytest.raises(CsvInputError, match="delimiter 'ab'"):
        read_table(path, delimiter="ab", reader=reader)


@pytest.mark.parametrize("reader", READERS)
def test_other_encodings(tmp_path: Path, reader: str) -> None:
    path = write(tmp_path, "naam,d\nA,x\nCafé,ja\n".encode("cp1252"))
    with pytest.raises(CsvInputError) as info:
        read_table(path, reader=reader)
    message = str(info.value)
    assert "line 3, byte 4" in message and "0xe9" in message
    assert "UTF-8" in message and "--encoding cp1252" in message
    table = read_table(path, encoding="cp1252", reader=reader)
    assert cells(table) == {"naam": ["A", "Café"], "d": ["x", "ja"]}
    assert table.encoding == "cp1252"
    with pytest.raises(CsvInputError, match="unknown encoding 'klingon'"):
        read_table(path, encoding="klingon", reader=reader)


# (file bytes, exception, words in the message) - the same for both readers
BAD_FILES: list[tuple[bytes, type[Exception], list[str]]] = [
    (b"", EmptyTableError, ["empty file"]),
    (b"\n\n", EmptyTableError, ["empty file"]),
    (b"a,d\n", EmptyTableError, ["no data rows", "line 1"]),
    (b"\na,d\n\n", EmptyTableError, ["no data rows", "line 2"]),
    (b"a,,d\n1,2,3\n", CsvInputError, ["line 1", "column 2 of the header has no name"]),
    (b"a, ,d\n1,2,3\n", CsvInputError, ["column 2 of the header has no name"]),
    (b"a,b,a\n1,2,3\n", DuplicateError, ["duplicate column name 'a'", "columns 1 and 3"]),
    (b"a,d\n1,x\n\n2\n", CsvInputError, ["line 4 (row 2): 1 fields, the header has 2"]),
    (b'a,d\n"1\n2",x\n3,y,z\n', CsvInputError, ["line 4 (row 2): 3 fields"]),
    (b"a;d\n1;x\n2;y;z\n", CsvInputError, ["line 3", "delimiter: semicolon"]),
    (b"a,d\n1,x\n2,\xff\n", CsvInputError, ["line 3, byte 3", "0xff"]),
    (b"a,d\n1,x\x002\n", CsvInputError, ["line 2", "NUL"]),
    (b"PK\x03\x04\x14\x00rest", CsvInputError, ["zip file", "xlsx"]),
]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize(("data", "error", "words"), BAD_FILES)
def test_readers_refuse_the_same_way(
    tmp_path: Path, reader: str, data: bytes, error: type[Exception], words: list[str]
) -> None:
    with pytest.raises(error) as info:
        read_table(write(tmp_path, data), reader=reader)
    assert isinstance(info.value, RoughSetError)
    assert all(w in str(info.value) for w in words), str(info.value)


def test_file_checks_before_reading(tmp_path: Path) -> None:
    with pytest.raises(CsvInputError, match="not a regular file"):
        check_file("/dev/zero")
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(CsvInputError, match="not a regular file"):
        read_table(fifo)  # would block forever if it were opened
    with pytest.raises(CsvInputError, match="directory"):
        read_table(tmp_path)
    path = write(tmp_path, "a,d\n1,x\n")  # 8 bytes
    assert check_file(path, max_bytes=8) == 8
    with pytest.raises(CsvInputError, match="8 bytes, over the limit of 7 bytes"):
        read_table(path, max_bytes=7)
    with pytest.raises(FileNotFoundError):
        read_table(tmp_path / "missing.csv")


@pytest.mark.parametrize("reader", READERS)
def test_lines_and_rows(tmp_path: Path, reader: str) -> None:
    # rows are data rows (header excluded); lines are the file's physical lines
    path = write(tmp_path, 'id,d\n\na,"x\ny"\nb,z\n\nb,w\n')
    table = read_table(path, reader=reader)
    assert table.rows_with("id", "b") == [2, 3]
    assert [table.line_of(r) for r in (1, 2, 3)] == [3, 5, 7]


def test_auto_reader_by_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "a,d\n1,x\n")
    assert read_table(path).reader == "csv"
    monkeypatch.setattr(csvio, "FAST_READER_MIN_BYTES", 1)
    assert read_table(path).reader == "pyarrow"
    monkeypatch.setattr(csvio, "_fast_reader_available", lambda: False)
    assert read_table(path).reader == "csv"  # where pyarrow/pandas are absent


def test_pyarrow_hands_over_what_it_cannot_read(tmp_path: Path) -> None:
    # a quoted header and CR-only line ends go to the standard-library reader, same cells
    quoted = read_table(write(tmp_path, '"a",d\n1,x\n'), reader="pyarrow")
    assert quoted.reader == "csv" and cells(quoted) == {"a": ["1"], "d": ["x"]}
    cr = read_table(write(tmp_path, "a,d\r1,x\r"), reader="pyarrow")
    assert cr.reader == "csv" and cells(cr) == {"a": ["1"], "d": ["x"]}


def test_read_csv_columns_is_the_standard_library_reader(tmp_path: Path) -> None:
    path = write(tmp_path, "a,b,d\n1,x,1.5\n\n2,NA,2\n")
    assert read_csv_columns(path) == {"a": ["1", "2"], "b": ["x", "NA"], "d": ["1.5", "2"]}


def _module_level_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_standard_library_reader_needs_no_numpy_pandas_or_pyarrow() -> None:
    for module in ("csvio.py", "csvcheck.py", "errors.py"):
        imports = _module_level_imports(LIB / "roughsets" / module)
        assert not imports & {"numpy", "pandas", "pyarrow"}, module


def _values(table: CsvTable) -> Any:
    return cells(table), table.counts, table.header, table.n_rows, table.delimiter


@pytest.mark.parametrize("case", ["flu", "hiring", "walk", "xor_copy"])
def test_both_readers_agree_on_the_fixtures(case: str) -> None:
    path = Path(__file__).parents[1] / "fixtures" / "roughsets" / f"{case}.csv"
    assert _values(read_table(path, reader="csv")) == _values(read_table(path, reader="pyarrow"))


def test_pyarrow_utf8_check_beyond_the_first_block(tmp_path: Path) -> None:
    # 5,000 valid lines (beyond the 64 kB that are decoded first), then a cp1252 byte
    body = "".join(f"row{i:05d},{'xy'[i % 2]}\n" for i in range(5000))
    path = write(tmp_path, ("a,d\n" + body).encode() + b"caf\xe9,x\n")
    for reader in READERS:
        with pytest.raises(CsvInputError, match="line 5002, byte 4"):
            read_table(path, reader=reader)
