"""Where setuptools finds the package and its data (everything else is in pyproject.toml).

The library lives in ``lib/``; the article's data stay in ``data/`` at the repository root, as
the book and the README use them. A built wheel carries a copy of ``data/`` as the package data
``clusterlab/_data``, which :mod:`clusterlab.data` uses when no repository is beside it (a
non-editable ``pip install``). A setup.py is needed only because pyproject's static
configuration cannot combine package discovery with a package mapped to another directory.
"""

from setuptools import find_packages, setup

DATA = ["clusterlab._data", "clusterlab._data.published", "clusterlab._data.examples"]

setup(
    packages=[*find_packages("lib"), *DATA],
    package_dir={"": "lib", "clusterlab._data": "data"},
    package_data={
        "clusterlab": ["py.typed", "schemas/*.json"],
        **{name: ["*.json", "*.csv", "*.md"] for name in DATA},
    },
)
