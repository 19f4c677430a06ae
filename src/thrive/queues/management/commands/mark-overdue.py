import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from thrive.law import clock
from thrive.queues.services import overdue_steps_mark
from thrive.queues.tasks import mark_overdue_steps


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--today must be a date like 2026-03-02, not {text!r}") from None


class Command(BaseCommand):
    help = (
        "Record the review and amendment steps that have become overdue and tell each case "
        "officer and their team's SEND managers, once per step. Run it once a day, like "
        "send-reminders, from cron: '35 7 * * * thrive mark-overdue' (or with --enqueue, to "
        "leave it to the task worker). Running it again the same day sends nothing new."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today", type=_day, help="Mark the steps overdue on this day (YYYY-MM-DD)."
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="queue the run for the worker (thrive db_worker) instead of running it here",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["enqueue"]:
            if options["today"]:
                raise CommandError("--enqueue runs for today; leave out --today.")
            result = mark_overdue_steps.enqueue()
            self.stdout.write(f"Run queued ({result.id}).")
            return
        today = options["today"] or timezone.localdate()
        marked = overdue_steps_mark(today=today)
        self.stdout.write(
            f"{clock.render_date(today)}: {marked.overdue} step(s) overdue, {marked.new} newly "
            f"overdue, {marked.messages} message(s) queued."
        )
