"""Tidy tables of rough-set results, for teaching (the book's chapter 3 and "own data" page).

The engine (:mod:`clusterlab.roughsets`) returns tuples of object labels, dicts and
:class:`~clusterlab.roughsets.Rule` objects; the helpers here turn them into small
:class:`pandas.DataFrame` s a reader can scan: one row per indiscernibility class, per decision
class, per attribute, per rule, per object. They compute nothing the engine does not define;
the one exception, :func:`loo_predictions`, repeats the engine's leave-one-out procedure object
by object so a reader can see *which* objects are misclassified.

Object labels are the engine's: the id column's values as ``str`` or, without an id column,
1-based row numbers (``"1"``, ``"2"``, ...).

Values are the table's codes; ``labels=True`` (where offered) writes them as the codebook's labels
and ``labels={column: {code: label}}`` with one's own (wording: :mod:`clusterlab.words`). To show a
table without the pandas index column and with labels, use :func:`clusterlab.words.show_table`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from string import ascii_uppercase
from typing import Any

import pandas as pd

from clusterlab.roughsets import DecisionTable, ReductStability, Rule
from clusterlab.words import (
    BOUNDARY,
    ValueLabels,
    attribute_name,
    column_title,
    join_labels,
    region_label,
    resolve_labels,
    set_text,
    value_label,
)

__all__ = [
    "BOUNDARY",
    "approximation_table",
    "attribute_codes",
    "classes_table",
    "condition_words",
    "discernibility_table",
    "join_labels",
    "loo_predictions",
    "object_decisions",
    "reduct_share_table",
    "region_order",
    "region_table",
    "rule_words",
    "rules_table",
    "significance_table",
    "stability_table",
    "stability_wide",
]


def _shown(dt: DecisionTable, value: Any, names: ValueLabels | None) -> str:
    """A decision value as a table shows it: its label (with ``names``) or its code."""
    return str(value) if names is None else value_label(dt.decision, value, names)


def object_decisions(dt: DecisionTable) -> dict[str, Any]:
    """Each object's decision value, ``{label: value}`` in label order."""
    out: dict[str, Any] = {}
    for value, labels in dt.decision_classes().items():
        for label in labels:
            out[label] = value
    return {label: out[label] for label in dt.objects}


def _indexed(data: pd.DataFrame, id_column: str | None) -> pd.DataFrame:
    """``data`` indexed by the engine's object labels."""
    if id_column is None:
        frame = data.reset_index(drop=True)
        frame.index = [str(i + 1) for i in range(len(frame))]
    else:
        frame = data.set_index(data[id_column].astype(str))
    return frame


def classes_table(
    dt: DecisionTable,
    data: pd.DataFrame,
    id_column: str | None = None,
    attributes: Sequence[str] | None = None,
    labels: bool | ValueLabels = False,
) -> pd.DataFrame:
    """One row per indiscernibility class of IND(B) (default B = all conditions of ``dt``).

    Columns: ``class`` (1, 2, ... in the engine's order), ``objects``, ``size``, the shared
    value of every attribute in B, ``decisions`` (e.g. ``"global 2, local 1"``; with
    ``labels`` the decision values' labels, ``"Mainly global 2, Mainly local 1"``) and
    ``consistent`` (True when the class has a single decision value). ``data`` is the frame
    ``dt`` was built from (``id_column`` as given to :class:`DecisionTable`).
    """
    names = resolve_labels(labels)
    attrs = list(dt.conditions if attributes is None else attributes)
    frame = _indexed(data, id_column)
    decisions = object_decisions(dt)
    rows = []
    for k, members in enumerate(dt.indiscernibility_classes(attrs), start=1):
        first = frame.loc[members[0]]
        counts: dict[Any, int] = {}
        for label in members:
            counts[decisions[label]] = counts.get(decisions[label], 0) + 1
        order = [v for v in dt.decision_values if v in counts]
        row: dict[str, Any] = {"class": k, "objects": join_labels(members), "size": len(members)}
        row.update({a: first[a] for a in attrs})
        row["decisions"] = ", ".join(f"{_shown(dt, v, names)} {counts[v]}" for v in order)
        row["consistent"] = len(counts) == 1
        rows.append(row)
    return pd.DataFrame(rows)


