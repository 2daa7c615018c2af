"""Page fixes for readers: accessibility, dark-mode charts, phones, a clean console.

A Sphinx extension (``sphinx: local_extensions`` in ``_config.yml``) that

* adds ``book/_ext/static/``: ``book-pages.css`` (phone layout, focus rings, touch-sized
  controls, chart sizing) and ``book-pages.js`` (the menu buttons, accessible names the theme
  leaves out, charts drawn in the page's light or dark colours);
* sets the theme's colour mode to ``auto`` when the book does not choose one (without it
  pydata-sphinx-theme 0.17 logs "Got invalid theme mode" on every page);
* gives the book a favicon (otherwise every page load logs a 404 for ``/favicon.ico``);
* removes repeated inline scripts from every page. Extensions that add an inline script after
  the builder started (sphinx-thebe, sphinx-togglebutton) get it registered twice, and
  sphinx-thebe's ``const THEBE_JS_URL`` declared twice is a page error;
* gives bibliography entries the ``listitem`` role their ``role="list"`` parent requires
  (Sphinx writes the deprecated ``doc-biblioentry``, which axe reports as critical).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

STATIC = Path(__file__).resolve().parent / "static"
CSS = "book-pages.css"
JS = "book-pages.js"
FAVICON = "favicon.svg"


def _config_inited(app: Sphinx, config: Config) -> None:
    config.html_static_path = [*config.html_static_path, str(STATIC)]
    context = dict(config.html_context or {})
    context.setdefault("default_mode", "auto")  # pydata-sphinx-theme reads it from here
    config.html_context = context
    if not config.html_favicon:
        config.html_favicon = str(STATIC / FAVICON)
    app.add_css_file(CSS, priority=900)
    # After vega-embed (vendor_js gives it priority 203), before the charts' embed code.
    app.add_js_file(JS, priority=210)


def unique_scripts(scripts: list[Any]) -> list[Any]:
    """The scripts without repeats: same file name and same inline body count as one.

    An inline script's file name is ``None`` or ``""`` depending on when it was added.
    """
    seen: set[tuple[str, str]] = set()
    kept = []
    for script in scripts:
        key = (
            str(getattr(script, "filename", script) or ""),
            str(getattr(script, "attributes", {}).get("body", "")),
        )
        if key in seen:
            continue
        seen.add(key)
        kept.append(script)
    return kept


BIBLIOENTRY = re.compile(r'(<div class="citation"[^>]*?) role="doc-biblioentry"')


def _page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if "script_files" in context:
        context["script_files"] = unique_scripts(list(context["script_files"]))
    body = context.get("body")
    if isinstance(body, str) and "doc-biblioentry" in body:
        context["body"] = BIBLIOENTRY.sub(r'\1 role="listitem"', body)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", _config_inited)
    app.connect("html-page-context", _page_context, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
