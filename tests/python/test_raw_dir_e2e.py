"""A wrong `raw_dir` stops the build before any model runs; an empty one builds empty.

DuckDB's glob() cannot tell a missing directory from an empty one, so the raw loader asks the
profile's plugin (src/scv/duckdb_plugin.py). A typo must not become a green build of nothing,
and an existing directory without files is what the contract allows (every table missing).
"""

from __future__ import annotations

import duckdb
import pytest

from scv.duckdb_plugin import directory_entry_count
from scv.project import run_dbt

pytestmark = pytest.mark.slow


def test_directory_entry_count_tells_missing_from_empty(tmp_path):
    assert directory_entry_count(str(tmp_path)) == 0
    (tmp_path / "a.csv").write_text("x\n")
    assert directory_entry_count(str(tmp_path)) == 1
    assert directory_entry_count(str(tmp_path / "a.csv")) == -1
    assert directory_entry_count(str(tmp_path / "missing")) == -1
    assert directory_entry_count(None) == -1


def _build(tmp_path, raw_dir):
    return run_dbt(
        ["build", "--exclude-resource-type", "unit_test"],
        duckdb_path=tmp_path / "warehouse.duckdb",
        target_path=tmp_path / "target",
        dbt_vars={"raw_dir": str(raw_dir), "as_of_date": "2026-06-30"},
        check=False,
    )


def test_a_raw_dir_that_does_not_exist_fails_before_any_model(tmp_path):
    missing = tmp_path / "raw_typo"
    result = _build(tmp_path, missing)
    assert result.returncode != 0
    assert f"raw_dir '{missing}' is not a directory" in result.stdout
    assert "crm_contacts.csv" in result.stdout
    assert "OK created" not in result.stdout


def test_a_raw_dir_without_any_contract_file_fails_before_any_model(tmp_path):
    other = tmp_path / "exports"
    other.mkdir()
    (other / "customers_2026.xlsx").write_bytes(b"not a csv")
    result = _build(tmp_path, other)
    assert result.returncode != 0
    assert f"raw_dir '{other}' holds 1 entries but none of the contract's files" in result.stdout
    assert "OK created" not in result.stdout


def test_an_empty_raw_dir_builds_green_and_empty(tmp_path):
    empty = tmp_path / "raw"
    empty.mkdir()
    result = _build(tmp_path, empty)
    assert result.returncode == 0, result.stdout[-4000:]
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as connection:
        for mart in ["dim_customer", "customer_crosswalk", "customer_consent", "customer_segments"]:
            assert connection.execute(f"select count(*) from marts.{mart}").fetchone() == (0,), mart
        parameters = connection.execute(
            "select count(*) from intermediate.int_match_parameters_estimated"
        ).fetchone()
        assert parameters == (0,)
