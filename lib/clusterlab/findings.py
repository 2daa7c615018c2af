"""The rough-set facts the book states about the article's decision table, computed once.

The article's decision table is ``network_2005`` explained by the five condition attributes
:data:`clusterlab.data.ARTICLE_CONDITIONS` (Pawlak's definitions, :mod:`clusterlab.roughsets`).
:func:`facts` returns every number and list that chapters 3, 4 and 7 write about it, as named
values the chapters glue; :func:`stability_facts` returns the resampling results under the
book's one resampling setting (:data:`STABILITY_METHOD`, :data:`STABILITY_SAMPLES`,
:data:`STABILITY_SEED`), so every chapter that quotes reduct stability quotes the same number.

Attribute words come from :func:`attribute_word` (the codebook's column titles, lower case),
the one place to change when the label source moves.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from clusterlab.data import ARTICLE_CONDITIONS, DECISION
from clusterlab.prose import (
    attribute_word,
    attribute_words,
    count,
    join_words,
    reduct_sentence,
    set_text,
)
from clusterlab.roughsets import DecisionTable, ReductStability
from clusterlab.words import value_label

__all__ = [
    "STABILITY_METHOD",
    "STABILITY_SAMPLES",
    "STABILITY_SEED",
    "article_table",
    "attribute_word",
    "attribute_words",
    "facts",
    "stability",
    "stability_facts",
]

#: The book's one resampling setting for reduct stability (chapters 3 and 7 quote it).
STABILITY_METHOD = "bootstrap"
STABILITY_SAMPLES = 1000
STABILITY_SEED = 2012


def article_table(firms: pd.DataFrame) -> DecisionTable:
    """The article's decision table: ``network_2005`` by the five article conditions."""
    return DecisionTable(
        firms, decision=DECISION, conditions=list(ARTICLE_CONDITIONS), id_column="firm_id"
    )


def stability(dt: DecisionTable) -> ReductStability:
    """Reduct stability of ``dt`` under the book's resampling setting (module docstring)."""
    return dt.reduct_stability(STABILITY_METHOD, n_samples=STABILITY_SAMPLES, seed=STABILITY_SEED)


def facts(firms: pd.DataFrame) -> dict[str, object]:
    """Named facts about the article's decision table on ``firms``.

    Keys: ``n`` (firms), ``n_conditions``, ``n_global``, ``n_local``, ``n_classes`` (elementary
    sets of all conditions), ``quality`` (gamma_C), ``n_reducts``, ``reducts`` (sets of
    attribute words), ``core`` (attribute words), ``core_set`` (codes in braces),
    ``reduct_sentence`` (a clause grammatical for any number of reducts, in attribute words),
    ``sig_<attribute>`` (significance gamma_C - gamma_{C-a}), ``n_rules_lem2``,
    ``n_rules_minimal``, ``loo_lem2``, ``loo_minimal`` (leave-one-out accuracy),
    ``n_high_local`` (local firms with high innovativeness), ``high_local_firms`` ("2 local
    firms"), ``n_findings`` and ``n_findings_hold`` (the checks of
    :func:`clusterlab.ensemble.article_findings`).
    """
    from clusterlab.ensemble import article_findings

    dt = article_table(firms)
    by_decision = dt.decision_classes()
    reducts = dt.reducts()
    core = dt.core()
    out: dict[str, object] = {
        "n": dt.n,
        "n_conditions": len(dt.conditions),
        "n_global": len(by_decision.get("global", ())),
        "n_local": len(by_decision.get("local", ())),
        "n_classes": len(dt.indiscernibility_classes()),
        "quality": dt.quality(),
        "n_reducts": len(reducts),
        "reducts": join_words(set_text(attribute_word(a) for a in r) for r in reducts),
        "core": attribute_words(core),
        "core_set": set_text(core),
        "reduct_sentence": reduct_sentence(
            reducts, core, {a: attribute_word(a) for a in dt.conditions}
        ),
        "n_rules_lem2": len(dt.rules("lem2")),
        "n_rules_minimal": len(dt.rules("minimal")),
        "loo_lem2": dt.loo_accuracy("lem2"),
        "loo_minimal": dt.loo_accuracy("minimal"),
    }
    for attribute, value in dt.significance().items():
        out[f"sig_{attribute}"] = float(value)
    local = firms[DECISION].astype(str) == "local"
    n_high_local = int((local & (firms["innovativeness"].astype(str) == "high")).sum())
    out["n_high_local"] = n_high_local
    out["high_local_firms"] = count(n_high_local, "local firm")
    findings = article_findings(firms)
    out["n_findings"] = len(findings)
    out["n_findings_hold"] = sum(f.holds for f in findings)
    return out


