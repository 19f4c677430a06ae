"""Time the data dashboard at national scale: (a) a refresh of every measure for every
breakdown, as the worker does every 15 minutes (recounting the children with a day's new events,
then working out the dashboard's figures by every breakdown), and the nightly rebuild of every
row; (b) the dashboard page (median of 20 requests, server time through Django's test client).

Usage: .venv/bin/python benchmarks/dashboard.py [--children N] [--years Y] [--national]
--national generates England-sized figures: 850,000 children and young people, 44% with a plan
issued before the 5 years of requests (about 650,000 plans), timelines only. Uses
var/bench-caseload.sqlite3 (shared with benchmarks/caseload.py), or PostgreSQL when
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
    parser.add_argument("--established-plans", type=float, default=0.0)
    parser.add_argument("--timelines-only", action="store_true")
    parser.add_argument("--national", action="store_true", help="England-sized (see above)")
    parser.add_argument(
        "--day-of-events",
        type=int,
        default=6_000,
        help="events recorded since the last refresh (England: about 150,000 requests a year, "
        "7 to 10 events each, so about 5,000 a working day)",
    )
    args = parser.parse_args()
    if args.national:
        args.children, args.years = 850_000, 5
        args.established_plans, args.timelines_only = 0.44, True

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.utils import timezone

    from thrive.accounts.models import User
    from thrive.assessments.models import Case, CaseEvent
    from thrive.assessments.selectors import summary_cache
    from thrive.insight.breakdowns import BREAKDOWNS
    from thrive.insight.models import CaseFacts, Figures, Refresh
    from thrive.insight.services import insight_refresh
    from thrive.people.models import Child

    (ROOT / "var").mkdir(exist_ok=True)
    call_command("migrate", verbosity=0)
    if not Child.objects.exists():
        call_command(
            "generate-area",
            children=args.children,
            seed=1,
            years=args.years,
            established_plans=args.established_plans,
            timelines_only=args.timelines_only,
        )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # planner statistics, as after any bulk load
                cursor.execute("ANALYZE")
    today = timezone.localdate()
    events = CaseEvent.objects.count()
    print(f"database: {connection.vendor}; cases: {Case.objects.count():,}; events: {events:,}")

    begun = time.perf_counter()
    summary_cache.summaries(today)  # the caseload's clocks of open cases, once a day a process
    print(
        f"open cases' clocks (caseload cache, first use in a process): "
        f"{time.perf_counter() - begun:.2f} s"
    )
    rebuilds = _timed(args.refreshes, lambda: insight_refresh(full=True))
    refresh = Refresh.objects.get()
    print(
        f"nightly rebuild of every row ({refresh.cases:,} cases, {refresh.advice:,} pieces of "
        f"advice) and the figures by every breakdown: {_list(rebuilds)}"
    )
    top = CaseEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0

    def after_a_day() -> Any:
        # As if the last refresh was a day's events ago: the same children are recounted.
        Refresh.objects.update(event_mark=top - args.day_of_events)
        return insight_refresh()

    refreshes = _timed(args.refreshes, after_a_day)
    refresh = Refresh.objects.get()
    print(
        f"(a) refresh after {args.day_of_events:,} new events ({refresh.cases:,} cases "
        f"recounted) and every measure for all {len(BREAKDOWNS)} breakdowns: "
        f"{_list(refreshes)}; median {statistics.median(refreshes):.2f} s"
    )
    figures = Figures.objects.filter(as_of=refresh.refreshed_at).count()
    print(f"    figures kept for the dashboard's first page: {figures} breakdowns")
    print(f"children with a plan: {CaseFacts.objects.filter(childs_first_plan=True).count():,}")

    setup_test_environment()
    client = Client()
    client.force_login(User.objects.get(username="manager"))
    insight_refresh()  # fresh figures: the page reads them and asks for no refresh
    client.get("/insight/")  # the first request in a process loads templates and the charts
    begun = time.perf_counter()
    client.get(f"/insight/?year={today.year - 2}&breakdown=primary_need")
    print(
        f"(b) a period no page has asked for since the refresh (worked out, then kept): "
        f"{(time.perf_counter() - begun) * 1000:.0f} ms"
    )
    for label, query in [
        ("first page", ""),
        ("by primary need", "?breakdown=primary_need"),
        ("that other period again", f"?year={today.year - 2}&breakdown=primary_need"),
    ]:
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


def _timed(times: int, run: Any) -> list[float]:
    seconds = []
    for _ in range(times):
        begun = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - begun)
    return seconds


def _list(seconds: list[float]) -> str:
    return ", ".join(f"{t:.2f} s" for t in seconds)


if __name__ == "__main__":
    main()
