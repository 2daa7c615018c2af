"""The explorers: rough sets, Table 2 and development paths, live and static.

Which module does what:

* :mod:`~clusterlab.explorers.roughsets_analysis` - the analysis behind both rough-set
  explorers: :func:`analyse_subset` (one choice of attributes, decision, beta, rule method, ...)
  as plain JSON-ready data;
* :mod:`~clusterlab.explorers._packing` - the packed format of the static page, defined once:
  :func:`precompute_all_subsets` (every subset of the toggleable attributes) and
  :func:`unpack_result` (one subset as the result JSON of ``clusterlab analyse --json``);
* :mod:`~clusterlab.explorers.static` - the static explorers of the built book (no kernel):
  :func:`roughset_block` (drawn by ``clusterlab-render.js``, every control live),
  :func:`embeddedness_block` and :func:`paths_block` (twins of the kernel widgets);
* :mod:`~clusterlab.explorers.widgets_roughsets`, :mod:`~clusterlab.explorers.widgets_embeddedness`,
  :mod:`~clusterlab.explorers.widgets_paths` - the live ipywidgets explorers (need a kernel):
  :func:`roughset_explorer`, :func:`embeddedness_explorer` (Table 2 by factor, situation and
  test), :func:`paths_explorer`; :mod:`~clusterlab.explorers._widget_base` holds what they share.

Each live explorer exposes its controls and what it displays, so tests can set values and read
the results; see the class docstrings. Wording (labels, sets, regions, rules) comes from
:mod:`clusterlab.words`.
"""

from clusterlab.explorers._packing import (
    MAX_ATTRIBUTES,
    MAX_CLASSES,
    PackingLimitError,
    precompute_all_subsets,
    subset_key,
    subset_of_key,
    unpack_result,
)
from clusterlab.explorers.roughsets_analysis import (
    DECISIONS,
    ID_COLUMN,
    METHODS,
    TOGGLEABLE,
    analyse_subset,
    analyse_table,
)
from clusterlab.explorers.static import (
    ExplorerBlock,
    embeddedness_block,
    paths_block,
    roughset_block,
)
from clusterlab.explorers.widgets_embeddedness import EmbeddednessExplorer, embeddedness_explorer
from clusterlab.explorers.widgets_paths import PathsExplorer, paths_explorer
from clusterlab.explorers.widgets_roughsets import RoughSetExplorer, roughset_explorer

__all__ = [
    "DECISIONS",
    "ID_COLUMN",
    "MAX_ATTRIBUTES",
    "MAX_CLASSES",
    "METHODS",
    "TOGGLEABLE",
    "EmbeddednessExplorer",
    "PackingLimitError",
    "PathsExplorer",
    "RoughSetExplorer",
    "analyse_subset",
    "analyse_table",
    "embeddedness_explorer",
    "ExplorerBlock",
    "embeddedness_block",
    "paths_explorer",
    "precompute_all_subsets",
    "roughset_explorer",
    "paths_block",
    "roughset_block",
    "subset_key",
    "subset_of_key",
    "unpack_result",
]
