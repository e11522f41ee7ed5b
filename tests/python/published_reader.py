"""A BI tool stand-in: hold the published marts open and query them until told to stop.

    python published_reader.py CATALOG LOG STOP_FILE

Opens CATALOG (the publish directory's scv_marts.duckdb) read-only once and keeps that
connection, and also opens it afresh for every read (as a tool that reconnects would). Each
read queries marts.customer_segments and marts.dim_customer through both, writing a JSON line
per read (time, and per connection the as_of_date seen and row counts, or the error) to LOG
until STOP_FILE exists. tests/python/test_marts_e2e.py runs it while a build replaces the marts.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import duckdb


def read_marts(connection: duckdb.DuckDBPyConnection) -> dict:
    try:
        as_of_dates, segments = connection.execute(
            "select list(distinct cast(as_of_date as varchar)), count(*) "
            "from marts.customer_segments"
        ).fetchone()
        customers = connection.execute("select count(*) from marts.dim_customer").fetchone()[0]
    except duckdb.Error as error:
        return {"error": f"{type(error).__name__}: {error}"}
    return {"as_of_dates": sorted(as_of_dates), "segments": segments, "customers": customers}


def main(catalog: str, log_path: str, stop_file: str) -> None:
    stop = Path(stop_file)
    with duckdb.connect(catalog, read_only=True) as held, open(log_path, "w") as log:
        while not stop.exists():
            read = {"at": time.time(), "held": read_marts(held)}
            try:
                with duckdb.connect(catalog, read_only=True) as fresh:
                    read["fresh"] = read_marts(fresh)
            except duckdb.Error as error:
                read["fresh"] = {"error": f"{type(error).__name__}: {error}"}
            log.write(json.dumps(read) + "\n")
            log.flush()
            time.sleep(0.2)


if __name__ == "__main__":
    main(*sys.argv[1:4])
