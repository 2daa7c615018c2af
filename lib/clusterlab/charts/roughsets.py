"""Charts for the rough-set chapter and the "analyse your own data" page.

Every builder takes a tidy :class:`pandas.DataFrame` (the shapes produced by
:mod:`clusterlab.teaching`), so the charts know nothing about the engine's objects. Colours for
decision classes default to ``NETWORK_COLOURS`` for classes whose name contains ``global`` or
``local`` and to the book's palette otherwise (cycling, for any number of classes).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import altair as alt
import pandas as pd

from clusterlab.charts._colours import colour_range, network_colours
from clusterlab.charts.base import NETWORK_SHAPES, PALETTE, WIDTH, describe, listing, use_book_theme
from clusterlab.words import BOUNDARY

__all__ = [
    "approximation_regions",
    "attribute_bars",
    "grouped_share_bars",
    "rule_measures",
]

BOUNDARY_LABEL = BOUNDARY  # the region word of clusterlab.words


def _class_scale(classes: Sequence[str], colours: Mapping[str, str] | None) -> alt.Scale:
    """A colour scale with one fixed colour per decision class (sorted for stability)."""
    domain = sorted({str(c) for c in classes})
    fixed = network_colours(domain) if colours is None else colours
    return alt.Scale(domain=domain, range=colour_range(domain, fixed))


def _class_shape(decision_class: str, position: int) -> str:
    """The book's network shape for a class whose name contains ``global`` or ``local`` (so
    the label "Mainly global" keeps the shape of ``global``), else one by position."""
    for network, shape in NETWORK_SHAPES.items():
        if network in decision_class.lower():
            return shape
    return ["square", "diamond", "cross"][position % 3]


def approximation_regions(
    frame: pd.DataFrame,
    *,
    object_col: str = "object",
    decision_col: str = "decision",
    region_col: str = "region",
    title: str,
    subtitle: str | None = None,
    decision_title: str = "Decision class",
    region_order: Sequence[str] | None = None,
    colours: Mapping[str, str] | None = None,
    per_row: int = 4,
) -> alt.LayerChart:
    """A unit chart: one labelled tile per object, in one panel per region.

    ``frame`` has one row per object with its id, its own decision class and its region, e.g.
    ``"certainly global"``, ``"boundary"``, ``"certainly local"`` (see
    :func:`clusterlab.teaching.region_table`). Tiles are coloured by the object's decision, so
    a boundary panel holding both colours shows the objects the attributes cannot separate.
    """
    use_book_theme()
    data = frame[[object_col, decision_col, region_col]].copy()
    data[object_col] = data[object_col].astype(str)
    data[decision_col] = data[decision_col].astype(str)
    order = (
        list(region_order)
        if region_order is not None
        else sorted(data[region_col].unique(), key=lambda r: (r == BOUNDARY_LABEL, r))
    )
    data = data.sort_values([region_col, decision_col, object_col]).reset_index(drop=True)
    rank = data.groupby(region_col).cumcount()
    data["col"] = rank % per_row
    data["row"] = rank // per_row
    counts = data.groupby(region_col)[object_col].transform("size")
    data["region_label"] = data[region_col] + " (" + counts.astype(str) + ")"
    label_order = [f"{r} ({int((data[region_col] == r).sum())})" for r in order]
    scale = _class_scale(data[decision_col], colours)
    base = alt.Chart(data).encode(
        x=alt.X("col:O", axis=None),
        y=alt.Y("row:O", axis=None),
        tooltip=[
            alt.Tooltip(f"{object_col}:N", title="Object"),
            alt.Tooltip(f"{decision_col}:N", title=decision_title),
            alt.Tooltip(f"{region_col}:N", title="Region"),
        ],
    )
    tiles = base.mark_rect(stroke="white", strokeWidth=2, cornerRadius=3).encode(
        color=alt.Color(
            f"{decision_col}:N",
            scale=scale,
            title=decision_title,
            legend=alt.Legend(orient="bottom"),
        )
    )
    labels = base.mark_text(color="white", fontSize=11, fontWeight="bold").encode(
        text=f"{object_col}:N"
    )
    step = 44
    chart: alt.LayerChart = (
        alt.layer(tiles, labels)
        .properties(width=alt.Step(step), height=alt.Step(26))
        .facet(
            column=alt.Column(
                "region_label:N",
                sort=label_order,
                title=None,
                header=alt.Header(labelFontSize=13, labelFontWeight="bold"),
            ),
            title=alt.Title(title, subtitle=subtitle or alt.Undefined),
        )
        .resolve_scale(x="independent")
    )
    regions = listing(
        (
            label,
            ", ".join(
                f"{o} ({d})"
                for o, d in data.loc[
                    data["region_label"] == label, [object_col, decision_col]
                ].itertuples(index=False)
            ),
        )
        for label in label_order
    )
    return describe(
        chart,
        "Unit chart",
        title,
        f"One tile per object with its {decision_title.lower()}, by region: {regions}.",
    )


def attribute_bars(
    frame: pd.DataFrame,
    *,
    attribute_col: str = "attribute",
    value_col: str = "value",
    highlight_col: str | None = None,
    highlight_title: str = "In the core",
    title: str,
    value_title: str,
    attribute_title: str = "Condition attribute",
    subtitle: str | None = None,
    percent: bool = False,
    domain: tuple[float, float] | None = None,
) -> alt.Chart:
    """Horizontal bars of one number per attribute (significance, a share, ...), largest first.

    With ``highlight_col`` (a boolean column) the bars are coloured by it, e.g. core attributes.
    With ``percent`` the axis is formatted as a percentage.
    """
    use_book_theme()
    data = frame.copy()
    data[attribute_col] = data[attribute_col].astype(str)
    order = list(
        data.sort_values([value_col, attribute_col], ascending=[False, True])[attribute_col]
    )
    fmt = ".0%" if percent else ".3f"
    x_kwargs: dict[str, Any] = {"scale": alt.Scale(domain=list(domain))} if domain else {}
    encoding: dict[str, Any] = {
        "y": alt.Y(f"{attribute_col}:N", sort=order, title=attribute_title),
        "x": alt.X(
            f"{value_col}:Q",
            title=value_title,
            axis=alt.Axis(format=".0%" if percent else "~g"),
            **x_kwargs,
        ),
        "tooltip": [
            alt.Tooltip(f"{attribute_col}:N", title=attribute_title),
            alt.Tooltip(f"{value_col}:Q", title=value_title, format=fmt),
        ],
    }
    colour: dict[str, Any] = {"color": PALETTE[0]}
    if highlight_col is not None:
        data[highlight_col] = data[highlight_col].map({True: "yes", False: "no"})
        colour = {}
        encoding["color"] = alt.Color(
            f"{highlight_col}:N",
            title=highlight_title,
            scale=alt.Scale(domain=["yes", "no"], range=[PALETTE[0], "#b9c7d3"]),
        )
        encoding["tooltip"].append(alt.Tooltip(f"{highlight_col}:N", title=highlight_title))
    chart: alt.Chart = (
        alt.Chart(data, title=alt.Title(title, subtitle=subtitle or alt.Undefined))
        .mark_bar(**colour)
        .encode(**encoding)
        .properties(width=WIDTH, height=alt.Step(24))
    )
    values = data.set_index(attribute_col)[value_col]
    shown = listing((a, f"{values[a]:{fmt}}") for a in order)
    return describe(chart, "Bar chart", title, f"{value_title} per {attribute_title}: {shown}.")


def grouped_share_bars(
    frame: pd.DataFrame,
    *,
    item_col: str = "attribute",
    share_col: str = "share",
    group_col: str = "method",
    title: str,
    item_title: str = "Condition attribute",
    share_title: str = "Share of samples",
    group_title: str = "Resampling",
    subtitle: str | None = None,
    item_order: Sequence[str] | None = None,
    label_limit: int = 200,
    width: int = WIDTH,
) -> alt.Chart:
    """Grouped horizontal bars of shares in [0, 1]: one bar per item and group.

    Used for reduct stability (share of bootstrap and leave-one-out samples in which an
    attribute appears in a reduct) and for the ensemble of reconstructions (share of tables in
    which a finding holds). Items are ordered by their mean share unless ``item_order`` is
    given; ``label_limit`` is the pixel width allowed for item labels.
    """
    use_book_theme()
    data = frame[[item_col, share_col, group_col]].copy()
    data[item_col] = data[item_col].astype(str)
    data[group_col] = data[group_col].astype(str)
    means = data.groupby(item_col)[share_col].mean()
    order = (
        list(item_order)
        if item_order is not None
        else sorted(means.index, key=lambda k: (-means[k], k))
    )
    groups = list(dict.fromkeys(data[group_col]))
    chart: alt.Chart = (
        alt.Chart(data, title=alt.Title(title, subtitle=subtitle or alt.Undefined))
        .mark_bar()
        .encode(
            y=alt.Y(
                f"{item_col}:N", sort=order, title=item_title, axis=alt.Axis(labelLimit=label_limit)
            ),
            yOffset=alt.YOffset(f"{group_col}:N", sort=groups),
            x=alt.X(
                f"{share_col}:Q",
                title=share_title,
                scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format=".0%"),
            ),
            color=alt.Color(
                f"{group_col}:N",
                title=group_title,
                sort=groups,
                scale=alt.Scale(domain=groups, range=colour_range(groups)),
                legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=500),
            ),
            tooltip=[
                alt.Tooltip(f"{item_col}:N", title=item_title),
                alt.Tooltip(f"{group_col}:N", title=group_title),
                alt.Tooltip(f"{share_col}:Q", title=share_title, format=".0%"),
            ],
        )
        # the step is the height of one bar (the offset band), not of one group
        .properties(width=width, height=alt.Step(13, **{"for": "offset"}))
    )
    shares = listing(
        (f"{i}, {g}", f"{v:.0%}")
        for i, g, v in zip(data[item_col], data[group_col], data[share_col], strict=True)
    )
    return describe(
        chart,
        "Grouped bar chart",
        title,
        f"{share_title} per {item_title} and {group_title}: {shares}.",
    )


def rule_measures(
    frame: pd.DataFrame,
    *,
    rule_col: str = "rule",
    decision_col: str = "decision",
    certainty_col: str = "certainty",
    coverage_col: str = "coverage",
    support_col: str = "support",
    title: str,
    subtitle: str | None = None,
    decision_title: str = "Decision class",
    colours: Mapping[str, str] | None = None,
) -> alt.Chart:
    """Each rule as a point: coverage (x) against certainty (y), sized by support.

    Certain rules sit on the top line (certainty 1); rules far to the right describe most of
    their decision class. The tooltip shows the rule text and its measures.
    """
    use_book_theme()
    data = frame[[rule_col, decision_col, certainty_col, coverage_col, support_col]].copy()
    data[decision_col] = data[decision_col].astype(str)
    scale = _class_scale(data[decision_col], colours)
    classes = sorted(set(data[decision_col]))
    shapes = [_class_shape(c, i) for i, c in enumerate(classes)]
    chart: alt.Chart = (
        alt.Chart(data, title=alt.Title(title, subtitle=subtitle or alt.Undefined))
        .mark_point(filled=True, opacity=0.8, stroke="white", strokeWidth=1)
        .encode(
            x=alt.X(
                f"{coverage_col}:Q",
                title="Coverage (share of the decision class)",
                scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format=".0%"),
            ),
            y=alt.Y(
                f"{certainty_col}:Q",
                title="Certainty (share of matching objects)",
                scale=alt.Scale(domain=[0, 1.05]),
                axis=alt.Axis(format=".0%"),
            ),
            size=alt.Size(
                f"{support_col}:Q",
                title="Support (objects)",
                scale=alt.Scale(range=[60, 600], zero=False),
                legend=alt.Legend(tickMinStep=1),
            ),
            color=alt.Color(f"{decision_col}:N", scale=scale, title=decision_title),
            shape=alt.Shape(
                f"{decision_col}:N",
                scale=alt.Scale(domain=classes, range=shapes),
                title=decision_title,
            ),
            tooltip=[
                alt.Tooltip(f"{rule_col}:N", title="Rule"),
                alt.Tooltip(f"{support_col}:Q", title="Support"),
                alt.Tooltip(f"{certainty_col}:Q", title="Certainty", format=".0%"),
                alt.Tooltip(f"{coverage_col}:Q", title="Coverage", format=".0%"),
            ],
        )
        .properties(width=WIDTH, height=300)
    )
    rules = listing(
        (r, f"{d}, certainty {c:.0%}, coverage {v:.0%}, support {s}")
        for r, d, c, v, s in data.itertuples(index=False)
    )
    return describe(
        chart, "Scatter plot", title, f"Each rule as a point, coverage against certainty: {rules}."
    )
