"""Server time of the work queues after issue (reviews and amendments, the oldest overdue
reviews, phase transfers) for a whole large area, and of the daily overdue marking.

Usage: .venv/bin/python benchmarks/work_queue.py [--children N] [--requests R]
Uses var/bench-queue.sqlite3, or PostgreSQL when DATABASE_URL is set. Generates the area once
(with established plans, so most children have a plan with years of reviews) and reuses it."""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thrive.config.settings.local")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-queue.sqlite3'}")

PAGES = [
    ("reviews and amendments, whole area, everything due", "/work/?officer=&state=all"),
    ("reviews and amendments, overdue, page 5", "/work/?officer=&state=overdue&page=5"),
    ("oldest overdue reviews", "/work/oldest-overdue/"),
    ("phase transfers, coming September", "/work/transfers/"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--children", type=int, default=40_000)
    parser.add_argument("--requests", type=int, default=5)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.utils import timezone

    from thrive.accounts.models import User
    from thrive.people.models import Child
    from thrive.plans import selectors_ceasing
    from thrive.queues.models import OverdueStep
    from thrive.queues.services import overdue_steps_mark

    (ROOT / "var").mkdir(exist_ok=True)
    call_command("migrate", verbosity=0)
    if not Child.objects.exists():
        call_command(
            "generate-area", children=args.children, seed=1, years=4, established_plans=0.4
        )
        call_command("demo-users", verbosity=0)
    setup_test_environment()  # lets the test client run against this database
    today = timezone.localdate()
    maintained = selectors_ceasing.maintained_plans(today).count()
    print(f"database: {django.db.connection.vendor}; maintained plans: {maintained:,}")

    client = Client()
    client.force_login(User.objects.get(username="manager"))
    for label, path in PAGES:
        times = [_time(client, path) for _ in range(args.requests)]
        print(
            f"{label}: median {statistics.median(times) * 1000:.0f} ms over "
            f"{len(times)} requests (max {max(times) * 1000:.0f} ms)"
        )

    OverdueStep.objects.all().delete()
    for run in ("first (every overdue step is new)", "again (nothing new)"):
        started = time.perf_counter()
        marked = overdue_steps_mark(today=today)
        elapsed = time.perf_counter() - started
        print(
            f"mark-overdue, {run}: {elapsed:.2f} s; {marked.overdue:,} overdue, "
            f"{marked.new:,} new, {marked.messages:,} messages"
        )


def _time(client, path: str) -> float:
    started = time.perf_counter()
    response = client.get(path)
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        sys.exit(f"{path} answered {response.status_code}")
    return elapsed


if __name__ == "__main__":
    main()
