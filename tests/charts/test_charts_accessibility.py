"""Charts for everyone: a text alternative on every chart, colours that survive colour-vision
deficiencies and both page themes, and a second cue beside colour for global/local."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clusterlab import charts
from clusterlab.charts.base import NETWORK_COLOURS, NETWORK_SHAPES, describe, listing

# Machado, Oliveira & Fernandes (2009), full-severity simulation matrices on linear RGB.
CVD = {
    "protanopia": [
        [0.152286, 1.052583, -0.204868],
        [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ],
    "deuteranopia": [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ],
    "tritanopia": [
        [1.255528, -0.076749, -0.178779],
        [-0.078411, 0.930809, 0.147602],
        [0.004733, 0.691367, 0.303900],
    ],
}
WHITE, DARK_PAGE = "#ffffff", "#121212"  # pydata-sphinx-theme's light and dark backgrounds


def linear(hex_colour: str) -> np.ndarray:
    srgb = np.array([int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def lab(rgb_linear: np.ndarray) -> np.ndarray:
    """CIE L*a*b* (D65) of a linear-RGB colour."""
    m = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    xyz = m @ np.clip(rgb_linear, 0, 1) / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours."""
    weights = np.array([0.2126, 0.7152, 0.0722])
    la, lb = sorted((float(weights @ linear(a)), float(weights @ linear(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("deficiency", [None, *CVD])
def test_global_and_local_stay_apart(deficiency: str | None) -> None:
    g, loc = linear(NETWORK_COLOURS["global"]), linear(NETWORK_COLOURS["local"])
    if deficiency:
        matrix = np.array(CVD[deficiency])
        g, loc = matrix @ g, matrix @ loc
    # CIE76 distance; about 2.3 is "just noticeable", above 20 clearly different colours.
    assert float(np.linalg.norm(lab(g) - lab(loc))) > 20


@pytest.mark.parametrize("deficiency", [None, *CVD])
def test_development_paths_stay_apart(deficiency: str | None) -> None:
    from itertools import combinations

    from clusterlab.charts import PATH_COLOURS

    colours = [linear(c) for c in PATH_COLOURS.values()]
    if deficiency:
        colours = [np.array(CVD[deficiency]) @ c for c in colours]
    for a, b in combinations(colours, 2):
        assert float(np.linalg.norm(lab(a) - lab(b))) > 15


@pytest.mark.parametrize("net", ["global", "local"])
@pytest.mark.parametrize("page", [WHITE, DARK_PAGE])
def test_network_colours_stand_out_on_both_page_themes(net: str, page: str) -> None:
    assert contrast(NETWORK_COLOURS[net], page) >= 3.0  # WCAG 1.4.11, graphics


def test_contrast_helper_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_two_different_shapes_for_the_two_networks() -> None:
    assert NETWORK_SHAPES["global"] != NETWORK_SHAPES["local"]


def test_listing_and_describe() -> None:
    assert listing([("a", 1), ("b", 2)]) == "a: 1; b: 2"
    assert listing([(i, i) for i in range(5)], limit=2) == "0: 0; 1: 1; and 3 more"
    chart = describe(
        charts.count_bar(
            pd.DataFrame({"s": ["x"], "n": [1]}), "s", "n", title="T.", category_title="S"
        ),
        "Kind",
        "Title.",
        "D",
    )
    assert chart.to_dict()["description"] == "Kind: Title. D"


def test_count_bar_describes_its_numbers() -> None:
    frame = pd.DataFrame({"sector": ["ict", "consultancy"], "firms": [9, 1]})
    chart = charts.count_bar(
        frame, "sector", "firms", title="Firms by sector", category_title="Sector"
    )
    assert chart.to_dict()["description"] == (
        "Bar chart: Firms by sector. Number of firms per Sector: ict: 9; consultancy: 1."
    )


def test_network_profile_describes_the_four_groups() -> None:
    firms = pd.DataFrame(
        {
            "network_2005": ["global", "global", "local", "local", "local"],
            "reverse_model": [True, False, False, False, False],
            "network_change": ["stable", "stable", "stable", "local_to_global", "stable"],
        }
    )
    text = charts.network_profile(charts.network_profile_counts(firms)).to_dict()["description"]
    assert text.startswith("Stacked bar chart: Knowledge networks of the firms")
    assert (
        "Global, reverse model: 1; Global, other: 1; Local, stable: 2; Local, shifting to global: 1"
    ) in text


def test_rule_measures_uses_shape_as_second_cue() -> None:
    frame = pd.DataFrame(
        {
            "rule": ["r1", "r2"],
            "decision": ["global", "local"],
            "certainty": [1.0, 0.5],
            "coverage": [0.4, 0.2],
            "support": [4, 2],
        }
    )
    spec = charts.rule_measures(frame, title="Rules").to_dict()
    assert spec["encoding"]["shape"]["scale"]["range"] == ["circle", "triangle-up"]
    assert "r2: local, certainty 50%, coverage 20%, support 2" in spec["description"]


def test_embeddedness_slopes_uses_shape_as_second_cue() -> None:
    means = pd.DataFrame(
        {
            "factor": ["suppliers"] * 4,
            "group": ["Mainly global", "Mainly global", "Mainly local", "Mainly local"],
            "situation": ["current", "changed"] * 2,
            "score": [2.0, 1.5, 3.0, 3.5],
        }
    )
    spec = charts.embeddedness_slopes(means).to_dict()
    shapes = [layer["encoding"].get("shape") for layer in spec["spec"]["layer"]]
    assert any(s and s["scale"]["range"] == ["circle", "triangle-up"] for s in shapes)
    assert "suppliers, Mainly local, changed: 3.5" in spec["description"]
