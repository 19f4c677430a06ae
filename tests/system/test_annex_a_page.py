"""Browser journey: a SEND manager gets the Annex A lists for an inspection. They see the
counts for today, ask for another date (a wrong one first, shown in the error summary), and
download the workbook. axe-core WCAG 2.2 AA checks at desktop width and 320px."""

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from tests.returns import annex_a_builders as build
from tests.system.steps import check_both_widths, submit_sign_in
from thrive.accounts.models import User
from thrive.core.models import AuditAction, AuditEntry
from thrive.people.models import Child


def _fill_date(page: Page, day: str, month: str, year: str) -> None:
    group = page.get_by_role("group", name="Reference date")
    group.get_by_label("Day").fill(day)
    group.get_by_label("Month").fill(month)
    group.get_by_label("Year").fill(year)


def test_manager_gets_the_lists_for_a_date(
    page: Page,
    manager: User,
    officer: User,
    make_child: Callable[..., Child],
    council: Any,
    axe: Any,
) -> None:
    # Given one plan issued a year ago, one issued last week, and a refused request
    today = timezone.localdate()
    school = build.setting(council, "100001", "primary")
    old = make_child(first_name="Wilhelmina", setting=school)
    build.plan(old, officer, today - dt.timedelta(days=365), named=school)
    build.plan(make_child(), officer, today - dt.timedelta(days=7))
    refused = make_child(setting=school)
    build.request(
        refused,
        today - dt.timedelta(days=200),
        ("decision_to_assess", today - dt.timedelta(days=160), False),
    )

    # When the manager opens the Annex A page
    page.goto("/accounts/sign-in/")
    submit_sign_in(page, manager.username)
    page.get_by_role("link", name="Annex A lists").click()

    # Then it counts both lists for today and says which columns Thrive leaves blank
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Annex A lists for the area SEND inspection"
    )
    lists = page.locator(".govuk-summary-list")
    expect(lists).to_contain_text(re.compile(r"with an EHC plan\s+2\s"))
    expect(lists).to_contain_text(re.compile(r"on SEN support\s+1\s"))
    expect(page.get_by_role("rowheader", name="Suspensions")).to_be_visible()
    check_both_widths(page, axe, "the Annex A page")

    # When they ask for 30 February, the error summary says so and links to the date
    _fill_date(page, "30", "2", str(today.year))
    page.get_by_role("button", name="Show the lists").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("The reference date must be a real date")
    expect(page).to_have_title(re.compile("^Error: "))
    check_both_widths(page, axe, "the Annex A page with a wrong date")

    # When they ask for a month ago, the plan issued last week is not on List 1
    month_ago = today - dt.timedelta(days=30)
    _fill_date(page, str(month_ago.day), str(month_ago.month), str(month_ago.year))
    page.get_by_role("button", name="Show the lists").click()
    expect(page.locator(".govuk-summary-list")).to_contain_text(
        re.compile(r"with an EHC plan\s+1\s")
    )

    # And the workbook they download has both sheets, with real dates
    with page.expect_download() as download_info:
        page.get_by_role("button", name=re.compile("Download the workbook")).click()
    download = download_info.value
    assert download.suggested_filename == f"annex-a-{month_ago:%Y-%m-%d}.xlsx"
    with download.path().open("rb") as file:
        book = load_workbook(file)
    assert book.sheetnames == ["List_1", "List_2"]
    first = book["List_1"]["A2"].value, book["List_1"]["D2"]
    assert first[0] == old.pk
    assert first[1].is_date
    assert AuditEntry.objects.filter(action=AuditAction.EXPORT, actor=manager).count() == 1
