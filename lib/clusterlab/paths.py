"""Development paths 2005-2011: which firms took which path, and where they ended up.

The article (van Geenhuizen & Nijkamp 2012) describes three development paths after the 2005
interviews, each a possible loss of local hechting (embeddedness):

1. ``local_to_global`` - from mainly local to mainly global knowledge networks (the "empty
   firm" with co-creation abroad, or more cooperation with specialised foreign firms). Only on
   this path can a firm still act as a poortwachter (gatekeeper) for the cluster.
2. ``relocated_abroad`` - a foreign parent moves all activities abroad: the local subsidiary is
   closed and integrated into the head office abroad.
3. ``acquired_integrated`` - an independent firm is taken over by a foreign firm and fully
   integrated into it; a branch stays in the cluster to absorb knowledge.

On paths 2 and 3 knowledge leaks abroad (weglekken). Firms on none of the paths keep their 2005
network pattern.

Classification
--------------
The reconstructed data (:mod:`clusterlab.data`, ``data/firms.csv``) record the path in
``path_2006_2011``; :func:`classify_paths` reads it and checks it against the columns that
constrain it, so a path can never contradict the rest of a firm's record:

* ``local_to_global`` if and only if ``network_change == "local_to_global"`` (and the firm
  was ``local`` in 2005);
* ``relocated_abroad`` only for a foreign subsidiary (``legal_status`` starting with
  ``foreign_subsidiary``) that was not acquired;
* ``acquired_integrated`` only for a firm independent in 2005 (``legal_status`` starting with
  ``independent``) acquired by a foreign firm (``acquired_2006_2011 == "foreign"``).

The converse of the last two does not hold: the article names foreign acquisitions that
strengthened the firm locally instead, so an acquired firm may be on no path.

The 2011 situation of a firm (:func:`situation_2011`) is its path's end point where it has one
(``global`` for path 1) and its 2005 network otherwise; :func:`transition_counts` and
:func:`transitions_long` cross it with ``network_2005``.

Labels of paths and situations are the codebook's (:mod:`clusterlab.words`). A table without a
``firm_id`` column names its firms by 1-based row number (:func:`with_firm_ids`).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from clusterlab.columns import require_columns
from clusterlab.words import path_label, value_label

__all__ = [
    "NO_PATH",
    "PATHS",
    "PATH_INFO",
    "SITUATIONS_2011",
    "SITUATION_LABELS",
    "PathInfo",
    "PathDataError",
    "check_paths",
    "classify_paths",
    "path_counts",
    "situation_2011",
    "transition_counts",
    "transitions_long",
    "with_firm_ids",
]

NO_PATH = "none"
PATHS: tuple[str, ...] = ("local_to_global", "relocated_abroad", "acquired_integrated")
NETWORKS: tuple[str, ...] = ("global", "local")
SITUATIONS_2011: tuple[str, ...] = ("global", "local", "relocated_abroad", "acquired_integrated")
#: A firm's 2011 situation in words: its network (codebook labels of ``network_2005``) or the
#: end of its path (codebook labels of ``path_2006_2011``).
SITUATION_LABELS: dict[str, str] = {
    "global": value_label("network_2005", "global"),
    "local": value_label("network_2005", "local"),
    "relocated_abroad": path_label("relocated_abroad"),
    "acquired_integrated": path_label("acquired_integrated"),
}
REQUIRED_COLUMNS: tuple[str, ...] = (
    "network_2005",
    "network_change",
    "acquired_2006_2011",
    "path_2006_2011",
    "legal_status",
)


@dataclass(frozen=True)
class PathInfo:
    """What the article says about one development path (``label``: the codebook's)."""

    key: str
    number: int
    label: str
    description: str
    gatekeeper_possible: bool
    leakage: bool


PATH_INFO: dict[str, PathInfo] = {
    "local_to_global": PathInfo(
        "local_to_global",
        1,
        path_label("local_to_global"),
        "from mainly local to mainly global knowledge networks (co-creation abroad, more "
        "cooperation with specialised foreign firms)",
        gatekeeper_possible=True,
        leakage=False,
    ),
    "relocated_abroad": PathInfo(
        "relocated_abroad",
        2,
        path_label("relocated_abroad"),
        "the foreign parent closes the local subsidiary and moves its activities abroad",
        gatekeeper_possible=False,
        leakage=True,
    ),
    "acquired_integrated": PathInfo(
        "acquired_integrated",
        3,
        path_label("acquired_integrated"),
        "an independent firm is taken over by a foreign firm and integrated into it; a branch "
        "stays in the cluster",
        gatekeeper_possible=False,
        leakage=True,
    ),
}


class PathDataError(ValueError):
    """The firm table lacks a column, has an unknown code, or a path contradicts the record."""


def with_firm_ids(firms: pd.DataFrame) -> pd.DataFrame:
    """``firms`` sorted by ``firm_id`` (as text); a table without that column gets one, the
    1-based row numbers ``"1"``, ``"2"``, ... in row order."""
    if "firm_id" in firms.columns:
        out = firms.assign(firm_id=firms["firm_id"].astype(str))
        return out.sort_values("firm_id", kind="stable").reset_index(drop=True)
    out = firms.reset_index(drop=True)
    return out.assign(firm_id=[str(i + 1) for i in range(len(out))])


def _require(firms: pd.DataFrame) -> None:
    require_columns(firms, REQUIRED_COLUMNS, "the firm table")
    unknown = sorted(set(firms["path_2006_2011"].astype(str)) - {NO_PATH, *PATHS})
    if unknown:
        raise PathDataError(
            f"unknown path code(s) {unknown} in path_2006_2011; expected one of {[NO_PATH, *PATHS]}"
        )
    bad_net = sorted(set(firms["network_2005"].astype(str)) - set(NETWORKS))
    if bad_net:
        raise PathDataError(f"unknown network_2005 code(s) {bad_net}; expected global/local")


def check_paths(firms: pd.DataFrame) -> list[str]:
    """Every contradiction between a firm's recorded path and the rest of its record.

    Returns one readable message per problem (empty when the table is consistent), in firm
    order. See the module docstring for the rules checked.
    """
    _require(firms)
    problems: list[str] = []
    for row in with_firm_ids(firms).itertuples(index=False):
        firm, path = row.firm_id, row.path_2006_2011
        independent = str(row.legal_status).startswith("independent")
        subsidiary = str(row.legal_status).startswith("foreign_subsidiary")
        shifted = row.network_change == "local_to_global"
        if shifted != (path == "local_to_global"):
            problems.append(
                f"{firm}: network_change is {row.network_change!r} but the path is {path!r}"
            )
        if shifted and row.network_2005 != "local":
            problems.append(f"{firm}: shifted local_to_global but was {row.network_2005!r} in 2005")
        if path == "relocated_abroad" and not (
            subsidiary and row.acquired_2006_2011 == "not_acquired"
        ):
            problems.append(
                f"{firm}: relocated abroad but legal_status is "
                f"{row.legal_status!r}, acquired {row.acquired_2006_2011!r}"
            )
        if path == "acquired_integrated" and not (
            independent and row.acquired_2006_2011 == "foreign"
        ):
            problems.append(
                f"{firm}: acquired and integrated but legal_status is "
                f"{row.legal_status!r}, acquired {row.acquired_2006_2011!r}"
            )
    return problems


def situation_2011(firms: pd.DataFrame) -> pd.Series:
    """Each firm's situation in 2011 (one of :data:`SITUATIONS_2011`), indexed like ``firms``.

    A firm on a path ends where its path ends (``global`` for ``local_to_global``,
    ``relocated_abroad``, ``acquired_integrated``); any other firm keeps its 2005 network.
    """
    _require(firms)
    path = firms["path_2006_2011"].astype(str)
    situation = firms["network_2005"].astype(str).copy()
    situation[path == "local_to_global"] = "global"
    situation[path == "relocated_abroad"] = "relocated_abroad"
    situation[path == "acquired_integrated"] = "acquired_integrated"
    return situation.rename("situation_2011")


def classify_paths(firms: pd.DataFrame, *, strict: bool = True) -> pd.DataFrame:
    """One row per firm (sorted by ``firm_id``): its path, the path's label and number, its
    2005 network and 2011 situation, and whether the path is consistent with its record.

    Columns: ``firm_id, path, path_number, path_label, network_2005, situation_2011,
    gatekeeper_possible, leakage, consistent``. ``path`` is ``"none"`` (number 0) for firms on
    no path. With ``strict`` (the default) an inconsistent record raises
    :class:`PathDataError` listing every problem (see :func:`check_paths`).
    """
    problems = check_paths(firms)
    if strict and problems:
        raise PathDataError("inconsistent development paths:\n" + "\n".join(problems))
    bad_firms = {p.split(":", 1)[0] for p in problems}
    ordered = with_firm_ids(firms)
    path = ordered["path_2006_2011"].astype(str)
    info = path.map(PATH_INFO.get)
    return pd.DataFrame(
        {
            "firm_id": ordered["firm_id"].astype(str),
            "path": path,
            "path_number": [i.number if i else 0 for i in info],
            "path_label": [path_label(p) for p in path],
            "network_2005": ordered["network_2005"].astype(str),
            "situation_2011": situation_2011(ordered).to_numpy(),
            "gatekeeper_possible": [bool(i and i.gatekeeper_possible) for i in info],
            "leakage": [bool(i and i.leakage) for i in info],
            "consistent": [f not in bad_firms for f in ordered["firm_id"].astype(str)],
        }
    )


def path_counts(firms: pd.DataFrame) -> pd.DataFrame:
    """Number of firms on each path (all three paths and ``none``, zeros included).

    Columns: ``path, path_number, path_label, n, firms`` (``firms`` = comma-separated ids).
    """
    table = classify_paths(firms)
    rows = []
    for number, key in enumerate((NO_PATH, *PATHS)):
        members = table.loc[table["path"] == key, "firm_id"].tolist()
        label = path_label(key)
        rows.append(
            {
                "path": key,
                "path_number": number,
                "path_label": label,
                "n": len(members),
                "firms": ", ".join(members),
            }
        )
    rows = rows[1:] + rows[:1]  # the three paths first, then "none"
    return pd.DataFrame(rows)


def transition_counts(firms: pd.DataFrame) -> pd.DataFrame:
    """Cross table of ``network_2005`` (rows: global, local) by 2011 situation (columns in
    :data:`SITUATIONS_2011` order), every cell present, plus nothing else (no margins)."""
    table = classify_paths(firms)
    counts = pd.crosstab(table["network_2005"], table["situation_2011"])
    counts = counts.reindex(index=list(NETWORKS), columns=list(SITUATIONS_2011), fill_value=0)
    counts.index.name, counts.columns.name = "network_2005", "situation_2011"
    return counts.astype(int)


def transitions_long(firms: pd.DataFrame) -> pd.DataFrame:
    """The transition counts as a tidy table for a chart.

    One row per (``network_2005``, ``situation_2011``) pair, zeros included, in a fixed
    order; columns ``network_2005, situation_2011, situation_label, n, firms``.
    """
    table = classify_paths(firms)
    rows = []
    for network in NETWORKS:
        for situation in SITUATIONS_2011:
            members = table.loc[
                (table["network_2005"] == network) & (table["situation_2011"] == situation),
                "firm_id",
            ].tolist()
            rows.append(
                {
                    "network_2005": network,
                    "situation_2011": situation,
                    "situation_label": SITUATION_LABELS[situation],
                    "n": len(members),
                    "firms": ", ".join(members),
                }
            )
    return pd.DataFrame(rows)


def global_share_2011(firms: pd.DataFrame) -> float:
    """The book's one definition of the share of mainly global firms in 2011.

    Share of all firms of 2005 (the denominator stays the number of firms in the table) that
    had mainly global knowledge networks in 2005 or shifted from local to global networks in
    2006-2011, as Table 1's last row records. A caveat goes with it: firms on path 2 (the
    subsidiary closed, activities relocated abroad) and path 3 (taken over and integrated) are
    counted with their network, although they left the cluster or stopped being independent
    actors in it; Table 1 records no closure, so the article gives no such share itself.
    """
    _require(firms)
    net = firms["network_2005"].astype(str)
    shift = firms["network_change"].astype(str) == "local_to_global"
    return float(((net == "global") | shift).sum() / len(firms))


def facts(firms: pd.DataFrame) -> dict[str, object]:
    """Named facts about the paths 2005-2011 for the chapters' prose.

    Keys: ``n_firms``; ``n_path1``, ``n_path2``, ``n_path3`` (firms on each path),
    ``n_on_path``, ``n_no_path``, ``n_leak`` (paths 2 and 3); ``n_acq_foreign``,
    ``n_acq_domestic``, ``n_not_acquired``; ``n_global_2005``, ``n_local_2005``;
    ``share_global_2005``; ``share_global_2011`` (:func:`global_share_2011`, the one
    definition) with ``n_global_2011`` and ``n_global_2011_left`` (of those, firms on path 2
    or 3) and ``global_2011_left_text`` ("1 of the firms counted is");
    ``path2_firms``/``path3_firms``/``leak_firms`` ("1 firm", "2 firms").
    """
    from clusterlab.prose import count, is_are

    table = classify_paths(firms)
    on = table["path"].value_counts()
    n_path = {key: int(on.get(key, 0)) for key in PATHS}
    acquired = firms["acquired_2006_2011"].astype(str).value_counts()
    net = firms["network_2005"].astype(str)
    n = len(firms)
    share_2011 = global_share_2011(firms)
    n_global_2011 = round(share_2011 * n)
    left = table["path"].isin(["relocated_abroad", "acquired_integrated"])
    ordered = firms.sort_values("firm_id")  # the order of ``table``
    in_share = (ordered["network_2005"].astype(str) == "global") | (
        ordered["network_change"].astype(str) == "local_to_global"
    )
    n_leak = n_path["relocated_abroad"] + n_path["acquired_integrated"]
    n_left = int((left & in_share.to_numpy()).sum())
    return {
        "n_firms": n,
        "n_path1": n_path["local_to_global"],
        "n_path2": n_path["relocated_abroad"],
        "n_path3": n_path["acquired_integrated"],
        "n_on_path": sum(n_path.values()),
        "n_no_path": int(on.get(NO_PATH, 0)),
        "n_leak": n_leak,
        "path2_firms": count(n_path["relocated_abroad"], "firm"),
        "path3_firms": count(n_path["acquired_integrated"], "firm"),
        "leak_firms": count(n_leak, "firm"),
        "n_acq_foreign": int(acquired.get("foreign", 0)),
        "n_acq_domestic": int(acquired.get("domestic", 0)),
        "n_not_acquired": int(acquired.get("not_acquired", 0)),
        "n_global_2005": int((net == "global").sum()),
        "n_local_2005": int((net == "local").sum()),
        "share_global_2005": float((net == "global").sum() / n),
        "n_global_2011": n_global_2011,
        "share_global_2011": share_2011,
        "n_global_2011_left": n_left,
        "global_2011_left_text": f"{n_left} of the firms counted {is_are(n_left)}",
    }


def firm_facts(firms: pd.DataFrame) -> dict[str, object]:
    """Named facts about who took which path, for chapter 6's prose.

    Keys: ``n_path1_high`` and ``n_path1_independent`` (firms on path 1 with high
    innovativeness in 2005, and independent in 2005); ``n_high_local`` (highly innovative firms
    with local networks in 2005); ``n_ict``; ``n_acq_foreign_ict`` (foreign takeovers of ICT
    firms); ``n_acq_foreign_no_path`` (foreign takeovers on no path).
    """
    text = firms.astype(str)
    path1 = text["path_2006_2011"] == "local_to_global"
    foreign = text["acquired_2006_2011"] == "foreign"
    high = text["innovativeness"] == "high"
    return {
        "n_path1_high": int((path1 & high).sum()),
        "n_path1_independent": int(
            (path1 & text["legal_status"].str.startswith("independent")).sum()
        ),
        "n_high_local": int((high & (text["network_2005"] == "local")).sum()),
        "n_ict": int((text["sector"] == "ict").sum()),
        "n_acq_foreign_ict": int((foreign & (text["sector"] == "ict")).sum()),
        "n_acq_foreign_no_path": int((foreign & (text["path_2006_2011"] == NO_PATH)).sum()),
    }
