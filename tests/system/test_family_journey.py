"""A parent follows their child's assessment, gives their views, reads the draft plan and
comments on it within the 15 days, in a real browser. Every page is checked by axe at desktop
width and at 320 pixels wide."""

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.factories import make_user, step
from tests.portal.builders import hide_plan_documents
from tests.system.steps import check_both_widths, submit_sign_in
from thrive.accounts.models import User
from thrive.advice.models import AdviceRequest
from thrive.assessments import services
from thrive.assessments.models import Case
from thrive.law import clock
from thrive.people.models import Child, FamilyLink
from thrive.plans.models import AnnualReview, EhcPlan, PlanVersion
from thrive.portal import presenters

pytestmark = pytest.mark.browser

# Given


def given_a_parent_whose_child_has_a_draft_plan(
    officer: User, make_child: Callable[..., Child]
) -> tuple[User, Case, PlanVersion]:
    """Assessed, advice asked for, and a draft plan served two days ago."""
    today = timezone.localdate()
    received = today - dt.timedelta(days=100)
    case = services.case_open(
        actor=officer,
        child=make_child(first_name="Wren", last_name="Example"),
        received_on=received,
        request_source="1",
        today=today,
    )
    for event in (
        step("decision_to_assess", received + dt.timedelta(days=30), outcome=True),
        step("decision_to_issue", today - dt.timedelta(days=10), outcome=True),
    ):
        services.case_record_step(actor=officer, case=case, step=event, today=today)
    AdviceRequest.objects.create(
        case=case,
        contributor=clock.Contributor.EDUCATIONAL_PSYCHOLOGY,
        practitioner=make_user("ep", "practitioner", discipline="educational_psychology"),
        question="Please assess cognition and learning.",
        requested_on=received + dt.timedelta(days=31),
        requested_by=officer,
    )
    version = _draft_served(officer, case, today - dt.timedelta(days=2), today)
    parent = make_user("parent", "parent", email="parent@example.org")
    FamilyLink.objects.create(user=parent, child=case.child, relationship="parent")
    return parent, case, version


def _draft_served(officer: User, case: Case, served_on: dt.date, today: dt.date) -> PlanVersion:
    version = PlanVersion.objects.create(
        plan=EhcPlan.objects.create(case=case),
        number=1,
        kind="draft",
        created_by=officer,
        views_child="I like trains and drawing.",
        issued_on=served_on,
        issued_at=timezone.now(),
        issued_by=officer,
    )
    served = step("draft_issued", served_on)
    services.case_append_step(actor=officer, case=case, step=served, today=today)
    return version


# When


def when_they_sign_in(page: Page, parent: User, axe: Any) -> None:
    page.goto("/accounts/sign-in/?next=/family/")
    check_both_widths(page, axe, "the sign-in page")
    submit_sign_in(page, parent.username)