def approximation_table(
    dt: DecisionTable,
    attributes: Sequence[str] | None = None,
    beta: float | None = None,
    labels: bool | ValueLabels = False,
) -> pd.DataFrame:
    """One row per decision class: its objects, lower and upper approximation, boundary,
    their sizes and the accuracy ``|lower| / |upper|`` (Pawlak; Ziarko's VPRS with ``beta``)."""
    names = resolve_labels(labels)
    classes = dt.decision_classes()
    rows = []
    for value, approx in dt.approximations(attributes, beta=beta).items():
        rows.append(
            {
                "decision": value if names is None else _shown(dt, value, names),
                "objects": len(classes[value]),
                "lower": join_labels(approx.lower),
                "upper": join_labels(approx.upper),
                "boundary": join_labels(approx.boundary),
                "n_lower": len(approx.lower),
                "n_upper": len(approx.upper),
                "n_boundary": len(approx.boundary),
                "accuracy": approx.accuracy,
            }
        )
    return pd.DataFrame(rows)


def region_table(
    dt: DecisionTable,
    attributes: Sequence[str] | None = None,
    beta: float | None = None,
    certain_prefix: str = "certainly ",
    labels: bool | ValueLabels = False,
) -> pd.DataFrame:
    """One row per object: ``object``, its ``decision`` and its ``region``.

    The region is ``"certainly v"`` when the object lies in the (beta-)lower approximation of
    decision class v, else :data:`BOUNDARY`. (With ``beta`` < 1 an object can sit in the lower
    approximation of a class it does not belong to: the region names that class.) This is the
    input of :func:`clusterlab.charts.approximation_regions`. With ``labels`` decision values
    are written as labels (:func:`clusterlab.words.region_label`: ``"certainly mainly global"``).
    """
    names = resolve_labels(labels)
    decisions = object_decisions(dt)
    region = dict.fromkeys(dt.objects, BOUNDARY)
    for value, approx in dt.approximations(attributes, beta=beta).items():
        for label in approx.lower:
            region[label] = _region_name(dt, value, certain_prefix, names)
    return pd.DataFrame(
        {
            "object": list(dt.objects),
            "decision": [
                decisions[o] if names is None else _shown(dt, decisions[o], names)
                for o in dt.objects
            ],
            "region": [region[o] for o in dt.objects],
        }
    )


def _region_name(
    dt: DecisionTable, value: Any, certain_prefix: str, names: ValueLabels | None
) -> str:
    """The region of the lower approximation of decision class ``value`` (see
    :func:`region_table`)."""
    if names is None:
        return f"{certain_prefix}{value}"
    return region_label(_shown(dt, value, names), prefix=certain_prefix)


def region_order(
    dt: DecisionTable, certain_prefix: str = "certainly ", labels: bool | ValueLabels = False
) -> list[str]:
    """The regions of :func:`region_table` in reading order, for a chart's panels: the lower
    approximation of the first decision class, the :data:`BOUNDARY`, then the lower
    approximations of the other classes (in the table's order of decision values), so with
    two classes the boundary sits between them. Names as :func:`region_table` writes them."""
    names = resolve_labels(labels)
    lowers = [_region_name(dt, v, certain_prefix, names) for v in dt.decision_values]
    return [*lowers[:1], BOUNDARY, *lowers[1:]]


def significance_table(
    dt: DecisionTable, attributes: Sequence[str] | None = None, *, words: bool = False
) -> pd.DataFrame:
    """One row per attribute a of B: ``gamma_without`` (quality of B - {a}), ``significance``
    (gamma_B - gamma_{B-{a}}), ``in_core`` and ``in_some_reduct``; B's order is kept. With
    ``words`` the ``attribute`` column writes names as words (``export orientation``)."""
    attrs = list(dt.conditions if attributes is None else attributes)
    sig = dt.significance(attrs)
    core = set(dt.core(attrs))
    in_reducts = {a for r in dt.reducts(attrs) for a in r}
    rows = [
        {
            "attribute": attribute_name(a) if words else a,
            "gamma_without": dt.quality([b for b in attrs if b != a]),
            "significance": sig[a],
            "in_core": a in core,
            "in_some_reduct": a in in_reducts,
        }
        for a in attrs
    ]
    return pd.DataFrame(rows)


def attribute_codes(attributes: Sequence[str]) -> dict[str, str]:
    """Short codes A, B, C, ... for attributes (in the given order), for compact matrices."""
    if len(attributes) > len(ascii_uppercase):
        raise ValueError(f"{len(attributes)} attributes: at most 26 single-letter codes")
    return {a: ascii_uppercase[i] for i, a in enumerate(attributes)}


