"""Chapter 3's views of the findings checks and the ensemble (clusterlab.ensemble_views).

Hand-made inputs with hand-worked expected values.
"""

from __future__ import annotations

import pandas as pd

from clusterlab.ensemble import FINDINGS, Finding
from clusterlab.ensemble_views import (
    ARTICLE_SAYS,
    FINDING_SHORT_LABELS,
    article_comparison,
    ensemble_chart,
    ensemble_facts,
    ensemble_long,
)


def _shares(values: dict[str, float]) -> pd.DataFrame:
    return pd.DataFrame(
        {"key": list(values), "finding": list(values), "share": list(values.values())}
    )


def test_article_comparison_paraphrases_known_keys_and_falls_back_to_the_name() -> None:
    checks = [
        Finding("consistent", "quality 1", True, "quality 1.000"),
        Finding("not_in_the_article", "some check", False, "detail"),
    ]
    table = article_comparison(checks)
    assert table["article says (paraphrased)"].tolist() == [
        "(implicit) the conditions explain the 2005 networks",
        "some check",
    ]
    assert table["holds"].tolist() == ["yes", "no"]
    assert table["recomputed on the reconstruction"].tolist() == ["quality 1.000", "detail"]


def test_every_ensemble_finding_has_a_short_label_and_a_paraphrase() -> None:
    assert set(FINDINGS) <= set(FINDING_SHORT_LABELS)
    assert set(FINDINGS) <= set(ARTICLE_SAYS)


def test_ensemble_facts_prefix_each_share() -> None:
    margins = _shares({"consistent": 0.25, "legal_in_core": 0.5})
    with_high = _shares({"consistent": 1.0, "legal_in_core": 0.75})
    assert ensemble_facts(margins, with_high) == {
        "ens_consistent": 0.25,
        "ens_legal_in_core": 0.5,
        "enshi_consistent": 1.0,
        "enshi_legal_in_core": 0.75,
    }


def test_ensemble_long_stacks_both_ensembles_with_labels() -> None:
    margins = _shares({"consistent": 0.25})
    with_high = _shares({"consistent": 1.0})
    long = ensemble_long(margins, with_high)
    assert long["label"].tolist() == ["quality of classification 1"] * 2
    assert long["share"].tolist() == [0.25, 1.0]
    assert long["given"].nunique() == 2
    spec = ensemble_chart(margins, with_high, 7).to_dict()
    assert "7 distinct random tables" in str(spec)
