"""Chapter 5's and 7's views of Table 2 (clusterlab.embeddedness_views).

Expected values come from the printed Table 2 (as in the article, read by hand) and from the
raw score file read with the csv module, not from the functions under test.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from clusterlab import embeddedness_views as views
from clusterlab.data import load_published
from clusterlab.display import show
from clusterlab.embeddedness import audit_published_table2, group_scores, recompute_table2

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def printed() -> pd.DataFrame:
    return load_published().table2


@pytest.fixture(scope="module")
def recomputed(firms: pd.DataFrame, emb: pd.DataFrame) -> pd.DataFrame:
    return recompute_table2(firms, emb, test="welch")


def test_side_by_side_tables_show_the_printed_figures(
    printed: pd.DataFrame, recomputed: pd.DataFrame
) -> None:
    means, differences = views.side_by_side_tables(printed, recomputed)
    assert len(means) == len(differences) == 12  # five factors x two situations + 2 averages
    # the article's Table 2, suppliers in the changed situation: 3,1 / 1,5 / -0,6 **
    row = ("Suppliers", "changed")
    assert means.loc[row, ("Local (1)", "printed")] == "3.1"
    assert means.loc[row, ("Global (2)", "printed")] == "1.5"
    assert differences.loc[row, ("(2) - (1)", "printed")] == "-0.6"
    assert differences.loc[row, ("Mark", "printed")] == "**"
    # the averages have no printed means: empty cells
    assert means.loc[("Average", "current"), ("Local (1)", "printed")] == ""
    # the reconstruction follows the printed means: 1.5 - 3.1 = -1.6
    assert differences.loc[row, ("(2) - (1)", "recomputed")] == "-1.6"
    assert differences.loc[row, ("Mark", "recomputed (p)")].startswith("** (")


def test_difference_facts_name_the_three_printed_slips(
    printed: pd.DataFrame, recomputed: pd.DataFrame
) -> None:
    facts = views.difference_facts(printed, recomputed)
    # the printed differences of suppliers and labour market (changed) and the changed average
    # do not follow from the printed means (-1.6, -0.8, -1.0 against -0.6, -0.6, -0.8)
    assert facts["n_diff_cells"] == 12
    assert facts["n_diff_match"] == 9
    text = str(facts["diff_mismatch"])
    assert "suppliers in the changed situation (printed -0.6, recomputed -1.6)" in text
    assert "labour market in the changed situation (printed -0.6, recomputed -0.8)" in text
    assert "the average in the changed situation (printed -0.8" in text
    assert facts["gap_suppliers_changed"] == pytest.approx(1.6)
    assert 0 < float(str(facts["p_suppliers_changed"])) < 0.05  # the printed ** mark


def test_test_comparison_has_one_column_per_test(
    firms: pd.DataFrame, emb: pd.DataFrame, recomputed: pd.DataFrame
) -> None:
    shown, same = views.test_comparison(firms, emb)
    assert shown.shape == (10, 3)
    assert 0 <= same <= 10
    welch = [c for c in shown.columns if c.startswith("Welch")]
    assert len(welch) == 1
    rows = recomputed[recomputed["factor"] != "average"]
    expected = [f"{p:.3f}" for p in rows["p_value"]]
    assert [cell.split()[0] for cell in shown[welch[0]]] == expected


def test_slope_data_pairs_recomputed_and_printed_means(
    printed: pd.DataFrame, recomputed: pd.DataFrame
) -> None:
    data = views.slope_data(recomputed, printed)
    assert len(data) == 20  # 5 factors x 2 situations x 2 groups
    row = data[
        (data["factor"] == "Labour market")
        & (data["group"] == "Mainly local (1)")
        & (data["situation"] == "Changed")
    ]
    assert row["printed"].tolist() == [4.5]
    assert row["score"].round(1).tolist() == [4.5]


def test_score_dots_data_puts_current_first(firms: pd.DataFrame, emb: pd.DataFrame) -> None:
    data = views.score_dots_data(group_scores(firms, emb))
    assert len(data) == 21 * 5 * 2
    assert list(dict.fromkeys(data["situation"])) == ["Current", "Changed"]
    assert set(data["group"]) == {"Mainly local (1)", "Mainly global (2)"}


def test_audit_dots_three_sources_per_row(printed: pd.DataFrame, recomputed: pd.DataFrame) -> None:
    dots = views.audit_dots(audit_published_table2(printed), recomputed)
    assert len(dots) % 3 == 0
    suppliers = dots[(dots["factor"] == "Suppliers") & (dots["situation"] == "Changed")]
    by_source = dict(zip(suppliers["source"], suppliers["value"], strict=True))
    assert by_source["printed difference"] == pytest.approx(-0.6)
    assert by_source["difference of the printed means"] == pytest.approx(1.5 - 3.1)


def test_difference_comparison_for_chapter_7(
    printed: pd.DataFrame, recomputed: pd.DataFrame
) -> None:
    data = views.difference_comparison(printed, recomputed, audit_published_table2(printed))
    assert len(data) == 3 * 12
    labour = data[(data["factor"] == "Labour market") & (data["measure"] == "Changed situation")]
    by_source = dict(zip(labour["source"], labour["value"], strict=True))
    assert by_source["Printed difference"] == pytest.approx(-0.6)
    assert by_source["Difference of printed means"] == pytest.approx(3.7 - 4.5)


def _losses_by_hand() -> dict[str, int]:
    """Firm -> number of factors whose changed score is below the current one (raw CSV)."""
    out: dict[str, int] = {}
    with open(DATA / "embeddedness.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if int(row["score_changed"]) < int(row["score_current"]):
                out[row["firm_id"]] = out.get(row["firm_id"], 0) + 1
    return out


def test_losers_match_the_raw_scores(firms: pd.DataFrame, emb: pd.DataFrame) -> None:
    scores = group_scores(firms, emb)
    by_hand = _losses_by_hand()
    facts = views.loser_facts(firms, scores)
    assert facts["n_losers"] == len(by_hand)
    assert facts["n_loss_rows"] == sum(by_hand.values())
    # losses were allowed only at reverse-model and co-creating firms (chapter 5)
    assert facts["n_losers_reverse"] + facts["n_losers_cocreate"] == facts["n_losers"]
    table = views.loser_table(firms, scores)
    assert sorted(table["firm_id"]) == sorted(by_hand)
    # codebook column names, so that display.show writes their labels and titles
    assert list(table.columns) == [
        "firm_id",
        "Factors with lower importance",
        "network_2005",
        "reverse_model",
        "learning_mode",
        "export_orientation",
    ]
    shown = show(table).to_html()
    assert "Problem-based learning" in shown and "problem_based" not in shown


def test_loser_facts_on_a_hand_made_table() -> None:
    firms = pd.DataFrame(
        {
            "firm_id": ["A", "B", "C"],
            "network_2005": ["global", "local", "global"],
            "reverse_model": [True, False, False],
            "learning_mode": ["science_based", "problem_based", "problem_based"],
            "export_orientation": ["strong", "strong", "limited"],
        }
    )
    scores = pd.DataFrame(
        {
            "firm_id": ["A", "A", "B", "B", "C", "C"] * 2,
            "factor": ["suppliers", "customers"] * 6,
            "group": ["global"] * 12,
            "measure": ["current"] * 6 + ["changed"] * 6,
            "score": [3, 3, 4, 4, 2, 2] + [2, 2, 3, 4, 2, 3],
        }
    )
    facts = views.loser_facts(firms, scores)
    # A loses two factors (reverse model), B one (problem-based, strong export), C none
    assert facts == {
        "n_losers": 2,
        "n_loss_rows": 3,
        "n_losers_reverse": 1,
        "n_losers_cocreate": 1,
    }
    table = views.loser_table(firms, scores)
    # factors in alphabetical order of their codes (the pivot sorts them)
    assert table["Factors with lower importance"].tolist() == ["customers, suppliers", "suppliers"]
