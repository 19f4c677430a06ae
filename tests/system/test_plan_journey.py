"""A case officer turns an issued draft into the final EHC plan and issues it, in a real browser,
on pages with no WCAG 2.2 AA violations at desktop width or at 320 pixels wide."""

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.plans.builders import fill
from tests.system.steps import DESKTOP, check_both_widths, submit_sign_in
from thrive.accounts.models import User
from thrive.assessments import services as case_services
from thrive.assessments.models import Case
from thrive.law import clock
from thrive.people.models import Child
from thrive.plans import services
from thrive.plans.models import PlanVersion

pytestmark = pytest.mark.browser

# Given


def given_a_draft_issued_weeks_ago(
    officer: User, make_child: Callable[..., Child]
) -> tuple[Case, PlanVersion]:
    """Decided to issue, the draft served 20 days ago: the family's 15 days are over."""
    today = timezone.localdate()
    case = case_services.case_open(
        actor=officer,
        child=make_child(first_name="Ada", last_name="Example"),
        received_on=today - dt.timedelta(days=130),
        request_source="1",
        today=today,
    )
    for kind, days_ago in (("decision_to_assess", 100), ("decision_to_issue", 30)):
        step = clock.Event(clock.EventKind(kind), today - dt.timedelta(days=days_ago), outcome=True)
        case_services.case_record_step(actor=officer, case=case, step=step, today=today)
    draft = services.plan_start(actor=officer, case=case)
    fill(draft, officer)
    served = today - dt.timedelta(days=20)
    draft = services.plan_issue_draft(actor=officer, version=draft, served_on=served, today=today)
    return case, draft


# When


def when_they_sign_in_and_open_the_plan(page: Page, officer: User, case: Case, axe: Any) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto("/accounts/sign-in/")
    submit_sign_in(page, officer.username)
    expect(page).to_have_url(re.compile(r"/cases/$"))
    page.goto(f"/cases/{case.pk}/plan/")
    expect(page.get_by_role("heading", level=1)).to_have_text("EHC plan")
    expect(page.get_by_role("heading", name="Version 1: draft plan")).to_be_visible()
    check_both_widths(page, axe, "the plan's overview")


def when_they_start_the_final_plan(page: Page, axe: Any) -> None:
    page.get_by_role("link", name="Start the final plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Start the final plan")
    check_both_widths(page, axe, "the page to start the final plan")
    page.get_by_role("button", name="Start version 2").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Version 2: final plan")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Version 2: final plan started"
    )
    check_both_widths(page, axe, "the final plan being written")


def when_they_save_section_i_empty(page: Page, axe: Any) -> None:
    page.get_by_role("link", name="Change section I").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Section I: School, college or other institution"
    )
    check_both_widths(page, axe, "the section I form")
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select the school or other institution, or the type")
    expect(summary).to_be_focused()
    check_both_widths(page, axe, "the section I form showing an error")


def when_they_give_the_type_of_setting(page: Page, axe: Any) -> None:
    page.get_by_label("Type of setting, if none is named").select_option(
        label="Special school: academy or free school"
    )
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Section I saved")
    expect(page.get_by_text("Special school: academy or free school")).to_be_visible()
    check_both_widths(page, axe, "the final plan with section I filled in")


def when_they_issue_the_final_plan(page: Page, axe: Any) -> None:
    page.get_by_role("link", name="Issue the final plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Issue the final plan")
    expect(
        page.get_by_text("appeal to the SEND Tribunal about sections B, F and I")
    ).to_be_visible()
    check_both_widths(page, axe, "the page to issue the final plan")
    today = timezone.localdate()
    date = page.get_by_role("group", name="Date the final plan is issued")
    date.get_by_label("Day").fill(str(today.day))
    date.get_by_label("Month").fill(str(today.month))
    date.get_by_label("Year").fill(str(today.year))
    page.get_by_role("button", name="Issue the final plan").click()


# Then


