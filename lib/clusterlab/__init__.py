"""clusterlab: the computations behind the interactive edition of
"Lokale onthechting van bedrijven" (van Geenhuizen & Nijkamp).

Modules
-------
roughsets     a general rough-set engine for categorical decision tables
data          loading and validating the data files; the codebook; the published tables
validation    reading a CSV data file and validating it against its schema (Frictionless)
columns       require_columns: the one check that a table has the columns a function needs
reconstruct   how the reconstructed firm-level data are built, checked and safely written
embeddedness  group means, differences and significance tests (Table 2)
paths         development paths 2005-2011
charts        Altair chart builders: the book's single visual style
explorers     rough sets, Table 2, paths: the analysis, the static page, the live widgets
words         the wording: codebook labels, sets, regions, rules, paths
cli           the ``clusterlab`` command line
"""

#: The one place the version is written (pyproject.toml reads it; see CHANGELOG.md).
__version__ = "0.1.0"
