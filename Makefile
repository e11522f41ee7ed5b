# Two commands on a fresh machine:  `make demo`  then  `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
export DBT_SEND_ANONYMOUS_USAGE_STATS := false

.PHONY: install demo test lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,postgres,spark]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

## Build the bundled demo data into warehouse/scv.duckdb with its data tests (unit tests: make test),
## as of the day the demo data was generated for, so that the README's demo figures are what you get.
demo: install
	$(BIN)/dbt build --exclude-resource-type unit_test --vars '{as_of_date: "2026-06-30"}'

## The whole test suite: lint, dbt unit and data tests, pytest (end-to-end builds included).
test: install
	$(BIN)/pytest

## The same checks as tests/python/test_lint.py (sqlfluff needs the seeds: run `make demo` first).
lint: install
	$(BIN)/ruff check src tests python_models bench
	$(BIN)/ruff format --check src tests python_models bench
	$(BIN)/sqlfluff lint models tests/dbt

clean:
	rm -rf target target_* warehouse logs
