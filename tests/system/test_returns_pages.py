"""Browser journey: a SEND manager checks the SEN2 return for a collection year. They choose
the year and the LA-level answers, see the validation report with a query about a late plan,
open the case from the report, confirm the query, and export the XML. axe-core WCAG 2.2 AA
checks at desktop width and 320px on both pages."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from defusedxml.ElementTree import fromstring
from playwright.sync_api import Page, expect

from tests.returns.sen2_builders import issued_late
from tests.system.steps import check_both_widths, submit_sign_in
from thrive.accounts.models import User
from thrive.assessments.models import Case
from thrive.core.models import AuditAction, AuditEntry


def _answer(page: Page, question: str, answer: str) -> None:
    page.get_by_role("group", name=question).get_by_label(answer).check()


def test_manager_checks_confirms_and_exports_the_return(
    page: Page,
    manager: User,
    officer: User,
    make_case: Callable[..., Case],
    axe: Any,
) -> None:
    # Given a plan issued 27 weeks after the request with no exception recorded
    case = issued_late(make_case, officer, dt.date(2025, 1, 6), first_name="Wilhelmina")

    # When the manager opens the SEN2 return and chooses the 2026 collection
    page.goto("/accounts/sign-in/")
    submit_sign_in(page, manager.username)
    page.get_by_role("link", name="SEN2 return").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("SEN2 return")
    check_both_widths(page, axe, "SEN2 return: choose the year")
    page.get_by_label("Collection year").select_option("2026")
    _answer(page, "Is there a Designated Medical Officer (DMO)?", "Yes, in post")
    _answer(page, "Is there a Designated Clinical Officer (DCO)?", "Yes, in post")
    _answer(page, "Is there a Designated Social Care Officer (DSCO)?", "Recruiting")
    page.get_by_role("button", name="Check the return").click()

    # Then the report shows the query, by case reference, and blocks the export
    expect(page.get_by_role("heading", level=1)).to_have_text("SEN2 return 2026")
    expect(page.get_by_text("You cannot export the return yet")).to_be_visible()
    expect(page.get_by_role("heading", name=case.reference)).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("Wilhelmina")
    check_both_widths(page, axe, "SEN2 validation report")
    link = page.get_by_role("link", name=f"Open the case {case.reference}")
    expect(link).to_have_attribute("href", f"/cases/{case.pk}/")

    # When they confirm the query
    page.get_by_role("button", name="Confirm query T-ASS-4b on Week20").click()

    # Then it is marked confirmed and the return can be exported
    expect(page.get_by_text("Query confirmed")).to_be_visible()
    check_both_widths(page, axe, "SEN2 validation report, query confirmed")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export as XML").click()
    data = Path(download.value.path()).read_bytes()
    root = fromstring(data)
    assert root.findtext("Header/Source/DSCO") == "R"
    assert root.findtext("Persons/Person/Forename") == "Wilhelmina"
    assert AuditEntry.objects.filter(action=AuditAction.EXPORT, actor=manager).count() == 1
