# The two commands: `make book` and `make test` (see README.md).
# Each sets up .venv on first use (or when pyproject.toml or constraints.txt
# change), installing dlcourse (editable) with the pinned versions.

PYTHON   ?= python3
VENV     ?= .venv
PY       := $(VENV)/bin/python
STAMP    := $(VENV)/.installed
EXTRAS   ?= book,test,data
# Chapters to run in `make test` (file stems, space-separated); default all.
CHAPTERS ?=
# More pytest arguments for `make test`, e.g. PYTEST_ARGS='-k gan -x'.
PYTEST_ARGS ?=
# Processes `make test` spreads its work over (pytest-xdist): one per CPU
# core by default; JOBS=0 runs everything in one process, in order.
JOBS     ?= auto
# Interpreters `make test-pythons` checks, oldest and newest supported.
PYTHONS  ?= python3.10 python3.13
PIP      := $(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt

.PHONY: book browser-test pdf lint test test-unit visible-code test-pythons bench lab check-env setup check-python lock clean help

help:
	@echo "make book          build the HTML book into _build/html (runs every chapter)"
	@echo "make test          run the unit tests, then every chapter (nbval)"
	@echo "                   CHAPTERS='01_neural_networks' runs only those chapters, CHAPTERS=none none of them"
	@echo "                   JOBS=0 in one process (default: one per CPU core, pytest-xdist)"
	@echo "make lint          ruff: errors, import order, numpy docstrings (make test runs it first)"
	@echo "make visible-code  run each chapter's visible cells alone (CHAPTERS= as for make test)"
	@echo "make test-unit     the fast inner loop: unit tests only (no chapters, none marked slow)"
	@echo "make browser-test  open every built page in headless Chromium: offline, images, math, axe (after make book)"
	@echo "make pdf           the whole book as one PDF, _build/pdf/book.pdf (Chromium prints the single-page build)"
	@echo "make test-pythons  unit tests and chapter 1 on each of PYTHONS ($(PYTHONS))"
	@echo "make setup         create .venv and install everything (the other targets do it)"
	@echo "make bench         print the benchmark table"
	@echo "make lab           open the chapters as notebooks in JupyterLab"
	@echo "make check-env     print [OK]/[FAIL] for Python and each dependency"
	@echo "make lock          re-resolve constraints.txt from pyproject.toml (needs the network)"
	@echo "make clean         remove build outputs (keeps .venv)"
	@echo "PYTHON=python3.X picks the interpreter for a new .venv (3.10 or newer)."

# A PYTHON given on the command line or in the environment must exist, be
# new enough, and match the Python that an existing $(VENV) was made with.
check-python:
	@$(PYTHON) -c '' 2>/dev/null || { \
		echo "error: cannot run the Python interpreter '$(PYTHON)'; set PYTHON=python3.X (3.10 or newer), or a path" >&2; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || { \
		echo "error: $(PYTHON) is Python $$($(PYTHON) -c 'import platform; print(platform.python_version())'); 3.10 or newer is needed: set PYTHON=python3.X" >&2; exit 1; }
ifneq ($(filter environment command line,$(origin PYTHON)),)
	@if [ -x $(PY) ]; then \
		want=$$($(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])'); \
		have=$$($(PY) -c 'import sys; print("%d.%d" % sys.version_info[:2])'); \
		[ "$$want" = "$$have" ] || { \
			echo "error: $(VENV) was made with Python $$have, but PYTHON=$(PYTHON) is Python $$want." >&2; \
			echo "       Remove it and set up again:  rm -rf $(VENV) && make $(MAKECMDGOALS) PYTHON=$(PYTHON)" >&2; \
			echo "       or keep both:               make $(MAKECMDGOALS) PYTHON=$(PYTHON) VENV=.venv-$$want" >&2; \
			exit 1; }; \
	fi
endif

# A failed install removes $(VENV), so no half-made environment is reused.
$(STAMP): pyproject.toml constraints.txt | check-python
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) -e ".[$(EXTRAS)]" || { rm -rf $(VENV); \
		echo "error: installing into $(VENV) failed (see above); $(VENV) was removed" >&2; exit 1; }
	touch $@

setup: check-python $(STAMP)

test: check-python $(STAMP) lint
	$(PY) -m pytest -n $(JOBS) --dist loadfile $(if $(CHAPTERS),--chapters="$(CHAPTERS)") $(PYTEST_ARGS)

# ruff (configured in pyproject.toml): errors, import order, numpy docstrings.
lint: check-python $(STAMP)
	$(VENV)/bin/ruff check dlcourse tests bench book/_ext

# Every chapter's visible cells alone, in order: copied code needs no hidden cell.
visible-code: check-python $(STAMP)
	$(PY) -m pytest tests/tools/test_visible_code.py -m visible_code $(if $(CHAPTERS),--chapters="$(CHAPTERS)")

# The fast inner loop while working on the package: no chapter, nothing slow.
test-unit: check-python $(STAMP)
	$(PY) -m pytest --chapters=none -m "not slow and not browser" $(PYTEST_ARGS)

# Each interpreter gets its own environment (.venv-python3.X). The tests
# marked slow (training processes killed and resumed, worker clusters, a
# chapter run twice) run once, in `make test`.
# The interpreters run side by side, one process each (JOBS=0); each one's
# output is printed whole when it ends.
PYTHON_RUNS := $(addprefix test-python-,$(shell seq $(words $(PYTHONS))))
test-pythons:
	@$(MAKE) --no-print-directory -j$(words $(PYTHONS)) --output-sync=target $(PYTHON_RUNS)

test-python-%:
	$(MAKE) --no-print-directory test PYTHON=$(word $*,$(PYTHONS)) \
		VENV=.venv-$(notdir $(word $*,$(PYTHONS))) JOBS=0 \
		CHAPTERS=01_neural_networks PYTEST_ARGS='-m "not slow and not browser"'

book: check-python $(STAMP)
	# No page of a chapter removed from _toc.yml survives. Every page is read
	# again (the executed notebooks still come from the cache): the links
	# from code to the API reference (sphinx-codeautolink) are made only for
	# pages read in this build, as its cache keeps .rst pages only.
	rm -rf _build/html _build/.doctrees
	$(VENV)/bin/jupyter-book build . -W -n --keep-going
	$(PY) -m dlcourse.tools.book check-html .

# Every page of the built book in Debian's headless Chromium (Playwright, no
# browser download): see tests/browser/test_pages.py. Needs `make book` first.
CHROMIUM ?= /usr/bin/chromium
# Read by tests/browser and book/_ext/print_pdf.py (dlcourse.tools.browser.chromium_path).
export CHROMIUM
browser-test: check-python $(STAMP)
	@test -f $${DLCOURSE_HTML:-_build/html}/index.html || { echo "error: no $${DLCOURSE_HTML:-_build/html}: run 'make book' first" >&2; exit 1; }
	@if [ ! -x $(CHROMIUM) ]; then \
		echo "$(CHROMIUM) is missing: installing Debian's chromium package (apt-get install -y chromium)"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update && $$SUDO apt-get install -y --no-install-recommends chromium; \
	fi
	$(PY) -m pytest tests/browser -m browser --chapters=none -n $(JOBS) --dist load -v

# The whole book as one PDF for offline reading: Chromium (as above, no
# LaTeX, no browser download) prints the single-page HTML build, math and
# figures included; the script checks every _toc.yml page is in it.
pdf: check-python $(STAMP)
	@test -x $(CHROMIUM) || { echo "error: $(CHROMIUM) is missing: run 'make browser-test' once (it installs Debian's chromium)" >&2; exit 1; }
	$(VENV)/bin/jupyter-book build . --builder singlehtml --keep-going
	$(PY) book/_ext/print_pdf.py .

bench: check-python $(STAMP)
	$(PY) bench/run.py

# JupyterLab opens book/*.md as notebooks (Jupytext), set for this .venv only;
# the server settings keep an opened chapter unmodified (see that file).
# As root (a container), Jupyter needs --allow-root.
lab: check-python $(STAMP)
	$(PIP) -e ".[lab]"
	mkdir -p $(VENV)/share/jupyter/lab/settings $(VENV)/etc/jupyter
	cp binder/jupyterlab-overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	cp binder/jupyter_server_config.py $(VENV)/etc/jupyter/jupyter_server_config.py
	$(VENV)/bin/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) book/

check-env: check-python $(STAMP)
	$(PY) -m dlcourse.tools.environment

# Re-resolve the lock from pyproject.toml's dependencies and all extras, for
# every supported Python, preferring the versions pinned now (uv keeps a pin
# unless a requirement changed). Needs the network.
lock: check-python $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check uv
	cp constraints.txt constraints.tmp
	$(VENV)/bin/uv pip compile pyproject.toml --all-extras --universal --python-version 3.10 \
		--no-annotate --no-header --quiet -o constraints.tmp
	# The header comment stays (a redirect into constraints.txt itself would
	# empty it before sed reads it).
	{ sed -n '/^#/p' constraints.txt; grep -v '^#' constraints.tmp; } > constraints.new
	mv constraints.new constraints.txt
	rm constraints.tmp

clean:
	rm -rf _build tests/_chapters
