"""clusterlab.embeddedness: rounding, tests, group means, Table 2, the audit, the patterns.

Expected values are derived by hand (sums over 11 or 10 firms; textbook test values).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from clusterlab import embeddedness as em
from clusterlab.data import FACTORS, load_embeddedness, load_firms, load_published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.25, 0.3),
        (-0.25, -0.3),
        (2.45, 2.5),
        (-0.75, -0.8),
        (0.35, 0.4),
        (1.04999, 1.0),
        (Fraction(49, 11), 4.5),
        (Fraction(-3, 4), -0.8),
        (Fraction(42, 11), 3.8),
        (Fraction(1, 20), 0.1),
        (Fraction(-1, 20), -0.1),
        (Fraction(-1, 100), 0.0),
        (Decimal("-0.76"), -0.8),
        (3, 3.0),
    ],
)
def test_round_half_away(value: object, expected: float) -> None:
    got = em.round_half_away(value)  # type: ignore[arg-type]
    assert got == expected and str(got) != "-0.0"


def test_round_half_away_python_round_differs() -> None:
    # Python's round() rounds half to even on the binary value: round(0.25, 1) == 0.2
    assert round(0.25, 1) == 0.2 and em.round_half_away(0.25) == 0.3


@pytest.mark.parametrize(
    ("p", "m"),
    [(0.049, "**"), (0.05, "*"), (0.0999, "*"), (0.10, ""), (0.5, ""), (float("nan"), "")],
)
def test_mark(p: float, m: str) -> None:
    assert em.mark(p) == m


def test_tests_by_name() -> None:
    g = np.array([1, 2, 2, 3, 1, 1, 2, 3, 2, 1], float)
    lo = np.array([3, 4, 2, 5, 3, 4, 3, 2, 4, 3, 3], float)
    assert em.significance_test("welch")(g, lo)[1] == pytest.approx(
        stats.ttest_ind(g, lo, equal_var=False).pvalue
    )
    assert em.significance_test("student")(g, lo)[1] == pytest.approx(stats.ttest_ind(g, lo).pvalue)
    assert em.significance_test("mannwhitney")(g, lo)[1] == pytest.approx(
        stats.mannwhitneyu(g, lo, alternative="two-sided").pvalue
    )
    with pytest.raises(ValueError, match="welch"):
        em.significance_test("chi2")


def test_welch_by_hand() -> None:
    """Welch's t on a tiny example computed by hand: t = (2 - 4) / sqrt(1/3 + 1/3)."""
    g, lo = np.array([1.0, 2.0, 3.0]), np.array([3.0, 4.0, 5.0])
    t, p = em.TESTS["welch"](g, lo)
    assert t == pytest.approx(-2 / np.sqrt(2 / 3))
    assert p == pytest.approx(2 * stats.t.sf(abs(t), 4))


def _toy() -> tuple[pd.DataFrame, pd.DataFrame]:
    firms = pd.DataFrame(
        {
            "firm_id": ["A", "B", "C", "D", "E"],
            "network_2005": ["local", "local", "local", "global", "global"],
        }
    )
    rows = []
    scores = {"A": (4, 5), "B": (3, 4), "C": (5, 5), "D": (1, 1), "E": (2, 2)}
    for fid, (c, ch) in scores.items():
        for factor in FACTORS:
            rows.append({"firm_id": fid, "factor": factor, "score_current": c, "score_changed": ch})
    return firms, pd.DataFrame(rows)


def test_group_means_toy() -> None:
    firms, emb = _toy()
    gm = em.group_means(firms, emb)
    assert len(gm) == 5 * 2 * 2
    r = gm[(gm["factor"] == "suppliers") & (gm["measure"] == "current")]
    assert r.set_index("group")["mean"].to_dict() == {"local": 4.0, "global": 1.5}
    assert r.set_index("group")["n"].to_dict() == {"local": 3, "global": 2}
    r = gm[(gm["factor"] == "customers") & (gm["measure"] == "changed")]
    assert r.set_index("group")["mean_rounded"].to_dict() == {"local": 4.7, "global": 1.5}


def test_recompute_toy() -> None:
    firms, emb = _toy()
    t = em.recompute_table2(firms, emb).set_index(["factor", "measure"])
    assert t.loc[("suppliers", "current"), "difference"] == pytest.approx(1.5 - 4.0)
    assert t.loc[("suppliers", "changed"), "difference_rounded"] == round(1.5 - 14 / 3, 1)
    assert t.loc[("average", "current"), "difference"] == pytest.approx(-2.5)
    assert np.isnan(t.loc[("average", "current"), "p_value"])
    assert list(t.index.get_level_values(0)[-2:]) == ["average", "average"]


def test_unknown_firm_in_scores() -> None:
    firms, emb = _toy()
    with pytest.raises(ValueError, match="not in the firm table"):
        em.group_scores(firms.iloc[:4], emb)


@pytest.fixture(scope="module")
def table2() -> pd.DataFrame:
    return em.recompute_table2(load_firms(), load_embeddedness())


def test_recompute_table2_layout(table2: pd.DataFrame) -> None:
    assert len(table2) == 12
    assert list(table2.columns[:4]) == ["factor", "factor_en", "factor_nl", "measure"]
    assert (table2["test"] == "welch").all()
    assert table2.loc[0, "factor_nl"] == "Kennisinstituten"


def test_pvalues_in_bands(table2: pd.DataFrame) -> None:
    """The marks are not knife-edge: p-values keep a margin from 0.05 and 0.10."""
    body = table2[table2["factor"] != "average"]
    for r in body.itertuples():
        if r.mark == "**":
            assert r.p_value <= 0.04
        elif r.mark == "*":
            assert 0.06 <= r.p_value <= 0.09
        else:
            assert r.p_value >= 0.11


def test_audit_clean_table() -> None:
    t2 = load_published().table2.copy()
    t2.loc[(t2["factor"] == "suppliers") & (t2["measure"] == "changed"), "difference"] = -1.6
    t2.loc[(t2["factor"] == "labour_market") & (t2["measure"] == "changed"), "difference"] = -0.8
    t2.loc[(t2["factor"] == "average") & (t2["measure"] == "changed"), "difference"] = -1.0
    audit = em.audit_published_table2(t2)
    # corrected: every difference and both averages agree (mean of the corrected changed
    # differences = (-1.1 - 1.6 - 0.2 - 0.8 - 1.3) / 5 = -1.0 by either route)
    assert audit["consistent"].all()
    assert em.audit_published_table2(t2, only_discrepancies=True).empty


def test_patterns_on_published_and_recomputed(table2: pd.DataFrame) -> None:
    pub = load_published().table2
    for table in (pub, table2):
        checks = em.patterns(table)
        assert len(checks) == 3 and all(h for _, h, _ in checks), checks


def test_patterns_can_fail() -> None:
    pub = load_published().table2.copy()
    pub.loc[(pub["factor"] == "suppliers") & (pub["measure"] == "changed"), "mean_global"] = 2.5
    assert not em.patterns(pub)[1][1]
