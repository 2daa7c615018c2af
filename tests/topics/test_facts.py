"""Every fact the chapters glue, checked against the article's printed tables or derived
independently (plain csv reading and pandas group-bys, not the library's own routines)."""

from __future__ import annotations

import csv
from fractions import Fraction
from itertools import combinations

import pandas as pd
import pytest

from clusterlab import embeddedness, findings, paths, table1, virtualisation
from clusterlab.data import (
    ARTICLE_CONDITIONS,
    DECISION,
    data_dir,
    load_embeddedness,
    load_firms,
    load_published,
)

# Figures printed in the article (Table 1, Table 2 and the text), typed here from the article.
PRINTED_T1 = {"global": 10, "reverse": 3, "local_stable": 7, "shifting": 4, "large": 3}
PRINTED_T1_ACQUIRED = {"not_acquired": 17, "foreign": 3, "domestic": 1}
PRINTED_AVERAGES = {"current": -0.6, "changed": -0.8}
PRINTED_GLOBAL = {"suppliers": (1.9, 1.5), "customers": (2.7, 3.6)}


@pytest.fixture(scope="module")
def raw_firms() -> list[dict[str, str]]:
    with open(data_dir() / "firms.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def raw_scores() -> list[dict[str, str]]:
    with open(data_dir() / "embeddedness.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _gamma(frame: pd.DataFrame, attributes: list[str]) -> float:
    """Quality of classification by group-by: share of firms in decision-pure classes."""
    if not attributes:
        pure = frame[DECISION].nunique() == 1
        return 1.0 if pure else 0.0
    purity = frame.groupby(attributes, observed=True)[DECISION].transform("nunique")
    return float((purity == 1).mean())


def test_table1_facts_match_the_printed_table(firms: pd.DataFrame) -> None:
    published = load_published().table1
    f = table1.facts(firms, published)
    assert f["n_firms"] == 21
    assert (f["p_global"], f["p_reverse"]) == (PRINTED_T1["global"], PRINTED_T1["reverse"])
    assert f["p_local_stable"] == PRINTED_T1["local_stable"]
    assert f["p_shifting"] == PRINTED_T1["shifting"]
    assert f["p_large"] == PRINTED_T1["large"]
    assert f["p_consultancy"] == 1 and f["consultancy_firms"] == "1 firm"
    assert f["n_sectors"] == 4  # life sciences, micro-electronics, ICT, consultancy
    # 4 sectors + 3 periods + 4 sizes + 3 + 2 + 5 legal + 3 acquired + 4 network cells
    assert f["n_cells"] == 28 and f["n_cells_match"] == 28
    assert f["n_blocks"] == 8 and f["n_blocks_sum_ok"] == 8
    assert f["n_network_cells"] == 4 == f["n_network_cells_match"]


def test_table1_facts_see_a_wrong_record(firms: pd.DataFrame) -> None:
    published = load_published().table1
    changed = firms.copy()
    changed["sector"] = changed["sector"].astype(str)
    changed.loc[0, "sector"] = "consultancy" if changed.loc[0, "sector"] != "consultancy" else "ict"
    f = table1.facts(changed, published)
    assert f["n_cells_match"] == f["n_cells"] - 2


def test_embeddedness_facts(
    firms: pd.DataFrame, raw_firms: list[dict[str, str]], raw_scores: list[dict[str, str]]
) -> None:
    printed = load_published().table2
    f = embeddedness.facts(firms, load_embeddedness(), printed)
    network = {r["firm_id"]: r["network_2005"] for r in raw_firms}
    assert f["n_local"] == sum(v == "local" for v in network.values()) == 11
    assert f["n_global"] == 10
    assert (f["n_local_stable"], f["n_shifting"]) == (7, 4)  # Table 1's last row
    assert (f["n_mean_cells"], f["n_mean_match"]) == (20, 20)
    assert (f["n_marks"], f["n_mark_match"]) == (10, 10)
    for measure, value in PRINTED_AVERAGES.items():
        assert f[f"avg_{measure}_printed"] == value
    for factor, (current, changed) in PRINTED_GLOBAL.items():
        assert (f[f"g_{factor}_current"], f[f"g_{factor}_changed"]) == (current, changed)
    assert f["max_changed_mean"] == 4.5  # labour market, local firms
    # the changed average from the printed means: mean of the five differences
    rows = [r for r in printed.itertuples() if r.factor != "average" and r.measure == "changed"]
    from_means = sum(Fraction(str(r.mean_global)) - Fraction(str(r.mean_local)) for r in rows) / 5
    assert f["avg_changed_recomputed"] == float(from_means) == -1.0
    gains = sum(
        1
        for r in raw_scores
        if r["factor"] == "customers"
        and network[r["firm_id"]] == "global"
        and int(r["score_changed"]) > int(r["score_current"])
    )
    assert f["n_global_gain_customers"] == gains


def test_alternative_grouping_facts(firms: pd.DataFrame) -> None:
    f = embeddedness.facts(firms, load_embeddedness(), load_published().table2)
    assert (f["alt_n_local"], f["alt_n_global"]) == (7, 14)
    # by hand: with 7 firms the means are k/7; 26/7 = 3.71 and 27/7 = 3.86 miss 3.8, and
    # 31/7 = 4.43 and 32/7 = 4.57 miss 4.5. The printed local means hold 3.8 twice and 4.5 once.
    assert f["alt_unattainable_means"] == "3.8 and 4.5"
    assert f["alt_n_local_means_unattainable"] == 3
    assert f["n_local_means"] == 10
    assert f["alt_n_mean_match"] < f["n_mean_match"]


def test_attainable_by_hand() -> None:
    assert embeddedness.attainable(3.8, 11)  # 42/11 = 3.818
    assert not embeddedness.attainable(3.8, 7)
    assert embeddedness.attainable(3.3, 10)
    assert not embeddedness.attainable(5.1, 10)


def test_paths_facts_and_the_one_2011_share(firms: pd.DataFrame) -> None:
    f = paths.facts(firms)
    assert f["n_path1"] == PRINTED_T1["shifting"]
    assert (f["n_not_acquired"], f["n_acq_foreign"], f["n_acq_domestic"]) == tuple(
        PRINTED_T1_ACQUIRED.values()
    )
    assert f["share_global_2005"] == pytest.approx(10 / 21)
    # Table 1's last row: 10 global firms and 4 that shifted, of 21
    assert f["share_global_2011"] == pytest.approx((10 + 4) / 21)
    assert f["n_global_2011"] == 14
    assert f["n_on_path"] == f["n_path1"] + f["n_path2"] + f["n_path3"]
    assert f["n_on_path"] + f["n_no_path"] == 21
    assert f["n_leak"] == f["n_path2"] + f["n_path3"]
    assert 0 <= f["n_global_2011_left"] <= f["n_leak"]
    assert f["leak_firms"] == f"{f['n_leak']} firm" + ("" if f["n_leak"] == 1 else "s")


def test_global_share_2011_has_the_whole_table_as_denominator(firms: pd.DataFrame) -> None:
    few = firms[firms["network_2005"].astype(str) == "global"].head(3)
    assert paths.global_share_2011(few) == 1.0
    local = firms[firms["network_change"].astype(str) == "stable"]
    local = local[local["network_2005"].astype(str) == "local"]
    assert paths.global_share_2011(local) == 0.0


def test_rough_set_facts_by_brute_force(firms: pd.DataFrame) -> None:
    f = findings.facts(firms)
    frame = firms[[*ARTICLE_CONDITIONS, DECISION]].astype(str)
    assert (f["n"], f["n_conditions"], f["n_global"], f["n_local"]) == (21, 5, 10, 11)
    assert f["quality"] == _gamma(frame, ARTICLE_CONDITIONS) == 1.0
    assert f["n_classes"] == len(frame.groupby(ARTICLE_CONDITIONS).size())
    full = _gamma(frame, ARTICLE_CONDITIONS)
    for a in ARTICLE_CONDITIONS:
        rest = [b for b in ARTICLE_CONDITIONS if b != a]
        assert f[f"sig_{a}"] == pytest.approx(full - _gamma(frame, rest))
    keeps = [
        set(s)
        for k in range(1, 6)
        for s in combinations(ARTICLE_CONDITIONS, k)
        if _gamma(frame, list(s)) == full
    ]
    reducts = [s for s in keeps if not any(t < s for t in keeps)]
    assert f["n_reducts"] == len(reducts)
    core = set.intersection(*reducts)
    assert f["core"].count(" and ") + f["core"].count(", ") + 1 == len(core)
    if len(reducts) == 1:
        assert f["reduct_sentence"].startswith("1 reduct,")
        assert f["reduct_sentence"].endswith("it equals the core")
    high_local = ((frame[DECISION] == "local") & (frame["innovativeness"] == "high")).sum()
    assert f["n_high_local"] == high_local
    assert f["n_findings_hold"] == f["n_findings"]
    assert 0 < f["loo_lem2"] <= 1 and 0 < f["loo_minimal"] <= 1


def test_one_resampling_setting(firms: pd.DataFrame) -> None:
    f = findings.stability_facts(firms)
    assert f["stab_n"] == findings.STABILITY_SAMPLES
    assert f["stab_method"] == findings.STABILITY_METHOD == "bootstrap"
    again = findings.stability_facts(firms)
    assert again == f  # seeded: the same number wherever it is quoted
    for a in ARTICLE_CONDITIONS:
        assert 0 <= f[f"stab_share_{a}"] <= 1
    assert f["stab_reduct_share"] <= min(
        f[f"stab_share_{a}"] for a in ("innovativeness", "export_orientation", "legal_status")
    )


def test_virtualisation_facts(firms: pd.DataFrame) -> None:
    f = virtualisation.facts(firms)
    frame = firms.astype(str)
    with_v = [*ARTICLE_CONDITIONS, "virtualisation"]
    assert f["quality_without"] == _gamma(frame, ARTICLE_CONDITIONS)
    assert f["quality_with"] == _gamma(frame, with_v)
    assert f["sig_virt"] == pytest.approx(_gamma(frame, with_v) - _gamma(frame, ARTICLE_CONDITIONS))
    assert f["v_core"] == "is not" and f["v_classification"] == "the same"
    problem = frame[frame["learning_mode"] == "problem_based"]
    assert f["high_problem"] == pytest.approx((problem["virtualisation"] == "high").mean())
    ls = frame[frame["sector"] == "life_sciences"]
    assert f["n_ls_service"] + f["n_ls_research"] == len(ls) == 7  # Table 1: 7 life sciences
    assert f["gls_service_mean"] > f["gls_research_mean"]  # the article's contrast
    assert "none of the 1 reduct" not in str(f["reduct_rules_sentence"])


def test_printed_facts_by_hand_from_the_article() -> None:
    f = embeddedness.printed_facts(load_published().table2)
    # Table 2 as printed: local labour market 3.6 -> 4.5, global customers 2.7 -> 3.6
    assert f["shift_local_labour"] == pytest.approx(0.9)
    assert f["shift_global_customers"] == pytest.approx(0.9)
    assert f["shift_max"] == pytest.approx(0.9)
    # local gains: KI +0.6, suppliers +0.2, customers +0.5, labour +0.9, personal +0.6
    assert (f["local_gain_min_factor"], f["local_gain_max_factor"]) == (
        "suppliers",
        "labour market",
    )
    assert f["local_gain_min"] == pytest.approx(0.2)
    # printed -0.6 (suppliers, changed) against 1.5 - 3.1; printed -0.6 (labour) against 3.7 - 4.5
    assert (f["audit_suppliers_printed"], f["audit_suppliers_recomputed"]) == (-0.6, -1.6)
    assert (f["audit_labour_market_printed"], f["audit_labour_market_recomputed"]) == (-0.6, -0.8)
    assert (f["pm_suppliers_local"], f["pm_suppliers_global"]) == (3.1, 1.5)
    # (-1.1 - 0.6 - 0.2 - 0.6 - 1.3) / 5 = -0.76, printed -0.8; from the means -1.0
    assert f["audit_avg_exact"] == pytest.approx(-0.76)
    assert f["audit_avg_from_printed"] == -0.8 and f["audit_avg_from_means"] == -1.0
    assert f["n_bad"] == 3
    assert (f["n_diff_checks"], f["n_diff_bad"]) == (10, 2)  # 5 factors x 2; suppliers, labour
    assert (f["gap_sup_means"], f["gap_sup_printed"], f["gap_ki_changed"]) == (1.6, 0.6, 1.1)


def test_path_firm_facts(raw_firms: list[dict[str, str]]) -> None:
    f = paths.firm_facts(load_firms())
    path1 = [r for r in raw_firms if r["path_2006_2011"] == "local_to_global"]
    assert f["n_path1_high"] == sum(r["innovativeness"] == "high" for r in path1)
    assert f["n_path1_independent"] == sum(
        r["legal_status"].startswith("independent") for r in path1
    )
    assert f["n_ict"] == 9  # Table 1
    foreign = [r for r in raw_firms if r["acquired_2006_2011"] == "foreign"]
    assert f["n_acq_foreign_ict"] == sum(r["sector"] == "ict" for r in foreign)
    assert f["n_acq_foreign_no_path"] == sum(r["path_2006_2011"] == "none" for r in foreign)
    assert f["n_acq_foreign_ict"] <= 3  # Table 1: 3 foreign takeovers
