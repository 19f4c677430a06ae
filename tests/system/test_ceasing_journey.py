"""Browser journeys after a plan's annual review: the case officer ceases a plan the review
decided to cease, and starts and issues the draft amended plan after a decision to amend,
with an axe-core WCAG 2.2 AA check on every page state at desktop width and 320px."""

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.system.steps import check_both_widths, submit_sign_in
from tests.system.test_plan_journey import given_a_draft_issued_weeks_ago
from thrive.accounts.models import User
from thrive.assessments.models import Case
from thrive.people.models import Child
from thrive.plans import services
from thrive.plans.models import AnnualReview


def _fill_date(page: Page, legend: str, day: dt.date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


# Given


def given_a_reviewed_plan(
    officer: User, make_child: Callable[..., Child], decision: str
) -> tuple[Case, AnnualReview]:
    """A final plan issued 4 days ago (after the family's 15 days on the draft), and a review
    held 2 days ago that decided."""
    today = timezone.localdate()
    case, draft = given_a_draft_issued_weeks_ago(officer, make_child)
    final = services.plan_new_version(actor=officer, version=draft, kind="final")
    final = services.plan_change_placement(
        actor=officer, version=final, placement_type="mainstream_academy"
    )
    issued_on = today - dt.timedelta(days=4)
    services.plan_issue_final(actor=officer, version=final, issued_on=issued_on, today=today)
    review = AnnualReview.objects.create(
        plan=final.plan,
        meeting_on=today - dt.timedelta(days=2),
        scheduled_by=officer,
        decision=decision,
        decision_notified_on=today - dt.timedelta(days=1),
    )
    return case, review


def when_they_sign_in_and_open_the_plan(page: Page, officer: User, case: Case) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/accounts/sign-in/")
    submit_sign_in(page, officer.username)
    expect(page).to_have_url(re.compile(r"/cases/$"))
    page.goto(f"/cases/{case.pk}/plan/")
    expect(page.get_by_role("heading", level=1)).to_have_text("EHC plan")


def test_officer_ceases_a_plan_after_the_review_decided_to(
    page: Page, officer: User, make_child: Callable[..., Child], axe: Any
) -> None:
    today = timezone.localdate()
    case, _ = given_a_reviewed_plan(officer, make_child, "cease")

    # When they open the plan, ceasing it is highlighted
    when_they_sign_in_and_open_the_plan(page, officer, case)
    expect(page.get_by_text("The last annual review decided to cease")).to_be_visible()
    check_both_widths(page, axe, "the plan overview after a decision to cease")

    # When they send the form empty, the error summary says what is missing
    page.get_by_role("link", name="Cease the plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cease the plan")
    check_both_widths(page, axe, "the form to cease the plan")
    page.get_by_role("button", name="Record the decision to cease").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Select the reason the plan is ceasing")
    check_both_widths(page, axe, "the form to cease the plan showing errors")

    # When they give the reason, the reasons and the dates
    page.get_by_label("Needs met without a plan, continuing in education or training").check()
    page.get_by_label("The reasons given to the family").fill(
        "Her needs are met from the school's own resources."
    )
    _fill_date(
        page,
        "Date the family and the head or principal were consulted",
        today - dt.timedelta(days=2),
    )
    _fill_date(page, "Date the family was told of the decision", today)
    page.get_by_role("button", name="Record the decision to cease").click()

    # Then the notice lists what it must carry, filled in
    expect(page.get_by_role("heading", level=1)).to_have_text("Decision to cease the plan")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The plan ceases on")
    expect(page.get_by_text("The last day to appeal is")).to_be_visible()
    expect(page.get_by_text("contact a mediation adviser, by")).to_be_visible()
    check_both_widths(page, axe, "the notice of the decision to cease")

    # And the overview says the plan is maintained until it ceases
    page.goto(f"/cases/{case.pk}/plan/")
    expect(
        page.get_by_text(re.compile("The plan will cease on .*until then it is maintained"))
    ).to_be_visible()
    check_both_widths(page, axe, "the plan overview with a decision to cease")

    # And the case work team's report of plans ceased passes axe
    page.goto("/plans/ceased/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Plans ceased")
    check_both_widths(page, axe, "the ceased plans report")


def test_officer_starts_and_issues_the_draft_amended_plan(
    page: Page, officer: User, make_child: Callable[..., Child], axe: Any
) -> None:
    today = timezone.localdate()
    case, _ = given_a_reviewed_plan(officer, make_child, "amend")

    # When they open the plan, the proposed amendments are due
    when_they_sign_in_and_open_the_plan(page, officer, case)
    expect(page.get_by_role("heading", name="Amending the plan")).to_be_visible()
    check_both_widths(page, axe, "the plan overview after a decision to amend")

    # When they start the draft amended plan
    page.get_by_role("link", name="Start the draft amended plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Start the draft amended plan")
    expect(page.get_by_text("which decided to amend the plan")).to_be_visible()
    check_both_widths(page, axe, "the page to start the draft amended plan")
    page.get_by_role("button", name="Start version 3").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Version 3: draft amended plan")

    # And issue it today
    page.get_by_role("link", name="Issue the draft amended plan").click()
    _fill_date(page, "Date the draft plan is served on the family", today)
    page.get_by_role("button", name="Issue the draft amended plan").click()

    # Then the overview shows the amendment timetable and the differences
    expect(page).to_have_url(re.compile(rf"/cases/{case.pk}/plan/$"))
    expect(page.get_by_text("Final amended plan issued")).to_be_visible()
    expect(
        page.get_by_role("link", name="See what changes from version 2 to version 3")
    ).to_be_visible()
    check_both_widths(page, axe, "the plan overview with the amendment timetable")
