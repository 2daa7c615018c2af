"""The static explorers of the built book: HTML blocks that answer the reader's clicks without
a kernel.

Each block is a ``<div class="clusterlab-explorer">`` holding its data as JSON (a
``<script type="application/json">``) and a tiny loader that adds the book's
``_static/clusterlab-render.js`` and ``_static/clusterlab-explorers.js`` once per page. Those
scripts draw the controls and the results as HTML (text that wraps, can be selected and is read
by screen readers), so precomputed results and live ones (computed in the page by
``window.clusterlab.analyse``, Pyodide) go through one renderer, ``window.clusterlab.render``.

* :func:`roughset_block` - the rough-set explorer: every subset of the toggleable attributes
  precomputed under the default settings
  (:func:`~clusterlab.explorers._packing.precompute_all_subsets`, format 3: the result JSON
  of ``clusterlab analyse --json``), the codebook's labels, the firms' attribute values
  (tile tooltips), the firm table as CSV for live computation, and the Altair specification
  of the regions chart (:func:`regions_chart`; the page swaps its data ``rsx_tiles`` through
  the Vega view API).
* :func:`embeddedness_block` and :func:`paths_block` - static twins of the kernel widgets: what
  the widget shows for every value of its controls, recorded from the widget itself.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from typing import Any, cast

import altair as alt
import pandas as pd

from clusterlab.charts._html import SafeJSONEncoder
from clusterlab.charts.base import NETWORK_COLOURS
from clusterlab.data import ARTICLE_CONDITIONS
from clusterlab.explorers._packing import precompute_all_subsets
from clusterlab.explorers.roughsets_analysis import DECISIONS, ID_COLUMN, METHODS, TOGGLEABLE
from clusterlab.words import (
    BOUNDARY,
    LEFT_OUT,
    attribute_name,
    column_title,
    region_label,
    value_labels,
)

__all__ = [
    "ExplorerBlock",
    "embeddedness_block",
    "paths_block",
    "regions_chart",
    "roughset_block",
    "roughset_data",
]

#: Name of the regions chart's data set (swapped by the page).
TILES = "rsx_tiles"
#: Tiles per line of the regions chart (fits a 390 px screen).
PER_LINE = 8
_SCRIPTS = ("clusterlab-render.js", "clusterlab-explorers.js")
_LOADER = (
    "(function(){var r=(document.documentElement.dataset.content_root||'');"
    "%s.forEach(function(n){if(document.querySelector('script[data-clusterlab=\"'+n+'\"]'))"
    "return;var s=document.createElement('script');s.src=r+'_static/'+n;s.async=false;"
    "s.dataset.clusterlab=n;document.head.appendChild(s);});})();"
).replace("%s", json.dumps(list(_SCRIPTS)))


class ExplorerBlock:
    """An explorer's HTML block (displayed by Jupyter as HTML; ``data`` for tests)."""

    def __init__(self, kind: str, ident: str, data: Mapping[str, Any], intro: str) -> None:
        self.kind, self.ident, self.data, self.intro = kind, ident, dict(data), intro

    def html(self) -> str:
        """The block: a container with its data as JSON and the loader of the page scripts."""
        payload = json.dumps(self.data, cls=SafeJSONEncoder, separators=(",", ":"))
        return (
            f'<div class="clusterlab-explorer" data-kind="{self.kind}" id="{self.ident}">'
            f'<p class="cl-noscript">{html.escape(self.intro)}</p>'
            f'<script type="application/json" class="clusterlab-data">{payload}</script>'
            f"</div><script>{_LOADER}</script>"
        )

    def _repr_html_(self) -> str:
        return self.html()

    def size(self) -> int:
        """Bytes of the block's HTML (its data included)."""
        return len(self.html().encode())


