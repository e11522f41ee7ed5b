# Two commands on a fresh machine:  `make demo`  then  `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HASH   := $(shell cat pyproject.toml | cksum | cut -d' ' -f1)
# The demo needs DuckDB only; the tests also install the dev tools and the PostgreSQL and Spark engines.
CORE   := $(VENV)/.installed-core-$(HASH)
FULL   := $(VENV)/.installed-full-$(HASH)
export DBT_SEND_ANONYMOUS_USAGE_STATS := false

.PHONY: install install-core demo test lint bench clean

$(CORE): pyproject.toml
	@echo "==> Installing dbt-core, dbt-duckdb and pandas into $(VENV) (a minute or two the first time)"
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --progress-bar on -e .
	rm -f $(VENV)/.installed-core-* && touch $(CORE)

$(FULL): $(CORE)
	@echo "==> Installing the dev tools (pytest, ruff, sqlfluff) and the PostgreSQL and Spark engines"
	$(BIN)/pip install --progress-bar on -e '.[dev,postgres,spark]'
	rm -f $(VENV)/.installed-full-* && touch $(FULL)

install-core: $(CORE)

install: $(FULL)

## Build the bundled demo data into warehouse/scv.duckdb with its data tests (unit tests: make test),
## as of the day the demo data was generated for, so that the README's demo figures are what you get.
demo: install-core
	@echo "==> Building the demo into warehouse/scv.duckdb (models and data tests, about half a minute on an idle machine)"
	$(BIN)/dbt build --exclude-resource-type unit_test --vars '{as_of_date: "2026-06-30"}'

## The whole test suite: lint, dbt unit and data tests, pytest (end-to-end builds included).
test: install
	$(BIN)/pytest

## The same checks as tests/python/test_lint.py (sqlfluff needs the seeds: run `make demo` first).
lint: install
	$(BIN)/ruff check src tests models bench
	$(BIN)/ruff format --check src tests models bench
	$(BIN)/sqlfluff lint models tests/dbt

clean:
	rm -rf target target_* warehouse logs
