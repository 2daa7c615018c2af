"""The book's words, in one place: how codes, sets, regions, rules and paths are written.

* **Codebook labels.** A categorical column's codes have English labels in the codebook,
  ``data/datapackage.json`` (each field's ``categories``: ``{"value", "label"}``); the column
  itself has a ``title``. :func:`value_labels` reads them once; :func:`value_label` and
  :func:`column_title` look one up and fall back to the code, so a table of one's own data
  (columns the codebook does not know) keeps its codes.
* **Sets.** :func:`set_text` writes a set of names as ``{a, b}`` and :func:`join_labels` a list
  of object labels as ``a, b``.
* **Regions.** An object lies in the lower approximation of a decision class (``"certainly
  mainly global"``; ``"mostly ..."`` with Ziarko's beta), in the :data:`BOUNDARY`, or is
  :data:`LEFT_OUT` of the analysis: :func:`region_label`.
* **Rules.** A :class:`~clusterlab.roughsets.Rule` writes itself (``Rule.text(labels)``);
  :func:`rule_text` does the same for a rule in the JSON form ``Rule.to_dict()`` (what the CLI's
  ``--json`` holds).
* **Paths.** :func:`path_label` and :func:`path_name` (``"Path 2: Relocated abroad"``): the
  codebook's labels of ``path_2006_2011``, numbered in the codebook's order.
* **Tables.** :func:`labelled` swaps codes for labels in a frame and :func:`show_table` displays a
  frame without the pandas index column.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

import pandas as pd

from clusterlab.roughsets import Rule

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

__all__ = [
    "BOUNDARY",
    "LEFT_OUT",
    "PATH_COLUMN",
    "ValueLabels",
    "attribute_name",
    "column_title",
    "join_labels",
    "labelled",
    "path_label",
    "path_name",
    "region_label",
    "resolve_labels",
    "rule_text",
    "set_text",
    "show_table",
    "value_label",
    "value_labels",
]

#: Labels per column and code: ``{"sector": {"ict": "ICT", ...}, ...}``.
ValueLabels = Mapping[str, Mapping[str, str]]

#: Region of objects in no lower approximation.
BOUNDARY = "boundary"
#: Region of objects left out of an analysis.
LEFT_OUT = "left out"
#: The codebook column that holds the development paths.
PATH_COLUMN = "path_2006_2011"


@cache
def _codebook() -> tuple[dict[str, dict[str, str]], dict[str, str], dict[str, list[str]]]:
    """(labels per column and code, title per column, code order per column) of every resource
    in the book's ``datapackage.json``."""
    from clusterlab.data import datapackage

    labels: dict[str, dict[str, str]] = {}
    titles: dict[str, str] = {}
    order: dict[str, list[str]] = {}
    for resource in datapackage()["resources"]:
        for field in resource.get("schema", {}).get("fields", []):
            name = str(field["name"])
            if "title" in field:
                titles.setdefault(name, str(field["title"]))
            categories = field.get("categories", [])
            if categories and name not in labels:
                labels[name] = {
                    str(c["value"]): str(c.get("label", c["value"])) for c in categories
                }
                order[name] = [str(c["value"]) for c in categories]
    return labels, titles, order


def value_labels() -> dict[str, dict[str, str]]:
    """Every codebook label, ``{column: {code: label}}`` (a copy: change it freely)."""
    return {column: dict(codes) for column, codes in _codebook()[0].items()}


def value_label(column: str, code: Any, labels: ValueLabels | None = None) -> str:
    """The label of ``code`` in ``column`` (from ``labels``, default the codebook); the code
    itself when there is none."""
    table = _codebook()[0] if labels is None else labels
    return table.get(column, {}).get(str(code), str(code))


def resolve_labels(labels: bool | ValueLabels) -> ValueLabels | None:
    """``True`` -> the codebook's labels, ``False`` -> None (codes), a mapping -> itself."""
    if labels is True:
        return _codebook()[0]
    if labels is False:
        return None
    return labels


def column_title(column: str) -> str:
    """The codebook's title of a column (``"Legal status 2005 and origin"``), else its name."""
    return _codebook()[1].get(column, column)


