"""The codebook as chapter 2 shows it: one row per attribute of the decision table.

The codebook is ``data/datapackage.json`` read by :func:`clusterlab.data.codebook` (one row
per column and code, with the column's title and the code's English label).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from clusterlab.data import ARTICLE_CONDITIONS, DECISION, codebook

__all__ = ["attribute_table"]


def attribute_table(
    conditions: Sequence[str] = ARTICLE_CONDITIONS, decision: str = DECISION
) -> pd.DataFrame:
    """One row per attribute (conditions, then the decision): ``Attribute`` (the code),
    ``Role`` ("condition" or "decision"), ``Meaning`` (the codebook title) and ``Values`` (the
    English labels of its codes in codebook order, joined by " | ")."""
    book = codebook()
    rows = []
    for column in [*conditions, decision]:
        entries = book[book["column"] == column]
        if entries.empty:
            raise ValueError(f"{column!r} is not in the codebook (data/datapackage.json)")
        rows.append(
            {
                "Attribute": column,
                "Role": "decision" if column == decision else "condition",
                "Meaning": entries["title"].iloc[0],
                "Values": " | ".join(entries["label_en"]),
            }
        )
    return pd.DataFrame(rows)
