"""Local embeddedness (lokale hechting): group means, differences and significance (Table 2).

Definitions used throughout (and stated in the book):

* **Groups.** ``local`` = firms with ``network_2005 == "local"`` (the 7 stable local firms and
  the 4 local firms shifting to global: n = 11); ``global`` = ``network_2005 == "global"``
  (n = 10).
* **Measures.** ``current`` = ``score_current`` (importance now, five-point scale);
  ``changed`` = ``score_changed`` (importance in the changed situation, same five-point scale;
  see ``data/README.md`` for how the article's three-point change is read).
* **Group mean** = arithmetic mean of the firms' scores; **difference** = mean(global) -
  mean(local), as the article's column "(2) - (1)"; **average** = the mean of the five
  differences (equivalently: mean of the five global means minus mean of the five local means).
* **Rounding**: to one decimal, half away from zero (:func:`round_half_away`, exact decimal
  arithmetic), applied only for display and comparison with the printed table; differences
  and averages are computed from unrounded means, then rounded.
* **Significance test** (selectable by name, :data:`TESTS`): the default is Welch's two-sided
  t-test for unequal variances (``scipy.stats.ttest_ind(equal_var=False)``); also available:
  Student's t-test (equal variances) and the two-sided Mann-Whitney U test
  (``scipy.stats.mannwhitneyu``, asymptotic normal approximation with tie and continuity
  correction, which scipy uses when there are ties). Marks as in the article: ``"*"`` for
  p < 0.10, ``"**"`` for p < 0.05, ``""`` otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
from scipy import stats

from clusterlab.data import FACTORS, LABELS_EN, LABELS_NL, MEASURES

__all__ = [
    "GROUPS",
    "TESTS",
    "audit_published_table2",
    "group_means",
    "group_scores",
    "mark",
    "patterns",
    "recompute_table2",
    "round_half_away",
    "significance_test",
]

#: The two groups of Table 2, in the printed column order: (1) local, (2) global.
GROUPS: tuple[str, str] = ("local", "global")


def round_half_away(value: float | int | Fraction | Decimal, ndigits: int = 1) -> float:
    """Round to ``ndigits`` decimals, halves away from zero (2.45 -> 2.5, -0.75 -> -0.8).

    Exact: a float is taken at its shortest decimal representation (``repr``), a Fraction
    exactly; so 49/11 = 4.4545... -> 4.5 and 0.25 -> 0.3.
    """
    if isinstance(value, Fraction):
        exact = value * 10**ndigits
        q = int(abs(exact) + Fraction(1, 2))  # floor(|x| + 1/2): halves go away from zero
        return float(Decimal(q if exact >= 0 else -q).scaleb(-ndigits)) + 0.0
    if isinstance(value, float) and not np.isfinite(value):
        return value
    d = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    out = float(d.quantize(Decimal(1).scaleb(-ndigits), rounding=ROUND_HALF_UP))
    return out + 0.0  # normalise -0.0


def _welch(g: np.ndarray, lo: np.ndarray) -> tuple[float, float]:
    r = stats.ttest_ind(g, lo, equal_var=False)
    return float(r.statistic), float(r.pvalue)


def _student(g: np.ndarray, lo: np.ndarray) -> tuple[float, float]:
    r = stats.ttest_ind(g, lo, equal_var=True)
    return float(r.statistic), float(r.pvalue)


def _mannwhitney(g: np.ndarray, lo: np.ndarray) -> tuple[float, float]:
    r = stats.mannwhitneyu(g, lo, alternative="two-sided")
    return float(r.statistic), float(r.pvalue)


#: Two-sided tests of global vs local scores: name -> f(global, local) -> (statistic, p).
TESTS: dict[str, Callable[[np.ndarray, np.ndarray], tuple[float, float]]] = {
    "welch": _welch,
    "student": _student,
    "mannwhitney": _mannwhitney,
}
#: Readable names of the tests.
TEST_LABELS: dict[str, str] = {
    "welch": "Welch's t-test (two-sided, unequal variances)",
    "student": "Student's t-test (two-sided, equal variances)",
    "mannwhitney": "Mann-Whitney U test (two-sided)",
}


def significance_test(name: str) -> Callable[[np.ndarray, np.ndarray], tuple[float, float]]:
    """The test called ``name`` (one of :data:`TESTS`); a clear error otherwise."""
    try:
        return TESTS[name]
    except KeyError:
        raise ValueError(f"unknown test {name!r}; choose one of {', '.join(TESTS)}") from None


def mark(p: float) -> str:
    """The article's mark for a p-value: ``"**"`` p < 0.05, ``"*"`` p < 0.10, else ``""``."""
    if not np.isfinite(p):
        return ""
    if p < 0.05:
        return "**"
    if p < 0.10:
        return "*"
    return ""


