"""Progress reports in a browser: a programme officer chooses a period, meets a refusal, previews
the report, issues it and reads the issued version; each page passes axe-core's WCAG 2.2 AA
rules at desktop width and at 320 pixels."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from tests.factories import make_user
from tests.system.steps import check_both_widths, submit_sign_in
from thrive.improvement.models import Action, MeasureTarget, Priority, Workstream


def _fill_date(page: Any, name: str, day: dt.date) -> None:
    page.locator(f"input[name={name}_day]").fill(str(day.day))
    page.locator(f"input[name={name}_month]").fill(str(day.month))
    page.locator(f"input[name={name}_year]").fill(str(day.year))


def test_programme_officer_previews_and_issues_a_report(page: Any, axe: Any) -> None:
    # Given a programme with an action and a measure, and a programme officer
    today = timezone.localdate()
    officer = make_user("po", "programme_officer")
    priority = Priority.objects.create(title="Timely plans")
    workstream = Workstream.objects.create(priority=priority, title="Assessment capacity")
    Action.objects.create(
        workstream=workstream,
        title="Recruit two psychologists",
        owner=officer,
        partner="council",
        due_on=today + dt.timedelta(days=10),
    )
    MeasureTarget.objects.create(
        priority=priority,
        measure_key="plans_20_weeks",
        baseline_value=Decimal("40"),
        baseline_on=today - dt.timedelta(days=200),
        target_value=Decimal("70"),
        target_on=today + dt.timedelta(days=400),
    )
    page.goto("/accounts/sign-in/")
    submit_sign_in(page, "po")

    # When they open progress reports and choose a meeting before the period ends
    page.goto("/improvement/reports/")
    assert page.get_by_role("heading", name="Progress reports", exact=True).is_visible()
    check_both_widths(page, axe, "the list of progress reports")
    page.get_by_role("link", name="Prepare a progress report").click()
    page.get_by_label("Scrutiny committee").check()
    start, end = today - dt.timedelta(days=90), today - dt.timedelta(days=1)
    _fill_date(page, "start", start)
    _fill_date(page, "end", end)
    _fill_date(page, "next_meeting_on", start)
    page.get_by_role("button", name="Preview the report").click()

    # Then the error summary says why
    assert page.get_by_text("The next meeting must be on or after the end of the period").first
    assert page.title().startswith("Error: ")
    check_both_widths(page, axe, "the report choice with an error")

    # When they correct the meeting date
    _fill_date(page, "next_meeting_on", today + dt.timedelta(days=20))
    page.get_by_role("button", name="Preview the report").click()

    # Then the preview shows every section, the chart and the tables
    for heading in (
        "What was done",
        "Actions due before the next meeting",
        "What families told us",
    ):
        assert page.get_by_role("heading", name=heading, exact=True).is_visible()
    assert page.locator("svg[role=img]").count() == 1
    assert page.get_by_role("rowheader", name="Recruit two psychologists").first.is_visible()
    check_both_widths(page, axe, "the report preview")

    # When they issue it, they read version 1 with its downloads
    page.get_by_role("button", name="Issue this report").click()
    assert page.get_by_text("Version 1, issued on").is_visible()
    assert page.get_by_role("link", name="Download as a PDF").is_visible()
    check_both_widths(page, axe, "the issued report")
    page.goto("/improvement/reports/")
    assert page.get_by_role("link", name="Progress report to the scrutiny committee").count() == 1