def discernibility_table(
    dt: DecisionTable,
    rows: Sequence[str] | None = None,
    columns: Sequence[str] | None = None,
    codes: Mapping[str, str] | None = None,
    all_pairs: bool = False,
    not_needed: str = "",
) -> pd.DataFrame:
    """A block of the decision-relative discernibility matrix as a readable frame.

    Cell (x, y) lists the codes of the attributes on which x and y differ (codes from
    ``codes``, default :func:`attribute_codes` of all conditions), for pairs that must be
    discerned (see :meth:`DecisionTable.discernibility_matrix`); ``not_needed`` for pairs that
    need not be discerned (same decision, or both outside the positive region) and ``"∅"`` for a
    pair that must be but cannot be discerned (only with ``all_pairs``). ``rows``/``columns``
    default to all objects.
    """
    codes = dict(attribute_codes(dt.conditions) if codes is None else codes)
    matrix = dt.discernibility_matrix(all_pairs=all_pairs)
    row_labels = list(dt.objects if rows is None else rows)
    col_labels = list(dt.objects if columns is None else columns)
    known = set(dt.objects)
    for label in [*row_labels, *col_labels]:
        if label not in known:
            raise KeyError(f"unknown object label {label!r}")
    order = {a: i for i, a in enumerate(dt.conditions)}

    def cell(x: str, y: str) -> str:
        entry = matrix.get((x, y), matrix.get((y, x)))
        if entry is None:
            return not_needed
        if not entry:
            return "∅"
        return "".join(codes[a] for a in sorted(entry, key=order.__getitem__))

    return pd.DataFrame(
        [[cell(x, y) for y in col_labels] for x in row_labels],
        index=row_labels,
        columns=col_labels,
    )


def condition_words(rule: Rule, names: ValueLabels | None) -> str:
    """The rule's conditions, ``legal status = Independent; corporate spin-off AND ...``
    (``TRUE`` without conditions): with ``names`` attribute names as words
    (:func:`clusterlab.words.attribute_name`) and values as their labels; without, in codes."""
    if names is None:
        return rule.condition_text()
    parts = [f"{attribute_name(a)} = {value_label(a, v, names)}" for a, v in rule.conditions]
    return " AND ".join(parts) or "TRUE"


def _rule_words(rule: Rule, names: ValueLabels | None) -> str:
    """``IF ... THEN d = w``; with ``names`` attribute words and labelled values."""
    if names is None:
        return rule.text()
    d = rule.decision_attribute
    then = " OR ".join(f"{attribute_name(d)} = {value_label(d, v, names)}" for v in rule.decisions)
    return f"IF {condition_words(rule, names)} THEN {then}"


def rule_words(rule: Rule, labels: bool | ValueLabels = True) -> str:
    """A rule as a reader reads it: ``IF legal status = Independent; corporate spin-off THEN
    network 2005 = Mainly global`` (attribute names as words, values as the codebook's labels;
    ``labels=False`` gives the rule's own text in codes, a mapping gives those labels)."""
    return _rule_words(rule, resolve_labels(labels))


_RULE_COLUMNS = [
    "kind",
    "conditions",
    "decision",
    "rule",
    "support",
    "strength",
    "certainty",
    "coverage",
    "objects",
]


def _split_rows(
    rule: Rule, dt: DecisionTable, names: ValueLabels | None
) -> list[dict[str, object]]:
    """One approximate row per decision value of a possible rule (see :func:`rules_table`)."""
    classes = dt.decision_classes()
    matched = round(rule.support / rule.certainty) if rule.certainty else 0
    rows: list[dict[str, object]] = []
    for value in rule.decisions:
        members = [o for o in rule.objects if o in set(classes[value])]
        rows.append(
            {
                "kind": rule.kind,
                "conditions": condition_words(rule, names),
                "decision": value
                if names is None
                else value_label(rule.decision_attribute, value, names),
                "rule": _rule_words(replace(rule, decisions=(value,)), names),
                "support": len(members),
                "strength": len(members) / dt.n,
                "certainty": len(members) / matched if matched else 0.0,
                "coverage": len(members) / len(classes[value]),
                "objects": join_labels(members),
            }
        )
    return rows


