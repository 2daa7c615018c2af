"""The own-data page as a reader outside the repository runs it.

A fresh virtual environment, ``pip install`` of the repository (not editable, from a copy of the
work tree, with the extra ``notebook`` the page names, constrained to the Binder pins), then
every code cell of ``book/own_data.md`` executed in a kernel of that environment, in an empty
folder that holds only the downloaded example ``partners.csv``: no repository around it, no
myst-nb, no data files of the repository.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest
from nbclient import NotebookClient

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "book" / "own_data.md"
SKIP = shutil.ignore_patterns(
    ".venv", "_build", ".git", "book", "tests", ".*cache*", ".hypothesis", "__pycache__",
    "*.egg-info", "build",
)  # fmt: skip


def test_page_tells_how_to_install_and_offers_the_csv() -> None:
    text = PAGE.read_text()
    assert "pip install" in text
    assert "{download}`partners.csv <../data/examples/partners.csv>`" in text
    assert (ROOT / "data" / "examples" / "partners.csv").exists()
    code = "\n".join(c.source for c in jupytext.read(PAGE).cells if c.cell_type == "code")
    assert "myst_nb" not in code
    assert "DATA_DIR" not in code


# the install (1500 s) and the page's notebook (300 s) are each bounded
@pytest.mark.timeout(2100)
def test_own_data_page_runs_in_a_fresh_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "clusterlab-src"
    shutil.copytree(ROOT, source, ignore=SKIP)
    venv = tmp_path / "env"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", f"{source}[notebook]",
         "-c", str(ROOT / "binder" / "requirements.txt")],
        capture_output=True, text=True, timeout=1500,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr[-3000:]
    shutil.rmtree(source)  # the installed library must not need its source

    kernels = tmp_path / "jupyter" / "kernels" / "clusterlab-fresh"
    kernels.mkdir(parents=True)
    (kernels / "kernel.json").write_text(json.dumps({
        "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "fresh install", "language": "python",
    }))  # fmt: skip
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.delenv("CLUSTERLAB_BOOK_BUILD", raising=False)

    work = tmp_path / "work"
    work.mkdir()
    shutil.copyfile(ROOT / "data" / "examples" / "partners.csv", work / "partners.csv")
    notebook = jupytext.read(PAGE)
    notebook.cells.append(nbformat.v4.new_code_cell(
        "import clusterlab, os\nprint(clusterlab.__file__)\nprint(os.getcwd())"
    ))  # fmt: skip
    client = NotebookClient(
        notebook, timeout=300, kernel_name="clusterlab-fresh",
        resources={"metadata": {"path": str(work)}},
    )  # fmt: skip
    client.execute()  # raises CellExecutionError naming the cell that failed

    where, cwd = notebook.cells[-1].outputs[0]["text"].split()
    assert Path(where).is_relative_to(venv), "clusterlab came from outside the fresh install"
    assert Path(cwd) == work
    printed = "".join(
        o.get("text", "") for c in notebook.cells if c.cell_type == "code" for o in c.outputs
    )
    assert "exit status 2" in printed  # the command line met the numeric column
    assert "TooManyValuesError" in printed
    assert sorted(os.listdir(work)) == ["partners.csv"]  # nothing written next to the data