def stability_facts(firms: pd.DataFrame) -> dict[str, object]:
    """Reduct stability of the article's table under the book's one setting.

    Keys: ``stab_method``, ``stab_n`` (samples), ``stab_seed``, ``stab_reduct_share`` (share
    of samples in which the full table's first reduct is a reduct), ``stab_share_<attribute>``
    (share of samples in which the attribute is in some reduct), ``loo_reduct_share`` (the same
    for the leave-one-out tables).
    """
    dt = article_table(firms)
    result = stability(dt)
    loo = dt.reduct_stability("loo")
    main = tuple(dt.reducts()[0])
    out: dict[str, object] = {
        "stab_method": STABILITY_METHOD,
        "stab_n": result.n_samples,
        "stab_seed": STABILITY_SEED,
        "stab_reduct_share": float(result.reduct_share.get(main, 0.0)),
        "loo_reduct_share": float(loo.reduct_share.get(main, 0.0)),
    }
    for attribute, share in result.attribute_share.items():
        out[f"stab_share_{attribute}"] = float(share)
    return out


#: The two attributes the article names as most influential: chapter 3's teaching subset B.
TWO_ATTRIBUTES: tuple[str, str] = ("legal_status", "export_orientation")

#: The precision chapter 3 shows for variable precision rough sets, and the grid it tabulates.
VPRS_BETA = 0.75
VPRS_GRID: tuple[float, ...] = (1.0, 0.9, 0.8, 0.75, 0.7, 0.65, 0.6)


def _labels(objects: Iterable[str]) -> str:
    return join_words(sorted(objects), empty="(none)")


def method_facts(firms: pd.DataFrame) -> dict[str, object]:
    """The numbers chapter 3 uses to teach the method on the firm table.

    Keys (B = :data:`TWO_ATTRIBUTES`): ``n_multi`` and ``multi_list`` (elementary sets of all
    conditions with more than one firm), ``all_consistent`` ("all"/"not all" classes pure);
    ``b_n_classes``, ``b_n_lower_global``, ``b_lower_global``, ``b_n_upper_global``,
    ``b_n_boundary``, ``b_boundary``, ``b_acc_global``, ``b_acc_local``, ``b_quality``;
    ``n_entries`` (discernibility-matrix entries), ``singletons`` (pairs told apart by one
    attribute); the strongest LEM2 rule ``top_rule`` with ``top_support``, ``top_strength``,
    ``top_certainty``, ``top_coverage``; the approximate rule of B for strongly exporting
    foreign subsidiaries ``ex_rule``, ``ex_support``, ``ex_certainty``, ``ex_coverage``,
    ``ex_objects``, ``ex_matched``, ``ex_other`` (its matching firms of the other decision).
    """
    from clusterlab.teaching import rule_words, rules_table

    dt = article_table(firms)
    b = list(TWO_ATTRIBUTES)
    multi = [c for c in dt.indiscernibility_classes() if len(c) > 1]
    decision = dict(zip(firms["firm_id"].astype(str), firms[DECISION].astype(str), strict=True))
    pure = all(len({decision[m] for m in c}) == 1 for c in dt.indiscernibility_classes())
    approx = dt.approximations(b)
    entries = dt.discernibility_matrix()
    singles = sorted((pair, next(iter(e))) for pair, e in entries.items() if len(e) == 1)
    top = dt.rules("lem2")[0]
    b_rules = dt.rules("lem2", attributes=b)
    frame = rules_table(b_rules, dt, split_possible=True)
    worded = rules_table(b_rules, dt, split_possible=True, labels=True)
    row = frame[
        frame["conditions"].str.contains("foreign_subsidiary_founded")
        & frame["conditions"].str.contains("strong")
        & (frame["decision"] == "global")
    ].iloc[0]
    matched = round(row["support"] / row["certainty"])
    condition_match = (firms["legal_status"].astype(str) == "foreign_subsidiary_founded") & (
        firms["export_orientation"].astype(str) == "strong"
    )
    other = firms.loc[condition_match & (firms[DECISION].astype(str) != "global"), "firm_id"]
    return {
        "n_multi": len(multi),
        "multi_list": "; ".join(set_text(c) for c in multi),
        "all_consistent": "all" if pure else "not all",
        "b_n_classes": len(dt.indiscernibility_classes(b)),
        "b_n_lower_global": len(approx["global"].lower),
        "b_lower_global": _labels(approx["global"].lower),
        "b_n_upper_global": len(approx["global"].upper),
        "b_n_boundary": len(approx["global"].boundary),
        "b_boundary": _labels(approx["global"].boundary),
        "b_acc_global": approx["global"].accuracy,
        "b_acc_local": approx["local"].accuracy,
        "b_quality": dt.quality(b),
        "n_entries": len(entries),
        "singletons": "; ".join(f"{x}-{y}: {attribute_word(a)}" for (x, y), a in singles),
        "top_rule": rule_words(top),
        "top_support": top.support,
        "top_strength": top.strength,
        "top_certainty": top.certainty,
        "top_coverage": top.coverage,
        "ex_rule": str(worded.loc[row.name, "rule"]),
        "ex_support": int(row["support"]),
        "ex_certainty": float(row["certainty"]),
        "ex_coverage": float(row["coverage"]),
        "ex_objects": str(row["objects"]),
        "ex_matched": matched,
        "ex_other": _labels(other.astype(str)),
        "ex_other_firms": count(len(other), "firm"),
    }