def rules_table(
    rules: Sequence[Rule],
    dt: DecisionTable | None = None,
    split_possible: bool = False,
    labels: bool | ValueLabels = False,
) -> pd.DataFrame:
    """One row per rule: ``kind``, ``conditions``, ``decision``, ``rule`` (full text),
    ``support``, ``strength``, ``certainty``, ``coverage``, ``objects`` (supporting objects).

    With ``split_possible=True`` (needs ``dt``, the table the rules came from) a possible rule
    ``IF T THEN d = v1 OR d = v2`` becomes one *approximate* row per value v, with Pawlak's
    measures for ``IF T THEN d = v``: support |[T] & X_v|, certainty |[T] & X_v| / |[T]|,
    coverage |[T] & X_v| / |X_v|; the row's kind is ``"possible"``. Without labels the texts
    are the rule's own (:meth:`Rule.text`); with ``labels`` (``True``: the codebook's) values
    show their labels and attribute names are written as words (``export orientation``).
    """
    names = resolve_labels(labels)
    if split_possible and dt is None:
        raise ValueError("split_possible=True needs the decision table the rules came from")
    rows: list[dict[str, object]] = []
    for rule in rules:
        if split_possible and rule.kind == "possible" and dt is not None:
            rows += _split_rows(rule, dt, names)
            continue
        rows.append(
            {
                "kind": rule.kind,
                "conditions": condition_words(rule, names),
                "decision": rule.decision_text(names),
                "rule": _rule_words(rule, names),
                "support": rule.support,
                "strength": rule.strength,
                "certainty": rule.certainty,
                "coverage": rule.coverage,
                "objects": join_labels(rule.objects),
            }
        )
    return pd.DataFrame(rows, columns=_RULE_COLUMNS)


def stability_table(
    results: Iterable[ReductStability],
    labels: Mapping[str, str] | None = None,
    *,
    attribute_titles: bool = False,
) -> pd.DataFrame:
    """Long table of attribute shares from one or more :class:`ReductStability` results.

    Columns: ``attribute``, ``method`` (``labels`` maps the engine's "bootstrap"/"loo" to
    display names; default "bootstrap" / "leave-one-out"), ``share`` (share of samples in which
    the attribute belongs to some reduct), ``core_share`` and ``n_samples``. With
    ``attribute_titles=True`` attributes show the codebook's column titles
    (:func:`clusterlab.words.column_title`; the code where the codebook has none).
    """
    names = {"bootstrap": "bootstrap", "loo": "leave-one-out", **(labels or {})}
    rows = []
    for result in results:
        for attribute, share in result.attribute_share.items():
            rows.append(
                {
                    "attribute": column_title(attribute) if attribute_titles else attribute,
                    "method": names.get(result.method, result.method),
                    "share": share,
                    "core_share": result.core_share[attribute],
                    "n_samples": result.n_samples,
                }
            )
    return pd.DataFrame(rows)


def stability_wide(results: Sequence[ReductStability]) -> pd.DataFrame:
    """One row per attribute (codebook title), one column per resampling method and measure:
    ``in a reduct (<method>)`` (share of samples in which the attribute belongs to some reduct)
    and ``in the core (<method>)``; attributes in the order of the first result."""
    long = stability_table(results, attribute_titles=True)
    methods = list(dict.fromkeys(long["method"]))
    wide = long.pivot(index="attribute", columns="method", values=["share", "core_share"])
    columns = {
        **{f"in a reduct ({m})": wide[("share", m)] for m in methods},
        **{f"in the core ({m})": wide[("core_share", m)] for m in methods},
    }
    order = list(dict.fromkeys(long["attribute"]))
    return pd.DataFrame(columns).reindex(order).rename_axis("attribute").reset_index()


def reduct_share_table(
    result: ReductStability, top: int | None = None, *, words: bool = False
) -> pd.DataFrame:
    """The reducts found under resampling with the share of samples in which each is a reduct
    (the engine's order: decreasing share), optionally only the ``top`` ones. With ``words``
    attribute names are written as words (``export orientation``), as labelled tables do."""
    items = list(result.reduct_share.items())
    if top is not None:
        items = items[:top]
    name = attribute_name if words else str
    return pd.DataFrame(
        {
            "reduct": [set_text((name(a) for a in r), "{} (empty)") for r, _ in items],
            "size": [len(r) for r, _ in items],
            "share": [s for _, s in items],
        }
    )


def loo_predictions(
    dt: DecisionTable,
    data: pd.DataFrame,
    id_column: str | None = None,
    method: str = "lem2",
) -> pd.DataFrame:
    """Leave-one-out, object by object: the rules are induced without the object and then
    classify it (the engine's voting, :meth:`DecisionTable.classify`).

    Columns ``object``, ``decision``, ``predicted`` (None when no rule fires) and ``correct``;
    the mean of ``correct`` equals :meth:`DecisionTable.loo_accuracy`.
    """
    frame = _indexed(data, id_column)
    decisions = object_decisions(dt)
    rows = []
    for label in dt.objects:
        train = dt.drop_objects([label])
        rules = train.rules(method)
        predicted = train.classify(rules, frame.loc[[label], list(dt.conditions)])[0]
        rows.append(
            {
                "object": label,
                "decision": decisions[label],
                "predicted": predicted,
                "correct": predicted == decisions[label],
            }
        )
    return pd.DataFrame(rows)
