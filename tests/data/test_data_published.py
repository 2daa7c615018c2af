"""The published tables: exactly as printed, internally audited, and reproduced by the data.

Expected values come from the printed article (typed here by hand, and in data/published),
never from the code under test.
"""

from __future__ import annotations

import pandas as pd
import pytest

from clusterlab.data import table1_counts
from clusterlab.embeddedness import audit_published_table2, recompute_table2

# Table 1 as printed in the article (typed by hand from the article text).
PRINTED_TABLE1 = {
    ("sector", "life_sciences"): 7,
    ("sector", "micro_electronics"): 4,
    ("sector", "ict"): 9,
    ("sector", "consultancy"): 1,
    ("founding_period", "1989-1994"): 5,
    ("founding_period", "1995-1999"): 10,
    ("founding_period", "2000-2001"): 6,
    ("size_class", "10-50"): 12,
    ("size_class", "51-100"): 6,
    ("size_class", "101-250"): 0,
    ("size_class", ">250"): 3,
    ("innovativeness", "high"): 12,
    ("innovativeness", "high_medium"): 4,
    ("innovativeness", "medium"): 5,
    ("export_orientation", "strong"): 10,
    ("export_orientation", "limited"): 11,
    ("legal_status", "independent_academic_spinoff"): 8,
    ("legal_status", "independent_corporate_spinoff"): 2,
    ("legal_status", "foreign_subsidiary_academic_spinoff"): 3,
    ("legal_status", "foreign_subsidiary_founded"): 7,
    ("legal_status", "independent_no_spinoff"): 1,
    ("acquired_2006_2011", "not_acquired"): 17,
    ("acquired_2006_2011", "foreign"): 3,
    ("acquired_2006_2011", "domestic"): 1,
    ("network", "global"): 10,
    ("network", "global_reverse_model"): 3,
    ("network", "local_stable"): 7,
    ("network", "local_to_global"): 4,
}

# Table 2 as printed: (factor, measure) -> (local mean, global mean, printed difference, mark)
PRINTED_TABLE2 = {
    ("knowledge_institutes", "current"): (3.8, 3.3, -0.5, ""),
    ("knowledge_institutes", "changed"): (4.4, 3.3, -1.1, ""),
    ("suppliers", "current"): (2.9, 1.9, -1.0, "*"),
    ("suppliers", "changed"): (3.1, 1.5, -0.6, "**"),
    ("customers", "current"): (3.3, 2.7, -0.6, ""),
    ("customers", "changed"): (3.8, 3.6, -0.2, ""),
    ("labour_market", "current"): (3.6, 3.4, -0.2, ""),
    ("labour_market", "changed"): (4.5, 3.7, -0.6, ""),
    ("personal_networks", "current"): (3.7, 3.0, -0.7, ""),
    ("personal_networks", "changed"): (4.3, 3.0, -1.3, "*"),
}
PRINTED_AVERAGES = {"current": -0.6, "changed": -0.8}


# ---- the machine-readable tables are the printed ones -------------------------------------


def test_table1_csv_is_the_printed_table(published) -> None:  # type: ignore[no-untyped-def]
    t1 = published.table1
    got = {(v, c): int(n) for v, c, n in zip(t1["variable"], t1["code"], t1["n"], strict=True)}
    assert got == PRINTED_TABLE1
    row = t1[t1["code"] == "global"].iloc[0]
    assert row["printed"] == "10 (3)"
    assert row["category_nl"] == "Mondiaal (waarvan met omgekeerd model)"
    assert list(t1.loc[t1["variable"] == "innovativeness", "category_nl"]) == [
        "Hoog",
        "Hoog/middelmatig",
        "Middelmatig",
    ]


def test_table2_csv_is_the_printed_table(published) -> None:  # type: ignore[no-untyped-def]
    t2 = published.table2
    body = t2[t2["factor"] != "average"]
    got = {
        (f, m): (lo, g, d, s)
        for f, m, lo, g, d, s in zip(
            body["factor"],
            body["measure"],
            body["mean_local"],
            body["mean_global"],
            body["difference"],
            body["significance"],
            strict=True,
        )
    }
    assert got == PRINTED_TABLE2
    avg = t2[t2["factor"] == "average"]
    assert dict(zip(avg["measure"], avg["difference"], strict=True)) == PRINTED_AVERAGES
    assert "Persoonlijk netwerken" in set(t2["factor_nl"])  # printed typo kept
    assert set(t2["difference_as_printed"]) >= {"–1,0 *", "–0,6 **", "–1,3 *"}


# ---- internal consistency of the printed tables -------------------------------------------


def test_table1_blocks_sum_to_21(published) -> None:  # type: ignore[no-untyped-def]
    t1 = published.table1
    main = t1[t1["subcount_of"].isna()]
    sums = main.groupby("variable")["n"].sum()
    assert len(sums) == 8
    assert (sums == 21).all(), sums.to_dict()
    sub = t1[t1["subcount_of"].notna()].iloc[0]
    assert sub["n"] <= int(t1.loc[t1["code"] == sub["subcount_of"], "n"].iloc[0])


