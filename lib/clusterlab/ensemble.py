"""How much do the published figures alone constrain the article's rough-set conclusions?

Table 1 prints only **marginal** counts (7 life-sciences firms, 12 highly innovative firms, 10
global firms, ...). It says nothing about which firm has which combination, and the rough-set
findings depend entirely on that joint structure. This module draws many firm tables that all
match the printed Table 1 and counts how often each finding of the article holds in them.

What is held fixed and what is drawn (:func:`draw_tables`)
---------------------------------------------------------
Held fixed, in every table: the 21 firms and every marginal count of Table 1 for the drawn
columns (read from ``data/published/table1.csv``): sector 7/4/9/1, founding period 5/10/6,
innovativeness 12/4/5, export orientation 10/11, legal status 8/2/3/7/1, network 10 global /
11 local, of which 3 global firms with a reverse model and 4 local firms shifting to global,
size class 12/6/0/3; plus the plausibility constraint that the 3 firms with more than 250
employees are foreign subsidiaries (the article's small firms are independent).

Drawn: the joint assignment. Each column is an independent uniform random permutation of its
printed multiset (size class, reverse model and network change conditionally on the constraint
above). So the ensemble is uniform over all tables with these margins. Duplicates (the same
multiset of rows on the rough-set attributes) are rejected: the tables are distinct.

Option ``given="table1+high_global"`` additionally holds the article's statement that high
innovativeness is decisive in its strongest reading (every global firm is highly innovative),
to show how much the remaining findings still depend on the unpublished joint structure.

The findings (:data:`FINDINGS`) are the same operationalisations that
:func:`article_findings` checks on the reconstructed table with the rough-set engine; the
ensemble uses a vectorised re-implementation (quality, significance, core, certain rules as
blocks) that the tests cross-check against :mod:`clusterlab.roughsets`.

Speed (measured with :func:`timed_shares`): drawing 1,000 tables and computing all shares takes
about 0.1-0.2 s; ``make bench`` measures it (target 10 s).
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import pandas as pd

from clusterlab.data import ARTICLE_CONDITIONS, DECISION, LABELS_EN, load_published
from clusterlab.prose import attribute_word, attribute_words
from clusterlab.roughsets import DecisionTable, Rule
from clusterlab.words import join_labels, region_label, value_label

__all__ = [
    "DRAWN_COLUMNS",
    "FINDINGS",
    "Ensemble",
    "Finding",
    "article_findings",
    "draw_tables",
    "findings_matrix",
    "findings_shares",
    "timed_shares",
]

#: Columns each drawn table has (the rough-set attributes first).
DRAWN_COLUMNS: tuple[str, ...] = (
    *ARTICLE_CONDITIONS,
    DECISION,
    "size_class",
    "reverse_model",
    "network_change",
)

#: key -> (short statement, operationalisation). The same definitions are used for the
#: reconstructed data (:func:`article_findings`, with the rough-set engine) and the ensemble.
FINDINGS: dict[str, tuple[str, str]] = {
    "consistent": (
        "the five conditions classify every firm (quality of classification 1)",
        "gamma_C = 1 for C = the five article conditions and decision network_2005",
    ),
    "legal_in_core": (
        "legal status is indispensable",
        "legal_status is in the core (removing it lowers the quality of classification)",
    ),
    "export_in_core": ("export orientation is indispensable", "export_orientation is in the core"),
    "legal_export_most_influential": (
        "legal status and export orientation are the most influential attributes",
        "both in the core and their significances gamma_C - gamma_{C-a} are the two highest, "
        "each strictly above every other attribute's",
    ),
    "high_necessary": (
        "every global firm is highly innovative",
        "innovativeness = high for all firms with network_2005 = global",
    ),
    "innovativeness_in_core": ("innovativeness is indispensable", "innovativeness is in the core"),
    "high_decisive": (
        "high innovativeness is decisive",
        "high_necessary and innovativeness_in_core",
    ),
    "category_foreign_ict": (
        "category 1: foreign subsidiaries with advanced ICT services are certainly global",
        "a minimal certain rule for global whose conditions are drawn from {legal_status = "
        "foreign_subsidiary_founded, sector = ict, innovativeness = high} and include "
        "legal_status = foreign_subsidiary_founded, supported by ICT firms only",
    ),
    "category_corporate_spinoff": (
        "category 2: corporate spin-offs / buy-outs are certainly global",
        "the rule legal_status = independent_corporate_spinoff -> global is certain",
    ),
    "category_older_innovative": (
        "category 3: older highly innovative firms are certainly global",
        "a minimal certain rule for global with conditions drawn from {founding_period = "
        "1989-1994, innovativeness = high} that includes founding_period = 1989-1994",
    ),
    "three_categories": (
        "the three categories of mainly global firms appear as certain rules",
        "category_foreign_ict and category_corporate_spinoff and category_older_innovative",
    ),
    "academic_taken_over": (
        "academic spin-offs taken over by foreign firms are certainly global",
        "the rule legal_status = foreign_subsidiary_academic_spinoff -> global is certain",
    ),
    "academic_ls_global": (
        "an independent academic spin-off in life sciences is certainly global",
        "some firm with legal_status = independent_academic_spinoff and sector = "
        "life_sciences is in the lower approximation of global",
    ),
}


@dataclass(frozen=True)
class Finding:
    """One finding checked on one table: key, statement, whether it holds, and a detail (in
    words: attribute names and values as the codebook writes them)."""

    key: str
    name: str
    holds: bool
    detail: str


# --------------------------------------------------------------------------------------------
# Findings on the reconstructed table, with the rough-set engine
# --------------------------------------------------------------------------------------------


def _rule_in(
    rules: Sequence[Rule],
    allowed: set[tuple[str, str]],
    required: tuple[str, str],
    sector: str | None = None,
    firms: pd.DataFrame | None = None,
) -> Rule | None:
    for r in rules:
        conds = set(r.conditions)
        if r.kind != "certain" or tuple(r.decisions) != ("global",):
            continue
        if required in conds and conds <= allowed:
            if sector is not None and firms is not None:
                objs = set(r.objects)
                secs = set(firms.loc[firms["firm_id"].isin(objs), "sector"].astype(str))
                if secs != {sector}:
                    continue
            return r
    return None


def _words(attributes: set[str]) -> str:
    """Attributes as running text (:func:`clusterlab.prose.attribute_words`), sorted by
    code so the text does not depend on set order."""
    return attribute_words(sorted(attributes)) or "(empty)"


def _rule_detail(rule: Rule | None) -> str:
    """A category rule in the codebook's words, or ``"no such rule"``."""
    from clusterlab.teaching import rule_words

    return "no such rule" if rule is None else rule_words(rule)


