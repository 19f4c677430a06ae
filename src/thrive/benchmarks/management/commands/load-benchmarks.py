import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from thrive.benchmarks.loader import SUBSETS, DataRefused
from thrive.benchmarks.measures import BY_KEY, period_label
from thrive.benchmarks.services import LoadReport, benchmarks_load


class Command(BaseCommand):
    help = (
        "Load the published statistics the benchmarks pages compare against: DfE EHC plan "
        "statistics (release 2025, and the 2014 to 2021 series from release 2022), DfE "
        "statistical neighbours and ONS population aged 0 to 25. PATH is the folder holding "
        "ehcp-stats/ and population/. Running it again replaces what it loaded before."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--data", type=Path, required=True, help="The data folder.")
        parser.add_argument(
            "--only",
            default="",
            help=f"Load only these, separated by commas: {', '.join(SUBSETS)}.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Read and check everything; write nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        only = {s.strip() for s in options["only"].split(",") if s.strip()} or None
        started = time.perf_counter()
        try:
            report = benchmarks_load(
                actor=None, data=options["data"], only=only, dry_run=options["dry_run"]
            )
        except DataRefused as refusal:
            raise CommandError(f"Nothing was loaded. {refusal}") from None
        self._print(report, seconds=time.perf_counter() - started)

    def _print(self, report: LoadReport, *, seconds: float) -> None:
        out = self.stdout.write
        out(("Checked" if not report.written else "Loaded") + f" {len(report.files)} files:")
        for name in report.files:
            out(f"  {name}")
        for key, rows in sorted(report.rows_per_measure.items()):
            low, high = report.periods_per_measure[key]
            out(f"  {BY_KEY[key].name}: {rows} rows, {period_label(low)} to {period_label(high)}")
        out(
            f"  {report.local_authorities} local authorities "
            f"({report.local_authorities_added} new), {report.neighbours} statistical "
            f"neighbour rows, {report.population_rows} population rows"
        )
        if not report.written:
            out("Dry run: nothing was written.")
        out(f"Took {seconds:.1f} seconds.")
