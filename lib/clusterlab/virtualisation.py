"""Virtualisation and global knowledge ties: crosstabs and the rough-set comparison.

The article asks whether virtualisation (ICT taking over physical activities) stimulates
global knowledge relations and concludes that it does not seem to act directly. This module
gives the two pieces of evidence the book shows:

* :func:`crosstab` - firms by virtualisation level and another attribute (network type,
  learning mode, sector), levels in their natural order, zeros kept, optional margins;
* :func:`compare_conditions` - the rough-set analysis of a decision run twice, on the article's
  condition attributes and on the same attributes plus one extra attribute (here
  ``virtualisation``): quality of classification, positive region, core, reducts, the extra
  attribute's significance, the LEM2 rules and their leave-one-out accuracy.
  :func:`comparison_table` lays it out for a chapter;
* :func:`quality_gain` - what the extra attribute adds to the quality of every subset of the
  conditions (redundant in the full set is not the same as uninformative);
* :func:`rank_test` - a Mann-Whitney test of the ordinal level between two groups.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import pandas as pd

from clusterlab.columns import require_columns
from clusterlab.roughsets import DecisionTable

__all__ = [
    "VIRTUALISATION_LEVELS",
    "ConditionComparison",
    "compare_conditions",
    "comparison_table",
    "crosstab",
    "quality_gain",
    "rank_test",
]

#: The codebook's virtualisation levels, in increasing order.
VIRTUALISATION_LEVELS: tuple[str, ...] = ("low", "medium", "high")


def crosstab(
    firms: pd.DataFrame,
    by: str,
    *,
    column: str = "virtualisation",
    levels: Sequence[str] = VIRTUALISATION_LEVELS,
    by_order: Sequence[str] | None = None,
    margins: bool = True,
    normalize: bool = False,
) -> pd.DataFrame:
    """Firms by ``by`` (rows) and ``column`` (columns, in ``levels`` order).

    Rows follow ``by_order`` (default: sorted codes). With ``margins`` a ``total`` row and
    column are added; with ``normalize`` each row is divided by its total (row shares; the
    total column is then 1). Raises :class:`~clusterlab.columns.MissingColumnError` for a
    missing column and ``ValueError`` for a value outside ``levels`` / ``by_order``.
    """
    require_columns(firms, (by, column), "the firm table")
    values = firms[column].astype(str)
    unknown = sorted(set(values) - set(levels))
    if unknown:
        raise ValueError(f"{column} has values outside {list(levels)}: {unknown}")
    rows = firms[by].astype(str)
    order = list(by_order) if by_order is not None else sorted(set(rows))
    unknown = sorted(set(rows) - set(order))
    if unknown:
        raise ValueError(f"{by} has values outside {order}: {unknown}")
    table = (
        pd.crosstab(rows, values)
        .reindex(index=order, columns=list(levels), fill_value=0)
        .astype(int)
    )
    table.index.name = by
    table.columns.name = column
    if normalize:
        totals = table.sum(axis=1)
        shares = table.div(totals.where(totals > 0), axis=0).fillna(0.0)
        if margins:
            shares["total"] = (totals > 0).astype(float)
        return shares
    if margins:
        table["total"] = table.sum(axis=1)
        table.loc["total"] = table.sum(axis=0)
    return table


@dataclass(frozen=True)
class ConditionComparison:
    """The rough-set analysis of one decision with and without an extra condition attribute."""

    decision: str
    conditions: tuple[str, ...]
    extra: str
    quality_without: float
    quality_with: float
    positive_without: tuple[str, ...]
    positive_with: tuple[str, ...]
    core_without: tuple[str, ...]
    core_with: tuple[str, ...]
    reducts_without: tuple[tuple[str, ...], ...]
    reducts_with: tuple[tuple[str, ...], ...]
    significance_with: Mapping[str, float]
    rules_without: tuple[str, ...] = ()
    rules_with: tuple[str, ...] = ()
    loo_without: float = float("nan")
    loo_with: float = float("nan")

    @property
    def extra_significance(self) -> float:
        """gamma_{C+x} - gamma_C: what the extra attribute adds to the quality."""
        return float(self.significance_with[self.extra])

    @property
    def extra_in_core(self) -> bool:
        """Is the extra attribute indispensable in the extended condition set?"""
        return self.extra in self.core_with

    @property
    def reducts_with_extra(self) -> tuple[tuple[str, ...], ...]:
        """Reducts of the extended set that contain the extra attribute."""
        return tuple(r for r in self.reducts_with if self.extra in r)

    @property
    def classification_unchanged(self) -> bool:
        """Same quality of classification and the same positive region with the extra."""
        return (
            self.quality_with == self.quality_without
            and self.positive_with == self.positive_without
        )

    @property
    def rules_unchanged(self) -> bool:
        """Does LEM2 induce the same rules with the extra attribute available?"""
        return self.rules_with == self.rules_without

    @property
    def rules_using_extra(self) -> tuple[str, ...]:
        """LEM2 rules of the extended set that use the extra attribute."""
        return tuple(r for r in self.rules_with if f"{self.extra} =" in r)


def compare_conditions(
    firms: pd.DataFrame,
    conditions: Sequence[str],
    decision: str,
    extra: str = "virtualisation",
    *,
    id_column: str | None = "firm_id",
) -> ConditionComparison:
    """Run the rough-set analysis on ``conditions`` and on ``conditions + [extra]``.

    Uses :class:`clusterlab.roughsets.DecisionTable` (Pawlak's positive-region quality, core
    and reducts; significance of ``a`` = gamma_B - gamma_{B-{a}}). ``id_column`` labels the
    objects (``None`` for row numbers). Raises ``ValueError`` when ``extra`` is already among
    the conditions or is the decision.
    """
    conds = list(conditions)
    if extra in conds:
        raise ValueError(f"{extra!r} is already among the conditions")
    if extra == decision:
        raise ValueError(f"{extra!r} is the decision attribute")
    ident = id_column if id_column in firms.columns else None
    table = DecisionTable(firms, decision=decision, conditions=[*conds, extra], id_column=ident)
    with_extra = [*conds, extra]
    return ConditionComparison(
        decision=decision,
        conditions=tuple(conds),
        extra=extra,
        quality_without=table.quality(conds),
        quality_with=table.quality(with_extra),
        positive_without=tuple(table.positive_region(conds)),
        positive_with=tuple(table.positive_region(with_extra)),
        core_without=tuple(table.core(conds)),
        core_with=tuple(table.core(with_extra)),
        reducts_without=tuple(tuple(r) for r in table.reducts(conds)),
        reducts_with=tuple(tuple(r) for r in table.reducts(with_extra)),
        significance_with=dict(table.significance(with_extra)),
        rules_without=_rule_texts(table, conds),
        rules_with=_rule_texts(table, with_extra),
        loo_without=float(table.loo_accuracy(attributes=conds)),
        loo_with=float(table.loo_accuracy(attributes=with_extra)),
    )


def _rule_texts(table: DecisionTable, attributes: Sequence[str]) -> tuple[str, ...]:
    """LEM2 rules over ``attributes`` as sorted texts 'a = v AND ... -> d (support)'."""
    texts = []
    for rule in table.rules(method="lem2", attributes=list(attributes)):
        cond = " AND ".join(f"{a} = {v}" for a, v in rule.conditions)
        texts.append(
            f"{cond} -> {' or '.join(map(str, rule.decisions))} "
            f"({rule.kind}, support {rule.support})"
        )
    return tuple(sorted(texts))


def quality_gain(
    firms: pd.DataFrame,
    conditions: Sequence[str],
    decision: str,
    extra: str = "virtualisation",
    *,
    id_column: str | None = "firm_id",
    shuffles: int = 0,
    seed: int = 0,
) -> pd.DataFrame:
    """What ``extra`` adds to the quality of classification of every subset of ``conditions``.

    One row per subset S (the empty set included, which has quality 0 unless the table has a
    single decision): ``subset`` (attribute names joined by ", "; "(none)" for the empty set),
    ``size``, ``quality`` (gamma_S), ``quality_with`` (gamma of S plus ``extra``) and ``gain``
    (their difference). Sorted by size, then by the order of ``conditions``. At most 12
    conditions (4096 subsets).

    Quality never falls when an attribute is added, so a gain alone proves little. With
    ``shuffles`` > 0 the column ``gain_shuffled`` gives the mean gain of the same attribute
    with its values randomly permuted over the objects (``shuffles`` permutations from
    ``numpy.random.default_rng(seed)``): the gain any attribute with the same value counts
    would bring by chance. ``gain_excess`` = gain - gain_shuffled.
    """
    conds = list(conditions)
    if len(conds) > 12:
        raise ValueError(f"{len(conds)} conditions: at most 12 (2^12 subsets)")
    if extra in conds or extra == decision:
        raise ValueError(f"{extra!r} must be neither a condition nor the decision")
    ident = id_column if id_column in firms.columns else None
    table = DecisionTable(firms, decision=decision, conditions=[*conds, extra], id_column=ident)
    subsets = [list(s) for size in range(len(conds) + 1) for s in combinations(conds, size)]
    rows = []
    for subset in subsets:
        base = table.quality(subset)
        plus = table.quality([*subset, extra])
        rows.append(
            {
                "subset": ", ".join(subset) or "(none)",
                "size": len(subset),
                "quality": base,
                "quality_with": plus,
                "gain": plus - base,
            }
        )
    out = pd.DataFrame(rows)
    if shuffles > 0:
        rng = np.random.default_rng(seed)
        data = firms.reset_index(drop=True)
        totals = np.zeros(len(subsets))
        for _ in range(shuffles):
            shuffled = data.assign(**{extra: data[extra].to_numpy()[rng.permutation(len(data))]})
            null = DecisionTable(
                shuffled, decision=decision, conditions=[*conds, extra], id_column=ident
            )
            totals += [
                null.quality([*sub, extra]) - q
                for sub, q in zip(subsets, out["quality"], strict=True)
            ]
        out["gain_shuffled"] = totals / shuffles
        out["gain_excess"] = out["gain"] - out["gain_shuffled"]
    return out


def rank_test(
    firms: pd.DataFrame,
    by: str = "network_2005",
    *,
    column: str = "virtualisation",
    levels: Sequence[str] = VIRTUALISATION_LEVELS,
) -> tuple[float, float]:
    """Two-sided Mann-Whitney U test of the ordinal ``column`` between the two groups of ``by``.

    Levels are ranked in ``levels`` order (low = 0, ...). With ties scipy uses the normal
    approximation with tie and continuity correction. Returns (U of the first group in sorted
    order, p). Raises ``ValueError`` unless ``by`` has exactly two groups.
    """
    from scipy import stats

    rank = {lv: i for i, lv in enumerate(levels)}
    values = firms[column].astype(str).map(rank)
    if values.isna().any():
        raise ValueError(f"{column} has values outside {list(levels)}")
    groups = sorted(set(firms[by].astype(str)))
    if len(groups) != 2:
        raise ValueError(f"{by} must have exactly two groups, found {groups}")
    a = values[firms[by].astype(str) == groups[0]].to_numpy(float)
    b = values[firms[by].astype(str) == groups[1]].to_numpy(float)
    result = stats.mannwhitneyu(a, b, alternative="two-sided")
    return float(result.statistic), float(result.pvalue)


def comparison_table(
    result: ConditionComparison, labels: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """The comparison as a small table: one row per measure, columns ``without`` / ``with``.

    ``labels`` maps attribute codes to display names in the core and reduct cells.
    """
    labels = labels or {}

    def names(attrs: Sequence[str]) -> str:
        return ", ".join(labels.get(a, a) for a in attrs) or "(empty)"

    def reducts(rs: Sequence[Sequence[str]]) -> str:
        return "; ".join("{" + names(r) + "}" for r in rs) or "(none)"

    extra = labels.get(result.extra, result.extra)
    rows = [
        ("Condition attributes", str(len(result.conditions)), str(len(result.conditions) + 1)),
        (
            "Quality of classification",
            f"{result.quality_without:.3f}",
            f"{result.quality_with:.3f}",
        ),
        (
            "Firms in the positive region",
            str(len(result.positive_without)),
            str(len(result.positive_with)),
        ),
        ("Core", names(result.core_without), names(result.core_with)),
        ("Number of reducts", str(len(result.reducts_without)), str(len(result.reducts_with))),
        (f"Reducts containing {extra}", "-", str(len(result.reducts_with_extra))),
        (f"Significance of {extra}", "-", f"{result.extra_significance:.3f}"),
        ("LEM2 rules", str(len(result.rules_without)), str(len(result.rules_with))),
        (f"LEM2 rules using {extra}", "-", str(len(result.rules_using_extra))),
        ("Leave-one-out accuracy (LEM2)", f"{result.loo_without:.3f}", f"{result.loo_with:.3f}"),
    ]
    frame = pd.DataFrame(rows, columns=["measure", "without", "with"]).set_index("measure")
    frame.index.name = None
    frame.columns = ["Article's conditions", f"... plus {extra}"]
    return frame


def _share_at(firms: pd.DataFrame, by: str, group: str, level: str) -> float:
    """Share of the firms with ``by == group`` whose virtualisation is ``level``."""
    members = firms[firms[by].astype(str) == group]
    return float((members["virtualisation"].astype(str) == level).mean())


def _mean_level(firms: pd.DataFrame) -> float:
    """Mean virtualisation level of ``firms``, scoring low = 0, medium = 1, high = 2."""
    rank = {level: i for i, level in enumerate(VIRTUALISATION_LEVELS)}
    return float(firms["virtualisation"].astype(str).map(rank).mean())


def _engine_sentences(result: ConditionComparison) -> dict[str, object]:
    """The engine's answer as clauses, grammatical for any outcome (see :func:`facts`)."""
    from clusterlab.findings import attribute_words
    from clusterlab.prose import count

    if result.core_with == result.core_without:
        core = f"the core, {attribute_words(result.core_without)}, is the same with and without it"
    else:
        core = (
            f"the core is {attribute_words(result.core_with)} with it and "
            f"{attribute_words(result.core_without)} without it"
        )
    n_red, n_red_v = len(result.reducts_with), len(result.reducts_with_extra)
    if n_red == 1:
        reducts = "is in the only reduct" if n_red_v else "is not in the only reduct"
    elif n_red_v == 0:
        reducts = f"appears in none of the {count(n_red, 'reduct')}"
    else:
        reducts = f"appears in {n_red_v} of the {count(n_red, 'reduct')}"
    n_rules = len(result.rules_using_extra)
    rules = "the same rules as without it" if result.rules_unchanged else "different rules"
    rules += (
        ", none of which use virtualisation"
        if n_rules == 0
        else f", {count(n_rules, 'rule')} of which use virtualisation"
    )
    return {
        "core_without": attribute_words(result.core_without),
        "v_classification": "the same" if result.classification_unchanged else "a different",
        "v_core": "is" if result.extra_in_core else "is not",
        "core_sentence": core,
        "reduct_rules_sentence": (f"It {reducts} of the extended table, and LEM2 induces {rules}."),
    }