def article_findings(
    firms: pd.DataFrame, conditions: Sequence[str] = tuple(ARTICLE_CONDITIONS)
) -> list[Finding]:
    """Check every finding of :data:`FINDINGS` on ``firms`` with :mod:`clusterlab.roughsets`.

    Plus, when the table has a ``virtualisation`` column: adding it to the conditions leaves the
    quality of classification and the core unchanged and it is in no reduct and not in the core.
    """
    f = firms.astype({c: str for c in firms.columns if c != "reverse_model"})
    conditions = list(conditions)
    table = DecisionTable(
        f[["firm_id", *conditions, DECISION]],
        decision=DECISION,
        conditions=conditions,
        id_column="firm_id",
    )
    q = table.quality()
    core = set(table.core())
    sig = table.significance()
    rules = table.rules(method="minimal")
    lower_global = set(table.approximations()["global"].lower)
    out: dict[str, tuple[bool, str]] = {}
    core_text = f"core: {_words(core)}"
    out["consistent"] = (q == 1.0, f"quality {q:.3f}")
    out["legal_in_core"] = ("legal_status" in core, core_text)
    out["export_in_core"] = ("export_orientation" in core, core_text)
    others = [v for a, v in sig.items() if a not in ("legal_status", "export_orientation")]
    top = min(sig.get("legal_status", 0.0), sig.get("export_orientation", 0.0))
    ranked = sorted(sig.items(), key=lambda kv: -kv[1])
    sig_txt = ", ".join(f"{attribute_word(a)} {v:.3f}" for a, v in ranked)
    out["legal_export_most_influential"] = (
        top > 0 and all(top > v + 1e-12 for v in others),
        f"significance: {sig_txt}",
    )
    glob = f[f[DECISION] == "global"]
    n_high = int((glob["innovativeness"] == "high").sum())
    high_text = f"{n_high} of {len(glob)} mainly global firms have high innovativeness"
    out["high_necessary"] = (n_high == len(glob), high_text)
    out["innovativeness_in_core"] = ("innovativeness" in core, core_text)
    out["high_decisive"] = (
        out["high_necessary"][0] and out["innovativeness_in_core"][0],
        "necessary and in the core",
    )
    fsf = ("legal_status", "foreign_subsidiary_founded")
    r1 = _rule_in(rules, {fsf, ("sector", "ict"), ("innovativeness", "high")}, fsf, "ict", f)
    out["category_foreign_ict"] = (r1 is not None, _rule_detail(r1))
    ics = ("legal_status", "independent_corporate_spinoff")
    r2 = _rule_in(rules, {ics}, ics)
    out["category_corporate_spinoff"] = (r2 is not None, _rule_detail(r2))
    old = ("founding_period", "1989-1994")
    r3 = _rule_in(rules, {old, ("innovativeness", "high")}, old)
    out["category_older_innovative"] = (r3 is not None, _rule_detail(r3))
    out["three_categories"] = (all(r is not None for r in (r1, r2, r3)), "categories 1-3")
    fsas = ("legal_status", "foreign_subsidiary_academic_spinoff")
    r4 = _rule_in(rules, {fsas}, fsas)
    out["academic_taken_over"] = (r4 is not None, _rule_detail(r4))
    ias_ls = f[
        (f["legal_status"] == "independent_academic_spinoff") & (f["sector"] == "life_sciences")
    ]
    hits = sorted(set(ias_ls["firm_id"]) & lower_global)
    certainly_global = region_label(value_label(DECISION, "global"))
    out["academic_ls_global"] = (bool(hits), f"{certainly_global}: {join_labels(hits)}")
    results = [Finding(k, FINDINGS[k][0], bool(h), d) for k, (h, d) in out.items()]
    if "virtualisation" in f.columns and "virtualisation" not in conditions:
        ext = DecisionTable(
            f[["firm_id", *conditions, "virtualisation", DECISION]],
            decision=DECISION,
            conditions=[*conditions, "virtualisation"],
            id_column="firm_id",
        )
        q2, core2 = ext.quality(), set(ext.core())
        in_reduct = any("virtualisation" in r for r in ext.reducts())
        results.append(
            Finding(
                "virtualisation_no_effect",
                "adding virtualisation does not change the classification",
                q2 == q and "virtualisation" not in core2 and core2 == core,
                f"quality {q:.3f} -> {q2:.3f}; core: {_words(core2)}; virtualisation in a "
                f"reduct: {'yes' if in_reduct else 'no'}",
            )
        )
    return results


