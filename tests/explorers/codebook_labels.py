"""The codebook's labels and columns, read straight from the data package (independently of
clusterlab.words), for the explorer tests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DATAPACKAGE = Path(__file__).parents[2] / "data" / "datapackage.json"


def _fields() -> Iterator[dict[str, Any]]:
    """Every field of every resource the data package describes."""
    package = json.loads(DATAPACKAGE.read_text(encoding="utf-8"))
    for resource in package["resources"]:
        yield from resource.get("schema", {}).get("fields", [])


def read_codebook() -> dict[str, dict[str, str]]:
    labels: dict[str, dict[str, str]] = {}
    for field in _fields():
        for category in field.get("categories", []):
            labels.setdefault(field["name"], {})[category["value"]] = category["label"]
    return labels


FIELDS = {field["name"] for field in _fields()}


def name_of(column: str) -> str:
    """An attribute's name as the pages write it: a codebook column with spaces for its
    underscores (``legal_status`` -> ``legal status``); a reader's own column as it is."""
    return column.replace("_", " ") if column in FIELDS else column
