"""Time the data dashboard: (a) a full refresh of the summary tables, then every measure for
every breakdown for one period, and (b) the dashboard page with fresh summary tables (median
of 20 requests, server time through Django's test client).

Usage: .venv/bin/python benchmarks/dashboard.py [--children N] [--years Y]
Uses var/bench-caseload.sqlite3 (shared with benchmarks/caseload.py), or PostgreSQL when
DATABASE_URL is set. Generates the area once and reuses it."""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thrive.config.settings.local")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-caseload.sqlite3'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--children", type=int, default=120_000)
    parser.add_argument("--years", type=int, default=2)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--refreshes", type=int, default=3)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.utils import timezone

    from thrive.accounts.models import User
    from thrive.assessments.models import Case
    from thrive.assessments.selectors import summary_cache
    from thrive.insight.breakdowns import BREAKDOWNS
    from thrive.insight.periods import rolling_12_months
    from thrive.insight.selectors import dashboard_numbers
    from thrive.insight.services import insight_refresh
    from thrive.people.models import Child

    (ROOT / "var").mkdir(exist_ok=True)
    call_command("migrate", verbosity=0)
    if not Child.objects.exists():
        call_command("generate-area", children=args.children, seed=1, years=args.years)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # planner statistics, as after any bulk load
                cursor.execute("ANALYZE")
    today = timezone.localdate()
    period = rolling_12_months(today)
    print(f"database: {django.db.connection.vendor}; cases: {Case.objects.count():,}")

    begun = time.perf_counter()
    summary_cache.summaries(today)  # the caseload's clocks of open cases, once a day a process
    print(
        f"open cases' clocks (caseload cache, first use in a process): "
        f"{time.perf_counter() - begun:.2f} s"
    )
    refreshes = []
    for _ in range(args.refreshes):
        begun = time.perf_counter()
        refresh = insight_refresh()
        refreshes.append(time.perf_counter() - begun)
    print(
        f"refresh of the summary tables ({refresh.cases:,} cases, {refresh.advice:,} pieces "
        f"of advice): {', '.join(f'{t:.2f} s' for t in refreshes)}"
    )
    measures = []
    for _ in range(3):
        begun = time.perf_counter()
        dashboard_numbers(period, today)
        for breakdown in BREAKDOWNS.values():
            dashboard_numbers(period, today, breakdown)
        measures.append(time.perf_counter() - begun)
    print(
        f"every measure, overall and by {len(BREAKDOWNS)} breakdowns: "
        f"{', '.join(f'{t:.2f} s' for t in measures)}"
    )
    print(
        f"(a) refresh + every measure for every breakdown: "
        f"{statistics.median(refreshes) + statistics.median(measures):.2f} s (medians)"
    )

    setup_test_environment()
    client = Client()
    client.force_login(User.objects.get(username="manager"))
    insight_refresh()  # fresh figures: the page reads them and asks for no refresh
    for label, query in [("overall", ""), ("by locality", "?breakdown=locality")]:
        queries: list[str] = []

        def count(run: Any, sql: str, *rest: Any, seen: list[str] = queries) -> Any:
            seen.append(sql)
            return run(sql, *rest)

        with connection.execute_wrapper(count):
            client.get("/insight/" + query)
        times = []
        for _ in range(args.requests):
            begun = time.perf_counter()
            response = client.get("/insight/" + query)
            times.append(time.perf_counter() - begun)
            if response.status_code != 200:
                sys.exit(f"/insight/{query} answered {response.status_code}")
        print(
            f"(b) dashboard page, {label}: median {statistics.median(times) * 1000:.0f} ms "
            f"over {len(times)} requests (max {max(times) * 1000:.0f} ms), "
            f"{len(queries)} queries"
        )


if __name__ == "__main__":
    main()
