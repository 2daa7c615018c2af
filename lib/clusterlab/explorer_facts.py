"""The facts the explorer page (chapter 3) states about switching attributes on and off.

Each value comes from :func:`clusterlab.explorers.analyse_subset` on the firm table, with the
article's decision ``network_2005``. Definitions used:

- *full*: the article's five conditions (:data:`clusterlab.data.ARTICLE_CONDITIONS`);
  *without legal status*: the same minus ``legal_status``; *all nine*: every attribute the
  explorer offers (:data:`clusterlab.explorers.roughsets_analysis.TOGGLEABLE`).
- *lost rule*: a rule of the full analysis whose text is not among the rules without legal
  status; *legal-only*: a lost rule whose only condition is legal status.
- *best single attribute*: the attribute with the highest quality of classification on its
  own (ties broken by the name, the last in alphabetical order wins).
- *VPRS*: variable-precision rough sets without legal status at beta = 0.6; *outside*: firms in
  no beta-lower approximation.
- *boundary firms*: firms in the boundary without legal status; their *majority* is the most
  frequent 2005 network among them.

The firm records are a reconstruction matching the article's published aggregates.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from clusterlab.data import ARTICLE_CONDITIONS
from clusterlab.explorers.roughsets_analysis import TOGGLEABLE, analyse_subset
from clusterlab.prose import attribute_word, set_text
from clusterlab.words import region_label, value_label

__all__ = ["VPRS_BETA", "explorer_facts", "without"]

#: The beta of the page's variable-precision example.
VPRS_BETA = 0.6


def without(attribute: str, conditions: Sequence[str] = ARTICLE_CONDITIONS) -> list[str]:
    """``conditions`` without ``attribute``, order kept."""
    return [a for a in conditions if a != attribute]


def _braced(names: Iterable[str]) -> str:
    """A set of attributes in words: ``{legal status, export orientation}``."""
    return set_text(attribute_word(n) for n in names)


def _reduct_facts(
    full: dict[str, Any], reduced: dict[str, Any], nine: dict[str, Any]
) -> dict[str, object]:
    no_legal = [r for r in nine["reducts"] if "legal_status" not in r]
    in_reduct = any("virtualisation" in r for r in nine["reducts"])
    return {
        "core_full": _braced(full["core"]),
        "core_nolegal": _braced(reduced["core"]),
        "core_nine": _braced(nine["core"]),
        "n_reducts_nine": len(nine["reducts"]),
        "reducts_nine": "; ".join(_braced(r) for r in nine["reducts"]),
        "virt_in_reduct": "appears in at least one of them"
        if in_reduct
        else "appears in none of them",
        "reduct_without_legal": _braced(no_legal[0]) if no_legal else "(none)",
    }


def _rule_facts(full: dict[str, Any], reduced: dict[str, Any]) -> dict[str, object]:
    kept = {x["text"] for x in reduced["rules"]}
    lost = [r for r in full["rules"] if r["text"] not in kept]
    return {
        "n_rules_full": len(full["rules"]),
        "n_lost_rules": len(lost),
        "n_lost_legal_only": sum(set(r["if"]) == {"legal_status"} for r in lost),
        "n_possible_nolegal": sum(r["type"] == "possible" for r in reduced["rules"]),
    }


def _boundary_facts(firms: pd.DataFrame, boundary: list[str]) -> dict[str, object]:
    in_boundary = firms[firms["firm_id"].isin(boundary)]
    counts = in_boundary["network_2005"].value_counts()
    statuses = in_boundary.groupby("network_2005", observed=True)["legal_status"].agg(
        lambda s: " or ".join(
            f"“{value_label('legal_status', v)}”" for v in sorted(set(s.astype(str)))
        )
    )
    return {
        "bnd_size": len(in_boundary),
        "bnd_majority": str(counts.idxmax()),
        "bnd_n_majority": int(counts.max()),
        "bnd_share": float(counts.max() / len(in_boundary)),
        "bnd_status": "; ".join(
            f"{region_label(value_label('network_2005', net), prefix='')}: {st}"
            for net, st in statuses.items()
        ),
    }


def explorer_facts(firms: pd.DataFrame) -> dict[str, object]:
    """Named values for the explorer page (see the module docstring for the definitions).

    Keys: ``q_full``, ``q_nolegal``, ``n_pos_nolegal``, ``n``, ``boundary_nolegal``,
    ``n_boundary_nolegal``, ``virt_same`` ("identical"/"different": adding virtualisation
    changes neither quality, core, reducts nor rules), ``best_single``, ``q_best_single``,
    ``q_vprs``, ``outside_vprs``, and those of the reduct, rule and boundary parts.
    """
    full = analyse_subset(firms, ARTICLE_CONDITIONS)
    reduced = analyse_subset(firms, without("legal_status"), "network_2005")
    with_virt = analyse_subset(firms, [*ARTICLE_CONDITIONS, "virtualisation"])
    nine = analyse_subset(firms, TOGGLEABLE)
    singles = {a: analyse_subset(firms, [a])["quality"] for a in TOGGLEABLE}
    best = max(singles, key=lambda a: (singles[a], a))
    vprs = analyse_subset(firms, without("legal_status"), beta=VPRS_BETA)
    boundary = [r["firm"] for r in reduced["regions"] if r["area"] == "boundary"]
    same = all(with_virt[k] == full[k] for k in ("quality", "core", "reducts", "rules"))
    return {
        "q_full": full["quality"],
        "q_nolegal": reduced["quality"],
        "n_pos_nolegal": len(reduced["positive_region"]),
        "n": len(firms),
        "boundary_nolegal": ", ".join(boundary),
        "n_boundary_nolegal": len(boundary),
        "virt_same": "identical" if same else "different",
        "best_single": best,
        "q_best_single": singles[best],
        "q_vprs": vprs["quality"],
        "outside_vprs": ", ".join(r["firm"] for r in vprs["regions"] if r["region"] == "outside")
        or "none",
        **_reduct_facts(full, reduced, nine),
        **_rule_facts(full, reduced),
        **_boundary_facts(firms, boundary),
    }
