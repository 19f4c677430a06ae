"""The benchmarks pages in a browser: an analyst compares the council with its statistical
neighbours, picks their own group, and every page passes axe-core's WCAG 2.2 AA rules at
desktop width and at 320px. The test database loads the real published 20-week figures."""

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.benchmarks.conftest import DATA
from tests.factories import make_user
from tests.system.steps import submit_sign_in
from thrive.benchmarks.services import benchmarks_load


@pytest.fixture
def published(transactional_db: Any) -> None:
    if not (DATA / "ehcp-stats").is_dir():
        pytest.skip(f"the published statistics are not at {DATA}")
    benchmarks_load(actor=None, data=DATA, only={"timeliness", "neighbours"})


def _sign_in(page: Any, username: str) -> None:
    page.goto("/accounts/sign-in/")
    submit_sign_in(page, username)


def _check_both_widths(page: Any, axe: Any, where: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    axe(page, where)
    page.set_viewport_size({"width": 320, "height": 800})
    axe(page, f"{where} at 320px")


def test_analyst_benchmarks_the_council(page: Any, axe: Any, published: None) -> None:
    # Given the published figures and an analyst
    make_user("analyst", "analyst")
    _sign_in(page, "analyst")

    # When they open the benchmarks for Devon
    page.goto("/benchmarks/?la=878")

    # Then they see Devon beside its region, neighbours and England, with a chart and its table
    assert page.get_by_role("heading", name="Published statistics for Devon").is_visible()
    assert page.get_by_role("img", name="EHC plans issued within 20 weeks: Devon").count() == 1
    assert page.get_by_role("cell", name="11.8%").count() >= 1
    _check_both_widths(page, axe, "the benchmarks for Devon")

    # When they ask to pick their own group but pick nobody, the error is accessible
    page.goto("/benchmarks/?la=878&group=chosen")
    error = "Select at least one local authority to compare with"
    assert page.get_by_text(error).first.is_visible()
    _check_both_widths(page, axe, "the benchmarks with an error")

    # When they pick two local authorities, the page compares with them
    page.set_viewport_size({"width": 1280, "height": 900})
    group = page.get_by_role("group", name="Local authorities to compare with")
    for name in ("Cornwall", "Somerset"):
        group.get_by_label(name, exact=True).check()
    page.get_by_role("button", name="Compare").click()
    # expect() waits for the new page: counting at once can read the old one
    expect(page.get_by_role("rowheader", name="Your chosen group (average)").first).to_be_visible(
        timeout=15_000
    )
    _check_both_widths(page, axe, "the benchmarks against a chosen group")
