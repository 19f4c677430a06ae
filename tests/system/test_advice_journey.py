"""A case officer asks a practitioner for advice; the practitioner writes and submits it; the
officer sees it received. In a real browser, every page checked by axe at desktop width and at
320 pixels wide."""

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.factories import make_user, step
from tests.system.steps import submit_sign_in
from thrive.accounts.models import User
from thrive.assessments import services
from thrive.assessments.models import Case
from thrive.law import clock
from thrive.people.models import Child

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 800}


def check_accessibility(page: Page, axe: Any, where: str) -> None:
    """No WCAG 2.2 AA violations at desktop width, nor at 320 pixels wide (WCAG 1.4.10)."""
    page.set_viewport_size(DESKTOP)
    axe(page, f"{where} (desktop)")
    page.set_viewport_size(NARROW)
    axe(page, f"{where} (320 pixels wide)")
    page.set_viewport_size(DESKTOP)


# Given


def given_a_case_being_assessed(officer: User, make_child: Callable[..., Child]) -> Case:
    today = timezone.localdate()
    case = services.case_open(
        actor=officer,
        child=make_child(first_name="Ada", last_name="Example"),
        received_on=today - dt.timedelta(days=30),
        request_source="1",
        today=today,
    )
    decision = step("decision_to_assess", today - dt.timedelta(days=25), outcome=True)
    services.case_record_step(actor=officer, case=case, step=decision, today=today)
    return case


# When


def when_they_sign_in_at(page: Page, path: str, user: User, axe: Any) -> None:
    page.goto(path)
    expect(page).to_have_url(re.compile(r"/accounts/sign-in/"))
    check_accessibility(page, axe, "the sign-in page")
    submit_sign_in(page, user.username)
    expect(page).to_have_url(re.compile(re.escape(path) + "$"))


def when_the_officer_requests_advice(page: Page, case: Case, axe: Any) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text("Ada Example")
    expect(page.get_by_text("No advice has been requested for this case yet.")).to_be_visible()
    check_accessibility(page, axe, "the case's advice page, before any request")
    page.get_by_role("button", name="Request advice").click()
    expect(page).to_have_url(re.compile(rf"/cases/{case.pk}/advice/new/$"))
    check_accessibility(page, axe, "the request-advice form")
    page.get_by_role("button", name="Request advice").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter what you are asking for")
    check_accessibility(page, axe, "the request-advice form showing errors")
    page.get_by_role("group", name="What kind of advice is this?").get_by_label(
        "Educational psychology"
    ).check()
    page.get_by_label("Who are you asking?").select_option(label="Ep (Educational psychology)")
    page.get_by_label("What are you asking for?").fill("Please assess cognition and learning.")
    page.get_by_role("button", name="Request advice").click()


def when_they_sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/accounts/sign-in/"))


def when_the_practitioner_opens_the_request(page: Page, axe: Any) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text("Requests for advice")
    waiting = page.get_by_role("table", name="Requests waiting for your advice")
    expect(waiting.get_by_role("row").filter(has_text="Ada Example")).to_contain_text(
        "42 days left"
    )
    check_accessibility(page, axe, "the practitioner's inbox")
    waiting.get_by_role("link", name="Ada Example").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ada Example")
    expect(page.get_by_text("Please assess cognition and learning.")).to_be_visible()
    check_accessibility(page, axe, "the request for advice")


def when_they_submit_without_needs(page: Page, axe: Any) -> None:
    page.get_by_role("button", name="Submit advice").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Write at least one need, or upload your advice")
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Error: "))
    check_accessibility(page, axe, "the request for advice showing an error")


def when_they_write_and_submit_their_advice(page: Page) -> None:
    page.get_by_label("Special educational needs").fill(
        "Working memory well below age\nSlow processing speed"
    )
    page.get_by_label("Outcomes sought").fill("Reads simple texts on her own by July")
    page.get_by_label("Special educational provision recommended").fill(
        "Small-group literacy with a trained teaching assistant, 3 hours a week"
    )
    page.get_by_role("button", name="Submit advice").click()


# Then


def then_the_request_is_waiting(page: Page, case: Case, axe: Any) -> None:
    expect(page).to_have_url(re.compile(rf"/cases/{case.pk}/advice/$"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Advice from educational psychology requested"
    )
    card = page.locator(".govuk-summary-card").filter(has_text="Advice from educational psychology")
    expect(card).to_contain_text("Ep (Educational psychology)")
    expect(card).to_contain_text("42 days left")
    check_accessibility(page, axe, "the case's advice page with a request waiting")


def then_they_see_it_submitted(page: Page, axe: Any) -> None:
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Advice submitted")
    expect(page.get_by_text("You submitted this advice on")).to_be_visible()
    expect(page.get_by_role("list").filter(has_text="Slow processing speed")).to_be_visible()
    expect(page.get_by_role("button", name="Submit advice")).to_have_count(0)
    check_accessibility(page, axe, "the submitted advice")
    page.get_by_role("link", name="Back to requests for advice").click()
    submitted = page.get_by_role("table", name="Advice you have submitted")
    expect(submitted).to_contain_text("Ada Example")
    expect(submitted).to_contain_text("Received on")
    check_accessibility(page, axe, "the practitioner's inbox after submitting")


def then_the_officer_sees_it_received(page: Page, axe: Any) -> None:
    today = timezone.localdate()
    card = page.locator(".govuk-summary-card").filter(has_text="Advice from educational psychology")
    expect(card).to_contain_text(f"Received on {today.day} {today:%b %Y}")
    for item in ("Working memory well below age", "Small-group literacy"):
        expect(card.get_by_role("listitem").filter(has_text=item)).to_be_visible()
    expect(card.get_by_role("link", name=re.compile("Withdraw"))).to_have_count(0)
    check_accessibility(page, axe, "the case's advice page with advice received")


def test_practitioner_gives_advice_the_officer_asked_for(
    page: Page, officer: User, make_child: Callable[..., Child], axe: Any
) -> None:
    case = given_a_case_being_assessed(officer, make_child)
    ep = make_user("ep", "practitioner", discipline="educational_psychology")
    advice_page = f"/cases/{case.pk}/advice/"

    when_they_sign_in_at(page, advice_page, officer, axe)
    when_the_officer_requests_advice(page, case, axe)
    then_the_request_is_waiting(page, case, axe)
    when_they_sign_out(page)

    when_they_sign_in_at(page, "/advice/", ep, axe)
    when_the_practitioner_opens_the_request(page, axe)
    when_they_submit_without_needs(page, axe)
    when_they_write_and_submit_their_advice(page)
    then_they_see_it_submitted(page, axe)
    when_they_sign_out(page)

    when_they_sign_in_at(page, advice_page, officer, axe)
    then_the_officer_sees_it_received(page, axe)
    assert case.events.filter(kind=clock.EventKind.ADVICE_RECEIVED).count() == 1


def test_officer_withdraws_a_request_on_an_accessible_page(
    page: Page, officer: User, make_child: Callable[..., Child], axe: Any
) -> None:
    case = given_a_case_being_assessed(officer, make_child)
    make_user("ep", "practitioner", discipline="educational_psychology")
    when_they_sign_in_at(page, f"/cases/{case.pk}/advice/", officer, axe)
    when_the_officer_requests_advice(page, case, axe)
    page.get_by_role(
        "link", name="Withdraw the request for advice from educational psychology"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Withdraw the request for advice from educational psychology?"
    )
    check_accessibility(page, axe, "the withdraw confirmation")
    page.get_by_role("button", name="Withdraw request").click()
    card = page.locator(".govuk-summary-card")
    expect(card).to_contain_text("Withdrawn on")
