"""Server time of the caseload page at about 25,000 open cases (median of 20 requests).

Usage: .venv/bin/python benchmarks/caseload.py [--children N] [--years Y]
Uses var/bench-caseload.sqlite3, or PostgreSQL when DATABASE_URL is set. Generates the area
once and reuses it on later runs."""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thrive.config.settings.local")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-caseload.sqlite3'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--children", type=int, default=100_000)
    parser.add_argument("--years", type=int, default=2)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from thrive.accounts.models import User
    from thrive.assessments.selectors import summary_cache
    from thrive.people.models import Child

    (ROOT / "var").mkdir(exist_ok=True)
    call_command("migrate", verbosity=0)
    if not Child.objects.exists():
        call_command("generate-area", children=args.children, seed=1, years=args.years)
    setup_test_environment()  # lets the test client run against this database
    client = Client()
    client.force_login(User.objects.get(username="officer"))

    summary_cache.clear()
    cold = _time(client, "/cases/")
    open_cases = sum(s.stage.is_open for s in summary_cache.summaries(_today()).values())
    print(f"database: {django.db.connection.vendor}; open cases: {open_cases:,}")
    print(f"first request in a new process (computes every clock): {cold * 1000:.0f} ms")
    for label, query in [
        ("caseload, soonest deadline first", ""),
        ("overdue only, sorted by name", "?overdue=on&sort=name"),
        ("page 100", "?page=100"),
    ]:
        times = [_time(client, "/cases/" + query) for _ in range(args.requests)]
        print(
            f"{label}: median {statistics.median(times) * 1000:.0f} ms over "
            f"{len(times)} requests (max {max(times) * 1000:.0f} ms)"
        )


def _today():
    from django.utils import timezone

    return timezone.localdate()


def _time(client, path: str) -> float:
    started = time.perf_counter()
    response = client.get(path)
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        sys.exit(f"{path} answered {response.status_code}")
    return elapsed


if __name__ == "__main__":
    main()
