"""Browser journey: a SEND manager imports an existing caseload. A file with a bad row is
refused with every problem listed; the corrected file is checked first (a dry run), then
imported. axe-core WCAG 2.2 AA checks at desktop width and 320px on each page."""

import re
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from tests.returns.import_builders import csv_bytes, row, upn
from tests.system.steps import check_both_widths, submit_sign_in
from thrive.accounts.models import User
from thrive.people.models import Child


def test_manager_imports_a_caseload_after_checking_it(
    page: Page, manager: User, council: Any, axe: Any, tmp_path: Path
) -> None:
    # Given a file whose second row has a UPN with the wrong check letter
    good = row(upn=upn(1), forename="Ada", placement_urn="")
    bad_upn = upn(2)[:-1] + "7"
    bad = tmp_path / "caseload.csv"
    bad.write_bytes(csv_bytes([good, row(upn=bad_upn, forename="Bo", placement_urn="")]))

    # When the manager uploads it to import straight away
    page.goto("/accounts/sign-in/")
    submit_sign_in(page, manager.username)
    page.goto("/returns/import/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Import a caseload")
    check_both_widths(page, axe, "the import page")
    page.get_by_role("button", name="Upload and check").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select a file to import")
    expect(page).to_have_title(re.compile("^Error: "))
    check_both_widths(page, axe, "the import page with an error")
    page.get_by_label("Upload a file").set_input_files(str(bad))
    page.get_by_label("Check the file and show what would change").uncheck()
    page.get_by_role("button", name="Upload and check").click()

    # Then nothing is imported and the problem is shown by row and column, with the value
    expect(page.get_by_role("heading", level=1)).to_have_text("The file was not imported")
    expect(page).to_have_title(re.compile("^Error: "))
    problems = page.locator("#problems")
    expect(problems).to_contain_text("Row 3")
    expect(problems).to_contain_text("The upn fails its check letter")
    expect(problems).to_contain_text(bad_upn)
    assert not Child.objects.exists()
    check_both_widths(page, axe, "the refused import")

    # When they correct the row and check the file first
    fixed = tmp_path / "caseload-fixed.csv"
    fixed.write_bytes(csv_bytes([good, row(upn=upn(2), forename="Bo", placement_urn="")]))
    page.get_by_role("link", name="Import another file").click()
    page.get_by_label("Upload a file").set_input_files(str(fixed))
    page.get_by_role("button", name="Upload and check").click()

    # Then they see what would change, and nothing has been written yet
    expect(page.get_by_role("heading", level=1)).to_have_text("What the import would change")
    counts = page.get_by_role("table")
    expect(counts).to_contain_text(re.compile(r"Children and young people\s+2\s+0\s+0"))
    assert not Child.objects.exists()
    check_both_widths(page, axe, "the dry run's report")

    # When they import it, both children are in Thrive
    page.get_by_role("button", name="Import the file").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The caseload was imported")
    expect(page.locator(".govuk-panel")).to_contain_text("2 rows imported")
    assert Child.objects.count() == 2
    check_both_widths(page, axe, "the import's report")
