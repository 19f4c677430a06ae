from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from thrive.insight.services import insight_refresh
from thrive.insight.tasks import refresh_case_facts


class Command(BaseCommand):
    help = (
        "Count the SEND data dashboard's figures again from every case's timeline (the "
        "summary tables the dashboard reads). The dashboard asks the worker to do this when "
        "its figures are older than THRIVE_INSIGHT_MAX_AGE_MINUTES (default 15); run this "
        "after loading or importing cases, or from cron. --enqueue leaves it to the worker."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="queue the refresh for the worker (thrive db_worker) instead of running it here",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["enqueue"]:
            result = refresh_case_facts.enqueue()
            self.stdout.write(f"Refresh queued ({result.id}).")
            return
        refresh = insight_refresh()
        self.stdout.write(
            f"Counted {refresh.cases:,} cases and {refresh.advice:,} pieces of advice "
            f"in {refresh.seconds:.1f} s."
        )
