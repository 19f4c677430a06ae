"""Time the data dashboard: (a) every measure for every breakdown for one period, and
(b) the dashboard page (median of 20 requests, server time through Django's test client).

Usage: .venv/bin/python benchmarks/dashboard.py [--children N] [--years Y]
Uses var/bench-caseload.sqlite3 (shared with benchmarks/caseload.py), or PostgreSQL when
DATABASE_URL is set. Generates the area once and reuses it."""

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
    parser.add_argument("--children", type=int, default=120_000)
    parser.add_argument("--years", type=int, default=2)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.utils import timezone

    from thrive.accounts.models import User
    from thrive.assessments.models import Case
    from thrive.insight.breakdowns import BREAKDOWNS
    from thrive.insight.periods import rolling_12_months
    from thrive.insight.selectors import dashboard_numbers
    from thrive.people.models import Child

    (ROOT / "var").mkdir(exist_ok=True)
    call_command("migrate", verbosity=0)
    if not Child.objects.exists():
        call_command("generate-area", children=args.children, seed=1, years=args.years)
    today = timezone.localdate()
    period = rolling_12_months(today)
    print(f"database: {django.db.connection.vendor}; cases: {Case.objects.count():,}")

    dashboard_numbers(period, today)  # warm the caseload summaries (open cases' clocks)
    started = time.perf_counter()
    dashboard_numbers(period, today)
    for breakdown in BREAKDOWNS.values():
        dashboard_numbers(period, today, breakdown)
    print(f"(a) every measure, overall and by {len(BREAKDOWNS)} breakdowns: "
          f"{time.perf_counter() - started:.2f} s")

    setup_test_environment()
    client = Client()
    client.force_login(User.objects.get(username="manager"))
    for label, query in [("overall", ""), ("by locality", "?breakdown=locality")]:
        times = []
        for _ in range(args.requests):
            begun = time.perf_counter()
            response = client.get("/insight/" + query)
            times.append(time.perf_counter() - begun)
            if response.status_code != 200:
                sys.exit(f"/insight/{query} answered {response.status_code}")
        print(f"(b) dashboard page, {label}: median {statistics.median(times) * 1000:.0f} ms "
              f"over {len(times)} requests (max {max(times) * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
