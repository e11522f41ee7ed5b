"""Load the raw contract CSVs into PostgreSQL's `raw` schema from the client side.

    python -m scv.load_raw --target postgres --raw-dir DIR      (or: scv load-raw ...)
    dbt build --target postgres --vars '{raw_loader: external}'

The primary path is dbt's own on-run-start hook (`postgres__load_raw_sources`): the server
reads the files with `COPY ... FROM 'file'`, which needs the server on this machine and a
superuser (or `pg_read_server_files`). This command is for every other server (managed
PostgreSQL, a container without the files): it streams each file through the connection
with `COPY ... FROM STDIN`, so it needs only the rights to create tables in `raw`. The
result is the same table as the hook's: exactly the contract's columns as text (an empty
field is NULL, a missing column NULL, an extra column ignored) plus `_row_number`, the
row's position in its file; a missing or empty file gives an empty table.

Connection settings are profiles.yml's: SCV_PG_HOST, SCV_PG_PORT, SCV_PG_USER,
SCV_PG_PASSWORD, SCV_PG_DATABASE.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from pathlib import Path

import yaml

from scv.project import PROJECT_DIR

DEFAULT_RAW_DIR = "data/demo/raw"


def contract_tables(project_dir: Path = PROJECT_DIR) -> dict[str, list[str]]:
    """Each contract table's columns, in order, from the staging source definitions."""
    tables: dict[str, list[str]] = {}
    for sources_file in sorted(project_dir.glob("models/staging/*/_*__sources.yml")):
        for source in yaml.safe_load(sources_file.read_text()).get("sources", []):
            for table in source.get("tables", []):
                if (table.get("meta") or {}).get("contract_table"):
                    tables[table["name"]] = [column["name"] for column in table["columns"]]
    return dict(sorted(tables.items()))


def connection_settings(env: dict[str, str] | None = None) -> dict[str, object]:
    """psycopg2 connection keywords, with profiles.yml's variables and defaults."""
    env = os.environ if env is None else env
    return {
        "host": env.get("SCV_PG_HOST", "localhost"),
        "port": int(env.get("SCV_PG_PORT", "5432")),
        "user": env.get("SCV_PG_USER", "postgres"),
        "password": env.get("SCV_PG_PASSWORD", ""),
        "dbname": env.get("SCV_PG_DATABASE", "scv"),
    }


def read_header(path: Path) -> list[str]:
    """The file's header cells (RFC 4180, byte order mark dropped); [] for an empty file."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle), [])


def load_table(cursor, table: str, columns: list[str], path: Path) -> int:
    """Replace `raw.<table>` with the file's contract columns; return its row count."""
    from psycopg2 import sql

    target = sql.Identifier("raw", table)
    wanted = [*columns, "_row_number"]
    cursor.execute(
        "select column_name from information_schema.columns"
        " where table_schema = 'raw' and table_name = %s order by ordinal_position",
        (table,),
    )
    if [row[0] for row in cursor.fetchall()] == wanted:
        # Truncate rather than drop: dbt's staging views depend on these tables.
        cursor.execute(sql.SQL("truncate table {}").format(target))
    else:
        cursor.execute(sql.SQL("drop table if exists {} cascade").format(target))
        cursor.execute(
            sql.SQL("create table {} ({}, _row_number bigint)").format(
                target,
                sql.SQL(", ").join(sql.SQL("{} text").format(sql.Identifier(c)) for c in columns),
            )
        )
    header = read_header(path) if path.is_file() else []
    if not header:
        return 0

    positions: dict[str, str] = {}
    for index, name in enumerate(header, 1):
        positions.setdefault(name.strip().lower(), f"c{index}")
    file_columns = [sql.Identifier(f"c{index}") for index in range(1, len(header) + 1)]
    cursor.execute("drop table if exists scv_raw_file")
    cursor.execute(
        sql.SQL(
            "create temporary table scv_raw_file"
            " ({}, _row_number bigint generated always as identity)"
        ).format(sql.SQL(", ").join(sql.SQL("{} text").format(c) for c in file_columns))
    )
    with path.open("rb") as handle:
        cursor.copy_expert(
            sql.SQL(
                "copy scv_raw_file ({}) from stdin with (format csv, header true, encoding 'UTF8')"
            )
            .format(sql.SQL(", ").join(file_columns))
            .as_string(cursor),
            handle,
        )
    selected = [
        sql.SQL("nullif({}, '') as {}").format(sql.Identifier(positions[c]), sql.Identifier(c))
        if c in positions
        else sql.SQL("cast(null as text) as {}").format(sql.Identifier(c))
        for c in columns
    ]
    cursor.execute(
        sql.SQL("insert into {} select {}, _row_number from scv_raw_file").format(
            target, sql.SQL(", ").join(selected)
        )
    )
    count = cursor.rowcount
    cursor.execute("drop table scv_raw_file")
    return count


def load_postgres(raw_dir: Path, connection, project_dir: Path = PROJECT_DIR) -> dict[str, int]:
    """Load every contract table in one transaction; return rows loaded per table."""
    counts = {}
    with connection, connection.cursor() as cursor:
        cursor.execute("create schema if not exists raw")
        for table, columns in contract_tables(project_dir).items():
            counts[table] = load_table(cursor, table, columns, raw_dir / f"{table}.csv")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scv load-raw",
        description="Load raw contract CSVs into a PostgreSQL `raw` schema through the client "
        "connection; then build with --vars '{raw_loader: external}'. DuckDB and Spark "
        "need no such step: dbt's on-run-start hook loads them.",
    )
    parser.add_argument("--target", choices=["postgres"], default="postgres")
    parser.add_argument(
        "--raw-dir",
        type=Path,
        default=PROJECT_DIR / DEFAULT_RAW_DIR,
        help="directory of <table>.csv files (default: the bundled demo data)",
    )
    args = parser.parse_args(argv)
    if not args.raw_dir.is_dir():
        print(f"scv load-raw: {args.raw_dir} is not a directory", file=sys.stderr)
        return 2

    import psycopg2

    settings = connection_settings()
    connection = psycopg2.connect(**settings)
    try:
        counts = load_postgres(args.raw_dir, connection)
    finally:
        connection.close()
    for table, count in counts.items():
        print(f"raw.{table}: {count} rows")
    print(
        f"loaded {args.raw_dir} into {settings['dbname']} on {settings['host']}:{settings['port']}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
