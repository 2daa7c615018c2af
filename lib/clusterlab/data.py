"""Loading and validating the data files; the codebook; the article's published tables.

The firm-level files ``data/firms.csv`` and ``data/embeddedness.csv`` are a **reconstruction**:
21 synthetic firm records that reproduce every figure the article publishes (Table 1, Table 2)
and its qualitative findings as far as they constrain the data. They are not the original
interview data, which are not public (see ``data/README.md`` and :mod:`clusterlab.reconstruct`).

One source of truth: the codes, their order and their English/Dutch labels are read from
``data/datapackage.json`` (a Frictionless Data descriptor); nothing here repeats them.

Validation is strict and never repairs: the files are checked against their schemas in
``datapackage.json`` with the Frictionless library (see :mod:`clusterlab.validation`). A missing
or unexpected column, an unknown code, a duplicate id, a non-integer or out-of-range value, an
unknown ``firm_id`` in the embeddedness file or a missing (firm, factor) pair raises
:class:`DataValidationError`, whose message names the file, the physical line (as an editor
shows it; the header is line 1), the column and the allowed values. Codes stay the text of the
file (``"007"`` would stay ``"007"``); only the schema's integer and number columns are parsed.

Where the files are: ``$CLUSTERLAB_DATA_DIR`` if set; else the copy installed with the package
(``clusterlab/_data``, in a non-editable install); else the repository's ``data/``.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, cast

import pandas as pd

from clusterlab.columns import require_columns
from clusterlab.validation import DataValidationError, Problems, validated_frame

__all__ = [
    "ARTICLE_CONDITIONS",
    "DATA_DIR",
    "DECISION",
    "EXTRA_CONDITIONS",
    "FACTORS",
    "FOUNDING_EDGES",
    "LABELS_EN",
    "LABELS_NL",
    "MEASURES",
    "DataValidationError",
    "PublishedTables",
    "SIZE_EDGES",
    "codebook",
    "data_dir",
    "datapackage",
    "field_names",
    "founding_period_of",
    "founding_periods",
    "label",
    "load_embeddedness",
    "load_firms",
    "load_published",
    "size_class_of",
    "size_classes",
    "table1_counts",
]

#: The article's data installed with the package (``clusterlab/_data/``, present in a built
#: wheel: setup.py maps the repository's ``data/`` there) ...
PACKAGED_DATA_DIR: Path = Path(__file__).resolve().parent / "_data"
#: ... and the repository's ``data/`` beside ``lib/`` (a clone, or an editable install).
CHECKOUT_DATA_DIR: Path = Path(__file__).resolve().parents[2] / "data"


def _default_data_dir() -> Path:
    if (PACKAGED_DATA_DIR / "datapackage.json").is_file():
        return PACKAGED_DATA_DIR
    return CHECKOUT_DATA_DIR


#: The data directory: ``$CLUSTERLAB_DATA_DIR`` if set when this module is imported, else the
#: packaged copy of the data if installed, else the repository's ``data/``. :func:`data_dir`
#: reads the environment variable again at every call.
DATA_DIR: Path = Path(os.environ.get("CLUSTERLAB_DATA_DIR") or _default_data_dir())

#: The five condition attributes of the article's rough-set analysis (the characteristics the
#: firms were selected on: sector/learning, founding, age, innovativeness, export).
ARTICLE_CONDITIONS: list[str] = [
    "sector",
    "founding_period",
    "innovativeness",
    "export_orientation",
    "legal_status",
]
#: Further categorical attributes a reader can add in the explorer.
EXTRA_CONDITIONS: list[str] = ["size_class", "learning_mode", "region", "virtualisation"]
#: The decision attribute: mainly global or mainly local knowledge network in 2005.
DECISION: str = "network_2005"
#: The five local location factors of Table 2, in the printed order.
FACTORS: list[str] = [
    "knowledge_institutes",
    "suppliers",
    "customers",
    "labour_market",
    "personal_networks",
]
#: The two measures of Table 2: current importance and importance after recent change.
MEASURES: list[str] = ["current", "changed"]


def data_dir() -> Path:
    """The data directory in use: ``$CLUSTERLAB_DATA_DIR`` if set, else :data:`DATA_DIR`."""
    env = os.environ.get("CLUSTERLAB_DATA_DIR")
    return Path(env) if env else DATA_DIR


def _package_path() -> Path:
    candidate = data_dir() / "datapackage.json"
    if candidate.exists():
        return candidate
    default = _default_data_dir() / "datapackage.json"
    if default.exists():
        return default
    raise FileNotFoundError(f"no datapackage.json in {data_dir()} or {default.parent}")


@cache
def _read_package(path: str) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        return cast(dict[str, Any], json.load(fh))


def datapackage() -> dict[str, Any]:
    """The Frictionless descriptor ``datapackage.json`` as a dict (cached)."""
    return _read_package(str(_package_path()))


def _resource(name: str) -> dict[str, Any]:
    for res in datapackage()["resources"]:
        if res["name"] == name:
            return cast(dict[str, Any], res)
    raise KeyError(f"datapackage.json has no resource {name!r}")


def _fields(resource: str) -> list[dict[str, Any]]:
    return list(_resource(resource)["schema"]["fields"])


def field_names(resource: str) -> list[str]:
    """Column names of a resource (``firms``, ``embeddedness``, ...) in schema order."""
    return [f["name"] for f in _fields(resource)]


def codebook() -> pd.DataFrame:
    """Every code of every categorical column, with labels, from ``datapackage.json``.

    Columns: ``resource, column, title, code, order, ordered, label_en, label_nl``;
    ``order`` is the position of the code in the column's category list (the ordinal rank for
    ordered columns, the display order otherwise).
    """
    rows = []
    for res in datapackage()["resources"]:
        for f in res.get("schema", {}).get("fields", []):
            for i, cat in enumerate(f.get("categories", [])):
                rows.append(
                    {
                        "resource": res["name"],
                        "column": f["name"],
                        "title": f.get("title", ""),
                        "code": cat["value"],
                        "order": i,
                        "ordered": bool(f.get("categoriesOrdered", False)),
                        "label_en": cat.get("label", cat["value"]),
                        "label_nl": cat.get("label_nl", cat.get("label", cat["value"])),
                    }
                )
    return pd.DataFrame(rows)


def _labels(lang: str) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    key = "label" if lang == "en" else "label_nl"
    for res_name in ("firms", "embeddedness"):
        for f in _fields(res_name):
            if "categories" in f:
                out[f["name"]] = {c["value"]: c.get(key, c["value"]) for c in f["categories"]}
    return out


#: English labels per column and code, e.g. ``LABELS_EN["sector"]["ict"] == "ICT"``.
LABELS_EN: dict[str, dict[str, str]] = _labels("en")
#: Dutch labels (the article's wording where it has one).
LABELS_NL: dict[str, dict[str, str]] = _labels("nl")


def label(column: str, code: str, lang: str = "en") -> str:
    """The label of ``code`` in ``column`` (``lang`` "en" or "nl"); the code itself if none."""
    table = LABELS_EN if lang == "en" else LABELS_NL
    return table.get(column, {}).get(str(code), str(code))


# --------------------------------------------------------------------------------------------
# Loading (validation: clusterlab.validation)
# --------------------------------------------------------------------------------------------


def _load(path: Path, resource: str) -> tuple[pd.DataFrame, list[int]]:
    """One resource's file, validated against its schema and typed; and its rows' lines."""
    return validated_frame(path, _resource(resource)["schema"])


def _codes(column: str) -> list[str]:
    return [c["value"] for f in _fields("firms") if f["name"] == column for c in f["categories"]]


#: Bin edges of the Table 1 classes, right-closed: founding periods (1988, 1994], (1994, 1999],
#: (1999, 2001]; size classes up to 50, 51-100, 101-250, above 250 employees. The class names
#: are the codebook's codes (``founding_period``, ``size_class``), in the codebook's order.
FOUNDING_EDGES: tuple[float, ...] = (1988, 1994, 1999, 2001)
SIZE_EDGES: tuple[float, ...] = (-math.inf, 50, 100, 250, math.inf)


def founding_periods(years: Iterable[int]) -> pd.Series:
    """The Table 1 founding period of every year (``pd.cut`` on :data:`FOUNDING_EDGES`);
    NaN for a year outside 1989-2001."""
    codes = _codes("founding_period")
    return pd.Series(pd.cut(pd.Series(list(years), dtype="int64"), FOUNDING_EDGES, labels=codes))


def size_classes(employees: Iterable[int]) -> pd.Series:
    """The Table 1 size class of every head count (``pd.cut`` on :data:`SIZE_EDGES`)."""
    codes = _codes("size_class")
    return pd.Series(pd.cut(pd.Series(list(employees), dtype="int64"), SIZE_EDGES, labels=codes))


def founding_period_of(year: int) -> str:
    """The Table 1 founding period containing ``year`` (1989-1994, 1995-1999, 2000-2001)."""
    period = founding_periods([year]).iloc[0]
    if pd.isna(period):
        raise ValueError(f"founding year {year} outside 1989-2001")
    return str(period)


def size_class_of(employees: int) -> str:
    """The Table 1 size class containing ``employees`` (10-50, 51-100, 101-250, >250)."""
    return str(size_classes([employees]).iloc[0])


def _firm_consistency(df: pd.DataFrame, lines: list[int], path: Path) -> None:
    """Definitional consistency: founding_period contains founded, size_class employees."""
    probs = Problems(path)
    checks = (
        ("founding_period", "founded", founding_periods(df["founded"]), "the period containing"),
        ("size_class", "employees_2005", size_classes(df["employees_2005"]), "the class of"),
    )
    for column, source, derived, relation in checks:
        for i in range(len(df)):
            want, given, value = str(derived.iloc[i]), str(df[column].iloc[i]), df[source].iloc[i]
            if given != want:
                probs.add(
                    lines[i],
                    column,
                    f"{want} ({relation} {value})",
                    f"{column} {given!r} does not contain {source} {value}",
                )
    probs.raise_if_any()


def load_firms(path: str | Path | None = None) -> pd.DataFrame:
    """The (reconstructed) firm table, validated and typed.

    ``path`` defaults to ``firms.csv`` in :func:`data_dir`. Categorical columns are pandas
    Categoricals whose values are the file's text and whose categories are the codebook's
    (ordered for ordinal columns: founding_period, size_class, innovativeness,
    export_orientation, virtualisation); ``founded`` and ``employees_2005`` are int64,
    ``reverse_model`` bool. Row order is the file's. ``founding_period`` must be the class of
    ``founded`` and ``size_class`` that of ``employees_2005`` (:func:`founding_periods`,
    :func:`size_classes`).
    """
    p = Path(path) if path is not None else data_dir() / "firms.csv"
    df, lines = _load(p, "firms")
    _firm_consistency(df, lines, p)
    return df


def _foreign_key_problems(
    df: pd.DataFrame, lines: list[int], ids: list[str], probs: Problems
) -> None:
    known = set(ids)
    for line, fid in zip(lines, df["firm_id"], strict=True):
        if fid not in known:
            probs.add(
                line,
                "firm_id",
                "a firm_id of the firm table (" + ", ".join(ids) + ")",
                f"unknown firm_id {fid!r}",
            )


def _missing_pair_problems(
    df: pd.DataFrame, lines: list[int], ids: list[str], probs: Problems
) -> None:
    present = set(zip(df["firm_id"], df["factor"].astype(str), strict=True))
    rows_of: dict[str, list[int]] = {}
    for line, fid in zip(lines, df["firm_id"], strict=True):
        rows_of.setdefault(fid, []).append(line)
    for fid in ids:
        for factor in FACTORS:
            if (fid, factor) not in present:
                where = (
                    f"(the firm's rows are on lines {rows_of[fid][0]}-{rows_of[fid][-1]})"
                    if fid in rows_of
                    else "(the firm has no rows)"
                )
                probs.add(
                    None,
                    "factor",
                    "one row per firm and factor: " + ", ".join(FACTORS),
                    f"missing row for firm {fid} and factor {factor} {where}",
                )


def load_embeddedness(
    path: str | Path | None = None, firms: pd.DataFrame | str | Path | None = None
) -> pd.DataFrame:
    """The (reconstructed) local-embeddedness scores, long format, validated and typed.

    Columns ``firm_id, factor, score_current, score_changed`` (scores int64, 1-5). Every
    ``firm_id`` must exist in the firm table (``firms``: a DataFrame or a path; default the
    ``firms.csv`` beside ``path``, else in :func:`data_dir`) and every (firm, factor) pair must
    occur exactly once.
    """
    p = Path(path) if path is not None else data_dir() / "embeddedness.csv"
    df, lines = _load(p, "embeddedness")
    if firms is None:
        beside = p.parent / "firms.csv"
        firms = beside if beside.exists() else data_dir() / "firms.csv"
    ftable = firms if isinstance(firms, pd.DataFrame) else load_firms(firms)
    require_columns(ftable, ["firm_id"], "the firm table")
    ids = list(ftable["firm_id"].astype(str))
    probs = Problems(p)
    _foreign_key_problems(df, lines, ids, probs)
    probs.raise_if_any()
    _missing_pair_problems(df, lines, ids, probs)
    probs.raise_if_any()
    return df


# --------------------------------------------------------------------------------------------
# Published tables
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublishedTables:
    """The article's tables exactly as printed (see ``data/published/`` and the README).

    ``table1``: one row per printed count (plus the sub-count of reverse-model firms);
    ``table2``: one row per factor and measure plus the two "Gemiddeld" (average) rows;
    ``discrepancies``: the printing errors found and recorded by hand.
    """

    table1: pd.DataFrame
    table2: pd.DataFrame
    discrepancies: pd.DataFrame


def load_published(directory: str | Path | None = None) -> PublishedTables:
    """Read ``published/table1.csv``, ``table2.csv`` and ``discrepancies.csv``, validated
    against their schemas in ``datapackage.json`` (text stays text; ``significance`` is ""
    where the article prints no mark)."""
    d = Path(directory) if directory is not None else data_dir() / "published"
    t1, _ = _load(d / "table1.csv", "table1")
    t2, _ = _load(d / "table2.csv", "table2")
    t2["significance"] = t2["significance"].fillna("")
    disc, _ = _load(d / "discrepancies.csv", "discrepancies")
    return PublishedTables(t1, t2, disc)


def table1_counts(firms: pd.DataFrame) -> pd.DataFrame:
    """Table 1 recomputed from a firm table: columns ``variable, code, n``.

    Variables and codes as in ``published/table1.csv``; the network block uses the codes
    ``global`` (network_2005 = global), ``global_reverse_model`` (of which reverse_model),
    ``local_stable`` (local, network_change = stable) and ``local_to_global`` (local, shifting
    to global). Every code of the codebook appears, zeros included.
    """
    rows = []
    for variable in (
        "sector",
        "founding_period",
        "size_class",
        "innovativeness",
        "export_orientation",
        "legal_status",
        "acquired_2006_2011",
    ):
        col = firms[variable].astype(str)
        for code in LABELS_EN[variable]:
            rows.append({"variable": variable, "code": code, "n": int((col == code).sum())})
    net = firms["network_2005"].astype(str)
    change = firms["network_change"].astype(str)
    rev = firms["reverse_model"].astype(bool)
    rows += [
        {"variable": "network", "code": "global", "n": int((net == "global").sum())},
        {
            "variable": "network",
            "code": "global_reverse_model",
            "n": int(((net == "global") & rev).sum()),
        },
        {
            "variable": "network",
            "code": "local_stable",
            "n": int(((net == "local") & (change == "stable")).sum()),
        },
        {
            "variable": "network",
            "code": "local_to_global",
            "n": int(((net == "local") & (change == "local_to_global")).sum()),
        },
    ]
    return pd.DataFrame(rows)
