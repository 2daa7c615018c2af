"""How the reconstructed firm-level data in ``data/`` are produced, and how they are checked.

The article (van Geenhuizen & Nijkamp) publishes only aggregates: Table 1 (marginal counts of
21 firms), Table 2 (ten group means of local embeddedness scores, differences and significance
marks) and qualitative findings. The firm-level interview data are not public. The files
``data/firms.csv`` and ``data/embeddedness.csv`` are therefore a **reconstruction**: 21
synthetic records that reproduce every published figure exactly and the qualitative findings as
far as they constrain the data. They are not the original data.

Procedure (``python -m clusterlab.reconstruct --write`` rebuilds both files byte for byte)
------------------------------------------------------------------------------------------
1. **Firm attributes are hand-authored** (:mod:`~clusterlab.reconstruct.records`,
   :data:`FIRM_RECORDS`), one record per firm, chosen so that every Table 1 count holds, the
   rough-set findings hold under the operationalisation in :func:`check_constraints`, and the
   plausibility statements of the article hold (regions, sizes, acquisitions, paths,
   virtualisation). The comment beside each record gives the article's passage it was written
   for.
2. **Embeddedness scores are drawn by a seeded search** (:mod:`~clusterlab.reconstruct.solver`,
   :func:`solve_embeddedness`). For each of the five location factors, independently:

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
3. **Checks** (:mod:`~clusterlab.reconstruct.checks`): :func:`check_constraints` recomputes
   every published figure and finding from the records.
4. **Writing** (:mod:`~clusterlab.reconstruct.files`): :func:`write` never replaces a file in
   ``data/`` by different content unless forced (``--force``); without it the command shows
   what would change.
"""

from __future__ import annotations

from clusterlab.reconstruct.checks import ConstraintResult, check_constraints, report, verify
from clusterlab.reconstruct.cli import main
from clusterlab.reconstruct.files import (
    DataOverwriteError,
    FileChange,
    build,
    csv_text,
    describe,
    plan_write,
    write,
)
from clusterlab.reconstruct.records import FIRM_COLUMNS, FIRM_RECORDS, build_firms
from clusterlab.reconstruct.solver import EMBEDDEDNESS_TARGETS, SEED, solve_embeddedness

__all__ = [
    "EMBEDDEDNESS_TARGETS",
    "FIRM_COLUMNS",
    "FIRM_RECORDS",
    "SEED",
    "ConstraintResult",
    "DataOverwriteError",
    "FileChange",
    "build",
    "build_firms",
    "check_constraints",
    "csv_text",
    "describe",
    "main",
    "plan_write",
    "report",
    "solve_embeddedness",
    "verify",
    "write",
]
