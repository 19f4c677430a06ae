"""The dashboard's "Appeals to the SEND Tribunal": appeals registered per 10,000 EHC plans by
calendar year, worked out by hand from known rows (the census day, the plans counted on it,
the appeals), with small numbers hidden from those who must not see them."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from tests.factories import TODAY
from thrive.assessments.models import Case
from thrive.disputes import services
from thrive.insight.appeals import appeal_rates, census_day, plans_on_census_days
from thrive.insight.models import CaseFacts

D = dt.date


def _plan(case_id: int, final_on: dt.date | None, *, first: bool = True) -> None:
    """A summary row as the refresh writes it; ids far from the test's real cases."""
    CaseFacts.objects.create(
        case_id=case_id,
        child_id=case_id,
        received_on=None if final_on is None else final_on - dt.timedelta(days=100),
        final_on=final_on,
        days_to_plan=None if final_on is None else 100,
        childs_first_plan=first,
        locality="",
        primary_need="",
        age_group="",
        sex="",
        ethnicity="",
        setting_type="",
    )


@pytest.fixture
def plans(db: Any) -> None:
    """On 16 January 2025 (the census day): 4 plans. On 15 January 2026: 5.
    A second plan of a child already counted, and a case with no plan, never count."""
    for n, final_on in enumerate(
        (D(2023, 5, 1), D(2024, 2, 1), D(2024, 12, 31), D(2025, 1, 16), D(2025, 1, 17)),
        start=9001,
    ):
        _plan(n, final_on)
    _plan(9010, D(2024, 6, 1), first=False)
    _plan(9011, None)
    _plan(9012, D(2026, 1, 16))  # the day after the 2026 census day


@pytest.fixture
def appeals(officer: Any, make_case: Callable[..., Case]) -> None:
    """3 appeals registered in 2025 and 1 in 2024."""
    case = make_case()
    for registered_on in (D(2024, 7, 1), D(2025, 2, 3), D(2025, 6, 30), D(2025, 12, 31)):
        services.appeal_record(
            actor=officer,
            case=case,
            subject="plan_content",
            decision_letter_on=D(2024, 6, 1),
            registered_on=registered_on,
            today=TODAY,
        )


@pytest.mark.parametrize(
    ("year", "day"),
    [(2025, D(2025, 1, 16)), (2026, D(2026, 1, 15)), (2027, D(2027, 1, 21))],
)
def test_the_census_day_is_the_third_thursday_of_january(year: int, day: dt.date) -> None:
    assert census_day(year) == day
    assert day.weekday() == 3


def test_plans_are_counted_on_each_census_day(plans: None) -> None:
    assert plans_on_census_days([2024, 2025, 2026]) == {2024: 1, 2025: 4, 2026: 5}


def test_appeals_per_10_000_plans_by_year(plans: None, appeals: None) -> None:
    rates = appeal_rates(TODAY, suppress=False)  # today is 2 March 2026
    assert [r.year for r in rates] == [2026, 2025, 2024]
    y2026, y2025, y2024 = rates
    assert (y2025.appeals.text, y2025.plans.text, y2025.rate.value) == ("3", "4", 7_500.0)
    assert y2025.rate.text == "7,500.0"
    assert (y2026.appeals.value, y2026.plans.value, y2026.rate.text) == (0.0, 5.0, "0.0")
    assert (y2024.appeals.value, y2024.plans.value, y2024.rate.value) == (1.0, 1.0, 10_000.0)
    assert y2025.census_day == D(2025, 1, 16)


def test_a_year_without_plans_has_no_rate(appeals: None) -> None:
    _, y2025, _ = appeal_rates(TODAY, suppress=False)
    assert (y2025.plans.value, y2025.rate.text, y2025.rate.value) == (0.0, "None (no plans)", None)


def test_small_numbers_and_their_rate_are_hidden(plans: None, appeals: None) -> None:
    _, y2025, _ = appeal_rates(TODAY, suppress=True)
    assert (y2025.appeals.text, y2025.plans.text, y2025.rate.text) == ("[c]", "[c]", "[c]")


def test_no_appeals_no_rows(plans: None) -> None:
    assert appeal_rates(TODAY, suppress=False) == []


@pytest.mark.parametrize(
    ("visitor", "shown"),
    # With the world's own appeal, 4 in 2025: 4 / 4 plans x 10,000.
    [("case_officer", ">10,000.0<"), ("analyst", ">[c]<")],
)
def test_the_dashboard_shows_the_section(
    visitor: str, shown: str, client: Any, world: Any, plans: None, appeals: None
) -> None:
    world.sign_in(client, visitor)
    response = client.get("/insight/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Appeals to the SEND Tribunal" in page
    assert "Appeals to the SEND Tribunal per 10,000 EHC plans, by calendar year" in page
    section = page[page.index('id="appeals"') :]
    assert '<th scope="row" class="govuk-table__header">2025</th>' in section
    assert shown in section