def group_scores(firms: pd.DataFrame, emb: pd.DataFrame) -> pd.DataFrame:
    """Long table of scores with the firm's group: ``firm_id, factor, group, measure, score``."""
    net = firms[["firm_id", "network_2005"]].astype(str)
    e = emb.astype({"firm_id": str, "factor": str}).merge(net, on="firm_id", how="left")
    if e["network_2005"].isna().any():
        missing = sorted(set(e.loc[e["network_2005"].isna(), "firm_id"]))
        raise ValueError(f"scores for firms not in the firm table: {missing}")
    long = e.melt(
        id_vars=["firm_id", "factor", "network_2005"],
        value_vars=["score_current", "score_changed"],
        var_name="measure",
        value_name="score",
    )
    long["measure"] = long["measure"].str.replace("score_", "", regex=False)
    long = long.rename(columns={"network_2005": "group"})
    return long[["firm_id", "factor", "group", "measure", "score"]]


def group_means(firms: pd.DataFrame, emb: pd.DataFrame) -> pd.DataFrame:
    """Mean, standard deviation (n - 1) and n per factor, measure and group (tidy).

    Columns ``factor, factor_en, measure, group, n, mean, sd, mean_rounded``, in the printed
    order (factors as in Table 2, current before changed, local before global).
    """
    long = group_scores(firms, emb)
    rows = []
    for factor in FACTORS:
        for measure in MEASURES:
            for group in GROUPS:
                s = long.loc[
                    (long["factor"] == factor)
                    & (long["measure"] == measure)
                    & (long["group"] == group),
                    "score",
                ].astype(int)
                n = len(s)
                mean = Fraction(int(s.sum()), n) if n else Fraction(0)
                rows.append(
                    {
                        "factor": factor,
                        "factor_en": LABELS_EN["factor"][factor],
                        "measure": measure,
                        "group": group,
                        "n": n,
                        "mean": float(mean) if n else float("nan"),
                        "sd": float(s.std(ddof=1)) if n > 1 else float("nan"),
                        "mean_rounded": round_half_away(mean) if n else float("nan"),
                    }
                )
    return pd.DataFrame(rows)


def _mean_fields(local: Fraction, global_: Fraction) -> dict[str, float]:
    """The two group means, rounded as the article prints them (half away from zero), and
    their difference (global minus local), exact and rounded."""
    return {
        "mean_local": float(local),
        "mean_global": float(global_),
        "mean_local_rounded": round_half_away(local),
        "mean_global_rounded": round_half_away(global_),
        "difference": float(global_ - local),
        "difference_rounded": round_half_away(global_ - local),
    }


