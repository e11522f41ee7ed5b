"""The whole project builds on PostgreSQL and Spark with DuckDB's results.

`dbt build` of every model, seed, snapshot (not on Spark) and data test runs on the bundled
demo data (data/demo/raw, as_of_date 2026-06-30) on DuckDB, the reference, and on each
other engine; the four contract marts must then be equal:

- customer_crosswalk: the same partition of source records into customers (compared as
  sets of records, so a difference in fuzzy scores that still gives the same clusters
  passes this check) and the same ids (ids are hashes of record keys, so equal clusters
  must give equal ids);
- dim_customer, customer_consent, customer_segments: the same rows, value by value;
- a few seeds, loaded by each adapter's own seed loader (Spark's is overridden in
  macros/seeds/load_csv_rows.sql): the same rows.

Every difference is listed row by row in the assertion message. Unit tests are left out:
their fixtures are written for DuckDB's types (see docs/engines.md).

PostgreSQL and Spark score pairs with seeds/matching/match_parameters.csv, the parameters
DuckDB's EM model estimated on this demo (`scv export-parameters`): refresh the seed when
the matching changes (`test_match_parameters_seed_is_duckdb_estimate_on_demo` says when).
"""

from __future__ import annotations

import datetime
import decimal
from pathlib import Path

import pandas as pd
import pytest

from engines import run_on
from scv.project import run_dbt

PROJECT = Path(__file__).resolve().parents[2]
DEMO_RAW = PROJECT / "data" / "demo" / "raw"
ARGS = ("build", "--exclude-resource-type", "unit_test")
VARS = {"as_of_date": "2026-06-30"}
MARTS = ("dim_customer", "customer_crosswalk", "customer_consent", "customer_segments")
# Seeds with apostrophes ("Can't lose them"), blanks (NULL) and typed columns.
SEEDS = ("rfm_segment_map", "survivorship_rules", "match_parameters", "email_domain_corrections")
PARAMETERS_SEED = (
    Path(__file__).resolve().parents[2] / "seeds" / "matching" / "match_parameters.csv"
)
FUNCTION_FIXTURES = Path(__file__).parent / "fixtures" / "raw_engines"
# Names and near-misses the matching compares: typos, transpositions, swapped words, prefixes,
# lengths 1 to 20, accents (DuckDB compares UTF-8 bytes), empty strings.
STRING_PAIRS = [
    ("martha", "marhta"),
    ("dwayne", "duane"),
    ("dixon", "dicksonx"),
    ("jon", "john"),
    ("jonathan", "jonathon"),
    ("crate", "trace"),
    ("ab", "ba"),
    ("a", "a"),
    ("a", "b"),
    ("", ""),
    ("a", ""),
    ("abc", "abc"),
    ("ab", "ab cd"),
    ("katherine", "catherine"),
    ("kathryn", "katharine"),
    ("stephen", "steven"),
    ("elisabeth", "elizabeth"),
    ("mohammed", "muhammad"),
    ("sean", "shaun"),
    ("anne marie", "annemarie"),
    ("van der berg", "vandenberg"),
    ("o'brien", "obrien"),
    ("müller", "muller"),
    ("josé", "jose"),
    ("éa", "ea"),
    ("zoë", "zoe"),
    ("bjørn", "bjorn"),
    ("li", "lee"),
    ("sandra smt", "sndra smtu"),
    ("andreas", "andrés m"),
    ("giuseppe", "gziuseppe"),
    ("smith", "smyth"),
    ("thompson", "thomson"),
    ("johnson", "jonsson"),
    ("alexander", "aleksandr"),
    ("christopher", "kristopher"),
    ("margaret", "margarita"),
    ("abcdefghijklmnopqrst", "abcdefghijklmnopqrts"),
    ("x", "xxxxxxxxxx"),
    ("0612345678", "0612345687"),
    ("1980-01-02", "1980-02-01"),
    ("robert", "rupert"),
]
RECORD = ["source_table", "source_record_id"]

pytestmark = pytest.mark.slow


