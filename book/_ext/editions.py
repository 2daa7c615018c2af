"""Write the Jupyter Book configuration of one edition of the book (reader or student).

``_config.yml`` is the source; this script writes a copy that ``jupyter-book build --config``
reads, with three changes:

* **Repository.** When ``BOOK_REPOSITORY_URL`` is set (e.g. ``https://github.com/o/r``), the
  repository button, the Binder launch button and ``repository.url`` are switched on, with
  ``BOOK_REPOSITORY_BRANCH`` (default ``main``). Without it both buttons are off, so no button
  leads to a repository that does not exist.
* **Student edition** (``--edition student``): ``hide_solutions`` (sphinx-exercise) removes every
  solution from the pages, and the execution cache of the reader's build (``--cache``) is
  reused, so the chapters are not executed again.
* Paths of local extensions are made absolute, since the copy lives in another folder.

Usage: ``python book/_ext/editions.py --edition student --cache _build/.jupyter_cache
--output _build/student_config.yml``.
"""

from __future__ import annotations

import argparse
import copy
import os
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
EDITIONS = ("reader", "student")


def edition_config(
    base: dict[str, Any],
    edition: str,
    *,
    repository_url: str | None = None,
    branch: str = "main",
    cache: str | None = None,
    root: Path = ROOT,
) -> dict[str, Any]:
    """The configuration of ``edition`` derived from ``base`` (the parsed ``_config.yml``)."""
    if edition not in EDITIONS:
        raise ValueError(f"edition {edition!r}: choose one of {', '.join(EDITIONS)}")
    config = copy.deepcopy(base)
    html = config.setdefault("html", {})
    launch = config.setdefault("launch_buttons", {})
    if repository_url:
        if not repository_url.startswith(("https://", "http://")):
            raise ValueError(f"BOOK_REPOSITORY_URL = {repository_url!r}: not an http(s) address")
        config["repository"] = {"url": repository_url, "path_to_book": "", "branch": branch}
        html["use_repository_button"] = True
        launch["binderhub_url"] = "https://mybinder.org"
    else:
        config["repository"] = {"url": "", "path_to_book": "", "branch": branch}
        html["use_repository_button"] = False
        launch["binderhub_url"] = ""
    sphinx = config.setdefault("sphinx", {})
    local = sphinx.get("local_extensions") or {}
    sphinx["local_extensions"] = {name: str((root / p).resolve()) for name, p in local.items()}
    if edition == "student":
        sphinx.setdefault("config", {})["hide_solutions"] = True
        config["title"] = f"{config.get('title', 'Book')} (student edition)"
        if cache:
            config.setdefault("execute", {})["cache"] = str(Path(cache).resolve())
    return config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edition", choices=EDITIONS, default="reader")
    parser.add_argument("--cache", help="execution cache of the reader's build (student only)")
    parser.add_argument("--output", required=True, help="where to write the configuration")
    parser.add_argument("--base", default=str(ROOT / "_config.yml"))
    args = parser.parse_args(argv)
    try:
        base = yaml.safe_load(Path(args.base).read_text(encoding="utf-8"))
        config = edition_config(
            base,
            args.edition,
            repository_url=os.environ.get("BOOK_REPOSITORY_URL") or None,
            branch=os.environ.get("BOOK_REPOSITORY_BRANCH") or "main",
            cache=args.cache,
        )
    except (OSError, ValueError, yaml.YAMLError) as error:
        print(f"editions: {error}", file=sys.stderr)
        return 2
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
