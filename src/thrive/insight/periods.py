"""The periods figures are reported for: a calendar year, as DfE publishes its SEN2 statistics,
or the 12 months ending on a chosen day."""

import datetime as dt
from dataclasses import dataclass

from thrive.law.clock import render_date


@dataclass(frozen=True)
class Period:
    """Every day from `start` to `end`, both included."""

    start: dt.date
    end: dt.date
    label: str

    @property
    def year(self) -> int:
        """The year whose population a rate uses: the year the period ends in."""
        return self.end.year


def calendar_year(year: int) -> Period:
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), f"the calendar year {year}")


def rolling_12_months(end: dt.date) -> Period:
    """The 12 months ending on `end`: 1 March 2025 to 28 February 2026 for 28 February 2026."""
    try:
        start = end.replace(year=end.year - 1) + dt.timedelta(days=1)
    except ValueError:  # 29 February: the year before has no such day
        start = dt.date(end.year - 1, 3, 1)
    return Period(start, end, f"the 12 months from {render_date(start)} to {render_date(end)}")


def latest_full_year(today: dt.date) -> Period:
    """The last calendar year to have ended: the dashboard's first page, as DfE publishes."""
    return calendar_year(today.year - 1)
