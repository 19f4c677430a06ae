"""The forecasting pages in a browser: an analyst opens the overview, tries to save a scenario
with a mistake and sees it in the error summary, reads a finished forecast (charts beside
their tables), records a unit cost and places at a setting, and compares two forecasts. Each
page passes axe-core's WCAG 2.2 AA rules at desktop width and at 320px."""

from typing import Any

from playwright.sync_api import Page, expect

from tests.factories import make_user
from tests.forecasting.results_example import example_results, example_run, example_scenario
from tests.system.steps import check_both_widths, submit_sign_in
from thrive.people.models import LocalAuthority, Setting


def test_analyst_uses_the_forecasting_pages(page: Page, axe: Any, transactional_db: Any) -> None:
    # Given an analyst, two finished forecasts and a special school
    analyst = make_user("analyst", "analyst")
    first = example_run(example_scenario(name="Central", actor=analyst))
    second = example_run(
        example_scenario(name="Faster growth", actor=analyst), results=example_results(growth=0.08)
    )
    council = LocalAuthority.objects.create(code="999", name="Test council")
    Setting.objects.create(
        name="Oak Special School",
        establishment_type="special_la_maintained",
        phase="all_through",
        local_authority=council,
    )
    page.goto("/accounts/sign-in/")
    submit_sign_in(page, "analyst")

    # When they open Forecasts from the navigation
    page.get_by_role("link", name="Forecasts").click()
    expect(page.get_by_role("heading", name="Forecasts", exact=True)).to_be_visible()
    check_both_widths(page, axe, "the forecasts overview")

    # And try to save a scenario with no name and a change in flows with no setting type
    page.get_by_role("button", name="Create a scenario").click()
    page.get_by_label("Name", exact=True).fill("")
    page.get_by_label("Change in flows: which flows").select_option("into")
    page.get_by_role("button", name="Save and run the forecast").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    check_both_widths(page, axe, "the new scenario form with errors")

    # Then a finished forecast shows its charts, tables and back-test
    page.goto(f"/forecasting/runs/{first.pk}/")
    expect(page.get_by_role("heading", name="Central")).to_be_visible()
    expect(
        page.get_by_role("img", name="Children with EHC plans each January").first
    ).to_be_visible()
    expect(page.get_by_text("Short of 20 places").first).to_be_visible()
    check_both_widths(page, axe, "a finished forecast")

    # When they record a unit cost
    page.goto("/forecasting/unit-costs/")
    page.get_by_label("Primary need").select_option("ASD")
    page.get_by_label("Setting type").select_option("special_state")
    page.get_by_label("Cost of one placement for a year, £").fill("24500")
    page.get_by_label("Rise each year, per cent").fill("3")
    page.get_by_label("Prices as at January").fill("2026")
    page.get_by_role("button", name="Save the cost").click()
    expect(page.get_by_role("cell", name="£24,500")).to_be_visible()
    check_both_widths(page, axe, "the unit costs")

    # And the places at the special school
    page.goto("/forecasting/capacity/")
    page.get_by_label("Setting", exact=True).select_option(label="Oak Special School")
    page.get_by_label("Places for children with EHC plans").fill("120")
    page.get_by_label("Locality").fill("North")
    page.get_by_role("button", name="Save the places").click()
    expect(page.get_by_role("cell", name="Oak Special School", exact=True)).to_be_visible()
    check_both_widths(page, axe, "the places at settings")

    # Then they compare the two forecasts side by side
    page.goto("/forecasting/compare/")
    page.get_by_label(f"Central (run {first.pk}", exact=False).check()
    page.get_by_label(f"Faster growth (run {second.pk}", exact=False).check()
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_text("from the first").first).to_be_visible()
    check_both_widths(page, axe, "two forecasts compared")