def then_the_plan_shows_both_versions_issued(page: Page, case: Case, axe: Any) -> None:
    expect(page).to_have_url(re.compile(rf"/cases/{case.pk}/plan/$"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Final plan issued")
    card = page.locator(".govuk-summary-card").filter(has_text="Version 2: final plan")
    expect(card.get_by_text("Issued", exact=True)).to_be_visible()
    check_both_widths(page, axe, "the plan's overview after issuing")


def then_the_family_would_read_their_right_to_appeal(page: Page, axe: Any) -> None:
    page.get_by_role("link", name="Read (version 2)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Education, health and care plan")
    expect(page.get_by_role("heading", name="If you disagree with this plan")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile(r"^Section [A-K]\d?:"))).to_have_count(12)
    check_both_widths(page, axe, "the final plan as a document")


def then_the_case_shows_the_final_plan_issued(page: Page, case: Case, axe: Any) -> None:
    page.goto(f"/cases/{case.pk}/")
    stage = clock.Stage.FINAL_ISSUED.label
    expect(page.locator("main .govuk-body-l")).to_contain_text(stage)
    expect(page.get_by_role("heading", name="Final plan issued", level=3)).to_be_visible()
    row = page.get_by_role("table", name="Statutory deadlines for this case").get_by_role("row")
    expect(row.filter(has_text="Issue the final plan").get_by_role("cell").nth(2)).not_to_have_text(
        "Not yet"
    )
    check_both_widths(page, axe, "the case after the final plan")


def test_officer_issues_the_final_plan(
    page: Page, officer: User, make_child: Callable[..., Child], axe: Any
) -> None:
    case, _draft = given_a_draft_issued_weeks_ago(officer, make_child)

    when_they_sign_in_and_open_the_plan(page, officer, case, axe)
    when_they_start_the_final_plan(page, axe)
    when_they_save_section_i_empty(page, axe)
    when_they_give_the_type_of_setting(page, axe)
    when_they_issue_the_final_plan(page, axe)

    then_the_plan_shows_both_versions_issued(page, case, axe)
    then_the_family_would_read_their_right_to_appeal(page, axe)
    then_the_case_shows_the_final_plan_issued(page, case, axe)


def test_every_other_plan_page_passes_axe(
    page: Page, officer: User, make_child: Callable[..., Child], axe: Any
) -> None:
    """Given a draft issued and a final plan started, when the officer visits every other plan
    page, then none has a WCAG 2.2 AA violation at either width."""
    _case, draft = given_a_draft_issued_weeks_ago(officer, make_child)
    final = services.plan_new_version(actor=officer, version=draft, kind="final")
    services.need_add(actor=officer, version=final, section="C", text="Has asthma.")
    need, outcome = final.needs.get(section="B"), final.outcomes.get()
    provision = final.provisions.get()
    page.set_viewport_size(DESKTOP)
    page.goto("/accounts/sign-in/")
    submit_sign_in(page, officer.username)
    expect(page).to_have_url(re.compile(r"/cases/$"))
    base = f"/plans/versions/{final.pk}/"
    page.goto(base)
    # The plan checks list the gap at the top and beside the need, which the link leads to
    gap = "Need C1 is not addressed by any outcome in section E."
    expect(page.get_by_role("link", name=f"Need C1: {gap}")).to_be_visible()
    page.get_by_role("link", name=f"Need C1: {gap}").click()
    expect(page.locator(f"#need-{final.needs.get(section='C').pk}")).to_contain_text(gap)
    pages = {
        "the version page with the plan checks' findings": base,
        "section A": base + "section-a/",
        "section J": base + "section-j/",
        "section K": base + "section-k/",
        "a new need": base + "needs/new/?section=C",
        "a need": base + f"needs/{need.pk}/",
        "removing a need": base + f"needs/{need.pk}/?remove=yes",
        "an outcome, with needs to tick": base + f"outcomes/{outcome.pk}/",
        "a new provision, with outcomes to tick": base + "provisions/new/?section=F",
        "removing provision": base + f"provisions/{provision.pk}/?remove=yes",
        "the comparison": f"/plans/versions/{draft.pk}/compare/{final.pk}/",
        "the draft as a document": f"/plans/versions/{draft.pk}/document/",
        "the issued draft's page": f"/plans/versions/{draft.pk}/",
    }
    for where, path in pages.items():
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        check_both_widths(page, axe, where)
    page.goto(base + "outcomes/new/")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    check_both_widths(page, axe, "a new outcome showing errors")
