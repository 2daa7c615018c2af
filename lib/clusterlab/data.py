"""Loading and validating the data files; the codebook; the article's published tables.

The firm-level files ``data/firms.csv`` and ``data/embeddedness.csv`` are a **reconstruction**:
21 synthetic firm records that reproduce every figure the article publishes (Table 1, Table 2)
and its qualitative findings as far as they constrain the data. They are not the original
interview data, which are not public (see ``data/README.md`` and :mod:`clusterlab.reconstruct`).

One source of truth: the codes, their order and their English/Dutch labels are read from
``data/datapackage.json`` (a Frictionless Data descriptor); nothing here repeats them.

Validation is strict and never repairs: a missing or unexpected column, an unknown code, a
duplicate id, a non-integer or out-of-range value, an unknown ``firm_id`` in the embeddedness
file or a missing (firm, factor) pair raises :class:`DataValidationError`, whose message names
the file, the line (1-based as an editor shows it; the header is line 1), the column and the
allowed values.
"""

from __future__ import annotations

import csv
import json
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = [
    "ARTICLE_CONDITIONS",
    "DATA_DIR",
    "DECISION",
    "EXTRA_CONDITIONS",
    "FACTORS",
    "LABELS_EN",
    "LABELS_NL",
    "MEASURES",
    "DataValidationError",
    "PublishedTables",
    "codebook",
    "data_dir",
    "datapackage",
    "field_names",
    "founding_period_of",
    "label",
    "load_embeddedness",
    "load_firms",
    "load_published",
    "size_class_of",
    "table1_counts",
]

#: The repository's ``data/`` directory; the environment variable ``CLUSTERLAB_DATA_DIR``
#: overrides it (read when this module is imported and again by :func:`data_dir`).
DATA_DIR: Path = Path(
    os.environ.get("CLUSTERLAB_DATA_DIR") or Path(__file__).resolve().parents[2] / "data"
)

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


class DataValidationError(ValueError):
    """A data file breaks its schema. Attributes name the first problem found.

    ``path`` (file), ``line`` (1-based, header = 1; None when the problem is a missing row),
    ``column``, ``allowed`` (a description of the allowed values) and ``problems`` (every
    problem found, as messages).
    """

    def __init__(
        self,
        path: Path | str,
        line: int | None,
        column: str | None,
        allowed: str,
        message: str,
        problems: list[str] | None = None,
    ) -> None:
        self.path = Path(path)
        self.line = line
        self.column = column
        self.allowed = allowed
        self.problems = problems or [message]
        text = self.problems[0]
        if len(self.problems) > 1:
            more = self.problems[1:20]
            text += "\n" + "\n".join(more)
            if len(self.problems) > 21:
                text += f"\n... and {len(self.problems) - 21} more"
        super().__init__(text)


def data_dir() -> Path:
    """The data directory in use: ``$CLUSTERLAB_DATA_DIR`` if set, else :data:`DATA_DIR`."""
    env = os.environ.get("CLUSTERLAB_DATA_DIR")
    return Path(env) if env else DATA_DIR


def _package_path() -> Path:
    candidate = data_dir() / "datapackage.json"
    if candidate.exists():
        return candidate
    default = Path(__file__).resolve().parents[2] / "data" / "datapackage.json"
    if default.exists():
        return default
    raise FileNotFoundError(f"no datapackage.json in {data_dir()} or {default.parent}")


@cache
def _read_package(path: str) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def datapackage() -> dict[str, Any]:
    """The Frictionless descriptor ``datapackage.json`` as a dict (cached)."""
    return _read_package(str(_package_path()))


def _resource(name: str) -> dict[str, Any]:
    for res in datapackage()["resources"]:
        if res["name"] == name:
            return res
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
# Validation
# --------------------------------------------------------------------------------------------

_INT = re.compile(r"^[+-]?\d+$")


def _allowed(field: dict[str, Any]) -> str:
    c = field.get("constraints", {})
    if "enum" in c:
        return "one of " + ", ".join(c["enum"])
    if field["type"] == "integer":
        lo, hi = c.get("minimum"), c.get("maximum")
        if lo is not None and hi is not None:
            return f"an integer from {lo} to {hi}"
        if lo is not None:
            return f"an integer >= {lo}"
        return "an integer"
    if field["type"] == "boolean":
        return "one of " + ", ".join(
            field.get("trueValues", ["true"]) + field.get("falseValues", ["false"])
        )
    if "pattern" in c:
        return f"a text matching {c['pattern']}"
    return f"a {field['type']}"


