"""The seeded search for the embeddedness scores (step 2 of the procedure).

For each of the five location factors, independently, the group sums are fixed by the printed
means of Table 2; current scores 1-5 are drawn with those sums and handed to firms in the order
of a factor-specific affinity plus noise; changed scores move each current score by -1, 0 or +1
(losses only where the article's interviews found them); a draw is accepted when Welch's t-test
and the Mann-Whitney U test both give the printed significance mark, with a margin around the
thresholds. See :mod:`clusterlab.reconstruct` for the full statement. The scores are
**synthetic**: any other accepted draw would be equally faithful to the article.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

__all__ = ["EMBEDDEDNESS_TARGETS", "SEED", "FactorTarget", "solve_embeddedness"]

#: The seed of the search: factor k draws from ``numpy.random.default_rng(SEED + k)``.
SEED = 20121


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


_Array = np.ndarray[tuple[int], np.dtype[np.float64]]


@dataclass(frozen=True)
class _Traits:
    """The firm traits the affinities are written in (0/1 indicators, log size)."""

    academic: _Array
    subsidiary: _Array
    science: _Array
    limited: _Array
    micro: _Array
    reverse: _Array
    size: _Array


def _traits(firms: pd.DataFrame) -> _Traits:
    legal = firms["legal_status"].astype(str)
    return _Traits(
        academic=legal.str.contains("academic").to_numpy(float),
        subsidiary=legal.str.startswith("foreign").to_numpy(float),
        science=(firms["learning_mode"].astype(str) == "science_based").to_numpy(float),
        limited=(firms["export_orientation"].astype(str) == "limited").to_numpy(float),
        micro=(firms["sector"].astype(str) == "micro_electronics").to_numpy(float),
        reverse=firms["reverse_model"].astype(bool).to_numpy(float),
        size=np.log(firms["employees_2005"].astype(float).to_numpy()),
    )


#: Plausibility ordering per factor (higher = the local factor matters more to the firm).
_AFFINITY: dict[str, Callable[[_Traits], _Array]] = {
    "knowledge_institutes": lambda t: 1.5 * t.academic + 1.0 * t.science,
    "suppliers": lambda t: 1.5 * t.micro - 0.5 * t.subsidiary,
    "customers": lambda t: 1.5 * t.limited - 0.5 * t.reverse,
    "labour_market": lambda t: 0.5 * t.size,
    "personal_networks": lambda t: 1.5 * (1 - t.subsidiary) - 1.0 * t.reverse,
}


def _affinity(firms: pd.DataFrame, factor: str) -> _Array:
    """Plausibility ordering of firms for one factor (higher = local factor more important)."""
    return _AFFINITY[factor](_traits(firms))


def _may_lose(firms: pd.DataFrame) -> np.ndarray:
    """Firms in which the article's interviews found lost local embeddedness: reverse-model
    subsidiaries and firms co-creating with customers (problem-based, strong export)."""
    reverse: np.ndarray = firms["reverse_model"].astype(bool).to_numpy()
    cocreation: np.ndarray = (
        (firms["learning_mode"].astype(str) == "problem_based")
        & (firms["export_orientation"].astype(str) == "strong")
    ).to_numpy()
    may_lose: np.ndarray = reverse | cocreation
    return may_lose


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