def test_audit_finds_exactly_the_recorded_discrepancies(published) -> None:  # type: ignore[no-untyped-def]
    audit = audit_published_table2(published.table2)
    assert len(audit) == 10 + 4  # every difference, two average checks per measure
    bad = audit[~audit["consistent"]]
    found = {(r.factor, r.measure, r.printed, round(r.recomputed, 1)) for r in bad.itertuples()}
    # hand derivation: 1.5 - 3.1 = -1.6; 3.7 - 4.5 = -0.8;
    # (-1.1 - 1.6 - 0.2 - 0.8 - 1.3) / 5 = -1.0
    assert found == {
        ("suppliers", "changed", -0.6, -1.6),
        ("labour_market", "changed", -0.6, -0.8),
        ("average", "changed", -0.8, -1.0),
    }
    rec = published.discrepancies
    numeric = rec[rec["kind"] != "label"]
    recorded = {
        (r.factor, r.measure, float(r.printed), float(r.recomputed)) for r in numeric.itertuples()
    }
    assert recorded == found
    # the printed average is consistent with the printed (wrong) differences: -0.76 -> -0.8
    avg_pd = audit[(audit["check"] == "average from printed differences")]
    assert avg_pd["consistent"].all()


def test_audit_only_discrepancies_lists_three(published) -> None:  # type: ignore[no-untyped-def]
    assert len(audit_published_table2(published.table2, only_discrepancies=True)) == 3


# ---- the reconstruction reproduces the printed figures -------------------------------------


def test_every_table1_count(firms: pd.DataFrame, published) -> None:  # type: ignore[no-untyped-def]
    rec = table1_counts(firms)
    got = {(v, c): n for v, c, n in zip(rec["variable"], rec["code"], rec["n"], strict=True)}
    for key, n in zip(
        zip(published.table1["variable"], published.table1["code"], strict=True),
        published.table1["n"],
        strict=True,
    ):
        assert got[key] == n, key
    assert got == PRINTED_TABLE1


def test_table1_counts_directly(firms: pd.DataFrame) -> None:
    f = firms.astype({c: str for c in firms.columns if c != "reverse_model"})
    assert f["sector"].value_counts().to_dict() == {
        "ict": 9,
        "life_sciences": 7,
        "micro_electronics": 4,
        "consultancy": 1,
    }
    glob = f["network_2005"] == "global"
    assert glob.sum() == 10 and (glob & firms["reverse_model"]).sum() == 3
    assert (~glob & (f["network_change"] == "stable")).sum() == 7
    assert (~glob & (f["network_change"] == "local_to_global")).sum() == 4
    assert (glob & (f["network_change"] == "local_to_global")).sum() == 0


def test_table2_means_to_one_decimal(firms: pd.DataFrame, emb: pd.DataFrame) -> None:
    rec = recompute_table2(firms, emb).set_index(["factor", "measure"])
    for (factor, measure), (lo, g, _, _) in PRINTED_TABLE2.items():
        r = rec.loc[(factor, measure)]
        assert r["n_local"] == 11 and r["n_global"] == 10
        assert r["mean_local_rounded"] == lo, (factor, measure)
        assert r["mean_global_rounded"] == g, (factor, measure)
        # global means are exact tenths (n = 10)
        assert round(r["mean_global"] * 10, 9) == round(g * 10)
        assert abs(r["mean_local"] - lo) <= 0.05 + 1e-12


def test_table2_means_from_raw_scores(firms: pd.DataFrame, emb: pd.DataFrame) -> None:
    """Independent of the library's grouping code: plain pandas on the CSV data."""
    e = emb.astype({"factor": str}).merge(firms[["firm_id", "network_2005"]].astype(str))
    sums = e.groupby(["factor", "network_2005"])[["score_current", "score_changed"]].sum()
    # sums implied by the printed means (hand derivation: round(s / 11, 1) and s / 10)
    assert sums.loc[("knowledge_institutes", "local")].tolist() == [42, 48]
    assert sums.loc[("knowledge_institutes", "global")].tolist() == [33, 33]
    assert sums.loc[("suppliers", "local")].tolist() == [32, 34]
    assert sums.loc[("suppliers", "global")].tolist() == [19, 15]
    assert sums.loc[("customers", "local")].tolist() == [36, 42]
    assert sums.loc[("customers", "global")].tolist() == [27, 36]
    assert sums.loc[("labour_market", "local")].tolist()[0] == 40
    assert sums.loc[("labour_market", "local")].tolist()[1] in (49, 50)
    assert sums.loc[("labour_market", "global")].tolist() == [34, 37]
    assert sums.loc[("personal_networks", "local")].tolist() == [41, 47]
    assert sums.loc[("personal_networks", "global")].tolist() == [30, 30]


@pytest.mark.parametrize("test", ["welch", "mannwhitney", "student"])
def test_significance_marks(firms: pd.DataFrame, emb: pd.DataFrame, test: str) -> None:
    rec = recompute_table2(firms, emb, test=test).set_index(["factor", "measure"])
    for key, (*_, printed_mark) in PRINTED_TABLE2.items():
        assert rec.loc[key, "mark"] == printed_mark, (test, key, rec.loc[key, "p_value"])


def test_recomputed_differences(firms: pd.DataFrame, emb: pd.DataFrame) -> None:
    """Differences of the reconstruction equal the printed ones except the three recorded
    printing errors, where they equal the values the printed means imply."""
    rec = recompute_table2(firms, emb).set_index(["factor", "measure"])
    corrected = {("suppliers", "changed"): -1.6, ("labour_market", "changed"): -0.8}
    for key, (_, _, diff, _) in PRINTED_TABLE2.items():
        assert rec.loc[key, "difference_rounded"] == corrected.get(key, diff), key
    assert rec.loc[("average", "current"), "difference_rounded"] == -0.6
    assert rec.loc[("average", "changed"), "difference_rounded"] == -1.0
