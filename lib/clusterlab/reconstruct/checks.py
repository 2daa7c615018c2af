"""The checks every reconstruction must pass: Table 1, Table 2, rough sets, plausibility.

:func:`check_constraints` recomputes every printed figure from the firm records and scores and
compares it with the article's tables (``data/published``), checks the article's rough-set
findings (:func:`clusterlab.ensemble.article_findings`) and the plausibility statements the
records were written for. :func:`verify` runs them on the files in ``data/``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from clusterlab.data import (
    ARTICLE_CONDITIONS,
    PublishedTables,
    founding_period_of,
    load_embeddedness,
    load_firms,
    load_published,
    size_class_of,
    table1_counts,
)
from clusterlab.embeddedness import recompute_table2
from clusterlab.prose import attribute_word
from clusterlab.words import path_label, value_label

__all__ = ["ConstraintResult", "check_constraints", "report", "verify"]


@dataclass(frozen=True)
class ConstraintResult:
    """One checked constraint: a short name, whether it holds, and a readable detail."""

    name: str
    holds: bool
    detail: str
    group: str = ""


def check_constraints(
    firms: pd.DataFrame,
    emb: pd.DataFrame,
    published: PublishedTables | None = None,
    *,
    test: str = "welch",
    roughsets: bool = True,
) -> list[ConstraintResult]:
    """Check every constraint the reconstruction must meet; one :class:`ConstraintResult` each.

    Groups: ``table1`` (every printed count, from ``published.table1``), ``table2`` (the ten
    group means to one decimal and the significance marks under ``test``), ``roughsets`` (the
    article's findings, see :func:`clusterlab.ensemble.article_findings`; skipped when
    ``roughsets`` is False) and ``plausibility``.
    """
    if published is None:
        published = load_published()
    results: list[ConstraintResult] = []
    results += _table1_checks(firms, published.table1)
    results += _table2_checks(firms, emb, published.table2, test)
    if roughsets:
        results += _roughset_checks(firms)
    results += _plausibility_checks(firms)
    results += _score_checks(firms, emb)
    return results


def _table1_checks(firms: pd.DataFrame, table1: pd.DataFrame) -> list[ConstraintResult]:
    recomputed = table1_counts(firms)
    out = []
    merged = table1.merge(
        recomputed, on=["variable", "code"], how="left", suffixes=("", "_recomputed")
    )
    for row in merged.itertuples(index=False):
        got = row.n_recomputed
        holds = bool(pd.notna(got) and int(got) == int(row.n))
        out.append(
            ConstraintResult(
                f"Table 1: {block_word(row)} = {row.category_en}",
                holds,
                f"printed {row.n}, reconstructed {got if pd.notna(got) else 'missing'}",
                "table1",
            )
        )
    return out


def block_word(row: Any) -> str:
    """The Table 1 block a row belongs to, in words: the attribute (``legal status``), or the
    block's English title for the knowledge-network block, which has no single column."""
    if row.variable == "network":
        return str(row.block_en).split(" and ")[0].lower()
    return attribute_word(str(row.variable))


def _factor(code: str) -> str:
    """A Table 2 factor in words: ``knowledge_institutes`` -> ``knowledge institutes``."""
    return value_label("factor", code).lower()


def _table2_checks(
    firms: pd.DataFrame, emb: pd.DataFrame, table2: pd.DataFrame, test: str
) -> list[ConstraintResult]:
    rec = recompute_table2(firms, emb, test=test)
    out = []
    printed = table2[table2["factor"] != "average"]
    for row in printed.itertuples(index=False):
        r = rec[(rec["factor"] == row.factor) & (rec["measure"] == row.measure)].iloc[0]
        for group in ("local", "global"):
            want = float(getattr(row, f"mean_{group}"))
            got = float(r[f"mean_{group}_rounded"])
            out.append(
                ConstraintResult(
                    f"Table 2: {group} mean, {_factor(row.factor)}, {row.measure}",
                    abs(got - want) < 1e-9,
                    f"printed {want:.1f}, reconstructed {float(r[f'mean_{group}']):.4f} -> "
                    f"{got:.1f}",
                    "table2",
                )
            )
        want_mark = str(row.significance) if pd.notna(row.significance) else ""
        out.append(
            ConstraintResult(
                f"Table 2: mark, {_factor(row.factor)}, {row.measure} ({test})",
                r["mark"] == want_mark,
                f"printed '{want_mark}', reconstructed '{r['mark']}' (p = {r['p_value']:.3f})",
                "table2",
            )
        )
    return out