def recompute_table2(firms: pd.DataFrame, emb: pd.DataFrame, test: str = "welch") -> pd.DataFrame:
    """Table 2 recomputed from firm-level data, tidy: one row per factor and measure, then the
    two average rows (``factor == "average"``; no test there, as in the article).

    Columns: ``factor, factor_en, factor_nl, measure, n_local, n_global, mean_local,
    mean_global, mean_local_rounded, mean_global_rounded, difference, difference_rounded,
    statistic, p_value, mark, test``. ``difference`` = mean_global - mean_local (unrounded).
    """
    fn = significance_test(test)
    long = group_scores(firms, emb)
    rows = []
    for factor in FACTORS:
        for measure in MEASURES:
            sel = long[(long["factor"] == factor) & (long["measure"] == measure)]
            g = sel.loc[sel["group"] == "global", "score"].astype(float).to_numpy()
            lo = sel.loc[sel["group"] == "local", "score"].astype(float).to_numpy()
            fl, fg = Fraction(int(lo.sum()), len(lo)), Fraction(int(g.sum()), len(g))
            stat, p = fn(g, lo)
            rows.append(
                {
                    "factor": factor,
                    "factor_en": LABELS_EN["factor"][factor],
                    "factor_nl": LABELS_NL["factor"][factor],
                    "measure": measure,
                    "n_local": len(lo),
                    "n_global": len(g),
                    **_mean_fields(fl, fg),
                    "statistic": stat,
                    "p_value": p,
                    "mark": mark(p),
                    "test": test,
                    "_fl": fl,
                    "_fg": fg,
                }
            )
    body = pd.DataFrame(rows)
    for measure in MEASURES:
        part = body[body["measure"] == measure]
        fl = sum(part["_fl"], Fraction(0)) / len(part)
        fg = sum(part["_fg"], Fraction(0)) / len(part)
        rows.append(
            {
                "factor": "average",
                "factor_en": "Average",
                "factor_nl": "Gemiddeld",
                "measure": measure,
                "n_local": int(part["n_local"].iloc[0]),
                "n_global": int(part["n_global"].iloc[0]),
                **_mean_fields(fl, fg),
                "statistic": float("nan"),
                "p_value": float("nan"),
                "mark": "",
                "test": test,
                "_fl": fl,
                "_fg": fg,
            }
        )
    return pd.DataFrame(rows).drop(columns=["_fl", "_fg"])


def _dec(x: object) -> Decimal:
    return Decimal(repr(float(x)))  # type: ignore[arg-type]


def audit_published_table2(table2: pd.DataFrame, only_discrepancies: bool = False) -> pd.DataFrame:
    """Recompute every printed difference and average of Table 2 from the printed means.

    ``table2`` is ``load_published().table2``. One row per check: ``check`` ("difference",
    "average from means", "average from printed differences"), ``factor, measure, printed,
    recomputed, consistent, detail``. Differences: printed mean_global - printed mean_local
    (exact decimals). Averages: the mean of the five differences of printed means, and the mean
    of the five printed differences, each rounded half away from zero to one decimal. Every
    check is listed; ``only_discrepancies`` keeps the inconsistent ones.
    """
    t = table2.copy()
    body = t[t["factor"] != "average"]
    rows = []
    diffs: dict[str, list[Decimal]] = {m: [] for m in MEASURES}
    printed_diffs: dict[str, list[Decimal]] = {m: [] for m in MEASURES}
    for r in body.itertuples(index=False):
        d = _dec(r.mean_global) - _dec(r.mean_local)
        p = _dec(r.difference)
        diffs[r.measure].append(d)
        printed_diffs[r.measure].append(p)
        rows.append(
            {
                "check": "difference",
                "factor": r.factor,
                "measure": r.measure,
                "printed": float(p),
                "recomputed": float(d),
                "consistent": d == p,
                "detail": f"{r.mean_global} - {r.mean_local} = {d}",
            }
        )
    for r in t[t["factor"] == "average"].itertuples(index=False):
        p = _dec(r.difference)
        for check, values in (
            ("average from means", diffs[r.measure]),
            ("average from printed differences", printed_diffs[r.measure]),
        ):
            exact = sum(values, Decimal(0)) / len(values)
            rec = Decimal(repr(round_half_away(exact)))
            rows.append(
                {
                    "check": check,
                    "factor": "average",
                    "measure": r.measure,
                    "printed": float(p),
                    "recomputed": float(rec),
                    "consistent": rec == p,
                    "detail": f"mean of {', '.join(str(v) for v in values)} = {exact}",
                }
            )
    out = pd.DataFrame(rows)
    if only_discrepancies:
        out = out[~out["consistent"]].reset_index(drop=True)
    return out


