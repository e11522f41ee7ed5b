"""PostgreSQL and Spark load the raw CSVs exactly as DuckDB does.

The fixture files in fixtures/raw_engines/ hold the cases the contract names: columns out
of order with an extra one (ignored) and header cells in other case and padded; a file
without one contract column (NULL); quoted commas, doubled quotes, values spanning lines;
a byte order mark and CRLF line ends; an empty field quoted or not (NULL); a duplicate
row (kept); a header-only file and a zero-byte file (empty tables); eight missing files
(empty tables). DuckDB's load is the reference every engine must equal.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pandas as pd
import pytest

from engines import run_on
from scv.load_raw import contract_tables, load_postgres
from scv.project import run_dbt

FIXTURES = Path(__file__).parent / "fixtures" / "raw_engines"
CONTRACT = contract_tables()
EXPECTED_ROWS = {"crm_contacts": 4, "shop_customers": 2}  # every other table: 0 rows


def raw_rows(read) -> dict[str, tuple[list[str], list[tuple]]]:
    """Each raw table's columns and rows in file order, with engine types made plain."""
    tables = {}
    for table in CONTRACT:
        frame = read(f"raw.{table}")
        records = [
            tuple(None if pd.isna(value) else value for value in row)
            for row in frame.astype(object).itertuples(index=False)
        ]
        position = list(frame.columns).index("_row_number")
        records = [(*row[:position], int(row[position]), *row[position + 1 :]) for row in records]
        tables[table] = (list(frame.columns), sorted(records, key=lambda row: row[position]))
    return tables


@pytest.fixture(scope="module")
def duckdb_raw(tmp_path_factory):
    return raw_rows(
        run_on(
            "duckdb",
            ["run-operation", "load_raw_sources"],
            FIXTURES,
            tmp_path_factory.mktemp("duckdb"),
        )
    )


@pytest.fixture(scope="module")
def postgres_raw(postgres_cluster, tmp_path_factory):
    return raw_rows(
        run_on(
            "postgres",
            ["run-operation", "load_raw_sources"],
            FIXTURES,
            tmp_path_factory.mktemp("postgres"),
            postgres=postgres_cluster,
        )
    )


@pytest.fixture(scope="module")
def spark_raw(spark_session, tmp_path_factory):
    return raw_rows(
        run_on(
            "spark",
            ["run-operation", "load_raw_sources"],
            FIXTURES,
            tmp_path_factory.mktemp("spark"),
            spark=spark_session,
        )
    )


def test_duckdb_reference_load_reads_the_fixture_cases(duckdb_raw):
    columns, rows = duckdb_raw["crm_contacts"]
    record = dict(zip(columns, rows[1], strict=True))
    assert record["first_name"] == "Mary, Jane" and record["last_name"] == 'O"Brien'
    assert record["street"] == "Flat 2\nHigh Street"
    columns, rows = duckdb_raw["shop_customers"]
    record = dict(zip(columns, rows[0], strict=True))
    assert record["customer_id"] == "s1" and record["address_line1"] == "Hauptstr. 5\r\n2. OG"


@pytest.mark.parametrize("engine", ["postgres", "spark"])
def test_raw_tables_have_exactly_the_contract_columns_and_row_number(engine, request):
    loaded = request.getfixturevalue(f"{engine}_raw")
    assert set(loaded) == set(CONTRACT)
    for table, columns in CONTRACT.items():
        assert loaded[table][0] == [*columns, "_row_number"], table


@pytest.mark.parametrize("engine", ["postgres", "spark"])
def test_missing_header_only_and_zero_byte_files_load_as_empty_tables(engine, request):
    loaded = request.getfixturevalue(f"{engine}_raw")
    counts = {table: len(rows) for table, (_, rows) in loaded.items()}
    assert counts == {table: EXPECTED_ROWS.get(table, 0) for table in CONTRACT}
    assert [row[-1] for row in loaded["crm_contacts"][1]] == [1, 2, 3, 4]


@pytest.mark.parametrize("engine", ["postgres", "spark"])
def test_extra_column_ignored_missing_column_null_empty_field_null(engine, request):
    loaded = request.getfixturevalue(f"{engine}_raw")
    crm_columns, crm_rows = loaded["crm_contacts"]
    assert "notes" not in crm_columns
    contact = dict(zip(crm_columns, crm_rows[2], strict=True))
    assert contact["first_name"] is None and contact["last_name"] is None  # `` and `""`
    assert contact["phone"] == " "  # only an empty field is NULL, not a blank one
    shop_columns, shop_rows = loaded["shop_customers"]
    assert [
        dict(zip(shop_columns, row, strict=True))["accepts_email_marketing"] for row in shop_rows
    ] == [None, None]


@pytest.mark.parametrize("engine", ["postgres", "spark"])
def test_raw_tables_equal_duckdbs_load(engine, request, duckdb_raw):
    loaded = request.getfixturevalue(f"{engine}_raw")
    for table in CONTRACT:
        assert loaded[table] == duckdb_raw[table], table


def test_client_loader_equals_the_hook_on_postgres(postgres_cluster, postgres_raw):
    dbname = postgres_cluster.create_database()
    with contextlib.closing(postgres_cluster.connect(dbname)) as connection:
        counts = load_postgres(FIXTURES, connection)
    assert counts == {table: EXPECTED_ROWS.get(table, 0) for table in CONTRACT}
    assert raw_rows(postgres_cluster.reader(dbname)) == postgres_raw


def test_reload_on_postgres_keeps_dependent_views_and_raw_loader_external_skips_it(
    postgres_cluster,
    tmp_path,
):
    dbname = postgres_cluster.create_database()
    with contextlib.closing(postgres_cluster.connect(dbname)) as connection:
        load_postgres(FIXTURES, connection)
        with connection, connection.cursor() as cursor:
            cursor.execute("create view public.contacts as select * from raw.crm_contacts")
            cursor.execute("delete from raw.crm_contacts where _row_number > 1")

    def load(dbt_vars):
        run_dbt(
            ["run-operation", "load_raw_sources"],
            target="postgres",
            dbt_vars=dbt_vars,
            target_path=tmp_path / "target_engines",
            env=postgres_cluster.env(dbname),
        )
        return len(postgres_cluster.reader(dbname)("public.contacts"))

    # `external`: raw was loaded outside dbt; the hook must not touch it, even unreadable.
    assert load({"raw_loader": "external", "raw_dir": "/nonexistent"}) == 1
    # Reloading truncates and refills, so a view over a raw table survives it.
    assert load({"raw_dir": str(postgres_cluster.server_readable(FIXTURES))}) == 4


def test_spark_session_has_the_profiles_settings(spark_session):
    conf = spark_session.session.conf
    assert conf.get("spark.sql.session.timeZone") == "UTC"
    assert (
        conf.get("spark.sql.warehouse.dir")
        .rstrip("/")
        .endswith(str(spark_session.root / "warehouse"))
    )
    assert (spark_session.root / "metastore_db").is_dir()
