"""What the static rough-set explorer must show for one setting, computed here with the
rough-set engine (``DecisionTable``) directly, and the script that reads what the page shows.

Values are written with the codebook's labels, read straight from data/datapackage.json, and
attribute names of the codebook with spaces for underscores (``legal status``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from clusterlab.roughsets import DecisionTable

CODEBOOK: dict[str, dict[str, str]] = {}
FIELDS: set[str] = set()
for _resource in json.loads(
    (Path(__file__).parents[2] / "data" / "datapackage.json").read_text(encoding="utf-8")
)["resources"]:
    for _field in _resource.get("schema", {}).get("fields", []):
        FIELDS.add(_field["name"])
        if _field.get("categories") and _field["name"] not in CODEBOOK:
            CODEBOOK[_field["name"]] = {c["value"]: c["label"] for c in _field["categories"]}

#: Reads the current result of an explorer (``root``: its element).
READ = """(root) => {
  const pane = root.querySelector('.cl-current');
  const text = (el, sel) => el.querySelector(sel).textContent;
  return {
    quality: text(pane, '.cl-quality'),
    core: text(pane, '.cl-core'),
    reducts: Array.from(pane.querySelectorAll('.cl-reducts li'), li => li.textContent),
    rules: Array.from(pane.querySelectorAll('.cl-rule'), li => [
      text(li, '.cl-if'), text(li, '.cl-then'), text(li, '.cl-measures'), text(li, '.cl-covers')]),
    regions: Array.from(pane.querySelectorAll('.cl-region'), r => [
      text(r, '.cl-region-name'),
      Array.from(r.querySelectorAll('.cl-tile'), t => t.dataset.object)]),
  };
}"""


@dataclass
class Setting:
    """One setting of the explorer's controls."""

    conditions: Sequence[str]
    decision: str = "network_2005"
    method: str = "lem2"
    beta: float | None = None
    min_support: int = 1
    leave_out: Sequence[str] = field(default_factory=list)


def label(column: str, value: Any) -> str:
    return CODEBOOK.get(column, {}).get(str(value), str(value))


def name(column: str) -> str:
    return column.replace("_", " ") if column in FIELDS else column


def braces(names: Sequence[str]) -> str:
    return "{" + ", ".join(name(n) for n in names) + "}" if names else "(empty)"


def lower_first(text: str) -> str:
    return text[0].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


def expected(firms: pd.DataFrame, s: Setting, order: Sequence[str]) -> dict[str, Any]:
    """The explorer's view of setting ``s`` (attributes in ``order``) by the engine."""
    conditions = [a for a in order if a in s.conditions]
    table = DecisionTable(firms, s.decision, conditions=conditions, id_column="firm_id")
    if s.leave_out:
        table = table.drop_objects(list(s.leave_out))
    positive = table.positive_region(beta=s.beta)
    rules = table.rules(s.method, min_support=s.min_support) if conditions else []
    approx = table.approximations(beta=s.beta)
    word = "certainly" if s.beta is None else "mostly"
    regions = [
        [f"{word} {lower_first(label(s.decision, v))} ({len(a.lower)})", list(a.lower)]
        for v, a in approx.items()
    ]
    inside = {o for _, objects in regions for o in objects}
    boundary = [o for o in table.objects if o not in inside]
    regions.append([f"boundary ({len(boundary)})", boundary])
    if s.leave_out:
        regions.append([f"left out ({len(s.leave_out)})", list(s.leave_out)])
    return {
        "quality": f"{table.quality(beta=s.beta):.3f} ({len(positive)} of {table.n} objects in "
        "the positive region)",
        "core": braces(table.core()),
        "reducts": [braces(r) for r in table.reducts()],
        "rules": [
            [
                "IF "
                + (" AND ".join(f"{name(a)} = {label(a, v)}" for a, v in r.conditions) or "TRUE"),
                f"THEN {name(s.decision)} = " + " or ".join(label(s.decision, v) for v in r.decisions),
                f"{r.kind}; support {r.support}, strength {r.strength:.2f}, certainty "
                f"{r.certainty:.2f}, coverage {r.coverage:.2f}",
                "Covers: " + ", ".join(r.objects),
            ]
            for r in rules
        ],
        "regions": regions,
    }
