"""Staging survives bad raw input and accounts for every raw row.

One `dbt build` of staging and the quality models (seeds, base and stg models,
quarantine, row-count reconciliation, their data tests and the singular
`assert_every_raw_row_is_accounted_for`) runs on a copy of the hand-made
fixtures in tests/python/fixtures/raw_staging, broken in every way the contract
allows: a table missing, a table with only a header, a zero-byte table, an
extra column, a missing optional column, malformed values, values far over
their cap (a 1 MB name, a 100 MB line, 100k repeated quotes) and control
characters. The build must be green, and each test then reads the resulting
DuckDB file.
"""

from __future__ import annotations

import csv
import shutil
import sys
from pathlib import Path

import duckdb
import pytest

from scv.project import run_dbt

FIXTURES = Path(__file__).parent / "fixtures" / "raw_staging"
AS_OF_DATE = "2026-06-30"

MISSING_TABLE = "erasure_requests"
HEADER_ONLY_TABLE = "web_events"
ZERO_BYTE_TABLE = "support_tickets"
EXTRA_COLUMN_TABLE = "loyalty_members"
MISSING_COLUMN_TABLE = "shop_customers"
MISSING_COLUMN = "phone"
SEMICOLON_TABLE = "pos_transactions"
CP1252_TABLE = "loyalty_members"
UTF16_TABLE = "consent_events"
ONE_MEGABYTE = 1024 * 1024
HUNDRED_MB = 100 * ONE_MEGABYTE

pytestmark = pytest.mark.slow
# The fixture writes fields of up to 100 MB; Python's csv module stops at 128 KB by default.
csv.field_size_limit(sys.maxsize)


def _rewrite_csv(path: Path, transform) -> None:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(transform(rows))


def _append_row(path: Path, **values: str) -> None:
    """Append a row with `values` in their columns and every other column empty."""
    _rewrite_csv(path, lambda rows: rows + [[values.get(column, "") for column in rows[0]]])


def _data_rows(path: Path) -> int:
    encoding = {CP1252_TABLE: "windows-1252", UTF16_TABLE: "utf-16"}.get(path.stem, "utf-8")
    with path.open(newline="", encoding=encoding) as handle:
        return max(sum(1 for _ in csv.reader(handle)) - 1, 0)


@pytest.fixture(scope="module")
def broken_raw_dir(tmp_path_factory) -> Path:
    raw = tmp_path_factory.mktemp("raw")
    for source in FIXTURES.glob("*.csv"):
        shutil.copy(source, raw / source.name)

    (raw / f"{MISSING_TABLE}.csv").unlink()
    _rewrite_csv(raw / f"{HEADER_ONLY_TABLE}.csv", lambda rows: rows[:1])
    (raw / f"{ZERO_BYTE_TABLE}.csv").write_bytes(b"")
    _rewrite_csv(
        raw / f"{EXTRA_COLUMN_TABLE}.csv",
        lambda rows: [rows[0] + ["favourite_colour"]] + [row + ["blue"] for row in rows[1:]],
    )

    def drop_column(rows):
        index = rows[0].index(MISSING_COLUMN)
        return [row[:index] + row[index + 1 :] for row in rows]

    _rewrite_csv(raw / f"{MISSING_COLUMN_TABLE}.csv", drop_column)

    # Malformed values in rows that are otherwise fine: they are staged with
    # NULLs and listed in the quarantine.
    _append_row(
        raw / "shop_orders.csv",
        order_id="O900",
        customer_id="S001",
        email="x@mail.com",
        billing_country_code="GB",
        ordered_at="2024-07-01T10:00:00Z",
        currency="GBP",
        total_amount="12.3.4",
        status="paid",
    )
    _append_row(
        raw / "crm_contacts.csv",
        contact_id="C900",
        first_name="Bad",
        last_name="Dates",
        birth_date="31/02/1985",
        created_at="yesterday",
        updated_at="2024-01-01T00:00:00Z",
        is_deleted="false",
    )
    # Values over their cap: a 1 MB first name, 100k escaped quotes as a first name, a
    # 100 MB product code (a file with a 100 MB line); control characters and NUL bytes.
    _append_row(
        raw / "crm_contacts.csv",
        contact_id="C901",
        first_name="x" * ONE_MEGABYTE,
        last_name="Pasted",
        updated_at="2024-01-01T00:00:00Z",
    )
    quotes = '"' * 100_000
    _append_row(
        raw / "shop_customers.csv", customer_id="S901", first_name=quotes, last_name="Quotes"
    )
    _append_row(
        raw / "shop_order_lines.csv", order_id="O901", line_number="1", sku="S" * HUNDRED_MB
    )
    # A till export written with ';' (a spreadsheet's locale), two files concatenated with
    # their headers: read with its delimiter, the repeated header rejected.
    pos = raw / f"{SEMICOLON_TABLE}.csv"
    with pos.open(newline="", encoding="utf-8") as handle:
        pos_rows = list(csv.reader(handle))
    with pos.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, delimiter=";", lineterminator="\n").writerows(
            pos_rows[:3] + [pos_rows[0]] + pos_rows[3:]
        )
    # A loyalty export from Excel (Windows-1252) and a consent log in UTF-16: each read in its
    # encoding from a UTF-8 copy.
    _append_row(raw / f"{CP1252_TABLE}.csv", card_number="LC09990000", full_name="Renée Müller")
    loyalty = raw / f"{CP1252_TABLE}.csv"
    loyalty.write_bytes(loyalty.read_text(encoding="utf-8").encode("windows-1252"))
    consent = raw / f"{UTF16_TABLE}.csv"
    consent.write_bytes(consent.read_text(encoding="utf-8").encode("utf-16"))
    with (raw / "crm_contacts.csv").open("ab") as handle:
        handle.write(b"C902,Jo\x00hn,Sm\x07ith\x1b,,,,,,,,,,2024-01-01T00:00:00Z,\n")
    return raw


