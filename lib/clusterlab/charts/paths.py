"""Charts for the development-paths chapter (2005-2011).

``trajectory_stages`` turns the firm table into one row per firm with a readable category for
each stage of its trajectory: ownership in 2005, knowledge network in 2005, acquisition in
2006-2011, situation in 2011 (the path logic itself lives in :mod:`clusterlab.paths`; this
module only labels and draws). ``alluvial`` draws such stages as a firm-level alluvial
(Sankey-like) chart: every firm is one ribbon of unit width, coloured by its development path,
so the reader can hover over a single firm. ``trajectory_chart`` combines the two.

``dynamics_by`` sorts every firm into one 2006-2011 event (one of the three paths, an
acquisition without a path, or no change) and counts the events per category of an attribute
such as ``sector``; ``dynamics_bar`` draws those counts as stacked bars.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

import altair as alt
import numpy as np
import pandas as pd

from clusterlab import paths as P
from clusterlab.charts.base import PALETTE, describe, listing, use_book_theme
from clusterlab.columns import require_columns
from clusterlab.words import path_name, value_label

_ACQUISITIONS = ("not_acquired", "foreign", "domestic")

__all__ = [
    "EVENT_COLOURS",
    "EVENT_LABELS",
    "PATH_COLOURS",
    "PATH_NAMES",
    "STAGES",
    "alluvial",
    "dynamics_bar",
    "dynamics_by",
    "trajectory_chart",
    "trajectory_stages",
]

#: Legend names of the development paths (and of "no path"), in display order: the codebook's
#: labels, numbered (:func:`clusterlab.words.path_name`).
PATH_NAMES: dict[str, str] = {key: path_name(key) for key in (*P.PATHS, P.NO_PATH)}
#: One colour per path; firms on no path are grey.
PATH_COLOURS: dict[str, str] = {
    "local_to_global": PALETTE[0],
    "relocated_abroad": PALETTE[3],
    "acquired_integrated": PALETTE[4],
    P.NO_PATH: "#c4c4c4",
}

#: Ownership in 2005, derived from the first word of ``legal_status``.
_OWNERSHIP = {"independent": "Independent", "foreign_subsidiary": "Foreign subsidiary"}
_NETWORK = {code: value_label("network_2005", code) for code in P.NETWORKS}
_ACQUIRED = {code: value_label("acquired_2006_2011", code) for code in _ACQUISITIONS}
_SITUATION = P.SITUATION_LABELS

#: The stages of ``trajectory_stages``: (column, stage title, category order).
STAGES: list[tuple[str, str, list[str]]] = [
    ("ownership_2005", "Ownership 2005", list(_OWNERSHIP.values())),
    ("network_label_2005", "Network 2005", list(_NETWORK.values())),
    ("acquisition", "Acquisition 2006-2011", list(_ACQUIRED.values())),
    ("situation_label_2011", "Situation 2011", list(_SITUATION.values())),
]

#: Event of a firm in 2006-2011, one per firm, in display order.
EVENT_LABELS: dict[str, str] = {
    **{key: PATH_NAMES[key] for key in P.PATHS},
    "acquired_foreign_other": f"{value_label('acquired_2006_2011', 'foreign')}, no path",
    "acquired_domestic": value_label("acquired_2006_2011", "domestic"),
    "no_change": "No change",
}
EVENT_COLOURS: dict[str, str] = {
    "local_to_global": PATH_COLOURS["local_to_global"],
    "relocated_abroad": PATH_COLOURS["relocated_abroad"],
    "acquired_integrated": PATH_COLOURS["acquired_integrated"],
    "acquired_foreign_other": "#c2b5dc",
    "acquired_domestic": PALETTE[2],
    "no_change": "#dcdcdc",
}


def _ownership(legal_status: pd.Series) -> pd.Series:
    text = legal_status.astype(str)
    out = pd.Series(pd.NA, index=text.index, dtype=object)
    for prefix, label in _OWNERSHIP.items():
        out[text.str.startswith(prefix)] = label
    bad = sorted(set(text[out.isna()]))
    if bad:
        raise ValueError(f"legal_status codes without an ownership: {bad}")
    return out


def trajectory_stages(firms: pd.DataFrame) -> pd.DataFrame:
    """One row per firm (sorted by ``firm_id``; row numbers without it, see
    :func:`clusterlab.paths.with_firm_ids`) with a label for each stage in :data:`STAGES`.

    Columns: ``firm_id, sector, legal_status, path, path_name`` and the stage columns
    ``ownership_2005, network_label_2005, acquisition, situation_label_2011``. The path and the
    2011 situation come from :func:`clusterlab.paths.classify_paths` (which raises on a record
    whose path contradicts it).
    """
    require_columns(firms, ["sector", "legal_status", "acquired_2006_2011"], "the firm table")
    table = P.classify_paths(firms)
    ordered = P.with_firm_ids(firms)
    acquired = ordered["acquired_2006_2011"].astype(str)
    bad = sorted(set(acquired) - set(_ACQUIRED))
    if bad:
        raise ValueError(f"unknown acquired_2006_2011 codes: {bad}")
    return pd.DataFrame(
        {
            "firm_id": table["firm_id"],
            "sector": [value_label("sector", v) for v in ordered["sector"]],
            "legal_status": [value_label("legal_status", v) for v in ordered["legal_status"]],
            "path": table["path"],
            "path_name": table["path"].map(PATH_NAMES),
            "ownership_2005": _ownership(ordered["legal_status"]).to_numpy(),
            "network_label_2005": table["network_2005"].map(_NETWORK),
            "acquisition": acquired.map(_ACQUIRED).to_numpy(),
            "situation_label_2011": table["situation_2011"].map(_SITUATION),
        }
    )


def _smoothstep(t: np.ndarray) -> np.ndarray:
    smooth: np.ndarray = t * t * (3 - 2 * t)
    return smooth


def _check_alluvial(
    frame: pd.DataFrame,
    stages: Sequence[tuple[str, str, Sequence[str]]],
    colour: str,
    colour_order: Sequence[str],
    colours: Sequence[str],
    tooltip: Sequence[tuple[str, str]],
    id_column: str,
) -> dict[str, pd.Series]:
    """Check :func:`alluvial`'s input; return each stage column's category ranks."""
    if len(stages) < 2:
        raise ValueError("an alluvial chart needs at least two stages")
    require_columns(
        frame, [id_column, colour, *(s[0] for s in stages), *(c for c, _ in tooltip)], "the frame"
    )
    if len(colours) != len(colour_order):
        raise ValueError("colours and colour_order differ in length")
    bad = sorted(set(frame[colour].astype(str)) - set(colour_order))
    if bad:
        raise ValueError(f"{colour} values not in colour_order: {bad}")
    rank = {}
    for col, _, order in stages:
        bad = sorted(set(frame[col].astype(str)) - set(order))
        if bad:
            raise ValueError(f"{col} values not in the stage's categories: {bad}")
        rank[col] = frame[col].astype(str).map({c: i for i, c in enumerate(order)})
    return rank


def _stack(keys: Sequence[np.ndarray], gap: float) -> tuple[np.ndarray, float]:
    """Top edge of every row when rows are stacked in ``keys`` order (the first key is the
    category; a ``gap`` between categories); and the total height."""
    n = len(keys[0])
    top = np.empty(n)
    y = 0.0
    previous = None
    for idx in np.lexsort(tuple(reversed(keys))):
        cat = int(keys[0][idx])
        if previous is not None and cat != previous:
            y += gap
        top[idx] = y
        y += 1.0
        previous = cat
    return top, y


def _stage_layout(
    frame: pd.DataFrame,
    stages: Sequence[tuple[str, str, Sequence[str]]],
    rank: Mapping[str, pd.Series],
    id_column: str,
    gap: float,
) -> tuple[dict[str, np.ndarray], dict[str, float], pd.DataFrame, float]:
    """Vertical positions: each row's top edge at each stage (in firm units from the top), the
    shift that centres each stage, the node bars and the total height."""
    cols = [s[0] for s in stages]
    ids = frame[id_column].astype(str).to_numpy()
    tops: dict[str, np.ndarray] = {}
    nodes = []
    totals = []
    for s, (col, _, order) in enumerate(stages):
        keys = [rank[col].to_numpy()]
        if s > 0:
            keys.append(tops[cols[s - 1]])
        else:
            keys.extend(rank[c].to_numpy() for c in cols[1:])
        tops[col], height = _stack([*keys, ids], gap)
        totals.append(height)
        for cat_i, cat in enumerate(order):
            members = tops[col][rank[col].to_numpy() == cat_i]
            if len(members):
                nodes.append(
                    {
                        "stage": s,
                        "category": cat,
                        "n": len(members),
                        "label": f"{cat} ({len(members)})",
                        "top": members.min(),
                        "bottom": members.max() + 1.0,
                    }
                )
    total = max(totals)
    shift = {col: (total - t) / 2 for col, t in zip(cols, totals, strict=True)}
    node_frame = pd.DataFrame(nodes)
    node_frame["top"] += node_frame["stage"].map(lambda s: shift[cols[s]])
    node_frame["bottom"] += node_frame["stage"].map(lambda s: shift[cols[s]])
    return tops, shift, node_frame, total


def _ribbons(
    data: pd.DataFrame,
    cols: Sequence[str],
    extra: Sequence[str],
    tops: Mapping[str, np.ndarray],
    shift: Mapping[str, float],
    *,
    colour: str,
    id_column: str,
    node_width: float,
    samples: int,
) -> pd.DataFrame:
    """The ribbon polygons: ``samples`` points per row and pair of neighbouring stages."""
    pad = 0.06  # a thin white seam between ribbons
    t = np.linspace(0.0, 1.0, samples)
    smooth = _smoothstep(t)
    rows = []
    for s in range(len(cols) - 1):
        a, b = cols[s], cols[s + 1]
        x0, x1 = s + node_width / 2, s + 1 - node_width / 2
        for i in range(len(data)):
            y0 = tops[a][i] + shift[a]
            y1 = tops[b][i] + shift[b]
            base = {
                id_column: str(data.at[i, id_column]),
                "colour_value": str(data.at[i, colour]),
                "ribbon": f"{data.at[i, id_column]}-{s}",
                **{c: str(data.at[i, c]) for c in [*cols, *extra]},
            }
            for tt, ss in zip(t, smooth, strict=True):
                y = y0 + (y1 - y0) * ss
                rows.append({**base, "x": x0 + (x1 - x0) * tt, "y": y + pad, "y2": y + 1 - pad})
    return pd.DataFrame(rows)


def alluvial(
    frame: pd.DataFrame,
    stages: Sequence[tuple[str, str, Sequence[str]]],
    *,
    colour: str,
    colour_order: Sequence[str],
    colours: Sequence[str],
    colour_title: str,
    tooltip: Sequence[tuple[str, str]] = (),
    id_column: str = "firm_id",
    title: str,
    subtitle: str | None = None,
    width: int = 680,
    height: int = 400,
    label_room: tuple[float, float] = (0.85, 1.1),
    gap: float = 2.0,
    node_width: float = 0.07,
    samples: int = 24,
) -> alt.LayerChart | alt.FacetChart:
    """Firm-level alluvial chart: one unit-wide ribbon per row of ``frame`` across ``stages``.

    ``stages`` lists ``(column, stage title, category order)``; each stage is a column of
    node bars (one per category with at least one row, labelled with its count: left of the
    first stage, right of the last, above the others; ``label_room`` is the room, in stage
    widths, left and right of the outer stages), and each row
    is a ribbon from node to node, coloured by ``colour`` (domain ``colour_order``, range
    ``colours``). Within a node, rows are ordered to keep ribbons from crossing. ``tooltip``
    lists extra ``(column, title)`` pairs shown on hover, after the id and the stage values.
    Raises ``KeyError`` for missing columns and ``ValueError`` for values outside a stage's
    category order or a colour outside ``colour_order``.
    """
    use_book_theme()
    rank = _check_alluvial(frame, stages, colour, colour_order, colours, tooltip, id_column)
    cols = [s[0] for s in stages]
    tops, shift, node_frame, total = _stage_layout(frame, stages, rank, id_column, gap)
    node_frame["x"] = node_frame["stage"] - node_width / 2
    node_frame["x2"] = node_frame["stage"] + node_width / 2
    node_frame["stage_title"] = node_frame["stage"].map(lambda s: stages[s][1])
    node_frame["label_y"] = node_frame["top"] - 0.35
    ribbons = _ribbons(
        frame.reset_index(drop=True),
        cols,
        [c for c, _ in tooltip],
        tops,
        shift,
        colour=colour,
        id_column=id_column,
        node_width=node_width,
        samples=samples,
    )

    x_scale = alt.Scale(domain=[-label_room[0], len(stages) - 1 + label_room[1]])
    y_scale = alt.Scale(domain=[total + 0.5, -3.2])
    no_axis_x = alt.X("x:Q", scale=x_scale, axis=None)
    colour_enc = alt.Color(
        "colour_value:N",
        title=colour_title,
        scale=alt.Scale(domain=list(colour_order), range=list(colours)),
        legend=alt.Legend(orient="bottom", columns=2, labelLimit=320),
    )
    tips = [alt.Tooltip(f"{id_column}:N", title="Firm")]
    tips += [alt.Tooltip(f"{c}:N", title=st) for c, st, _ in stages]
    tips += [alt.Tooltip(f"{c}:N", title=tt) for c, tt in tooltip]
    tips.append(alt.Tooltip("colour_value:N", title=colour_title))

    ribbon_layer = (
        alt.Chart(ribbons)
        .mark_area(opacity=0.8, interpolate="linear")
        .encode(
            x=no_axis_x,
            y=alt.Y("y:Q", scale=y_scale, axis=None),
            y2="y2:Q",
            color=colour_enc,
            detail="ribbon:N",
            tooltip=tips,
        )
    )
    node_layer = (
        alt.Chart(node_frame)
        .mark_rect(color="#3d3d3d")
        .encode(
            x=alt.X("x:Q", scale=x_scale, axis=None),
            x2="x2:Q",
            y=alt.Y("top:Q", scale=y_scale, axis=None),
            y2="bottom:Q",
            tooltip=[
                alt.Tooltip("stage_title:N", title="Stage"),
                alt.Tooltip("category:N", title="Category"),
                alt.Tooltip("n:Q", title="Firms"),
            ],
        )
    )
    # Labels: left of the first stage's nodes, right of the last stage's, above the others
    # (ribbons leave a node horizontally, so these spots stay clear of them).
    last = len(stages) - 1
    node_frame["label_x"] = node_frame["stage"].astype(float)
    node_frame.loc[node_frame["stage"] == 0, "label_x"] = -node_width / 2 - 0.03
    node_frame.loc[node_frame["stage"] == last, "label_x"] = last + node_width / 2 + 0.03
    node_frame["mid_y"] = (node_frame["top"] + node_frame["bottom"]) / 2
    node_frame["side_label"] = (
        node_frame["category"]
        + "\n"
        + node_frame["n"].map(lambda k: f"{k} firm" if k == 1 else f"{k} firms")
    )

    def _labels(
        rows: pd.DataFrame,
        align: Literal["left", "center", "right"],
        y: str,
        text: str,
        baseline: Literal["middle", "bottom"],
    ) -> alt.Chart:
        chart: alt.Chart = (
            alt.Chart(rows)
            .mark_text(fontSize=11, align=align, baseline=baseline, color="#222", lineBreak="\n")
            .encode(
                x=alt.X("label_x:Q", scale=x_scale, axis=None),
                y=alt.Y(f"{y}:Q", scale=y_scale, axis=None),
                text=f"{text}:N",
            )
        )
        return chart

    stage_no = node_frame["stage"]
    label_layers = [
        _labels(node_frame[stage_no == 0], "right", "mid_y", "side_label", "middle"),
        _labels(
            node_frame[(stage_no > 0) & (stage_no < last)], "center", "label_y", "label", "bottom"
        ),
        _labels(node_frame[stage_no == last], "left", "mid_y", "side_label", "middle"),
    ]
    heads = pd.DataFrame({"stage": range(len(stages)), "head": [s[1] for s in stages], "y": -2.0})
    head_layer = (
        alt.Chart(heads)
        .mark_text(fontSize=12, fontWeight="bold", baseline="bottom", color="#222")
        .encode(
            x=alt.X("stage:Q", scale=x_scale, axis=None),
            y=alt.Y("y:Q", scale=y_scale, axis=None),
            text="head:N",
        )
    )
    chart = alt.layer(ribbon_layer, node_layer, *label_layers, head_layer).properties(
        width=width, height=height, title=alt.Title(title, subtitle=subtitle or alt.Undefined)
    )
    nodes_text = listing(
        (f"{node['stage_title']}, {node['category']}", node["n"])
        for node in node_frame.to_dict("records")
    )
    ribbons_text = listing(
        (cat, int((frame[colour].astype(str) == cat).sum())) for cat in colour_order
    )
    return describe(
        chart,
        "Alluvial chart",
        title,
        f"Each of the {len(frame)} rows is one ribbon through the stages "
        f"{', '.join(s[1] for s in stages)}. Rows per stage and category: {nodes_text}. "
        f"Ribbons by {colour_title}: {ribbons_text}.",
    )


def trajectory_chart(
    firms: pd.DataFrame,
    *,
    title: str = "Trajectories of the firms, 2005-2011",
    subtitle: str | None = None,
    **kwargs: object,
) -> alt.LayerChart | alt.FacetChart:
    """The firms' trajectories (:func:`trajectory_stages`) as an alluvial chart coloured by
    development path; hover over a ribbon for the firm, its sector and its legal status."""
    stages = trajectory_stages(firms)
    present = [k for k in PATH_NAMES if k in set(stages["path"])]
    return alluvial(
        stages,
        STAGES,
        colour="path_name",
        colour_order=[PATH_NAMES[k] for k in present],
        colours=[PATH_COLOURS[k] for k in present],
        colour_title="Development path",
        tooltip=[("sector", "Sector"), ("legal_status", "Legal status 2005")],
        title=title,
        subtitle=subtitle,
        **kwargs,  # type: ignore[arg-type]
    )


def _events(firms: pd.DataFrame) -> pd.Series:
    """Each firm's 2006-2011 event (a key of :data:`EVENT_LABELS`), sorted by ``firm_id``."""
    table = P.classify_paths(firms)
    acquired = P.with_firm_ids(firms)["acquired_2006_2011"].astype(str).to_numpy()
    events = []
    for path, acq in zip(table["path"], acquired, strict=True):
        if path != P.NO_PATH:
            events.append(path)
        elif acq == "foreign":
            events.append("acquired_foreign_other")
        elif acq == "domestic":
            events.append("acquired_domestic")
        else:
            events.append("no_change")
    return pd.Series(events, index=table["firm_id"], name="event")


