# The two commands: `make book` and `make test` (see README.md).
# Each sets up .venv on first use (or when pyproject.toml or constraints.txt
# change), installing dlcourse (editable) with the pinned versions.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
EXTRAS ?= book,test

.PHONY: book test bench lab check-env setup lock clean help

help:
	@echo "make book   build the HTML book into _build/html (runs every chapter)"
	@echo "make test   run the unit tests and every chapter (nbval)"
	@echo "make bench  print the benchmark table"
	@echo "make lab    open the chapters as notebooks in JupyterLab"
	@echo "make check-env  print [OK]/[FAIL] for Python and each dependency"
	@echo "make clean  remove build outputs (keeps .venv)"

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || \
		{ echo "error: Python 3.10 or newer is needed; set PYTHON=python3.x" >&2; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[$(EXTRAS)]"
	touch $@

setup: $(STAMP)

test: $(STAMP)
	$(PY) -m pytest

book: $(STAMP)
	$(VENV)/bin/jupyter-book build . -W -n --keep-going
	$(PY) -m dlcourse.book check-html .

bench: $(STAMP)
	$(PY) bench/run.py

# JupyterLab opens book/*.md as notebooks (Jupytext), set for this .venv only.
lab: $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[lab]"
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp binder/jupyterlab-overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	$(VENV)/bin/jupyter lab book/

check-env: $(STAMP)
	$(PY) -m dlcourse.environment

# Re-pin constraints.txt to what .venv holds now (after an upgrade).
lock: $(STAMP)
	{ sed -n '1,3p' constraints.txt; $(PY) -m pip freeze --exclude-editable | grep -v '^dlcourse'; } > constraints.tmp
	mv constraints.tmp constraints.txt

clean:
	rm -rf _build tests/_chapters
