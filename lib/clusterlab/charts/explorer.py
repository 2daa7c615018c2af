"""The static rough-set explorer: one Altair chart that answers the reader's clicks.

:func:`static_explorer_chart` takes the packed results of
:func:`clusterlab.explorer.precompute_all_subsets` (every subset of the toggleable condition
attributes) and draws them as a compound chart driven by one checkbox per attribute
(``alt.param(bind=alt.binding_checkbox())``). A ``calculate`` transform turns the checkboxes
into the subset key (bit i = attribute i), a ``filter`` picks that subset's record, and the
views unpack it in the browser:

* ``rsx_summary`` - quality of classification, core, number of rules (text lines);
* ``rsx_reducts`` - one line per reduct;
* ``rsx_rule_if`` / ``rsx_rule_then`` - the rules as two-line "cards" (conditions; decision,
  type and measures), rule ids looked up in the shared rule table (``lookup`` transform);
* ``rsx_firms`` - one tile per firm in the panel of its region (lower approximation of a
  class or boundary), coloured by the firm's own decision;
* ``rsx_regions`` - the same regions as text lines ("certainly global (9): F01, ...").

The view names become CSS classes of the SVG mark groups (``g.rsx_summary_marks``; inside a
layer Altair appends a number, e.g. ``rsx_rule_if_2_marks``), which the browser tests read.
No script but vega, vega-lite and vega-embed is needed; the chart is rendered as SVG
(``usermeta.embedOptions``) so the text is in the page's DOM.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import altair as alt
import pandas as pd

from clusterlab.charts.base import NETWORK_COLOURS, PALETTE, use_book_theme

__all__ = ["EXPLORER_PARAM_PREFIX", "explorer_param_name", "static_explorer_chart"]

#: Prefix of the checkbox parameters: ``rsx_<attribute>``.
EXPLORER_PARAM_PREFIX = "rsx_"
_WIDTH = 680
_TILE = 34
_PER_ROW = 4
_POSSIBLE = "(possible)"


def explorer_param_name(attribute: str) -> str:
    """Name of the checkbox parameter of one attribute (a valid JavaScript identifier)."""
    return EXPLORER_PARAM_PREFIX + "".join(c if c.isalnum() else "_" for c in attribute)


def _js(value: str) -> str:
    """A string literal for a Vega expression."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _class_colours(classes: Sequence[str], possible: bool = False) -> alt.Scale:
    """One colour per decision class (the book's global/local colours where they apply) and,
    with ``possible``, dark grey for possible rules."""
    if set(classes) <= set(NETWORK_COLOURS):
        colours = [NETWORK_COLOURS[c] for c in classes]
    else:
        colours = [PALETTE[i % len(PALETTE)] for i in range(len(classes))]
    if possible:
        return alt.Scale(domain=[*classes, _POSSIBLE], range=[*colours, "#555555"])
    return alt.Scale(domain=list(classes), range=colours)


def _text_lines(
    chart: alt.Chart,
    name: str,
    *,
    size: int = 13,
    bold: bool = False,
    width: int = _WIDTH,
    step: int = 20,
) -> alt.Chart:
    """Rows of ``line`` (ordered by ``row``) as left-aligned text: a plain-text block."""
    return (
        chart.mark_text(
            align="left",
            baseline="middle",
            fontSize=size,
            fontWeight="bold" if bold else "normal",
            color="#222",
        )
        .encode(x=alt.value(0), y=alt.Y("row:O", axis=None), text="line:N")
        .properties(name=name, width=width, height=alt.Step(step))
    )


