"""Time the SEN2 return for a large area on PostgreSQL: build it from the records, validate
it (every rule) and write it as XML (and as CSV modules), as the export button does. Issue 7
asks for export and validation of 25,000 plans in under 10 s.

Usage: DATABASE_URL=postgres://... .venv/bin/python benchmarks/sen2_export.py \
           [--children 50000] [--established-plans 0.5] [--runs 3]
Default database: postgres://postgres@127.0.0.1:5432/thrive_sen2_bench, created when missing.
Generates the area once (about 25,000 plans maintained in the year with the defaults) and
reuses it."""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = "postgres://postgres@127.0.0.1:5432/thrive_sen2_bench"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thrive.config.settings.local")
os.environ.setdefault("DATABASE_URL", DEFAULT)


def _ensure_database(url: str) -> None:
    if not url.startswith("postgres"):
        return
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    server = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if exists.fetchone() is None:
            connection.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--children", type=int, default=50_000)
    parser.add_argument("--established-plans", type=float, default=0.5)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    _ensure_database(os.environ["DATABASE_URL"])

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from thrive.people.models import Child
    from thrive.returns.sen2.build import build_return, collection_year_for, reference_date_for
    from thrive.returns.sen2.csv_modules import write_csv_zip
    from thrive.returns.sen2.rules import validate
    from thrive.returns.sen2.xml_writer import write_xml

    call_command("migrate", verbosity=0)
    if not Child.objects.exists():
        started = time.perf_counter()
        call_command(
            "generate-area",
            children=args.children,
            seed=1,
            years=4,
            established_plans=args.established_plans,
        )
        print(f"generated in {time.perf_counter() - started:.0f} s", flush=True)
    # The latest collection whose census day has passed: the one with the most history.
    today = timezone.localdate()
    year = collection_year_for(today)
    if reference_date_for(year) > today:
        year -= 1
    la = settings.THRIVE_LA_CODE
    timings: dict[str, list[float]] = {"build": [], "validate": [], "xml": [], "csv": []}
    for _ in range(args.runs):
        started = time.perf_counter()
        ret = build_return(
            year=year, reference_date=reference_date_for(year), la_code=la, dmo="Y", dco="Y"
        )
        built = time.perf_counter()
        findings = validate(ret, la_code=la)
        checked = time.perf_counter()
        xml = write_xml(ret)
        written = time.perf_counter()
        write_csv_zip(ret)
        zipped = time.perf_counter()
        timings["build"].append(built - started)
        timings["validate"].append(checked - built)
        timings["xml"].append(written - checked)
        timings["csv"].append(zipped - written)
    requests = [r for p in ret.persons for r in p.requests]
    plans = sum(1 for r in requests if r.active_plan is not None)
    named = sum(1 for r in requests if r.assessment and r.assessment.named_plan)
    print(
        f"database: {connection.vendor}; collection {year} (census {reference_date_for(year)}); "
        f"{len(ret.persons):,} people, {len(requests):,} requests, {named:,} named plans, "
        f"{plans:,} plans maintained in the year; {len(findings):,} findings; "
        f"XML {len(xml) / 1e6:.1f} MB"
    )
    medians = {step: statistics.median(times) for step, times in timings.items()}
    for step, value in medians.items():
        print(f"  {step:<9} {value:6.2f} s (median of {args.runs})")
    total = medians["build"] + medians["validate"] + medians["xml"]
    print(f"  build + validate + XML: {total:.2f} s (target under 10 s)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
