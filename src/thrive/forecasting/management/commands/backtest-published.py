import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from thrive.forecasting.backtest.evaluate import (
    HORIZONS,
    MIN_HISTORY,
    best_by_horizon,
    format_table,
    rolling_origin,
    summarise,
)
from thrive.forecasting.backtest.published import (
    CASELOAD,
    CASELOAD_2022,
    read_caseload,
    read_caseload_2022,
)


class Command(BaseCommand):
    help = (
        "Back-test the forecasting methods on DfE's published EHC plan totals for every council "
        "in England: for each council and origin year with at least four years of history, "
        "forecast one to three years ahead and print MAPE, bias and interval coverage by "
        "method and horizon. DATA is the folder holding ehcp-stats/."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "data",
            nargs="?",
            type=Path,
            default=Path("../shared/data"),
            help="The data folder (default ../shared/data).",
        )
        parser.add_argument(
            "--england", action="store_true", help="Also back-test England's total."
        )
        parser.add_argument(
            "--development",
            action="store_true",
            help=(
                "Back-test on the earlier series instead (release 2022, January 2010-2022): "
                "the data the methods were chosen on, kept apart from the 2025 release."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        data: Path = options["data"]
        if options["development"]:
            self._development(data)
            return
        if not (data / CASELOAD).is_file():
            raise CommandError(f"{data / CASELOAD} was not found.")
        started = time.perf_counter()
        published = read_caseload(data)
        rows = summarise(rolling_origin(published.las.values()))
        seconds = time.perf_counter() - started
        usable = sum(1 for s in published.las.values() if s.years.size > MIN_HISTORY)
        self.stdout.write(
            f"Councils: {len(published.las)} series, {usable} with more than {MIN_HISTORY} "
            f"years; horizons 1 to {HORIZONS}."
        )
        self.stdout.write(format_table(rows))
        for horizon, method in best_by_horizon(rows).items():
            self.stdout.write(f"Lowest MAPE at {horizon} year(s) ahead: {method}")
        if options["england"]:
            self.stdout.write("\nEngland total:")
            self.stdout.write(format_table(summarise(rolling_origin([published.england]))))
        self.stdout.write(f"Took {seconds:.1f} s.")

    def _development(self, data: Path) -> None:
        if not (data / CASELOAD_2022).is_file():
            raise CommandError(f"{data / CASELOAD_2022} was not found.")
        series = read_caseload_2022(data).values()
        self.stdout.write(
            "Development back-test: release 2022, origins to 2021, January 2010-2022."
        )
        rows = summarise(rolling_origin(series))
        self.stdout.write(format_table(rows))
        for horizon, method in best_by_horizon(rows).items():
            self.stdout.write(f"Lowest MAPE at {horizon} year(s) ahead: {method}")
