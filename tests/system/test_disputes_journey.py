"""Browser journey: the case officer opens a case's mediation and appeals, records an appeal
(first with a date the service refuses), and checks the area's open appeals and hearings and
the dashboard's appeals, with an axe-core WCAG 2.2 AA check on every page state at desktop
width and 320px."""

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.system.steps import check_both_widths, submit_sign_in
from thrive.accounts.models import User
from thrive.assessments.models import Case
from thrive.disputes import services


def _fill_date(page: Page, legend: str, day: dt.date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def given_a_case_with_a_mediation(officer: User, make_case: Callable[..., Case]) -> Case:
    today = timezone.localdate()
    letter = today - dt.timedelta(days=40)
    case = make_case()
    mediation = services.mediation_record(
        actor=officer,
        case=case,
        subject="plan_content",
        decision_letter_on=letter,
        adviser_contacted_on=letter + dt.timedelta(days=10),
        today=today,
    )
    services.mediation_record_certificate(
        actor=officer,
        mediation=mediation,
        issued_on=letter + dt.timedelta(days=12),
        kind="declined",
        today=today,
    )
    return case


def test_officer_records_an_appeal_and_sees_the_hearings(
    page: Page, officer: User, make_case: Callable[..., Case], axe: Any
) -> None:
    # Given a case whose family went to a mediation adviser and has a certificate
    today = timezone.localdate()
    case = given_a_case_with_a_mediation(officer, make_case)

    # When the officer opens the case and follows "Mediation and appeals"
    page.goto("/accounts/sign-in/")
    submit_sign_in(page, officer.username)
    expect(page).to_have_url(re.compile(r"/cases/$"))
    page.goto(f"/cases/{case.pk}/")
    page.get_by_role("link", name="Mediation and appeals").click()
    expect(page).to_have_url(re.compile(rf"/cases/{case.pk}/disputes/$"))
    expect(page.get_by_role("heading", name="Mediation and appeals", level=1)).to_be_visible()
    expect(page.get_by_text("Last day to appeal")).not_to_have_count(0)
    check_both_widths(page, axe, "a case's mediation and appeals")

    # When they record an appeal registered before the decision letter, the summary says why
    page.get_by_role("link", name="Record an appeal").click()
    page.get_by_label("The needs or provision in the plan (sections B and F)").check()
    _fill_date(page, "Date of the decision letter", today - dt.timedelta(days=40))
    _fill_date(page, "Date the Tribunal registered the appeal", today - dt.timedelta(days=41))
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    expect(page.locator(".govuk-error-summary")).to_contain_text("on or after the decision letter")
    check_both_widths(page, axe, "recording an appeal with a date the service refuses")

    # When they give the right date, the page shows the appeal, registered in time
    _fill_date(page, "Date the Tribunal registered the appeal", today)
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(rf"/cases/{case.pk}/disputes/$"))
    expect(page.get_by_text("Appeal recorded")).to_be_visible()
    expect(page.get_by_text("within the time to appeal")).to_be_visible()
    check_both_widths(page, axe, "a case's mediation and appeals with an open appeal")

    # And they set the hearing date
    page.get_by_role("link", name=re.compile("Record hearing")).click()
    _fill_date(page, "Date of the hearing", today + dt.timedelta(weeks=12))
    check_both_widths(page, axe, "recording a hearing date")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Hearing date recorded")).to_be_visible()

    # Then the area's list shows the open appeal with its hearing
    page.goto("/disputes/")
    expect(page.get_by_role("heading", name="Open appeals and hearings")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(case.reference))).to_be_visible()
    check_both_widths(page, axe, "the area's open appeals and hearings")

    # And the dashboard's section counts the appeal in this year's row
    page.goto("/insight/")
    section = page.locator("section", has=page.locator("#appeals"))
    expect(section.get_by_role("table")).to_contain_text(str(today.year))
    check_both_widths(page, axe, "the dashboard with appeals to the SEND Tribunal")