def when_they_give_their_views(page: Page, axe: Any) -> None:
    page.get_by_role("link", name="Tell us about Wren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("All about Wren")
    check_both_widths(page, axe, "the views page")
    page.get_by_role("button", name="Send to the council").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Tell us about at least one thing")
    expect(summary).to_be_focused()
    check_both_widths(page, axe, "the views page showing an error")
    page.get_by_label("My hopes for the future").fill("To go to the same school as my sister.")
    page.get_by_role("button", name="Send to the council").click()


def when_they_read_the_draft(page: Page, version: PlanVersion, axe: Any) -> None:
    assert version.issued_on is not None
    closes = clock.render_date(clock.comments_close_on(version.issued_on))
    page.get_by_role("link", name=f"Comment on the draft plan by {closes}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The draft plan")
    expect(page.get_by_text(f"You can comment until {closes}.")).to_be_visible()
    check_both_widths(page, axe, "the draft plan page")
    if presenters.plan_document_links(version) is None:
        # The plans app's document pages are not mounted: the draft is shown here.
        expect(page.get_by_text("I like trains and drawing.")).to_be_visible()
        return
    page.get_by_role("link", name="View the draft plan").click()
    expect(page.get_by_text("I like trains and drawing.")).to_be_visible()
    check_both_widths(page, axe, "the draft plan document")
    page.go_back()


def when_they_comment_and_ask_for_a_meeting(page: Page) -> None:
    page.get_by_label("Your comments on the draft plan (optional)").fill(
        "Section F should say how often speech therapy happens."
    )
    meeting = page.get_by_role("group", name=re.compile("Do you want a meeting"))
    meeting.get_by_label("Yes").check()
    page.get_by_role("button", name="Send to the council").click()


# Then


def then_they_see_the_journey(page: Page, case: Case, version: PlanVersion, axe: Any) -> None:
    expect(page).to_have_url(re.compile(rf"/family/children/{case.child_id}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Wren Example")
    expect(page.get_by_text("The council has sent out Wren's draft EHC plan.")).to_be_visible()
    received = case.events.first()
    assert received is not None
    final_due = clock.render_date(clock.assessment_due_dates(received.on)["final_plan"])
    expect(page.get_by_text(f"send you the final EHC plan by {final_due}")).to_be_visible()
    expect(page.get_by_text("Educational psychology")).to_be_visible()
    tasks = page.locator(".govuk-task-list")
    expect(tasks.get_by_role("link", name="Tell us about Wren")).to_be_visible()
    expect(tasks.locator(".govuk-task-list__item")).to_have_count(2)
    page.get_by_text("How the timescales work").click()
    expect(page.get_by_text("Weeks include weekends and school holidays.")).to_be_visible()
    check_both_widths(page, axe, "the child's journey")


def then_their_views_are_sent(page: Page, axe: Any) -> None:
    banner = page.locator(".govuk-notification-banner")
    expect(banner).to_contain_text("Your answers have been sent to the council")
    item = page.locator(".govuk-task-list__item").filter(has_text="Tell us about Wren")
    expect(item.locator(".govuk-task-list__status")).to_have_text("Done")
    check_both_widths(page, axe, "the journey after giving views")


def then_the_council_has_their_comments(page: Page, case: Case, axe: Any) -> None:
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Your comments have been sent to the council"
    )
    expect(page.get_by_text("The council has your comments.")).to_be_visible()
    today = clock.render_date(timezone.localdate())
    expect(page.get_by_text(f"The council received your comments on {today}.")).to_be_visible()
    assert case.events.filter(kind="comments_received").count() == 1
    check_both_widths(page, axe, "the journey after commenting")


def test_a_parent_follows_the_assessment_and_comments_on_the_draft(
    page: Page, officer: User, make_child: Callable[..., Child], axe: Any
) -> None:
    parent, case, version = given_a_parent_whose_child_has_a_draft_plan(officer, make_child)

    when_they_sign_in(page, parent, axe)
    then_they_see_the_journey(page, case, version, axe)

    when_they_give_their_views(page, axe)
    then_their_views_are_sent(page, axe)

    when_they_read_the_draft(page, version, axe)
    when_they_comment_and_ask_for_a_meeting(page)
    then_the_council_has_their_comments(page, case, axe)


def test_a_case_officer_records_what_a_family_said_by_phone_and_on_paper(
    page: Page, officer: User, make_child: Callable[..., Child], axe: Any
) -> None:
    """Given a draft plan with its 15 days open, when the officer records the family's views
    and their posted response, then both show who recorded them and how."""
    _, case, _ = given_a_parent_whose_child_has_a_draft_plan(officer, make_child)
    page.goto(f"/accounts/sign-in/?next=/cases/{case.pk}/family/")
    submit_sign_in(page, officer.username)
    expect(page.get_by_text("No views have been given yet.")).to_be_visible()
    check_both_widths(page, axe, "what the family has told us")

    page.get_by_role("link", name="Record views given on paper, by phone or at a meeting").click()
    page.get_by_label("What is important to me").fill("My dog, Biscuit.")
    page.get_by_role("button", name="Save views").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select how the family gave this")
    check_both_widths(page, axe, "the record-views form showing an error")
    page.get_by_label("By phone").check()
    page.get_by_role("button", name="Save views").click()
    expect(
        page.get_by_text(re.compile("Recorded by Officer from the council, given by phone"))
    ).to_be_visible()

    page.get_by_role("link", name=re.compile("Record a response given on paper")).click()
    check_both_widths(page, axe, "the record-response form")
    page.get_by_label("On paper").check()
    page.get_by_label("The family's comments on the draft plan (optional)").fill("Letter.")
    page.get_by_role("group", name="Did the family ask for a meeting?").get_by_label("No").check()
    page.get_by_role("button", name="Save response").click()
    expect(page.get_by_text(re.compile("council, given on paper"))).to_be_visible()
    check_both_widths(page, axe, "what the family has told us, after recording")


def test_a_family_with_two_children_reads_a_draft_shown_on_the_portal(
    page: Page, officer: User, make_child: Callable[..., Child], axe: Any, monkeypatch: Any
) -> None:
    """Given the plans app's document pages are not available, when a parent of two opens the
    draft, then the plan's sections are on the page itself."""
    hide_plan_documents(monkeypatch)
    parent, _, _ = given_a_parent_whose_child_has_a_draft_plan(officer, make_child)
    FamilyLink.objects.create(user=parent, child=make_child(first_name="Ash"), relationship="carer")
    when_they_sign_in(page, parent, axe)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your children")
    check_both_widths(page, axe, "the family home with two children")

    page.get_by_role("link", name="Wren Example").click()
    page.get_by_role("link", name=re.compile("Comment on the draft plan")).click()
    expect(page.get_by_role("heading", name="A: Views, interests and aspirations")).to_be_visible()
    expect(page.get_by_text("I like trains and drawing.")).to_be_visible()
    check_both_widths(page, axe, "the draft plan shown on the portal")


def given_a_review_meeting_in_three_weeks(officer: User, case: Case, draft: PlanVersion) -> str:
    """The final plan issued today and its first review meeting in 3 weeks: returns the
    meeting date in words."""
    today = timezone.localdate()
    PlanVersion.objects.create(
        plan=draft.plan,
        number=2,
        kind="final",
        based_on=draft,
        created_by=officer,
        issued_on=today,
        issued_at=timezone.now(),
        issued_by=officer,
    )
    for event in (step("comments_received", today), step("final_issued", today)):
        services.case_append_step(actor=officer, case=case, step=event, today=today)
    meeting = AnnualReview.objects.create(
        plan=draft.plan, meeting_on=today + dt.timedelta(days=21), scheduled_by=officer
    )
    return clock.render_date(meeting.meeting_on)


def test_a_parent_gives_their_views_before_the_annual_review(
    page: Page, officer: User, make_child: Callable[..., Child], axe: Any
) -> None:
    """Given a review meeting in 3 weeks, when the parent gives their views on the portal,
    then the council reads them beside the review on the plan."""
    parent, case, draft = given_a_parent_whose_child_has_a_draft_plan(officer, make_child)
    meeting = given_a_review_meeting_in_three_weeks(officer, case, draft)

    # The child's page shows the review's dates in plain English and the task
    when_they_sign_in(page, parent, axe)
    expect(page.get_by_role("heading", name="Annual review")).to_be_visible()
    expect(page.get_by_text(f"The meeting is on {meeting}.")).to_be_visible()
    expect(
        page.get_by_text(re.compile("You will be invited at least 2 weeks before the meeting"))
    ).to_be_visible()
    check_both_widths(page, axe, "the child's page with an annual review")

    # Sending nothing is explained in the error summary
    task = f"Give your views before the review meeting on {meeting}"
    page.get_by_role("link", name=task).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your views for the annual review")
    check_both_widths(page, axe, "the review views page")
    page.get_by_role("button", name="Send to the council").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Tell us about at least one thing")
    check_both_widths(page, axe, "the review views page showing an error")

    # Their views are sent, and the task says so
    page.get_by_label("What is working well").fill("The reading group every morning.")
    page.get_by_label("Questions for the meeting").fill("Can Wren start swimming lessons?")
    page.get_by_role("button", name="Send to the council").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Your views have been sent to the council"
    )
    item = page.locator(".govuk-task-list__item").filter(has_text=task)
    expect(item.locator(".govuk-task-list__status")).to_have_text("Sent")
    check_both_widths(page, axe, "the child's page after giving review views")

    # The case officer reads them beside the review on the plan
    page.get_by_role("button", name="Sign out").click()
    page.goto(f"/accounts/sign-in/?next=/cases/{case.pk}/plan/")
    submit_sign_in(page, officer.username)
    expect(page.get_by_role("heading", name="The family's views for this review")).to_be_visible()
    expect(page.get_by_text("The reading group every morning.")).to_be_visible()
    check_both_widths(page, axe, "the plan overview with the family's review views")
