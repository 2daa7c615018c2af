"""The ``clusterlab`` command line: ``analyse`` on the fixtures, and every bad-input path (exit
code 2, exactly one line on stderr naming the problem and the place, never a traceback)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from clusterlab.cli import main
from clusterlab.roughsets import _encoding

#: The engine's continuous-column check parses text cells (shared decision; engine branch).
ENGINE_PARSES_TEXT = hasattr(_encoding, "is_numeric")

FIXTURES = Path(__file__).parents[1] / "fixtures" / "roughsets"
ROOT = Path(__file__).resolve().parents[2]
KEYS = {
    "objects",
    "conditions",
    "decision",
    "classes",
    "approximations",
    "positive_region",
    "quality",
    "significance",
    "core",
    "reducts",
    "rules",
    "loo_accuracy",
    "loo_skipped",
    "source",
    "warnings",
    "reducts_complete",
    "reduct_method",
    "settings",
}
RULE_KEYS = {"if", "then", "type", "support", "strength", "certainty", "coverage", "objects"}


def run(*args: str, exe: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    cmd = (exe or [sys.executable, "-m", "clusterlab"]) + list(args)
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=60)


def fixture(case: str) -> tuple[Path, dict, list[str], str]:
    path = FIXTURES / f"{case}.csv"
    spec = json.loads((FIXTURES / f"{case}.json").read_text())
    with path.open() as handle:
        rows = list(csv.reader(handle))
    return path, spec, [r[0] for r in rows[1:]], rows[0][0]


@pytest.mark.parametrize("case", ["flu", "hiring", "walk", "xor_copy"])
def test_analyse_json_matches_the_fixture(case: str) -> None:
    path, spec, ids, id_col = fixture(case)
    proc = run("analyse", str(path), "--decision", spec["decision"], "--id", id_col, "--json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    out = json.loads(proc.stdout)
    want = spec["expected"]

    def labels(numbers: list[int]) -> list[str]:
        return [ids[i - 1] for i in numbers]

    assert set(out) == KEYS
    assert out["objects"] == ids and out["decision"] == spec["decision"]
    assert id_col not in out["conditions"] and spec["decision"] not in out["conditions"]
    assert out["classes"] == [labels(c) for c in want["indiscernibility_classes"]]
    assert set(out["approximations"]) == set(want["approximations"])
    for value, approx in want["approximations"].items():
        got = out["approximations"][value]
        assert got["lower"] == labels(approx["lower"])
        assert got["upper"] == labels(approx["upper"])
        assert got["boundary"] == labels(approx["boundary"])
        assert got["accuracy"] == pytest.approx(len(approx["lower"]) / len(approx["upper"]))
    assert out["positive_region"] == labels(want["positive_region"])
    assert out["quality"] == pytest.approx(want["quality_of_classification"])
    assert out["reducts"] == want["reducts_positive_region"]
    assert out["core"] == want["core_positive_region"]
    assert set(out["significance"]) == set(out["conditions"])
    assert out["rules"] and all(set(r) == RULE_KEYS for r in out["rules"])
    assert {r["type"] for r in out["rules"]} == (
        {"certain", "possible"} if want["boundary_region"] else {"certain"}
    )
    assert 0.0 <= out["loo_accuracy"] <= 1.0


def test_analyse_flu_details() -> None:
    # gamma = 4/6; significance of Temperature = 4/6 - 1/6 (see test_roughsets_textbook);
    # the possible rule covers the boundary {p2, p5}.
    path, spec, _, _ = fixture("flu")
    proc = run("analyse", str(path), "--decision", "Flu", "--id", "Patient", "--json")
    out = json.loads(proc.stdout)
    assert out["significance"] == pytest.approx(
        {"Headache": 0.0, "Muscle-pain": 0.0, "Temperature": 0.5}
    )
    possible = [r for r in out["rules"] if r["type"] == "possible"]
    assert {o for r in possible for o in r["objects"]} == {"p2", "p5"}
    # one possible rule per decision of the boundary class {p2, p5} (p2 no, p5 yes)
    assert sorted(r["then"] for r in possible) == [["no"], ["yes"]]
    assert all(r["certainty"] == 0.5 for r in possible)


def test_console_script_and_report() -> None:
    script = Path(sys.executable).parent / "clusterlab"
    path, *_ = fixture("walk")
    proc = run("analyse", str(path), "--decision", "Walk", "--id", "Object", exe=[str(script)])
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout
    for needle in (
        "objects: 7",
        "Walk = no",
        "boundary {x3, x4}",
        "Quality of classification gamma = 5/7",
        "Core: Age, LEMS",
        "Reducts (1):",
        "[possible] IF Age = 31-45 THEN Walk = no",
        "[possible] IF Age = 31-45 THEN Walk = yes",
        "Leave-one-out accuracy (LEM2):",
    ):
        assert needle in text


def test_default_conditions_and_row_labels(capsys: pytest.CaptureFixture[str]) -> None:
    path, *_ = fixture("xor_copy")
    assert main(["analyse", str(path), "--decision", "d", "--conditions", "a,b", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["objects"] == ["1", "2", "3", "4", "5", "6"]
    assert out["conditions"] == ["a", "b"] and out["reducts"] == [["a", "b"]]
    assert main(["analyse", str(path), "--decision", "d", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["conditions"] == ["id", "a", "b", "c", "n"]


def test_beta_and_loo_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 5 x a=1 (4 P, 1 N): inclusion 4/5 reaches beta = 0.8, so POS = all 5 objects.
    path = tmp_path / "v.csv"
    path.write_text("a,d\n" + "1,P\n" * 4 + "1,N\n")
    assert main(["analyse", str(path), "--decision", "d", "--json", "--beta", "0.8"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["quality"] == 1.0 and out["approximations"]["P"]["lower"] == list("12345")
    assert main(["analyse", str(path), "--decision", "d", "--json", "--loo-max", "3"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["quality"] == 0.0 and out["loo_accuracy"] is None
    assert main(["analyse", str(path), "--decision", "d", "--loo-max", "3"]) == 0
    assert "skipped (n = 5 > 3" in capsys.readouterr().out


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "t.csv"
    path.write_text(text)
    return str(path)


BAD_INPUTS = [
    # (csv text or None for a missing file, extra args, words the single line must contain)
    (None, ["--decision", "d"], ["missing.csv", "file not found"]),
    ("", ["--decision", "d"], ["t.csv", "empty file"]),
    ("\n\n", ["--decision", "d"], ["t.csv", "empty file"]),
    ("a,d\n", ["--decision", "d"], ["no data rows below the header (line 1)"]),
    ("a,d\n1,x\n", ["--decision", "zz"], ["decision column 'zz' not found"]),
    ("a,d\n1,x\n", ["--decision", "d", "--id", "zz"], ["id column 'zz' not found"]),
    ("a,d\n1,x\n", ["--decision", "d", "--conditions", "a,zz"], ["condition column 'zz'"]),
    (
        "a,,d\n1,x,y\n",
        ["--decision", "d"],
        ["t.csv", "line 1", "column 2 of the header has no name"],
    ),
    ("\n\na;b\n1;x\n", ["--decision", "d"], ["decision column 'd' not found", "a, b"]),
    (
        "a,b,d\n1,x,y\n\n2,,n\n",
        ["--decision", "d"],
        ["missing value in column 'b' at row 2", "line 4"],
    ),
    (
        "i,a,d\nE1,1,y\nE2, ,n\n",
        ["--decision", "d", "--id", "i"],
        ["missing value in column 'a' at row 2 (object 'E2'; line 3): an empty cell"],
    ),
    ("a,d\n1,x\n", ["--decision", "d", "--conditions", "a,d"], ["decision column 'd'"]),
    pytest.param(
        "v,d\n" + "".join(f"{i},x\n" for i in range(30)),
        ["--decision", "d"],
        ["'v'", "30 distinct values", "pandas.cut"],
        marks=pytest.mark.skipif(not ENGINE_PARSES_TEXT, reason="engine branch: text numbers"),
    ),
    ("a,d\n1,x\n", ["--decision", "d", "--beta", "0.3"], ["beta = '0.3'", "0.5 < beta <= 1"]),
    ("a,d\n1,x\n", ["--decision", "d", "--beta", "high"], ["beta = 'high'"]),
    (
        ",".join(f"c{j}" for j in range(21)) + ",d\n" + "0," * 21 + "x\n",
        ["--decision", "d"],
        ["21 condition attributes", "heuristic"],
    ),
    ("a,d\n1,x\n\n2\n", ["--decision", "d"], ["t.csv", "line 4 (row 2): 1 fields", "has 2"]),
    ("i,a,d\nx,1,y\n\nx,2,n\n", ["--decision", "d", "--id", "i"], ["'x' occurs on lines 2 and 4"]),
    ("a,d\n1,x\n", ["--decision", "d", "--conditions", "a,"], ["empty attribute name"]),
]


@pytest.mark.parametrize(("text", "args", "words"), BAD_INPUTS)
def test_bad_input_in_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str | None, args: list, words: list
) -> None:
    path = str(tmp_path / "missing.csv") if text is None else write(tmp_path, text)
    assert main(["analyse", path, *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and captured.err.endswith("\n")
    assert lines[0].startswith("clusterlab analyse: error: ")
    assert all(w in lines[0] for w in words), lines[0]


@pytest.mark.parametrize(("text", "args", "words"), [BAD_INPUTS[i] for i in (0, 7, 9, 13, 16, 17)])
def test_bad_input_subprocess(tmp_path: Path, text: str | None, args: list, words: list) -> None:
    path = str(tmp_path / "missing.csv") if text is None else write(tmp_path, text)
    proc = run("analyse", path, *args)
    assert proc.returncode == 2 and proc.stdout == ""
    assert len(proc.stderr.splitlines()) == 1 and "Traceback" not in proc.stderr
    assert all(w in proc.stderr for w in words)


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        ([], ["choose a command", "analyse"]),
        (["analyse", "f.csv"], ["--decision"]),
        (["frobnicate"], ["invalid choice"]),
        (["analyse", "f.csv", "--decision", "d", "--loo-max", "x"], ["--loo-max"]),
    ],
)
def test_usage_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], words: list[str]
) -> None:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own usage errors
        code = exc.code
    assert code == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and all(w in err for w in words), err
