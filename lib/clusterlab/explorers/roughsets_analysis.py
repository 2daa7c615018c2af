"""The computation behind the rough-set explorers (kernel widget and static page).

:func:`analyse_subset` runs the rough-set engine (:class:`clusterlab.roughsets.DecisionTable`)
on a table of objects (the book's firms, or one's own data) for one choice of condition
attributes, decision attribute, rule method, precision ``beta``, minimum rule support and
objects left out, and returns everything an explorer shows as plain JSON-ready data: quality of
classification, core, reducts, rules with their measures, and the region of every object.
The static page's precomputation of every subset lives in :mod:`clusterlab.explorers._packing`.

Objects are named by the id column (``firm_id`` for the book's firms); a table without it is
analysed with 1-based row numbers as names (``"1"``, ``"2"``, ..., the engine's convention).

Regions of an object
--------------------
For the chosen attributes B every object x lies in the (beta-)lower approximation of at most
one decision class (``lower_of``), or in none: then it is in the boundary. Relative to its *own*
decision class X its ``region`` is ``"lower"`` (x in B_*(X)), ``"boundary"`` (x in B^*(X) but
not in B_*(X)) or ``"outside"`` (x not in B^*(X): possible only with ``beta``, when the
majority of x's indiscernibility class has another decision). Left-out objects have region
``"left_out"``. ``area`` is the label of the chart panel an object is drawn in, worded by
:func:`clusterlab.words.region_label`: ``"certainly mainly global"`` (Pawlak) or ``"mostly
mainly global"`` (with ``beta``) for a lower approximation, ``"boundary"``, or ``"left out"``.

Which results ``beta`` changes
------------------------------
The engine implements Ziarko's beta for approximations and quality; its reducts, core and rules
are Pawlak's. With ``beta`` set, the explorer therefore reports the beta-quality and beta-regions
and, marked as such, the Pawlak core, reducts and rules (``"pawlak_only"`` in the result).

A subset without attributes cannot discern any objects: quality 0 (unless one decision class
holds every object), the empty core, the single empty reduct, and no rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from clusterlab.columns import require_columns
from clusterlab.data import ARTICLE_CONDITIONS, DECISION, EXTRA_CONDITIONS
from clusterlab.roughsets import DecisionTable, Rule
from clusterlab.teaching import condition_words
from clusterlab.words import BOUNDARY, LEFT_OUT, ValueLabels, region_label, resolve_labels

__all__ = [
    "BOUNDARY",
    "DECISIONS",
    "ID_COLUMN",
    "LEFT_OUT",
    "METHODS",
    "TOGGLEABLE",
    "analyse_subset",
    "analyse_table",
    "natural_key",
    "resolve_id_column",
]

#: The condition attributes the explorers can switch on and off (article's five, then extras).
TOGGLEABLE: tuple[str, ...] = (*ARTICLE_CONDITIONS, *EXTRA_CONDITIONS)
#: Decision attributes the kernel explorer offers (the article's is the first).
DECISIONS: tuple[str, ...] = (DECISION, "network_change", "acquired_2006_2011")
#: Rule methods of the engine with their display names.
METHODS: dict[str, str] = {
    "lem2": "LEM2 (certain and possible rules)",
    "minimal": "All minimal certain rules",
}
#: The book's id column; a table without it is analysed with row numbers as object names.
ID_COLUMN = "firm_id"


def resolve_id_column(frame: pd.DataFrame, id_column: str | None = ID_COLUMN) -> str | None:
    """The id column to give the engine: ``id_column`` when ``frame`` has it, None (row numbers
    ``"1"``, ``"2"``, ...) when it is None or the default :data:`ID_COLUMN` is absent. A
    non-default id column that is missing is an error
    (:class:`~clusterlab.columns.MissingColumnError`)."""
    if id_column is None or (id_column == ID_COLUMN and id_column not in frame.columns):
        return None
    require_columns(frame, [id_column], "the table")
    return id_column


def _rule_dict(rule: Rule, labels: ValueLabels | None) -> dict[str, Any]:
    out = rule.to_dict()
    out["text"] = str(rule)
    out["conditions_text"] = condition_words(rule, labels)
    out["decision_text"] = rule.decision_text(labels)
    return out


def analyse_table(
    table: DecisionTable,
    *,
    beta: float | None = None,
    method: str = "lem2",
    min_support: int = 1,
    all_objects: Mapping[str, Any] | None = None,
    labels: bool | ValueLabels = True,
) -> dict[str, Any]:
    """Analyse a decision table over all its conditions (see :func:`analyse_subset`).

    ``all_objects`` maps every object label of the full table to its decision value, so that
    objects missing from ``table`` (left out) still get a region (``"left_out"``); default:
    the objects of ``table``.
    """
    names = resolve_labels(labels)
    conditions = list(table.conditions)
    approx = table.approximations(beta=beta)
    classes = [str(v) for v in table.decision_values]
    decision_names = (names or {}).get(table.decision, {})
    lower_of: dict[str, str] = {}
    upper_of: dict[str, set[str]] = {}
    for value, ap in approx.items():
        for label in ap.lower:
            lower_of[label] = str(value)
        for label in ap.upper:
            upper_of.setdefault(label, set()).add(str(value))
    own = {
        label: str(value) for value, labels in table.decision_classes().items() for label in labels
    }
    everyone = dict(own) if all_objects is None else {k: str(v) for k, v in all_objects.items()}
    regions = []
    for label in sorted(everyone, key=natural_key):
        decision = everyone[label]
        if label not in own:
            region, lower, area = "left_out", None, LEFT_OUT
        else:
            lower = lower_of.get(label)
            if lower == decision:
                region = "lower"
            elif decision in upper_of.get(label, ()):
                region = "boundary"
            else:
                region = "outside"
            area = (
                BOUNDARY if lower is None else region_label(decision_names.get(lower, lower), beta)
            )
        regions.append(
            {
                "firm": label,
                "decision": decision,
                "decision_label": decision_names.get(decision, decision),
                "region": region,
                "lower_of": lower,
                "area": area,
            }
        )
    rules = (
        []
        if not conditions
        else [_rule_dict(r, names) for r in table.rules(method, min_support=min_support)]
    )
    positive = table.positive_region(beta=beta)
    return {
        "conditions": conditions,
        "decision": table.decision,
        "beta": beta,
        "method": method,
        "min_support": min_support,
        "left_out": sorted(set(everyone) - set(own), key=natural_key),
        "n": table.n,
        "classes": classes,
        "class_labels": [decision_names.get(c, c) for c in classes],
        "quality": table.quality(beta=beta),
        "positive_region": list(positive),
        "core": list(table.core()),
        "reducts": [list(r) for r in table.reducts()],
        "pawlak_only": beta is not None,
        "approximations": {str(v): ap.to_dict() for v, ap in approx.items()},
        "rules": rules,
        "regions": regions,
    }


def natural_key(label: str) -> tuple[Any, ...]:
    """Natural sort key: ``F2`` before ``F10``."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", label))


