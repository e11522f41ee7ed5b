"""A dbt-duckdb plugin (profiles.yml `plugins`) that gives the build the file-system facts SQL
cannot: DuckDB's glob() returns nothing both for a missing directory and an empty one, and the
raw loader must tell a mistyped `raw_dir` (an error) from an empty one (an empty build).
"""

from __future__ import annotations

import os

from dbt.adapters.duckdb.plugins import BasePlugin


def directory_entry_count(path: str | None) -> int:
    """The number of entries in the directory `path`, or -1 when it is not a directory."""
    if path is None or not os.path.isdir(path):
        return -1
    return len(os.listdir(path))


class Plugin(BasePlugin):
    def configure_connection(self, conn) -> None:
        conn.create_function(
            "scv_directory_entry_count",
            directory_entry_count,
            ["VARCHAR"],
            "BIGINT",
            null_handling="special",
        )