# --------------------------------------------------------------------------------------------
# The ensemble
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ensemble:
    """Drawn tables as integer codes: ``codes[t, i, j]`` is the code of firm i, column j of
    table t; ``categories[column]`` maps codes to the codebook values."""

    codes: np.ndarray
    columns: tuple[str, ...]
    categories: dict[str, tuple[str, ...]]
    seed: int
    given: str
    seconds: float

    def __len__(self) -> int:
        return int(self.codes.shape[0])

    def frame(self, t: int) -> pd.DataFrame:
        """Table ``t`` as a DataFrame with ``firm_id`` E01... and string codes."""
        data = {"firm_id": [f"E{i + 1:02d}" for i in range(self.codes.shape[1])]}
        for j, col in enumerate(self.columns):
            cats = np.asarray(self.categories[col], dtype=object)
            data[col] = cats[self.codes[t, :, j]].tolist()
        return pd.DataFrame(data)

    def __iter__(self) -> Iterator[pd.DataFrame]:
        for t in range(len(self)):
            yield self.frame(t)


def _margins() -> dict[str, list[tuple[str, int]]]:
    t1 = load_published().table1
    out: dict[str, list[tuple[str, int]]] = {}
    for var in (
        "sector",
        "founding_period",
        "innovativeness",
        "export_orientation",
        "legal_status",
        "size_class",
    ):
        rows = t1[t1["variable"] == var]
        out[var] = [(str(c), int(n)) for c, n in zip(rows["code"], rows["n"], strict=True)]
    net = dict(
        zip(
            t1.loc[t1["variable"] == "network", "code"],
            t1.loc[t1["variable"] == "network", "n"],
            strict=True,
        )
    )
    out[DECISION] = [
        ("global", int(net["global"])),
        ("local", int(net["local_stable"]) + int(net["local_to_global"])),
    ]
    out["reverse_model"] = [("true", int(net["global_reverse_model"]))]
    out["network_change"] = [("local_to_global", int(net["local_to_global"]))]
    return out


