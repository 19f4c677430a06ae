"""A multi-agency plan audit in a real browser: a case officer starts an audit and rates the
education criteria, health and social care rate theirs, the auditors disagree about one
criterion, and a SEND manager moderates it and records an issue override. Every page is
checked by axe-core at desktop width and at 320 pixels wide."""

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.quality.builders import dispute, framework_in_use, full_version, invited_practitioner
from tests.quality.builders import rate_all as given_ratings
from tests.system.steps import DESKTOP, check_both_widths, submit_sign_in
from thrive.accounts.models import User
from thrive.assessments import services as case_services
from thrive.law import clock
from thrive.people.models import Child
from thrive.plans.models import PlanVersion
from thrive.quality.models import Audit

pytestmark = pytest.mark.browser


def banner(page: Page) -> Any:
    return page.locator(".govuk-notification-banner")


# Given


def given_a_draft_plan(officer: User, make_child: Callable[..., Child]) -> PlanVersion:
    """A case decided to issue a plan, and its draft written with every section it needs."""
    today = timezone.localdate()
    case = case_services.case_open(
        actor=officer,
        child=make_child(first_name="Ada", last_name="Example"),
        received_on=today - dt.timedelta(days=110),
        request_source="1",
        today=today,
    )
    for kind, days_ago in (("decision_to_assess", 80), ("decision_to_issue", 5)):
        step = clock.Event(clock.EventKind(kind), today - dt.timedelta(days=days_ago), outcome=True)
        case_services.case_record_step(actor=officer, case=case, step=step, today=today)
    framework_in_use()
    return full_version(case, officer)


def given_health_and_social_care_have_rated(audit: Audit) -> None:
    case = audit.version.plan.case
    given_ratings(audit, invited_practitioner(case, "nurse", "health", discipline="health"))
    given_ratings(audit, invited_practitioner(case, "socialworker", "social_care"))


# When


def when_the_officer_starts_an_audit(
    page: Page, officer: User, version: PlanVersion, axe: Any
) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto("/accounts/sign-in/")
    submit_sign_in(page, officer.username)
    expect(page).to_have_url(re.compile(r"/cases/$"))
    page.goto(f"/cases/{version.plan.case_id}/plan/")
    page.get_by_role("link", name="Quality audits of version 1").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quality audits")
    expect(page.get_by_text("This version has not been audited yet.")).to_be_visible()
    check_both_widths(page, axe, "a version's audits before any")
    page.get_by_role("link", name="Start an audit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Start an audit")
    check_both_widths(page, axe, "the page to start an audit")
    page.get_by_role("button", name="Start the audit").click()
    expect(banner(page)).to_contain_text("Audit 1 started")
    expect(page.get_by_text("Education: 0 of 14 criteria rated")).to_be_visible()
    check_both_widths(page, axe, "a version's audits with one in progress")


def when_they_rate_a_criterion_below_good_without_saying_why(page: Page, axe: Any) -> None:
    page.get_by_role("link", name="Rate the plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rate the plan for education")
    page.get_by_text("Read section F as it is written").click()
    expect(page.get_by_text("A structured phonics programme.")).to_be_visible()
    check_both_widths(page, axe, "the rating form")
    smart = page.get_by_role("group", name=re.compile(r"^E2: "))
    # By keyboard: focus the first rating and arrow down to "Requires improvement".
    smart.get_by_label("Outstanding").focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(smart.get_by_label("Requires improvement")).to_be_checked()
    page.get_by_role("button", name="Save ratings").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Say what needs to improve, for a rating below good")
    check_both_widths(page, axe, "the rating form showing an error")
    summary.get_by_role("link").click()
    expect(page.get_by_label("Comment on E2")).to_be_focused()


def when_they_give_every_education_rating(page: Page, axe: Any) -> None:
    page.get_by_label("Comment on E2").fill("Outcome E1 has no measure of success.")
    groups = page.get_by_role("group", name=re.compile(r"^(A|B|E|F|I|J|K)\d: "))
    for index in range(groups.count()):
        group = groups.nth(index)
        if not group.get_by_label("Requires improvement").is_checked():
            group.get_by_label("Good", exact=True).check()
    page.get_by_role("button", name="Save ratings").click()
    expect(banner(page)).to_contain_text("14 ratings saved")
    expect(page.get_by_text("Education: 14 of 14 criteria rated")).to_be_visible()


