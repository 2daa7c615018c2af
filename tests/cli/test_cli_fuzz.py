"""Fuzzing the command line: generated CSV bytes and argument combinations.

Every run either exits 0 with a result (a report, or strict JSON valid against the schema) or
exits 2 with exactly one line on stderr - never a traceback, never the "internal error" line
that the CLI prints when the engine fails with something other than a RoughSetError. The two
CSV readers give the same cells or the same error on every generated file.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from clusterlab.cli import analysis_schema, main
from clusterlab.roughsets import RoughSetError
from clusterlab.roughsets.csvio import read_table

VALIDATOR = jsonschema.Draft202012Validator(analysis_schema())
#: True in about one draw of six (rare branches: malformed files, odd options)
RARELY = st.sampled_from([False] * 5 + [True])
SOMETIMES = st.sampled_from([False, False, True])
NAMES = ["a", "b", "d", "id", " a", "x y", "é", "c,d"]
ODD_NAMES = ["", "a", "d", "\ufeffd"]
CELLS = st.one_of(
    st.sampled_from(["x", "y", "1", "01", "1.0", "12,5", "", "?", "NA", "yes ", "Yes", "é", "007"]),
    st.sampled_from(["x", "y", "z", "1", "2"]),
    st.text(alphabet='ab1,;\t" \n\ré', max_size=4),
    st.text(max_size=3),  # any character, NUL and surrogates included
)


@st.composite
def csv_bytes(draw: st.DrawFn) -> tuple[bytes, list[str]]:
    """A CSV-like file (sometimes malformed) and its header names."""
    if draw(RARELY):
        return draw(st.binary(max_size=60)), ["a", "d"]
    sep = draw(st.sampled_from([",", ";", "\t"]))
    end = draw(st.sampled_from(["\n", "\n", "\r\n", "\r"]))
    width = draw(st.integers(1, 4))
    unique = st.lists(st.sampled_from(NAMES), min_size=width, max_size=width, unique=True)
    odd = st.lists(st.sampled_from(ODD_NAMES), min_size=width, max_size=width)
    header = draw(odd if draw(RARELY) else unique)
    ragged = int(draw(RARELY))
    row = st.lists(CELLS, min_size=max(width - ragged, 0), max_size=width + ragged)
    rows = draw(st.lists(row, min_size=0 if draw(RARELY) else 1, max_size=7))
    if not draw(RARELY):  # written as a spreadsheet would: quoted where needed
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=sep, lineterminator=end)
        writer.writerows([header, *rows])
        text = buffer.getvalue()
    else:  # hand-made: fields joined as they are, quotes unbalanced or not
        quoted = draw(st.booleans())
        text = end.join(
            sep.join(f'"{f}"' if quoted else f for f in fields) for fields in [header, *rows]
        )
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "cp1252"]))
    return text.encode(encoding, errors="replace"), header


@st.composite
def arguments(draw: st.DrawFn, header: list[str]) -> list[str]:
    columns = st.sampled_from([*([*header] or ["d"]) * 4, "zz", "d", ""])
    args = ["--decision", draw(columns)]
    if draw(SOMETIMES):
        args += ["--id", draw(columns)]
    if draw(SOMETIMES):
        args += ["--conditions", ",".join(draw(st.lists(columns, min_size=1, max_size=3)))]
    options: dict[str, Any] = {
        "--beta": st.sampled_from(["0.6", "1", "2/3", "0.3", "x"]),
        "--delimiter": st.sampled_from([",", ";", "tab", "|", "ab"]),
        "--encoding": st.sampled_from(["utf-8", "cp1252", "latin-1", "nope"]),
        "--max-bytes": st.sampled_from(["1M", "200", "1k", "0", "x"]),
        "--loo-max": st.sampled_from(["3", "500", "0", "-1"]),
    }
    for flag, values in options.items():
        if draw(RARELY):
            args += [flag, draw(values)]
    if draw(st.booleans()):
        args.append("--json")
    return args


def run_in_process(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 2
    return code, out.getvalue(), err.getvalue()


def check_outcome(code: int, out: str, err: str, as_json: bool) -> None:
    assert "Traceback" not in err
    if code == 0:
        assert out
        if as_json:
            VALIDATOR.validate(json.loads(out, parse_constant=_refuse))
        assert all(" warning: " in line for line in err.splitlines()), err
        return
    assert code == 2, (code, err)
    assert out == "" and len(err.splitlines()) == 1 and err.endswith("\n"), err
    assert err.startswith(("clusterlab analyse: error: ", "clusterlab: error: ")), err
    assert "internal error" not in err, err


def _refuse(name: str) -> None:
    raise AssertionError(f"not strict JSON: {name}")


@settings(
    max_examples=800,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_cli_never_crashes(data: st.DataObject) -> None:
    content, header = data.draw(csv_bytes())
    args = data.draw(arguments(header))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.csv"
        path.write_bytes(content)
        code, out, err = run_in_process(["analyse", str(path), *args])
    event(f"exit {code}")
    check_outcome(code, out, err, "--json" in args)


def _read(path: Path, reader: str) -> Any:
    try:
        table = read_table(path, reader=reader)
    except RoughSetError as exc:
        return type(exc).__name__, str(exc)
    return table.header, {c: [str(v) for v in table.data[c]] for c in table.header}, table.counts


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated=csv_bytes())
def test_both_readers_agree(generated: tuple[bytes, list[str]]) -> None:
    content, _ = generated
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.csv"
        path.write_bytes(content)
        assert _read(path, "csv") == _read(path, "pyarrow")


SAFE_CELLS = st.sampled_from(
    ["x", "y", "1", "01", "1.0", "007", "Yes", "yes ", " a", "é", "?", "a,b", 'q"q']
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    width=st.integers(2, 4),
    data=st.data(),
    sep=st.sampled_from([",", ";", "\t"]),
    fast=st.booleans(),
)
def test_well_formed_tables_are_analysed_as_written(
    width: int, data: st.DataObject, sep: str, fast: bool
) -> None:
    # a table written by a spreadsheet, every cell filled: exit 0, and the objects, decision
    # values and rule values are exactly the file's text, whichever reader reads it
    header = [f"c{j}" for j in range(width - 1)] + ["d"]
    rows = data.draw(
        st.lists(st.lists(SAFE_CELLS, min_size=width, max_size=width), min_size=1, max_size=7)
    )
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=sep, lineterminator="\r\n").writerows([header, *rows])
    from clusterlab.roughsets import csvio

    saved = csvio.FAST_READER_MIN_BYTES
    csvio.FAST_READER_MIN_BYTES = 0 if fast else saved
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "f.csv"
            path.write_text(buffer.getvalue(), encoding="utf-8")
            code, out, err = run_in_process(["analyse", str(path), "--decision", "d", "--json"])
    finally:
        csvio.FAST_READER_MIN_BYTES = saved
    assert code == 0, err
    result = json.loads(out)
    VALIDATOR.validate(result)
    assert result["source"]["reader"] == ("pyarrow" if fast else "csv")
    assert result["source"]["delimiter"] == sep and result["source"]["rows"] == len(rows)
    assert sorted(result["objects"], key=int) == [str(i + 1) for i in range(len(rows))]
    assert set(result["approximations"]) == {r[-1] for r in rows}
    by_column = {c: {r[j] for r in rows} for j, c in enumerate(header)}
    for rule in result["rules"]:
        assert all(v in by_column[a] for a, v in rule["if"].items())
        assert rule["then"][0] in by_column["d"]


NASTY = [
    b"a,d\n1,x\n2\n",
    b"\xff\xfea\x00,\x00d\x00\n\x00",  # UTF-16 from Excel's 'Unicode text'
    b'a,d\n"unclosed,x\n',
    b"a;d\n1;x\n",
]


@pytest.mark.parametrize("content", NASTY)
def test_subprocess_runs(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(content)
    proc = subprocess.run(
        [sys.executable, "-m", "clusterlab", "analyse", str(path), "--decision", "d", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    check_outcome(proc.returncode, proc.stdout, proc.stderr, as_json=True)
