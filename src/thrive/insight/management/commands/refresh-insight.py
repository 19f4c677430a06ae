from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from thrive.insight.services import insight_refresh
from thrive.insight.tasks import refresh_case_facts


class Command(BaseCommand):
    help = (
        "Bring the SEND data dashboard's figures up to date with the case timelines (the "
        "summary tables the dashboard reads): recount the children whose cases have new "
        "events, or rebuild every row with --full (done anyway at least once a day). The "
        "dashboard asks the worker to do this when its figures are older than "
        "THRIVE_INSIGHT_MAX_AGE_MINUTES (default 15); run this after loading or importing "
        "cases, or from cron. --enqueue leaves it to the worker."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="queue the refresh for the worker (thrive db_worker) instead of running it here",
        )

        parser.add_argument(
            "--full",
            action="store_true",
            help="rebuild every row from every timeline, not only the children with new events",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["enqueue"]:
            result = refresh_case_facts.enqueue()
            self.stdout.write(f"Refresh queued ({result.id}).")
            return
        refresh = insight_refresh(full=options["full"])
        how = "Rebuilt" if refresh.rebuilt_at == refresh.refreshed_at else "Recounted"
        self.stdout.write(
            f"{how}: {refresh.cases:,} cases and {refresh.advice:,} pieces of advice "
            f"counted in {refresh.seconds:.1f} s."
        )
