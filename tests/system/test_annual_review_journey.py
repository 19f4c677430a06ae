"""Browser journey: the case officer schedules a plan's annual review and records its steps,
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
from thrive.plans.models import AnnualReview, Outcome


def _fill_date(page: Page, legend: str, day: dt.date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def given_a_final_plan_issued(officer: User, make_child: Callable[..., Child]) -> Case:
    """A final plan issued today; its outcome is tagged for higher education or employment."""
    today = timezone.localdate()
    case, draft = given_a_draft_issued_weeks_ago(officer, make_child)
    final = services.plan_new_version(actor=officer, version=draft, kind="final")
    final = services.plan_change_placement(
        actor=officer, version=final, placement_type="mainstream_academy"
    )
    Outcome.objects.filter(version=final).update(adulthood_area="employment")
    services.plan_issue_final(actor=officer, version=final, issued_on=today, today=today)
    return case


def test_officer_schedules_and_records_an_annual_review(
    page: Page, officer: User, make_child: Callable[..., Child], axe: Any
) -> None:
    # Given a final plan issued today
    today = timezone.localdate()
    case, draft = given_a_draft_issued_weeks_ago(officer, make_child)
    final = services.plan_new_version(actor=officer, version=draft, kind="final")
    final = services.plan_change_placement(
        actor=officer, version=final, placement_type="mainstream_academy"
    )
    services.plan_issue_final(actor=officer, version=final, issued_on=today, today=today)

    # When they open the plan, they see when the first annual review is due
    page.goto("/accounts/sign-in/")
    submit_sign_in(page, officer.username)
    expect(page).to_have_url(re.compile(r"/cases/$"))
    page.goto(f"/cases/{case.pk}/plan/")
    expect(page.get_by_role("heading", name="Annual review")).to_be_visible()
    check_both_widths(page, axe, "the plan overview with the annual review due")

    # When they schedule the meeting with a date in the past, the error summary says why
    page.goto(f"/cases/{case.pk}/plan/review/schedule/")
    _fill_date(page, "Date of the review meeting", today - dt.timedelta(days=1))
    page.get_by_role("button").filter(has_text=re.compile("Save|Schedule|Continue")).first.click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    check_both_widths(page, axe, "scheduling a review with a date in the past")

    # When they give a date 6 weeks ahead, the overview shows the review's timetable
    _fill_date(page, "Date of the review meeting", today + dt.timedelta(weeks=6))
    page.get_by_role("button").filter(has_text=re.compile("Save|Schedule|Continue")).first.click()
    expect(page).to_have_url(re.compile(rf"/cases/{case.pk}/plan/$"))
    expect(page.get_by_text(re.compile("Due by"))).not_to_have_count(0)
    check_both_widths(page, axe, "the plan overview with a review scheduled")

    # Then each step's form passes axe
    for step in ("invitations", "report", "decision"):
        page.goto(f"/cases/{case.pk}/plan/review/{step}/")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        check_both_widths(page, axe, f"recording the review's {step}")


def test_officer_records_preparing_for_adulthood_for_a_young_person(
    page: Page, officer: User, make_child: Callable[..., Child], axe: Any
) -> None:
    # Given a young person of 15 (Year 10 or 11) whose review meeting was held last week
    today = timezone.localdate()
    case = given_a_final_plan_issued(officer, make_child)
    Child.objects.filter(pk=case.child_id).update(
        date_of_birth=today.replace(year=today.year - 15) - dt.timedelta(days=1)
    )
    AnnualReview.objects.create(
        plan=case.plan, meeting_on=today - dt.timedelta(days=7), scheduled_by=officer
    )

    # When the officer opens the plan, it warns that preparing for adulthood is not recorded
    page.goto(f"/accounts/sign-in/?next=/cases/{case.pk}/plan/")
    submit_sign_in(page, officer.username)
    expect(page.get_by_text("Preparing for adulthood: not yet recorded")).to_be_visible()
    check_both_widths(page, axe, "the plan overview warning about preparing for adulthood")

    # And the page for it shows what the plan's outcomes already say beside each prompt
    page.get_by_role("link", name="Record preparing for adulthood").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Preparing for adulthood")
    expect(page.get_by_text("Reads a book of their choice on their own.")).to_be_visible()
    expect(page.get_by_text("Good health: the plan has no outcome for this area.")).to_be_visible()
    check_both_widths(page, axe, "the preparing for adulthood page")

    # When they save nothing, the error summary says what to do
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Record what the review said about at least one area")
    check_both_widths(page, axe, "the preparing for adulthood page with an error")

    # When they record two areas, the overview shows them and the warning has gone
    page.get_by_label("Independent living").fill("Travel training to college from September.")
    page.get_by_label("Transition plan").fill("Careers adviser to visit in the spring term.")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(rf"/cases/{case.pk}/plan/$"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Preparing for adulthood recorded"
    )
    expect(page.get_by_text("Travel training to college from September.")).to_be_visible()
    expect(page.get_by_text("Preparing for adulthood: not yet recorded")).to_have_count(0)
    check_both_widths(page, axe, "the plan overview with preparing for adulthood recorded")