class _Problems:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.items: list[tuple[int | None, str | None, str, str]] = []

    def add(self, line: int | None, column: str | None, allowed: str, what: str) -> None:
        where = f"line {line}" if line is not None else "no line"
        col = f", column {column!r}" if column else ""
        self.items.append(
            (line, column, allowed, f"{self.path}: {where}{col}: {what}; allowed: {allowed}")
        )

    def raise_if_any(self) -> None:
        if self.items:
            line, column, allowed, _ = self.items[0]
            raise DataValidationError(
                self.path, line, column, allowed, self.items[0][3], [m for *_, m in self.items]
            )


def _read_rows(path: Path, resource: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows as strings; checks the columns against the schema."""
    if not path.exists():
        raise FileNotFoundError(f"data file not found: {path}")
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        try:
            header = next(reader)
        except StopIteration:
            raise DataValidationError(
                path, 1, None, "a header line", f"{path}: line 1: the file is empty"
            ) from None
        rows = list(reader)
    expected = field_names(resource)
    probs = _Problems(path)
    allowed_cols = "the columns " + ", ".join(expected)
    for col in expected:
        if col not in header:
            probs.add(1, col, allowed_cols, f"missing column {col!r}")
    for col in header:
        if col not in expected:
            probs.add(1, col, allowed_cols, f"unexpected column {col!r}")
    if len(set(header)) != len(header):
        dup = sorted({c for c in header if header.count(c) > 1})
        probs.add(1, dup[0], allowed_cols, f"duplicated column(s) {dup}")
    for i, row in enumerate(rows):
        if len(row) != len(header) and any(cell.strip() for cell in row):
            probs.add(
                i + 2,
                None,
                f"{len(header)} comma-separated cells",
                f"{len(row)} cells instead of {len(header)}",
            )
    probs.raise_if_any()
    rows = [r for r in rows if any(cell.strip() for cell in r)]  # a trailing blank line
    return header, rows


def _parse(path: Path, resource: str) -> pd.DataFrame:
    """Parse and validate one resource; returns typed columns (categoricals from the codebook).

    Line numbers count the header as line 1 and assume one record per line (no quoted line
    breaks, which the schema never needs).
    """
    header, rows = _read_rows(path, resource)
    fields = {f["name"]: f for f in _fields(resource)}
    probs = _Problems(path)
    values: dict[str, list[Any]] = {name: [] for name in fields}
    for i, row in enumerate(rows):
        line = i + 2
        cells = dict(zip(header, row, strict=True))
        for name, f in fields.items():
            raw = cells[name]
            c = f.get("constraints", {})
            allowed = _allowed(f)
            val: Any = raw
            if raw == "" or raw.strip() != raw:
                what = "empty value" if raw == "" else f"value {raw!r} has surrounding spaces"
                probs.add(line, name, allowed, what)
                val = None
            elif f["type"] == "integer":
                if not _INT.match(raw):
                    probs.add(line, name, allowed, f"value {raw!r} is not an integer")
                    val = None
                else:
                    val = int(raw)
                    lo, hi = c.get("minimum"), c.get("maximum")
                    if (lo is not None and val < lo) or (hi is not None and val > hi):
                        probs.add(line, name, allowed, f"value {val} out of range")
            elif f["type"] == "boolean":
                if raw in f.get("trueValues", ["true"]):
                    val = True
                elif raw in f.get("falseValues", ["false"]):
                    val = False
                else:
                    probs.add(line, name, allowed, f"value {raw!r} is not a boolean")
                    val = None
            else:
                if "enum" in c and raw not in c["enum"]:
                    probs.add(line, name, allowed, f"unknown code {raw!r}")
                if "pattern" in c and not re.fullmatch(c["pattern"], raw):
                    probs.add(line, name, allowed, f"value {raw!r} has the wrong form")
            values[name].append(val)
    probs.raise_if_any()
    # uniqueness and primary key
    pk = _resource(resource)["schema"].get("primaryKey", [])
    seen: dict[tuple[Any, ...], int] = {}
    for i in range(len(rows)):
        key = tuple(values[k][i] for k in pk)
        if key in seen:
            probs.add(
                i + 2,
                pk[-1] if len(pk) > 1 else pk[0],
                "unique " + " + ".join(pk) + " (primary key)",
                f"duplicate {'/'.join(map(str, key))} (first on line {seen[key]})",
            )
        else:
            seen[key] = i + 2
    probs.raise_if_any()
    df = pd.DataFrame(values, columns=list(fields))
    for name, f in fields.items():
        if "categories" in f:
            cats = [cat["value"] for cat in f["categories"]]
            df[name] = pd.Categorical(
                df[name], categories=cats, ordered=bool(f.get("categoriesOrdered", False))
            )
        elif f["type"] == "integer":
            df[name] = df[name].astype("int64")
        elif f["type"] == "boolean":
            df[name] = df[name].astype(bool)
        else:
            df[name] = df[name].astype(str)
    df.attrs["source"] = str(path)
    return df


def founding_period_of(year: int) -> str:
    """The Table 1 founding period containing ``year`` (1989-1994, 1995-1999, 2000-2001)."""
    if 1989 <= year <= 1994:
        return "1989-1994"
    if 1995 <= year <= 1999:
        return "1995-1999"
    if 2000 <= year <= 2001:
        return "2000-2001"
    raise ValueError(f"founding year {year} outside 1989-2001")


def size_class_of(employees: int) -> str:
    """The Table 1 size class containing ``employees`` (10-50, 51-100, 101-250, >250)."""
    if employees <= 50:
        return "10-50"
    if employees <= 100:
        return "51-100"
    if employees <= 250:
        return "101-250"
    return ">250"


def _firm_consistency(df: pd.DataFrame, path: Path) -> None:
    """Definitional consistency: founding_period contains founded, size_class employees."""
    probs = _Problems(path)
    for i, row in enumerate(df.itertuples(index=False)):
        want = founding_period_of(int(row.founded))
        if str(row.founding_period) != want:
            probs.add(
                i + 2,
                "founding_period",
                f"{want} (the period containing {row.founded})",
                f"founding_period {row.founding_period!r} does not contain founded {row.founded}",
            )
        want = size_class_of(int(row.employees_2005))
        if str(row.size_class) != want:
            probs.add(
                i + 2,
                "size_class",
                f"{want} (the class of {row.employees_2005})",
                f"size_class {row.size_class!r} does not contain employees_2005 "
                f"{row.employees_2005}",
            )
    probs.raise_if_any()


def load_firms(path: str | Path | None = None) -> pd.DataFrame:
    """The (reconstructed) firm table, validated and typed.

    ``path`` defaults to ``firms.csv`` in :func:`data_dir`. Categorical columns are pandas
    Categoricals with the codebook's categories (ordered for ordinal columns: founding_period,
    size_class, innovativeness, export_orientation, virtualisation); ``founded`` and
    ``employees_2005`` are int64, ``reverse_model`` bool. Row order is the file's.
    """
    p = Path(path) if path is not None else data_dir() / "firms.csv"
    df = _parse(p, "firms")
    _firm_consistency(df, p)
    return df


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
    df = _parse(p, "embeddedness")
    if firms is None:
        beside = p.parent / "firms.csv"
        firms = beside if beside.exists() else data_dir() / "firms.csv"
    ftable = firms if isinstance(firms, pd.DataFrame) else load_firms(firms)
    ids = list(ftable["firm_id"].astype(str))
    probs = _Problems(p)
    known = set(ids)
    for i, fid in enumerate(df["firm_id"]):
        if fid not in known:
            probs.add(
                i + 2,
                "firm_id",
                "a firm_id of the firm table (" + ", ".join(ids) + ")",
                f"unknown firm_id {fid!r}",
            )
    probs.raise_if_any()
    present = set(zip(df["firm_id"], df["factor"].astype(str), strict=True))
    lines: dict[str, list[int]] = {}
    for i, fid in enumerate(df["firm_id"]):
        lines.setdefault(fid, []).append(i + 2)
    for fid in ids:
        for factor in FACTORS:
            if (fid, factor) not in present:
                where = (
                    f"(the firm's rows are on lines {lines[fid][0]}-{lines[fid][-1]})"
                    if fid in lines
                    else "(the firm has no rows)"
                )
                probs.add(
                    None,
                    "factor",
                    "one row per firm and factor: " + ", ".join(FACTORS),
                    f"missing row for firm {fid} and factor {factor} {where}",
                )
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
    """Read ``published/table1.csv``, ``table2.csv`` and ``discrepancies.csv``."""
    d = Path(directory) if directory is not None else data_dir() / "published"
    kw: dict[str, Any] = {"keep_default_na": False, "na_values": [""]}
    t1 = pd.read_csv(d / "table1.csv", dtype={"printed": str}, **kw)
    t2 = pd.read_csv(
        d / "table2.csv", dtype={"difference_as_printed": str, "significance": str}, **kw
    )
    t2["significance"] = t2["significance"].fillna("")
    disc = pd.read_csv(d / "discrepancies.csv", **kw)
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
