"""Tell the chapters' kernels that they run for the book build.

Sets ``CLUSTERLAB_BOOK_BUILD=1`` in the Sphinx process; the kernels myst-nb starts inherit the
environment, so ``clusterlab.notebook.glue`` glues for the book (and does not also display the
figures it glues, as it does in a reader's Jupyter kernel).
"""

from __future__ import annotations

import os
from typing import Any

BOOK_BUILD_VARIABLE = "CLUSTERLAB_BOOK_BUILD"


def setup(app: Any) -> dict[str, Any]:
    os.environ[BOOK_BUILD_VARIABLE] = "1"
    return {"parallel_read_safe": True, "parallel_write_safe": True}
