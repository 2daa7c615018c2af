"""Checks of a page's structure, run in the browser by the page tests (``tab.evaluate``)."""

from __future__ import annotations

#: Headings of the article (explorers included) whose level is more than one below the
#: previous heading's: "h2 The static explorer -> h4 Current: ...".
SKIPPED_HEADINGS = """() => {
  const headings = Array.from(document.querySelectorAll(
    'article h1, article h2, article h3, article h4, article h5, article h6'))
    .filter(e => e.checkVisibility());
  const skips = [];
  headings.forEach((e, i) => {
    const previous = headings[i - 1];
    if (previous && Number(e.tagName[1]) > Number(previous.tagName[1]) + 1)
      skips.push(previous.tagName + ' ' + previous.textContent.trim().slice(0, 40) + ' -> '
                 + e.tagName + ' ' + e.textContent.trim().slice(0, 40));
  });
  return skips;
}"""
