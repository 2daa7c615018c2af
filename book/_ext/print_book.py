"""The print edition: one PDF of the whole built book, through headless Chromium.

``python book/_ext/print_book.py [HTML_DIR] [OUT_PDF]`` (``make pdf``) serves the built HTML
book (default ``_build/html``) on 127.0.0.1, prints every page of ``_toc.yml`` in order with
Debian's chromium (playwright's ``page.pdf``) once its charts are drawn, and merges the pages
with pypdf into ``_build/pdf/<name>.pdf``:

* a title page with the book's title and a table of contents with page numbers, and a PDF
  outline (bookmarks) with one entry per page of the table of contents;
* every page numbered at the foot ("n / total");
* solutions left out (the print style sheet hides them); charts and explorers in their
  default view, each interactive one followed by a line saying where to use it live.
"""

from __future__ import annotations

import functools
import html
import http.server
import io
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pypdf import PdfReader, PdfWriter

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAPER = {
    "format": "A4",
    "margin": {"top": "16mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
}
LIVE_NOTE = (
    "Interactive in the web edition: open {page} in the HTML book (or run the chapter in "
    "Jupyter) to change this view. Printed here in its default view."
)
# Every chart drawn; then a note after each interactive one; solutions out of the flow.
CHARTS_DRAWN = """() => Array.from(document.querySelectorAll("div[id^='altair-viz']"))
  .every(d => d.querySelector('svg.marks'))"""
PREPARE = """(note) => {
  for (const bind of document.querySelectorAll("div[id^='altair-viz'] .vega-bindings")) {
    if (!bind.querySelector('input, select')) continue;  // Vega adds an empty one to every chart
    const chart = bind.closest("div[id^='altair-viz']");
    if (chart.nextElementSibling && chart.nextElementSibling.matches('.print-live-note')) continue;
    const p = document.createElement('p');
    p.className = 'print-live-note';
    p.style.fontStyle = 'italic';
    p.textContent = note;
    chart.after(p);
  }
  for (const block of document.querySelectorAll('.clusterlab-explorer')) {
    if (block.nextElementSibling && block.nextElementSibling.matches('.print-live-note')) continue;
    const p = document.createElement('p');
    p.className = 'print-live-note';
    p.style.fontStyle = 'italic';
    p.textContent = note;
    block.after(p);
  }
  document.querySelectorAll('.solution').forEach(s => s.remove());
  document.querySelectorAll('details').forEach(d => {
    if (!d.closest('.vega-embed')) d.open = false;
  });
  // The article's own heading carries the chapter number; the theme's print header does not.
  const h1 = document.querySelector('.bd-article h1');
  const title = h1 ? h1.textContent.replace('#', '').trim() : document.title;
  const header = document.querySelector('#jb-print-docs-body h1');
  if (header) header.textContent = title;
  return title;
}"""


@dataclass(frozen=True)
class Printed:
    page: str
    title: str
    pdf: bytes
    pages: int


def toc_pages(root: Path = ROOT) -> list[str]:
    """The pages ``_toc.yml`` lists, in reading order, as paths of the built HTML."""
    toc = yaml.safe_load((root / "_toc.yml").read_text())
    files = [toc["root"]]

    def walk(entries: list[dict[str, Any]]) -> None:
        for entry in entries:
            files.append(entry["file"])
            walk(entry.get("sections", []))

    for part in toc.get("parts", []):
        walk(part["chapters"])
    walk(toc.get("chapters", []))
    return [f"{name}.html" for name in files]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def _count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def print_page(browser: Any, url: str, page: str) -> Printed:
    """One page of the book as PDF, charts drawn, only 127.0.0.1 reachable."""
    context = browser.new_context(viewport={"width": 1000, "height": 1400}, color_scheme="light")
    tab = context.new_page()
    tab.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(url) else route.abort(),
    )
    tab.goto(f"{url}/{page}", wait_until="load")
    tab.wait_for_function(CHARTS_DRAWN, timeout=30_000)
    title = tab.evaluate(PREPARE, LIVE_NOTE.format(page=page))
    tab.emulate_media(media="print", color_scheme="light")
    tab.wait_for_timeout(300)
    pdf = tab.pdf(print_background=True, **PAPER)
    context.close()
    return Printed(page, str(title), pdf, _count(pdf))