def facts(firms: pd.DataFrame) -> dict[str, object]:
    """Named facts about virtualisation for the chapters' prose.

    Keys: ``high_problem``, ``high_science``, ``low_science`` (shares of problem- and
    science-based firms at a level); ``n_ls_service``, ``n_ls_research``,
    ``ls_service_mean``, ``ls_research_mean`` (life-sciences firms by learning mode, mean level
    with low = 0, medium = 1, high = 2), the same for the global life-sciences firms
    (``n_gls_*``, ``gls_*_mean``); ``high_global``, ``high_local``, ``mw_p`` (Mann-Whitney
    p between the networks of 2005); the engine's answer with the article's five conditions:
    ``quality_without``, ``quality_with``, ``sig_virt``, ``loo_without``, ``loo_with``; the
    counts as words (``ls_service_firms`` = "2 service firms", ``gls_service_firms`` =
    "1 service firm", ...) and the clauses ``core_without``, ``v_classification``,
    ``v_core``, ``core_sentence``, ``reduct_rules_sentence``.
    """
    from clusterlab.data import ARTICLE_CONDITIONS, DECISION
    from clusterlab.prose import count

    f = firms.astype(str)
    ls = f[f["sector"] == "life_sciences"]
    service, research = (
        ls["learning_mode"] == "problem_based",
        ls["learning_mode"] == "science_based",
    )
    glob = ls["network_2005"] == "global"
    result = compare_conditions(f, ARTICLE_CONDITIONS, DECISION, extra="virtualisation")
    out: dict[str, object] = {
        "high_problem": _share_at(f, "learning_mode", "problem_based", "high"),
        "high_science": _share_at(f, "learning_mode", "science_based", "high"),
        "low_science": _share_at(f, "learning_mode", "science_based", "low"),
        "n_ls_service": int(service.sum()),
        "n_ls_research": int(research.sum()),
        "ls_service_mean": _mean_level(ls[service]),
        "ls_research_mean": _mean_level(ls[research]),
        "n_gls_service": int((glob & service).sum()),
        "n_gls_research": int((glob & research).sum()),
        "gls_service_mean": _mean_level(ls[glob & service]),
        "gls_research_mean": _mean_level(ls[glob & research]),
        "high_global": _share_at(f, "network_2005", "global", "high"),
        "high_local": _share_at(f, "network_2005", "local", "high"),
        "mw_p": rank_test(f, "network_2005")[1],
        "quality_without": result.quality_without,
        "quality_with": result.quality_with,
        "sig_virt": result.extra_significance,
        "loo_without": result.loo_without,
        "loo_with": result.loo_with,
    }
    sizes = {
        "ls_service": (int(service.sum()), "service firm"),
        "ls_research": (int(research.sum()), "research firm"),
        "gls_service": (int((glob & service).sum()), "service firm"),
        "gls_research": (int((glob & research).sum()), "research firm"),
    }
    for key, (n, noun) in sizes.items():
        out[f"{key}_firms"] = count(n, noun)
    out.update(_engine_sentences(result))
    return out
