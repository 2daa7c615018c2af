"""Python in the page: Pyodide and the book's clusterlab modules, served by the book, loaded only
when asked; ``window.clusterlab.analyse`` and the own-data page's analyser give exactly what
``clusterlab.cli.analyse_text`` (and so ``clusterlab analyse --json``) gives in CPython, and the
command line's one-line messages for bad files. No request leaves 127.0.0.1.

Pyodide is loaded once per module (one browser context for the own-data page)."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
import zipfile
from pathlib import Path

import pytest
from page_checks import SKIPPED_HEADINGS

from clusterlab.cli import analyse_text

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]

PAGE = "book/own_data.html"
LIVE_FILES = ("pyodide/", "clusterlab-lib.zip")
EXAMPLE = ROOT / "data" / "examples" / "partners.csv"
FIXTURES = ROOT / "tests" / "fixtures" / "roughsets"
#: Python's mimetypes give these; the browser refuses a module or streaming wasm otherwise.
TYPES = {
    "pyodide/pyodide.mjs": "javascript",
    "pyodide/pyodide.asm.mjs": "javascript",
    "pyodide/pyodide.asm.wasm": "application/wasm",
    "pyodide/python_stdlib.zip": "application/zip",
    "pyodide/pyodide-lock.json": "application/json",
}


def live_requests(urls: list[str]) -> list[str]:
    return [u for u in urls if any(f"/_static/{name}" in u for name in LIVE_FILES)]


@pytest.fixture(scope="module")
def own_page(offline_tab, book_server):
    """The own-data page, offline, with every request recorded from the start."""
    requests: list[str] = []
    context, tab, outside, errors = offline_tab("about:blank")
    tab.on("request", lambda request: requests.append(request.url))
    tab.goto(f"{book_server}/{PAGE}", wait_until="load")
    tab.wait_for_function("() => window.clusterlab && window.clusterlab.Analyser && "
                          "document.querySelector('div.clusterlab-analyser .cla-run')")  # fmt: skip
    before = list(requests)
    yield tab, requests, before, outside, errors
    context.close()


def cli_error(name: str, data: bytes, tmp_path: Path, *args: str) -> str:
    """The command line's error line for ``data`` saved as ``name``, without its prefix."""
    (tmp_path / name).write_bytes(data)
    proc = subprocess.run(
        [sys.executable, "-m", "clusterlab", "analyse", name, *args],
        capture_output=True, text=True, cwd=tmp_path, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 2, proc.stdout
    prefix = "clusterlab analyse: error: "
    assert proc.stderr.startswith(prefix) and proc.stderr.count("\n") == 1
    return proc.stderr.strip().removeprefix(prefix)


# ------------------------------------------------------------------------------ served files
def test_pyodide_and_modules_are_served_with_the_right_types(built_book, book_server) -> None:
    for name, kind in TYPES.items():
        with urllib.request.urlopen(f"{book_server}/_static/{name}") as response:
            assert kind in response.headers["Content-Type"], (name, response.headers)
    names = zipfile.ZipFile(built_book / "_static" / "clusterlab-lib.zip").namelist()
    assert {"clusterlab/__init__.py", "clusterlab/cli.py", "clusterlab/roughsets/table.py",
            "clusterlab/schemas/analysis.schema.json"} <= set(names)  # fmt: skip
    assert not [n for n in names if n.endswith(("_partition.py", "csvio_arrow.py", ".pyc"))]
    # the zip holds the working tree's modules, byte for byte
    with zipfile.ZipFile(built_book / "_static" / "clusterlab-lib.zip") as archive:
        assert archive.read("clusterlab/cli.py") == (ROOT / "lib/clusterlab/cli.py").read_bytes()


def test_no_page_lists_pyodide_in_its_script_tags(built_book) -> None:
    for page in built_book.rglob("*.html"):
        text = page.read_text("utf-8")
        assert 'src="_static/pyodide' not in text and 'pyodide.mjs"' not in text, page
        assert 'clusterlab-live.js"></script>' not in text, page


def test_nothing_live_is_fetched_before_the_reader_asks(own_page) -> None:
    tab, requests, before, outside, _ = own_page
    assert live_requests(before) == [], before
    assert any(u.endswith("_static/clusterlab-live.js") for u in before)  # the small entry only
    assert outside == []


# ------------------------------------------------------------------- window.clusterlab.analyse
CALLS = [
    (EXAMPLE, {"decision": "partners", "id": "firm",
               "conditions": ["sector", "age", "rd_intensity", "ownership"]}),
    (FIXTURES / "flu.csv", {"decision": "Flu", "id": "Patient", "beta": 0.6}),
    (FIXTURES / "hiring.csv", {"decision": "Decision", "id": "Object", "rules": "minimal"}),
    (ROOT / "data" / "firms.csv", {"decision": "network_change", "id": "firm_id",
     "conditions": "sector,size_class,region", "leave_out": ["F03"], "min_support": 2}),
]  # fmt: skip


def python_keywords(options: dict) -> dict:
    renamed = {"id": "id_column"}
    return {renamed.get(k, k): v for k, v in options.items()}


@pytest.mark.parametrize("path, options", CALLS, ids=lambda v: getattr(v, "stem", ""))
def test_analyse_in_the_page_equals_cpython(own_page, path: Path, options: dict) -> None:
    tab = own_page[0]
    text = path.read_text("utf-8")
    got = tab.evaluate("([t, o]) => window.clusterlab.analyse(t, o)", [text, options])
    assert got == analyse_text(text, **python_keywords(options))
    # the file's bytes, with a name: as the analyser sends a chosen file
    got = tab.evaluate(
        "([b, o]) => window.clusterlab.analyse(new Uint8Array(b), o)",
        [list(path.read_bytes()), {**options, "name": path.name}],
    )
    assert got == analyse_text(path.read_bytes(), name=path.name, **python_keywords(options))
    assert got["source"]["file"] == path.name


def test_analyse_rejects_with_the_command_lines_message(own_page, tmp_path: Path) -> None:
    tab = own_page[0]
    bad = b"id,a,d\nr1,x,P\nr2,y\n"
    message = tab.evaluate(
        "([b]) => window.clusterlab.analyse(new Uint8Array(b), {decision: 'd', id: 'id', "
        "name: 'short.csv'}).then(() => 'resolved', e => e.message)",
        [list(bad)],
    )
    assert message == cli_error("short.csv", bad, tmp_path, "--decision", "d", "--id", "id")


# --------------------------------------------------------------------------------- the analyser
def analyser_message(tab) -> str:
    tab.wait_for_function(
        "() => { const r = document.querySelector('div.clusterlab-analyser');"
        " return !r.querySelector('.cla-run').disabled && "
        "(r.analyser.result || !r.querySelector('.cla-error').hidden); }"
    )
    return str(tab.locator("div.clusterlab-analyser .cla-error").inner_text()).strip()


def test_analyser_on_the_example(own_page, tmp_path: Path) -> None:
    tab = own_page[0]
    root = tab.locator("div.clusterlab-analyser")
    root.locator(".cla-example").click()
    tab.wait_for_function("() => !document.querySelector('.cla-settings').hidden")
    assert root.locator(".cla-decision").input_value() == "partners"
    assert root.locator(".cla-id").input_value() == "firm"
    # every other column is a condition: employees (numbers) makes the CLI's error
    root.locator(".cla-run").click()
    expected = cli_error("partners.csv", EXAMPLE.read_bytes(), tmp_path, "--decision",
                         "partners", "--id", "firm")  # fmt: skip
    assert analyser_message(tab) == expected
    # without employees: the analysis, equal to CPython's, shown and downloadable
    root.locator(".cla-conditions input[value='employees']").uncheck()
    tab.wait_for_function("() => document.querySelector('.cla-error').hidden")
    analyser_message(tab)
    result = tab.evaluate("() => document.querySelector('div.clusterlab-analyser').analyser.result")
    conditions = ["sector", "age", "rd_intensity", "ownership"]
    assert result == analyse_text(EXAMPLE.read_bytes(), decision="partners", id_column="firm",
                                  conditions=conditions, name="partners.csv")  # fmt: skip
    shown = root.locator(".cla-result").inner_text()
    for core in result["core"]:
        assert core in shown
    assert tab.evaluate(SKIPPED_HEADINGS) == []  # the result's headings follow the page's
    assert "Computed in this page" in root.locator(".cla-status").inner_text()
    with tab.expect_download() as download:
        root.locator(".cla-download").click()
    saved = json.loads(Path(download.value.path()).read_text("utf-8"))
    assert saved == result and download.value.suggested_filename == "partners.analysis.json"


BAD_FILES = {
    "ragged.csv": b"firm,sector,partners\nE01,software,abroad\nE02,software\n",
    "windows.csv": "firm,sector,partners\nE01,b\xe9ton,abroad\nE02,software,nearby\n".encode(
        "cp1252"
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_analyser_shows_the_command_lines_message(own_page, name: str, tmp_path: Path) -> None:
    tab, _, _, outside, _ = own_page
    root = tab.locator("div.clusterlab-analyser")
    root.locator("input[type=file]").set_input_files(
        {"name": name, "mimeType": "text/csv", "buffer": BAD_FILES[name]}
    )
    tab.wait_for_function(
        f"() => (document.querySelector('.cla-source').textContent || '').startsWith({name!r})"
    )
    root.locator(".cla-run").click()
    expected = cli_error(name, BAD_FILES[name], tmp_path, "--decision", "partners", "--id", "firm")
    assert analyser_message(tab) == expected
    assert outside == []


def test_chapter_pages_fetch_nothing_live(offline_tab, book_server) -> None:
    requests: list[str] = []
    context, tab, outside, _ = offline_tab("about:blank")
    tab.on("request", lambda request: requests.append(request.url))
    for page in ("index.html", "book/03_rough_sets.html"):
        tab.goto(f"{book_server}/{page}", wait_until="networkidle")
    context.close()
    assert live_requests(requests) == []
    assert not [u for u in requests if "clusterlab-live.js" in u or "analyser" in u]
    assert outside == []


def test_analyser_reads_a_dropped_file_and_pasted_text(own_page) -> None:
    tab = own_page[0]
    root = tab.locator("div.clusterlab-analyser")
    text = (FIXTURES / "walk.csv").read_text("utf-8")
    tab.evaluate(
        """([text]) => {
          const data = new DataTransfer();
          data.items.add(new File([text], 'walk.csv', {type: 'text/csv'}));
          document.querySelector('.cla-drop').dispatchEvent(
            new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
        }""",
        [text],
    )
    tab.wait_for_function(
        "() => document.querySelector('.cla-source').textContent.startsWith('walk.csv')"
    )
    root.locator(".cla-run").click()
    analyser_message(tab)
    result = tab.evaluate("() => document.querySelector('div.clusterlab-analyser').analyser.result")
    assert result == analyse_text(text, decision="Walk", id_column="Object", name="walk.csv")
    # pasted text: no file name, here or in the result
    root.locator("textarea").fill(text)
    root.locator(".cla-use-paste").click()
    tab.wait_for_function(
        "() => document.querySelector('.cla-source').textContent.startsWith('Pasted table')"
    )
    root.locator(".cla-rules").select_option("minimal")
    root.locator(".cla-run").click()
    analyser_message(tab)
    result = tab.evaluate("() => document.querySelector('div.clusterlab-analyser').analyser.result")
    assert result == analyse_text(text, decision="Walk", id_column="Object", rules="minimal")
    assert result["source"]["file"] is None