def regions_chart(tips: Sequence[str] = ()) -> alt.LayerChart:
    """The regions chart: one tile per firm under the heading of its region, coloured by the
    firm's own decision. Its data set ``rsx_tiles`` is empty here and filled by the page:
    rows ``{x, y, kind: "tile"|"heading", text, dl (decision label), c (tile colour), area}``
    plus ``t0``, ``t1``, ... titled by ``tips`` (tooltip lines: the firm's attribute values)."""
    base = alt.Chart(alt.NamedData(name=TILES))
    x = alt.X("x:O", axis=None, scale=alt.Scale(domain=list(range(PER_LINE))))
    y = alt.Y("y:O", axis=None)
    tooltip = [alt.Tooltip("text:N", title="Firm"), alt.Tooltip("area:N", title="Region")]
    # field names t0, t1, ...: any title is safe (names are never parsed as field paths)
    tooltip += [alt.Tooltip(f"t{i}:N", title=t) for i, t in enumerate(tips)]
    tiles = base.transform_filter("datum.kind == 'tile'")
    # The tiles are a picture of the region lists the page also gives as text (and as tiles
    # with their own labels): the marks stay out of the accessibility tree (aria=False), and
    # the chart as a whole carries a description.
    rects = tiles.mark_rect(stroke="white", strokeWidth=2, cornerRadius=3, aria=False).encode(
        x=x,
        y=y,
        tooltip=tooltip,
        color=alt.Color("c:N", scale=None),
    )
    labels = (
        tiles.mark_text(color="white", fontSize=10, fontWeight="bold", limit=34, aria=False)
        .encode(x=x, y=y, text="text:N", tooltip=tooltip)
        .properties(name="rsx_tile_labels")
    )
    headings = (
        base.transform_filter("datum.kind == 'heading'")
        .mark_text(align="left", baseline="middle", fontSize=13, fontWeight="bold", aria=False)
        .encode(x=alt.value(0), y=y, text="text:N")
        .properties(name="rsx_headings")
    )
    chart = (
        alt.layer(rects, labels, headings)
        .properties(
            width=PER_LINE * 36,
            height=alt.Step(24),
            background="transparent",
            description=(
                "Tile chart: one tile per firm under the heading of its rough-set region, "
                "coloured by the firm's own decision; the regions are also listed as text."
            ),
        )
        .configure_view(strokeWidth=0)
    )
    return cast(alt.LayerChart, chart)


def _class_colours(values: Sequence[str], labels: Mapping[str, str]) -> dict[str, str]:
    """The book's network colours for ``global``/``local``; other classes get the palette."""
    if set(values) <= set(NETWORK_COLOURS):
        return {labels.get(v, v): NETWORK_COLOURS[v] for v in values}
    return {}


def roughset_data(
    firms: pd.DataFrame,
    *,
    attributes: Sequence[str] = TOGGLEABLE,
    decisions: Sequence[str] = DECISIONS,
    initial: Sequence[str] = ARTICLE_CONDITIONS,
    id_column: str = ID_COLUMN,
) -> dict[str, Any]:
    """The rough-set explorer's data: ``pack`` (format 3, decision ``decisions[0]``, LEM2),
    ``labels`` ``{column: {code: label}}``, ``titles``, ``names`` (attribute names as the
    page writes them, :func:`clusterlab.words.attribute_name`), ``firms`` ``{id: {column: value}}``,
    ``csv`` (the table for live computation), ``areas`` (region words per decision and
    value), ``colours``, ``decisions``, ``methods``, ``initial``, ``words`` and ``spec``
    (the regions chart, Vega-Lite)."""
    columns = [id_column, *attributes, *[d for d in decisions if d not in attributes]]
    table = firms[columns].astype(str)
    codebook = value_labels()
    labels = {c: codebook[c] for c in columns if c in codebook}
    areas: dict[str, dict[str, dict[str, str]]] = {}
    colours: dict[str, dict[str, str]] = {}
    for d in decisions:
        values = sorted(set(table[d]))
        names = labels.get(d, {})
        areas[d] = {
            v: {"pawlak": region_label(names.get(v, v)), "beta": region_label(names.get(v, v), 0.6)}
            for v in values
        }
        colours[d] = _class_colours(values, names)
    tips = [column_title(a) for a in attributes]
    return {
        "pack": precompute_all_subsets(firms, attributes, decisions[0], id_column=id_column),
        "labels": labels,
        "titles": {c: column_title(c) for c in columns},
        "names": {c: attribute_name(c) for c in columns if c != id_column},
        "firms": {
            row[id_column]: {c: row[c] for c in columns if c != id_column}
            for row in table.to_dict("records")
        },
        "csv": table.to_csv(index=False, lineterminator="\n"),
        "id": id_column,
        "areas": areas,
        "colours": colours,
        "decisions": list(decisions),
        "methods": dict(METHODS),
        "initial": list(initial),
        "words": {"boundary": BOUNDARY, "left_out": LEFT_OUT},
        "spec": regions_chart(tips=tips).to_dict(),
    }