def dynamics_by(
    firms: pd.DataFrame,
    attribute: str,
    categories: Sequence[str] | None = None,
    labels: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Count the firms' 2006-2011 events per value of ``attribute``, zeros included.

    Every firm has one event: its development path if it has one, else ``acquired_foreign_
    other`` or ``acquired_domestic`` if it was acquired, else ``no_change``. Columns:
    ``<attribute>, label, event, event_label, order, n``; ``label`` is ``labels[value]``
    (else the codebook's label, see :func:`clusterlab.words.value_label`). Values in
    ``categories`` order when given, else sorted.
    """
    require_columns(firms, [attribute, "acquired_2006_2011"], "the firm table")
    events = _events(firms)
    values = P.with_firm_ids(firms)[attribute].astype(str).to_numpy()
    order = list(categories) if categories is not None else sorted(set(values))
    rows = []
    for value in order:
        label = (labels or {}).get(value) or value_label(attribute, value)
        for i, (key, name) in enumerate(EVENT_LABELS.items()):
            n = int(((values == value) & (events.to_numpy() == key)).sum())
            rows.append(
                {
                    attribute: value,
                    "label": label,
                    "event": key,
                    "event_label": name,
                    "order": i,
                    "n": n,
                }
            )
    return pd.DataFrame(rows)


def dynamics_bar(
    counts: pd.DataFrame,
    *,
    title: str,
    category_title: str,
    subtitle: str | None = None,
) -> alt.Chart:
    """Stacked horizontal bars of 2006-2011 events per category (output of
    :func:`dynamics_by`); the firms without change are drawn last, in light grey."""
    use_book_theme()
    require_columns(counts, ["label", "event", "event_label", "order", "n"], "the frame")
    shown = counts[counts["n"] > 0]
    chart: alt.Chart = (
        alt.Chart(shown, title=alt.Title(title, subtitle=subtitle or alt.Undefined))
        .mark_bar(stroke="white", strokeWidth=1)
        .encode(
            y=alt.Y("label:N", title=category_title, sort=list(dict.fromkeys(counts["label"]))),
            x=alt.X("sum(n):Q", title="Number of firms", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "event_label:N",
                title="2006-2011",
                scale=alt.Scale(
                    domain=list(EVENT_LABELS.values()), range=list(EVENT_COLOURS.values())
                ),
                legend=alt.Legend(orient="bottom", columns=2, labelLimit=320),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("label:N", title=category_title),
                alt.Tooltip("event_label:N", title="Event 2006-2011"),
                alt.Tooltip("n:Q", title="Firms"),
            ],
        )
        .properties(width=520, height=alt.Step(30))
    )
    events = listing(
        (f"{c}, {e}", n)
        for c, e, n in zip(shown["label"], shown["event_label"], shown["n"], strict=True)
    )
    return describe(
        chart, "Stacked bar chart", title, f"Firms per {category_title} and event: {events}."
    )