def _roughset_checks(firms: pd.DataFrame) -> list[ConstraintResult]:
    """The article's rough-set findings, as operationalised in ``data/README.md``."""
    from clusterlab.ensemble import article_findings  # the engine: imported only when needed

    return [
        ConstraintResult(f.name, f.holds, f.detail, "roughsets")
        for f in article_findings(firms, ARTICLE_CONDITIONS)
    ]


def _plausibility_checks(firms: pd.DataFrame) -> list[ConstraintResult]:
    """The article's plausibility statements about the firm records (group ``plausibility``)."""
    f = firms.astype(
        {c: str for c in firms.columns if c not in ("founded", "employees_2005", "reverse_model")}
    )
    out: list[ConstraintResult] = []

    def add(name: str, mask: pd.Series | bool, detail: str = "") -> None:
        if isinstance(mask, pd.Series):
            bad = f.loc[~mask, "firm_id"].tolist()
            out.append(
                ConstraintResult(
                    name,
                    not bad,
                    detail or ("all firms" if not bad else f"violated by {', '.join(bad)}"),
                    "plausibility",
                )
            )
        else:
            out.append(ConstraintResult(name, bool(mask), detail, "plausibility"))

    sector, region, legal = f["sector"], f["region"], f["legal_status"]
    add(
        "micro-electronics in Eindhoven, other sectors in the Randstad",
        (sector == "micro_electronics") == (region == "eindhoven"),
    )
    add(
        ">250 employees only for foreign subsidiaries",
        (f["size_class"] != ">250") | legal.str.startswith("foreign_subsidiary"),
    )
    add(
        "size_class contains employees_2005",
        f["employees_2005"].map(size_class_of) == f["size_class"],
    )
    add(
        "founding_period contains founded",
        f["founded"].map(founding_period_of) == f["founding_period"],
    )
    add(
        "science-based learning only in life sciences; ICT, micro-electronics and "
        "consultancy problem-based",
        (f["learning_mode"] == "problem_based") | (sector == "life_sciences"),
    )
    shifting = f["network_change"] == "local_to_global"
    add(
        f"path “{path_label('local_to_global')}” exactly for the firms shifting from local "
        "to global",
        (shifting == (f["path_2006_2011"] == "local_to_global"))
        & (~shifting | (f["network_2005"] == "local")),
    )
    add(
        f"path “{path_label('relocated_abroad')}” only for foreign subsidiaries not acquired",
        (f["path_2006_2011"] != "relocated_abroad")
        | (
            legal.str.startswith("foreign_subsidiary") & (f["acquired_2006_2011"] == "not_acquired")
        ),
    )
    add(
        f"path “{path_label('acquired_integrated')}” only for independent firms acquired by a "
        "foreign firm",
        (f["path_2006_2011"] != "acquired_integrated")
        | (legal.str.startswith("independent") & (f["acquired_2006_2011"] == "foreign")),
    )
    for path in ("local_to_global", "relocated_abroad", "acquired_integrated"):
        n = int((f["path_2006_2011"] == path).sum())
        add(f"path “{path_label(path)}” occurs", n > 0, f"{n} firm(s)")
    acq = f[f["acquired_2006_2011"] != "not_acquired"]
    ict_share = (acq["sector"] == "ict").mean() if len(acq) else 0.0
    top = acq["sector"].value_counts()
    add(
        "ICT firms show the most acquisition dynamics",
        len(top) > 0 and top.index[0] == "ict" and (len(top) == 1 or top.iloc[0] > top.iloc[1]),
        "acquired firms by sector: "
        + ", ".join(f"{value_label('sector', k)} {int(v)}" for k, v in top.items())
        + f" (ICT share {ict_share:.2f})",
    )
    vrank = f["virtualisation"].map({"low": 0, "medium": 1, "high": 2}).astype(float)
    pb, sb = (
        vrank[f["learning_mode"] == "problem_based"],
        vrank[f["learning_mode"] == "science_based"],
    )
    add(
        "virtualisation stronger under problem-based than science-based learning",
        pb.mean() > sb.mean(),
        f"mean rank {pb.mean():.2f} vs {sb.mean():.2f} (low=0, high=2)",
    )
    ls = sector == "life_sciences"
    svc, res = (
        vrank[ls & (f["learning_mode"] == "problem_based")],
        vrank[ls & (f["learning_mode"] == "science_based")],
    )
    gls = ls & (f["network_2005"] == "global")
    gsvc = vrank[gls & (f["learning_mode"] == "problem_based")]
    gres = vrank[gls & (f["learning_mode"] == "science_based")]
    add(
        "life sciences: virtualisation stronger in service (problem-based) than research "
        "(science-based) firms, also among the global ones",
        svc.mean() > res.mean() and gsvc.mean() > gres.mean(),
        f"all LS: {svc.mean():.2f} vs {res.mean():.2f}; global LS: {gsvc.mean():.2f} vs "
        f"{gres.mean():.2f}",
    )
    add(
        "reverse model only among global foreign subsidiaries",
        ~f["reverse_model"].astype(bool)
        | ((f["network_2005"] == "global") & legal.str.startswith("foreign_subsidiary")),
    )
    return out


