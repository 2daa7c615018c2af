"""Development paths 2005-2011 (clusterlab.paths): classification, consistency checks,
transition counts, tidy tables; on a hand-made table and on the book's reconstructed data."""

from __future__ import annotations

import pandas as pd
import pytest

from clusterlab import paths
from clusterlab.columns import MissingColumnError

COLUMNS = [
    "firm_id",
    "sector",
    "legal_status",
    "network_2005",
    "network_change",
    "acquired_2006_2011",
    "path_2006_2011",
]
ROWS = [
    (
        "F01",
        "ict",
        "independent_academic_spinoff",
        "local",
        "local_to_global",
        "not_acquired",
        "local_to_global",
    ),
    (
        "F02",
        "ict",
        "foreign_subsidiary_founded",
        "global",
        "stable",
        "not_acquired",
        "relocated_abroad",
    ),
    (
        "F03",
        "ict",
        "independent_corporate_spinoff",
        "global",
        "stable",
        "foreign",
        "acquired_integrated",
    ),
    ("F04", "life_sciences", "independent_academic_spinoff", "local", "stable", "foreign", "none"),
    ("F05", "life_sciences", "independent_no_spinoff", "local", "stable", "domestic", "none"),
    (
        "F06",
        "micro_electronics",
        "foreign_subsidiary_academic_spinoff",
        "global",
        "stable",
        "not_acquired",
        "none",
    ),
    (
        "F07",
        "life_sciences",
        "independent_academic_spinoff",
        "local",
        "local_to_global",
        "not_acquired",
        "local_to_global",
    ),
]


@pytest.fixture
def toy_firms() -> pd.DataFrame:
    # rows deliberately out of order: results must not depend on row order
    frame = pd.DataFrame(ROWS, columns=COLUMNS)
    return frame.iloc[[3, 0, 6, 2, 5, 1, 4]].reset_index(drop=True)


def test_classify_reads_paths_and_end_points(toy_firms: pd.DataFrame) -> None:
    table = paths.classify_paths(toy_firms)
    assert list(table["firm_id"]) == [f"F0{i}" for i in range(1, 8)]
    assert list(table["path"]) == [
        "local_to_global",
        "relocated_abroad",
        "acquired_integrated",
        "none",
        "none",
        "none",
        "local_to_global",
    ]
    assert list(table["path_number"]) == [1, 2, 3, 0, 0, 0, 1]
    assert list(table["situation_2011"]) == [
        "global",
        "relocated_abroad",
        "acquired_integrated",
        "local",
        "local",
        "global",
        "global",
    ]
    assert list(table["leakage"]) == [False, True, True, False, False, False, False]
    assert list(table["gatekeeper_possible"]) == [True, False, False, False, False, False, True]
    assert table["consistent"].all()


def test_transition_counts_cross_2005_with_2011(toy_firms: pd.DataFrame) -> None:
    counts = paths.transition_counts(toy_firms)
    assert list(counts.index) == ["global", "local"]
    assert list(counts.columns) == list(paths.SITUATIONS_2011)
    assert counts.loc["global"].tolist() == [1, 0, 1, 1]
    assert counts.loc["local"].tolist() == [2, 2, 0, 0]
    assert int(counts.to_numpy().sum()) == len(toy_firms)


def test_transitions_long_is_tidy_and_complete(toy_firms: pd.DataFrame) -> None:
    long = paths.transitions_long(toy_firms)
    assert len(long) == 2 * len(paths.SITUATIONS_2011)
    assert long["n"].sum() == len(toy_firms)
    row = long[(long["network_2005"] == "local") & (long["situation_2011"] == "global")]
    assert row["n"].item() == 2 and row["firms"].item() == "F01, F07"
    assert set(long["situation_label"]) == set(paths.SITUATION_LABELS.values())


def test_path_counts(toy_firms: pd.DataFrame) -> None:
    counts = paths.path_counts(toy_firms)
    assert list(counts["path"]) == [*paths.PATHS, paths.NO_PATH]
    assert counts.set_index("path")["n"].to_dict() == {
        "local_to_global": 2,
        "relocated_abroad": 1,
        "acquired_integrated": 1,
        "none": 3,
    }
    assert counts.set_index("path").loc["local_to_global", "firms"] == "F01, F07"


@pytest.mark.parametrize(
    ("firm", "column", "value", "message"),
    [
        ("F01", "network_change", "stable", "network_change"),
        ("F04", "network_change", "local_to_global", "network_change"),
        ("F02", "legal_status", "independent_no_spinoff", "relocated abroad"),
        ("F03", "acquired_2006_2011", "domestic", "acquired and integrated"),
        ("F03", "legal_status", "foreign_subsidiary_founded", "acquired and integrated"),
        ("F06", "network_change", "local_to_global", "was 'global'"),
    ],
)
def test_contradictions_are_reported(
    toy_firms: pd.DataFrame, firm: str, column: str, value: str, message: str
) -> None:
    toy_firms.loc[toy_firms["firm_id"] == firm, column] = value
    problems = paths.check_paths(toy_firms)
    assert any(p.startswith(firm) and message in p for p in problems), problems
    with pytest.raises(paths.PathDataError, match=firm):
        paths.classify_paths(toy_firms)
    lenient = paths.classify_paths(toy_firms, strict=False).set_index("firm_id")
    assert not lenient.loc[firm, "consistent"]


def test_bad_input_is_named(toy_firms: pd.DataFrame) -> None:
    with pytest.raises(MissingColumnError, match="legal_status"):
        paths.classify_paths(toy_firms.drop(columns="legal_status"))
    toy_firms.loc[0, "path_2006_2011"] = "teleported"
    with pytest.raises(paths.PathDataError, match="teleported"):
        paths.classify_paths(toy_firms)


def test_the_book_data_follow_the_article(firms: pd.DataFrame) -> None:
    """Table 1 of the article: 4 local firms shifting to global; 3 + 1 acquisitions; all
    three paths occur; the records are consistent."""
    assert paths.check_paths(firms) == []
    counts = paths.path_counts(firms).set_index("path")["n"]
    assert counts["local_to_global"] == 4
    assert (counts[list(paths.PATHS)] >= 1).all()
    transitions = paths.transition_counts(firms)
    assert transitions.sum(axis=1).to_dict() == {"global": 10, "local": 11}
    assert transitions.loc["local", "global"] == 4
    assert transitions.loc["global", "local"] == 0
    acquired = paths.classify_paths(firms)["path"].eq("acquired_integrated").sum()
    assert acquired <= (firms["acquired_2006_2011"] == "foreign").sum() == 3


def test_paths_without_a_firm_id_column(toy_firms: pd.DataFrame) -> None:
    """Firms are then named by 1-based row number, in row order."""
    anonymous = toy_firms.drop(columns="firm_id").reset_index(drop=True)
    table = paths.classify_paths(anonymous)
    assert list(table["firm_id"]) == [str(i) for i in range(1, len(toy_firms) + 1)]
    assert list(table["path"]) == list(anonymous["path_2006_2011"].astype(str))
    assert paths.transition_counts(anonymous).to_numpy().sum() == len(toy_firms)
