"""The print edition (``make pdf``), made from the book the browser tests built, checked with
poppler's ``pdfinfo`` and ``pdftotext`` (Debian ``poppler-utils``)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_book_pages import toc_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "book" / "_ext"))
import print_book  # noqa: E402  (the print edition lives with the book's extensions)

MAX_BYTES = 25 * 1024 * 1024
MATH = re.compile(r"\\\(.*?\\\)|\\\[.*?\\\]", re.S)
SPEC = re.compile(r"\}\)\((\{\"config\".*?\}), \{\"mode\": \"vega-lite\"\}\);", re.S)


class _Texts(HTMLParser):
    """The text of every ``<h1>`` and ``<figcaption>`` of a built page (solutions excluded)."""

    def __init__(self) -> None:
        super().__init__()
        self.h1: list[str] = []
        self.captions: list[str] = []
        self._into: list[str] | None = None
        self._solution_depth = 0
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._depth += 1
        classes = (dict(attrs).get("class") or "").split()
        if "solution" in classes and not self._solution_depth:
            self._solution_depth = self._depth
        if self._solution_depth:
            return
        if tag == "h1":
            self.h1.append("")
            self._into = self.h1
        elif tag == "figcaption":
            self.captions.append("")
            self._into = self.captions
        elif tag == "a" and "headerlink" in classes:
            self._into = None

    def handle_endtag(self, tag: str) -> None:
        if self._solution_depth == self._depth:
            self._solution_depth = 0
        self._depth -= 1
        if tag in ("h1", "figcaption"):
            self._into = None

    def handle_data(self, data: str) -> None:
        if self._into is not None:
            self._into[-1] += data


def squash(text: str) -> str:
    """Text without whitespace or soft hyphens: PDF lines break anywhere."""
    return re.sub(r"[\s\u00ad#]+", "", text)


def chart_titles(page_html: str) -> list[str]:
    titles = []
    for match in SPEC.finditer(page_html):
        title = json.loads(match.group(1)).get("title")
        text = title.get("text") if isinstance(title, dict) else title
        if text:
            titles.append(" ".join(text) if isinstance(text, list) else str(text))
    return titles


@pytest.fixture(scope="module")
def pdf(browser, built_book: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    for tool in ("pdfinfo", "pdftotext"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} missing: apt-get install poppler-utils (.ci/run does)")
    out = tmp_path_factory.mktemp("pdf") / "book.pdf"
    return print_book.print_book(browser, built_book, out, ROOT)


def test_pdf_is_one_readable_file_under_25_mb(pdf: Path) -> None:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))  # type: ignore[union-attr]
    assert pages > len(toc_pages())
    assert pdf.stat().st_size < MAX_BYTES
    print(f"\nPDF: {pages} pages, {pdf.stat().st_size / 1e6:.1f} MB")


def test_pdf_has_chapters_in_order_captions_and_drawn_charts(pdf: Path, built_book: Path) -> None:
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")  # pdftotext ends every page with a form feed
    flat = squash(text)
    assert "undefined" not in text
    assert squash(pages[0]).startswith(squash(print_book.book_title(ROOT)))
    # The contents start on page 2 and end before the first page they list.
    first = re.search(r"\d+", squash(pages[1]).removeprefix("Contents"))
    assert squash(pages[1]).startswith("Contents") and first
    front = " ".join(" ".join(pages[1 : int(first.group()) - 1]).split())
    previous = 0
    for page in toc_pages():
        page_html = (built_book / page).read_text()
        parsed = _Texts()
        parsed.feed(page_html)
        heading = squash(parsed.h1[-1])  # the article's heading, with its chapter number
        # The table of contents gives its page, in reading order, and the page starts it.
        listed = re.search(re.escape(" ".join(parsed.h1[-1].split())) + r" (\d+)\b", front)
        assert listed, f"{page}: {parsed.h1[-1]!r} not in the table of contents"
        number = int(listed.group(1))
        assert number > previous, f"{page}: out of order in the table of contents"
        assert heading in squash(pages[number - 1]), f"{page}: not on page {number}"
        previous = number
        for caption in parsed.captions:
            # Math (\\( ... \\)) is drawn by MathJax as a picture: compare the text around it.
            for piece in MATH.split(caption):
                assert squash(piece) in flat, f"{page}: caption missing: {caption[:60]!r}"
        # Every chart drawn: its title (SVG text in the PDF) is there.
        for title in chart_titles(page_html):
            assert squash(title) in flat, f"{page}: chart {title!r} not drawn"
    # One note per interactive part: each chart with controls and each explorer block (the
    # rough-set explorer and the static twins of the Table 2 and paths explorers).
    interactive = sum(
        '"bind": {' in spec.group(1)
        for page in toc_pages()
        for spec in SPEC.finditer((built_book / page).read_text())
    ) + sum(
        (built_book / page).read_text().count('<div class="clusterlab-explorer"')
        for page in toc_pages()
    )
    assert interactive >= 3
    assert flat.count(squash("Interactive in the web edition")) == interactive
    assert "Solution to" not in text