def _score_checks(firms: pd.DataFrame, emb: pd.DataFrame) -> list[ConstraintResult]:
    """The three-point change and where losses may occur (group ``plausibility``)."""
    f = firms.astype(
        {c: str for c in ("firm_id", "network_2005", "learning_mode", "export_orientation")}
    )
    out: list[ConstraintResult] = []

    def add(name: str, holds: bool, detail: str) -> None:
        out.append(ConstraintResult(name, holds, detail, "plausibility"))

    e = emb.merge(
        f[["firm_id", "network_2005", "reverse_model", "learning_mode", "export_orientation"]],
        on="firm_id",
    )
    delta = e["score_changed"].astype(int) - e["score_current"].astype(int)
    add(
        "changed score = current score moved by a three-point change (-1, 0, +1)",
        bool((delta.abs() <= 1).all()),
        f"{int((delta.abs() > 1).sum())} rows outside",
    )
    losers = e[delta < 0]
    ok_loss = (losers["network_2005"] == "global") & (
        losers["reverse_model"].astype(bool)
        | (
            (losers["learning_mode"] == "problem_based")
            & (losers["export_orientation"] == "strong")
        )
    )
    add(
        "losses of local embeddedness only at global reverse-model or co-creating firms",
        bool(ok_loss.all()),
        f"{len(losers)} losses, firms {sorted(set(losers['firm_id']))}",
    )
    return out


def verify(data_dir: str | Path | None = None) -> list[ConstraintResult]:
    """Load the data files and check every constraint (see :func:`check_constraints`)."""
    firms = load_firms(None if data_dir is None else Path(data_dir) / "firms.csv")
    emb = load_embeddedness(None if data_dir is None else Path(data_dir) / "embeddedness.csv")
    return check_constraints(firms, emb, load_published())


def report(results: Sequence[ConstraintResult]) -> pd.DataFrame:
    """The results as a DataFrame (group, name, holds, detail) for display."""
    return pd.DataFrame(
        [{"group": r.group, "name": r.name, "holds": r.holds, "detail": r.detail} for r in results]
    )
