"""How the reconstructed firm-level data in ``data/`` are produced, and how they are checked.

The article (van Geenhuizen & Nijkamp) publishes only aggregates: Table 1 (marginal counts of
21 firms), Table 2 (ten group means of local embeddedness scores, differences and significance
marks) and qualitative findings. The firm-level interview data are not public. The files
``data/firms.csv`` and ``data/embeddedness.csv`` are therefore a **reconstruction**: 21
synthetic records that reproduce every published figure exactly and the qualitative findings as
far as they constrain the data. They are not the original data.

Procedure (re-runnable: ``python -m clusterlab.reconstruct`` rewrites both files)
---------------------------------------------------------------------------------
1. **Firm attributes are hand-authored** (:data:`FIRM_RECORDS`), one record per firm, chosen so
   that every Table 1 count holds, the rough-set findings hold under the operationalisation in
   :func:`check_constraints`, and the plausibility statements of the article hold (regions,
   sizes, acquisitions, paths, virtualisation). The comment beside each record gives the
   article's passage it was written for.
2. **Embeddedness scores are drawn by a seeded search** (:func:`solve_embeddedness`). For each
   of the five location factors, independently:

   * the group sums are fixed by the printed means: a global mean (n = 10) printed as 3.3 needs
     a sum of exactly 33; a local mean (n = 11) printed as 3.8 needs the unique integer sum s
     with round(s / 11, 1) = 3.8, i.e. 42 (rounding half away from zero);
   * current scores (1-5) are drawn with those sums; within each group the scores are handed to
     firms in the order of a factor-specific affinity plus noise (e.g. academic spin-offs value
     the local knowledge institutes more, foreign subsidiaries their local personal networks
     less), so that the table reads plausibly;
   * the changed score is the current score moved by a three-point change (-1, 0, +1), see
     ``data/README.md``; local firms only gain or keep (the article: local firms become more
     locally embedded), and a loss occurs only at global firms that are reverse-model
     subsidiaries or co-create with customers (problem-based learning, strong export) - the two
     kinds of firm in which the article's interviews found lost local embeddedness;
   * a draw is accepted when both Welch's t-test and the Mann-Whitney U test give the printed
     mark for current and changed scores, with a margin around the thresholds (non-significant:
     p >= 0.12; "*": 0.06 <= p <= 0.09; "**": p <= 0.04).

   The first accepted draw per factor, from ``numpy.random.default_rng(SEED + factor index)``,
   is written. (Bit-identical re-runs rely on NumPy's ``Generator`` streams, which NumPy keeps
   stable; the committed CSV files are the reference either way.)
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from clusterlab.data import founding_period_of, size_class_of

__all__ = [
    "EMBEDDEDNESS_TARGETS",
    "FIRM_COLUMNS",
    "FIRM_RECORDS",
    "SEED",
    "ConstraintResult",
    "build",
    "build_firms",
    "check_constraints",
    "solve_embeddedness",
    "verify",
    "write",
]

SEED = 20121
FIRM_COLUMNS: tuple[str, ...] = (
    "firm_id",
    "sector",
    "region",
    "founded",
    "founding_period",
    "employees_2005",
    "size_class",
    "innovativeness",
    "export_orientation",
    "legal_status",
    "learning_mode",
    "virtualisation",
    "network_2005",
    "reverse_model",
    "network_change",
    "acquired_2006_2011",
    "path_2006_2011",
)

_IAS = "independent_academic_spinoff"
_ICS = "independent_corporate_spinoff"
_FSAS = "foreign_subsidiary_academic_spinoff"
_FSF = "foreign_subsidiary_founded"
_INS = "independent_no_spinoff"

# (firm_id, sector, founded, employees, innovativeness, export, legal_status, learning_mode,
#  virtualisation, network_2005, reverse_model, network_change, acquired, path)
# region, founding_period and size_class are derived (see build_firms).
# Virtualisation: F03-F07 share one level (medium) so that it discerns none of the pairs
# that put legal status, export orientation and innovativeness in the core (the article: it does
# not drive global ties); LS service firms (F05, F07) score above LS research firms.
_R = tuple[str, str, int, int, str, str, str, str, str, str, bool, str, str, str]
FIRM_RECORDS: tuple[_R, ...] = (
    # life sciences (Randstad)
    # older, highly innovative research firm; independent academic spin-off in LS research
    (
        "F01",
        "life_sciences",
        1991,
        35,
        "high",
        "strong",
        _IAS,
        "science_based",
        "low",
        "global",
        False,
        "stable",
        "not_acquired",
        "none",
    ),
    # academic spin-off taken over by a foreign firm; knowledge supplier to the parent's R&D
    (
        "F02",
        "life_sciences",
        1993,
        55,
        "high",
        "strong",
        _FSAS,
        "science_based",
        "low",
        "global",
        True,
        "stable",
        "not_acquired",
        "none",
    ),
    # independent academic spin-off in LS research, born global
    (
        "F03",
        "life_sciences",
        1996,
        25,
        "high",
        "strong",
        _IAS,
        "science_based",
        "medium",
        "global",
        False,
        "stable",
        "not_acquired",
        "none",
    ),
    # local academic spin-off, limited export, later shifting to global (path 1)
    (
        "F04",
        "life_sciences",
        1996,
        18,
        "high",
        "limited",
        _IAS,
        "science_based",
        "medium",
        "local",
        False,
        "local_to_global",
        "not_acquired",
        "local_to_global",
    ),
    # corporate spin-off with advanced LS services (system and process optimisation)
    (
        "F05",
        "life_sciences",
        1997,
        40,
        "high",
        "limited",
        _ICS,
        "problem_based",
        "medium",
        "global",
        False,
        "stable",
        "not_acquired",
        "none",
    ),
    (
        "F06",
        "life_sciences",
        1998,
        14,
        "high",
        "limited",
        _IAS,
        "science_based",
        "medium",
        "local",
        False,
        "local_to_global",
        "not_acquired",
        "local_to_global",
    ),
    # LS service firm, becomes more innovative and cooperates with foreign specialists
    (
        "F07",
        "life_sciences",
        1999,
        22,
        "high_medium",
        "strong",
        _IAS,
        "problem_based",
        "medium",
        "local",
        False,
        "local_to_global",
        "not_acquired",
        "local_to_global",
    ),
    # micro-electronics (Eindhoven, Brainport)
    (
        "F08",
        "micro_electronics",
        1989,
        90,
        "high_medium",
        "strong",
        _FSF,
        "problem_based",
        "medium",
        "local",
        False,
        "stable",
        "not_acquired",
        "none",
    ),
    # older, highly innovative optronics firm; academic spin-off taken over by a foreign firm
    (
        "F09",
        "micro_electronics",
        1990,
        65,
        "high",
        "strong",
        _FSAS,
        "problem_based",
        "high",
        "global",
        True,
        "stable",
        "not_acquired",
        "none",
    ),
    # buy-out in micro-electronics (corporate spin-off); acquired by a foreign firm later
    (
        "F10",
        "micro_electronics",
        1996,
        80,
        "high",
        "strong",
        _ICS,
        "problem_based",
        "medium",
        "global",
        False,
        "stable",
        "foreign",
        "none",
    ),
    (
        "F11",
        "micro_electronics",
        1997,
        75,
        "medium",
        "limited",
        _FSF,
        "problem_based",
        "medium",
        "local",
        False,
        "stable",
        "not_acquired",
        "none",
    ),
    # ICT (Randstad)
    # independent software firm taken over by a foreign firm and integrated (path 3)
    (
        "F12",
        "ict",
        1994,
        30,
        "high_medium",
        "limited",
        _IAS,
        "problem_based",
        "high",
        "local",
        False,
        "stable",
        "foreign",
        "acquired_integrated",
    ),
    (
        "F13",
        "ict",
        1995,
        60,
        "medium",
        "limited",
        _FSF,
        "problem_based",
        "high",
        "local",
        False,
        "stable",
        "not_acquired",
        "none",
    ),
    # foreign subsidiaries with advanced ICT services (protective software, interfaces,
    # platform architecture): F14, F16, F18
    (
        "F14",
        "ict",
        1998,
        450,
        "high",
        "strong",
        _FSF,
        "problem_based",
        "high",
        "global",
        False,
        "stable",
        "not_acquired",
        "none",
    ),
    # ICT academic spin-off taken over by a foreign firm; the parent closes it and moves the
    # activities abroad (path 2)
    (
        "F15",
        "ict",
        2000,
        28,
        "high",
        "limited",
        _FSAS,
        "problem_based",
        "medium",
        "global",
        True,
        "stable",
        "not_acquired",
        "relocated_abroad",
    ),
    (
        "F16",
        "ict",
        2000,
        280,
        "high",
        "strong",
        _FSF,
        "problem_based",
        "high",
        "global",
        False,
        "stable",
        "not_acquired",
        "none",
    ),
    (
        "F17",
        "ict",
        2000,
        12,
        "medium",
        "limited",
        _IAS,
        "problem_based",
        "medium",
        "local",
        False,
        "stable",
        "not_acquired",
        "none",
    ),
    (
        "F18",
        "ict",
        2001,
        320,
        "high",
        "strong",
        _FSF,
        "problem_based",
        "medium",
        "global",
        False,
        "stable",
        "not_acquired",
        "none",
    ),
    # ICT subsidiary adopting the "empty firm" model with co-creation abroad (path 1)
    (
        "F19",
        "ict",
        2001,
        20,
        "high_medium",
        "limited",
        _FSF,
        "problem_based",
        "high",
        "local",
        False,
        "local_to_global",
        "not_acquired",
        "local_to_global",
    ),
    # independent ICT firm acquired by a foreign firm and strengthened, not integrated
    (
        "F20",
        "ict",
        2001,
        16,
        "medium",
        "limited",
        _IAS,
        "problem_based",
        "medium",
        "local",
        False,
        "stable",
        "foreign",
        "none",
    ),
    # consultancy (Randstad)
    (
        "F21",
        "consultancy",
        1995,
        11,
        "medium",
        "limited",
        _INS,
        "problem_based",
        "low",
        "local",
        False,
        "stable",
        "domestic",
        "none",
    ),
)

_REGION = {
    "life_sciences": "randstad",
    "ict": "randstad",
    "consultancy": "randstad",
    "micro_electronics": "eindhoven",
}


def build_firms() -> pd.DataFrame:
    """The hand-authored firm table (plain strings, ints and bools; columns FIRM_COLUMNS)."""
    rows = []
    for (
        fid,
        sector,
        founded,
        emp,
        inno,
        export,
        legal,
        learning,
        virt,
        net,
        rev,
        change,
        acquired,
        path,
    ) in FIRM_RECORDS:
        rows.append(
            {
                "firm_id": fid,
                "sector": sector,
                "region": _REGION[sector],
                "founded": founded,
                "founding_period": founding_period_of(founded),
                "employees_2005": emp,
                "size_class": size_class_of(emp),
                "innovativeness": inno,
                "export_orientation": export,
                "legal_status": legal,
                "learning_mode": learning,
                "virtualisation": virt,
                "network_2005": net,
                "reverse_model": rev,
                "network_change": change,
                "acquired_2006_2011": acquired,
                "path_2006_2011": path,
            }
        )
    return pd.DataFrame(rows, columns=list(FIRM_COLUMNS))


@dataclass(frozen=True)
class FactorTarget:
    """What Table 2 fixes for one factor: group sums and the printed marks."""

    local_current: int
    local_changed: tuple[int, ...]  # admissible sums (several when two round alike)
    global_current: int
    global_changed: int
    mark_current: str
    mark_changed: str


#: Sums implied by the printed means (local n = 11, global n = 10) and the printed marks.
#: E.g. labour market, local, changed is printed 4.5: 49/11 = 4.45 and 50/11 = 4.55 both round
#: to 4.5 (half away from zero), so both sums are admissible.
EMBEDDEDNESS_TARGETS: dict[str, FactorTarget] = {
    "knowledge_institutes": FactorTarget(42, (48,), 33, 33, "", ""),
    "suppliers": FactorTarget(32, (34,), 19, 15, "*", "**"),
    "customers": FactorTarget(36, (42,), 27, 36, "", ""),
    "labour_market": FactorTarget(40, (49, 50), 34, 37, "", ""),
    "personal_networks": FactorTarget(41, (47,), 30, 30, "", "*"),
}


def _affinity(firms: pd.DataFrame, factor: str) -> np.ndarray:
    """Plausibility ordering of firms for one factor (higher = local factor more important)."""
    legal = firms["legal_status"].astype(str)
    academic = legal.str.contains("academic").to_numpy(float)
    subsidiary = legal.str.startswith("foreign").to_numpy(float)
    science = (firms["learning_mode"].astype(str) == "science_based").to_numpy(float)
    limited = (firms["export_orientation"].astype(str) == "limited").to_numpy(float)
    micro = (firms["sector"].astype(str) == "micro_electronics").to_numpy(float)
    reverse = firms["reverse_model"].astype(bool).to_numpy(float)
    size = np.log(firms["employees_2005"].astype(float).to_numpy())
    if factor == "knowledge_institutes":
        return 1.5 * academic + 1.0 * science
    if factor == "suppliers":
        return 1.5 * micro - 0.5 * subsidiary
    if factor == "customers":
        return 1.5 * limited - 0.5 * reverse
    if factor == "labour_market":
        return 0.5 * size
    if factor == "personal_networks":
        return 1.5 * (1 - subsidiary) - 1.0 * reverse
    raise KeyError(factor)


def _may_lose(firms: pd.DataFrame) -> np.ndarray:
    """Firms in which the article's interviews found lost local embeddedness: reverse-model
    subsidiaries and firms co-creating with customers (problem-based, strong export)."""
    reverse = firms["reverse_model"].astype(bool).to_numpy()
    cocreation = (
        (firms["learning_mode"].astype(str) == "problem_based")
        & (firms["export_orientation"].astype(str) == "strong")
    ).to_numpy()
    return reverse | cocreation


def _draw_sum(rng: np.random.Generator, n: int, total: int) -> np.ndarray:
    """n integer scores 1-5 with the given sum (uniform start, random unit moves)."""
    v = rng.integers(1, 6, n)
    while (d := total - int(v.sum())) != 0:
        i = int(rng.integers(n))
        if d > 0 and v[i] < 5:
            v[i] += 1
        elif d < 0 and v[i] > 1:
            v[i] -= 1
    return v


def _band(p: float, mark: str) -> bool:
    if mark == "**":
        return p <= 0.04
    if mark == "*":
        return 0.06 <= p <= 0.09
    return p >= 0.12


def _accept(glob: np.ndarray, loc: np.ndarray, mark: str) -> bool:
    pw = float(stats.ttest_ind(glob, loc, equal_var=False).pvalue)
    pu = float(stats.mannwhitneyu(glob, loc, alternative="two-sided").pvalue)
    return _band(pw, mark) and _band(pu, mark)


def _changes(
    rng: np.random.Generator, cur: np.ndarray, delta: int, may_lose: np.ndarray
) -> np.ndarray | None:
    """Changed scores: ``cur`` moved by -1/0/+1 with total change ``delta``; losses only where
    ``may_lose``; scores stay within 1-5. None when the draw cannot meet the total."""
    can_lose = np.flatnonzero(may_lose & (cur > 1))
    k = int(rng.integers(0, len(can_lose) + 1)) if len(can_lose) else 0
    up = delta + k
    if up < 0:
        return None
    lose = rng.choice(can_lose, k, replace=False) if k else np.array([], int)
    can_gain = np.setdiff1d(np.flatnonzero(cur < 5), lose)
    if up > len(can_gain):
        return None
    gain = rng.choice(can_gain, up, replace=False)
    out = cur.copy()
    out[lose] -= 1
    out[gain] += 1
    return out


def solve_embeddedness(
    firms: pd.DataFrame, seed: int = SEED, max_draws: int = 100_000
) -> pd.DataFrame:
    """Seeded search for the embeddedness scores (see the module docstring).

    Returns the long table ``firm_id, factor, score_current, score_changed`` (firms in
    ``firms`` order, factors in :data:`EMBEDDEDNESS_TARGETS` order).
    """
    firms = firms.reset_index(drop=True)
    is_global = (firms["network_2005"].astype(str) == "global").to_numpy()
    groups = {"global": np.flatnonzero(is_global), "local": np.flatnonzero(~is_global)}
    may_lose = _may_lose(firms)
    cur_all: dict[str, np.ndarray] = {}
    chg_all: dict[str, np.ndarray] = {}
    for k, (factor, t) in enumerate(EMBEDDEDNESS_TARGETS.items()):
        rng = np.random.default_rng(seed + k)
        aff = _affinity(firms, factor)
        for _ in range(max_draws):
            cur = np.zeros(len(firms), int)
            chg = np.zeros(len(firms), int)
            ok = True
            for name, idx in groups.items():
                total = t.global_current if name == "global" else t.local_current
                values = np.sort(_draw_sum(rng, len(idx), total))[::-1]
                order = idx[np.argsort(-(aff[idx] + rng.normal(0, 1.0, len(idx))), kind="stable")]
                cur[order] = values
                target = t.global_changed if name == "global" else int(rng.choice(t.local_changed))
                lose = may_lose[idx] if name == "global" else np.zeros(len(idx), bool)
                moved = _changes(rng, cur[idx], target - total, lose)
                if moved is None:
                    ok = False
                    break
                chg[idx] = moved
            if not ok:
                continue
            g, lo = groups["global"], groups["local"]
            if _accept(cur[g], cur[lo], t.mark_current) and _accept(
                chg[g], chg[lo], t.mark_changed
            ):
                cur_all[factor], chg_all[factor] = cur, chg
                break
        else:  # pragma: no cover - the seeds in the repository succeed
            raise RuntimeError(f"no admissible draw for {factor} in {max_draws} draws")
    rows = []
    for i, fid in enumerate(firms["firm_id"].astype(str)):
        for factor in EMBEDDEDNESS_TARGETS:
            rows.append(
                {
                    "firm_id": fid,
                    "factor": factor,
                    "score_current": int(cur_all[factor][i]),
                    "score_changed": int(chg_all[factor][i]),
                }
            )
    return pd.DataFrame(rows)


def build(seed: int = SEED) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The reconstructed firm table and embeddedness table (plain dtypes)."""
    firms = build_firms()
    return firms, solve_embeddedness(firms, seed=seed)


