"""Appeals to the SEND Tribunal per 10,000 EHC plans, by calendar year, for the dashboard.

DfE and the Tribunal publish appeal rates as appeals registered in a year per 10,000 EHC plans
(SEN2's January caseload). Here: the appeals the Tribunal registered in the calendar year
(`disputes.selectors.appeals_registered_by_year`) divided by the EHC plans in place on that
year's January census day, as the dashboard's own "Active EHC plans" counts them (children with
a final plan issued on or before the day, each counted once, from the summary table as of the
last refresh), times 10,000. Small numbers are hidden as elsewhere on the dashboard, and the
rate with them, since it would reveal the count.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q

from thrive.disputes.selectors import appeals_registered_by_year

from .models import CaseFacts
from .suppression import HIDDEN, Figure, count_figure, is_small

PER_PLANS = 10_000
THURSDAY = 3


def census_day(year: int) -> dt.date:
    """The January census day: the third Thursday of January (statutory.md, SEN2 [U])."""
    first = dt.date(year, 1, 1)
    first_thursday = first + dt.timedelta(days=(THURSDAY - first.weekday()) % 7)
    return first_thursday + dt.timedelta(weeks=2)


@dataclass(frozen=True)
class AppealRate:
    """One calendar year: appeals registered, plans on the census day, and the rate."""

    year: int
    census_day: dt.date
    appeals: Figure
    plans: Figure
    rate: Figure


def plans_on_census_days(years: list[int]) -> dict[int, int]:
    """{year: EHC plans in place on its January census day}, in one query."""
    if not years:
        return {}
    counts = CaseFacts.objects.aggregate(
        **{
            str(year): Count("pk", filter=Q(childs_first_plan=True, final_on__lte=census_day(year)))
            for year in years
        }
    )
    return {int(year): n for year, n in counts.items()}


def _rate(appeals: int, plans: int, *, suppress: bool) -> Figure:
    if plans == 0:
        return Figure("None (no plans)", None)
    if suppress and is_small(appeals):
        return HIDDEN
    rate = appeals * PER_PLANS / plans
    return Figure(f"{rate:,.1f}", rate)


def appeal_rates(today: dt.date, *, suppress: bool) -> list[AppealRate]:
    """Every calendar year from the first appeal registered to this one, newest first; an
    empty list when no appeal is recorded."""
    appeals = appeals_registered_by_year()
    if not appeals:
        return []
    years = list(range(today.year, min(appeals) - 1, -1))
    plans = plans_on_census_days(years)
    return [
        AppealRate(
            year=year,
            census_day=census_day(year),
            appeals=count_figure(appeals.get(year, 0), suppress=suppress),
            plans=count_figure(plans[year], suppress=suppress),
            rate=_rate(appeals.get(year, 0), plans[year], suppress=suppress),
        )
        for year in years
    ]
