"""clusterlab.ensemble: distinct tables with the printed margins, findings shares, speed."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clusterlab import ensemble as en
from clusterlab.data import ARTICLE_CONDITIONS, DECISION, load_firms, load_published


@pytest.fixture(scope="module")
def tables() -> en.Ensemble:
    return en.draw_tables(1000, seed=0)


def test_margins_match_printed_table1(tables: en.Ensemble) -> None:
    t1 = load_published().table1
    for t in (0, 1, 500, 999):
        frame = tables.frame(t)
        for var in (
            "sector",
            "founding_period",
            "innovativeness",
            "export_orientation",
            "legal_status",
            "size_class",
        ):
            rows = t1[t1["variable"] == var]
            want = {c: n for c, n in zip(rows["code"], rows["n"], strict=True) if n}
            assert frame[var].value_counts().to_dict() == want, (t, var)
        glob = frame[DECISION] == "global"
        assert glob.sum() == 10
        assert (glob & (frame["reverse_model"] == "true")).sum() == 3
        assert (frame["reverse_model"] == "true").sum() == 3
        assert (~glob & (frame["network_change"] == "local_to_global")).sum() == 4
        assert (frame["network_change"] == "local_to_global").sum() == 4


def test_size_constraint(tables: en.Ensemble) -> None:
    cols = list(tables.columns)
    legal = np.asarray(tables.categories["legal_status"])[
        tables.codes[:, :, cols.index("legal_status")]
    ]
    big = tables.codes[:, :, cols.index("size_class")] == tables.categories["size_class"].index(
        ">250"
    )
    assert big.sum(axis=1).tolist() == [3] * len(tables)
    assert np.char.startswith(legal[big].astype(str), "foreign_subsidiary").all()


def test_distinct(tables: en.Ensemble) -> None:
    k = len(ARTICLE_CONDITIONS) + 1
    canon = {tuple(sorted(map(tuple, tables.codes[t, :, :k].tolist()))) for t in range(len(tables))}
    assert len(canon) == len(tables) == 1000


def test_deterministic() -> None:
    a, b = en.draw_tables(50, seed=3), en.draw_tables(50, seed=3)
    assert np.array_equal(a.codes, b.codes)
    assert not np.array_equal(a.codes, en.draw_tables(50, seed=4).codes)


def test_high_global_option() -> None:
    e = en.draw_tables(200, seed=1, given="table1+high_global")
    mat = en.findings_matrix(e)
    assert mat["high_necessary"].all()
    f0 = e.frame(0)
    assert f0["innovativeness"].value_counts().to_dict() == {
        "high": 12,
        "medium": 5,
        "high_medium": 4,
    }
    with pytest.raises(ValueError):
        en.draw_tables(10, given="nonsense")


def test_fast_findings_match_the_engine_on_the_data() -> None:
    firms = load_firms()
    fast = en.findings_matrix([firms.astype(str)]).iloc[0].to_dict()
    pytest.importorskip("clusterlab.roughsets")
    slow = {f.key: f.holds for f in en.article_findings(firms) if f.key in en.FINDINGS}
    assert fast == slow
    assert all(fast.values())


def test_fast_findings_match_the_engine_on_drawn_tables(tables: en.Ensemble) -> None:
    pytest.importorskip("clusterlab.roughsets")
    frames = [tables.frame(t) for t in range(0, 1000, 40)]  # 25 tables
    fast = en.findings_matrix(frames)
    for i, frame in enumerate(frames):
        slow = {f.key: f.holds for f in en.article_findings(frame) if f.key in en.FINDINGS}
        assert fast.iloc[i].to_dict() == slow, i


def test_findings_by_hand() -> None:
    """A hand-made table whose findings are known without the code."""
    firms = load_firms().astype(str)
    # make F04 (local) global: then F04 and F06 share all five conditions but differ in the
    # decision -> inconsistent; and corporate spin-offs stay certainly global
    f = firms.copy()
    f.loc[f["firm_id"] == "F04", DECISION] = "global"
    row = en.findings_matrix([f]).iloc[0]
    assert not row["consistent"]
    assert row["category_corporate_spinoff"]
    # make F21 (consultancy, medium) global: high no longer necessary
    g = firms.copy()
    g.loc[g["firm_id"] == "F21", DECISION] = "global"
    row = en.findings_matrix([g]).iloc[0]
    assert not row["high_necessary"] and not row["high_decisive"]


def test_shares(tables: en.Ensemble) -> None:
    shares = en.findings_shares(tables)
    assert list(shares["key"]) == list(en.FINDINGS)
    assert (shares["n_tables"] == 1000).all()
    s = shares.set_index("key")["share"]
    assert ((s >= 0) & (s <= 1)).all()
    # under Table 1 margins alone, 10 global firms and only 12 high ones: all 10 global firms
    # being high has probability C(12,10)/C(21,10) = 66/352716, so essentially never
    assert s["high_necessary"] < 0.01
    # the joint structure is free: the headline finding is far from guaranteed
    assert s["legal_export_most_influential"] < 0.5
    assert s["three_categories"] <= min(
        s["category_foreign_ict"], s["category_corporate_spinoff"], s["category_older_innovative"]
    )


def test_shares_accept_frames() -> None:
    firms = load_firms()
    shares = en.findings_shares([firms])
    assert shares["share"].tolist() == [1.0] * len(en.FINDINGS)


def test_timed_shares() -> None:
    # the shares only: the time is measured by `make bench` (tests/bench/bench_roughsets.py)
    shares, _seconds = en.timed_shares(50, seed=7)
    assert list(shares["key"]) == list(en.FINDINGS) and (shares["n_tables"] == 50).all()


def test_frame_iteration() -> None:
    e = en.draw_tables(3, seed=2)
    frames = list(e)
    assert len(frames) == 3 and all(isinstance(f, pd.DataFrame) for f in frames)
    assert list(frames[0]["firm_id"][:2]) == ["E01", "E02"]
