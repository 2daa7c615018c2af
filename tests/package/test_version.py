"""The version is written once (``clusterlab.__version__``); everything else agrees with it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

import clusterlab

REPO = Path(__file__).resolve().parents[2]


def test_pyproject_reads_the_version_from_the_package() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert project["project"]["dynamic"] == ["version"]
    dynamic = project["tool"]["setuptools"]["dynamic"]["version"]
    assert dynamic == {"attr": "clusterlab.__version__"}


def test_version_is_semantic() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", clusterlab.__version__)


def test_citation_agrees() -> None:
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert str(cff["version"]) == clusterlab.__version__
    config = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
    # No placeholder address: the citation names a repository only when the book is configured
    # with a real one (BOOK_REPOSITORY_URL at build time, or repository.url in _config.yml).
    assert cff.get("repository-code", "") == config["repository"]["url"]
    assert str(cff["date-released"])[:4] in config["copyright"]


def test_changelog_has_the_version_and_an_unreleased_section() -> None:
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    versions = re.findall(r"^## \[([^\]]+)\]", text, flags=re.M)
    assert versions[0] == "Unreleased"
    assert versions[1] == clusterlab.__version__  # the newest release is the package's version
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert f"## [{clusterlab.__version__}] - {cff['date-released']}" in text
