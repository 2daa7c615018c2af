"""The computation behind the rough-set explorers (kernel widget and static page).

:func:`analyse_subset` runs the rough-set engine (:class:`clusterlab.roughsets.DecisionTable`)
on the firm table for one choice of condition attributes, decision attribute, rule method,
precision ``beta``, minimum rule support and firms left out, and returns everything an
explorer shows as plain JSON-ready data: quality of classification, core, reducts, rules with
their measures, and the region of every firm.

:func:`precompute_all_subsets` does the same for every subset of the toggleable attributes
(2^9 = 512 with the book's nine) and packs the results compactly for the static explorer: a
rule is stored once in a rule table and each subset lists the ids of its rules; the regions of
the firms are one short string per subset. :func:`expand_record` turns one packed record back
into the shape of :func:`analyse_subset`, so tests can compare the page's data with the engine.

Regions of a firm
-----------------
For the chosen attributes B every firm x lies in the (beta-)lower approximation of at most one
decision class (``lower_of``), or in none: then it is in the boundary. Relative to its *own*
decision class X its ``region`` is ``"lower"`` (x in B_*(X)), ``"boundary"`` (x in B^*(X) but
not in B_*(X)) or ``"outside"`` (x not in B^*(X): possible only with ``beta``, when the
majority of x's indiscernibility class has another decision). Left-out firms have region
``"left_out"``. ``area`` is the label of the chart panel a firm is drawn in: ``"certainly
global"`` (Pawlak) or ``"mostly global"`` (with ``beta``) for a lower approximation,
``"boundary"``, or ``"left out"``.

Which results ``beta`` changes
------------------------------
The engine implements Ziarko's beta for approximations and quality; its reducts, core and rules
are Pawlak's. With ``beta`` set, the explorer therefore reports the beta-quality and beta-regions
and, marked as such, the Pawlak core, reducts and rules (``"pawlak_only"`` in the result).

A subset without attributes cannot discern any firms: quality 0 (unless one decision class
holds every firm), the empty core, the single empty reduct, and no rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from clusterlab.columns import require_columns
from clusterlab.data import ARTICLE_CONDITIONS, DECISION, EXTRA_CONDITIONS
from clusterlab.roughsets import DecisionTable, Rule, UnknownAttributeError

__all__ = [
    "BOUNDARY",
    "DECISIONS",
    "ID_COLUMN",
    "LEFT_OUT",
    "METHODS",
    "TOGGLEABLE",
    "analyse_subset",
    "analyse_table",
    "area_label",
    "expand_record",
    "precompute_all_subsets",
    "rule_text",
    "subset_key",
    "subset_of_key",
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
ID_COLUMN = "firm_id"
BOUNDARY = "boundary"
LEFT_OUT = "left out"


def area_label(decision_value: Any, beta: float | None = None) -> str:
    """Panel label of a lower approximation: ``"certainly local"``, or ``"mostly local"``
    with a variable-precision ``beta``."""
    return f"{'certainly' if beta is None else 'mostly'} {decision_value}"


def rule_text(rule: Rule) -> str:
    """The condition part of a rule as ``a = v AND b = w`` (``TRUE`` for no conditions)."""
    return " AND ".join(f"{a} = {v}" for a, v in rule.conditions) or "TRUE"


def _rule_dict(rule: Rule) -> dict[str, Any]:
    out = rule.to_dict()
    out["text"] = str(rule)
    out["conditions_text"] = rule_text(rule)
    out["decision_text"] = " or ".join(map(str, rule.decisions))
    return out


def analyse_table(
    table: DecisionTable,
    *,
    beta: float | None = None,
    method: str = "lem2",
    min_support: int = 1,
    all_objects: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Analyse a decision table over all its conditions (see :func:`analyse_subset`).

    ``all_objects`` maps every object label of the full table to its decision value, so that
    objects missing from ``table`` (left out) still get a region (``"left_out"``); default:
    the objects of ``table``.
    """
    conditions = list(table.conditions)
    approx = table.approximations(beta=beta)
    classes = [str(v) for v in table.decision_values]
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
    for label in sorted(everyone, key=_natural):
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
            area = BOUNDARY if lower is None else area_label(lower, beta)
        regions.append(
            {"firm": label, "decision": decision, "region": region, "lower_of": lower, "area": area}
        )
    rules = (
        []
        if not conditions
        else [_rule_dict(r) for r in table.rules(method, min_support=min_support)]
    )
    positive = table.positive_region(beta=beta)
    return {
        "conditions": conditions,
        "decision": table.decision,
        "beta": beta,
        "method": method,
        "min_support": min_support,
        "left_out": sorted(set(everyone) - set(own), key=_natural),
        "n": table.n,
        "classes": classes,
        "quality": table.quality(beta=beta),
        "positive_region": list(positive),
        "core": list(table.core()),
        "reducts": [list(r) for r in table.reducts()],
        "pawlak_only": beta is not None,
        "approximations": {str(v): ap.to_dict() for v, ap in approx.items()},
        "rules": rules,
        "regions": regions,
    }


