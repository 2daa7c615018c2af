"""The chapters' glued figures, written so that JupyterLab reads them too.

A chapter glues a chart in a code cell (``clusterlab.notebook.glue``) and places it in the
text with a figure that has no image and names the glued key::

    ```{figure}
    :name: fig-ch4-network
    :glue: ch4_fig_network

    The caption.
    ```

In JupyterLab, jupyterlab-myst renders that block as a numbered caption ("Figure 1: The
caption."), under the chart that the code cell above displays. (myst-nb's own
``{glue:figure} key`` directive is unknown there and shows as a red "Unknown Directive" box
that hides its caption.) In the book build this extension reads the block as
``{glue:figure} ch4_fig_network``: the glued chart in a numbered figure with its caption.

The ``figure`` directive keeps its Sphinx meaning for an image path. A figure with neither an
image path nor ``:glue:``, or with both, is a build error that says so.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from myst_nb.ext.glue.directives import PasteFigureDirective
from sphinx.directives.patches import Figure


class FigureOrGlue(Figure):  # type: ignore[misc]
    """Sphinx's ``figure`` (an image path), or with ``:glue: key`` the figure glued as ``key``
    (myst-nb's ``{glue:figure}``, with the same options)."""

    required_arguments = 0
    optional_arguments = 1
    option_spec = {**Figure.option_spec, "glue": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        key = self.options.pop("glue", None)
        if key is None:
            if not self.arguments:
                raise self.error("figure: give an image path, or ':glue: key' for a glued chart")
            return super().run()  # type: ignore[no-any-return]
        if self.arguments:
            raise self.error(
                f"figure: an image path ({self.arguments[0]}) and ':glue: {key}' together"
            )
        paste = PasteFigureDirective(
            "glue:figure",
            [key.strip()],
            self.options,
            self.content,
            self.lineno,
            self.content_offset,
            self.block_text,
            self.state,
            self.state_machine,
        )
        return paste.run()  # type: ignore[no-any-return]


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("figure", FigureOrGlue, override=True)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
