"""A dbt-duckdb plugin (profiles.yml `plugins`) that gives the build the file-system facts SQL
cannot: DuckDB's glob() returns nothing both for a missing directory and an empty one, and the
raw loader must tell a mistyped `raw_dir` (an error) from an empty one (an empty build); and
DuckDB's CSV reader stops at the first byte that is not UTF-8, so the loader asks a file's
encoding and reads a UTF-8 copy of a Windows-1252, Latin-1 or UTF-16 one (scv.raw_files);
and the publish step (macros/publish) writes the readers' catalog under a temporary name and
renames it over the old one, and the audience exports need their folders, which SQL cannot
do either.
"""

from __future__ import annotations

import os

from dbt.adapters.duckdb.plugins import BasePlugin

from scv.raw_files import file_encoding, utf8_copy


def directory_entry_count(path: str | None) -> int:
    """The number of entries in the directory `path`, or -1 when it is not a directory."""
    if path is None or not os.path.isdir(path):
        return -1
    return len(os.listdir(path))


def utf8_copy_in_temp(path: str, encoding: str) -> str:
    """utf8_copy into the system's temporary directory."""
    return utf8_copy(path, encoding)


def replace_file(source: str | None, target: str | None) -> str | None:
    """Rename `source` over `target` in one step (os.replace): a reader that opened the old file
    keeps reading it, the next one opens the new file, and none sees half of one."""
    if source is None or target is None:
        return None
    os.replace(source, target)
    return target


def remove_file(path: str | None) -> bool:
    """Remove the file `path` if it exists (left by an interrupted publish); True if it did."""
    if path is None or not os.path.isfile(path):
        return False
    os.remove(path)
    return True


def make_directory(path: str | None) -> str | None:
    """Create the directory `path` and its parents if missing (COPY ... TO does not)."""
    if path is None:
        return None
    os.makedirs(path, exist_ok=True)
    return path


# name -> (function, parameter types, return type, has side effects)
FUNCTIONS = {
    "scv_directory_entry_count": (directory_entry_count, ["VARCHAR"], "BIGINT", False),
    "scv_raw_file_encoding": (file_encoding, ["VARCHAR", "VARCHAR"], "VARCHAR", True),
    "scv_raw_file_utf8_copy": (utf8_copy_in_temp, ["VARCHAR", "VARCHAR"], "VARCHAR", True),
    "scv_replace_file": (replace_file, ["VARCHAR", "VARCHAR"], "VARCHAR", True),
    "scv_remove_file": (remove_file, ["VARCHAR"], "BOOLEAN", True),
    "scv_make_directory": (make_directory, ["VARCHAR"], "VARCHAR", True),
}


class Plugin(BasePlugin):
    def configure_connection(self, conn) -> None:
        # dbt-duckdb may configure several cursors of one database: register each function once.
        registered = {
            row[0]
            for row in conn.execute(
                "select function_name from duckdb_functions() where function_name like 'scv_%'"
            ).fetchall()
        }
        for name, (function, parameters, returns, side_effects) in FUNCTIONS.items():
            if name not in registered:
                conn.create_function(
                    name,
                    function,
                    parameters,
                    returns,
                    null_handling="special",
                    side_effects=side_effects,
                )
