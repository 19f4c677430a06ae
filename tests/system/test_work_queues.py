"""Browser journey: a case officer works the reviews and amendments queue and checks the phase
transfers; a SEND manager looks at the oldest overdue reviews. axe-core WCAG 2.2 AA checks on
each page at desktop width and 320px."""

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.queues.builders import add_review, issued_plan
from tests.system.steps import check_both_widths, submit_sign_in
from thrive.accounts.models import User
from thrive.assessments.models import Case
from thrive.law.reviews import add_months


def given_overdue_and_transferring_plans(
    officer: User, make_case: Callable[..., Case]
) -> list[Case]:
    """Three plans: a review overdue, an open review with its invitations late, and a child in
    Year 6 (moving to secondary school) whose plan has not been amended."""
    today = timezone.localdate()
    officer.team = "North"
    officer.save()
    overdue = make_case(first_name="Wren")
    issued_plan(overdue, officer, add_months(today, -13))
    open_review = make_case(first_name="Otto")
    plan = issued_plan(open_review, officer, add_months(today, -11))
    add_review(plan, officer, today + dt.timedelta(days=7))
    school_year = today.year if today.month >= 9 else today.year - 1
    transferring = make_case(first_name="Yara", date_of_birth=dt.date(school_year - 10, 1, 15))
    issued_plan(transferring, officer, add_months(today, -24))
    return [overdue, open_review, transferring]


def test_officer_and_manager_work_the_queues(
    page: Page,
    officer: User,
    manager: User,
    make_case: Callable[..., Case],
    axe: Any,
) -> None:
    overdue, open_review, transferring = given_overdue_and_transferring_plans(officer, make_case)

    # When the officer signs in and follows the caseload's link to the work queue
    page.goto("/accounts/sign-in/")
    submit_sign_in(page, officer.username)
    expect(page).to_have_url(re.compile(r"/cases/$"))
    page.get_by_role("link", name="reviews and amendments work queue").click()

    # Then the queue counts their 3 overdue steps and lists them, the oldest overdue first
    expect(page.get_by_role("heading", name="Reviews and amendments")).to_be_visible()
    expect(page.get_by_text(re.compile("3 review and amendment steps overdue"))).to_be_visible()
    rows = page.locator("tbody tr", has=page.get_by_role("link", name=re.compile("^EHC")))
    expect(rows.nth(0)).to_contain_text(transferring.reference)  # 2 years without a review
    expect(rows.nth(1)).to_contain_text(overdue.reference)
    # (the open review: its invitations are late and its report is due in 3 weeks)
    expect(page.get_by_role("link", name=open_review.reference)).to_have_count(2)
    check_both_widths(page, axe, "the reviews and amendments queue")

    # When they filter to what is due in the next 4 weeks, the overdue review goes
    page.get_by_label("Show").select_option("due_soon")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("link", name=overdue.reference)).to_have_count(0)
    expect(page.get_by_role("link", name=open_review.reference)).to_have_count(1)
    check_both_widths(page, axe, "the queue filtered to steps due soon")

    # The phase transfers page shows the Year 6 child and the summary table
    page.get_by_role("link", name="Phase transfers").click()
    expect(
        page.get_by_role("heading", name=re.compile("Phase transfers in September"))
    ).to_be_visible()
    expect(page.get_by_role("table", name="Transfers at risk")).to_be_visible()
    expect(page.get_by_text(transferring.reference)).to_be_visible()
    check_both_widths(page, axe, "the phase transfers page")

    # A SEND manager sees the oldest overdue reviews across the area
    page.get_by_role("button", name="Sign out").click()
    page.goto("/accounts/sign-in/")
    submit_sign_in(page, manager.username)
    page.goto("/work/")
    page.get_by_role("link", name="Oldest overdue").click()
    expect(page.get_by_role("heading", name="Oldest overdue reviews")).to_be_visible()
    expect(page.get_by_role("link", name=overdue.reference)).to_be_visible()
    check_both_widths(page, axe, "the oldest overdue reviews")
