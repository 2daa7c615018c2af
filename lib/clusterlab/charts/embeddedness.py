"""Charts for the local-embeddedness chapter (the article's Table 2).

``embeddedness_slopes`` draws, per location factor, the group means of the current and the
changed situation as two short lines (one per network group), so the three patterns of the
article can be read off: the global line below the local one, the global line falling for
suppliers and rising for customers, the local line rising everywhere. ``score_dots`` shows the
firm-level scores behind those means (how many firms gave each score), which is what a mean of
ten or eleven integers hides.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from clusterlab.charts._colours import colour_range, network_colours
from clusterlab.charts.base import NETWORK_SHAPES, WIDTH, describe, listing, use_book_theme
from clusterlab.columns import require_columns

__all__ = ["embeddedness_slopes", "score_dots"]


def _group_scale(groups: Sequence[str], colours: Mapping[str, str] | None) -> alt.Scale:
    """Network colours for groups whose label contains 'global' / 'local'."""
    fixed = {**network_colours(groups), **(colours or {})}
    return alt.Scale(domain=list(groups), range=colour_range(list(groups), fixed))


def _group_shapes(groups: Sequence[str]) -> alt.Scale:
    """The second cue beside colour: one point shape per network group."""
    shapes = []
    for i, g in enumerate(groups):
        net = next((n for n in NETWORK_SHAPES if n in g.lower()), None)
        shapes.append(NETWORK_SHAPES[net] if net else ["square", "diamond", "cross"][i % 3])
    return alt.Scale(domain=list(groups), range=shapes)


def embeddedness_slopes(
    means: pd.DataFrame,
    *,
    factor: str = "factor",
    group: str = "group",
    situation: str = "situation",
    score: str = "score",
    title: str = "Local embeddedness by location factor",
    subtitle: str | None = None,
    score_title: str = "Mean score (1 = unimportant, 5 = very important)",
    colours: Mapping[str, str] | None = None,
    domain: tuple[float, float] = (1.0, 5.0),
) -> alt.FacetChart:
    """Slope chart: one panel per factor, x = situation (current, changed), y = mean score.

    ``means`` is long: one row per (factor, group, situation) with the mean ``score``. Extra
    columns (e.g. ``n``, ``printed``) are added to the tooltip. Factors, groups and situations
    keep the frame's order; groups containing 'global'/'local' get the network colours.
    """
    use_book_theme()
    require_columns(means, [factor, group, situation, score], "the frame")
    data = means.copy()
    for col in (factor, group, situation):
        data[col] = data[col].astype(str)
    factors = list(dict.fromkeys(data[factor]))
    groups = list(dict.fromkeys(data[group]))
    situations = list(dict.fromkeys(data[situation]))
    extra = [c for c in data.columns if c not in (factor, group, situation, score)]
    tooltip = [
        alt.Tooltip(f"{factor}:N", title="Factor"),
        alt.Tooltip(f"{group}:N", title="Group"),
        alt.Tooltip(f"{situation}:N", title="Situation"),
        alt.Tooltip(f"{score}:Q", title="Mean score", format=".2f"),
    ]
    tooltip += [
        alt.Tooltip(f"{c}:{'Q' if pd.api.types.is_numeric_dtype(data[c]) else 'N'}") for c in extra
    ]
    base = alt.Chart().encode(
        x=alt.X(
            f"{situation}:N",
            sort=situations,
            title=None,
            axis=alt.Axis(labelAngle=0, labelFontSize=11),
            scale=alt.Scale(padding=0.5),
        ),
        y=alt.Y(f"{score}:Q", title=score_title, scale=alt.Scale(domain=list(domain))),
        color=alt.Color(
            f"{group}:N",
            title="Knowledge relations",
            sort=groups,
            scale=_group_scale(groups, colours),
            legend=alt.Legend(orient="bottom"),
        ),
        detail=alt.Detail(f"{group}:N"),
    )
    lines = base.mark_line(strokeWidth=2.5)
    points = base.mark_point(filled=True, size=80).encode(
        shape=alt.Shape(
            f"{group}:N",
            title="Knowledge relations",
            sort=groups,
            scale=_group_shapes(groups),
            legend=alt.Legend(orient="bottom"),
        ),
        tooltip=tooltip,
    )
    chart = (
        alt.layer(lines, points, data=data)
        .properties(width=112, height=240)
        .facet(
            column=alt.Column(
                f"{factor}:N",
                sort=factors,
                title=None,
                header=alt.Header(labelFontWeight="bold", labelFontSize=12),
            ),
            spacing=20,
            title=alt.Title(title, subtitle=subtitle or alt.Undefined),
        )
    )
    values = listing(
        (f"{f}, {g}, {s}", f"{v:.1f}")
        for f, g, s, v in zip(data[factor], data[group], data[situation], data[score], strict=True)
    )
    return describe(chart, "Slope chart", title, f"{score_title} per factor and group: {values}.")


def score_dots(
    scores: pd.DataFrame,
    *,
    factor: str = "factor",
    group: str = "group",
    situation: str = "situation",
    score: str = "score",
    title: str = "The firm-level scores behind the means",
    subtitle: str | None = None,
    colours: Mapping[str, str] | None = None,
    levels: Sequence[int] = (1, 2, 3, 4, 5),
) -> alt.FacetChart:
    """Counts of firms per score: rows = factor, columns = situation, y = group.

    ``scores`` is long: one row per firm, factor and situation with its integer ``score``.
    Each circle's area is the number of firms of that group giving that score; the group
    mean is marked with a short black tick. Factors, situations and groups keep the frame's
    order.
    """
    use_book_theme()
    require_columns(scores, [factor, group, situation, score], "the frame")
    data = scores[[factor, group, situation, score]].copy()
    for col in (factor, group, situation):
        data[col] = data[col].astype(str)
    factors = list(dict.fromkeys(data[factor]))
    groups = list(dict.fromkeys(data[group]))
    situations = list(dict.fromkeys(data[situation]))
    keys = [factor, group, situation]
    counts = data.groupby(keys + [score]).size().rename("firms").reset_index()
    counts["kind"] = "count"
    means = data.groupby(keys)[score].mean().rename("mean").reset_index()
    means["kind"] = "mean"
    both = pd.concat([counts, means], ignore_index=True)
    y = alt.Y(f"{group}:N", sort=groups, title=None)
    xscale = alt.Scale(domain=[min(levels) - 0.5, max(levels) + 0.5])
    base = alt.Chart()
    dots = (
        base.transform_filter(alt.datum.kind == "count")
        .mark_circle(opacity=0.75)
        .encode(
            x=alt.X(
                f"{score}:Q",
                title="Score",
                scale=xscale,
                axis=alt.Axis(values=list(levels), format="d"),
            ),
            y=y,
            color=alt.Color(
                f"{group}:N",
                sort=groups,
                scale=_group_scale(groups, colours),
                title="Knowledge relations",
                legend=alt.Legend(orient="bottom"),
            ),
            size=alt.Size(
                "firms:Q",
                title="Firms",
                scale=alt.Scale(domain=[1, int(counts["firms"].max())], range=[40, 420]),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=[
                alt.Tooltip(f"{factor}:N", title="Factor"),
                alt.Tooltip(f"{situation}:N", title="Situation"),
                alt.Tooltip(f"{group}:N", title="Group"),
                alt.Tooltip(f"{score}:Q", title="Score"),
                alt.Tooltip("firms:Q", title="Firms"),
            ],
        )
    )
    ticks = (
        base.transform_filter(alt.datum.kind == "mean")
        .mark_tick(color="black", thickness=2, size=20)
        .encode(
            x=alt.X("mean:Q", scale=xscale),
            y=y,
            tooltip=[
                alt.Tooltip(f"{factor}:N", title="Factor"),
                alt.Tooltip(f"{situation}:N", title="Situation"),
                alt.Tooltip(f"{group}:N", title="Group"),
                alt.Tooltip("mean:Q", title="Mean score", format=".2f"),
            ],
        )
    )
    chart = (
        alt.layer(dots, ticks, data=both)
        .properties(width=min(WIDTH // 2 - 40, 210), height=alt.Step(22))
        .facet(
            row=alt.Row(
                f"{factor}:N",
                sort=factors,
                title=None,
                header=alt.Header(labelAngle=0, labelAlign="left", labelFontWeight="bold"),
            ),
            column=alt.Column(
                f"{situation}:N",
                sort=situations,
                title=None,
                header=alt.Header(labelFontWeight="bold"),
            ),
            spacing=10,
            title=alt.Title(title, subtitle=subtitle or alt.Undefined),
        )
    )
    mean_text = listing(
        (f"{f}, {s}, {g}", f"{m:.1f}")
        for f, s, g, m in zip(
            means[factor], means[situation], means[group], means["mean"], strict=True
        )
    )
    return describe(
        chart,
        "Dot chart",
        title,
        "Circles show how many firms of each group gave each score; ticks mark the group "
        f"means: {mean_text}.",
    )
