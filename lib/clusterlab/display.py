"""Tables for the page: readable headers, codebook labels instead of codes, no index column.

The chapters show every table through :func:`show`. The label source is one function,
:func:`value_label` (the codebook's labels through :mod:`clusterlab.words`),
and the header source is :func:`column_label` (the codebook's column titles, else the column
name with its underscores as spaces), so a new source of words changes both in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from pandas.io.formats.style import Styler

from clusterlab import words

__all__ = ["column_label", "labelled", "show", "value_label"]


def value_label(column: str, value: Any) -> Any:
    """The codebook's English label of ``value`` in ``column``; other values unchanged."""
    return words.value_label(column, value) if isinstance(value, str) else value


def column_label(column: str) -> str:
    """A readable header: the codebook title of ``column``, else its name with spaces."""
    title = words.column_title(column)
    if title != column:
        return title
    text = str(column).replace("_", " ")
    return text[:1].upper() + text[1:]


def labelled(frame: pd.DataFrame, headers: Mapping[str, str] | None = None) -> pd.DataFrame:
    """``frame`` with codes replaced by labels (:func:`clusterlab.words.labelled`) and readable
    headers (``headers`` first, then :func:`column_label`); the index is dropped."""
    out = words.labelled(frame.reset_index(drop=True))
    names = dict(headers or {})
    return out.rename(columns={c: names.get(c, column_label(c)) for c in out.columns})


def show(
    frame: pd.DataFrame, headers: Mapping[str, str] | None = None, precision: int = 3
) -> Styler:
    """The table as the page shows it: :func:`labelled`, no index column, floats to
    ``precision`` decimals."""
    return labelled(frame, headers).style.hide(axis="index").format(precision=precision)
