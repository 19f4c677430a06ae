"""Shared wording: dates written out as GOV.UK style does, counts of days."""

import datetime as dt

from django.utils import timezone

from thrive.law import clock


def days(n: int) -> str:
    return f"{n} day{'' if n == 1 else 's'}"


def date(day: dt.date) -> str:
    """ "17 December 2025", in English whatever the process locale."""
    return clock.render_date(day)


def given_on(given_at: dt.datetime) -> str:
    """The local date a family's contribution arrived."""
    return date(timezone.localdate(given_at))