def patterns(table: pd.DataFrame) -> list[tuple[str, bool, str]]:
    """The article's three patterns of local embeddedness, checked on a Table-2-like table.

    ``table`` has columns ``factor, measure, mean_local, mean_global`` (a recomputed or the
    published table). Returns (statement, holds, detail) for: (1) global firms are less
    locally embedded than local firms, now and after change (both average differences < 0);
    (2) among global firms local suppliers lose and local customers gain importance;
    (3) local firms become more locally embedded (changed > current for every factor).
    """
    t = table[table["factor"] != "average"].set_index(["factor", "measure"])

    def val(factor: str, measure: str, col: str) -> float:
        return float(t.loc[(factor, measure), col])

    avg = {
        m: float(np.mean([val(f, m, "mean_global") - val(f, m, "mean_local") for f in FACTORS]))
        for m in MEASURES
    }
    p1 = all(v < 0 for v in avg.values())
    sup = (val("suppliers", "current", "mean_global"), val("suppliers", "changed", "mean_global"))
    cus = (val("customers", "current", "mean_global"), val("customers", "changed", "mean_global"))
    p2 = sup[1] < sup[0] and cus[1] > cus[0]
    gains = {f: val(f, "changed", "mean_local") - val(f, "current", "mean_local") for f in FACTORS}
    p3 = all(v > 0 for v in gains.values())
    return [
        (
            "global firms are less locally embedded than local firms (current and changed)",
            p1,
            f"average difference current {avg['current']:.2f}, changed {avg['changed']:.2f}",
        ),
        (
            "global firms: suppliers lose, customers gain local importance",
            p2,
            f"suppliers {sup[0]:.1f} -> {sup[1]:.1f}, customers {cus[0]:.1f} -> {cus[1]:.1f}",
        ),
        (
            "local firms become more locally embedded on every factor",
            p3,
            ", ".join(f"{f} {v:+.2f}" for f, v in gains.items()),
        ),
    ]


def alternative_grouping(firms: pd.DataFrame) -> pd.DataFrame:
    """``firms`` with the other reading of Table 2's groups: the firms that shifted from local
    to global networks after 2005 (``network_change == "local_to_global"``) counted as global.

    The article gives no group sizes. The book's reading (the default everywhere) groups by the
    2005 network: local = the stable local firms and the shifting ones. This alternative
    groups by the network the firm ended up with. Nothing else in the table changes.
    """
    shifting = firms["network_change"].astype(str) == "local_to_global"
    network = firms["network_2005"].astype(str).where(~shifting, "global")
    return firms.assign(network_2005=network)


def attainable(mean: float, n: int) -> bool:
    """Can ``n`` integer scores from 1 to 5 have a mean that rounds (half away from zero, one
    decimal) to ``mean``? True when some sum s in [n, 5n] has ``round_half_away(s / n) == mean``.
    """
    target = round_half_away(mean)
    return any(round_half_away(Fraction(s, n)) == target for s in range(n, 5 * n + 1))


def _match_counts(recomputed: pd.DataFrame, printed: pd.DataFrame) -> tuple[int, int, int]:
    """(mean cells, mean cells matching the printed means, marks matching the printed marks)."""
    body = recomputed[recomputed["factor"] != "average"].merge(
        printed[printed["factor"] != "average"], on=["factor", "measure"], suffixes=("", "_p")
    )
    means = int(
        (body["mean_local_rounded"] == body["mean_local_p"]).sum()
        + (body["mean_global_rounded"] == body["mean_global_p"]).sum()
    )
    marks = int((body["mark"] == body["significance"].fillna("")).sum())
    return 2 * len(body), means, marks


