"""Python in the page: Pyodide and the book's own ``clusterlab`` modules, served by the book.

Two jobs:

* ``python book/_ext/vendor_pyodide.py fetch`` (``make vendor``, next to ``vendor_js.py``)
  downloads the pinned npm tarball of Pyodide (the core only: Python 3.14 compiled to
  WebAssembly with its standard library), checks it against the registry's sha512 integrity
  recorded below, and extracts the files a page needs into ``book/_pyodide/`` (not committed).
  Files already present are checked, not downloaded again.
* As a Sphinx extension (``sphinx: local_extensions`` in ``_config.yml``) it writes, after the
  HTML is built, into ``_static/`` of the output:

  - ``pyodide/`` - the vendored Pyodide files;
  - ``clusterlab-lib.zip`` - the ``clusterlab`` modules the page runs (:data:`PAGE_MODULES`),
    zipped from the working tree at build time (never a copy kept in git);
  - ``examples/partners.csv`` - the own-data page's example table (``data/examples/``), which
    the page's analyser offers to load.

  ``book/_static/clusterlab-live.js`` (``window.clusterlab.analyse(csvText, options)``) is
  served with the book's static files. Nothing here is added to any page's script tags: the
  pages that need ``clusterlab-live.js`` load it, and it loads Pyodide only when a reader asks
  for live computation. Before
  zipping, the build imports the page's modules in a fresh Python with numpy and pandas
  blocked (as under Pyodide) and runs an analysis: the build fails if they need anything else
  or import a clusterlab module outside the zip.

Python's ``http.server`` (``make serve``) serves ``.wasm`` as ``application/wasm`` and ``.mjs``
as JavaScript (both from the ``mimetypes`` module), which the browser requires.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import subprocess
import sys
import tarfile
import urllib.request
import zipfile
from pathlib import Path
from typing import Any

BOOK_DIR = Path(__file__).resolve().parent.parent
ROOT = BOOK_DIR.parent
PYODIDE_DIR = BOOK_DIR / "_pyodide"
LIB_DIR = ROOT / "lib" / "clusterlab"
EXAMPLE = ROOT / "data" / "examples" / "partners.csv"

PACKAGE = "pyodide"
VERSION = "314.0.8"
#: The npm registry's sha512 of the tarball (``npm view pyodide@314.0.8 dist.integrity``).
INTEGRITY = (
    "sha512-74Wq1kXOC+CCEzAfxuRAO701nAcCMLjf8NrwvWpu8S41dVMXwX"
    "mLQ05dYB+F4e46AdnGo0oq7YHSVUpHsoarLQ=="
)
TARBALL_URL = f"https://registry.npmjs.org/{PACKAGE}/-/{PACKAGE}-{VERSION}.tgz"
#: What ``loadPyodide`` fetches (``pyodide.mjs`` is the entry the page imports), and the
#: package's licence statement (``package.json``: MPL-2.0).
FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
    "package.json",
)
STAMP = PYODIDE_DIR / ".stamp"

#: The parts of ``lib/clusterlab`` the page runs: ``clusterlab.cli.analyse_text`` and what it
#: imports with numpy and pandas absent (checked at build time, :func:`check_page_modules`).
PAGE_MODULES = ("__init__.py", "cli.py", "roughsets", "schemas")
#: Modules of ``roughsets`` that need numpy, pandas or pyarrow (used for big tables only when
#: those are installed): left out of the zip.
NOT_IN_PAGE = ("roughsets/_partition.py", "roughsets/csvio_arrow.py")
ZIP_NAME = "clusterlab-lib.zip"


# --- fetch ----------------------------------------------------------------------------------
def _sri(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def _digests() -> list[str]:
    return [
        f"{name}:{hashlib.sha256((PYODIDE_DIR / name).read_bytes()).hexdigest()}" for name in FILES
    ]


def is_current() -> bool:
    """True when every file exists and matches the digests recorded at extraction."""
    if not STAMP.exists() or not all((PYODIDE_DIR / name).exists() for name in FILES):
        return False
    return STAMP.read_text().split() == [INTEGRITY, *_digests()]


def fetch() -> None:
    """Download the tarball, verify its sha512 integrity, extract :data:`FILES`."""
    with urllib.request.urlopen(TARBALL_URL, timeout=300) as response:
        data = response.read()
    if _sri(data) != INTEGRITY:
        raise SystemExit(
            f"checksum mismatch for {PACKAGE}@{VERSION}: expected {INTEGRITY}, got {_sri(data)}"
        )
    PYODIDE_DIR.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        for name in FILES:
            member = tar.extractfile(f"package/{name}")
            if member is None:
                raise SystemExit(f"package/{name} missing from {PACKAGE}@{VERSION}")
            (PYODIDE_DIR / name).write_bytes(member.read())
    STAMP.write_text(" ".join([INTEGRITY, *_digests()]) + "\n")


def fetch_all() -> None:
    if is_current():
        print(f"ok       {PACKAGE}@{VERSION} -> book/_pyodide/ ({len(FILES)} files)")
        return
    fetch()
    print(f"fetched  {PACKAGE}@{VERSION} -> book/_pyodide/ ({len(FILES)} files)")


# --- the page's clusterlab modules -----------------------------------------------------------
def page_files(lib_dir: Path = LIB_DIR) -> list[Path]:
    """The files of :data:`PAGE_MODULES` (no caches, no :data:`NOT_IN_PAGE`), sorted."""
    found: list[Path] = []
    for part in PAGE_MODULES:
        path = lib_dir / part
        found.extend(sorted(path.rglob("*")) if path.is_dir() else [path])
    skip = {lib_dir / name for name in NOT_IN_PAGE}
    return [
        f
        for f in found
        if f.is_file() and f not in skip and "__pycache__" not in f.parts and f.suffix != ".pyc"
    ]


#: Run in a fresh interpreter: numpy, pandas and pyarrow blocked, as in the page; prints the
#: files of the clusterlab modules an analysis loaded.
_CHECK = r"""
import json, sys
from importlib.abc import MetaPathFinder
class Block(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("numpy", "pandas", "pyarrow"):
            raise ImportError(f"{name} is blocked (as in the page)")
        return None
sys.meta_path.insert(0, Block())
sys.path.insert(0, sys.argv[1])
from clusterlab.cli import analyse_text
table = "id,a,b,d\nr1,x,p,Y\nr2,x,q,Y\nr3,y,p,N\nr4,y,p,N\nr5,x,p,N\n"
for settings in ({}, {"beta": 0.6, "rules": "minimal", "min_support": 2, "leave_out": "r5"},
                 {"heuristic": True}):
    analyse_text(table, decision="d", id_column="id", **settings)
print(json.dumps(sorted(m.__file__ for n, m in sys.modules.items()
                        if n.split(".")[0] == "clusterlab" and getattr(m, "__file__", None))))
"""


def check_page_modules(lib_dir: Path = LIB_DIR) -> None:
    """Fail when the page's analysis needs numpy/pandas or a module outside the zip."""
    proc = subprocess.run(
        [sys.executable, "-I", "-c", _CHECK, str(lib_dir.parent)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["(no message)"])[-1]
        raise RuntimeError(f"the page's clusterlab modules fail without numpy/pandas: {last}")
    shipped = {f.resolve() for f in page_files(lib_dir)}
    outside = [f for f in json.loads(proc.stdout) if Path(f).resolve() not in shipped]
    if outside:
        raise RuntimeError(f"the page's analysis imports modules outside {ZIP_NAME}: {outside}")


def build_zip(target: Path, lib_dir: Path = LIB_DIR) -> int:
    """Write the zip of the page's modules (``clusterlab/...``; fixed timestamps, so the same
    tree gives the same bytes); returns its size in bytes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in page_files(lib_dir):
            name = "clusterlab/" + path.relative_to(lib_dir).as_posix()
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    target.write_bytes(buffer.getvalue())
    return target.stat().st_size


# --- Sphinx extension -----------------------------------------------------------------------
def _config_inited(app: Any, config: Any) -> None:
    if not is_current():
        raise RuntimeError(
            "book/_pyodide is missing or stale: run 'python book/_ext/vendor_pyodide.py fetch' "
            "(make book does)"
        )
    check_page_modules()


def _copy_if_changed(source: Path, target: Path) -> None:
    if target.exists() and target.read_bytes() == source.read_bytes():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def _build_finished(app: Any, exception: BaseException | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    for name in FILES:
        _copy_if_changed(PYODIDE_DIR / name, static / "pyodide" / name)
    _copy_if_changed(EXAMPLE, static / "examples" / EXAMPLE.name)
    build_zip(static / ZIP_NAME)


def setup(app: Any) -> dict[str, Any]:
    app.connect("config-inited", _config_inited)
    app.connect("build-finished", _build_finished)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


if __name__ == "__main__":
    if sys.argv[1:] != ["fetch"]:
        raise SystemExit("usage: python book/_ext/vendor_pyodide.py fetch")
    fetch_all()
