"""Chapter 4's views of the virtualisation check (clusterlab.virtualisation_views).

Hand-made gain tables with hand-worked means; the firm-table facts follow from definitions
(quality never falls when an attribute is added; the article's five conditions classify every
firm).
"""

from __future__ import annotations

import pandas as pd
import pytest

from clusterlab.data import load_firms
from clusterlab.virtualisation_views import (
    gain_by_size,
    gain_dots,
    gain_facts,
    network_chart,
    with_virtualisation_facts,
)


@pytest.fixture
def gain() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "subset": ["(none)", "a", "b", "a, b"],
            "size": [0, 1, 1, 2],
            "gain": [0.5, 0.2, 0.4, 0.0],
            "gain_shuffled": [0.4, 0.3, 0.1, 0.1],
            "gain_excess": [0.1, -0.1, 0.3, -0.1],
        }
    )


def test_gain_by_size_means(gain: pd.DataFrame) -> None:
    table = gain_by_size(gain)
    assert table["size"].tolist() == [0, 1, 2]
    assert table["gain"].tolist() == pytest.approx([0.5, 0.3, 0.0])
    assert table["gain_shuffled"].tolist() == pytest.approx([0.4, 0.2, 0.1])
    assert gain_by_size(gain, nonempty=True)["size"].tolist() == [1, 2]


def test_gain_dots_leave_out_the_empty_subset(gain: pd.DataFrame) -> None:
    dots = gain_dots(gain, n_conditions=2, shuffles=10)
    assert dots["size_label"].tolist() == ["1 of 2", "2 of 2"] * 2
    assert dots["gain"].tolist() == pytest.approx([0.3, 0.0, 0.2, 0.1])
    assert set(dots["source"]) == {"virtualisation", "virtualisation, shuffled (mean of 10)"}


def test_gain_facts(gain: pd.DataFrame) -> None:
    facts = gain_facts(gain, core=["a"])
    assert facts["gain_mean"] == pytest.approx((0.2 + 0.4 + 0.0) / 3)
    assert facts["gain_shuffled_mean"] == pytest.approx((0.3 + 0.1 + 0.1) / 3)
    assert facts["n_subsets"] == 3
    assert facts["n_beats_shuffle"] == 1  # only subset "b"
    assert facts["gain_with_core"] == pytest.approx(0.2)  # subsets "a" and "a, b"


def test_with_virtualisation_facts_on_the_firm_table() -> None:
    facts = with_virtualisation_facts(load_firms())
    assert facts["gamma_virt"] == 1.0
    core = str(facts["core_virt"])
    assert "virtualisation" not in core
    assert core == core.lower() and "_" not in core


def test_network_chart_builds() -> None:
    spec = network_chart(load_firms()).to_dict()
    assert "Virtualisation by knowledge network, 2005" in str(spec)