def _multiset(pairs: list[tuple[str, int]], cats: Sequence[str]) -> np.ndarray:
    return np.concatenate([np.full(n, list(cats).index(c), dtype=np.int8) for c, n in pairs])


def _place(rng: np.random.Generator, eligible: np.ndarray, k: int) -> np.ndarray:
    """Boolean (T, n): k True per row, uniformly among the row's eligible positions."""
    keys = rng.random(eligible.shape)
    keys[~eligible] = 2.0
    order = np.argsort(keys, axis=1)[:, :k]
    out = np.zeros(eligible.shape, bool)
    np.put_along_axis(out, order, True, axis=1)
    return out


def draw_tables(n: int = 1000, seed: int = 0, given: str = "table1") -> Ensemble:
    """Draw ``n`` distinct firm tables matching the printed Table 1 margins (see module doc).

    ``given``: ``"table1"`` (margins and the size constraint only) or ``"table1+high_global"``
    (also every global firm highly innovative). Seeded and deterministic.
    """
    if given not in ("table1", "table1+high_global"):
        raise ValueError("given must be 'table1' or 'table1+high_global'")
    start = time.perf_counter()
    rng = np.random.default_rng(seed)
    margins = _margins()
    cats = {c: tuple(LABELS_EN[c]) for c in DRAWN_COLUMNS if c != "reverse_model"}
    cats["reverse_model"] = ("false", "true")
    n_firms = sum(k for _, k in margins["sector"])
    kept: list[np.ndarray] = []
    seen: set[bytes] = set()
    while len(kept) < n:
        batch = max(64, int((n - len(kept)) * 1.05))
        cols: dict[str, np.ndarray] = {}
        for col in (*ARTICLE_CONDITIONS, DECISION):
            base = _multiset(margins[col], cats[col])
            cols[col] = rng.permuted(np.tile(base, (batch, 1)), axis=1)
        g = cols[DECISION] == cats[DECISION].index("global")
        if given == "table1+high_global":
            hi, hm, me = (
                cats["innovativeness"].index(v) for v in ("high", "high_medium", "medium")
            )
            n_hi = dict(margins["innovativeness"])["high"]
            extra = _place(rng, ~g, n_hi - int(g[0].sum()))
            rest = ~(g | extra)
            innov = np.full(g.shape, hi, dtype=np.int8)
            others = np.concatenate(
                [
                    np.full(k, c, dtype=np.int8)
                    for c, k in (
                        (hm, dict(margins["innovativeness"])["high_medium"]),
                        (me, dict(margins["innovativeness"])["medium"]),
                    )
                ]
            )
            innov[rest] = rng.permuted(np.tile(others, (batch, 1)), axis=1).ravel()
            cols["innovativeness"] = innov
        legal = np.asarray(cats["legal_status"])[cols["legal_status"]]
        foreign = np.char.startswith(legal.astype(str), "foreign_subsidiary")
        sizes = dict(margins["size_class"])
        big = _place(rng, foreign, sizes[">250"])
        small = np.concatenate(
            [
                np.full(sizes[c], cats["size_class"].index(c), dtype=np.int8)
                for c in ("10-50", "51-100", "101-250")
            ]
        )
        size = np.full(g.shape, cats["size_class"].index(">250"), dtype=np.int8)
        size[~big] = rng.permuted(np.tile(small, (batch, 1)), axis=1).ravel()
        cols["size_class"] = size
        cols["reverse_model"] = _place(rng, g, margins["reverse_model"][0][1]).astype(np.int8)
        shift = _place(rng, ~g, margins["network_change"][0][1])
        cols["network_change"] = np.where(
            shift,
            cats["network_change"].index("local_to_global"),
            cats["network_change"].index("stable"),
        ).astype(np.int8)
        arr = np.stack([cols[c] for c in DRAWN_COLUMNS], axis=2)
        # canonical form on the rough-set attributes: rows as mixed-radix ints, sorted
        k = len(ARTICLE_CONDITIONS) + 1
        radix = np.cumprod([1] + [len(cats[c]) for c in DRAWN_COLUMNS[: k - 1]])
        rowkey = (arr[:, :, :k].astype(np.int64) * radix).sum(axis=2)
        canon = np.sort(rowkey, axis=1)
        for t in range(batch):
            key = canon[t].tobytes()
            if key not in seen:
                seen.add(key)
                kept.append(arr[t])
                if len(kept) == n:
                    break
    codes = np.stack(kept)
    assert codes.shape == (n, n_firms, len(DRAWN_COLUMNS))
    return Ensemble(codes, DRAWN_COLUMNS, cats, seed, given, time.perf_counter() - start)


