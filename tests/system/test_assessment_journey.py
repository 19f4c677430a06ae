"""A case officer records the decision to assess, in a real browser, on accessible pages."""

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.system.steps import PASSWORD, submit_sign_in
from thrive.accounts.models import User
from thrive.assessments import services
from thrive.assessments.models import Case
from thrive.law import clock
from thrive.people.models import Child

pytestmark = pytest.mark.browser

DEADLINES = "Statutory deadlines for this case"


def short_date(day: dt.date) -> str:
    """As the case page shows dates in the deadlines table: 3 Nov 2026."""
    return f"{day.day} {day:%b %Y}"


def deadline_row(page: Page, step: str) -> Any:
    return page.get_by_role("table", name=DEADLINES).get_by_role("row").filter(has_text=step)


def status_of(page: Page, step: str) -> Any:
    return deadline_row(page, step).get_by_role("cell").nth(3)


# Given


def given_a_case_received(
    officer: User, make_child: Callable[..., Child], *, days_ago: int
) -> tuple[Case, dt.date]:
    """A request received some days ago (the views judge deadlines as of timezone.localdate())."""
    received_on = timezone.localdate() - dt.timedelta(days=days_ago)
    case = services.case_open(
        actor=officer,
        child=make_child(first_name="Ada", last_name="Example"),
        received_on=received_on,
        request_source="1",
        today=timezone.localdate(),
    )
    return case, received_on


# When


def when_they_sign_in(page: Page, officer: User, axe: Any) -> None:
    page.goto("/accounts/sign-in/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sign in")
    expect(page.locator("body")).to_have_class(re.compile(r"\bgovuk-frontend-supported\b"))
    axe(page, "the sign-in page")
    submit_sign_in(page, officer.username)
    expect(page).to_have_url(re.compile(r"/cases/$"))
    axe(page, "the caseload")


def when_they_open_the_case_from_the_caseload(page: Page, case: Case, axe: Any) -> None:
    page.get_by_role("link", name="Ada Example").click()
    expect(page).to_have_url(re.compile(rf"/cases/{case.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Ada Example")
    axe(page, "the case page")


def when_they_save_the_decision_form_empty(page: Page, case: Case, axe: Any) -> None:
    page.get_by_role("link", name="Decision whether to assess", exact=True).click()
    expect(page).to_have_url(re.compile(rf"/cases/{case.pk}/record/decision_to_assess/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Decision whether to assess")
    axe(page, "the decision-to-assess form")
    page.get_by_role("button", name="Save").click()


def when_they_record_the_decision(page: Page, decided_on: dt.date) -> None:
    date = page.get_by_role("group", name="Date the decision was sent to the family")
    date.get_by_label("Day").fill(str(decided_on.day))
    date.get_by_label("Month").fill(str(decided_on.month))
    date.get_by_label("Year").fill(str(decided_on.year))
    outcome = page.get_by_role("group", name="Did the council decide to carry out an assessment?")
    outcome.get_by_label("Yes").check()
    page.get_by_role("button", name="Save").click()


# Then


def then_they_see_the_deadlines(page: Page, received_on: dt.date) -> None:
    due = clock.assessment_due_dates(received_on)
    expect(page.get_by_role("heading", name="Statutory deadlines")).to_be_visible()
    assess = deadline_row(page, "Decide whether to assess")
    expect(assess.get_by_role("cell").nth(1)).to_have_text(short_date(due["decision_to_assess"]))
    expect(assess.get_by_role("cell").nth(2)).to_have_text("Not yet")
    expect(status_of(page, "Decide whether to assess")).to_have_text(re.compile(r"\d+ days? left"))


def then_they_see_what_is_missing(page: Page, axe: Any) -> None:
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary.get_by_role("link")).not_to_have_count(0)
    expect(summary).to_be_focused()  # GOV.UK Frontend ran, under the page's CSP
    expect(page).to_have_title(re.compile(r"^Error: "))
    axe(page, "the decision-to-assess form showing errors")


def then_the_decision_is_shown_on_time(
    page: Page, case: Case, received_on: dt.date, decided_on: dt.date, axe: Any
) -> None:
    due = clock.assessment_due_dates(received_on)
    expect(page).to_have_url(re.compile(rf"/cases/{case.pk}/$"))
    banner = page.locator(".govuk-notification-banner")
    expect(banner).to_contain_text("Decision whether to assess recorded")
    expect(banner).to_be_focused()  # GOV.UK Frontend moves focus to a success banner
    assess = deadline_row(page, "Decide whether to assess")
    expect(assess.get_by_role("cell").nth(2)).to_have_text(short_date(decided_on))
    expect(status_of(page, "Decide whether to assess")).to_have_text("Done on time")
    for step, key in [
        ("Decide whether to issue a plan", "decision_not_to_issue"),
        ("Issue the final plan", "final_plan"),
    ]:
        expect(deadline_row(page, step)).to_have_count(1)
        expect(deadline_row(page, step).get_by_role("cell").nth(1)).to_have_text(
            short_date(due[key])
        )
        expect(status_of(page, step)).to_have_text(re.compile(r"\d+ days? left"))
    expect(page.get_by_text("Decision whether to assess: yes")).to_be_visible()
    axe(page, "the case page after recording the decision")


def test_officer_records_the_decision_to_assess(
    page: Page, officer: User, make_child: Callable[..., Child], axe: Any
) -> None:
    case, received_on = given_a_case_received(officer, make_child, days_ago=20)
    decided_on = timezone.localdate() - dt.timedelta(days=10)

    when_they_sign_in(page, officer, axe)
    when_they_open_the_case_from_the_caseload(page, case, axe)
    then_they_see_the_deadlines(page, received_on)

    when_they_save_the_decision_form_empty(page, case, axe)
    then_they_see_what_is_missing(page, axe)

    when_they_record_the_decision(page, decided_on)
    then_the_decision_is_shown_on_time(page, case, received_on, decided_on, axe)


def test_sign_in_works_from_the_keyboard(page: Page, officer: User) -> None:
    """Given the sign-in page, when an officer uses only the keyboard, then they get in.

    Tab lands on the skip link first, then (past the header links) on the username; Enter in
    the password box submits the form.
    """
    page.goto("/accounts/sign-in/")

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()

    username = page.get_by_label("Username")
    for _ in range(10):
        if username.evaluate("el => el === document.activeElement"):
            break
        page.keyboard.press("Tab")
    expect(username).to_be_focused()

    page.keyboard.type(officer.username)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Password")).to_be_focused()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/cases/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("open cases")


def test_the_accessibility_check_is_not_vacuous(page: Page, axe: Any) -> None:
    """The axe check fails, readably, on a page with known faults: its passes mean something."""
    page.goto("/accounts/sign-in/")
    page.evaluate(
        """() => {
            const image = document.createElement("img");
            document.querySelector("main").append(image, document.createElement("button"));
        }"""
    )
    with pytest.raises(pytest.fail.Exception) as failure:
        axe(page, "a sign-in page with faults added")
    message = str(failure.value)
    assert "image-alt (critical)" in message
    assert "button-name (critical)" in message
    assert "at #main-content > button" in message
