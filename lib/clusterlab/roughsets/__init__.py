"""A rough-set engine for categorical decision tables (Pawlak 1991; Komorowski, Pawlak,
Polkowski & Skowron 1999; Ziarko 1993; Grzymala-Busse 1992).

>>> from clusterlab.roughsets import DecisionTable
>>> columns = {"a": [0, 0, 1], "b": ["x", "y", "y"], "d": ["no", "yes", "yes"]}
>>> dt = DecisionTable(columns, decision="d")  # or a pandas.DataFrame
>>> dt.reducts(), dt.core(), dt.quality()
([('b',)], ('b',), 1.0)

Modules: :mod:`.table` (:class:`DecisionTable`: approximations, quality, significance, and
the entry point to everything else), :mod:`.approximations`, :mod:`.vprs` (Ziarko's beta),
:mod:`.reducts` (reducts, bounded reduct search, core, heuristic reduct), :mod:`.rules` (LEM2
certain and possible rules, minimal rules, classification), :mod:`.stability` (reducts under
resampling), :mod:`.csvio` (CSV without pandas), :mod:`.errors`. Internal: :mod:`._validate`
(input checks and encoding), :mod:`._encoded` (the encoded table the algorithms share),
:mod:`._encoding` (value and label order), :mod:`._bitsets`, and the partition backends
:mod:`._backend`, :mod:`._partition` (numpy), :mod:`._partition_py` (plain Python). Importing
this package does not import pandas.

Standard-library mode: without numpy and pandas (e.g. Pyodide in a browser) the package works
the same, on mappings ``column -> values``; numpy speeds up big tables when it is there (the
swap-in partition backends are in :mod:`._backend`).
"""

from clusterlab.roughsets._encoding import natural_key
from clusterlab.roughsets.approximations import Approximation
from clusterlab.roughsets.errors import (
    BetaOutOfRangeError,
    DecisionAmongConditionsError,
    DuplicateError,
    EmptyTableError,
    MissingValueError,
    RoughSetError,
    TooManyAttributesError,
    TooManyValuesError,
    UnknownAttributeError,
    UnknownObjectError,
)
from clusterlab.roughsets.reducts import (
    DEFAULT_REDUCT_LIMIT,
    MAX_EXACT_ATTRIBUTES,
    ReductSearch,
)
from clusterlab.roughsets.rules import Rule
from clusterlab.roughsets.stability import ReductStability
from clusterlab.roughsets.table import MAX_NUMERIC_VALUES, DecisionTable

__all__ = [
    "DEFAULT_REDUCT_LIMIT",
    "MAX_EXACT_ATTRIBUTES",
    "MAX_NUMERIC_VALUES",
    "Approximation",
    "BetaOutOfRangeError",
    "DecisionAmongConditionsError",
    "DecisionTable",
    "DuplicateError",
    "EmptyTableError",
    "MissingValueError",
    "ReductSearch",
    "ReductStability",
    "RoughSetError",
    "Rule",
    "TooManyAttributesError",
    "TooManyValuesError",
    "UnknownAttributeError",
    "UnknownObjectError",
    "natural_key",
]
