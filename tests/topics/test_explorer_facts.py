"""The explorer page's facts (clusterlab.explorer_facts), checked against a hand derivation
with plain pandas: which firms share all attributes but legal status and differ in network."""

from __future__ import annotations

import pandas as pd
import pytest

from clusterlab.data import ARTICLE_CONDITIONS
from clusterlab.explorer_facts import explorer_facts, without


@pytest.fixture(scope="module")
def facts(firms: pd.DataFrame) -> dict[str, object]:
    return explorer_facts(firms)


def _boundary_by_hand(firms: pd.DataFrame) -> list[str]:
    rest = without("legal_status")
    keys = firms[rest].astype(str).agg("|".join, axis=1)
    mixed = firms.groupby(keys)["network_2005"].nunique()
    return sorted(firms.loc[keys.map(mixed) > 1, "firm_id"])


def test_without_keeps_the_order() -> None:
    assert without("b", ["a", "b", "c"]) == ["a", "c"]
    assert "legal_status" not in without("legal_status")
    assert len(without("legal_status")) == len(ARTICLE_CONDITIONS) - 1


def test_boundary_without_legal_status(firms: pd.DataFrame, facts: dict[str, object]) -> None:
    boundary = _boundary_by_hand(firms)
    assert sorted(str(facts["boundary_nolegal"]).split(", ")) == boundary
    assert facts["n_boundary_nolegal"] == len(boundary)
    assert facts["n"] == 21
    assert facts["n_pos_nolegal"] == 21 - len(boundary)
    assert facts["q_nolegal"] == pytest.approx((21 - len(boundary)) / 21)
    assert facts["bnd_size"] == len(boundary)


def test_full_table_is_consistent_and_virtualisation_changes_nothing(
    facts: dict[str, object],
) -> None:
    # chapter 3: the five conditions classify every firm; chapter 4: virtualisation adds nothing
    assert facts["q_full"] == 1.0
    assert facts["virt_same"] == "identical"
    assert str(facts["core_full"]).startswith("{") and "legal status" in str(facts["core_full"])


def test_boundary_majority(firms: pd.DataFrame, facts: dict[str, object]) -> None:
    boundary = firms[firms["firm_id"].isin(_boundary_by_hand(firms))]
    counts = boundary["network_2005"].astype(str).value_counts()
    assert facts["bnd_n_majority"] == counts.max()
    assert facts["bnd_share"] == pytest.approx(counts.max() / counts.sum())


def test_boundary_statuses_are_in_the_codebooks_words(
    firms: pd.DataFrame, facts: dict[str, object]
) -> None:
    text = str(facts["bnd_status"])
    assert "_" not in text, text
    boundary = firms[firms["firm_id"].isin(str(facts["boundary_nolegal"]).split(", "))]
    assert len(boundary) > 1
    # every legal status in the boundary appears under its codebook label
    labels = {
        "independent_corporate_spinoff": "Independent; corporate spin-off",
        "independent_academic_spinoff": "Independent; academic spin-off",
    }
    for code in set(boundary["legal_status"].astype(str)):
        assert f"“{labels.get(code, code)}”" in text, (code, text)
