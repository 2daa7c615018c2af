"""``clusterlab.cli.analyse_text`` (what the book's page runs under Pyodide) gives exactly the
JSON of ``clusterlab analyse --json`` for the same table and settings, and the same one-line
error messages; the new settings ``--rules``, ``--min-support`` and ``--leave-out``."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterlab.cli import PASTED, AnalyseError, analyse_text, analysis_schema, main

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "roughsets"

#: (file, decision, id column, extra CLI settings, the same as analyse_text keywords)
CASES = [
    ("tests/fixtures/roughsets/flu.csv", "Flu", "Patient", [], {}),
    ("tests/fixtures/roughsets/hiring.csv", "Decision", "Object", ["--beta", "0.6"],
     {"beta": 0.6}),
    ("tests/fixtures/roughsets/walk.csv", "Walk", "Object", ["--rules", "minimal"],
     {"rules": "minimal"}),
    ("tests/fixtures/roughsets/xor_copy.csv", "d", "id", ["--conditions", "a,b"],
     {"conditions": ["a", "b"]}),
    ("data/firms.csv", "network_2005", "firm_id",
     ["--conditions", "sector,founding_period,innovativeness,export_orientation"],
     {"conditions": "sector,founding_period,innovativeness,export_orientation"}),
    ("data/firms.csv", "network_change", "firm_id",
     ["--conditions", "sector,size_class,region", "--leave-out", "F03,F11", "--min-support",
      "2", "--beta", "0.75"],
     {"conditions": ["sector", "size_class", "region"], "leave_out": ["F11", "F03"],
      "min_support": 2, "beta": "0.75"}),
]  # fmt: skip


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clusterlab", "analyse", *args],
        capture_output=True, text=True, cwd=cwd, timeout=60,
    )  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{Path(c[0]).stem}-{c[1]}-{len(c[3])}")
def test_analyse_text_equals_the_command_line(case: tuple) -> None:
    path, decision, id_column, flags, keywords = case
    proc = cli(path, "--decision", decision, "--id", id_column, *flags, "--json")
    assert proc.returncode == 0, proc.stderr
    expected = json.loads(proc.stdout)
    data = (ROOT / path).read_bytes()
    for table in (data, data.decode("utf-8")):  # the file's bytes, or text already decoded
        got = analyse_text(table, decision=decision, id_column=id_column, name=path, **keywords)
        assert json.loads(json.dumps(got)) == expected
    jsonschema.validate(expected, analysis_schema())


def test_pasted_text_has_no_file_name() -> None:
    got = analyse_text("a,d\nx,1\ny,2\n", decision="d")
    assert got["source"] == {
        "file": None, "rows": 2, "delimiter": ",", "encoding": "utf-8", "reader": "csv"
    }  # fmt: skip
    jsonschema.validate(got, analysis_schema())


BAD = {
    "ragged.csv": b"a,b,d\nx,1,P\ny,2\n",
    "latin1.csv": "a,d\ncaf\u00e9,P\nthe,N\n".encode("latin-1"),
    "empty_cell.csv": b"id,a,d\nr1,x,P\nr2,,N\n",
    "repeated_id.csv": b"id,a,d\nr1,x,P\nr1,y,N\n",
    "workbook.xlsx": b"PK\x03\x04 not a csv",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_errors_are_the_command_lines_line(name: str, tmp_path: Path) -> None:
    (tmp_path / name).write_bytes(BAD[name])
    proc = cli(name, "--decision", "d", "--id", "id", cwd=tmp_path)
    assert proc.returncode == 2
    prefix = "clusterlab analyse: error: "
    line = proc.stderr.strip()
    assert line.startswith(prefix + name + ": ") and "\n" not in line
    with pytest.raises(AnalyseError) as caught:
        analyse_text(BAD[name], decision="d", id_column="id", name=name)
    assert str(caught.value) == line.removeprefix(prefix)


def test_errors_of_settings_and_of_pasted_text() -> None:
    text = "id,a,d\nr1,x,P\nr2,y,N\n"
    cases = [
        ({"decision": "nope"}, "'nope'"),
        ({"decision": "d", "beta": 0.4}, "beta = 0.4"),
        ({"decision": "d", "rules": "guess"}, "unknown rule method 'guess'"),
        ({"decision": "d", "min_support": 0}, "minimum support 0"),
        ({"decision": "d", "id_column": "id", "leave_out": ["r9"]}, "'r9'"),
        ({"decision": "d", "id_column": "id", "leave_out": ["r1", "r2"]}, "empty table"),
    ]
    for keywords, expected in cases:
        with pytest.raises(AnalyseError) as caught:
            analyse_text(text, **keywords)
        message = str(caught.value)
        assert message.startswith(f"{PASTED}: ") and expected in message, message
        assert "\n" not in message


# ------------------------------------------------------------------ the new settings, by hand
HAND = "id,a,b,d\nr1,x,p,Y\nr2,x,q,Y\nr3,y,p,N\nr4,y,p,N\nr5,y,q,Y\nr6,x,p,N\n"


def test_leave_out_drops_the_objects_before_the_analysis() -> None:
    # r1 (x,p,Y) and r6 (x,p,N) clash on {a, b}: both are boundary objects. Without r6 the table
    # is consistent: every object is in the positive region.
    full = analyse_text(HAND, decision="d", id_column="id")
    assert full["positive_region"] == ["r2", "r3", "r4", "r5"]
    assert full["quality"] == pytest.approx(4 / 6)
    left = analyse_text(HAND, decision="d", id_column="id", leave_out="r6")
    assert left["objects"] == ["r1", "r2", "r3", "r4", "r5"]
    assert left["positive_region"] == left["objects"] and left["quality"] == 1
    assert left["settings"] == {"beta": None, "rules": "lem2", "min_support": 1,
                                "left_out": ["r6"]}  # fmt: skip


def test_min_support_and_minimal_rules() -> None:
    # Minimal certain rules of the consistent part: a=y,b=p -> N (r3, r4: support 2),
    # b=q -> Y (r2, r5: support 2), a=x,b=q -> Y is not minimal (b=q alone suffices),
    # a=y,b=q -> Y is not minimal either. With support >= 2 exactly those two remain.
    got = analyse_text(HAND, decision="d", id_column="id", rules="minimal", min_support=2)
    rules = {(tuple(sorted(r["if"].items())), r["then"][0]) for r in got["rules"]}
    assert rules == {((("a", "y"), ("b", "p")), "N"), ((("b", "q"),), "Y")}
    assert all(r["type"] == "certain" and r["support"] >= 2 for r in got["rules"])
    assert got["settings"]["rules"] == "minimal" and got["settings"]["min_support"] == 2


def test_readable_report_names_the_settings(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text(HAND)
    proc = cli("t.csv", "--decision", "d", "--id", "id", "--rules", "minimal", "--min-support",
               "2", "--leave-out", "r6", cwd=tmp_path)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Left out before the analysis: {r6}" in proc.stdout
    assert "Minimal certain rules (" in proc.stdout and "support >= 2" in proc.stdout
    assert "Leave-one-out accuracy (Minimal certain)" in proc.stdout


# ------------------------------------------------------------------ property: any small table
@settings(max_examples=40, deadline=None)
@given(
    rows=st.lists(
        st.tuples(*[st.sampled_from(["a", "b", "07", "7", "x y"])] * 3, st.sampled_from("PN")),
        min_size=1,
        max_size=12,
    ),
    sep=st.sampled_from([",", ";", "\t"]),
    beta=st.sampled_from([None, 0.6, 1]),
    rules=st.sampled_from(["lem2", "minimal"]),
)
def test_any_table_gives_the_command_lines_json(
    rows: list[tuple[str, ...]], sep: str, beta: float | None, rules: str
) -> None:
    text = "\n".join(sep.join(r) for r in [("c1", "c2", "c3", "d"), *rows]) + "\n"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.csv"
        path.write_text(text, encoding="utf-8")
        out = io.StringIO()
        beta_flag = [] if beta is None else ["--beta", str(beta)]
        with contextlib.redirect_stdout(out):
            code = main(["analyse", str(path), "--decision", "d", "--rules", rules, "--json",
                         *beta_flag])  # fmt: skip
        assert code == 0
        expected = json.loads(out.getvalue())
    got = analyse_text(text, decision="d", rules=rules, beta=beta, name=str(path))
    assert got == expected
