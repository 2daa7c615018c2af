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