def _csv_value(value: Any) -> Any:
    if isinstance(value, bool | np.bool_):
        return "true" if value else "false"
    return value


def write(
    data_dir: str | Path | None = None,
    seed: int = SEED,
    tables: tuple[pd.DataFrame, pd.DataFrame] | None = None,
) -> tuple[Path, Path]:
    """Write ``firms.csv`` and ``embeddedness.csv`` into ``data_dir`` (default: the data
    directory in use). ``tables``: already built (firms, embeddedness); default ``build(seed)``.
    """
    from clusterlab.data import data_dir as _data_dir

    out = Path(data_dir) if data_dir is not None else _data_dir()
    firms, emb = tables if tables is not None else build(seed)
    firms = firms.map(_csv_value)
    p1, p2 = out / "firms.csv", out / "embeddedness.csv"
    firms.to_csv(p1, index=False, lineterminator="\n")
    emb.to_csv(p2, index=False, lineterminator="\n")
    return p1, p2


# --------------------------------------------------------------------------------------------
# Constraint checks
# --------------------------------------------------------------------------------------------


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
    published: Any = None,
    *,
    test: str = "welch",
    roughsets: bool = True,
) -> list[ConstraintResult]:
    """Check every constraint the reconstruction must meet; one :class:`ConstraintResult` each.

    Groups: ``table1`` (every printed count, from ``published.table1``), ``table2`` (the ten
    group means to one decimal and the significance marks under ``test``), ``roughsets`` (the
    article's findings, see :func:`clusterlab.reconstruct._roughset_checks`; skipped when
    ``roughsets`` is False or the engine is missing) and ``plausibility``.
    """
    from clusterlab import data as _data

    if published is None:
        published = _data.load_published()
    results: list[ConstraintResult] = []
    results += _table1_checks(firms, published.table1)
    results += _table2_checks(firms, emb, published.table2, test)
    if roughsets:
        results += _roughset_checks(firms)
    results += _plausibility_checks(firms, emb)
    return results


