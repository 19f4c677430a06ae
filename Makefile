# Thrive: two commands for a newcomer (make demo, make test), and the tools behind them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
# A Python >= 3.12: PYTHON=... wins; else python3.13/python3.12 on PATH that really run; else pyenv's versions.
PYTHON ?= $(shell for c in python3.13 python3.12 python3; do \
	  p=$$(command -v $$c 2>/dev/null) && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; exit; }; \
	done; \
	for p in $$(ls -d $$(pyenv root 2>/dev/null || echo $$HOME/.pyenv)/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
	  $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; exit; }; \
	done)
MANAGE := $(BIN)/python -m thrive.config.manage
STAMP_PY := $(VENV)/.installed
STAMP_JS := node_modules/.installed
STATIC := src/thrive/static/.built

help:
	@echo "make demo   install, build, generate a synthetic local area and serve it on http://127.0.0.1:8000"
	@echo "make test   install and run the whole test suite (DATABASE_URL=postgres://... to use PostgreSQL)"
	@echo "make lint   ruff and mypy"
	@echo "make bench  performance benchmarks (see docs/performance.md)"

$(STAMP_PY): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Thrive needs Python 3.12 or newer. Install it, or run: make PYTHON=/path/to/python3.12 ..."; exit 1; }
	@echo "Using $(PYTHON) ($$($(PYTHON) --version))"
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

$(STAMP_JS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(STATIC): $(STAMP_JS) $(shell find src/thrive/frontend -type f 2>/dev/null)
	npm run --silent build
	touch $@

install: $(STAMP_PY) $(STATIC)

demo: install
	mkdir -p var
	$(MANAGE) migrate --no-input
	$(MANAGE) generate-area --if-empty --children 3000 --seed 1 --years 4 --established-plans 0.4
	$(MANAGE) demo-users
	$(MANAGE) generate-audits --if-empty
	$(MANAGE) generate-improvement --if-empty
	@if [ -d ../shared/data ] && $(MANAGE) shell --no-imports -c "import sys; from thrive.benchmarks.models import Population; sys.exit(Population.objects.exists())"; then $(MANAGE) load-benchmarks --data ../shared/data; else echo "Skipped loading the published statistics: already loaded, or ../shared/data is not beside the project (load them later with: thrive load-benchmarks --data PATH)."; fi
	$(MANAGE) generate-forecasting --if-empty
	$(MANAGE) run-forecast --if-none --name "Trend, five years" --variant trend --years 5
	@if [ -f ../shared/reference/inspection-framework.md ]; then $(MANAGE) load-framework --if-empty ../shared/reference/inspection-framework.md; else echo "Skipped the self-evaluation's criteria: ../shared/reference/inspection-framework.md is not beside the project (load them later with: thrive load-framework PATH)."; fi
	@# The task worker (notifications) runs beside the web server; Ctrl+C stops both.
	trap 'kill 0' EXIT; $(MANAGE) db_worker --no-reload --interval 2 & $(MANAGE) runserver 127.0.0.1:8000

test: install
	$(BIN)/pytest

lint: install
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

bench: install
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) node_modules src/thrive/static var/*.sqlite3

.PHONY: help install demo test lint bench clean
