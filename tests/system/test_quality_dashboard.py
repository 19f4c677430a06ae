"""The quality of EHC plans in a browser: a case officer goes from the dashboard to the plan
quality page, picks a year, follows a figure to the plans behind it and opens one; an analyst
sees the same page with small numbers hidden and no way to the plans. Every page passes
axe-core's WCAG 2.2 AA rules at desktop width and at 320px."""

from collections.abc import Callable
from typing import Any

from tests.factories import make_user
from tests.insight.quality_area import build_area
from tests.system.steps import submit_sign_in
from thrive.accounts.models import User
from thrive.assessments.models import Case


def _sign_in(page: Any, username: str) -> None:
    page.goto("/accounts/sign-in/")
    submit_sign_in(page, username)


def _axe_at_both_widths(page: Any, axe: Any, what: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    axe(page, what)
    page.set_viewport_size({"width": 320, "height": 800})
    axe(page, f"{what} at 320px")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_case_officer_follows_a_figure_to_the_plans(
    page: Any, axe: Any, officer: User, make_case: Callable[..., Case]
) -> None:
    # Given plans issued and audited in 2025, and a case officer
    build_area(officer, make_case)
    _sign_in(page, "officer")

    # When they go from the dashboard to the quality of plans, for 2025
    page.goto("/insight/?period=year&year=2025")
    page.get_by_role("link", name="Quality of EHC plans: audits and automated checks").click()
    page.get_by_label("A calendar year").check()
    page.get_by_label("Calendar year", exact=True).select_option("2025")
    page.get_by_role("button", name="Show figures").click()

    # Then they see every figure, each chart with its table, and the page is accessible
    assert page.get_by_role("heading", name="Quality of EHC plans", exact=True).is_visible()
    for heading in ("Ratings by section", "Trend by month", "Most frequent automated findings"):
        assert page.get_by_role("heading", name=heading, exact=True).is_visible()
    assert page.locator("svg[role=img]").count() == 6
    assert page.get_by_role("table").count() == 7
    _axe_at_both_widths(page, axe, "the plan quality page")

    # When they follow the plans issued without a complete audit
    page.get_by_role("link", name="Without a complete audit, number").click()

    # Then they see the one plan behind the figure, and the list is accessible
    assert page.get_by_role(
        "heading",
        name="Final plans issued in the calendar year 2025 without a complete audit",
    ).is_visible()
    assert page.get_by_role("cell", name="Not audited").is_visible()
    _axe_at_both_widths(page, axe, "the plans behind a figure")

    # When they open the plan, they reach the plan itself
    page.get_by_role("link", name="Cal Example").click()
    assert "/plans/versions/" in page.url


def test_analyst_sees_small_numbers_hidden(
    page: Any, axe: Any, officer: User, make_case: Callable[..., Case]
) -> None:
    # Given the same audits, and an analyst
    build_area(officer, make_case)
    make_user("analyst", "analyst")
    _sign_in(page, "analyst")

    # When they look at the quality of plans in 2025
    page.goto("/insight/quality/?period=year&year=2025")

    # Then small numbers are hidden, nothing links to a child's plan, and the page is accessible
    assert page.get_by_text("[c] means the figure is hidden").is_visible()
    assert page.locator("a[href^='/insight/quality/plans/']").count() == 0
    _axe_at_both_widths(page, axe, "the plan quality page, suppressed")