def _table1_checks(firms: pd.DataFrame, table1: pd.DataFrame) -> list[ConstraintResult]:
    from clusterlab.data import table1_counts

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
                f"Table 1: {row.variable} = {row.code}",
                holds,
                f"printed {row.n}, reconstructed {got if pd.notna(got) else 'missing'}",
                "table1",
            )
        )
    return out


def _table2_checks(
    firms: pd.DataFrame, emb: pd.DataFrame, table2: pd.DataFrame, test: str
) -> list[ConstraintResult]:
    from clusterlab.embeddedness import recompute_table2

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
                    f"Table 2: {group} mean, {row.factor}, {row.measure}",
                    abs(got - want) < 1e-9,
                    f"printed {want:.1f}, reconstructed {float(r[f'mean_{group}']):.4f} -> "
                    f"{got:.1f}",
                    "table2",
                )
            )
        want_mark = str(row.significance) if pd.notna(row.significance) else ""
        out.append(
            ConstraintResult(
                f"Table 2: mark, {row.factor}, {row.measure} ({test})",
                r["mark"] == want_mark,
                f"printed '{want_mark}', reconstructed '{r['mark']}' (p = {r['p_value']:.3f})",
                "table2",
            )
        )
    return out


def _rs_table(firms: pd.DataFrame, conditions: Sequence[str]) -> Any:
    from clusterlab.roughsets import DecisionTable

    df = firms[["firm_id", *conditions, "network_2005"]].astype(str)
    return DecisionTable(
        df, decision="network_2005", conditions=list(conditions), id_column="firm_id"
    )


