"""The static rough-set explorer's scripts (book/_static/clusterlab-render.js and
clusterlab-explorers.js) in headless chromium, on a page written here (no book build): the page's
decoder of the packed results gives exactly the Python decoder's result JSON for all 512 subsets
of the book's table, and on an awkward table (names and values with quotes, commas, pipes,
spaces and HTML; 12 decision classes) the page shows what the rough-set engine, called here
directly, computes.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import itertools
import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from clusterlab.data import load_firms
from clusterlab.explorers import roughset_block, unpack_result
from clusterlab.roughsets import DecisionTable

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "book" / "_vendor"
STATIC = ROOT / "book" / "_static"
SCRIPTS = ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js")
OURS = ("clusterlab-render.js", "clusterlab-explorers.js")

NASTY = ['say "hi"', "it's", "a, b | c", "<b>bold</b>", "x y", "x_y"]
VALUES = ["</script><i>v</i>", "o'k", 'q"q', "p|q", "1, 2", "&amp;"]
DECISION = "net <work> 'd'"
READ = """(root) => {
  const pane = root.querySelector('.cl-current');
  return {
    quality: pane.querySelector('.cl-quality').textContent,
    core: pane.querySelector('.cl-core').textContent,
    reducts: Array.from(pane.querySelectorAll('.cl-reducts li'), li => li.textContent),
    rules: Array.from(pane.querySelectorAll('.cl-rule'), li =>
      li.querySelector('.cl-if').textContent + ' ' + li.querySelector('.cl-then').textContent
      + ' | ' + li.querySelector('.cl-covers').textContent),
    regions: Array.from(pane.querySelectorAll('.cl-region'),
      r => Array.from(r.querySelectorAll('.cl-tile'), t => t.dataset.object)),
  };
}"""


def nasty_table(classes: int = 2, n: int = 36) -> pd.DataFrame:
    rows = []
    for i in range(n):
        row = {"id <i>": f"o{i} <b>'"}
        row |= {a: VALUES[(i * (k + 1) + k) % len(VALUES)] for k, a in enumerate(NASTY[:4])}
        row["x y"] = VALUES[i % 2]
        row["x_y"] = VALUES[(i // 2) % 3]
        row[DECISION] = f"<c{i % classes}> '{i % classes}'"
        rows.append(row)
    return pd.DataFrame(rows)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A folder with the scripts under _static/, served on 127.0.0.1."""
    if not all((VENDOR / s).exists() for s in SCRIPTS):
        pytest.skip("book/_vendor is missing: run 'make setup'")
    folder = tmp_path_factory.mktemp("site")
    (folder / "_static").mkdir()
    for name in SCRIPTS:
        shutil.copy(VENDOR / name, folder / "_static" / name)
    for name in OURS:
        shutil.copy(STATIC / name, folder / "_static" / name)
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield folder, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def tab(browser: Any) -> Iterator[object]:
    """A phone-sized tab in the session's browser (``tests/conftest.py``)."""
    if not all((VENDOR / s).exists() for s in SCRIPTS):
        pytest.skip("book/_vendor is missing: run 'make setup'")
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page_: Any = context.new_page()
    page_.errors = []
    page_.on("pageerror", lambda e: page_.errors.append(str(e)))
    yield page_
    context.close()


_LOADS = itertools.count()


def load(
    tab: object,
    site: tuple[Path, str],
    block_html: str,
    ready: str = "document.querySelector('#rsx') && "
    "document.querySelector('#rsx').dataset.state === 'ready'",
) -> None:
    folder, url = site
    scripts = "".join(f'<script src="_static/{s}"></script>' for s in SCRIPTS)
    (folder / "index.html").write_text(
        f'<!doctype html><html data-content_root="./"><head><meta charset="utf-8">{scripts}'
        f"</head><body>{block_html}</body></html>",
        encoding="utf-8",
    )
    # A new address for every load: the explorer keeps its settings in the page's address, and
    # a navigation that differs from the current address only there would not reload the page.
    tab.goto(f"{url}/index.html?load={next(_LOADS)}")  # type: ignore[attr-defined]
    tab.wait_for_function(ready)  # type: ignore[attr-defined]


def test_the_page_decodes_every_subset_as_python_does(tab: object, site: tuple[Path, str]) -> None:
    block = roughset_block(load_firms())
    load(tab, site, block.html())
    pack = block.data["pack"]
    in_page = tab.evaluate(  # type: ignore[attr-defined]
        "(pack) => JSON.stringify(pack.subsets.map((_, k) => clusterlab.unpack(pack, k)))", pack
    )
    expected = [unpack_result(pack, k) for k in range(len(pack["subsets"]))]
    assert json.loads(in_page) == json.loads(json.dumps(expected))


