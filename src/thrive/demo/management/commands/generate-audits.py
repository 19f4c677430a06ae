"""`thrive generate-audits`: audits of the demo area's plans, for the quality dashboard."""

import time
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from thrive.demo.audits import MONTHS, area_has_audits, generate_audits


class Command(BaseCommand):
    help = (
        "Audit most final plans, and some drafts, issued in the synthetic area in the last "
        "two years, as education, health and social care auditors would, with the odd "
        "disagreement a SEND manager moderates. Deterministic for the same seed and date."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            default=None,
            help="the date the audits run up to, YYYY-MM-DD (default: today)",
        )
        parser.add_argument(
            "--months",
            type=int,
            default=MONTHS,
            help=f"how many months back plans are audited (default {MONTHS})",
        )
        parser.add_argument(
            "--if-empty", action="store_true", help="do nothing if any plan audit is recorded"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and area_has_audits():
            self.stdout.write(
                "The database already holds plan audits, so none were generated (--if-empty)."
            )
            return
        started = time.perf_counter()
        try:
            summary = generate_audits(
                seed=options["seed"], today=options["today"], months=max(1, options["months"])
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        seconds = time.perf_counter() - started
        rated = ", ".join(
            f"{count:,} {rating.replace('_', ' ')}" for rating, count in summary.ratings.items()
        )
        self.stdout.write(
            f"Generated {summary.audits:,} plan audits ({summary.finals:,} of final plans, "
            f"{summary.drafts:,} of drafts; {summary.moderated:,} moderated): {rated}; "
            f"in {seconds:.1f} s."
        )
