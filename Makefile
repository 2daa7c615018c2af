# The two commands of the README are `make book` and `make test`; both set themselves up.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
VENDOR_STAMPS := book/_vendor/.vega.min.js.sha256 book/_vendor/.vega-lite.min.js.sha256 \
                 book/_vendor/.vega-embed.min.js.sha256 book/_vendor/.mathjax-tex-svg.js.sha256
CHAPTERS := $(shell grep -l '^kernelspec:' book/*.md)
JB_FLAGS := -W -n --keep-going
PORT ?= 8000
# the rough-set engine's suite, which `make test` also runs in standard-library mode (the CSV
# readers' tests beside it in tests/roughsets/ need pyarrow, so they run once)
ENGINE_TESTS := $(wildcard tests/roughsets/test_roughsets_*.py)

.PHONY: book student test serve clean bench lint setup vendor notebooks chromium lock help normalise pdf

## book: build the reader's edition into _build/html (executes every chapter; warnings are
##       errors). BOOK_REPOSITORY_URL=https://github.com/<owner>/<repo> adds the launch and
##       repository buttons (BOOK_REPOSITORY_BRANCH, default main).
book: setup
	rm -rf _build/html _build/.doctrees _build/.jupyter_cache _build/jupyter_execute
	$(PY) book/_ext/editions.py --edition reader --output _build/reader_config.yml
	$(VENV)/bin/jupyter-book build . --config _build/reader_config.yml $(JB_FLAGS)

## pdf: the print edition, _build/pdf/book.pdf (builds the HTML book first when missing)
pdf: setup
	test -f _build/html/index.html || $(MAKE) book
	$(PY) book/_ext/print_book.py _build/html _build/pdf/book.pdf

## student: the student edition (every exercise solution removed) into _build/student/html,
##          reusing the chapters executed by `make book` (run that first)
student: setup
	@test -d _build/.jupyter_cache || { echo "no executed chapters: run 'make book' first"; exit 1; }
	rm -rf _build/student
	$(PY) book/_ext/editions.py --edition student --cache _build/.jupyter_cache \
	  --output _build/student_config.yml
	$(VENV)/bin/jupyter-book build . --config _build/student_config.yml \
	  --path-output _build/student $(JB_FLAGS)
	mv _build/student/_build/html _build/student/html && rm -rf _build/student/_build

## test: the gates, unit tests, one fresh book build (which executes every chapter and fails on
##       a cell error), browser, JupyterLab, Binder and install tests; then the engine's suite
##       again in standard-library mode (numpy and pandas imports blocked)
test: setup chromium lint
	$(PY) -m pytest tests -p no:cacheprovider
	$(PY) -m pytest $(ENGINE_TESTS) --stdlib-only -p no:cacheprovider

## setup: the pinned .venv with an editable install of lib/, and the vendored JavaScript
setup: $(STAMP) vendor

$(STAMP): binder/requirements.txt requirements-dev.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"
	$(PY) -m pip install --quiet -r requirements-dev.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

## vendor: fetch the pinned JavaScript into book/_vendor and Pyodide into book/_pyodide (checksum-verified)
vendor: $(STAMP)
	$(PY) book/_ext/vendor_js.py fetch
	$(PY) book/_ext/vendor_pyodide.py fetch

## notebooks: the MyST chapters as .ipynb under _build/nbval, for running them under nbval
##            (`pytest _build/nbval --nbval-lax`); make test executes them in the book build
notebooks: $(STAMP)
	rm -rf _build/nbval && mkdir -p _build/nbval
	for f in $(CHAPTERS); do \
	  $(VENV)/bin/jupytext --quiet --to ipynb --output _build/nbval/$$(basename $${f%.md}).ipynb $$f || exit 1; \
	done

## normalise: write the chapters as JupyterLab saves them (jupytext.toml), so saving changes nothing
normalise: $(STAMP)
	$(PY) tests/book/normalise_chapters.py

## chromium: Debian's chromium for the browser tests (installed when missing and we are root)
chromium:
	@if command -v chromium >/dev/null 2>&1; then echo "chromium: $$(command -v chromium)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "chromium missing and not root: browser tests will skip (they fail when CI=true)"; fi

## serve: the built book on http://127.0.0.1:$(PORT)
serve:
	@test -f _build/html/index.html || { echo "no built book: run 'make book' first"; exit 1; }
	$(or $(wildcard $(PY)),$(PYTHON)) -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

## bench: speed of the rough-set engine, the explorer, the CLI on big files and live mode in the page (prints tables; live mode needs 'make book' first)
bench: setup
	$(PY) tests/bench/bench_roughsets.py
	$(PY) tests/bench/bench_explorer.py
	$(PY) tests/bench/bench_cli_files.py
	$(PY) tests/bench/bench_live.py

## lint: the gates: ruff (lint, complexity <= 12, format), mypy --strict, ruff on the chapters
##       (their code cells, converted by jupytext into _build/lint)
lint: $(STAMP)
	$(VENV)/bin/ruff check lib tests book/_ext
	$(VENV)/bin/ruff format --check lib tests book/_ext
	$(VENV)/bin/mypy
	$(PY) book/_ext/lint_chapters.py

## lock: re-resolve the pinned environment from scratch (needs the package index)
lock:
	rm -rf /tmp/clusterlab-lock && $(PYTHON) -m venv /tmp/clusterlab-lock
	/tmp/clusterlab-lock/bin/pip install --quiet ".[book,notebook]"
	/tmp/clusterlab-lock/bin/pip freeze --exclude clusterlab > binder/requirements.txt.new
	@echo "review binder/requirements.txt.new, then move it over binder/requirements.txt"

## clean: remove builds, caches and the vendored JavaScript (keeps .venv)
clean:
	rm -rf _build book/_vendor book/_pyodide tests/book/_vendor .pytest_cache .ruff_cache .hypothesis .jupyter_cache
	find . -name __pycache__ -not -path './.venv/*' -prune -exec rm -rf {} +

## help: list the targets with what they do (from their '## target:' comments)
help:
	@awk '/^## [a-z-]+:/ { name = $$2; sub(/:$$/, "", name); sub(/^## [a-z-]+: */, ""); \
	  printf "  %-10s %s\n", name, $$0 }' $(firstword $(MAKEFILE_LIST))