def findings_facts(firms: pd.DataFrame) -> dict[str, object]:
    """The numbers of chapter 3's findings page.

    Keys: ``cat1_rule``, ``cat2_rule``, ``cat3_rule``, ``academic_rule`` (the certain rules
    behind the article's categories in the codebook's words, or "no such rule"; see
    :func:`clusterlab.ensemble.article_findings`);
    ``learning_core`` and ``learning_n_reducts`` (the article's conditions plus learning mode);
    ``n_global_rules_minimal`` (minimal certain rules for "global").
    """
    from clusterlab.ensemble import article_findings

    by_key = {f.key: f for f in article_findings(firms)}
    with_learning = DecisionTable(
        firms,
        decision=DECISION,
        conditions=[*ARTICLE_CONDITIONS, "learning_mode"],
        id_column="firm_id",
    )
    minimal = article_table(firms).rules("minimal")
    return {
        "cat1_rule": by_key["category_foreign_ict"].detail,
        "cat2_rule": by_key["category_corporate_spinoff"].detail,
        "cat3_rule": by_key["category_older_innovative"].detail,
        "academic_rule": by_key["academic_taken_over"].detail,
        "learning_core": attribute_words(with_learning.core()),
        "learning_n_reducts": len(with_learning.reducts()),
        "learning_reducts": count(len(with_learning.reducts()), "reduct"),
        "n_global_rules_minimal": sum(
            1 for r in minimal if r.kind == "certain" and tuple(r.decisions) == ("global",)
        ),
    }


def robustness_facts(firms: pd.DataFrame) -> dict[str, object]:
    """The numbers of chapter 3's robustness page (besides :func:`stability_facts`).

    Keys: ``loo_missed`` (firms LEM2 misses when left out), ``loo_n_missed``, ``loo_n_norule``
    (of those, firms no rule fires for), ``loo_norule_phrase`` (a clause true for any count);
    ``vprs_beta``, ``vprs_quality`` (quality of B at :data:`VPRS_BETA`), ``vq_<100 beta>``
    for the grid; ``n_mixed`` and, per mixed class of B (most global first),
    ``mixed<k>_objects``, ``mixed<k>_n``, ``mixed<k>_share``, ``mixed<k>_local``;
    ``n_params`` (parameters of a dummy-coded logistic regression), ``n_deciding`` and
    ``deciding`` (attribute values that occur with one decision only).
    """
    from clusterlab.teaching import loo_predictions

    dt = article_table(firms)
    b = list(TWO_ATTRIBUTES)
    loo = loo_predictions(dt, firms, id_column="firm_id")
    missed = loo[~loo["correct"]]
    n_missed = len(missed)
    n_norule = int(missed["predicted"].isna().sum())
    if n_norule == n_missed:
        phrase = "none of them is classified wrongly: no rule fires for any of them"
    else:
        phrase = f"for {n_norule} of these {count(n_missed, 'firm')} no rule fires at all"
    out: dict[str, object] = {
        "loo_missed": _labels(missed["object"].astype(str)),
        "loo_n_missed": n_missed,
        "loo_missed_firms": count(n_missed, "firm"),
        "loo_n_norule": n_norule,
        "loo_norule_phrase": phrase,
        "vprs_beta": VPRS_BETA,
        "vprs_beta_min": min(VPRS_GRID),
        "vprs_quality": dt.quality(b, beta=VPRS_BETA),
    }
    for beta in VPRS_GRID:
        out[f"vq_{round(beta * 100)}"] = dt.quality(b, beta=beta)
    decision = dict(zip(firms["firm_id"].astype(str), firms[DECISION].astype(str), strict=True))
    mixed = []
    for members in dt.indiscernibility_classes(b):
        n_glob = sum(decision[m] == "global" for m in members)
        if 0 < n_glob < len(members):
            mixed.append((n_glob / len(members), tuple(members)))
    mixed.sort(reverse=True)
    out["n_mixed"] = len(mixed)
    for k, (share, members) in enumerate(mixed, start=1):
        out[f"mixed{k}_objects"] = set_text(members)
        out[f"mixed{k}_n"] = len(members)
        out[f"mixed{k}_share"] = share
        out[f"mixed{k}_local"] = _labels(m for m in members if decision[m] == "local")
    frame = firms[[*ARTICLE_CONDITIONS, DECISION]].astype(str)
    out["n_params"] = 1 + sum(frame[a].nunique() - 1 for a in ARTICLE_CONDITIONS)
    deciding = [
        f"{attribute_word(a)} = {value_label(a, v)}"
        for a in ARTICLE_CONDITIONS
        for v, group in frame.groupby(a)[DECISION]
        if group.nunique() == 1
    ]
    out["n_deciding"] = len(deciding)
    out["deciding"] = "; ".join(deciding)
    return out
