"""Engine fixtures shared by every test module: one Postgres cluster and one Spark session per run.

Imported here once, not in each module: a session fixture imported into two modules is two
fixtures, and Spark allows one session per process (the second would get the first's settings).
"""

from engines import (  # noqa: F401  (pytest fixtures)
    build_on_fixture,
    postgres_cluster_fixture,
    spark_session_fixture,
)
