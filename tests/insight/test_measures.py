"""Every measure against the hand-worked answers for the area in conftest.py."""

import csv
import datetime as dt
import io
from typing import Any

import pytest

from tests.factories import TODAY
from thrive.assessments.selectors import case_clock
from thrive.core.models import AuditEntry
from thrive.insight import presenters, selectors, timelines
from thrive.insight.breakdowns import BREAKDOWNS
from thrive.insight.measures import BY_KEY
from thrive.insight.periods import calendar_year, rolling_12_months
from thrive.insight.selectors import _percentile

YEAR = calendar_year(2025)


def _all(period: Any = YEAR) -> dict[str, Any]:
    return selectors.dashboard_numbers(period, TODAY)[selectors.ALL]


def test_requests_and_their_outcomes(area: Any) -> None:
    n = _all()
    assert n["requests"] == 7  # C arrived in 2024
    assert (n["not_assessed"], n["assessed"], n["withdrawn"], n["undecided"]) == (1, 4, 1, 1)


def test_assessments_not_issued_by_decision_date(area: Any) -> None:
    n = _all()
    assert (n["assess_decided"], n["not_issued"]) == (5, 1)  # C's decision fell in 2025


def test_plans_within_20_weeks_day_140_in_day_141_out(area: Any) -> None:
    n = _all()
    assert (n["plans"], n["plans_in_time"]) == (4, 1)  # only A, on day 140


def test_excluding_exceptions_leaves_out_only_qualifying_exceptions(area: Any) -> None:
    n = _all()
    assert (n["plans_ex"], n["plans_in_time_ex"]) == (3, 1)  # C left out, H's short closure not


def test_exception_flag_agrees_with_the_statutory_clock(area: Any) -> None:
    rows = {r["child_id"]: r for r in timelines.case_milestones()}
    for case in (area["A"], area["C"], area["H"]):
        row = rows[case.child_id]
        due = row["received_on"] + dt.timedelta(days=140)
        sql_says = row["excepted_from"] is not None and row["excepted_from"] <= min(
            row["final_on"], due
        )
        assert sql_says == case_clock(case, today=TODAY).exceptions_apply


def test_weeks_to_plan_median_and_90th_percentile(area: Any) -> None:
    n = _all()
    assert n["median_weeks"] == pytest.approx((141 + 176) / 2 / 7)
    assert n["p90_weeks"] == pytest.approx((176 + 0.7 * 36) / 7)


def test_percentile_matches_linear_interpolation() -> None:
    assert _percentile([1.0], 0.9) == 1.0
    assert _percentile([140.0, 141.0, 212.0], 0.9) == pytest.approx(197.8)


def test_advice_within_six_weeks(area: Any) -> None:
    n = _all()
    assert (n["advice"], n["advice_in_time"]) == (2, 1)  # 42 days in, 43 days out
    by_contributor = selectors.advice_counts(YEAR, by_contributor=True)
    assert by_contributor == {"educational_psychology": {"advice": 2, "advice_in_time": 1}}


def test_open_cases_past_a_deadline_today(area: Any) -> None:
    n = _all()
    assert (n["open"], n["overdue"]) == (1, 1)


def test_active_plans_at_the_end_of_the_period(area: Any) -> None:
    assert _all()["active_plans"] == 4
    assert _all(calendar_year(2024))["active_plans"] == 0


def test_rolling_12_months_crosses_the_year_end(area: Any) -> None:
    period = rolling_12_months(dt.date(2025, 6, 30))
    assert (period.start, period.end) == (dt.date(2024, 7, 1), dt.date(2025, 6, 30))
    n = _all(period)
    assert n["requests"] == 7  # C (November 2024) in, F (December 2025) out
    assert n["plans"] == 3  # H's plan (1 July 2025) falls after


def test_rolling_12_months_from_29_february() -> None:
    assert rolling_12_months(dt.date(2028, 2, 29)).start == dt.date(2027, 3, 1)


def test_breakdown_by_locality(area: Any) -> None:
    grouped = selectors.dashboard_numbers(YEAR, TODAY, BREAKDOWNS["locality"])
    assert (grouped["BN3"]["plans"], grouped["BN3"]["plans_in_time"]) == (3, 1)
    assert (grouped["BN17"]["plans"], grouped["BN17"]["plans_in_time"]) == (1, 0)


