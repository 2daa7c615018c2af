"""The packed format of the static rough-set explorer, defined once (Python and the page).

:func:`precompute_all_subsets` analyses every subset of the toggleable attributes (Pawlak's
model) and packs the results; the page (:mod:`clusterlab.explorers.static`) unpacks them with
the Vega expressions built here (:func:`vega_class_index`), and :func:`expand_record` unpacks one
subset in Python, so tests compare the page's data with the engine.

The format (``"format": 2``):

* ``attributes``, ``decision``, ``method``, ``n``;
* ``classes``: the decision values in the engine's order; ``class_labels``: how they are
  written (codebook labels, see :mod:`clusterlab.words`); ``areas``: the region label of each
  class's lower approximation (``"certainly mainly global"``);
* ``firms``: ``[{"f": object name, "d": index of its decision class}]`` in the engine's object
  order - the order of the region strings;
* ``texts``: every core and reduct as display text (``"{a, b}"``); a subset refers to them by
  index, so no name or value ever needs a separator character;
* ``rules``: the distinct rules of all subsets, ``{"i": id, "t": condition text, "h":
  conclusion text, "d": decision text, "c": colour class label ("" for several decisions),
  "k": "certain"|"possible", "s": support, "st": strength, "ce": certainty, "co": coverage}``
  (measures rounded to 4 decimals); one entry serves every subset (a rule's measures depend
  only on its conditions and decisions);
* ``subsets``: one record per subset key (0 ... 2^m - 1, see :func:`subset_key`): ``{"k": key,
  "p": size of the positive region, "c": text id of the core, "r": text ids of the reducts,
  space separated, "u": rule ids in the engine's order, space separated, "g": one region code
  per firm}``.

**Region codes**: one character per firm, :data:`BOUNDARY_CODE` for the boundary, else the
character at the class's index in :data:`ALPHABET` (62 characters: at most
:data:`MAX_CLASSES` decision classes; more are refused with a message). **Attributes**: at most
:data:`MAX_ATTRIBUTES` (2^12 = 4,096 analyses); more are refused with a message.

Deterministic: the same table gives byte-identical JSON.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from string import ascii_lowercase, ascii_uppercase, digits
from typing import Any

import pandas as pd

from clusterlab.columns import require_columns
from clusterlab.data import DECISION
from clusterlab.explorers.roughsets_analysis import (
    ID_COLUMN,
    TOGGLEABLE,
    resolve_id_column,
)
from clusterlab.roughsets import DecisionTable, Rule, UnknownAttributeError
from clusterlab.words import BOUNDARY, ValueLabels, region_label, resolve_labels, set_text

__all__ = [
    "ALPHABET",
    "BOUNDARY_CODE",
    "FORMAT",
    "MAX_ATTRIBUTES",
    "MAX_CLASSES",
    "PackingLimitError",
    "expand_record",
    "precompute_all_subsets",
    "region_code",
    "subset_key",
    "subset_of_key",
    "vega_class_index",
]

FORMAT = 2
#: Region code of a firm's decision class i: ``ALPHABET[i]``.
ALPHABET = digits + ascii_lowercase + ascii_uppercase
#: Region code of a firm in the boundary (not in ``ALPHABET``).
BOUNDARY_CODE = "."
MAX_CLASSES = len(ALPHABET)
#: Every subset is analysed and shipped: 2^12 = 4,096 analyses at most.
MAX_ATTRIBUTES = 12


class PackingLimitError(ValueError):
    """The table has more attributes or decision classes than the static page can ship."""


def region_code(class_index: int | None) -> str:
    """The one-character code of a firm in the lower approximation of class ``class_index``
    (None: the boundary)."""
    if class_index is None:
        return BOUNDARY_CODE
    if not 0 <= class_index < MAX_CLASSES:
        raise PackingLimitError(f"class index {class_index} outside 0 ... {MAX_CLASSES - 1}")
    return ALPHABET[class_index]


def class_index_of(code: str) -> int | None:
    """Inverse of :func:`region_code`."""
    if code == BOUNDARY_CODE:
        return None
    index = ALPHABET.find(code)
    if len(code) != 1 or index < 0:
        raise ValueError(f"not a region code: {code!r}")
    return index


def vega_class_index(field: str) -> str:
    """Vega expression of :func:`class_index_of` for the one-character string ``field`` (an
    expression); -1 for the boundary."""
    return f"indexof('{ALPHABET}', {field})"


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


def _check_attributes(attributes: Sequence[str]) -> None:
    if len(attributes) > MAX_ATTRIBUTES:
        raise PackingLimitError(
            f"the static explorer precomputes every subset of its attributes: "
            f"{len(attributes)} attributes would be {2 ** len(attributes):,} analyses, at most "
            f"{MAX_ATTRIBUTES} ({2**MAX_ATTRIBUTES:,}) can ship in a page; choose fewer "
            "attributes (attributes=...) or use the live explorer"
        )


def _check_classes(table: DecisionTable) -> None:
    if len(table.decision_values) > MAX_CLASSES:
        raise PackingLimitError(
            f"decision {table.decision!r} has {len(table.decision_values)} classes; the static "
            f"explorer ships at most {MAX_CLASSES}: group the values or use the live explorer"
        )


class _RuleTable:
    """The distinct rules of all subsets, each stored once with its id."""

    def __init__(self, class_label: Mapping[str, str], labels: ValueLabels | None) -> None:
        self.ids: dict[tuple[Any, ...], int] = {}
        self.rows: list[dict[str, Any]] = []
        self.class_label = class_label
        self.labels = labels

    def id_of(self, rule: Rule) -> int:
        ident = (rule.conditions, rule.decisions, rule.kind)
        if ident not in self.ids:
            self.ids[ident] = len(self.rows)
            decisions = [str(v) for v in rule.decisions]
            self.rows.append(
                {
                    "i": len(self.rows),
                    "t": "IF " + rule.condition_text(self.labels),
                    "h": "THEN " + rule.conclusion_text(self.labels),
                    "d": rule.decision_text(self.labels),
                    "c": self.class_label[decisions[0]] if len(decisions) == 1 else "",
                    "k": rule.kind,
                    "s": rule.support,
                    "st": round(rule.strength, 4),
                    "ce": round(rule.certainty, 4),
                    "co": round(rule.coverage, 4),
                }
            )
        return self.ids[ident]


class _Texts:
    """Display texts stored once, referred to by index."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def id_of(self, text: str) -> int:
        return self.ids.setdefault(text, len(self.ids))

    def table(self) -> list[str]:
        return list(self.ids)


