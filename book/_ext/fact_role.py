"""The ``{eval}`fact("key", "spec")``` role of the chapters, read in the book build as glue.

The chapters write every computed number into the prose as ``{eval}`fact("key", ".2f")```
(``clusterlab.notebook.fact``). In JupyterLab, jupyterlab-myst evaluates that expression in
the reader's kernel after the cells above it ran. The book build keeps myst-nb's cached
execution (the student edition reuses the reader's cache), where myst-nb's own ``{eval}`` role
does not work (it needs the ``inline`` execution mode). This extension replaces that role with
one that accepts exactly ``fact("key")`` and ``fact("key", "spec")`` and pastes the value glued
under ``key`` like ``{glue:text}`key:spec```. Any other expression is a build warning (an error
under ``-W``) that names it.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from myst_nb.ext.glue.roles import PasteTextRole

FACT = re.compile(
    r'^\s*fact\(\s*"(?P<key>[A-Za-z_][A-Za-z0-9_]*)"\s*(?:,\s*"(?P<spec>[^"]*)"\s*)?\)\s*$'
)


def glue_text(expression: str) -> str | None:
    """``fact("key", ".2f")`` -> ``key:.2f`` (``fact("key")`` -> ``key``), the text of a
    ``{glue:text}`` role; ``None`` for any other expression."""
    match = FACT.match(expression)
    if match is None:
        return None
    spec = match.group("spec")
    return match.group("key") if not spec else f"{match.group('key')}:{spec}"


class FactRole(PasteTextRole):  # type: ignore[misc]
    """``{eval}`fact("key", "spec")``` pasted from the glued value, like ``{glue:text}``."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        text = glue_text(self.text)
        if text is None:
            message = (
                f'{{eval}}`{self.text}`: the book build reads only fact("key") and '
                f'fact("key", "spec") expressions (book/_ext/fact_role.py)'
            )
            return [], [self.document.reporter.warning(message, line=self.line)]
        self.text = text
        return super().run()  # type: ignore[no-any-return]


def setup(app: Any) -> dict[str, Any]:
    # myst-nb registers its own ``eval`` role when it is set up; this one replaces it.
    app.add_role("eval", FactRole(), override=True)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
