"""The packed format of the static rough-set explorer, defined once (Python and the page).

:func:`precompute_all_subsets` analyses every subset of the toggleable attributes (Pawlak's
model, one rule method) and packs the results; :func:`unpack_result` turns one packed subset back
into the result JSON of ``clusterlab analyse --json`` (the schema
``clusterlab/schemas/analysis.schema.json``), and the page's ``clusterlab-render.js``
(``clusterlab.unpack``) does the same in JavaScript, so precomputed and live results reach the
same renderer in the same form.

The format (``"format": 3``):

* ``attributes`` (bit i of a subset key is ``attributes[i]``, see :func:`subset_key`),
  ``decision``, ``method``, ``min_support``, ``source`` (the CLI's ``source`` object);
* ``objects``: object labels in the engine's (natural) order; ``values``: the decision values
  in the engine's order; ``d``: the index in ``values`` of each object's decision;
* ``rules``: the distinct rules of all subsets, each exactly as the CLI writes a rule
  (``if, then, type, support, strength, certainty, coverage, objects``) and stored once (a
  rule's measures depend only on its conditions and decision);
* ``subsets``: one record per key (0 ... 2^m - 1), ``{"i": indiscernibility class number of each
  object (classes numbered by their first object), "c": core as a key, "r": the reducts as keys
  (engine order), "u": the ids of the subset's rules (engine order)}``.

Everything else is derived, in Python and in the page, by Pawlak's definitions: the lower
approximation of a decision class X is the union of the indiscernibility classes inside X, the
upper one the union of those meeting X, the boundary their difference, accuracy |lower| /
|upper|, the positive region the union of the lower approximations, quality |POS| / n, and the
significance of a in B is gamma_B - gamma_(B - {a}), read from the record of B - {a}.

At most :data:`MAX_ATTRIBUTES` attributes (2^12 = 4,096 analyses) and :data:`MAX_CLASSES`
decision classes; more are refused with a message. Deterministic: the same table gives
byte-identical JSON.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from clusterlab.columns import require_columns
from clusterlab.data import DECISION
from clusterlab.explorers.roughsets_analysis import (
    ID_COLUMN,
    TOGGLEABLE,
    resolve_id_column,
)
from clusterlab.roughsets import DecisionTable, UnknownAttributeError

__all__ = [
    "FORMAT",
    "MAX_ATTRIBUTES",
    "MAX_CLASSES",
    "NOT_PRECOMPUTED",
    "PackingLimitError",
    "precompute_all_subsets",
    "subset_key",
    "subset_of_key",
    "unpack_result",
]

FORMAT = 3
#: Decision classes a packed table may have.
MAX_CLASSES = 62
#: Every subset is analysed and shipped: 2^12 = 4,096 analyses at most.
MAX_ATTRIBUTES = 12
#: ``loo_skipped`` of an unpacked result: leave-one-out accuracy is not precomputed.
NOT_PRECOMPUTED = "not precomputed for the static page"


class PackingLimitError(ValueError):
    """The table has more attributes or decision classes than the static page can ship."""


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


def _check_limits(attributes: Sequence[str], table: DecisionTable) -> None:
    if len(attributes) > MAX_ATTRIBUTES:
        raise PackingLimitError(
            f"the static explorer precomputes every subset of its attributes: "
            f"{len(attributes)} attributes would be {2 ** len(attributes):,} analyses, at most "
            f"{MAX_ATTRIBUTES} ({2**MAX_ATTRIBUTES:,}) can ship in a page; choose fewer "
            "attributes (attributes=...) or use the live explorer"
        )
    if len(table.decision_values) > MAX_CLASSES:
        raise PackingLimitError(
            f"decision {table.decision!r} has {len(table.decision_values)} classes; the static "
            f"explorer ships at most {MAX_CLASSES}: group the values or use the live explorer"
        )


class _RuleTable:
    """The distinct rules of all subsets (CLI form), each stored once with its id."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.rows: list[dict[str, Any]] = []

    def id_of(self, rule: dict[str, Any]) -> int:
        ident = repr(sorted(rule.items()))
        if ident not in self.ids:
            self.ids[ident] = len(self.rows)
            self.rows.append(rule)
        return self.ids[ident]