def precompute_all_subsets(
    firms: pd.DataFrame,
    attributes: Sequence[str] = TOGGLEABLE,
    decision: str = DECISION,
    *,
    method: str = "lem2",
    min_support: int = 1,
    id_column: str | None = ID_COLUMN,
    labels: bool | ValueLabels = True,
) -> dict[str, Any]:
    """Analyse every subset of ``attributes`` (Pawlak's model) and pack the results in the
    format of the module docstring. ``id_column`` and ``labels`` as in
    :func:`~clusterlab.explorers.roughsets_analysis.analyse_subset`.

    Raises :class:`PackingLimitError` for more than :data:`MAX_ATTRIBUTES` attributes or
    :data:`MAX_CLASSES` decision classes.
    """
    attributes = list(attributes)
    _check_attributes(attributes)
    id_column = resolve_id_column(firms, id_column)
    require_columns(firms, [decision, *attributes], "the table")
    full = DecisionTable(firms, decision, conditions=attributes, id_column=id_column)
    _check_classes(full)
    names = resolve_labels(labels)
    classes = [str(v) for v in full.decision_values]
    class_label = {c: (names or {}).get(decision, {}).get(c, c) for c in classes}
    index = {c: i for i, c in enumerate(classes)}
    own = {label: str(v) for v, members in full.decision_classes().items() for label in members}
    rules = _RuleTable(class_label, names)
    texts = _Texts()
    subsets = [
        _pack_subset(
            full.subset(subset_of_key(key, attributes)),
            key,
            index,
            rules,
            texts,
            method=method,
            min_support=min_support,
        )
        for key in range(1 << len(attributes))
    ]
    return {
        "format": FORMAT,
        "attributes": attributes,
        "decision": decision,
        "method": method,
        "n": full.n,
        "classes": classes,
        "class_labels": [class_label[c] for c in classes],
        "areas": [region_label(class_label[c]) for c in classes],
        "firms": [{"f": label, "d": index[own[label]]} for label in full.objects],
        "texts": texts.table(),
        "rules": rules.rows,
        "subsets": subsets,
    }


def _pack_subset(
    table: DecisionTable,
    key: int,
    index: Mapping[str, int],
    rules: _RuleTable,
    texts: _Texts,
    *,
    method: str,
    min_support: int,
) -> dict[str, Any]:
    """The packed record of one subset (the table restricted to the subset's attributes)."""
    lower = {o: str(v) for v, ap in table.approximations().items() for o in ap.lower}
    found = table.rules(method, min_support=min_support) if table.conditions else []
    return {
        "k": key,
        "p": len(table.positive_region()),
        "c": texts.id_of(set_text(table.core())),
        "r": " ".join(str(texts.id_of(set_text(r, "{}"))) for r in table.reducts()),
        "u": " ".join(str(rules.id_of(rule)) for rule in found),
        "g": "".join(region_code(index[lower[o]] if o in lower else None) for o in table.objects),
    }


def expand_record(export: Mapping[str, Any], key: int) -> dict[str, Any]:
    """One packed subset of :func:`precompute_all_subsets` in readable form.

    Returns ``{"conditions", "quality", "core", "reducts", "rules", "regions"}``: ``core`` and
    ``reducts`` as display texts (``"{a, b}"``), ``rules`` as dicts ``{"conditions_text",
    "conclusion_text", "decision_text", "type", "support", "strength", "certainty",
    "coverage"}`` and ``regions`` as ``{firm: area}`` (the class's area or ``"boundary"``).
    """
    record = export["subsets"][key]
    if record["k"] != key:
        raise ValueError(f"export is not indexed by key (record {key} has key {record['k']})")
    by_id = {r["i"]: r for r in export["rules"]}
    rules = [
        {
            "conditions_text": r["t"].removeprefix("IF "),
            "conclusion_text": r["h"].removeprefix("THEN "),
            "decision_text": r["d"],
            "type": r["k"],
            "support": r["s"],
            "strength": r["st"],
            "certainty": r["ce"],
            "coverage": r["co"],
        }
        for r in (by_id[int(i)] for i in record["u"].split())
    ]
    areas = export["areas"]
    regions = {}
    for firm, code in zip(export["firms"], record["g"], strict=True):
        index = class_index_of(code)
        regions[firm["f"]] = BOUNDARY if index is None else areas[index]
    texts = export["texts"]
    return {
        "conditions": subset_of_key(key, export["attributes"]),
        "quality": record["p"] / export["n"],
        "core": texts[record["c"]],
        "reducts": [texts[int(i)] for i in record["r"].split()],
        "rules": rules,
        "regions": regions,
    }