def _quality_counts(
    x: np.ndarray, d: np.ndarray, attrs: Sequence[int], cards: Sequence[int]
) -> tuple[np.ndarray, np.ndarray]:
    """Per table: size of the positive region and per-object purity for attribute subset."""
    t, n = d.shape
    key = np.zeros((t, n), np.int64)
    for a in attrs:
        key = key * cards[a] + x[:, :, a]
    key = key + (np.arange(t, dtype=np.int64) * 10**9)[:, None]
    flat = key.ravel()
    _, inv = np.unique(flat, return_inverse=True)
    tot = np.bincount(inv)
    glob = np.bincount(inv, weights=d.ravel().astype(float))
    pure_class = (glob == 0) | (glob == tot)
    pure_obj = pure_class[inv].reshape(t, n)
    return pure_obj.sum(axis=1), pure_obj


def _certain(match: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Per table: the rule with support ``match`` (T, n) is certain for global (non-empty)."""
    out: np.ndarray = match.any(axis=1) & ~(match & (d == 0)).any(axis=1)
    return out


def _minimal_certain_exists(
    blocks: dict[str, np.ndarray], d: np.ndarray, required: str, extra: np.ndarray | None = None
) -> np.ndarray:
    """Per table: a minimal certain global rule with conditions drawn from ``blocks`` that
    includes ``required`` exists (and, with ``extra`` (T, n), is supported within ``extra``)."""
    names = list(blocks)
    t = d.shape[0]
    certain: dict[frozenset[str], np.ndarray] = {}
    match_of: dict[frozenset[str], np.ndarray] = {}
    for size in range(1, len(names) + 1):
        for combo in combinations(names, size):
            m = np.ones_like(d, dtype=bool)
            for c in combo:
                m &= blocks[c]
            match_of[frozenset(combo)] = m
            certain[frozenset(combo)] = _certain(m, d)
    found = np.zeros(t, bool)
    for s, cert in certain.items():
        if required not in s:
            continue
        ok = cert.copy()
        for sub, cert_sub in certain.items():
            if sub < s:
                ok &= ~cert_sub
        if extra is not None:
            ok &= ~(match_of[s] & ~extra).any(axis=1)
        found |= ok
    return found


def findings_matrix(tables: Ensemble | Sequence[pd.DataFrame]) -> pd.DataFrame:
    """One row per table, one boolean column per key of :data:`FINDINGS` (vectorised)."""
    if not isinstance(tables, Ensemble):
        tables = _from_frames(tables)
    cols = list(tables.columns)
    cats = tables.categories
    x = tables.codes[:, :, [cols.index(c) for c in ARTICLE_CONDITIONS]].astype(np.int64)
    d = (tables.codes[:, :, cols.index(DECISION)] == cats[DECISION].index("global")).astype(np.int8)
    cards = [len(cats[c]) for c in ARTICLE_CONDITIONS]
    m = len(ARTICLE_CONDITIONS)
    n = d.shape[1]
    pos_full, pure_full = _quality_counts(x, d, range(m), cards)
    sig = np.zeros((len(d), m))
    for a in range(m):
        pos_a, _ = _quality_counts(x, d, [b for b in range(m) if b != a], cards)
        sig[:, a] = (pos_full - pos_a) / n
    idx = {c: i for i, c in enumerate(ARTICLE_CONDITIONS)}
    core = sig > 1e-12
    li, ei, ii = idx["legal_status"], idx["export_orientation"], idx["innovativeness"]
    others = [i for i in range(m) if i not in (li, ei)]
    top = np.minimum(sig[:, li], sig[:, ei])
    most = (top > 0) & (top > sig[:, others].max(axis=1) + 1e-12)

    def val(col: str, code: str) -> np.ndarray:
        out: np.ndarray = x[:, :, idx[col]] == cats[col].index(code)
        return out

    high = val("innovativeness", "high")
    out: dict[str, np.ndarray] = {}
    out["consistent"] = pos_full == n
    out["legal_in_core"] = core[:, li]
    out["export_in_core"] = core[:, ei]
    out["legal_export_most_influential"] = most
    out["high_necessary"] = ~((d == 1) & ~high).any(axis=1)
    out["innovativeness_in_core"] = core[:, ii]
    out["high_decisive"] = out["high_necessary"] & out["innovativeness_in_core"]
    fsf = val("legal_status", "foreign_subsidiary_founded")
    ict = val("sector", "ict")
    out["category_foreign_ict"] = _minimal_certain_exists(
        {"fsf": fsf, "ict": ict, "high": high}, d, "fsf", extra=ict
    )
    out["category_corporate_spinoff"] = _certain(
        val("legal_status", "independent_corporate_spinoff"), d
    )
    out["category_older_innovative"] = _minimal_certain_exists(
        {"old": val("founding_period", "1989-1994"), "high": high}, d, "old"
    )
    out["three_categories"] = (
        out["category_foreign_ict"]
        & out["category_corporate_spinoff"]
        & out["category_older_innovative"]
    )
    out["academic_taken_over"] = _certain(
        val("legal_status", "foreign_subsidiary_academic_spinoff"), d
    )
    ias_ls = val("legal_status", "independent_academic_spinoff") & val("sector", "life_sciences")
    out["academic_ls_global"] = (ias_ls & (d == 1) & pure_full).any(axis=1)
    return pd.DataFrame({k: out[k] for k in FINDINGS})


def _from_frames(frames: Sequence[pd.DataFrame]) -> Ensemble:
    cats = {c: tuple(LABELS_EN[c]) for c in (*ARTICLE_CONDITIONS, DECISION)}
    cols = (*ARTICLE_CONDITIONS, DECISION)
    codes = np.stack(
        [
            np.stack([np.array([cats[c].index(str(v)) for v in f[c]]) for c in cols], axis=1)
            for f in frames
        ]
    )
    return Ensemble(codes, cols, cats, -1, "frames", 0.0)


def findings_shares(tables: Ensemble | Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Share of tables in which each finding holds: columns ``key, finding, definition,
    n_tables, n_holds, share``, in :data:`FINDINGS` order."""
    mat = findings_matrix(tables)
    rows = [
        {
            "key": k,
            "finding": FINDINGS[k][0],
            "definition": FINDINGS[k][1],
            "n_tables": len(mat),
            "n_holds": int(mat[k].sum()),
            "share": float(mat[k].mean()),
        }
        for k in FINDINGS
    ]
    return pd.DataFrame(rows)


def timed_shares(n: int = 1000, seed: int = 0, given: str = "table1") -> tuple[pd.DataFrame, float]:
    """Draw ``n`` tables and compute the shares; returns (shares, total seconds)."""
    start = time.perf_counter()
    shares = findings_shares(draw_tables(n, seed, given))
    return shares, time.perf_counter() - start
