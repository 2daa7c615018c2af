"""The command line's bounded reduct search: --max-reducts, --time-limit, --heuristic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clusterlab.cli import main
from clusterlab.roughsets import MAX_EXACT_ATTRIBUTES

# a1..a4 are copies of d and b is constant: exactly four reducts, {a1} ... {a4} (by hand)
COPIES = "a1,a2,a3,a4,b,d\nx,x,x,x,k,no\ny,y,y,y,k,yes\ny,y,y,y,k,yes\nx,x,x,x,k,no\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["analyse", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def copies(tmp_path: Path) -> str:
    path = tmp_path / "copies.csv"
    path.write_text(COPIES)
    return str(path)


def test_the_cap_is_reported(copies: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, copies, "--decision", "d", "--json")
    result = json.loads(out)
    assert code == 0 and result["reducts"] == [["a1"], ["a2"], ["a3"], ["a4"]]
    assert result["reducts_complete"] is True and result["reduct_method"] == "exact"
    code, out, _ = run(capsys, copies, "--decision", "d", "--json", "--max-reducts", "2")
    result = json.loads(out)
    assert len(result["reducts"]) == 2 and result["reducts_complete"] is False
    assert result["core"] == [] and result["quality"] == 1.0  # exact, whatever the cap
    code, out, _ = run(capsys, copies, "--decision", "d", "--max-reducts", "2")
    assert "first 2 reducts; the list is incomplete" in out
    code, out, _ = run(capsys, copies, "--decision", "d", "--max-reducts", "4")
    assert "Reducts (4):" in out and "incomplete" not in out


def test_time_limit_and_heuristic(copies: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, copies, "--decision", "d", "--json", "--time-limit", "600")
    assert code == 0 and json.loads(out)["reducts_complete"] is True
    code, out, _ = run(capsys, copies, "--decision", "d", "--json", "--heuristic")
    result = json.loads(out)
    # greedy: every a_i gives the whole positive region; the first in condition order wins
    assert result["reducts"] == [["a1"]] and result["reduct_method"] == "heuristic"
    assert result["reducts_complete"] is False
    code, out, _ = run(capsys, copies, "--decision", "d", "--heuristic")
    assert "Reduct (heuristic" in out


@pytest.mark.parametrize(
    ("flag", "value"), [("--max-reducts", "0"), ("--max-reducts", "x"), ("--time-limit", "-1")]
)
def test_bad_bounds_are_one_line_errors(
    copies: str, capsys: pytest.CaptureFixture[str], flag: str, value: str
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["analyse", copies, "--decision", "d", flag, value])
    err = capsys.readouterr().err
    assert stop.value.code == 2 and err.count("\n") == 1 and flag in err


def test_wide_tables_need_the_heuristic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    m = MAX_EXACT_ATTRIBUTES + 1
    header = ",".join(f"c{j}" for j in range(m)) + ",d"
    rows = [",".join(str((i >> (j % 3)) & 1) for j in range(m)) + f",{i % 2}" for i in range(8)]
    path = tmp_path / "wide.csv"
    path.write_text("\n".join([header, *rows]) + "\n")
    code, _, err = run(capsys, str(path), "--decision", "d")
    assert code == 2 and err.count("\n") == 1 and "--heuristic" in err
    code, out, _ = run(capsys, str(path), "--decision", "d", "--json", "--heuristic")
    # c0, c3, c6, ... hold bit 0 of the row number, which is d: c0 alone is a reduct, found first
    assert code == 0 and json.loads(out)["reducts"] == [["c0"]]
