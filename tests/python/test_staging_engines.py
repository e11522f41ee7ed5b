"""Staging gives the same rows on every engine.

The normalisation macros are dispatched: a portable `default__` and engine overrides
(DuckDB, PostgreSQL, Spark). This builds staging and the quality models from the
hand-made fixtures in tests/python/fixtures/raw_staging (every edge case staging
handles) on DuckDB, the reference, and on each other engine, and compares every
staging model, the quarantine and the row-count reconciliation value by value.
"""

from __future__ import annotations

import datetime
import decimal
from pathlib import Path

import pandas as pd
import pytest

from engines import run_on

FIXTURES = Path(__file__).parent / "fixtures" / "raw_staging"
ARGS = ("build", "--select", "+intermediate.quality", "--exclude-resource-type", "unit_test")
VARS = {"as_of_date": "2026-06-30"}
MODELS = (
    "stg_crm__contacts",
    "stg_shop__customers",
    "stg_shop__orders",
    "stg_shop__order_lines",
    "stg_pos__transactions",
    "stg_loyalty__members",
    "stg_web__events",
    "stg_support__tickets",
    "stg_privacy__consent_events",
    "stg_privacy__erasure_requests",
    "int_source_rows_quarantined",
    "int_source_row_counts_reconciled",
)

pytestmark = pytest.mark.slow


def _plain(value):
    """One engine-neutral text per value: numbers to 4 places, timestamps in ISO form."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | decimal.Decimal):
        return repr(round(float(value), 4))
    if isinstance(value, datetime.date | pd.Timestamp):
        return pd.Timestamp(value).isoformat()
    return str(value)


def _rows(frame: pd.DataFrame) -> pd.DataFrame:
    rows = frame.astype(object).map(_plain)
    return rows.sort_values(list(rows.columns), na_position="first").reset_index(drop=True)


@pytest.fixture(scope="module")
def duckdb_models(tmp_path_factory) -> dict[str, pd.DataFrame]:
    read = run_on("duckdb", list(ARGS), FIXTURES, tmp_path_factory.mktemp("duckdb"), VARS)
    return {model: _rows(read(model)) for model in MODELS}


@pytest.mark.parametrize("engine", ["postgres", "spark"])
def test_staging_rows_equal_duckdb(engine, build_on, duckdb_models, tmp_path):
    read = build_on(engine, FIXTURES, tmp_path, vars=VARS, args=ARGS)
    differences = {}
    for model in MODELS:
        expected, actual = duckdb_models[model], _rows(read(model))
        assert list(actual.columns) == list(expected.columns), model
        if not actual.equals(expected):
            both = pd.concat([expected.assign(engine="duckdb"), actual.assign(engine=engine)])
            differences[model] = both.drop_duplicates(subset=list(expected.columns), keep=False)
    assert not differences, "\n".join(f"{m}:\n{d.to_string()}" for m, d in differences.items())
