"""The reconstruction: plausibility, the article's rough-set findings, re-runnability."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from clusterlab import reconstruct
from clusterlab.data import (
    ARTICLE_CONDITIONS,
    DECISION,
    load_embeddedness,
    load_firms,
)

REPO_DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def f(firms: pd.DataFrame) -> pd.DataFrame:
    return firms.astype(
        {c: str for c in firms.columns if c not in ("founded", "employees_2005", "reverse_model")}
    )


# ---- plausibility ---------------------------------------------------------------------------


def test_regions(f: pd.DataFrame) -> None:
    assert set(f.loc[f["sector"] == "micro_electronics", "region"]) == {"eindhoven"}
    assert set(f.loc[f["sector"].isin(["life_sciences", "ict"]), "region"]) == {"randstad"}


def test_large_firms_are_foreign_subsidiaries(f: pd.DataFrame) -> None:
    big = f[f["size_class"] == ">250"]
    assert len(big) == 3
    assert big["legal_status"].str.startswith("foreign_subsidiary").all()


def test_classes_contain_the_numbers(firms: pd.DataFrame, f: pd.DataFrame) -> None:
    bins = pd.cut(
        firms["employees_2005"],
        [9, 50, 100, 250, 10**6],
        labels=["10-50", "51-100", "101-250", ">250"],
    ).astype(str)
    assert (bins == f["size_class"]).all()
    years = pd.cut(
        firms["founded"], [1988, 1994, 1999, 2001], labels=["1989-1994", "1995-1999", "2000-2001"]
    ).astype(str)
    assert (years == f["founding_period"]).all()


def test_learning_mode_fits_sector(f: pd.DataFrame) -> None:
    assert set(f.loc[f["sector"] != "life_sciences", "learning_mode"]) == {"problem_based"}
    ls = f[f["sector"] == "life_sciences"]
    assert set(ls["learning_mode"]) == {"science_based", "problem_based"}


def test_paths(f: pd.DataFrame) -> None:
    path = f["path_2006_2011"]
    shifting = f["network_change"] == "local_to_global"
    assert (shifting == (path == "local_to_global")).all() and shifting.sum() == 4
    assert (f.loc[shifting, "network_2005"] == "local").all()
    reloc = f[path == "relocated_abroad"]
    assert len(reloc) >= 1
    assert reloc["legal_status"].str.startswith("foreign_subsidiary").all()
    assert (reloc["acquired_2006_2011"] == "not_acquired").all()
    integ = f[path == "acquired_integrated"]
    assert len(integ) >= 1
    assert integ["legal_status"].str.startswith("independent").all()
    assert (integ["acquired_2006_2011"] == "foreign").all()


def test_acquisitions(f: pd.DataFrame) -> None:
    acq = f[f["acquired_2006_2011"] != "not_acquired"]
    assert acq["legal_status"].str.startswith(("independent", "foreign_subsidiary")).all()
    foreign = acq[acq["acquired_2006_2011"] == "foreign"]
    counts = foreign["sector"].value_counts()
    assert counts.idxmax() == "ict" and counts["ict"] > counts.drop("ict").max()
    # a foreign acquisition need not end in integration (the article's strengthened ICT firms)
    assert (foreign["path_2006_2011"] == "none").any()


def test_paths_module_accepts_the_data(firms: pd.DataFrame) -> None:
    paths = pytest.importorskip("clusterlab.paths")
    assert paths.check_paths(firms) == []


def test_reverse_model_firms(f: pd.DataFrame, firms: pd.DataFrame) -> None:
    rev = f[firms["reverse_model"]]
    assert len(rev) == 3 and (rev["network_2005"] == "global").all()
    assert rev["legal_status"].str.startswith("foreign_subsidiary").all()


def test_virtualisation_pattern(f: pd.DataFrame) -> None:
    rank = f["virtualisation"].map({"low": 0, "medium": 1, "high": 2})
    pb = rank[f["learning_mode"] == "problem_based"].mean()
    sb = rank[f["learning_mode"] == "science_based"].mean()
    assert pb > sb
    gls = (f["sector"] == "life_sciences") & (f["network_2005"] == "global")
    service = rank[gls & (f["learning_mode"] == "problem_based")]
    research = rank[gls & (f["learning_mode"] == "science_based")]
    assert len(service) >= 1 and len(research) >= 1 and service.mean() > research.mean()


def test_changed_is_current_moved_by_three_point_change(emb: pd.DataFrame) -> None:
    delta = emb["score_changed"] - emb["score_current"]
    assert set(delta.unique()) <= {-1, 0, 1}
    assert emb[["score_current", "score_changed"]].isin(range(1, 6)).all().all()


def test_losses_only_where_the_article_found_them(
    f: pd.DataFrame, firms: pd.DataFrame, emb: pd.DataFrame
) -> None:
    e = emb.merge(f[["firm_id", "network_2005", "learning_mode", "export_orientation"]])
    e = e.merge(firms[["firm_id", "reverse_model"]])
    losers = e[e["score_changed"] < e["score_current"]]
    assert (losers["network_2005"] == "global").all()
    ok = losers["reverse_model"] | (
        (losers["learning_mode"] == "problem_based") & (losers["export_orientation"] == "strong")
    )
    assert ok.all()


# ---- rough-set findings (with the engine) ---------------------------------------------------


@pytest.fixture(scope="module")
def table(f: pd.DataFrame):  # type: ignore[no-untyped-def]
    rs = pytest.importorskip("clusterlab.roughsets")
    return rs.DecisionTable(
        f[["firm_id", *ARTICLE_CONDITIONS, DECISION]],
        decision=DECISION,
        conditions=ARTICLE_CONDITIONS,
        id_column="firm_id",
    )


def test_quality_and_core(table) -> None:  # type: ignore[no-untyped-def]
    assert table.quality() == 1.0
    assert set(table.core()) == {"legal_status", "export_orientation", "innovativeness"}
    assert [set(r) for r in table.reducts()] == [
        {"legal_status", "export_orientation", "innovativeness"}
    ]


def test_legal_status_and_export_most_influential(table) -> None:  # type: ignore[no-untyped-def]
    sig = table.significance()
    # hand derivation: without legal status F04, F06 (local) and F05 (global) merge: 3/21;
    # without export F04, F06 and F03 merge: 3/21; without innovativeness F07 and F03: 2/21
    assert sig["legal_status"] == pytest.approx(3 / 21)
    assert sig["export_orientation"] == pytest.approx(3 / 21)
    assert sig["innovativeness"] == pytest.approx(2 / 21)
    assert sig["sector"] == 0 and sig["founding_period"] == 0
    top2 = sorted(sig, key=lambda a: -sig[a])[:2]
    assert set(top2) == {"legal_status", "export_orientation"}


def test_high_innovativeness_decisive(f: pd.DataFrame, table) -> None:  # type: ignore[no-untyped-def]
    glob = f[f["network_2005"] == "global"]
    assert (glob["innovativeness"] == "high").all()
    assert not ((f["innovativeness"] != "high") & (f["network_2005"] == "global")).any()
    assert "innovativeness" in table.core()


def _global_rules(table) -> set[frozenset[tuple[str, str]]]:  # type: ignore[no-untyped-def]
    return {
        frozenset(r.conditions)
        for r in table.rules(method="minimal")
        if r.kind == "certain" and tuple(r.decisions) == ("global",)
    }


def test_three_categories_are_certain_rules(table, f: pd.DataFrame) -> None:  # type: ignore[no-untyped-def]
    rules = _global_rules(table)
    cat1 = frozenset({("legal_status", "foreign_subsidiary_founded"), ("innovativeness", "high")})
    cat2 = frozenset({("legal_status", "independent_corporate_spinoff")})
    cat3 = frozenset({("founding_period", "1989-1994"), ("innovativeness", "high")})
    taken_over = frozenset({("legal_status", "foreign_subsidiary_academic_spinoff")})
    for rule in (cat1, cat2, cat3, taken_over):
        assert rule in rules, rule
    by_rule = {frozenset(r.conditions): r for r in table.rules(method="minimal")}
    sectors = f.set_index("firm_id")["sector"]
    assert {sectors[o] for o in by_rule[cat1].objects} == {"ict"}
    assert {sectors[o] for o in by_rule[cat2].objects} == {"life_sciences", "micro_electronics"}
    assert {sectors[o] for o in by_rule[cat3].objects} == {"life_sciences", "micro_electronics"}


def test_independent_academic_ls_spinoffs_certainly_global(table, f: pd.DataFrame) -> None:  # type: ignore[no-untyped-def]
    lower = set(table.approximations()["global"].lower)
    ias_ls = set(
        f.loc[
            (f["legal_status"] == "independent_academic_spinoff")
            & (f["sector"] == "life_sciences")
            & (f["learning_mode"] == "science_based"),
            "firm_id",
        ]
    )
    assert ias_ls & lower


def test_virtualisation_changes_nothing(f: pd.DataFrame, table) -> None:  # type: ignore[no-untyped-def]
    rs = pytest.importorskip("clusterlab.roughsets")
    conds = [*ARTICLE_CONDITIONS, "virtualisation"]
    ext = rs.DecisionTable(
        f[["firm_id", *conds, DECISION]], decision=DECISION, conditions=conds, id_column="firm_id"
    )
    assert ext.quality() == table.quality()
    assert "virtualisation" not in ext.core()
    assert set(ext.core()) == set(table.core())
    assert not any("virtualisation" in r for r in ext.reducts())


def test_article_findings_all_hold(firms: pd.DataFrame) -> None:
    pytest.importorskip("clusterlab.roughsets")
    from clusterlab.ensemble import article_findings

    found = article_findings(firms)
    assert len(found) == 14
    assert all(x.holds for x in found), [x for x in found if not x.holds]


# ---- the procedure ---------------------------------------------------------------------------


def test_check_constraints_all_hold(firms: pd.DataFrame, emb: pd.DataFrame) -> None:
    results = reconstruct.check_constraints(firms, emb)
    failed = [r for r in results if not r.holds]
    assert not failed, failed
    groups = {r.group for r in results}
    assert groups == {"table1", "table2", "roughsets", "plausibility"}
    assert sum(r.group == "table1" for r in results) == 28
    assert sum(r.group == "table2" for r in results) == 30


def test_check_constraints_can_fail(firms: pd.DataFrame, emb: pd.DataFrame) -> None:
    broken = firms.copy()
    broken["sector"] = broken["sector"].astype(str)
    broken.loc[broken["firm_id"] == "F21", "sector"] = "ict"  # consultancy 0, ICT 10
    results = reconstruct.check_constraints(broken, emb, roughsets=False)
    failed = {r.name for r in results if not r.holds}
    # names in the words of published/table1.csv (category_en), typed here by hand
    assert "Table 1: sector = Consultancy" in failed and "Table 1: sector = ICT" in failed
    e2 = emb.copy()
    e2.loc[(e2["firm_id"] == "F01") & (e2["factor"] == "suppliers"), "score_current"] = 5
    failed = {
        r.name for r in reconstruct.check_constraints(firms, e2, roughsets=False) if not r.holds
    }
    assert (
        "Table 2: local mean, suppliers, current" not in failed
    )  # F01 is global (label: Suppliers)
    assert "Table 2: global mean, suppliers, current" in failed


@pytest.fixture(scope="module")
def built() -> tuple[pd.DataFrame, pd.DataFrame]:
    return reconstruct.build()


def test_build_reproduces_the_files(built: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    firms, emb = built
    on_disk = pd.read_csv(REPO_DATA / "firms.csv", dtype=str, keep_default_na=False)
    bools = {"True": "true", "False": "false"}
    pd.testing.assert_frame_equal(firms.astype(str).replace(bools), on_disk)
    emb_disk = pd.read_csv(REPO_DATA / "embeddedness.csv")
    pd.testing.assert_frame_equal(emb, emb_disk, check_dtype=False)


def test_write_to_other_directory(tmp_path: Path, built: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    p1, p2 = reconstruct.write(tmp_path, tables=built)
    assert p1.read_text() == (REPO_DATA / "firms.csv").read_text()
    assert p2.read_text() == (REPO_DATA / "embeddedness.csv").read_text()
    assert load_firms(p1).shape == (21, 17) and load_embeddedness(p2).shape == (105, 4)


# ---- data safety: --write never replaces different content without --force -------------------


def _copy_data(tmp_path: Path) -> Path:
    out = tmp_path / "data"
    shutil.copytree(REPO_DATA, out)
    return out


def test_write_leaves_identical_files_alone(
    tmp_path: Path, built: tuple[pd.DataFrame, pd.DataFrame]
) -> None:
    out = _copy_data(tmp_path)
    plan = reconstruct.plan_write(out, built)
    assert [c.status for c in plan] == ["same", "same"]
    before = {p: p.stat().st_mtime_ns for p in (out / "firms.csv", out / "embeddedness.csv")}
    reconstruct.write(out, tables=built)
    assert {p: p.stat().st_mtime_ns for p in before} == before  # not even rewritten


def test_write_refuses_to_replace_different_content(
    tmp_path: Path, built: tuple[pd.DataFrame, pd.DataFrame]
) -> None:
    out = _copy_data(tmp_path)
    firms = out / "firms.csv"
    edited = firms.read_text(encoding="utf-8").replace("F21,consultancy", "F21,ict", 1)
    firms.write_text(edited, encoding="utf-8")
    with pytest.raises(reconstruct.DataOverwriteError, match="firms.csv would change") as info:
        reconstruct.write(out, tables=built)
    assert firms.read_text(encoding="utf-8") == edited  # nothing written
    summary = str(info.value)
    assert "1 line(s) removed, 1 added" in summary
    assert "-F21,ict," in summary and "+F21,consultancy," in summary
    assert "embeddedness.csv: unchanged" in summary
    reconstruct.write(out, tables=built, force=True)
    assert firms.read_bytes() == (REPO_DATA / "firms.csv").read_bytes()


def test_command_shows_the_diff_and_writes_nothing_without_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built: tuple[pd.DataFrame, pd.DataFrame]
) -> None:
    out = _copy_data(tmp_path)
    emb = out / "embeddedness.csv"
    lines = emb.read_text(encoding="utf-8").splitlines()
    lines[1:3] = []  # two rows lost
    emb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    edited = emb.read_bytes()
    monkeypatch.setattr(reconstruct.cli, "build", lambda seed: built)  # skip the 2 s search
    printed: list[str] = []
    status = reconstruct.main(["--write", "--data-dir", str(out)], printer=printed.append)
    assert status == 1 and emb.read_bytes() == edited
    assert f"{emb}: would change: 0 line(s) removed, 2 added" in printed
    assert printed[-1].startswith("nothing written") and "--force" in printed[-1]
    printed.clear()
    argv = ["--write", "--force", "--data-dir", str(out)]
    status = reconstruct.main(argv, printer=printed.append)
    assert status == 0 and emb.read_bytes() == (REPO_DATA / "embeddedness.csv").read_bytes()
    assert f"replaced {emb}" in printed and f"unchanged {out / 'firms.csv'}" in printed


def test_module_command_reproduces_data_byte_for_byte(tmp_path: Path) -> None:
    """``python -m clusterlab.reconstruct --write`` into an empty directory writes exactly the
    committed files, and into a copy of data/ changes nothing (exit 0 without --force)."""
    empty = tmp_path / "empty"
    shutil.copytree(REPO_DATA, empty)
    for name in ("firms.csv", "embeddedness.csv"):
        (empty / name).unlink()
    cmd = [sys.executable, "-m", "clusterlab.reconstruct", "--write", "--data-dir", str(empty)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    for name in ("firms.csv", "embeddedness.csv"):
        assert (empty / name).read_bytes() == (REPO_DATA / name).read_bytes(), name
    assert f"wrote {empty / 'firms.csv'}" in done.stdout
    same = _copy_data(tmp_path)
    cmd[-1] = str(same)
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert done.returncode == 0 and f"unchanged {same / 'firms.csv'}" in done.stdout