def braces(names: tuple[str, ...]) -> str:
    return "{" + ", ".join(names) + "}" if names else "(empty)"


@pytest.mark.parametrize("classes", [2, 12])
def test_nasty_names_and_many_classes_show_the_engines_results(
    tab: object, site: tuple[Path, str], classes: int
) -> None:
    table = nasty_table(classes)
    block = roughset_block(
        table, attributes=NASTY, decisions=[DECISION], initial=NASTY, id_column="id <i>"
    )
    load(tab, site, block.html())
    labels = tab.evaluate(  # type: ignore[attr-defined]
        "Array.from(document.querySelectorAll('#rsx .cl-attr-label'), e => e.textContent)"
    )
    assert labels == NASTY
    assert tab.evaluate("document.querySelectorAll('#rsx b, #rsx i').length") == 0  # type: ignore[attr-defined]
    boxes = tab.locator("#rsx input[name=attr]")  # type: ignore[attr-defined]
    for ticked in (NASTY, ["x y"], ["x_y", "a, b | c"], []):
        for i, attribute in enumerate(NASTY):
            if boxes.nth(i).is_checked() != (attribute in ticked):
                boxes.nth(i).click()
        engine = DecisionTable(
            table, DECISION, conditions=[a for a in NASTY if a in ticked], id_column="id <i>"
        )
        quality = f"{engine.quality():.3f} ({len(engine.positive_region())} of {engine.n} objects"
        # The page redraws after the click's event handlers: give it a moment to show the new
        # setting before reading (a page that never shows it fails the assertions below).
        with contextlib.suppress(PlaywrightTimeout):
            tab.wait_for_function(  # type: ignore[attr-defined]
                "(want) => document.querySelector('#rsx .cl-current .cl-quality')"
                ".textContent.startsWith(want)",
                arg=quality,
                timeout=5_000,
            )
        got = tab.eval_on_selector("#rsx", READ)  # type: ignore[attr-defined]
        assert got["quality"].startswith(quality)
        assert got["core"] == braces(engine.core())
        assert got["reducts"] == [braces(r) for r in engine.reducts()]
        rules = engine.rules("lem2") if ticked else []
        assert got["rules"] == [
            f"IF {r.condition_text()} THEN {DECISION} = {r.decision_text()} | Covers: "
            + ", ".join(r.objects)
            for r in rules
        ]
        lowers = [list(a.lower) for a in engine.approximations().values()]
        inside = {o for lower in lowers for o in lower}
        assert got["regions"] == [*lowers, [o for o in engine.objects if o not in inside]]
    assert tab.errors == []  # type: ignore[attr-defined]


OWN = "id,a,b,d\nx1,1,p,yes\nx2,1,p,no\nx3,2,p,yes\nx4,2,q,yes\nx5,3,q,no\nx6,3,q,no\nx10,1,p,yes\n"


@pytest.mark.parametrize("beta", [None, 0.6])
def test_render_shows_a_cli_result_without_labels(
    tab: object, site: tuple[Path, str], beta: float | None
) -> None:
    """Any result of ``clusterlab analyse --json`` (here an own table, no labels, no attribute
    values) is drawn: each decision class's lower approximation, then the boundary."""
    from clusterlab.cli import analyse_text

    own = "<div id='own'></div><script src='_static/clusterlab-render.js'></script>"
    load(tab, site, own, ready="!!(window.clusterlab && window.clusterlab.render)")
    result = analyse_text(OWN, decision="d", id_column="id", beta=beta)
    got = tab.evaluate(  # type: ignore[attr-defined]
        "(r) => { const el = document.getElementById('own'); clusterlab.render(el, r);"
        " return Array.from(el.querySelectorAll('.cl-region'), g => ["
        " g.querySelector('.cl-region-name').textContent,"
        " Array.from(g.querySelectorAll('.cl-tile'), t => t.dataset.object)]); }",
        result,
    )
    table = DecisionTable(pd.read_csv(io.StringIO(OWN), dtype=str), "d", id_column="id")
    approx = table.approximations(beta=beta)
    word = "certainly" if beta is None else "mostly"
    lowers = [[f"{word} {v} ({len(a.lower)})", list(a.lower)] for v, a in approx.items()]
    inside = {o for _, lower in lowers for o in lower}
    boundary = [o for o in table.objects if o not in inside]
    assert got == [*lowers, [f"boundary ({len(boundary)})", boundary]]
    assert boundary == (["x1", "x2", "x10"] if beta is None else [])