def _plain(value):
    """One engine-neutral text per value: numbers to 4 places, dates and timestamps in ISO form."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | decimal.Decimal):
        return repr(round(float(value), 4))
    if isinstance(value, datetime.date | pd.Timestamp):
        return pd.Timestamp(value).isoformat()
    return str(value)


def plain_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as sorted engine-neutral text (column order kept: Spark puts partitions last)."""
    rows = frame.astype(object).map(_plain)
    return rows.sort_values(list(rows.columns), na_position="first").reset_index(drop=True)


def row_differences(expected: pd.DataFrame, actual: pd.DataFrame, engine: str) -> str | None:
    """Rows only one side holds, one per line and marked with its engine; None when equal."""
    if sorted(expected.columns) != sorted(actual.columns):
        return f"columns differ: duckdb {list(expected.columns)}, {engine} {list(actual.columns)}"
    actual = plain_rows(actual[list(expected.columns)])
    expected = plain_rows(expected)
    if actual.equals(expected):
        return None
    both = pd.concat([expected.assign(engine="duckdb"), actual.assign(engine=engine)])
    # A row held twice on one side and once on the other is a difference too.
    both["copy"] = both.groupby([*expected.columns, "engine"], dropna=False).cumcount()
    only = both.drop_duplicates(subset=[*expected.columns, "copy"], keep=False)
    only = only.drop(columns="copy").sort_values(list(expected.columns[:2]) + ["engine"])
    return f"{len(only)} rows differ:\n{only.to_string(index=False)}"


def crosswalk_partition(crosswalk: pd.DataFrame) -> set[frozenset]:
    """The customers as sets of source records, whatever their ids."""
    linked = crosswalk.dropna(subset=["customer_id"]).astype({"source_record_id": str})
    return {
        frozenset(zip(group.source_table, group.source_record_id, strict=True))
        for _, group in linked.groupby("customer_id")
    }


def partition_differences(expected: pd.DataFrame, actual: pd.DataFrame, engine: str) -> str | None:
    duckdb_clusters, engine_clusters = crosswalk_partition(expected), crosswalk_partition(actual)
    if duckdb_clusters == engine_clusters:
        return None
    lines = [
        f"{name} only: {sorted(cluster)}"
        for name, clusters in (
            ("duckdb", duckdb_clusters - engine_clusters),
            (engine, engine_clusters - duckdb_clusters),
        )
        for cluster in sorted(clusters, key=sorted)
    ]
    return f"{len(lines)} clusters differ:\n" + "\n".join(lines)


def mart_differences(expected: dict, actual: dict, engine: str) -> dict[str, str]:
    differences = {}
    partition = partition_differences(
        expected["customer_crosswalk"], actual["customer_crosswalk"], engine
    )
    if partition:
        differences["customer_crosswalk (partition)"] = partition
    for relation in (*MARTS, *SEEDS):
        rows = row_differences(expected[relation], actual[relation], engine)
        if rows:
            differences[relation] = rows
    return differences


@pytest.fixture(scope="module")
def duckdb_marts(tmp_path_factory) -> dict[str, pd.DataFrame]:
    read = run_on("duckdb", list(ARGS), DEMO_RAW, tmp_path_factory.mktemp("duckdb"), VARS)
    relations = [f"marts.{mart}" for mart in MARTS] + [f"reference.{seed}" for seed in SEEDS]
    relations.append("intermediate.int_match_parameters_estimated")
    return {relation.split(".")[1]: read(relation) for relation in relations}


def test_match_parameters_seed_is_duckdb_estimate_on_demo(duckdb_marts):
    """The other engines score with the seed: it must be what DuckDB estimates on the demo.

    A stale seed moves a pair's probability across the accept threshold on one engine only
    (as 'I. Blackton' ~ 'Ian Blackton' did, at 0.99899 against 0.99953).
    """
    seed = pd.read_csv(PARAMETERS_SEED)
    estimated = duckdb_marts["int_match_parameters_estimated"][seed.columns]
    key = ["comparison", "level"]
    merged = seed.merge(estimated, on=key, how="outer", suffixes=("_seed", "_estimated"))
    stale = [
        f"{row.comparison} level {row.level}: {column} seed {getattr(row, column + '_seed')}"
        f" != estimated {getattr(row, column + '_estimated')}"
        for row in merged.itertuples()
        for column in ("m_probability", "u_probability", "match_weight", "prior_match_weight")
        if not abs(getattr(row, column + "_seed") - getattr(row, column + "_estimated")) <= 1e-8
    ]
    assert not stale, "refresh it with `scv export-parameters` after a demo build:\n" + "\n".join(
        stale
    )


