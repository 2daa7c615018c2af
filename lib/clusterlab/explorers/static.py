"""The static rough-set explorer: one Altair chart that answers the reader's clicks, in the
built HTML book without a kernel.

:func:`static_roughset_explorer` precomputes every subset of the toggleable condition
attributes (:func:`clusterlab.explorers._packing.precompute_all_subsets`) and draws it with
:func:`static_explorer_chart`: a compound chart driven by one checkbox per attribute
(``alt.param(bind=alt.binding_checkbox())``). A ``calculate`` transform turns the checkboxes
into the subset key (bit i = attribute i), a ``filter`` picks that subset's record, and the
views unpack it in the browser with the packing's own expressions:

* ``rsx_summary`` - quality of classification, core, number of reducts and rules;
* ``rsx_reducts`` - the reducts;
* ``rsx_rule_if`` / ``rsx_rule_then`` - the rules as cards (conditions; conclusion, type and
  measures), rule ids looked up in the shared rule table (``lookup`` transform);
* ``rsx_firms`` - one tile per firm under the heading of its region (lower approximation of a
  class, or the boundary), coloured by the firm's own decision;
* ``rsx_regions`` - the same regions as text ("certainly mainly global (9): F01, ...").

**Narrow screens.** Every view is at most :data:`WIDTH` px wide and the regions are stacked, not
side by side; texts are wrapped in the page (a Vega ``replace`` with a regular expression) at
about :data:`WRAP` characters, so nothing runs off a 390 px phone screen.

**Any names.** Names and values never enter an expression: they travel as data (looked up by
index) and the parameter names are ``rsx_a<i>_<ascii letters of the name>``, unique by the
index. :func:`clusterlab.charts.to_html` escapes ``<``, ``>`` and ``&`` in the script block.

The view names become CSS classes of the SVG mark groups (``g.rsx_summary_marks``; inside a
layer Altair appends a number, e.g. ``rsx_rule_if_2_marks``), which the browser tests read.
The chart is rendered as SVG (``usermeta.embedOptions``), so its text is in the page's DOM.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import altair as alt
import pandas as pd

from clusterlab.charts._colours import colour_range
from clusterlab.charts.base import NETWORK_COLOURS, use_book_theme
from clusterlab.data import ARTICLE_CONDITIONS, DECISION
from clusterlab.explorers._packing import precompute_all_subsets, vega_class_index
from clusterlab.explorers.roughsets_analysis import ID_COLUMN, TOGGLEABLE
from clusterlab.words import BOUNDARY, ValueLabels

__all__ = [
    "WIDTH",
    "WRAP",
    "explorer_param_name",
    "explorer_param_names",
    "export_size",
    "static_explorer_chart",
    "static_roughset_explorer",
]

#: Prefix of the checkbox parameters.
EXPLORER_PARAM_PREFIX = "rsx_a"
#: Width of every view (px): fits a 390 px phone screen with the page's margins.
WIDTH = 320
#: Characters per wrapped text line (13 px text).
WRAP = 44
_TILE = 36
_PER_ROW = WIDTH // _TILE
_POSSIBLE = "(possible)"


def explorer_param_names(attributes: Sequence[str]) -> dict[str, str]:
    """The checkbox parameter of each attribute: ``rsx_a<i>_<name's ASCII letters and
    digits>``, a valid identifier, unique by the index ``i`` whatever the names."""
    return {
        a: f"{EXPLORER_PARAM_PREFIX}{i}_"
        + "".join(c if c.isascii() and c.isalnum() else "_" for c in a)
        for i, a in enumerate(attributes)
    }


def explorer_param_name(attribute: str, attributes: Sequence[str] = TOGGLEABLE) -> str:
    """The checkbox parameter of ``attribute`` among ``attributes`` (see
    :func:`explorer_param_names`)."""
    return explorer_param_names(attributes)[attribute]


def _wrap(expr: str, width: int = WRAP) -> str:
    """Vega expression: the lines of the text ``expr`` wrapped at ``width`` characters (an
    array; existing line breaks are kept, breaks fall on white space)."""
    pattern = f"regexp('(.{{1,{width}}})(?:\\\\s+|$)', 'g')"
    return f"split(trim(replace({expr}, {pattern}, '$1\\n')), '\\n')"


def _lines(chart: alt.Chart, expr: str, width: int = WRAP) -> alt.Chart:
    """One datum per wrapped line of ``expr``, numbered ``row`` in order."""
    return (
        chart.transform_calculate(lines=_wrap(expr, width))
        .transform_flatten(["lines"], as_=["line"])
        .transform_filter("datum.line != ''")
        .transform_window(row="row_number()")
    )


def _text_view(chart: alt.Chart, name: str, *, size: int = 13, step: int = 18) -> alt.Chart:
    """Rows of ``line`` (ordered by ``row``) as left-aligned text: a plain-text block."""
    view: alt.Chart = (
        chart.mark_text(align="left", baseline="middle", fontSize=size, color="#222")
        .encode(x=alt.value(0), y=alt.Y("row:O", axis=None), text="line:N")
        .properties(name=name, width=WIDTH, height=alt.Step(step))
    )
    return view


def _class_colours(classes: Sequence[str], labels: Sequence[str]) -> list[str]:
    """One colour per class (the book's network colours for ``global``/``local``), the
    palette cycling for any number of classes."""
    fixed: dict[str, str] = {}
    if set(classes) <= set(NETWORK_COLOURS):
        fixed = {lab: NETWORK_COLOURS[c] for c, lab in zip(classes, labels, strict=True)}
    return colour_range(list(labels), fixed)


def _tables(export: Mapping[str, Any]) -> dict[str, pd.DataFrame]:
    """The export's tables as frames (what the chart embeds, once each)."""
    classes = pd.DataFrame(
        {
            "ci": [*range(len(export["classes"])), -1],
            "area": [*export["areas"], BOUNDARY],
            "label": [*export["class_labels"], ""],
            # display order: the first class, the boundary, the other classes
            "o": [0, *range(2, len(export["classes"]) + 1), 1],
        }
    )
    firms = pd.DataFrame(export["firms"]).rename(columns={"d": "dc"})
    firms.insert(0, "n", range(1, len(firms) + 1))
    firms["dl"] = [export["class_labels"][i] for i in firms["dc"]]
    return {
        "subsets": pd.DataFrame(export["subsets"]),
        "rules": pd.DataFrame(
            export["rules"], columns=["i", "t", "h", "d", "c", "k", "s", "st", "ce", "co"]
        ),
        "texts": pd.DataFrame({"ti": range(len(export["texts"])), "x": export["texts"]}),
        "classes": classes,
        "firms": firms,
    }


def _summary_view(current: alt.Chart, n: int, method: str, title: str) -> alt.Chart:
    lines = (
        f"'Quality of classification: ' + format(datum.p / {int(n)}, '.3f') + '\\n(' + datum.p"
        f" + ' of {int(n)} firms in the positive region)\\nCore: ' + datum.x + '\\nReducts: '"
        f" + length(split(datum.r, ' ')) + '\\nRules ({method}): '"
        " + (datum.u == '' ? 0 : length(split(datum.u, ' ')))"
    )
    return _text_view(_lines(current, lines), "rsx_summary", size=14, step=19).properties(
        title=alt.Title(title, anchor="start", fontSize=14)
    )


def _reducts_view(current: alt.Chart, texts: pd.DataFrame) -> alt.Chart:
    reducts = (
        current.transform_calculate(ids="split(datum.r, ' ')")
        .transform_flatten(["ids"])
        .transform_calculate(ti="toNumber(datum.ids)")
        .transform_lookup(lookup="ti", from_=alt.LookupData(texts, "ti", ["x"]), as_=["rx"])
    )
    return _text_view(_lines(reducts, "datum.rx"), "rsx_reducts").properties(
        title=alt.Title("Reducts", fontSize=13, anchor="start")
    )


def _rules_view(
    current: alt.Chart, rules: pd.DataFrame, colours: alt.Scale
) -> alt.LayerChart | alt.FacetChart:
    head = "datum.rn + '. ' + datum.t"
    tail = (
        "datum.h + ' (' + datum.k + '; support ' + datum.s + ', strength '"
        " + format(datum.st, '.2f') + ', certainty ' + format(datum.ce, '.2f')"
        " + ', coverage ' + format(datum.co, '.2f') + ')'"
    )
    rows = (
        current.transform_calculate(ids="split(datum.u, ' ')")
        .transform_flatten(["ids"])
        .transform_filter("datum.ids != ''")
        .transform_window(rn="row_number()")
        .transform_calculate(i="toNumber(datum.ids)")
        .transform_lookup(
            lookup="i",
            from_=alt.LookupData(rules, "i", ["t", "h", "c", "k", "s", "st", "ce", "co"]),
        )
        .transform_calculate(head_lines=_wrap(head, WRAP + 4), tail_lines=_wrap(tail, WRAP + 2))
        .transform_calculate(
            nif="length(datum.head_lines)",
            lines="split(join(datum.head_lines, '\\n') + '\\n' + join(datum.tail_lines, '\\n'),"
            " '\\n')",
            tone=f"datum.k == 'possible' ? '{_POSSIBLE}' : datum.c",
        )
        .transform_flatten(["lines"], as_=["line"])
        .transform_filter("datum.line != ''")
        .transform_window(row="row_number()")
        .transform_window(j="row_number()", groupby=["rn"])
    )
    base = rows.encode(x=alt.value(0), y=alt.Y("row:O", axis=None))
    rule_if = (
        base.transform_filter("datum.j <= datum.nif")
        .mark_text(align="left", baseline="middle", fontSize=12, color="#222")
        .encode(text="line:N")
        .properties(name="rsx_rule_if")
    )
    rule_then = (
        base.transform_filter("datum.j > datum.nif")
        .mark_text(align="left", baseline="middle", dx=14, fontSize=12)
        .encode(text="line:N", color=alt.Color("tone:N", scale=colours, legend=None))
        .properties(name="rsx_rule_then")
    )
    return alt.layer(rule_if, rule_then).properties(
        width=WIDTH,
        height=alt.Step(17),
        title=alt.Title("Decision rules", fontSize=13, anchor="start"),
    )


def _firms_view(
    current: alt.Chart, tables: Mapping[str, pd.DataFrame], colours: alt.Scale, decision: str
) -> alt.LayerChart | alt.FacetChart:
    per_row = _PER_ROW
    tiles = (
        current.transform_calculate(code="split(datum.g, '')")
        .transform_flatten(["code"])
        .transform_window(n="row_number()")
        .transform_lookup(lookup="n", from_=alt.LookupData(tables["firms"], "n", ["f", "dl"]))
        .transform_calculate(ci=vega_class_index("datum.code"))
        .transform_lookup(lookup="ci", from_=alt.LookupData(tables["classes"], "ci", ["area", "o"]))
        .transform_window(
            pos="row_number()", groupby=["area"], sort=[alt.SortField("dl"), alt.SortField("n")]
        )
        .transform_joinaggregate(cnt="count()", groupby=["area"])
        .transform_calculate(
            nlines=f"ceil(datum.cnt / {per_row})",
            first=f"datum.pos == 1 ? ceil(datum.cnt / {per_row}) + 1 : 0",
        )
        .transform_window(
            cum="sum(first)",
            sort=[alt.SortField("o"), alt.SortField("pos")],
            frame=[None, 0],
        )
        .transform_calculate(
            top="datum.cum - datum.nlines - 1",
            row=f"datum.cum - datum.nlines + floor((datum.pos - 1) / {per_row})",
            col=f"(datum.pos - 1) % {per_row}",
            heading="datum.area + ' (' + datum.cnt + ')'",
        )
    )
    x = alt.X("col:O", axis=None, scale=alt.Scale(domain=list(range(per_row))))
    y = alt.Y("row:O", axis=None)
    tips = [
        alt.Tooltip("f:N", title="Firm"),
        alt.Tooltip("dl:N", title=decision),
        alt.Tooltip("area:N", title="Region"),
    ]
    rects = tiles.mark_rect(stroke="white", strokeWidth=2, cornerRadius=3).encode(
        x=x,
        y=y,
        tooltip=tips,
        color=alt.Color(
            "dl:N",
            scale=colours,
            title=f"Firm's {decision}",
            legend=alt.Legend(orient="bottom", columns=2, labelLimit=WIDTH // 2 - 30),
        ),
    )
    labels = (
        tiles.mark_text(color="white", fontSize=10, fontWeight="bold", limit=_TILE - 3)
        .encode(x=x, y=y, text="f:N", tooltip=tips)
        .properties(name="rsx_firms")
    )
    headings = (
        tiles.transform_filter("datum.pos == 1")
        .transform_calculate(row="datum.top")
        .mark_text(align="left", baseline="middle", fontSize=13, fontWeight="bold", color="#222")
        .encode(x=alt.value(0), y=y, text="heading:N")
        .properties(name="rsx_areas")
    )
    return alt.layer(rects, labels, headings).properties(
        width=WIDTH,
        height=alt.Step(24),
        title=alt.Title(
            "Firms by region",
            fontSize=13,
            anchor="start",
            subtitle=[
                "Lower approximations and the boundary;",
                "tile colour = the firm's own decision",
            ],
        ),
    )


def _listing_view(current: alt.Chart, tables: Mapping[str, pd.DataFrame]) -> alt.Chart:
    listing = (
        current.transform_calculate(code="split(datum.g, '')")
        .transform_flatten(["code"])
        .transform_window(n="row_number()")
        .transform_lookup(lookup="n", from_=alt.LookupData(tables["firms"], "n", ["f"]))
        .transform_calculate(ci=vega_class_index("datum.code"))
        .transform_lookup(lookup="ci", from_=alt.LookupData(tables["classes"], "ci", ["area", "o"]))
        .transform_aggregate(firms="values(f)", count="count()", groupby=["area", "o"])
        .transform_window(k="row_number()", sort=[alt.SortField("o")])
        .transform_calculate(
            text="datum.area + ' (' + datum.count + '): ' + join(pluck(datum.firms, 'f'), ', ')"
        )
        .transform_calculate(lines=_wrap("datum.text", WRAP + 4))
        .transform_flatten(["lines"], as_=["line"])
        .transform_filter("datum.line != ''")
        .transform_window(row="row_number()", sort=[alt.SortField("k")])
    )
    return _text_view(listing, "rsx_regions", size=12, step=17)


def static_explorer_chart(
    export: Mapping[str, Any],
    *,
    initial: Sequence[str] | None = None,
    title: str | None = None,
) -> alt.VConcatChart:
    """The static explorer for a :func:`~clusterlab.explorers._packing.precompute_all_subsets`
    export. ``initial`` lists the attributes whose checkboxes start ticked (default: all). The
    chart embeds the export once (small tables shared by all views)."""
    use_book_theme()
    attributes: list[str] = list(export["attributes"])
    decision: str = export["decision"]
    ticked = set(attributes if initial is None else initial)
    unknown = ticked - set(attributes)
    if unknown:
        raise ValueError(f"initial attributes not in the export: {sorted(unknown)}")
    names = explorer_param_names(attributes)
    params = [
        alt.param(name=names[a], value=a in ticked, bind=alt.binding_checkbox(name=f"{a} "))
        for a in attributes
    ]
    key = " + ".join(f"({names[a]} ? {1 << i} : 0)" for i, a in enumerate(attributes)) or "0"
    tables = _tables(export)
    labels = list(export["class_labels"])
    colours = _class_colours(export["classes"], labels)
    class_scale = alt.Scale(domain=labels, range=colours)
    tone_scale = alt.Scale(domain=[*labels, _POSSIBLE], range=[*colours, "#555555"])
    method = {"lem2": "LEM2", "minimal": "minimal"}.get(export.get("method", ""), "")
    current = (
        alt.Chart(tables["subsets"])
        .transform_calculate(key=key)
        .transform_filter("datum.k == datum.key")
        .transform_lookup(lookup="c", from_=alt.LookupData(tables["texts"], "ti", ["x"]))
    )
    views: list[alt.Chart | alt.LayerChart | alt.FacetChart] = [
        _summary_view(current, export["n"], method, title or f"Explorer: decision {decision}"),
        _reducts_view(current, tables["texts"]),
        _rules_view(current, tables["rules"], tone_scale),
        _firms_view(current, tables, class_scale, decision),
        _listing_view(current, tables),
    ]
    chart: alt.VConcatChart = (
        alt.vconcat(*views, spacing=14)
        .add_params(*params)
        .resolve_scale(color="independent")
        .properties(usermeta={"embedOptions": {"renderer": "svg", "actions": False}})
    )
    return chart


def static_roughset_explorer(
    firms: pd.DataFrame | None = None,
    *,
    attributes: Sequence[str] = TOGGLEABLE,
    initial: Sequence[str] | None = None,
    decision: str = DECISION,
    export: Mapping[str, Any] | None = None,
    id_column: str | None = ID_COLUMN,
    labels: bool | ValueLabels = True,
) -> alt.VConcatChart:
    """The static explorer chart (display it in a cell; it lives on in the HTML page).

    ``firms`` defaults to the book's firms; ``export`` reuses a precomputed
    :func:`~clusterlab.explorers._packing.precompute_all_subsets` result instead of computing
    one; ``id_column`` and ``labels`` as in
    :func:`~clusterlab.explorers.roughsets_analysis.analyse_subset`. ``initial``: the
    attributes ticked at first (default: the article's five for the book's nine attributes,
    else all).
    """
    if export is None:
        if firms is None:
            from clusterlab.data import load_firms

            firms = load_firms()
        export = precompute_all_subsets(
            firms, attributes, decision, id_column=id_column, labels=labels
        )
    if initial is None:
        book = list(export["attributes"]) == list(TOGGLEABLE)
        initial = ARTICLE_CONDITIONS if book else list(export["attributes"])
    return static_explorer_chart(export, initial=initial)


def export_size(chart: alt.TopLevelMixin) -> int:
    """Bytes of the chart's Vega-Lite specification as compact JSON (its data included):
    what the static explorer adds to its page, before the HTML wrapper."""
    return len(json.dumps(chart.to_dict(), separators=(",", ":")).encode())
