"""Time `thrive generate-area` on a fresh SQLite file and, if given, a fresh PostgreSQL
database.

    .venv/bin/python benchmarks/generate_area.py [--children 100000]
        [--postgres postgres://postgres@127.0.0.1:5432/postgres]

Each engine gets a new, migrated database (a temporary SQLite file; on PostgreSQL a
database named thrive_bench_<pid>, dropped afterwards) so runs are comparable. PostgreSQL
is used when --postgres or a postgres:// DATABASE_URL is given. Prints seconds, wall clock,
for the generate-area process alone (migrations are not timed), and what it generated:
children, cases and events, requests for advice and EHC plans with all their rows.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

SETTINGS = "thrive.config.settings.local"


def _manage(database_url: str, *args: str) -> str:
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": SETTINGS}
    # --skip-checks: time the generator, not the system checks of unrelated apps.
    command = [sys.executable, "-m", "thrive.config.manage", *args, "--skip-checks"]
    done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)  # noqa: S603
    return done.stdout.strip()


def _time_generate(database_url: str, options: argparse.Namespace) -> tuple[float, str]:
    """Seconds for generate-area, and what it says it made."""
    _manage(database_url, "migrate", "--no-input", "-v0")
    started = time.perf_counter()
    said = _manage(
        database_url,
        "generate-area",
        f"--children={options.children}",
        f"--seed={options.seed}",
        f"--years={options.years}",
        "-v0",
    )
    return time.perf_counter() - started, said


@contextmanager
def _fresh_sqlite() -> Iterator[str]:
    with tempfile.TemporaryDirectory() as folder:
        yield f"sqlite:///{Path(folder) / 'bench.sqlite3'}"


@contextmanager
def _fresh_postgres(server_url: str) -> Iterator[str]:
    import psycopg  # only needed here; a dependency of Thrive
    from psycopg import sql

    name = f"thrive_bench_{os.getpid()}"
    parts = urlsplit(server_url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
            connection.execute(drop.format(sql.Identifier(name)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--years", type=int, default=4)
    parser.add_argument("--postgres", default=None, help="a postgres:// URL on the server to use")
    parser.add_argument("--no-sqlite", action="store_true", help="time PostgreSQL only")
    options = parser.parse_args()
    postgres = options.postgres
    if postgres is None and os.environ.get("DATABASE_URL", "").startswith("postgres"):
        postgres = os.environ["DATABASE_URL"]

    label = f"generate-area --children {options.children:,}"
    if not options.no_sqlite:
        with _fresh_sqlite() as url:
            seconds, said = _time_generate(url, options)
            print(f"SQLite      {label}: {seconds:.1f} s\n  {said}", flush=True)
    if postgres:
        with _fresh_postgres(postgres) as url:
            seconds, said = _time_generate(url, options)
            print(f"PostgreSQL  {label}: {seconds:.1f} s\n  {said}", flush=True)


if __name__ == "__main__":
    main()
