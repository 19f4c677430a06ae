import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from thrive.advice.reminders import reminders_send
from thrive.law import clock


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--today must be a date like 2026-03-02, not {text!r}") from None


class Command(BaseCommand):
    help = (
        "Send today's reminders: advice that became overdue yesterday (to the practitioner or "
        "inbox asked, and the case officer), and families whose 15 days to comment on a draft "
        "plan end in 2 days. Run it once a day, for example from cron: "
        "'30 7 * * * thrive send-reminders'. Running it again the same day sends nothing new."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today",
            type=_day,
            help="Send the reminders due on this day (YYYY-MM-DD) instead of today.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["today"] or timezone.localdate()
        sent = reminders_send(today=today)
        self.stdout.write(
            f"{clock.render_date(today)}: {sent.advice_overdue} overdue advice reminder(s) and "
            f"{sent.comments_closing} draft plan comment reminder(s) sent."
        )
