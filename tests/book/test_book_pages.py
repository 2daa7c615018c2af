"""Every page of the freshly built book, opened in headless chromium as a reader would:
nothing leaves 127.0.0.1, every Altair chart is drawn, and no page error or console error or
warning (conftest.open_offline counts console errors and warnings as page errors)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "book" / "_ext"))
from print_book import toc_pages  # noqa: E402  (the book's one reading of _toc.yml)


def test_toc_lists_every_chapter_of_the_design() -> None:
    names = [Path(page).stem for page in toc_pages()]
    for stem in [
        "01_introduction",
        "02_data_and_method",
        "03_rough_sets",
        "04_virtualisation",
        "05_local_embeddedness",
        "06_development_paths",
        "07_conclusion",
        "own_data",
        "03_rough_set_explorer",
        "glossary",
        "bibliography",
    ]:
        assert stem in names


def test_every_toc_page_was_built(built_book: Path) -> None:
    missing = [page for page in toc_pages() if not (built_book / page).exists()]
    assert not missing


def test_no_page_references_a_cdn_script_tag(built_book: Path) -> None:
    """Script and stylesheet tags point into the book; CDN addresses may only appear inside
    Altair's fallback loader (which the browser test proves is never used)."""
    import re

    offenders = []
    for page in toc_pages():
        html = (built_book / page).read_text()
        for tag in re.findall(r"<(?:script|link)\b[^>]*>", html):
            if re.search(r"(?:src|href)=\"https?://", tag) and 'rel="canonical"' not in tag:
                offenders.append((page, tag))
    assert not offenders


@pytest.mark.parametrize("page", toc_pages())
def test_page_loads_offline_with_charts_drawn(offline_tab, book_server: str, page: str) -> None:
    context, tab, outside, errors = offline_tab(f"{book_server}/{page}")
    # Altair charts of the page, and the regions chart the rough-set explorer draws itself.
    charts = tab.locator("div[id^='altair-viz'], .clusterlab-explorer .cl-chart")
    count = charts.count()
    for index in range(count):
        chart = charts.nth(index)
        chart.locator("svg, canvas").first.wait_for(state="attached", timeout=15_000)
    tab.wait_for_timeout(300)
    context.close()

    assert outside == [], f"{page} requested outside 127.0.0.1: {outside}"
    assert errors == [], f"{page} raised page errors or console messages: {errors}"
    if Path(page).stem[:2].isdigit() or Path(page).stem == "own_data":
        assert count >= 1, f"{page} has no chart"


def test_pages_write_values_in_the_codebooks_words(built_book: Path) -> None:
    """Issue 11: tables, rules and prose show the codebook's labels. No value code with an
    underscore (``independent_corporate_spinoff``, ``problem_based``) may appear in a page's
    visible text outside code (code cells, inline code, scripts)."""
    import html
    import json
    import re

    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    codes = {
        category["value"]
        for resource in package["resources"]
        for field in resource.get("schema", {}).get("fields", [])
        for category in field.get("categories", [])
        if "_" in str(category["value"])
    }
    assert len(codes) > 10, "the codebook's coded values were not found"
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, codes))) + r")\b")
    code_parts = re.compile(
        r"<script.*?</script>|<style.*?</style>|<pre.*?</pre>|<code.*?</code>", re.DOTALL
    )
    shown: dict[str, list[str]] = {}
    for page in sorted((built_book / "book").glob("*.html")):
        text = html.unescape(re.sub(r"<[^>]+>", " ", code_parts.sub(" ", page.read_text())))
        found = sorted(set(pattern.findall(text)))
        if found:
            shown[page.name] = found
    assert shown == {}