def analyse_subset(
    firms: pd.DataFrame,
    conditions: Sequence[str],
    decision: str = DECISION,
    *,
    beta: float | None = None,
    method: str = "lem2",
    min_support: int = 1,
    leave_out: Iterable[str] = (),
    id_column: str | None = ID_COLUMN,
    labels: bool | ValueLabels = True,
) -> dict[str, Any]:
    """Rough-set analysis of ``firms`` for the condition attributes ``conditions``.

    Parameters
    ----------
    firms:
        one row per object, with the conditions, the decision and (optionally) the id column.
    conditions:
        condition attributes; their order is the order of reducts, core and rule conditions.
    decision:
        the decision attribute.
    beta:
        Ziarko's precision (0.5 < beta <= 1) or None for Pawlak's model.
    method:
        ``"lem2"`` (certain and possible rules) or ``"minimal"`` (all minimal certain rules).
    min_support:
        rules with a smaller support are left out.
    leave_out:
        object ids to drop before the analysis (their region is ``"left_out"``).
    id_column:
        the column naming the objects; without it (None, or the default ``firm_id`` absent)
        objects are named by their 1-based row number.
    labels:
        how rule texts and areas write values: True = the codebook's labels
        (:func:`clusterlab.words.value_labels`; codes it does not know stay codes), False = the
        codes, or a mapping ``{column: {code: label}}``.

    Returns a JSON-ready dict: ``conditions, decision, beta, method, min_support, left_out, n,
    classes, class_labels, quality, positive_region, core, reducts, pawlak_only,
    approximations`` (per decision class: lower, upper, boundary, outside, accuracy),
    ``rules`` (``Rule.to_dict()`` plus ``text`` in codes, ``conditions_text`` (with labels:
    attribute names as words, values as labels) and ``decision_text`` labelled) and
    ``regions`` (one dict per object of ``firms``, with ``decision_label``; see the module
    docstring). Engine errors (unknown attribute, bad beta, unknown firm, ...) propagate as
    :class:`clusterlab.roughsets.RoughSetError`.
    """
    conditions = list(conditions)
    id_column = resolve_id_column(firms, id_column)
    require_columns(firms, [decision, *conditions], "the table")
    table = DecisionTable(firms, decision, conditions=conditions, id_column=id_column)
    everyone = {
        label: value for value, labels in table.decision_classes().items() for label in labels
    }
    leave = sorted(set(leave_out), key=natural_key)
    if leave:
        table = table.drop_objects(leave)
    return analyse_table(
        table,
        beta=beta,
        method=method,
        min_support=min_support,
        all_objects=everyone,
        labels=labels,
    )
