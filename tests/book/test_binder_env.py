"""What Binder does: a fresh environment from exactly the files in binder/, then every chapter
executed in it. repo2docker installs binder/requirements.txt and runs binder/postBuild; so do we,
in a new virtual environment (the package index must be reachable, as it is for Binder)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def chapters() -> list[Path]:
    return sorted(p for p in (ROOT / "book").glob("*.md") if "kernelspec:" in p.read_text())


def test_binder_files_are_complete() -> None:
    runtime = (ROOT / "binder" / "runtime.txt").read_text().strip()
    assert runtime == f"python-{sys.version_info.major}.{sys.version_info.minor}"
    requirements = (ROOT / "binder" / "requirements.txt").read_text().splitlines()
    pins = [line for line in requirements if line and not line.startswith("#")]
    assert all("==" in line for line in pins), "every Binder requirement must be pinned"
    names = {line.split("==")[0].lower() for line in pins}
    assert {"jupytext", "jupyter-book", "altair", "ipywidgets", "ipykernel"} <= names
    # JupyterLab with the extensions the chapters need: MyST rendering, offline charts.
    assert {"jupyterlab", "jupyterlab_myst", "anywidget", "vl-convert-python"} <= names
    assert (ROOT / "binder" / "lab-overrides.json").exists()
    assert os.access(ROOT / "binder" / "postBuild", os.X_OK)


# pip install (900 s), postBuild (600 s) and the chapters (1800 s) are each bounded
@pytest.mark.timeout(3600)
def test_every_chapter_runs_in_a_fresh_binder_environment(tmp_path: Path) -> None:
    venv = tmp_path / "binder-env"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    env = {**os.environ, "PATH": f"{venv / 'bin'}:{os.environ['PATH']}", "VIRTUAL_ENV": str(venv)}
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-compile", "-r", "binder/requirements.txt"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    post = subprocess.run(
        ["bash", "binder/postBuild"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert post.returncode == 0, post.stderr[-3000:]
    check = subprocess.run(
        [str(python), "-c", "import clusterlab, jupytext; print('ok')"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert check.stdout.strip() == "ok", check.stderr
    run = subprocess.run(
        [
            str(python),
            str(ROOT / "tests" / "book" / "run_chapters.py"),
            *[str(p) for p in chapters()],
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert run.returncode == 0, run.stdout + run.stderr[-3000:]
    assert run.stdout.count("ok ") == len(chapters())