def facts(firms: pd.DataFrame, emb: pd.DataFrame, printed: pd.DataFrame) -> dict[str, object]:
    """Named facts about Table 2 for the chapters' prose (Welch's test, the book's test).

    ``printed`` is ``load_published().table2``. Keys: ``n_local``, ``n_global`` (the book's
    groups, by ``network_2005``), ``n_local_stable``, ``n_shifting``; ``n_mean_cells``,
    ``n_mean_match``, ``n_marks``, ``n_mark_match`` (recomputed against printed);
    ``avg_<measure>_printed`` and ``avg_<measure>_recomputed`` (average differences);
    ``g_<factor>_<measure>`` (printed global means of suppliers and customers);
    ``max_changed_mean`` (largest printed mean in the changed situation);
    ``n_global_gain_customers`` (global firms whose local customers gain importance);
    and, under :func:`alternative_grouping`, ``alt_n_local``, ``alt_n_global``,
    ``alt_n_mean_match``, ``alt_n_mark_match`` (the reconstructed scores regrouped),
    ``alt_avg_current``, ``alt_avg_changed``, ``n_local_means`` (printed local means),
    ``alt_n_local_means_unattainable`` (how many of them no ``alt_n_local`` integer scores can
    produce, see :func:`attainable`) and ``alt_unattainable_means`` (those values as text).
    """
    net = firms["network_2005"].astype(str)
    change = firms["network_change"].astype(str)
    ours = recompute_table2(firms, emb, test="welch")
    n_cells, n_means, n_marks = _match_counts(ours, printed)
    from clusterlab.prose import join_words

    out: dict[str, object] = {
        "n_local": int((net == "local").sum()),
        "n_global": int((net == "global").sum()),
        "n_local_stable": int(((net == "local") & (change == "stable")).sum()),
        "n_shifting": int((change == "local_to_global").sum()),
        "n_mean_cells": n_cells,
        "n_mean_match": n_means,
        "n_marks": n_cells // 2,
        "n_mark_match": n_marks,
    }
    for source, table, column in (
        ("printed", printed, "difference"),
        ("recomputed", ours, "difference_rounded"),
    ):
        avg = table[table["factor"] == "average"].set_index("measure")[column]
        for measure in MEASURES:
            out[f"avg_{measure}_{source}"] = float(avg[measure])
    body = printed[printed["factor"] != "average"].set_index(["factor", "measure"])
    for factor in ("suppliers", "customers"):
        for measure in MEASURES:
            out[f"g_{factor}_{measure}"] = float(body.loc[(factor, measure), "mean_global"])
    changed = body.xs("changed", level="measure")
    out["max_changed_mean"] = float(changed[["mean_local", "mean_global"]].max().max())
    customers = emb[emb["factor"] == "customers"].merge(firms[["firm_id"]].assign(net=net))
    gain = customers["score_changed"] > customers["score_current"]
    out["n_global_gain_customers"] = int((gain & (customers["net"] == "global")).sum())
    alt_firms = alternative_grouping(firms)
    alt = recompute_table2(alt_firms, emb, test="welch")
    _, alt_means, alt_marks = _match_counts(alt, printed)
    alt_net = alt_firms["network_2005"].astype(str)
    alt_n_local = int((alt_net == "local").sum())
    out["alt_n_local"] = alt_n_local
    out["alt_n_global"] = int((alt_net == "global").sum())
    out["alt_n_mean_match"] = alt_means
    out["alt_n_mark_match"] = alt_marks
    alt_avg = alt[alt["factor"] == "average"].set_index("measure")["difference_rounded"]
    out["alt_avg_changed"] = float(alt_avg["changed"])
    out["alt_avg_current"] = float(alt_avg["current"])
    local_means = [float(v) for v in body["mean_local"]]
    impossible = sorted({v for v in local_means if not attainable(v, alt_n_local)})
    out["n_local_means"] = len(local_means)
    out["alt_n_local_means_unattainable"] = sum(not attainable(v, alt_n_local) for v in local_means)
    out["alt_unattainable_means"] = join_words(f"{v:.1f}" for v in impossible)
    return out


def freedom_facts(printed: pd.DataFrame) -> dict[str, object]:
    """How much the printed group means of Table 2 fix, from the printed table alone.

    With the book's group sizes (11 local, 10 global firms): ``n_means`` (printed group means),
    ``n_means_unique_sum`` and ``n_means_two_sums`` (means that one integer sum, or two, round
    to), and for the global mean of knowledge institutes in the current situation
    (``example_mean``) its sum ``example_sum`` and ``n_distributions``, the number of score
    distributions (how many of the ten firms score 1, 2, ... 5) with that sum;
    ``local_example_mean`` (the local mean of the same cell) and ``two_sums_means`` (the
    printed means that two sums round to, as text).
    """
    from itertools import combinations_with_replacement

    from clusterlab.prose import join_words

    body = printed[printed["factor"] != "average"]
    n_sums = []
    for row in body.itertuples(index=False):
        for group, n in (("local", 11), ("global", 10)):
            mean = float(getattr(row, f"mean_{group}"))
            n_sums.append(sum(round_half_away(Fraction(s, n)) == mean for s in range(n, 5 * n + 1)))
    example = body[(body["factor"] == "knowledge_institutes") & (body["measure"] == "current")]
    example_mean = float(example["mean_global"].iloc[0])
    example_sum = round(example_mean * 10)
    n_distributions = sum(
        1 for scores in combinations_with_replacement(range(1, 6), 10) if sum(scores) == example_sum
    )
    two_sums = sorted(
        {
            float(getattr(row, f"mean_{group}"))
            for row in body.itertuples(index=False)
            for group, n in (("local", 11), ("global", 10))
            if sum(
                round_half_away(Fraction(s, n)) == float(getattr(row, f"mean_{group}"))
                for s in range(n, 5 * n + 1)
            )
            == 2
        }
    )
    local_example = float(example["mean_local"].iloc[0])
    return {
        "local_example_mean": local_example,
        "two_sums_means": join_words(f"{v:.1f}" for v in two_sums),
        "n_means": len(n_sums),
        "n_means_unique_sum": sum(1 for k in n_sums if k == 1),
        "n_means_two_sums": sum(1 for k in n_sums if k == 2),
        "example_mean": example_mean,
        "example_sum": example_sum,
        "n_distributions": n_distributions,
    }