def precompute_all_subsets(
    firms: pd.DataFrame,
    attributes: Sequence[str] = TOGGLEABLE,
    decision: str = DECISION,
    *,
    method: str = "lem2",
    min_support: int = 1,
    id_column: str | None = ID_COLUMN,
    source: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Analyse every subset of ``attributes`` (Pawlak's model) and pack the results in the
    format of the module docstring. ``id_column`` as in
    :func:`~clusterlab.explorers.roughsets_analysis.analyse_subset`; ``source`` is the CLI's
    ``source`` object of the unpacked results (default: the table as ``data/firms.csv``).

    Raises :class:`PackingLimitError` for more than :data:`MAX_ATTRIBUTES` attributes or
    :data:`MAX_CLASSES` decision classes.
    """
    attributes = list(attributes)
    id_column = resolve_id_column(firms, id_column)
    require_columns(firms, [decision, *attributes], "the table")
    full = DecisionTable(firms, decision, conditions=attributes, id_column=id_column)
    _check_limits(attributes, full)
    values = list(full.decision_values)
    own = {
        label: values.index(v)
        for v, members in full.decision_classes().items()
        for label in members
    }
    rules = _RuleTable()
    subsets = []
    for key in range(1 << len(attributes)):
        conditions = subset_of_key(key, attributes)
        table = full.subset(conditions)
        number = {
            o: i for i, members in enumerate(table.indiscernibility_classes()) for o in members
        }
        found = table.rules(method, min_support=min_support) if conditions else []
        subsets.append(
            {
                "i": [number[o] for o in full.objects],
                "c": subset_key(table.core(), attributes),
                "r": [subset_key(r, attributes) for r in table.reducts()],
                "u": [rules.id_of(r.to_dict()) for r in found],
            }
        )
    default_source = {
        "file": "data/firms.csv",
        "rows": full.n,
        "delimiter": ",",
        "encoding": "utf-8",
        "reader": "csv",
    }
    return {
        "format": FORMAT,
        "attributes": attributes,
        "decision": decision,
        "method": method,
        "min_support": min_support,
        "source": dict(source) if source is not None else default_source,
        "objects": list(full.objects),
        "values": [str(v) for v in values],
        "d": [own[o] for o in full.objects],
        "rules": rules.rows,
        "subsets": subsets,
    }


def _approximations(pack: Mapping[str, Any], classes: Sequence[int]) -> dict[str, Any]:
    """Pawlak's approximations of every decision class from the class numbers of the objects."""
    objects, own = pack["objects"], pack["d"]
    out: dict[str, Any] = {}
    for v, value in enumerate(pack["values"]):
        meets = {c for c, d in zip(classes, own, strict=True) if d == v}
        outside = {c for c, d in zip(classes, own, strict=True) if d != v}
        upper = [o for o, c in zip(objects, classes, strict=True) if c in meets]
        lower = [o for o, c in zip(objects, classes, strict=True) if c in meets - outside]
        out[value] = {
            "lower": lower,
            "upper": upper,
            "boundary": [o for o in upper if o not in set(lower)],
            "accuracy": len(lower) / len(upper),
        }
    return out


def _quality(pack: Mapping[str, Any], key: int) -> float:
    classes = pack["subsets"][key]["i"]
    mixed = {c for c, d in zip(classes, pack["d"], strict=True) if d != pack["d"][classes.index(c)]}
    return sum(c not in mixed for c in classes) / len(classes)


def unpack_result(pack: Mapping[str, Any], key: int) -> dict[str, Any]:
    """The packed subset ``key`` as the result JSON of ``clusterlab analyse --json`` (a dict
    valid under its schema; ``loo_accuracy`` is null with ``loo_skipped`` =
    :data:`NOT_PRECOMPUTED`; ``settings``: Pawlak, the pack's rule method and minimum
    support, nobody left out)."""
    attributes = pack["attributes"]
    record = pack["subsets"][key]
    classes: list[int] = record["i"]
    conditions = subset_of_key(key, attributes)
    groups: dict[int, list[str]] = {}
    for o, c in zip(pack["objects"], classes, strict=True):
        groups.setdefault(c, []).append(o)
    approximations = _approximations(pack, classes)
    positive = {o for a in approximations.values() for o in a["lower"]}
    quality = _quality(pack, key)
    return {
        "source": pack["source"],
        "warnings": [],
        "objects": list(pack["objects"]),
        "conditions": conditions,
        "decision": pack["decision"],
        "classes": [groups[c] for c in sorted(groups)],
        "approximations": approximations,
        "positive_region": [o for o in pack["objects"] if o in positive],
        "quality": quality,
        "significance": {
            a: quality - _quality(pack, key & ~(1 << attributes.index(a))) for a in conditions
        },
        "core": subset_of_key(record["c"], attributes),
        "reducts": [subset_of_key(r, attributes) for r in record["r"]],
        "reducts_complete": True,
        "reduct_method": "exact",
        "rules": [pack["rules"][i] for i in record["u"]],
        "loo_accuracy": None,
        "loo_skipped": NOT_PRECOMPUTED,
        "settings": {
            "beta": None,
            "rules": pack["method"],
            "min_support": pack["min_support"],
            "left_out": [],
        },
    }