def set_text(names: Iterable[str], empty: str = "(empty)") -> str:
    """``{a, b}`` for a set of names in the given order; ``empty`` when there are none."""
    items = list(names)
    return "{" + ", ".join(items) + "}" if items else empty


def attribute_name(column: str) -> str:
    """An attribute's name as the pages write it in sets and rules: a codebook column with
    spaces for underscores (``export_orientation`` -> ``export orientation``, the code being in
    the codebook); any other name (a reader's own column) exactly as it is."""
    return column.replace("_", " ") if column_title(column) != column else column


def join_labels(labels: Iterable[str], empty: str = "(none)") -> str:
    """``"F01, F03, F07"``: labels joined for a table cell (``empty`` when there are none)."""
    return ", ".join(labels) or empty


def _lower_first(label: str) -> str:
    """``"Mainly global"`` -> ``"mainly global"`` inside a phrase; ``"ICT"`` stays."""
    if len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def region_label(decision_label: str, beta: float | None = None, prefix: str | None = None) -> str:
    """The region of the lower approximation of a decision class: ``"certainly <label>"``
    (Pawlak) or ``"mostly <label>"`` (Ziarko's ``beta``); ``prefix`` replaces that word (with
    its space). A capitalised label is lowered inside the phrase (``"Mainly global"`` ->
    ``"certainly mainly global"``)."""
    word = prefix if prefix is not None else ("certainly " if beta is None else "mostly ")
    return f"{word}{_lower_first(str(decision_label))}"


def rule_text(
    rule: Rule | Mapping[str, Any], decision: str | None = None, labels: ValueLabels | None = None
) -> str:
    """``IF a = v AND ... THEN d = w`` for a :class:`Rule` or its JSON form (``Rule.to_dict()``,
    then ``decision`` names the decision attribute). Values show ``labels[a][v]`` where given;
    pass :func:`value_labels` for the codebook's."""
    if not isinstance(rule, Rule):
        rule = Rule(
            conditions=tuple(rule["if"].items()),
            decisions=tuple(rule["then"]),
            kind=str(rule.get("type", "")),
            support=int(rule.get("support", 0)),
            strength=float(rule.get("strength", 0.0)),
            certainty=float(rule.get("certainty", 0.0)),
            coverage=float(rule.get("coverage", 0.0)),
            objects=tuple(rule.get("objects", ())),
            decision_attribute=decision or "decision",
        )
    return rule.text(labels)


def path_label(code: str) -> str:
    """The codebook's label of a development path code (``"none"`` -> ``"No path"``)."""
    return value_label(PATH_COLUMN, code)


def path_name(code: str) -> str:
    """``"Path 1: From local to global"``: a path's number (its place among the codebook's
    paths, ``none`` first and unnumbered) and label; ``"No path"`` for ``none``."""
    order = [c for c in _codebook()[2].get(PATH_COLUMN, []) if c != "none"]
    if code not in order:
        return path_label(code)
    return f"Path {order.index(code) + 1}: {path_label(code)}"


def labelled(
    frame: pd.DataFrame, columns: Iterable[str] | None = None, labels: ValueLabels | None = None
) -> pd.DataFrame:
    """A copy of ``frame`` with the codes of labelled columns replaced by their labels
    (``columns``: which ones, default every column the codebook labels); unknown codes stay."""
    table = _codebook()[0] if labels is None else labels
    out = frame.copy()
    chosen = [c for c in (frame.columns if columns is None else columns) if c in table]
    for column in chosen:
        names = table[column]
        out[column] = [names.get(str(v), v) if pd.notna(v) else v for v in out[column]]
    return out


def show_table(
    frame: pd.DataFrame, *, labels: bool | ValueLabels = True, precision: int = 3
) -> Styler:
    """``frame`` for display: codes as codebook labels (``labels=False``: codes; a mapping:
    those labels), floats with ``precision`` decimals, and no pandas index column."""
    shown = frame
    if labels is not False:
        shown = labelled(frame, labels=None if labels is True else labels)
    return shown.style.hide(axis="index").format(precision=precision)
