"""The pre-commit hooks run exactly the gates of ``make lint``; ``make help`` lists every target."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
MAKEFILE = (REPO / "Makefile").read_text(encoding="utf-8")


def _lint_commands() -> list[str]:
    body = re.search(r"^lint:[^\n]*\n((?:\t[^\n]*\n)+)", MAKEFILE, flags=re.M)
    assert body is not None
    return [
        line.strip().replace("$(PY)", ".venv/bin/python").replace("$(VENV)", ".venv")
        for line in body.group(1).splitlines()
    ]


def test_pre_commit_runs_the_lint_gates() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    assert repo["repo"] == "local"  # no hook is downloaded
    hooks = repo["hooks"]
    assert all(h["language"] == "system" and not h["pass_filenames"] for h in hooks)
    assert [h["entry"] for h in hooks] == _lint_commands()
    assert len(_lint_commands()) == 4


def _phony() -> set[str]:
    line = re.search(r"^\.PHONY:(.*)$", MAKEFILE, flags=re.M)
    assert line is not None
    return set(line.group(1).split())


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_help_lists_every_target() -> None:
    out = subprocess.run(
        ["make", "--no-print-directory", "help"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    listed = {line.split()[0] for line in out.splitlines() if line.strip()}
    assert listed == _phony()
    for line in out.splitlines():
        assert len(line.split(maxsplit=1)) == 2, line  # every target has a description
