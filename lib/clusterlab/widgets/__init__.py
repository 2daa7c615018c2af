"""Interactive explorers.

Live (ipywidgets, need a kernel: Jupyter or Binder):

* :func:`roughset_explorer` - condition attributes, decision, rule method, beta, minimum
  support, firms left out -> quality, core, reducts, rules, firms by region;
* :func:`embeddedness_explorer` - Table 2 by factor, situation and significance test;
* :func:`paths_explorer` - development paths 2005-2011.

Static (the built HTML book, no kernel): :func:`static_roughset_explorer`, the rough-set
explorer precomputed for every attribute subset and driven by checkboxes in the page.

Each live explorer exposes its controls and what it displays, so tests can set values and read
the results; see the class docstrings.
"""

from clusterlab.widgets.embeddedness import EmbeddednessExplorer, embeddedness_explorer
from clusterlab.widgets.paths import PathsExplorer, paths_explorer
from clusterlab.widgets.roughset import RoughSetExplorer, roughset_explorer
from clusterlab.widgets.static import export_size, static_roughset_explorer

__all__ = [
    "EmbeddednessExplorer",
    "PathsExplorer",
    "RoughSetExplorer",
    "embeddedness_explorer",
    "export_size",
    "paths_explorer",
    "roughset_explorer",
    "static_roughset_explorer",
]
