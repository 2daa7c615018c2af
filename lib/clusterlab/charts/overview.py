"""Overview charts for the introduction and the conclusion.

``network_profile_counts`` / ``network_profile`` show the article's last row of Table 1: the
21 firms by the spatial pattern of their knowledge network in 2005, split by the reverse model
(global firms) and by the shift towards global networks in 2006-2011 (local firms).
``difference_dots`` compares several versions of the same differences side by side, for
example a printed difference, the difference of the printed group means and a recomputed one.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from clusterlab.charts.base import (
    NETWORK_COLOURS,
    PALETTE,
    WIDTH,
    describe,
    listing,
    use_book_theme,
)
from clusterlab.columns import require_columns

__all__ = ["NETWORK_GROUPS", "difference_dots", "network_profile", "network_profile_counts"]

#: The four groups of the article's Table 1 row "Kennisnetwerken 2005 en wijziging 2006-2011",
#: in display order, with the network in 2005 each belongs to.
NETWORK_GROUPS: dict[str, str] = {
    "Global, reverse model": "global",
    "Global, other": "global",
    "Local, stable": "local",
    "Local, shifting to global": "local",
}

_GROUP_COLOURS = ["#0f4c78", NETWORK_COLOURS["global"], NETWORK_COLOURS["local"], "#f2c48d"]
_NETWORK_LABELS = {"global": "Mainly global", "local": "Mainly local"}


def _as_bool(values: pd.Series) -> pd.Series:
    """Read a true/false column that may be stored as bool or as text."""
    if values.dtype == bool:
        return values
    text = values.astype(str).str.strip().str.lower()
    unknown = sorted(set(text) - {"true", "false", "1", "0", "yes", "no"})
    if unknown:
        raise ValueError(f"expected true/false values, found {unknown}")
    return text.isin({"true", "1", "yes"})


def network_profile_counts(
    firms: pd.DataFrame,
    *,
    network: str = "network_2005",
    reverse: str = "reverse_model",
    change: str = "network_change",
) -> pd.DataFrame:
    """Count firms in the four groups of ``NETWORK_GROUPS``.

    Global firms are split by ``reverse`` (true/false); local firms by ``change``
    (``stable`` or ``local_to_global``). Returns one row per group, in display order, with
    columns ``group``, ``network`` (global/local), ``network_label`` and ``firms``; groups
    without firms are kept with a count of 0.

    Raises ``KeyError`` when a column is missing and ``ValueError`` for codes other than
    global/local, true/false and stable/local_to_global.
    """
    require_columns(firms, (network, reverse, change), "the firm table")
    net = firms[network].astype(str)
    bad = sorted(set(net) - {"global", "local"})
    if bad:
        raise ValueError(f"{network} must be 'global' or 'local', found {bad}")
    chg = firms[change].astype(str)
    bad = sorted(set(chg) - {"stable", "local_to_global"})
    if bad:
        raise ValueError(f"{change} must be 'stable' or 'local_to_global', found {bad}")
    rev = _as_bool(firms[reverse])
    is_global = net == "global"
    counts = {
        "Global, reverse model": int((is_global & rev).sum()),
        "Global, other": int((is_global & ~rev).sum()),
        "Local, stable": int((~is_global & (chg == "stable")).sum()),
        "Local, shifting to global": int((~is_global & (chg == "local_to_global")).sum()),
    }
    return pd.DataFrame(
        {
            "group": list(NETWORK_GROUPS),
            "network": list(NETWORK_GROUPS.values()),
            "network_label": [_NETWORK_LABELS[n] for n in NETWORK_GROUPS.values()],
            "firms": [counts[g] for g in NETWORK_GROUPS],
        }
    )


def network_profile(
    counts: pd.DataFrame,
    *,
    title: str = "Knowledge networks of the firms, 2005, and change 2006-2011",
    subtitle: str | None = None,
) -> alt.Chart:
    """Stacked bars of firms by knowledge network in 2005, split into the four groups.

    ``counts`` is the output of :func:`network_profile_counts`.
    """
    use_book_theme()
    order = list(NETWORK_GROUPS)
    frame = counts.assign(order=counts["group"].map({g: i for i, g in enumerate(order)}))
    chart: alt.Chart = (
        alt.Chart(frame, title=alt.Title(title, subtitle=subtitle or alt.Undefined))
        .mark_bar(stroke="white", strokeWidth=1)
        .encode(
            y=alt.Y(
                "network_label:N",
                title="Knowledge network in 2005",
                sort=list(_NETWORK_LABELS.values()),
            ),
            x=alt.X("sum(firms):Q", title="Number of firms", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "group:N",
                title="Group",
                scale=alt.Scale(domain=order, range=_GROUP_COLOURS),
                legend=alt.Legend(orient="bottom", columns=2),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("network_label:N", title="Network 2005"),
                alt.Tooltip("group:N", title="Group"),
                alt.Tooltip("firms:Q", title="Firms"),
            ],
        )
        .properties(width=WIDTH, height=alt.Step(40))
    )
    groups = listing(zip(frame["group"], frame["firms"], strict=True))
    return describe(chart, "Stacked bar chart", title, f"Firms per group: {groups}.")


def difference_dots(
    frame: pd.DataFrame,
    *,
    category: str,
    value: str,
    series: str,
    facet: str | None = None,
    title: str,
    category_title: str,
    value_title: str,
    series_title: str = "Source",
    subtitle: str | None = None,
) -> alt.LayerChart | alt.FacetChart:
    """Dots for several versions (``series``) of one quantity per ``category``.

    A rule marks zero. With ``facet`` the chart is split into columns (for example the
    current and the changed situation). Categories and series keep the frame's row order.
    """
    use_book_theme()
    require_columns(frame, (category, value, series) + ((facet,) if facet else ()), "the frame")
    cat_order = list(dict.fromkeys(frame[category].astype(str)))
    ser_order = list(dict.fromkeys(frame[series].astype(str)))
    tooltip = [
        alt.Tooltip(f"{category}:N", title=category_title),
        alt.Tooltip(f"{series}:N", title=series_title),
        alt.Tooltip(f"{value}:Q", title=value_title, format="+.2f"),
    ]
    if facet:
        tooltip.insert(1, alt.Tooltip(f"{facet}:N"))
    base = alt.Chart()
    dots = base.mark_point(filled=True, size=90, opacity=0.9).encode(
        y=alt.Y(f"{category}:N", sort=cat_order, title=category_title),
        x=alt.X(f"{value}:Q", title=value_title),
        color=alt.Color(
            f"{series}:N",
            sort=ser_order,
            title=series_title,
            scale=alt.Scale(domain=ser_order, range=PALETTE[: len(ser_order)]),
            legend=alt.Legend(orient="bottom", columns=1, labelLimit=400),
        ),
        shape=alt.Shape(
            f"{series}:N", sort=ser_order, title=series_title, scale=alt.Scale(domain=ser_order)
        ),
        tooltip=tooltip,
    )
    zero = base.mark_rule(color="#888", strokeDash=[4, 3]).encode(x=alt.datum(0))
    layer = alt.layer(zero, dots, data=frame).properties(
        width=WIDTH // 2 - 20 if facet else WIDTH, height=alt.Step(26)
    )
    titled = alt.Title(title, subtitle=subtitle or alt.Undefined)
    keys = [frame[facet]] if facet else []
    values = listing(
        (", ".join(map(str, k[:-1])), f"{k[-1]:+.2f}")
        for k in zip(*keys, frame[category], frame[series], frame[value], strict=True)
    )
    text = f"{value_title} per {category_title} and {series_title}: {values}."
    if facet:
        facet_order = list(dict.fromkeys(frame[facet].astype(str)))
        faceted = layer.facet(
            column=alt.Column(f"{facet}:N", sort=facet_order, title=None),
            title=titled,
        )
        return describe(faceted, "Dot chart", title, text)
    return describe(layer.properties(title=titled), "Dot chart", title, text)
