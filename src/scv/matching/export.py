"""`scv export-parameters`: save the match parameters estimated on DuckDB.

They go into the seed that the other engines read.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import duckdb

from scv.matching.parameters import PARAMETER_COLUMNS
from scv.project import PROJECT_DIR

SEED_PATH = PROJECT_DIR / "seeds" / "matching" / "match_parameters.csv"


def export_parameters(duckdb_path: Path | str, seed_path: Path | str = SEED_PATH) -> int:
    """Write intermediate.int_match_parameters_estimated to `seed_path`.

    Returns the number of rows written.
    """
    with duckdb.connect(str(duckdb_path), read_only=True) as connection:
        frame = connection.execute(
            f"select {', '.join(PARAMETER_COLUMNS)} "
            "from intermediate.int_match_parameters_estimated order by comparison, level"
        ).df()
    frame.to_csv(seed_path, index=False, lineterminator="\n", float_format="%.10g")
    return len(frame)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scv export-parameters", description=__doc__)
    parser.add_argument("--duckdb", default=str(PROJECT_DIR / "warehouse" / "scv.duckdb"))
    parser.add_argument("--out", default=str(SEED_PATH))
    args = parser.parse_args(argv)
    rows = export_parameters(args.duckdb, args.out)
    print(f"wrote {rows} parameter rows to {args.out}")
    return 0