def _roughset_checks(firms: pd.DataFrame) -> list[ConstraintResult]:
    """The article's rough-set findings, as operationalised in ``data/README.md``."""
    try:
        import clusterlab.roughsets  # noqa: F401
    except ImportError:  # pragma: no cover
        return [
            ConstraintResult(
                "rough sets: engine available",
                False,
                "clusterlab.roughsets cannot be imported",
                "roughsets",
            )
        ]
    from clusterlab.data import ARTICLE_CONDITIONS
    from clusterlab.ensemble import article_findings

    return [
        ConstraintResult(f.name, f.holds, f.detail, "roughsets")
        for f in article_findings(firms, ARTICLE_CONDITIONS)
    ]


def _plausibility_checks(firms: pd.DataFrame, emb: pd.DataFrame) -> list[ConstraintResult]:
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
        "local_to_global path exactly for the 4 firms shifting from local to global",
        (shifting == (f["path_2006_2011"] == "local_to_global"))
        & (~shifting | (f["network_2005"] == "local")),
    )
    add(
        "relocated_abroad only for foreign subsidiaries not acquired",
        (f["path_2006_2011"] != "relocated_abroad")
        | (
            legal.str.startswith("foreign_subsidiary") & (f["acquired_2006_2011"] == "not_acquired")
        ),
    )
    add(
        "acquired_integrated only for independent firms acquired by a foreign firm",
        (f["path_2006_2011"] != "acquired_integrated")
        | (legal.str.startswith("independent") & (f["acquired_2006_2011"] == "foreign")),
    )
    for path in ("local_to_global", "relocated_abroad", "acquired_integrated"):
        n = int((f["path_2006_2011"] == path).sum())
        add(f"path {path} occurs", n > 0, f"{n} firm(s)")
    acq = f[f["acquired_2006_2011"] != "not_acquired"]
    ict_share = (acq["sector"] == "ict").mean() if len(acq) else 0.0
    top = acq["sector"].value_counts()
    add(
        "ICT firms show the most acquisition dynamics",
        len(top) > 0 and top.index[0] == "ict" and (len(top) == 1 or top.iloc[0] > top.iloc[1]),
        f"acquired firms by sector: { {str(k): int(v) for k, v in top.items()} } "
        f"(ICT share {ict_share:.2f})",
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
    from clusterlab import data as _data

    firms = _data.load_firms(None if data_dir is None else Path(data_dir) / "firms.csv")
    emb = _data.load_embeddedness(None if data_dir is None else Path(data_dir) / "embeddedness.csv")
    return check_constraints(firms, emb, _data.load_published())


def report(results: Sequence[ConstraintResult]) -> pd.DataFrame:
    """The results as a DataFrame (group, name, holds, detail) for display."""
    return pd.DataFrame(
        [{"group": r.group, "name": r.name, "holds": r.holds, "detail": r.detail} for r in results]
    )


def main(argv: Sequence[str] | None = None, printer: Callable[[str], None] = print) -> int:
    """``python -m clusterlab.reconstruct [--write] [--seed N]``: rebuild and/or verify."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite data/*.csv")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    if args.write:
        for p in write(seed=args.seed):
            printer(f"wrote {p}")
    results = verify()
    for r in results:
        printer(f"{'ok  ' if r.holds else 'FAIL'} [{r.group}] {r.name}: {r.detail}")
    failed = sum(not r.holds for r in results)
    printer(f"{len(results) - failed}/{len(results)} constraints hold")
    return 1 if failed else 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
