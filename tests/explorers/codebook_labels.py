"""The codebook's labels, read straight from the data package (independently of
clusterlab.words), for the explorer tests."""

from __future__ import annotations

import json
from pathlib import Path

DATAPACKAGE = Path(__file__).parents[2] / "data" / "datapackage.json"


def read_codebook() -> dict[str, dict[str, str]]:
    package = json.loads(DATAPACKAGE.read_text(encoding="utf-8"))
    labels: dict[str, dict[str, str]] = {}
    for resource in package["resources"]:
        for field in resource.get("schema", {}).get("fields", []):
            for category in field.get("categories", []):
                labels.setdefault(field["name"], {})[category["value"]] = category["label"]
    return labels


def read_fields() -> set[str]:
    """Every column the data package describes (the codebook's columns)."""
    package = json.loads(DATAPACKAGE.read_text(encoding="utf-8"))
    return {
        field["name"]
        for resource in package["resources"]
        for field in resource.get("schema", {}).get("fields", [])
    }


FIELDS = read_fields()


def name_of(column: str) -> str:
    """An attribute's name as the pages write it: a codebook column with spaces for its
    underscores (``legal_status`` -> ``legal status``); a reader's own column as it is."""
    return column.replace("_", " ") if column in FIELDS else column