def printed_facts(printed: pd.DataFrame) -> dict[str, object]:
    """Named facts read from the printed Table 2 alone (no firm data), for the prose.

    Shifts between the two columns: ``shift_max`` (largest absolute shift of a group mean),
    ``shift_local_labour``, ``shift_global_customers``; ``local_gain_min``/``_max`` with their
    factors ``local_gain_min_factor``/``_max_factor`` (lower-case labels). The audit
    (:func:`audit_published_table2`): ``n_checks``, ``n_bad``, ``n_diff_checks`` and
    ``n_diff_bad`` (the checks of the printed differences, and how many fail); for suppliers
    and labour market in the changed situation ``audit_<factor>_printed`` and
    ``audit_<factor>_recomputed`` (printed difference, difference of the printed means) and
    ``pm_<factor>_local``/``_global`` (printed means); ``audit_avg_from_means``,
    ``audit_avg_from_printed``, ``audit_avg_exact`` (unrounded mean of the printed
    differences); gaps ``gap_sup_means``, ``gap_sup_printed``, ``gap_ki_changed`` (absolute).
    """
    body = printed[printed["factor"] != "average"].set_index(["factor", "measure"])
    shift = {
        group: {
            f: float(body.loc[(f, "changed"), f"mean_{group}"])
            - float(body.loc[(f, "current"), f"mean_{group}"])
            for f in FACTORS
        }
        for group in GROUPS
    }
    local = shift["local"]
    low, high = min(local, key=local.__getitem__), max(local, key=local.__getitem__)
    audit = audit_published_table2(printed).set_index(["check", "factor", "measure"])

    def value(check: str, factor: str, column: str) -> float:
        return float(audit.loc[(check, factor, "changed"), column])

    out: dict[str, object] = {
        "shift_max": max(abs(v) for g in GROUPS for v in shift[g].values()),
        "shift_local_labour": local["labour_market"],
        "shift_global_customers": shift["global"]["customers"],
        "local_gain_min": local[low],
        "local_gain_max": local[high],
        "local_gain_min_factor": LABELS_EN["factor"][low].lower(),
        "local_gain_max_factor": LABELS_EN["factor"][high].lower(),
        "n_checks": len(audit),
        "n_diff_checks": int((audit.index.get_level_values("check") == "difference").sum()),
        "n_diff_bad": int(
            (
                (audit.index.get_level_values("check") == "difference")
                & ~audit["consistent"].astype(bool).to_numpy()
            ).sum()
        ),
        "n_bad": int((~audit["consistent"].astype(bool)).sum()),
        "audit_avg_from_means": value("average from means", "average", "recomputed"),
        "audit_avg_from_printed": value(
            "average from printed differences", "average", "recomputed"
        ),
        "audit_avg_exact": float(body.xs("changed", level="measure")["difference"].mean()),
        "gap_sup_means": abs(value("difference", "suppliers", "recomputed")),
        "gap_sup_printed": abs(value("difference", "suppliers", "printed")),
        "gap_ki_changed": abs(value("difference", "knowledge_institutes", "printed")),
    }
    for factor in ("suppliers", "labour_market"):
        out[f"audit_{factor}_printed"] = value("difference", factor, "printed")
        out[f"audit_{factor}_recomputed"] = value("difference", factor, "recomputed")
        for group in GROUPS:
            out[f"pm_{factor}_{group}"] = float(body.loc[(factor, "changed"), f"mean_{group}"])
    return out
