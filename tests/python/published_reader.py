"""A BI tool stand-in: hold the published marts open and query them until told to stop.

    python published_reader.py CATALOG LOG STOP_FILE MODE

Reads CATALOG (the publish directory's scv_marts.duckdb) read-only, MODE `held`: through one
connection opened at the start and kept; MODE `fresh`: through a connection opened for every
read, as a tool that reconnects would (in a process of its own: DuckDB's client shares one
database instance between connections to a path in one process). Each read queries
marts.customer_segments and marts.dim_customer, writing a JSON line (time, as_of_date seen and
row counts, or the error) to LOG until STOP_FILE exists. tests/python/test_marts_e2e.py runs
one of each while a build replaces the marts.
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


def main(catalog: str, log_path: str, stop_file: str, mode: str) -> None:
    stop = Path(stop_file)
    held = duckdb.connect(catalog, read_only=True) if mode == "held" else None
    with open(log_path, "w") as log:
        while not stop.exists():
            read = {"at": time.time()}
            if held is not None:
                read.update(read_marts(held))
            else:
                try:
                    with duckdb.connect(catalog, read_only=True) as fresh:
                        read.update(read_marts(fresh))
                except duckdb.Error as error:
                    read["error"] = f"{type(error).__name__}: {error}"
            log.write(json.dumps(read) + "\n")
            log.flush()
            time.sleep(0.2)
    if held is not None:
        held.close()


if __name__ == "__main__":
    main(*sys.argv[1:5])