def test_every_breakdown_adds_up_to_the_whole(area: Any) -> None:
    whole = _all()
    for breakdown in BREAKDOWNS.values():
        grouped = selectors.dashboard_numbers(YEAR, TODAY, breakdown)
        for name in ("requests", "plans", "advice", "open", "active_plans"):
            assert sum(g.get(name, 0) for g in grouped.values()) == whole[name], breakdown.key


def test_age_group_is_the_age_when_the_request_arrived(make_case: Any, refreshed: Any) -> None:
    make_case(received_on=dt.date(2025, 5, 3), date_of_birth=dt.date(2020, 5, 4))  # 4
    make_case(received_on=dt.date(2025, 5, 4), date_of_birth=dt.date(2020, 5, 4))  # 5
    refreshed()
    grouped = selectors.group_counts(YEAR, BREAKDOWNS["age_group"])
    assert grouped["under_5"]["requests"] == 1
    assert grouped["5_to_10"]["requests"] == 1


def test_a_29_february_birthday_falls_on_1_march(make_case: Any, refreshed: Any) -> None:
    leapling = dt.date(2020, 2, 29)
    make_case(received_on=dt.date(2025, 2, 28), date_of_birth=leapling)  # 4
    make_case(received_on=dt.date(2025, 3, 1), date_of_birth=leapling)  # 5
    make_case(received_on=dt.date(2024, 2, 29), date_of_birth=dt.date(2019, 3, 1))  # 4
    refreshed()
    grouped = selectors.group_counts(calendar_year(2025), BREAKDOWNS["age_group"])
    assert (grouped["under_5"]["requests"], grouped["5_to_10"]["requests"]) == (1, 1)
    assert (
        selectors.group_counts(calendar_year(2024), BREAKDOWNS["age_group"])["under_5"]["requests"]
        == 1
    )


def test_spread_sentence_names_the_lowest_and_highest(area: Any) -> None:
    breakdown = BREAKDOWNS["locality"]
    grouped = selectors.dashboard_numbers(YEAR, TODAY, breakdown)
    measure = BY_KEY["plans_20_weeks"]
    view = presenters.headline(measure, _all(), suppress=False, population=None)
    view = presenters.breakdown_view(view, breakdown, grouped, suppress=False)
    assert "ranged from 0% in BN17 to 33% in BN3" in view.spread
    assert 'role="img"' in view.chart


def test_rate_per_10_000_or_population_not_loaded(area: Any) -> None:
    measure = BY_KEY["requests"]
    with_population = presenters.headline(measure, _all(), suppress=False, population=70_000)
    assert with_population.rate.startswith("1.0 per 10,000")
    assert (
        "Population not loaded"
        in presenters.headline(measure, _all(), suppress=False, population=None).rate
    )


def test_small_numbers_suppressed_for_analysts_only(area: Any) -> None:
    measure = BY_KEY["plans_20_weeks"]
    hidden = presenters.headline(measure, _all(), suppress=True, population=None)
    shown = presenters.headline(measure, _all(), suppress=False, population=None)
    assert hidden.headline.text == "[c]"
    assert shown.headline.text == "25%"


@pytest.mark.parametrize("visitor", ["analyst", "case_officer"])
def test_dashboard_page(visitor: str, client: Any, world: Any, area: Any) -> None:
    world.sign_in(client, visitor)
    response = client.get("/insight/", {"period": "year", "year": "2025", "breakdown": "sex"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "By sex" in body
    assert "How this is worked out" in body
    assert ("[c]" in body) is (visitor == "analyst")
    assert world.child.first_name not in body


def test_csv_always_suppressed_and_audited(client: Any, world: Any, area: Any) -> None:
    world.sign_in(client, "case_officer")
    response = client.get(
        "/insight/",
        {"year": "2025", "breakdown": "locality", "format": "csv", "measure": "plans_20_weeks"},
    )
    assert response.status_code == 200
    assert (
        "plans_20_weeks-by-locality-2025-01-01-to-2025-12-31.csv" in response["Content-Disposition"]
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "Locality (postcode district)"
    assert all(cell == "[c]" for row in rows[1:] for cell in row[1:] if cell not in ("0", ""))
    entry = AuditEntry.objects.get(action="export")
    assert entry.child_id is None
    assert entry.object_type == "people.localauthority"


def test_rolling_period_needs_a_date(client: Any, world: Any) -> None:
    world.sign_in(client, "analyst")
    response = client.get("/insight/", {"period": "rolling"})
    assert response.status_code == 400
    assert "Enter the last day of the 12 months" in response.content.decode()
