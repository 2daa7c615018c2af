"""Charts for the data chapter and the virtualisation chapter: who the 21 firms are.

``tidy_crosstab`` turns two categorical columns into a long table of counts (zeros kept, in a
fixed order); ``crosstab_heatmap`` draws such a table as a grid of counts, ``composition_bars``
as stacked bars (coloured by knowledge network when the groups are ``global``/``local``), and
``table1_bars`` shows the recomputed Table 1 as bars with the printed counts as ticks, so a
reader sees every cell of the comparison at once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from clusterlab.charts._colours import colour_range, network_colours
from clusterlab.charts.base import PALETTE, WIDTH, describe, listing, use_book_theme
from clusterlab.columns import require_columns

__all__ = ["composition_bars", "crosstab_heatmap", "table1_bars", "tidy_crosstab"]


def _order(values: pd.Series, given: Sequence[str] | None) -> list[str]:
    """The display order: ``given`` (must cover every value) or first appearance."""
    seen = list(dict.fromkeys(values.astype(str)))
    if given is None:
        return seen
    given = [str(v) for v in given]
    missing = [v for v in seen if v not in given]
    if missing:
        raise ValueError(f"values not in the given order: {missing}")
    return given


def tidy_crosstab(
    frame: pd.DataFrame,
    row: str,
    column: str,
    *,
    row_order: Sequence[str] | None = None,
    column_order: Sequence[str] | None = None,
    labels: Mapping[str, Mapping[str, str]] | None = None,
    count: str = "firms",
) -> pd.DataFrame:
    """Count rows of ``frame`` per (``row``, ``column``) value, as a long table.

    Every combination of the two orders appears, with 0 where no row has it. ``labels`` maps
    a column name to ``{code: label}``; labelled values go to ``<col>_label`` columns (codes
    without a label keep the code). Returns columns ``row``, ``column``, their ``_label``
    columns, ``count`` and ``row_share`` (the count as a share of its row total; 0 for an
    empty row).

    Raises ``KeyError`` for a missing column and ``ValueError`` when an order misses a value.
    """
    require_columns(frame, (row, column), "the table")
    if row == column:
        raise ValueError("row and column must be different columns")
    rows = _order(frame[row], row_order)
    cols = _order(frame[column], column_order)
    counts = (
        frame.assign(**{row: frame[row].astype(str), column: frame[column].astype(str)})
        .groupby([row, column])
        .size()
    )
    index = pd.MultiIndex.from_product([rows, cols], names=[row, column])
    tidy = counts.reindex(index, fill_value=0).rename(count).reset_index()
    totals = tidy.groupby(row)[count].transform("sum")
    tidy["row_share"] = (tidy[count] / totals.where(totals > 0)).fillna(0.0)
    labels = labels or {}
    for col in (row, column):
        names = labels.get(col, {})
        tidy[f"{col}_label"] = [names.get(v, v) for v in tidy[col]]
    return tidy


def crosstab_heatmap(
    counts: pd.DataFrame,
    *,
    row: str,
    column: str,
    count: str = "firms",
    title: str,
    row_title: str,
    column_title: str,
    subtitle: str | None = None,
) -> alt.LayerChart | alt.FacetChart:
    """A grid of counts: one cell per (row, column) value, shaded and labelled by its count.

    ``counts`` is a long table such as :func:`tidy_crosstab` returns; rows and columns keep
    the frame's order (pass the ``_label`` columns to show labels).
    """
    use_book_theme()
    require_columns(counts, (row, column, count), "the frame")
    data = counts.copy()
    row_order = list(dict.fromkeys(data[row].astype(str)))
    col_order = list(dict.fromkeys(data[column].astype(str)))
    peak = max(int(data[count].max()), 1)
    base = alt.Chart(data).encode(
        y=alt.Y(f"{row}:N", sort=row_order, title=row_title, axis=alt.Axis(labelLimit=260)),
        x=alt.X(
            f"{column}:N",
            sort=col_order,
            title=column_title,
            axis=alt.Axis(labelAngle=0, orient="top"),
        ),
    )
    cells = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color(
            f"{count}:Q",
            title="Firms",
            scale=alt.Scale(domain=[0, peak], range=["#f4f6f8", PALETTE[0]]),
            legend=None,
        ),
        tooltip=[
            alt.Tooltip(f"{row}:N", title=row_title),
            alt.Tooltip(f"{column}:N", title=column_title),
            alt.Tooltip(f"{count}:Q", title="Firms"),
        ],
    )
    text = base.mark_text(fontSize=14, fontWeight="bold").encode(
        text=alt.Text(f"{count}:Q"),
        color=alt.condition(alt.datum[count] > peak / 2, alt.value("white"), alt.value("#222")),
    )
    chart = alt.layer(cells, text).properties(
        title=alt.Title(title, subtitle=subtitle or alt.Undefined),
        width=min(WIDTH, 110 * len(col_order)),
        height=alt.Step(34),
    )
    cells_text = listing(
        (f"{r}, {c}", n) for r, c, n in zip(data[row], data[column], data[count], strict=True)
    )
    return describe(
        chart, "Grid of counts", title, f"Firms per {row_title} and {column_title}: {cells_text}."
    )


def composition_bars(
    counts: pd.DataFrame,
    *,
    category: str,
    group: str,
    count: str = "firms",
    title: str,
    category_title: str,
    group_title: str,
    subtitle: str | None = None,
    colours: Mapping[str, str] | None = None,
    share: bool = False,
) -> alt.Chart:
    """Stacked horizontal bars: firms per ``category``, split by ``group``.

    Groups named ``global``/``local`` (or labels starting with them, e.g. "Mainly global")
    get the book's network colours unless ``colours`` is given. With ``share`` each bar is
    normalised to 100 %. Categories and groups keep the frame's order.
    """
    use_book_theme()
    require_columns(counts, (category, group, count), "the frame")
    data = counts.copy()
    data[group] = data[group].astype(str)
    cat_order = list(dict.fromkeys(data[category].astype(str)))
    groups = list(dict.fromkeys(data[group]))
    fixed = network_colours(groups) if colours is None else colours
    scale = alt.Scale(domain=groups, range=colour_range(groups, fixed))
    data["stack_order"] = data[group].map({g: i for i, g in enumerate(groups)})
    x = (
        alt.X(
            f"sum({count}):Q",
            stack="normalize",
            title="Share of firms",
            axis=alt.Axis(format=".0%"),
        )
        if share
        else alt.X(f"sum({count}):Q", title="Number of firms", axis=alt.Axis(tickMinStep=1))
    )
    chart: alt.Chart = (
        alt.Chart(data, title=alt.Title(title, subtitle=subtitle or alt.Undefined))
        .mark_bar(stroke="white", strokeWidth=1)
        .encode(
            y=alt.Y(
                f"{category}:N",
                sort=cat_order,
                title=category_title,
                axis=alt.Axis(labelLimit=260, titlePadding=14),
            ),
            x=x,
            color=alt.Color(
                f"{group}:N",
                title=group_title,
                scale=scale,
                sort=groups,
                legend=alt.Legend(orient="bottom"),
            ),
            order=alt.Order("stack_order:Q"),
            tooltip=[
                alt.Tooltip(f"{category}:N", title=category_title),
                alt.Tooltip(f"{group}:N", title=group_title),
                alt.Tooltip(f"{count}:Q", title="Firms"),
            ],
        )
        .properties(width=WIDTH, height=alt.Step(28))
    )
    parts = listing(
        (f"{c}, {g}", n) for c, g, n in zip(data[category], data[group], data[count], strict=True)
    )
    return describe(
        chart, "Stacked bar chart", title, f"Firms per {category_title} and {group_title}: {parts}."
    )


def table1_bars(
    comparison: pd.DataFrame,
    *,
    block: str = "block",
    category: str = "category",
    printed: str = "printed",
    recomputed: str = "recomputed",
    title: str = "Table 1, recomputed from the firm records",
    subtitle: str | None = None,
) -> alt.FacetChart:
    """Table 1 as bars: one panel per block, recomputed counts as bars, printed as ticks.

    ``comparison`` has one row per printed cell (see :func:`clusterlab.table1.compare_table1`).
    A black tick at the end of every bar means the cell matches; a tick away from the bar end
    shows a mismatch at a glance.
    """
    use_book_theme()
    require_columns(comparison, (block, category, printed, recomputed), "the comparison")
    data = comparison[[block, category, printed, recomputed]].copy()
    data["row_order"] = range(len(data))
    blocks = list(dict.fromkeys(data[block].astype(str)))
    peak = float(max(data[printed].max(), data[recomputed].max(), 1))
    tooltip = [
        alt.Tooltip(f"{block}:N", title="Characteristic"),
        alt.Tooltip(f"{category}:N", title="Category"),
        alt.Tooltip(f"{printed}:Q", title="Printed"),
        alt.Tooltip(f"{recomputed}:Q", title="Recomputed"),
    ]
    y = alt.Y(
        f"{category}:N",
        title=None,
        # "min": the only order Vega-Lite can keep when it unions the layers' domains
        sort=alt.EncodingSortField(field="row_order", op="min", order="ascending"),
        axis=alt.Axis(labelLimit=280),
    )
    xscale = alt.Scale(domain=[0, peak + 1])
    bars = (
        alt.Chart()
        .mark_bar(color=PALETTE[0], opacity=0.85)
        .encode(
            y=y, x=alt.X(f"{recomputed}:Q", title="Number of firms", scale=xscale), tooltip=tooltip
        )
    )
    ticks = (
        alt.Chart()
        .mark_tick(color="black", thickness=3, size=18)
        .encode(y=y, x=alt.X(f"{printed}:Q", scale=xscale), tooltip=tooltip)
    )
    chart: alt.FacetChart = (
        alt.layer(bars, ticks, data=data)
        .properties(width=WIDTH - 200, height=alt.Step(20))
        .facet(
            row=alt.Row(
                f"{block}:N",
                sort=blocks,
                title=None,
                header=alt.Header(
                    labelAngle=0, labelAlign="left", labelFontWeight="bold", labelOrient="top"
                ),
            ),
            spacing=6,
            title=alt.Title(title, subtitle=subtitle or alt.Undefined),
        )
        .resolve_scale(y="independent")
    )
    cells = listing(
        (f"{b}, {c}", f"recomputed {r}, printed {p}")
        for b, c, r, p in zip(
            data[block], data[category], data[recomputed], data[printed], strict=True
        )
    )
    return describe(
        chart,
        "Bar chart with ticks",
        title,
        f"Recomputed counts as bars, printed counts as ticks: {cells}.",
    )
