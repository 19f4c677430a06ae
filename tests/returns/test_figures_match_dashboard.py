"""Issue 7 part 5: the SEN2 return's counts equal the dashboard's measures for the same year,
on a generated area. Both read the same milestones (`insight.timelines.case_milestones`) and
count exceptions the same way, so they agree by construction; this proves it.

Where the definitions differ (docs/returns.md, "SEN2 return": the dashboard dates a decision
to issue by the decision, SEN2 by the plan) the test checks the parts that agree: decisions
not to issue, and plans issued."""

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction

from thrive.demo.generator import generate_area
from thrive.insight import selectors
from thrive.insight.periods import calendar_year
from thrive.insight.services import insight_refresh
from thrive.returns.sen2.build import build_return, period_for, reference_date_for, return_counts

TODAY = dt.date(2026, 11, 23)
YEARS = (2024, 2025, 2026)  # collections: flows in 2023, 2024, 2025


@pytest.fixture(scope="module")
def figures(django_db_setup: Any, django_db_blocker: Any) -> Iterator[dict[int, Any]]:
    """{collection year: (the return's counts, the dashboard's counts for its flow year)}."""
    with django_db_blocker.unblock(), transaction.atomic():
        generate_area(children=400, seed=3, years=4, today=TODAY, established=0.4)
        insight_refresh(full=True)
        found = {}
        for year in YEARS:
            ret = build_return(year=year, reference_date=reference_date_for(year), la_code="938")
            dashboard = selectors.group_counts(calendar_year(year - 1))[selectors.ALL]
            found[year] = (return_counts(ret, *period_for(year)), dashboard)
        yield found
        transaction.set_rollback(True)


@pytest.mark.django_db
@pytest.mark.parametrize("year", YEARS)
def test_the_return_counts_equal_the_dashboard(figures: dict[int, Any], year: int) -> None:
    counts, dashboard = figures[year]
    assert counts.requests == dashboard["requests"]
    assert counts.plans == dashboard["plans"]
    assert counts.plans_in_time == dashboard["plans_in_time"]
    assert counts.plans_ex == dashboard["plans_ex"]
    assert counts.plans_in_time_ex == dashboard["plans_in_time_ex"]
    assert counts.not_issued == dashboard["not_issued"]


@pytest.mark.django_db
def test_the_area_has_something_to_compare(figures: dict[int, Any]) -> None:
    counts, _ = figures[2026]
    assert counts.requests > 20
    assert counts.plans > 10
    assert 0 < counts.plans_in_time < counts.plans
    assert counts.plans_ex < counts.plans  # some plans had an exception