def _natural(label: str) -> tuple[Any, ...]:
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
    id_column: str = ID_COLUMN,
) -> dict[str, Any]:
    """Rough-set analysis of ``firms`` for the condition attributes ``conditions``.

    Parameters
    ----------
    firms:
        one row per object, with the id column, the conditions and the decision.
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

    Returns a JSON-ready dict: ``conditions, decision, beta, method, min_support, left_out, n,
    classes, quality, positive_region, core, reducts, pawlak_only, approximations`` (per decision
    class: lower, upper, boundary, outside, accuracy), ``rules`` (``Rule.to_dict()`` plus
    ``text``, ``conditions_text``, ``decision_text``) and ``regions`` (one dict per firm of
    ``firms``, see the module docstring). Engine errors (unknown attribute, bad beta, unknown
    firm, ...) propagate as :class:`clusterlab.roughsets.RoughSetError`.
    """
    conditions = list(conditions)
    require_columns(firms, [id_column, decision, *conditions], "the firm table")
    table = DecisionTable(firms, decision, conditions=conditions, id_column=id_column)
    everyone = {
        label: value for value, labels in table.decision_classes().items() for label in labels
    }
    leave = sorted(set(leave_out), key=_natural)
    if leave:
        table = table.drop_objects(leave)
    return analyse_table(
        table, beta=beta, method=method, min_support=min_support, all_objects=everyone
    )


# ---------------------------------------------------------------------------- static export


def subset_key(conditions: Iterable[str], attributes: Sequence[str] = TOGGLEABLE) -> int:
    """Bit mask of a subset: bit i is set when ``attributes[i]`` is among ``conditions``."""
    chosen = set(conditions)
    unknown = chosen - set(attributes)
    if unknown:
        raise UnknownAttributeError(f"not toggleable: {sorted(unknown)}")
    return sum(1 << i for i, a in enumerate(attributes) if a in chosen)


def subset_of_key(key: int, attributes: Sequence[str] = TOGGLEABLE) -> list[str]:
    """The attributes of a bit mask, in ``attributes`` order (inverse of :func:`subset_key`)."""
    if not 0 <= key < 1 << len(attributes):
        raise ValueError(f"key {key} out of range for {len(attributes)} attributes")
    return [a for i, a in enumerate(attributes) if key >> i & 1]


#: Region codes in the packed export: "b" = boundary, a digit = index of the decision class
#: whose lower approximation holds the firm.
_BOUNDARY_CODE = "b"


