"""The explorers: rough sets, Table 2 and development paths, live and static.

Which module does what:

* :mod:`~clusterlab.explorers.roughsets_analysis` - the analysis behind both rough-set
  explorers: :func:`analyse_subset` (one choice of attributes, decision, beta, rule method, ...)
  as plain JSON-ready data;
* :mod:`~clusterlab.explorers._packing` - the packed format of the static page, defined once:
  :func:`precompute_all_subsets` (every subset of the toggleable attributes) and
  :func:`expand_record`;
* :mod:`~clusterlab.explorers.static` - the static rough-set explorer of the built book (no
  kernel): :func:`static_roughset_explorer`, an Altair chart driven by checkboxes;
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
    expand_record,
    precompute_all_subsets,
    subset_key,
    subset_of_key,
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
    explorer_param_name,
    explorer_param_names,
    export_size,
    static_explorer_chart,
    static_roughset_explorer,
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
    "expand_record",
    "explorer_param_name",
    "explorer_param_names",
    "export_size",
    "paths_explorer",
    "precompute_all_subsets",
    "roughset_explorer",
    "static_explorer_chart",
    "static_roughset_explorer",
    "subset_key",
    "subset_of_key",
]
