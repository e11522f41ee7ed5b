"""Read the published marts from a DuckDB file, and scan it for leaked identifiers."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

MART_TABLES = ["customer_crosswalk", "dim_customer", "customer_consent", "customer_segments"]


def connect(duckdb_path: Path | str) -> duckdb.DuckDBPyConnection:
    """Open the warehouse read-only, so evaluating can never change a build."""
    path = Path(duckdb_path)
    if not path.is_file():
        raise FileNotFoundError(f"DuckDB file not found: {path}")
    return duckdb.connect(str(path), read_only=True)


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def relation_exists(connection: duckdb.DuckDBPyConnection, schema: str, name: str) -> bool:
    """Whether a table or view `schema.name` exists in the open database."""
    row = connection.execute(
        """
        select count(*) from information_schema.tables
        where table_catalog = current_database() and table_schema = ? and table_name = ?
        """,
        [schema, name],
    ).fetchall()[0]
    return bool(row and row[0])


def read_marts(
    connection: duckdb.DuckDBPyConnection, schema: str = "marts"
) -> dict[str, pd.DataFrame | None]:
    """Each published mart as a frame, None when it has not been built."""
    return {
        table: connection.sql(f"select * from {_quote(schema)}.{_quote(table)}").df()
        if relation_exists(connection, schema, table)
        else None
        for table in MART_TABLES
    }


def scan_for_identifiers(
    connection: duckdb.DuckDBPyConnection, schemas: list[str], identifiers: list[str]
) -> pd.DataFrame:
    """Rows per text column that hold one of `identifiers` (compared trimmed, lower case).

    One query per VARCHAR column of every table and view in `schemas`, each a semi
    join against the identifiers registered as a relation, so the scan is linear in
    the size of the warehouse whatever the number of identifiers.

    Returns:
        A frame ``schema, table, column, matching_rows`` with every column scanned.
    """
    if not schemas:
        return pd.DataFrame(columns=["schema", "table", "column", "matching_rows"])
    columns = connection.execute(
        f"""
        select schema_name, table_name, column_name
        from duckdb_columns()
        where database_name = current_database()
          and data_type = 'VARCHAR'
          and schema_name in ({", ".join("?" for _ in schemas)})
        order by schema_name, table_name, column_name
        """,
        schemas,
    ).fetchall()
    lookup = pd.DataFrame({"identifier": sorted({value.strip().lower() for value in identifiers})})
    results = []
    connection.register("scv_erased_identifiers", lookup)
    try:
        for schema, table, column in columns:
            count = 0
            if len(lookup):
                count = connection.execute(
                    f"""
                    select count(*) from {_quote(schema)}.{_quote(table)}
                    where lower(trim({_quote(column)})) in (
                        select identifier from scv_erased_identifiers
                    )
                    """
                ).fetchall()[0][0]
            results.append((schema, table, column, int(count)))
    finally:
        connection.unregister("scv_erased_identifiers")
    return pd.DataFrame(results, columns=["schema", "table", "column", "matching_rows"])


def existing_schemas(connection: duckdb.DuckDBPyConnection, schemas: list[str]) -> list[str]:
    """The schemas of `schemas` that exist in the open database, in the order given."""
    found = {
        row[0]
        for row in connection.execute(
            "select schema_name from information_schema.schemata "
            "where catalog_name = current_database()"
        ).fetchall()
    }
    return [schema for schema in schemas if schema in found]
