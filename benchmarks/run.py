"""`make bench`: every benchmark, one after another. Record results in docs/performance.md.

The generator, caseload and work queue benchmarks run on SQLite (var/); the vague-wording
detector is scored on its labelled statements (docs/quality.md) and the forecasting model
(1,000 simulations × 10 years of 15,000 plans) needs no database. The dashboard runs at
national scale (`dashboard.py --national`: 850,000 cases) on PostgreSQL, in the database
BENCH_DATABASE_URL names (default postgres://postgres@127.0.0.1:5432/thrive_bench), created when
missing; the area is generated once (about 15 minutes on two cores) and reused. The SEN2
return (build, validate, XML and CSV) is timed on PostgreSQL too, for about 25,000 plans."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
DEFAULT_POSTGRESQL = "postgres://postgres@127.0.0.1:5432/thrive_bench"


def _ensure_database(url: str) -> None:
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    server = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if exists.fetchone() is None:
            connection.execute(f'CREATE DATABASE "{name}"')


def run(script: str, *args: str, env: dict[str, str] | None = None) -> None:
    print(f"\n== {script} {' '.join(args)}", flush=True)
    subprocess.run([sys.executable, str(HERE / script), *args], check=True, env=env)  # noqa: S603


def main() -> None:
    sqlite = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    run("generate_area.py", env=sqlite)
    run("caseload.py", env=sqlite)
    run("work_queue.py", env=sqlite)  # reviews, amendments and transfers across a large area
    run("vague_wording.py", "--quiet")  # the plan checks' vague-wording detector, scored
    run("forecast.py")  # the population model: estimate, simulate, summarise (pure numpy)
    postgresql = os.environ.get("BENCH_DATABASE_URL", DEFAULT_POSTGRESQL)
    _ensure_database(postgresql)
    run("dashboard.py", "--national", env={**os.environ, "DATABASE_URL": postgresql})
    # The SEN2 return for an area of about 25,000 plans, in a database of its own (created by
    # the script when missing).
    sen2 = postgresql.rsplit("/", 1)[0] + "/thrive_sen2_bench"
    run("sen2_export.py", env={**os.environ, "DATABASE_URL": sen2})


if __name__ == "__main__":
    main()