def precompute_all_subsets(
    firms: pd.DataFrame,
    attributes: Sequence[str] = TOGGLEABLE,
    decision: str = DECISION,
    *,
    method: str = "lem2",
    min_support: int = 1,
    id_column: str = ID_COLUMN,
) -> dict[str, Any]:
    """Analyse every subset of ``attributes`` (Pawlak's model) and pack the results.

    Returns ``{"attributes", "decision", "method", "n", "classes", "firms", "rules",
    "subsets"}``:

    * ``firms``: ``[{"f": id, "d": decision}]`` in id order - the order of the region strings;
    * ``rules``: the distinct rules of all subsets, ``{"i": id, "t": conditions text,
      "d": decision text, "k": "certain"|"possible", "s": support, "st": strength,
      "ce": certainty, "co": coverage}`` (measures rounded to 4 decimals); a rule's measures
      depend only on its conditions and decisions, so one entry serves every subset;
    * ``subsets``: one record per subset key (0 ... 2^m - 1, see :func:`subset_key`):
      ``{"k": key, "p": size of the positive region, "c": core as "a, b" ("" when empty),
      "r": reducts as "a, b|a, c" ("" for the single empty reduct), "u": rule ids in the
      engine's order, space separated, "g": one region code per firm}`` with region codes
      ``"b"`` (boundary) or the index of the decision class whose lower approximation holds
      the firm.

    Deterministic: the same table gives byte-identical JSON.
    """
    attributes = list(attributes)
    require_columns(firms, [id_column, decision, *attributes], "the firm table")
    full = DecisionTable(firms, decision, conditions=attributes, id_column=id_column)
    classes = [str(v) for v in full.decision_values]
    firm_rows = [
        {"f": label, "d": str(value)}
        for label in full.objects
        for value, labels in full.decision_classes().items()
        if label in labels
    ]
    rule_ids: dict[tuple[str, str, str], int] = {}
    rules: list[dict[str, Any]] = []
    subsets: list[dict[str, Any]] = []
    for key in range(1 << len(attributes)):
        chosen = subset_of_key(key, attributes)
        table = full.subset(chosen)
        result = analyse_table(table, method=method, min_support=min_support)
        ids = []
        for rule in result["rules"]:
            ident = (rule["conditions_text"], rule["decision_text"], rule["type"])
            if ident not in rule_ids:
                rule_ids[ident] = len(rules)
                rules.append(
                    {
                        "i": len(rules),
                        "t": ident[0],
                        "d": ident[1],
                        "k": ident[2],
                        "s": rule["support"],
                        "st": round(rule["strength"], 4),
                        "ce": round(rule["certainty"], 4),
                        "co": round(rule["coverage"], 4),
                    }
                )
            ids.append(str(rule_ids[ident]))
        codes = "".join(
            _BOUNDARY_CODE if r["lower_of"] is None else str(classes.index(r["lower_of"]))
            for r in result["regions"]
        )
        subsets.append(
            {
                "k": key,
                "p": len(result["positive_region"]),
                "c": ", ".join(result["core"]),
                "r": "|".join(", ".join(r) for r in result["reducts"]),
                "u": " ".join(ids),
                "g": codes,
            }
        )
    return {
        "attributes": attributes,
        "decision": decision,
        "method": method,
        "n": full.n,
        "classes": classes,
        "firms": firm_rows,
        "rules": rules,
        "subsets": subsets,
    }


def expand_record(export: Mapping[str, Any], key: int) -> dict[str, Any]:
    """One packed subset of :func:`precompute_all_subsets` in readable form.

    Returns ``{"conditions", "quality", "core", "reducts", "rules", "regions"}`` with
    ``rules`` as dicts ``{"conditions_text", "decision_text", "type", "support", "strength",
    "certainty", "coverage"}`` and ``regions`` as ``{firm: area label}`` (``"certainly <class>"``
    or ``"boundary"``).
    """
    record = export["subsets"][key]
    if record["k"] != key:
        raise ValueError(f"export is not indexed by key (record {key} has key {record['k']})")
    by_id = {r["i"]: r for r in export["rules"]}
    rules = []
    for i in record["u"].split():
        r = by_id[int(i)]
        rules.append(
            {
                "conditions_text": r["t"],
                "decision_text": r["d"],
                "type": r["k"],
                "support": r["s"],
                "strength": r["st"],
                "certainty": r["ce"],
                "coverage": r["co"],
            }
        )
    classes = export["classes"]
    regions = {}
    for firm, code in zip(export["firms"], record["g"], strict=True):
        regions[firm["f"]] = BOUNDARY if code == _BOUNDARY_CODE else area_label(classes[int(code)])
    return {
        "conditions": subset_of_key(key, export["attributes"]),
        "quality": record["p"] / export["n"],
        "core": record["c"].split(", ") if record["c"] else [],
        "reducts": [r.split(", ") if r else [] for r in record["r"].split("|")],
        "rules": rules,
        "regions": regions,
    }
