"""The project's engines for tests: a throwaway PostgreSQL cluster, a local Spark session,
and `build_on`, which builds the project on one engine and returns a table reader.

Use the fixtures from a test module (or once, from tests/python/conftest.py) by importing
all of them, since `build_on` asks for the engine fixtures by name; each is registered under
its name without `_fixture`, so test arguments don't shadow the import:

    from engines import (  # noqa: F401  (pytest fixtures)
        build_on_fixture, postgres_cluster_fixture, spark_session_fixture,
    )

    def test_same_customers_everywhere(build_on, tmp_path):
        duck = build_on("duckdb", RAW, tmp_path)
        pg = build_on("postgres", RAW, tmp_path)
        assert_frame_equal(duck("dim_customer"), pg("dim_customer"))

DuckDB and PostgreSQL builds run `dbt` in a subprocess (`scv.project.run_dbt`). Spark builds
run dbt in this process: dbt-spark's `session` method keeps one SparkSession per process, so
the JVM starts once per test session (~5-20 s) instead of once per dbt command, and tests
read tables through that same session (an embedded Derby metastore admits one JVM at a time).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pytest

from scv.project import PROJECT_DIR, run_dbt

ENGINES = ("duckdb", "postgres", "spark")
POSTGRES_SUPERUSER = "postgres"

# A reader takes a relation, "schema.table" or a bare table name found in any schema,
# and returns its rows as a DataFrame.
Reader = Callable[[str], pd.DataFrame]


# --------------------------------------------------------------------------- PostgreSQL


def find_postgres_bindir() -> Path | None:
    """Directory holding `initdb` and `pg_ctl`: $SCV_PG_BINDIR, Debian's layout, then PATH."""
    candidates = []
    if os.environ.get("SCV_PG_BINDIR"):
        candidates.append(Path(os.environ["SCV_PG_BINDIR"]))
    debian = Path("/usr/lib/postgresql").glob("*/bin")
    candidates += sorted(
        debian, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0, reverse=True
    )
    if shutil.which("initdb"):
        candidates.append(Path(shutil.which("initdb")).parent)
    for candidate in candidates:
        if (candidate / "initdb").is_file() and (candidate / "pg_ctl").is_file():
            return candidate
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class PostgresCluster:
    """A PostgreSQL cluster in a temporary directory, for one test session.

    `initdb` refuses to run as root, so as root the server runs as the `postgres` system
    user (`runuser`); otherwise as the current user. Authentication is `trust`, the server
    listens on 127.0.0.1 at a free port and on a unix socket inside its own directory, and
    durability is switched off: the cluster is thrown away at the end.
    """

    bindir: Path
    root: Path = field(init=False)
    port: int = field(init=False)
    user: str = POSTGRES_SUPERUSER
    _databases: Iterator[int] = field(default_factory=lambda: itertools.count(1), repr=False)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def run_as(self) -> list[str]:
        return ["runuser", "-u", POSTGRES_SUPERUSER, "--"] if os.geteuid() == 0 else []

    def _server_command(self, tool: str, *args: str) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [*self.run_as, str(self.bindir / tool), *args],
            capture_output=True,
            text=True,
            cwd=self.root,
        )
        if result.returncode != 0:
            log = self.root / "server.log"
            raise RuntimeError(
                f"{tool} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}\n"
                + (log.read_text()[-4000:] if log.exists() else "")
            )
        return result

    def start(self) -> PostgresCluster:
        self.root = Path(tempfile.mkdtemp(prefix="scv-pg-"))
        try:
            self._init_and_start()
        except BaseException:
            self.stop()
            raise
        return self

    def _init_and_start(self) -> None:
        if os.geteuid() == 0:
            owner = pwd.getpwnam(POSTGRES_SUPERUSER)
            os.chown(self.root, owner.pw_uid, owner.pw_gid)
        self._server_command(
            "initdb",
            "-D",
            str(self.data_dir),
            "-U",
            self.user,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        for attempt in range(3):  # another process may take the free port first
            self.port = free_port()
            options = (
                f"-c port={self.port} -c listen_addresses=127.0.0.1 "
                f"-c unix_socket_directories='{self.root}' -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c timezone=UTC"
            )
            try:
                self._server_command(
                    "pg_ctl",
                    "-D",
                    str(self.data_dir),
                    "-l",
                    str(self.root / "server.log"),
                    "-o",
                    options,
                    "-w",
                    "-t",
                    "60",
                    "start",
                )
                break
            except RuntimeError:
                if attempt == 2:
                    raise

    def stop(self) -> None:
        if (self.data_dir / "postmaster.pid").exists():
            with contextlib.suppress(RuntimeError):
                self._server_command("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def connect(self, dbname: str = "postgres"):
        import psycopg2

        return psycopg2.connect(host="127.0.0.1", port=self.port, user=self.user, dbname=dbname)

    def create_database(self, name: str | None = None) -> str:
        """A new empty database (`scv_1`, `scv_2`, ... unless named), so builds don't mix."""
        name = name or f"scv_{next(self._databases)}"
        with contextlib.closing(self.connect()) as connection:
            connection.autocommit = True  # create database refuses a transaction block
            with connection.cursor() as cursor:
                cursor.execute(f'create database "{name}"')
        return name

    def env(self, dbname: str) -> dict[str, str]:
        """The variables profiles.yml's `postgres` output reads."""
        return {
            "SCV_PG_HOST": "127.0.0.1",
            "SCV_PG_PORT": str(self.port),
            "SCV_PG_USER": self.user,
            "SCV_PG_PASSWORD": "",
            "SCV_PG_DATABASE": dbname,
        }

    def server_readable(self, raw_dir: Path | str) -> Path:
        """A copy of `raw_dir` that the server process can read.

        The dbt hook loads CSVs with server-side `COPY ... FROM 'file'`, read by the server's
        own user, which cannot enter pytest's private (0700, root-owned) temporary folders.
        """
        copy = Path(tempfile.mkdtemp(prefix="raw-", dir=self.root))
        for csv_file in Path(raw_dir).glob("*.csv"):
            shutil.copyfile(csv_file, copy / csv_file.name)
        if os.geteuid() == 0:
            owner = pwd.getpwnam(POSTGRES_SUPERUSER)
            for path in [copy, *copy.iterdir()]:
                os.chown(path, owner.pw_uid, owner.pw_gid)
        return copy

    def reader(self, dbname: str) -> Reader:
        def read(relation: str) -> pd.DataFrame:
            with contextlib.closing(self.connect(dbname)) as connection:
                with connection.cursor() as cursor:
                    schema, table = _split_relation(
                        relation, lambda t: _postgres_schemas(cursor, t)
                    )
                    cursor.execute(f'select * from "{schema}"."{table}"')
                    columns = [column.name for column in cursor.description]
                    return pd.DataFrame(cursor.fetchall(), columns=columns)

        return read


def _postgres_schemas(cursor, table: str) -> list[str]:
    cursor.execute(
        "select table_schema from information_schema.tables where table_name = %s"
        " and table_schema not in ('pg_catalog', 'information_schema')",
        (table,),
    )
    return [row[0] for row in cursor.fetchall()]


@pytest.fixture(scope="session", name="postgres_cluster")
def postgres_cluster_fixture() -> Iterator[PostgresCluster]:
    """A running throwaway PostgreSQL cluster, stopped and deleted after the session."""
    bindir = find_postgres_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found; set SCV_PG_BINDIR")
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(POSTGRES_SUPERUSER)
        except KeyError:
            pytest.fail("running as root needs a `postgres` system user for initdb")
    cluster = PostgresCluster(bindir).start()
    try:
        yield cluster
    finally:
        cluster.stop()


# --------------------------------------------------------------------------- Spark


@dataclass
class SparkEnvironment:
    """Where the test Spark session keeps its warehouse and Derby metastore."""

    root: Path
    target_path: Path

    @property
    def session(self):
        from pyspark import SparkContext
        from pyspark.sql import SparkSession

        if SparkContext._active_spark_context is None:
            raise RuntimeError("no Spark session: run dbt on the spark target first")
        return SparkSession.builder.getOrCreate()  # dbt-spark's session, not a new one

    def reset(self) -> None:
        """Drop every database but `default`, and default's tables: a fresh warehouse."""
        session = self.session
        for database in session.catalog.listDatabases():
            if database.name != "default":
                session.sql(f"drop database if exists `{database.name}` cascade")
        for table in session.catalog.listTables("default"):
            if not table.isTemporary:
                kind = "view" if table.tableType == "VIEW" else "table"
                session.sql(f"drop {kind} if exists `default`.`{table.name}`")

    def reader(self) -> Reader:
        def read(relation: str) -> pd.DataFrame:
            session = self.session
            schema, table = _split_relation(
                relation,
                lambda t: [
                    database.name
                    for database in session.catalog.listDatabases()
                    if session.catalog.tableExists(t, database.name)
                ],
            )
            # Through pandas rows, not Arrow: pyarrow is not a dependency.
            frame = session.table(f"`{schema}`.`{table}`")
            return pd.DataFrame([row.asDict() for row in frame.collect()], columns=frame.columns)

        return read


def run_dbt_in_process(
    args: list[str], *, target_path: Path, dbt_vars: dict | None = None, target: str = "spark"
) -> None:
    """`dbt <args>` in this process (see the module docstring for why Spark needs it)."""
    import json

    from dbt.cli.main import dbtRunner

    command = [
        *args,
        "--project-dir",
        str(PROJECT_DIR),
        "--profiles-dir",
        str(PROJECT_DIR),
        "--target",
        target,
        "--log-path",
        str(Path(target_path) / "logs"),
    ]
    if args[0] != "debug":  # the one command without a target folder
        command += ["--target-path", str(target_path)]
    if dbt_vars:
        command += ["--vars", json.dumps(dbt_vars)]
    result = dbtRunner().invoke(command)
    if not result.success:
        log = Path(target_path) / "logs" / "dbt.log"
        tail = log.read_text()[-8000:] if log.exists() else ""
        raise RuntimeError(f"dbt {' '.join(args)} on {target} failed: {result.exception}\n{tail}")


@pytest.fixture(scope="session", name="spark_session")
def spark_session_fixture(tmp_path_factory) -> Iterator[SparkEnvironment]:
    """The dbt-spark session of this test process, with its warehouse in a temp dir.

    `SCV_SPARK_DIR` points profiles.yml's `spark` output at the temp dir before the JVM
    starts; the session is started by a dbt command, so it has exactly the profile's settings.
    """
    pytest.importorskip("pyspark", reason="pyspark not installed: pip install -e '.[spark]'")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java runtime for Spark (pyspark 4 needs Java 17+)")
    root = tmp_path_factory.mktemp("spark")
    previous = os.environ.get("SCV_SPARK_DIR")
    os.environ["SCV_SPARK_DIR"] = str(root)
    try:
        environment = SparkEnvironment(root=root, target_path=root / "target_engines")
        run_dbt_in_process(["debug", "--connection"], target_path=environment.target_path)
        yield environment
    finally:
        if previous is None:
            os.environ.pop("SCV_SPARK_DIR", None)
        else:
            os.environ["SCV_SPARK_DIR"] = previous


# --------------------------------------------------------------------------- all engines


def _split_relation(relation: str, schemas_of: Callable[[str], list[str]]) -> tuple[str, str]:
    if "." in relation:
        schema, table = relation.split(".", 1)
        return schema, table
    schemas = schemas_of(relation)
    if len(schemas) != 1:
        raise LookupError(f"table {relation!r} found in schemas {schemas}: qualify it")
    return schemas[0], relation


def duckdb_reader(path: Path) -> Reader:
    def read(relation: str) -> pd.DataFrame:
        import duckdb

        with duckdb.connect(str(path), read_only=True) as connection:
            schema, table = _split_relation(
                relation,
                lambda t: [
                    row[0]
                    for row in connection.execute(
                        "select schema_name from duckdb_tables() where table_name = ?"
                        " union all select schema_name from duckdb_views() where view_name = ?"
                        " and not internal",
                        [t, t],
                    ).fetchall()
                ],
            )
            return connection.execute(f'select * from "{schema}"."{table}"').df()

    return read


def run_on(
    engine: str,
    args: list[str],
    raw_dir: Path | str,
    work_dir: Path,
    dbt_vars: dict | None = None,
    *,
    postgres: PostgresCluster | None = None,
    spark: SparkEnvironment | None = None,
) -> Reader:
    """Run `dbt <args>` on a fresh warehouse of `engine` with `raw_dir`; return its reader.

    Each call gets its own warehouse: a new DuckDB file, a new Postgres database; Spark has
    one metastore per process, so a Spark call empties it first and an earlier Spark reader
    then sees the new build.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; one of {ENGINES}")
    work_dir = Path(work_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    target_path = work_dir / f"target_engines_{engine}"
    dbt_vars = {**(dbt_vars or {}), "raw_dir": str(Path(raw_dir).resolve())}
    if engine == "duckdb":
        path = work_dir / "scv.duckdb"
        run_dbt(args, duckdb_path=path, target_path=target_path, dbt_vars=dbt_vars, target="duckdb")
        return duckdb_reader(path)
    if engine == "postgres":
        if postgres is None:
            raise ValueError("engine 'postgres' needs the postgres_cluster fixture")
        dbname = postgres.create_database()
        dbt_vars["raw_dir"] = str(postgres.server_readable(raw_dir))
        run_dbt(
            args,
            target="postgres",
            target_path=target_path,
            dbt_vars=dbt_vars,
            env=postgres.env(dbname),
        )
        return postgres.reader(dbname)
    if spark is None:
        raise ValueError("engine 'spark' needs the spark_session fixture")
    spark.reset()
    run_dbt_in_process(args, target_path=target_path, dbt_vars=dbt_vars)
    return spark.reader()


@pytest.fixture(name="build_on")
def build_on_fixture(request) -> Callable[..., Reader]:
    """`build_on(engine, raw_dir, tmp_path, vars=None) -> reader`: `dbt build` on one engine.

    The engine's fixture (cluster, Spark session) is started on first use only, so a test
    that builds on DuckDB alone never starts a JVM or a PostgreSQL server.
    """

    def build(
        engine: str,
        raw_dir: Path | str,
        tmp_path: Path,
        vars: dict | None = None,
        args: tuple[str, ...] = ("build",),
    ) -> Reader:
        return run_on(
            engine,
            list(args),
            raw_dir,
            Path(tmp_path) / engine,
            vars,
            **_engine_fixtures(request, engine),
        )

    return build


@pytest.fixture(name="load_raw_on")
def load_raw_on_fixture(request) -> Callable[..., Reader]:
    """`load_raw_on(engine, raw_dir, tmp_path) -> reader`: only `load_raw_sources`."""

    def load(engine: str, raw_dir: Path | str, tmp_path: Path) -> Reader:
        return run_on(
            engine,
            ["run-operation", "load_raw_sources"],
            raw_dir,
            Path(tmp_path) / engine,
            **_engine_fixtures(request, engine),
        )

    return load


def _engine_fixtures(request, engine: str) -> dict:
    names = {"postgres": "postgres_cluster", "spark": "spark_session"}
    if engine not in names:
        return {}
    try:
        return {engine: request.getfixturevalue(names[engine])}
    except pytest.FixtureLookupError as error:
        raise RuntimeError(
            f"import {names[engine]}_fixture from engines into the test module or conftest.py"
        ) from error
