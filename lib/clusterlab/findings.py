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

from clusterlab.data import ARTICLE_CONDITIONS, DECISION, codebook
from clusterlab.prose import count, join_words, reduct_sentence, set_text
from clusterlab.roughsets import DecisionTable, ReductStability

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


#: Shorter words for running text where the codebook title is a phrase.
_RUNNING_TEXT = {"legal_status": "legal status"}


def attribute_word(column: str) -> str:
    """The word for an attribute in running text: :data:`_RUNNING_TEXT` where it has one,
    else its codebook title in lower case; the code itself if not in the codebook.
    """
    if column in _RUNNING_TEXT:
        return _RUNNING_TEXT[column]
    titles = codebook().drop_duplicates("column").set_index("column")["title"]
    return str(titles[column]).lower() if column in titles.index else column


def attribute_words(columns: Iterable[str]) -> str:
    """Attribute words as running text: ``"export orientation and innovativeness"``."""
    return join_words((attribute_word(c) for c in columns), empty="none")


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
    sets of all conditions), ``quality`` (gamma_C), ``n_reducts``, ``reducts`` (as text),
    ``core`` (attribute words), ``core_set`` (codes in braces), ``reduct_sentence`` (a clause
    grammatical for any number of reducts), ``sig_<attribute>`` (significance
    gamma_C - gamma_{C-a}), ``n_rules_lem2``, ``n_rules_minimal``, ``loo_lem2``,
    ``loo_minimal`` (leave-one-out accuracy), ``n_high_local`` (local firms with high
    innovativeness), ``high_local_firms`` ("2 local firms"), ``n_findings`` and
    ``n_findings_hold`` (the checks of :func:`clusterlab.ensemble.article_findings`).
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
        "reducts": join_words(set_text(r) for r in reducts),
        "core": attribute_words(core),
        "core_set": set_text(core),
        "reduct_sentence": reduct_sentence(reducts, core),
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