def test_crosswalk_partition_ignores_ids_and_row_order():
    first = pd.DataFrame(
        {
            "source_table": ["a", "a", "b"],
            "source_record_id": ["1", "2", "3"],
            "customer_id": ["x", "x", "y"],
        }
    )
    renamed = first.assign(customer_id=["q", "q", "p"]).iloc[::-1]
    split = first.assign(customer_id=["x", "z", "y"])
    assert partition_differences(first, renamed, "other") is None
    assert "clusters differ" in partition_differences(first, split, "other")


def test_row_differences_name_each_differing_row():
    duck = pd.DataFrame({"customer_id": ["c1", "c2"], "monetary": [1.0, 2.0]})
    other = pd.DataFrame({"monetary": [decimal.Decimal("1.00001"), 3], "customer_id": ["c1", "c2"]})
    report = row_differences(duck, other, "postgres")
    assert report.startswith("2 rows differ")
    assert "c2" in report and "3.0" in report and "c1" not in report


def test_postgres_jaro_winkler_and_levenshtein_equal_duckdb(postgres_cluster, tmp_path):
    """The PL/pgSQL jaro_winkler_similarity (macro create_engine_functions) scores like DuckDB.

    DuckDB sums the Winkler bonus in another order: a score may differ in its last bit
    (1e-16), never more, so a threshold can only flip on a value equal to it to 15 places.
    """
    import duckdb

    dbname = postgres_cluster.create_database()
    run_dbt(  # any dbt command runs the on-run-start hooks that create the functions
        ["seed", "--select", "nicknames"],
        target="postgres",
        target_path=tmp_path / "target_engines_postgres",
        dbt_vars={"raw_dir": str(postgres_cluster.server_readable(FUNCTION_FIXTURES))},
        env=postgres_cluster.env(dbname),
    )
    with duckdb.connect() as duck:
        expected = [
            duck.execute(
                "select jaro_winkler_similarity(?, ?), levenshtein(?, ?)", [a, b, a, b]
            ).fetchone()
            for a, b in STRING_PAIRS
        ]
    with postgres_cluster.connect(dbname) as connection, connection.cursor() as cursor:
        actual = []
        for a, b in STRING_PAIRS:
            cursor.execute(
                "select public.jaro_winkler_similarity(%s, %s), levenshtein(%s, %s)", (a, b, a, b)
            )
            actual.append(cursor.fetchone())
    differences = [
        f"{a!r} {b!r}: duckdb {duck_jw} / {duck_lev}, postgres {pg_jw} / {pg_lev}"
        for (a, b), (duck_jw, duck_lev), (pg_jw, pg_lev) in zip(
            STRING_PAIRS, expected, actual, strict=True
        )
        # fuzzystrmatch counts characters, DuckDB bytes: equal on ASCII only.
        if abs(duck_jw - pg_jw) > 1e-12 or (a.isascii() and b.isascii() and duck_lev != pg_lev)
    ]
    assert not differences, "\n".join(differences)


@pytest.mark.parametrize("engine", ["postgres", "spark"])
def test_whole_project_marts_equal_duckdb(engine, build_on, duckdb_marts, tmp_path):
    read = build_on(engine, DEMO_RAW, tmp_path, vars=VARS, args=ARGS)
    actual = {mart: read(f"marts.{mart}") for mart in MARTS}
    actual |= {seed: read(f"reference.{seed}") for seed in SEEDS}
    differences = mart_differences(duckdb_marts, actual, engine)
    assert not differences, "\n\n".join(f"{mart}: {text}" for mart, text in differences.items())