@pytest.fixture(scope="module")
def warehouse_path(broken_raw_dir, tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("dbt")
    # Not staging.duckdb: a catalog of that name would shadow the `staging` schema.
    database = work / "warehouse.duckdb"
    run_dbt(
        ["build", "--select", "+intermediate.quality", "--exclude-resource-type", "unit_test"],
        duckdb_path=database,
        target_path=work / "target",
        dbt_vars={"raw_dir": str(broken_raw_dir), "as_of_date": AS_OF_DATE},
    )
    return database


@pytest.fixture(scope="module")
def warehouse(warehouse_path) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(str(warehouse_path), read_only=True)
    yield connection
    connection.close()


def _counts(warehouse, table: str) -> dict:
    row = warehouse.execute(
        "select raw_row_count, staged_row_count, rejected_row_count, repaired_row_count,"
        " is_reconciled from intermediate.int_source_row_counts_reconciled"
        " where source_table = ?",
        [table],
    ).fetchone()
    assert row is not None, f"{table} missing from the reconciliation"
    return dict(zip(["raw", "staged", "rejected", "repaired", "is_reconciled"], row, strict=True))


def _quarantine(warehouse, table: str) -> list[tuple]:
    return warehouse.execute(
        "select source_record_id, quarantine_reason, is_rejected"
        " from intermediate.int_source_rows_quarantined"
        " where source_table = ? order by raw_row_number",
        [table],
    ).fetchall()


def test_missing_table_builds_an_empty_staging_model(warehouse):
    assert warehouse.execute(
        "select count(*) from staging.stg_privacy__erasure_requests"
    ).fetchone() == (0,)
    assert _counts(warehouse, MISSING_TABLE) == {
        "raw": 0,
        "staged": 0,
        "rejected": 0,
        "repaired": 0,
        "is_reconciled": True,
    }


def test_header_only_table_builds_an_empty_staging_model(warehouse):
    assert warehouse.execute("select count(*) from staging.stg_web__events").fetchone() == (0,)
    assert _counts(warehouse, HEADER_ONLY_TABLE)["raw"] == 0


def test_zero_byte_table_builds_an_empty_staging_model(warehouse):
    assert warehouse.execute("select count(*) from staging.stg_support__tickets").fetchone() == (0,)
    assert _counts(warehouse, ZERO_BYTE_TABLE)["raw"] == 0


def test_extra_column_is_ignored(warehouse, broken_raw_dir):
    columns = [
        row[0]
        for row in warehouse.execute(
            "select column_name from information_schema.columns "
            "where table_schema = 'staging' and table_name = 'stg_loyalty__members'"
        ).fetchall()
    ]
    assert "favourite_colour" not in columns
    counts = _counts(warehouse, EXTRA_COLUMN_TABLE)
    assert counts["raw"] == _data_rows(broken_raw_dir / f"{EXTRA_COLUMN_TABLE}.csv")
    assert counts["staged"] > 0


def test_missing_optional_column_reads_as_null(warehouse, broken_raw_dir):
    phones = warehouse.execute(
        "select count(*), count(phone), count(phone_e164), bool_or(is_phone_junk) "
        "from staging.stg_shop__customers"
    ).fetchone()
    assert phones[0] > 0
    assert phones[1:] == (0, 0, False)
    assert _counts(warehouse, MISSING_COLUMN_TABLE)["raw"] == _data_rows(
        broken_raw_dir / f"{MISSING_COLUMN_TABLE}.csv"
    )


def test_malformed_amount_is_staged_as_null_and_quarantined(warehouse):
    assert warehouse.execute(
        "select total_amount, is_paid from staging.stg_shop__orders where order_id = 'O900'"
    ).fetchone() == (None, True)
    assert ("O900", "total_amount: not a number", False) in _quarantine(warehouse, "shop_orders")


def test_impossible_date_and_bad_timestamp_are_staged_as_null_and_quarantined(warehouse):
    assert warehouse.execute(
        "select birth_date, created_at from staging.stg_crm__contacts where contact_id = 'C900'"
    ).fetchone() == (None, None)
    assert (
        "C900",
        "birth_date: impossible date; created_at: unparseable timestamp",
        False,
    ) in _quarantine(warehouse, "crm_contacts")


def test_every_raw_row_is_staged_or_rejected(warehouse, broken_raw_dir):
    tables = [
        row[0]
        for row in warehouse.execute(
            "select source_table from intermediate.int_source_row_counts_reconciled"
        ).fetchall()
    ]
    assert len(tables) == 10
    for table in tables:
        counts = _counts(warehouse, table)
        path = broken_raw_dir / f"{table}.csv"
        expected_raw = _data_rows(path) if path.exists() else 0
        assert counts["raw"] == expected_raw, table
        assert counts["raw"] == counts["staged"] + counts["rejected"], table
        rejected = [row for row in _quarantine(warehouse, table) if row[2]]
        assert len(rejected) == counts["rejected"], table


def test_duplicates_and_missing_keys_are_rejected_with_their_reason(warehouse):
    reasons = {row[1] for row in _quarantine(warehouse, "shop_orders") if row[2]}
    assert {"exact_duplicate_row", "superseded_by_later_version"} <= reasons
    assert (None, "missing_key", True) in _quarantine(warehouse, "crm_contacts")


def test_row_accounting_guard_fails_when_a_row_goes_missing(
    warehouse_path, broken_raw_dir, tmp_path
):
    """The singular test fails a build whose staged + rejected rows miss a raw row."""
    tampered = tmp_path / "tampered.duckdb"
    shutil.copy(warehouse_path, tampered)
    with duckdb.connect(str(tampered)) as connection:
        connection.execute(
            "update intermediate.int_source_row_counts_reconciled "
            "set staged_row_count = staged_row_count - 1 where source_table = 'crm_contacts'"
        )
    result = run_dbt(
        ["test", "--select", "assert_every_raw_row_is_accounted_for"],
        duckdb_path=tampered,
        target_path=tmp_path / "target",
        dbt_vars={"raw_dir": str(broken_raw_dir), "as_of_date": AS_OF_DATE},
        check=False,
    )
    assert result.returncode == 1
    assert "assert_every_raw_row_is_accounted_for" in result.stdout
    assert "Got 1 result" in result.stdout


def _repair_note(warehouse, table: str, record_id: str) -> str:
    row = warehouse.execute(
        "select repair_note from intermediate.int_source_rows_quarantined"
        " where source_table = ? and source_record_id = ?",
        [table, record_id],
    ).fetchone()
    assert row is not None, f"{table} {record_id} has no quarantine row"
    return row[0]


def test_a_value_over_its_cap_is_dropped_with_its_length(warehouse):
    assert warehouse.execute(
        "select first_name, last_name from staging.stg_crm__contacts where contact_id = 'C901'"
    ).fetchone() == (None, "Pasted")
    assert _repair_note(warehouse, "crm_contacts", "C901") == (
        f"first_name: {ONE_MEGABYTE} characters, over the cap of 200; dropped"
    )
    assert warehouse.execute(
        "select first_name, last_name from staging.stg_shop__customers"
        " where shop_customer_id = 'S901'"
    ).fetchone() == (None, "Quotes")
    assert _repair_note(warehouse, "shop_customers", "S901").startswith(
        "first_name: 100000 characters, over the cap of 200; dropped"
    )


def test_a_hundred_megabyte_line_loads_and_its_value_is_dropped(warehouse):
    assert warehouse.execute(
        "select sku from staging.stg_shop__order_lines where order_id = 'O901'"
    ).fetchone() == (None,)
    assert _repair_note(warehouse, "shop_order_lines", "O901-1").startswith(
        f"sku: {HUNDRED_MB} characters, over the cap of 320; dropped"
    )
    longest = warehouse.execute(
        "select max(length(sku)) from staging.base_shop__order_lines"
    ).fetchone()[0]
    assert longest < 320


def test_control_characters_and_nul_bytes_are_removed_and_noted(warehouse):
    assert warehouse.execute(
        "select first_name, last_name from staging.stg_crm__contacts where contact_id = 'C902'"
    ).fetchone() == ("John", "Smith")
    note = _repair_note(warehouse, "crm_contacts", "C902")
    assert note.startswith(
        "first_name: control characters removed; last_name: control characters removed"
    )


def test_a_semicolon_file_is_read_with_its_delimiter(warehouse, broken_raw_dir):
    counts = _counts(warehouse, SEMICOLON_TABLE)
    assert counts["raw"] == _data_rows(broken_raw_dir / f"{SEMICOLON_TABLE}.csv")
    assert counts["staged"] > 0
    staged = warehouse.execute(
        "select transaction_id, store_id from staging.stg_pos__transactions"
        " where transaction_id = 'T001'"
    ).fetchone()
    assert staged == ("T001", "AMS01")


def test_a_repeated_header_row_is_rejected(warehouse):
    assert ("transaction_id", "repeated_header_row", True) in _quarantine(
        warehouse, SEMICOLON_TABLE
    )
    assert warehouse.execute(
        "select count(*) from staging.stg_pos__transactions where transaction_id = 'transaction_id'"
    ).fetchone() == (0,)


def test_a_file_without_its_key_column_stops_the_build_naming_it(broken_raw_dir, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(broken_raw_dir, raw)
    _rewrite_csv(raw / "crm_contacts.csv", lambda rows: [row[1:] for row in rows])
    result = run_dbt(
        ["run", "--select", "base_crm__contacts"],
        duckdb_path=tmp_path / "warehouse.duckdb",
        target_path=tmp_path / "target",
        dbt_vars={"raw_dir": str(raw), "as_of_date": AS_OF_DATE},
        check=False,
    )
    assert result.returncode != 0
    assert (
        f"raw file {raw}/crm_contacts.csv has no contact_id column in its header" in result.stdout
    )


def test_a_table_whose_keys_are_all_empty_fails_the_build(broken_raw_dir, tmp_path):
    """Every CRM row without its key: quarantined, and a data test stops the build."""
    raw = tmp_path / "raw"
    shutil.copytree(broken_raw_dir, raw)

    def blank_keys(rows):
        body = [["", *row[1:]] for row in rows[1:]]
        return [rows[0]] + body + [["", f"Name{n}"] + [""] * (len(rows[0]) - 2) for n in range(10)]

    _rewrite_csv(raw / "crm_contacts.csv", blank_keys)
    result = run_dbt(
        ["build", "--select", "+intermediate.quality", "--exclude-resource-type", "unit_test"],
        duckdb_path=tmp_path / "warehouse.duckdb",
        target_path=tmp_path / "target",
        dbt_vars={"raw_dir": str(raw), "as_of_date": AS_OF_DATE},
        check=False,
    )
    assert result.returncode == 1
    failed = [line for line in result.stdout.splitlines() if "FAIL" in line]
    assert any("assert_no_source_table_mostly_unusable" in line for line in failed), failed
    assert not any("assert_every_raw_row_is_accounted_for" in line for line in failed), failed


def test_windows_1252_and_utf16_files_are_read_in_their_encoding(warehouse, broken_raw_dir):
    assert warehouse.execute(
        "select first_name, last_name from staging.stg_loyalty__members"
        " where loyalty_card_number = 'LC09990000'"
    ).fetchone() == ("Renée", "Müller")
    for table in [CP1252_TABLE, UTF16_TABLE]:
        counts = _counts(warehouse, table)
        assert counts["raw"] == _data_rows(broken_raw_dir / f"{table}.csv"), table
        assert counts["staged"] > 0, table
    assert warehouse.execute(
        "select count(*) from staging.stg_privacy__consent_events where consent_event_id = 'CE001'"
    ).fetchone() == (1,)


def test_a_declared_encoding_that_does_not_read_the_file_stops_the_build(broken_raw_dir, tmp_path):
    result = run_dbt(
        ["run", "--select", "base_loyalty__members"],
        duckdb_path=tmp_path / "warehouse.duckdb",
        target_path=tmp_path / "target",
        dbt_vars={
            "raw_dir": str(broken_raw_dir),
            "as_of_date": AS_OF_DATE,
            "raw_file_encodings": {CP1252_TABLE: "utf-8"},
        },
        check=False,
    )
    assert result.returncode != 0
    assert f"{CP1252_TABLE}.csv is not utf-8: line" in result.stdout
    assert "raw_file_encodings" in result.stdout
