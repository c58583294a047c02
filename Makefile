# Two commands on a fresh machine: `make serve` and `make test`.
# Everything installs into .venv from pyproject.toml; nothing else is assumed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
ADDR   ?= 127.0.0.1:8000

# `make serve LANG=nb` builds one language only (fast authoring loop).
# LANG is also the shell's locale variable (e.g. C.UTF-8), so only a site
# language counts; SITE_LANG=nb does the same without the ambiguity.
SITE_LANG ?= $(filter da nb en,$(LANG))
# Recipes get a real locale back, and the one-language switch for mkdocs.
RUN := env LANG=C.UTF-8 LC_ALL=C.UTF-8 NO_MKDOCS_2_WARNING=1 $(if $(SITE_LANG),I18N_ONLY=$(SITE_LANG))

.PHONY: install serve build offline test test-fast browser lighthouse bench bench-planner clean

install: $(STAMP)

$(STAMP): pyproject.toml package.json package-lock.json
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@# The HTML checker (vnu-jar) comes from npm; never let a package download a browser.
	@if command -v npm >/dev/null; then PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error; \
	  else echo "npm not found: the HTML validation test will be skipped (apt-get install npm)"; fi
	@touch $@

# No --dirtyreload: with the i18n plugin it grows the search index on every rebuild.
serve: install
	$(RUN) $(BIN)/mkdocs serve --strict -a $(ADDR)

build: install
	$(RUN) $(BIN)/mkdocs build --strict --clean

# A zip that works opened from disk (file://), search included, for intranets and
# training rooms without a network: build/kontaktcenter-trivsel-offline.zip.
offline: install
	$(RUN) $(BIN)/python scripts/offline.py build

# Installs Debian's Chromium for the browser tests when it can (root);
# otherwise the browser tests skip with a line that says how to install it.
browser:
	@sh tests/browser/ensure-chromium.sh

test: install browser
	$(RUN) $(BIN)/python -m pytest -x

# Unit tests and build tests only, no browser.
test-fast: install
	$(RUN) $(BIN)/python -m pytest -x -m "not browser"

# Report, not a test: Lighthouse 12 (npm, installed on first use into .cache/)
# on the home page and one page of each kind in each language.
lighthouse: build
	$(RUN) $(BIN)/python scripts/lighthouse.py --site site

# Build benchmark against plain MkDocs on the same docs/ (prints a table, writes bench/results/build.json).
bench: install
	$(RUN) $(BIN)/python bench/build.py

# The planner's page weight and the time of one full recalculation (five days of fifteen items).
bench-planner: install
	$(RUN) $(BIN)/python bench/planner.py

clean:
	rm -rf site build .cache
