"""The edition configurations: buttons only with a real repository, solutions hidden and the
reader's execution cache reused in the student edition."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


def _editions() -> ModuleType:
    spec = importlib.util.spec_from_file_location("editions", ROOT / "book/_ext/editions.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def base() -> dict[str, Any]:
    loaded = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_the_committed_config_has_no_placeholder_repository(base: dict[str, Any]) -> None:
    assert base["repository"]["url"] == ""
    assert base["html"]["use_repository_button"] is False
    assert base["launch_buttons"]["binderhub_url"] == ""


def test_reader_without_repository_has_no_buttons(base: dict[str, Any]) -> None:
    config = _editions().edition_config(base, "reader")
    assert config["html"]["use_repository_button"] is False
    assert config["launch_buttons"]["binderhub_url"] == ""
    assert config["repository"]["url"] == ""
    assert "hide_solutions" not in config["sphinx"].get("config", {})


def test_a_repository_turns_the_buttons_on(base: dict[str, Any]) -> None:
    url = "https://github.com/someone/lokale-onthechting"
    config = _editions().edition_config(base, "reader", repository_url=url, branch="dev")
    assert config["repository"] == {"url": url, "path_to_book": "", "branch": "dev"}
    assert config["html"]["use_repository_button"] is True
    assert config["launch_buttons"]["binderhub_url"] == "https://mybinder.org"


def test_student_edition_hides_solutions_and_reuses_the_cache(
    base: dict[str, Any], tmp_path: Path
) -> None:
    config = _editions().edition_config(base, "student", cache=str(tmp_path / "cache"))
    assert config["sphinx"]["config"]["hide_solutions"] is True
    assert config["execute"]["cache"] == str((tmp_path / "cache").resolve())
    assert config["execute"]["execute_notebooks"] == "cache"
    assert "student edition" in config["title"]
    for path in config["sphinx"]["local_extensions"].values():
        assert Path(path).is_absolute() and Path(path).is_dir()


def test_bad_input_is_one_clear_line(base: dict[str, Any], tmp_path: Path) -> None:
    editions = _editions()
    with pytest.raises(ValueError, match="choose one of"):
        editions.edition_config(base, "teacher")
    with pytest.raises(ValueError, match="not an http"):
        editions.edition_config(base, "reader", repository_url="git@github.com:o/r")
    missing = tmp_path / "none.yml"
    assert editions.main(["--base", str(missing), "--output", str(tmp_path / "o.yml")]) == 2


def test_main_writes_a_config_jupyter_book_reads(tmp_path: Path) -> None:
    out = tmp_path / "student.yml"
    code = _editions().main(["--edition", "student", "--output", str(out)])
    assert code == 0
    written = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert written["sphinx"]["config"]["hide_solutions"] is True