def when_they_complete_the_audit(page: Page, axe: Any) -> None:
    expect(page.get_by_text("Health: 4 of 4 criteria rated")).to_be_visible()
    page.get_by_role("button", name="Complete audit 1").click()
    expect(banner(page)).to_contain_text("The auditors disagree about some criteria")
    expect(page.get_by_text("Awaiting moderation").first).to_be_visible()
    check_both_widths(page, axe, "a version's audits awaiting moderation")
    page.get_by_role("link", name="See the ratings so far").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit 1")
    expect(
        page.get_by_text(
            "The auditors disagree about this criterion. A SEND manager will moderate it."
        )
    ).to_be_visible()
    check_both_widths(page, axe, "an audit awaiting moderation")


def when_a_manager_moderates(page: Page, manager: User, version: PlanVersion, axe: Any) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.goto("/accounts/sign-in/")
    submit_sign_in(page, manager.username)
    page.goto(f"/plans/versions/{version.pk}/audits/")
    page.get_by_role("link", name="Moderate audit 1").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Moderate audit 1")
    expect(page.get_by_text("No hours given.")).to_be_visible()
    check_both_widths(page, axe, "the moderation form")
    page.get_by_role("button", name="Agree ratings and complete the audit").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Select the rating agreed")
    expect(summary).to_contain_text("Say why you agreed these ratings")
    check_both_widths(page, axe, "the moderation form showing errors")
    agreed = page.get_by_role("group", name="Agreed rating for F1")
    agreed.get_by_label("Requires improvement").check()
    page.get_by_label("Why did you agree these ratings?").fill(
        "Section F gives no hours for the phonics programme."
    )
    page.get_by_role("button", name="Agree ratings and complete the audit").click()


def when_they_record_an_issue_override(page: Page, version: PlanVersion, axe: Any) -> None:
    page.goto(f"/plans/versions/{version.pk}/audits/")
    page.get_by_role("link", name="Record an issue override").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record an issue override")
    check_both_widths(page, axe, "the override form")
    page.get_by_label("Why should this version be issued as it is?").fill(
        "The tribunal ordered the plan issued by Friday."
    )
    page.get_by_role("button", name="Record the override").click()


# Then


def then_the_result_shows_the_agreed_rating(page: Page, axe: Any) -> None:
    expect(banner(page)).to_contain_text("Audit 1 moderated and complete: Good")
    expect(page.get_by_text("Agreed at moderation: requires improvement.")).to_be_visible()
    overall = page.locator(".govuk-summary-list__row").filter(has_text="Overall rating")
    expect(overall).to_contain_text("Good")
    section_f = page.get_by_role("table", name="Ratings of section F")
    expect(section_f.get_by_role("row").filter(has_text="F1:")).to_contain_text(
        "Requires improvement from Manager (education)"
    )
    check_both_widths(page, axe, "a moderated audit's result")


def then_the_override_is_listed(page: Page, axe: Any) -> None:
    expect(banner(page)).to_contain_text("Override recorded")
    expect(page.get_by_text("The tribunal ordered the plan issued by Friday.")).to_be_visible()
    check_both_widths(page, axe, "a version's audits with an override")


def test_a_multi_agency_audit_with_moderation(
    page: Page,
    officer: User,
    manager: User,
    make_child: Callable[..., Child],
    axe: Any,
) -> None:
    version = given_a_draft_plan(officer, make_child)

    when_the_officer_starts_an_audit(page, officer, version, axe)
    audit = version.audits.get()
    given_health_and_social_care_have_rated(audit)
    when_they_rate_a_criterion_below_good_without_saying_why(page, axe)
    when_they_give_every_education_rating(page, axe)
    dispute(audit, manager)  # the manager, an education auditor too, rates F1 below good
    when_they_complete_the_audit(page, axe)
    when_a_manager_moderates(page, manager, version, axe)

    then_the_result_shows_the_agreed_rating(page, axe)
    when_they_record_an_issue_override(page, version, axe)
    then_the_override_is_listed(page, axe)