def roughset_block(
    firms: pd.DataFrame | None = None, ident: str = "rsx", **kwargs: Any
) -> ExplorerBlock:
    """The static rough-set explorer block for the book's firms (or ``firms``); ``kwargs`` go
    to :func:`roughset_data`."""
    if firms is None:
        from clusterlab.data import load_firms

        firms = load_firms()
    return ExplorerBlock(
        "roughsets",
        ident,
        roughset_data(firms, **kwargs),
        "The rough-set explorer needs JavaScript.",
    )


def _options(controls: Mapping[str, Any]) -> dict[str, list[list[str]]]:
    """``[[label, value], ...]`` of each selection widget, in the widget's order."""
    return {
        name: [
            [str(label), str(value)]
            for label, value in zip(w._options_labels, w._options_values, strict=True)
        ]
        for name, w in controls.items()
    }


def embeddedness_block(ident: str = "emx") -> ExplorerBlock:
    """Static twin of :func:`~clusterlab.explorers.embeddedness_explorer`: the widget's table
    for every factor, situation and test, recorded from the widget.

    Data: ``controls`` (``[[label, value], ...]`` per control), ``order`` (the controls), and
    ``parts``: ``[{"on": [control, ...], "views": {"value|value": html}}]``, the page showing
    each part's view for the current values of the controls it depends on."""
    from clusterlab.explorers.widgets_embeddedness import embeddedness_explorer

    widget = embeddedness_explorer()
    controls = _options(widget.controls)
    views: dict[str, str] = {}
    for factor in controls["factor"]:
        for period in controls["period"]:
            for test in controls["test"]:
                widget.factor.value, widget.period.value = factor[1], period[1]
                widget.test.value = test[1]
                views[f"{factor[1]}|{period[1]}|{test[1]}"] = widget.table_html
    data = {
        "controls": controls,
        "order": ["factor", "period", "test"],
        "parts": [{"on": ["factor", "period", "test"], "views": views}],
    }
    return ExplorerBlock("twin", ident, data, "The Table 2 explorer needs JavaScript.")


def breakdown_html(firms: pd.DataFrame, attribute: str, title: str) -> str:
    """The events 2006-2011 per category of ``attribute`` as an HTML table (the counts the
    paths widget's chart draws, :func:`clusterlab.charts.paths.dynamics_by`)."""
    from clusterlab.charts.paths import dynamics_by

    counts = dynamics_by(firms, attribute)
    wide = counts.pivot_table(
        index="label", columns="event_label", values="n", aggfunc="sum", sort=False
    )
    wide = wide[list(dict.fromkeys(counts.sort_values("order")["event_label"]))]
    wide.index.name, wide.columns.name = title, None
    table = str(wide.reset_index().to_html(index=False, classes="paths-breakdown", border=0))
    return (
        f"<p><b>Events 2006-2011 by {html.escape(title.lower())}</b> (number of firms)</p>" + table
    )


def paths_block(ident: str = "pax") -> ExplorerBlock:
    """Static twin of :func:`~clusterlab.explorers.paths_explorer`: the transition table, the
    firms of each path (both recorded from the widget) and, per breakdown attribute, the events
    2006-2011 by category (:func:`breakdown_html`). Data as in :func:`embeddedness_block`."""
    from clusterlab.explorers.widgets_paths import paths_explorer

    widget = paths_explorer()
    controls = _options(widget.controls)
    listing: dict[str, str] = {}
    for path in controls["path"]:
        widget.path.value = path[1]
        listing[path[1]] = widget.transitions_html + widget.firms_html
    breakdown = {a[1]: breakdown_html(widget.firms, a[1], a[0]) for a in controls["attribute"]}
    data = {
        "controls": controls,
        "order": ["attribute", "path"],
        "parts": [
            {"on": ["attribute"], "views": breakdown},
            {"on": ["path"], "views": listing},
        ],
    }
    return ExplorerBlock("twin", ident, data, "The paths explorer needs JavaScript.")
