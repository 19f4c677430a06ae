"""The SEND data dashboard in a browser: an analyst picks a year and a breakdown, and every
version of the page passes axe-core's WCAG 2.2 AA rules at desktop width and at 320px."""

import datetime as dt
from typing import Any

from tests.factories import make_user, step
from tests.system.steps import submit_sign_in
from thrive.law.clock import Contributor


def _sign_in(page: Any, username: str) -> None:
    page.goto("/accounts/sign-in/")
    submit_sign_in(page, username)


def test_analyst_compares_localities(page: Any, axe: Any, make_case: Any) -> None:
    # Given a year of requests across two localities, and an analyst
    for n, postcode in enumerate(["BN3 1AA"] * 6 + ["BN17 5XX"] * 6):
        make_case(
            received_on=dt.date(2025, 1, 6) + dt.timedelta(days=n),
            postcode=postcode,
            steps=(
                step("decision_to_assess", dt.date(2025, 2, 14), outcome=True),
                step(
                    "advice_requested",
                    dt.date(2025, 2, 14),
                    contributor=Contributor.HEALTH,
                ),
            ),
        )
    make_user("analyst", "analyst")
    _sign_in(page, "analyst")

    # When they ask for 2025 by locality
    page.goto("/insight/?period=year&year=2025&breakdown=locality")

    # Then they see the headline figures and one table per measure, and the page is accessible
    assert page.get_by_role("heading", name="SEND data dashboard", exact=True).is_visible()
    assert page.get_by_role(
        "heading", name="By locality (postcode district)", exact=True
    ).is_visible()
    assert page.locator("svg[role=img]").count() >= 1
    axe(page, "the dashboard by locality")
    page.set_viewport_size({"width": 320, "height": 800})
    axe(page, "the dashboard by locality at 320px")

    # When they switch to the 12 months to a date with a mistake, the error is accessible too
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/insight/?period=rolling&breakdown=primary_need")
    assert page.get_by_text("Enter the last day of the 12 months").first.is_visible()
    axe(page, "the dashboard with an error")
    page.set_viewport_size({"width": 320, "height": 800})
    axe(page, "the dashboard with an error at 320px")