def static_explorer_chart(
    export: Mapping[str, Any],
    *,
    initial: Sequence[str] | None = None,
    title: str | None = None,
) -> alt.VConcatChart:
    """The static explorer for a :func:`~clusterlab.explorer.precompute_all_subsets` export.

    ``initial`` lists the attributes whose checkboxes start ticked (default: all). The chart
    embeds the export once (three small tables shared by all views).
    """
    use_book_theme()
    attributes: list[str] = list(export["attributes"])
    classes: list[str] = list(export["classes"])
    decision: str = export["decision"]
    n: int = export["n"]
    ticked = set(attributes if initial is None else initial)
    unknown = ticked - set(attributes)
    if unknown:
        raise ValueError(f"initial attributes not in the export: {sorted(unknown)}")

    params = [
        alt.param(
            name=explorer_param_name(a), value=a in ticked, bind=alt.binding_checkbox(name=f"{a} ")
        )
        for a in attributes
    ]
    key = " + ".join(f"({explorer_param_name(a)} ? {1 << i} : 0)" for i, a in enumerate(attributes))
    subsets = pd.DataFrame(export["subsets"])
    rules = pd.DataFrame(export["rules"], columns=["i", "t", "d", "k", "s", "st", "ce", "co"])
    firms = pd.DataFrame(export["firms"])
    firms.insert(0, "n", range(1, len(firms) + 1))
    class_list = _list(classes)
    method = {"lem2": "LEM2", "minimal": "minimal"}.get(export.get("method", ""), "")

    current = (
        alt.Chart(subsets).transform_calculate(key=key).transform_filter("datum.k == datum.key")
    )

    summary = (
        current.transform_calculate(
            nrules="datum.u == '' ? 0 : length(split(datum.u, ' '))",
            text=(
                f"'Quality of classification: ' + format(datum.p / {n}, '.3f') + ' (' + datum.p"
                f" + ' of {n} firms in the positive region)'"
                " + '|Core: ' + (datum.c == '' ? '(empty)' : '{' + datum.c + '}')"
                " + '|Reducts: ' + length(split(datum.r, '|'))"
                f" + '|Rules ({method}): ' + datum.nrules"
            ),
            lines="split(datum.text, '|')",
        )
        .transform_flatten(["lines"], as_=["line"])
        .transform_window(row="row_number()")
    )
    summary_view = _text_lines(summary, "rsx_summary", size=14).properties(
        title=alt.Title(title or f"Explorer: decision {decision}", anchor="start")
    )

    reducts = (
        current.transform_calculate(lines="split(datum.r, '|')")
        .transform_flatten(["lines"], as_=["reduct"])
        .transform_window(row="row_number()")
        .transform_calculate(line="'{' + datum.reduct + '}'")
    )
    reducts_view = _text_lines(reducts, "rsx_reducts", step=18).properties(
        title=alt.Title("Reducts", fontSize=13, anchor="start")
    )

    rule_rows = (
        current.transform_calculate(ids="split(datum.u, ' ')")
        .transform_flatten(["ids"])
        .transform_filter("datum.ids != ''")
        .transform_window(row="row_number()")
        .transform_calculate(i="toNumber(datum.ids)")
        .transform_lookup(
            lookup="i", from_=alt.LookupData(rules, "i", ["t", "d", "k", "s", "st", "ce", "co"])
        )
        .transform_calculate(
            head="datum.row + '. IF ' + datum.t",
            tail=(
                f"'THEN {decision} = ' + datum.d + '   (' + datum.k + '; support ' + datum.s"
                " + ', strength ' + format(datum.st, '.2f') + ', certainty '"
                " + format(datum.ce, '.2f') + ', coverage ' + format(datum.co, '.2f') + ')'"
            ),
            tone=f"datum.k == 'possible' ? '{_POSSIBLE}' : datum.d",
        )
    )
    tips = [alt.Tooltip("head:N", title="Rule"), alt.Tooltip("tail:N", title="Then")]
    base_rule = rule_rows.encode(x=alt.value(0), y=alt.Y("row:O", axis=None), tooltip=tips)
    rule_if = (
        base_rule.mark_text(align="left", baseline="bottom", dy=-1, fontSize=12, color="#222")
        .encode(text="head:N")
        .properties(name="rsx_rule_if")
    )
    rule_then = (
        base_rule.mark_text(align="left", baseline="top", dy=1, dx=18, fontSize=12)
        .encode(
            text="tail:N",
            color=alt.Color("tone:N", scale=_class_colours(classes, possible=True), legend=None),
        )
        .properties(name="rsx_rule_then")
    )
    rules_view = alt.layer(rule_if, rule_then).properties(
        width=_WIDTH,
        height=alt.Step(40),
        title=alt.Title("Decision rules", fontSize=13, anchor="start"),
    )

    areas = [f"certainly {classes[0]}", "boundary", *[f"certainly {c}" for c in classes[1:]]]
    tiles = (
        current.transform_calculate(code="split(datum.g, '')")
        .transform_flatten(["code"])
        .transform_window(n="row_number()")
        .transform_lookup(lookup="n", from_=alt.LookupData(firms, "n", ["f", "d"]))
        .transform_calculate(
            area=(
                f"datum.code == 'b' ? 'boundary' : "
                f"'certainly ' + {class_list}[toNumber(datum.code)]"
            )
        )
        .transform_window(
            pos="row_number()", groupby=["area"], sort=[alt.SortField("d"), alt.SortField("f")]
        )
        .transform_calculate(
            col=f"(datum.pos - 1) % {_PER_ROW}", line=f"floor((datum.pos - 1) / {_PER_ROW})"
        )
    )
    tile_enc = dict(
        x=alt.X(
            "area:N",
            scale=alt.Scale(domain=areas),
            title=None,
            axis=alt.Axis(
                orient="top",
                labelFontSize=13,
                labelFontWeight="bold",
                ticks=False,
                domain=False,
                labelAngle=0,
            ),
        ),
        xOffset=alt.XOffset("col:O", scale=alt.Scale(domain=list(range(_PER_ROW)))),
        y=alt.Y("line:O", axis=None),
        tooltip=[
            alt.Tooltip("f:N", title="Firm"),
            alt.Tooltip("d:N", title=decision),
            alt.Tooltip("area:N", title="Region"),
        ],
    )
    rects = tiles.mark_rect(stroke="white", strokeWidth=2, cornerRadius=3).encode(
        color=alt.Color(
            "d:N",
            scale=_class_colours(classes),
            title=f"Firm's {decision}",
            legend=alt.Legend(orient="bottom"),
        ),
        **tile_enc,
    )
    labels = (
        tiles.mark_text(color="white", fontSize=11, fontWeight="bold")
        .encode(text="f:N", **tile_enc)
        .properties(name="rsx_firms")
    )
    firms_view = alt.layer(rects, labels).properties(
        width=_TILE * _PER_ROW * len(areas) + 24 * len(areas),
        height=alt.Step(26),
        title=alt.Title(
            "Firms by region",
            fontSize=13,
            anchor="start",
            subtitle="Lower approximations and the boundary of the chosen "
            "attributes; tile colour = the firm's own decision",
        ),
    )

    listing = (
        tiles.transform_aggregate(firms="values(f)", count="count()", groupby=["area"])
        .transform_calculate(
            order=f"indexof({_list(areas)}, datum.area)",
            line="datum.area + ' (' + datum.count + '): ' + join(pluck(datum.firms, 'f'), ', ')",
        )
        .transform_window(row="row_number()", sort=[alt.SortField("order")])
    )
    listing_view = _text_lines(listing, "rsx_regions", size=12, step=18)

    return (
        alt.vconcat(summary_view, reducts_view, rules_view, firms_view, listing_view, spacing=14)
        .add_params(*params)
        .resolve_scale(color="independent")
        .properties(usermeta={"embedOptions": {"renderer": "svg", "actions": False}})
    )


def _list(values: Sequence[str]) -> str:
    return "[" + ", ".join(_js(v) for v in values) + "]"