def front_matter(browser: Any, book_title: str, entries: list[tuple[str, int]]) -> bytes:
    """Title page and table of contents (entries: title, first page) as PDF."""
    rows = "".join(f"<tr><td>{html.escape(t)}</td><td class='n'>{n}</td></tr>" for t, n in entries)
    doc = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>
      body {{ font-family: sans-serif; color: #222; }}
      .title {{ height: 240mm; display: flex; flex-direction: column; justify-content: center; }}
      h1 {{ font-size: 30pt; margin: 0 0 8mm; }} .sub {{ font-size: 13pt; color: #444; }}
      .toc {{ break-before: page; }} table {{ width: 100%; border-collapse: collapse; }}
      td {{ padding: 1.6mm 0; border-bottom: 0.2mm dotted #999; }} .n {{ text-align: right; }}
    </style></head><body>
      <section class="title"><h1>{html.escape(book_title)}</h1>
        <p class="sub">Print edition of the HTML book. Charts and explorers are shown in their
        default view; the exercises' solutions are left out. The firm-level data are a
        reconstruction that matches the article's published figures, not the original
        survey data.</p></section>
      <section class="toc"><h2>Contents</h2><table>{rows}</table></section>
    </body></html>"""
    context = browser.new_context()
    tab = context.new_page()
    tab.set_content(doc)
    pdf = tab.pdf(print_background=True, **PAPER)
    context.close()
    return bytes(pdf)


def page_numbers(browser: Any, total: int) -> PdfReader:
    """``total`` blank pages with "n / total" at the foot, to lay over the book's pages."""
    context = browser.new_context()
    tab = context.new_page()
    blank = "<div style='break-after: page; height: 1px'></div>" * total
    tab.set_content(f"<!DOCTYPE html><html><body style='margin:0'>{blank}</body></html>")
    pdf = tab.pdf(
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=(
            "<div style='width:100%; text-align:center; font-size:9pt; color:#444'>"
            "<span class='pageNumber'></span> / <span class='totalPages'></span></div>"
        ),
        **PAPER,
    )
    context.close()
    return PdfReader(io.BytesIO(pdf))


def book_title(root: Path = ROOT) -> str:
    return str(yaml.safe_load((root / "_config.yml").read_text()).get("title", "The book"))


def print_book(browser: Any, html_dir: Path, out: Path, root: Path = ROOT) -> Path:
    """Print the built book in ``html_dir`` to ``out`` with ``browser`` (a playwright
    chromium); returns ``out``."""
    if not (html_dir / "index.html").exists():
        raise SystemExit(f"no built book in {html_dir}: run 'make book' first")
    with serve(html_dir) as url:
        printed = [print_page(browser, url, page) for page in toc_pages(root)]
    title = book_title(root)
    # The front matter's length does not depend on the page numbers it lists.
    draft = front_matter(browser, title, [(p.title, 0) for p in printed])
    starts, first = [], _count(draft) + 1
    for p in printed:
        starts.append(first)
        first += p.pages
    front = front_matter(
        browser, title, [(p.title, s) for p, s in zip(printed, starts, strict=True)]
    )
    numbers = page_numbers(browser, first - 1)

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(front)))
    for p, start in zip(printed, starts, strict=True):
        writer.append(PdfReader(io.BytesIO(p.pdf)))
        writer.add_outline_item(title=p.title, page_number=start - 1)
    for page, number in zip(writer.pages, numbers.pages, strict=True):
        page.merge_page(number)
    writer.add_metadata({"/Title": title})
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as handle:
        writer.write(handle)
    return out


def build_pdf(html_dir: Path, out: Path, root: Path = ROOT) -> Path:
    """:func:`print_book` with Debian's chromium, launched here."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
        )
        try:
            return print_book(browser, html_dir, out, root)
        finally:
            browser.close()


def main(argv: list[str]) -> None:
    html_dir = Path(argv[0]) if argv else ROOT / "_build" / "html"
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "_build" / "pdf" / "book.pdf"
    path = build_pdf(html_dir, out)
    pages = len(PdfReader(path).pages)
    print(f"wrote {path} ({pages} pages, {path.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main(sys.argv[1:])
