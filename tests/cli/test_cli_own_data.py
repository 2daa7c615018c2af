"""``clusterlab analyse`` on the files people bring (issue 10's cases), strict JSON and its
JSON Schema. Expected values are derived by hand from the small tables written here."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from clusterlab.cli import analysis_schema, finite, main, to_json
from clusterlab.roughsets import _encoding, csvio

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parents[1] / "fixtures" / "roughsets"
#: The engine's continuous-column check parses text cells (shared decision; engine branch).
ENGINE_PARSES_TEXT = hasattr(_encoding, "is_numeric")


def write(tmp_path: Path, data: bytes | str, name: str = "t.csv") -> str:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return str(path)


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    assert main(["analyse", *argv, "--json"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    out: dict[str, Any] = json.loads(captured.out, parse_constant=_no_constant)
    jsonschema.Draft202012Validator(analysis_schema()).validate(out)
    return out


def _no_constant(name: str) -> None:
    raise AssertionError(f"not strict JSON: {name}")


def rules(out: dict[str, Any]) -> set[tuple[tuple[tuple[str, str], ...], str]]:
    return {(tuple(r["if"].items()), r["then"][0]) for r in out["rules"] if r["type"] == "certain"}


def test_ids_and_codes_stay_as_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "id,a,d\n007,x,yes\n08,y,no\n1e3,x,no\n")
    out = run_json(capsys, path, "--decision", "d", "--id", "id")
    assert sorted(out["objects"]) == ["007", "08", "1e3"]  # before: 7.0, 8.0, 1000.0


def test_1_01_and_1_0_are_three_values(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # before, the three merged into one value 1.0 (quality 0); as labels each is pure
    path = write(tmp_path, "a,d\n1,yes\n01,no\n1.0,no\n1,yes\n")
    out = run_json(capsys, path, "--decision", "d")
    assert out["quality"] == 1.0
    assert rules(out) == {((("a", "1"),), "yes"), ((("a", "01"),), "no"), ((("a", "1.0"),), "no")}
    kinds = {(w["kind"], w["column"]) for w in out["warnings"]}
    assert ("similar_values", "a") in kinds
    similar = next(w for w in out["warnings"] if w["kind"] == "similar_values")
    assert all(v in similar["message"] for v in ("'1'", "'01'", "'1.0'"))


def test_dutch_excel_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "bedrijf;sector;omzetgroei;groei\nA;industrie;12,5;ja\nB;diensten;3,0;nee\n"
    out = run_json(capsys, write(tmp_path, text), "--decision", "groei", "--id", "bedrijf")
    assert out["source"]["delimiter"] == ";"
    assert out["conditions"] == ["sector", "omzetgroei"]
    assert [w["kind"] for w in out["warnings"]] == ["decimal_numbers"]
    assert "'12,5'" in out["warnings"][0]["message"]


def test_quoted_decimal_commas_are_flagged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the student's export: comma-separated, decimal commas in quotes; 11 firms, 10 numbers
    # (the engine refuses a numeric column only above 10 distinct values)
    rows = "".join(f'f{i},{"ab"[i % 2]},"{min(i, 9)},5",{"jn"[i % 3 == 0]}\n' for i in range(11))
    path = write(tmp_path, "firm,sector,omzetgroei,groei\n" + rows)
    out = run_json(capsys, path, "--decision", "groei", "--id", "firm")
    found = {(w["kind"], w["column"]) for w in out["warnings"]}
    assert found == {("decimal_numbers", "omzetgroei"), ("mostly_distinct", "omzetgroei")}
    assert "omzetgroei" in out["core"]  # the number column alone tells the firms apart


@pytest.mark.skipif(not ENGINE_PARSES_TEXT, reason="engine branch: text numbers")
def test_many_decimal_commas_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = "".join(f'f{i},"{i},5",{"jn"[i % 3 == 0]}\n' for i in range(12))
    path = write(tmp_path, "firm,omzetgroei,groei\n" + rows)
    assert main(["analyse", path, "--decision", "groei", "--id", "firm"]) == 2
    err = capsys.readouterr().err
    assert "'omzetgroei'" in err and "12 distinct values" in err and "bin it" in err


def test_warnings_go_to_stderr_in_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "a,b,d\nyes,?,P\nyes ,n/a,N\nYes,1,P\n")
    assert main(["analyse", path, "--decision", "d"]) == 0
    captured = capsys.readouterr()
    err = captured.err.splitlines()
    assert len(err) == 2 and all(line.startswith("clusterlab analyse: warning: ") for line in err)
    assert "column 'a'" in err[0] and "case or surrounding spaces" in err[0]
    assert "column 'b': 2 of 3 cells" in err[1]
    assert 'IF a = "yes " THEN d = N' in captured.out  # surrounding space shown


def test_one_row_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "a,d\nx,yes\n")
    out = run_json(capsys, path, "--decision", "d")
    assert out["objects"] == ["1"] and out["quality"] == 1.0
    assert out["loo_accuracy"] is None and "at least 2 objects" in out["loo_skipped"]
    assert main(["analyse", path, "--decision", "d"]) == 0
    assert "skipped (n = 1: leave-one-out needs at least 2 objects)" in capsys.readouterr().out


def test_encodings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "naam,d\nCafé,ja\nZoë,nee\n".encode("cp1252"))
    assert main(["analyse", path, "--decision", "d"]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "t.csv: line 2" in err and "--encoding cp1252" in err
    out = run_json(capsys, path, "--decision", "d", "--encoding", "cp1252")
    assert set(out["significance"]) == {"naam"} and out["source"]["encoding"] == "cp1252"
    assert {r["if"]["naam"] for r in out["rules"]} == {"Café", "Zoë"}
    bom = write(tmp_path, "\ufeffa,d\nx,1\ny,2\n", "bom.csv")
    assert run_json(capsys, bom, "--decision", "d")["conditions"] == ["a"]


@pytest.mark.parametrize(
    ("make", "args", "words"),
    [
        (lambda p: "/dev/zero", [], ["/dev/zero", "not a regular file"]),
        (lambda p: str(p), [], ["is a directory"]),
        (lambda p: write(p, "a,d\n1,x\n"), ["--max-bytes", "7"], ["8 bytes", "limit of 7"]),
        (lambda p: write(p, "a,d\n1,x\n"), ["--max-bytes", "0"], ["--max-bytes", "'0'"]),
        (lambda p: write(p, "a,d\n1,x\n"), ["--encoding", "nope"], ["unknown encoding"]),
        (lambda p: write(p, "a,d\n1,x\n"), ["--delimiter", "xy"], ["delimiter 'xy'"]),
    ],
)
def test_files_refused_before_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: Any, args: list[str], words: list
) -> None:
    try:
        code = main(["analyse", make(tmp_path), "--decision", "d", *args])
    except SystemExit as exc:  # argparse's own usage errors
        code = exc.code
    assert code == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and all(w in err for w in words), err


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    proc = subprocess.run(
        [sys.executable, "-m", "clusterlab", "analyse", str(fifo), "--decision", "d"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2 and "not a regular file" in proc.stderr
    assert len(proc.stderr.splitlines()) == 1


def test_max_bytes_suffixes() -> None:
    from clusterlab.cli import max_bytes_argument

    assert max_bytes_argument("1000") == 1000
    assert max_bytes_argument("2k") == 2048
    assert max_bytes_argument("3M") == 3 * 1024 * 1024
    assert max_bytes_argument("1G") == 1024**3


def test_delimiter_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "a|b|d\nx|1|P\ny|2|N\n")
    out = run_json(capsys, path, "--decision", "d", "--delimiter", "|")
    assert out["conditions"] == ["a", "b"] and out["source"]["delimiter"] == "|"
    tab = write(tmp_path, "a,b\td\nx,1\tP\n", "tab.csv")  # tab forced over the comma
    assert run_json(capsys, tab, "--decision", "d", "--delimiter", "tab")["conditions"] == ["a,b"]


# ------------------------------------------------------------------------ strict JSON, schema
def test_schema_is_valid_and_names_every_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schema = analysis_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    out = run_json(capsys, write(tmp_path, "a,d\nx,1\ny,2\n"), "--decision", "d")
    # "settings" is optional (packed static results leave it out); the CLI always writes it
    assert set(schema["required"]) | {"settings"} == set(out) == set(schema["properties"])


@pytest.mark.parametrize("case", ["flu", "hiring", "walk", "xor_copy"])
def test_fixture_outputs_validate(case: str, capsys: pytest.CaptureFixture[str]) -> None:
    spec = json.loads((FIXTURES / f"{case}.json").read_text())
    header = (FIXTURES / f"{case}.csv").read_text().splitlines()[0].split(",")
    for extra in ([], ["--beta", "0.6"]):
        run_json(capsys, str(FIXTURES / f"{case}.csv"), "--decision", spec["decision"], "--id",
                 header[0], *extra)  # fmt: skip


def test_schema_rejects_wrong_outputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = run_json(capsys, write(tmp_path, "a,d\nx,1\ny,2\nx,2\n"), "--decision", "d")
    validator = jsonschema.Draft202012Validator(analysis_schema())
    for key, bad in [("quality", 1.5), ("reduct_method", "guess"), ("objects", [7])]:
        assert not validator.is_valid({**out, key: bad}), key
    missing = dict(out)
    del missing["warnings"]
    assert not validator.is_valid(missing)


def test_non_finite_numbers_become_null() -> None:
    result = {"quality": math.inf, "significance": {"a": -math.inf, "b": math.nan, "c": 0.5}}
    text = to_json(result)
    assert json.loads(text, parse_constant=_no_constant) == {
        "quality": None,
        "significance": {"a": None, "b": None, "c": 0.5},
    }
    assert finite([1.0, [math.nan], ("x",)]) == [1.0, [None], ("x",)]


def test_infinity_cell_is_a_label(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # before: the cell 'inf' became float('inf') and --json printed Infinity
    out = run_json(capsys, write(tmp_path, "a,d\ninf,yes\n1,no\nnan,no\n"), "--decision", "d")
    assert {r["if"]["a"] for r in out["rules"]} == {"inf", "1", "nan"}


def test_big_file_reader_in_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the same table through the pyarrow reader gives the same analysis
    text = "id;a;b;d\n" + "".join(
        f"{i:03d};{i % 3};{'xy'[i % 2]};{'PN'[i % 3 == 0]}\n" for i in range(40)
    )
    path = write(tmp_path, text)
    small = run_json(capsys, path, "--decision", "d", "--id", "id")
    monkeypatch.setattr(csvio, "FAST_READER_MIN_BYTES", 1)
    big = run_json(capsys, path, "--decision", "d", "--id", "id")
    assert small["source"]["reader"] == "csv" and big["source"]["reader"] == "pyarrow"
    assert {**small, "source": None} == {**big, "source": None}
    assert big["objects"][:2] == ["000", "001"]


def test_small_files_do_not_import_the_big_file_reader(tmp_path: Path) -> None:
    path = write(tmp_path, "a,d\nx,1\ny,2\n")
    code = (
        "import sys; from clusterlab.cli import main; "
        f"main(['analyse', {path!r}, '--decision', 'd']); "
        "print('MODULES', 'pyarrow' in sys.modules, 'pandas' in sys.modules)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "MODULES False False" in proc.stdout


def test_output_into_a_closed_pipe(tmp_path: Path) -> None:
    # like `clusterlab analyse big.csv | head -1`: no traceback when the reader goes away
    rows = "".join(f"{'xyz'[i % 3]},{'PN'[i % 2]}\n" for i in range(30_000))
    path = write(tmp_path, "a,d\n" + rows)
    cmd = [sys.executable, "-m", "clusterlab", "analyse", path, "--decision", "d"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline().startswith(b"Rough-set analysis of")
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) in (0, 1)
    assert "Traceback" not in err and "Error" not in err, err


@pytest.mark.parametrize("fast_from", [10**9, 1])
def test_empty_cell_is_refused_by_both_readers(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    fast_from: int,
) -> None:
    # the book's exercise: the age of E05 deleted; line 7 because of the blank line 3
    monkeypatch.setattr(csvio, "FAST_READER_MIN_BYTES", fast_from)
    rows = ["firm,age,partners", "E01,old,few", "", "E02,old,few", "E03,young,many"]
    rows += ["E04,young,many", "E05,,few"]
    path = write(tmp_path, "\n".join(rows) + "\n")
    assert main(["analyse", path, "--decision", "partners", "--id", "firm"]) == 2
    err = capsys.readouterr().err
    assert "missing value in column 'age' at row 5 (object 'E05'; line 7)" in err


def test_json_in_pieces_is_the_same_json() -> None:
    # big results are written in pieces (long lists in slices); the text parses to the same
    result = {
        "objects": tuple(str(i) for i in range(25_001)),
        "classes": [("1", "2"), ("3",)] * 12_000,
        "x": {"quality": 0.5, "empty": [], "inf": math.inf},
    }
    expected = {**result, "x": {"quality": 0.5, "empty": [], "inf": None}}
    assert json.loads(to_json(result)) == json.loads(json.dumps(expected))
