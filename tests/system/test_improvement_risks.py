"""Browser journey: a programme officer adds a risk to the register, sees it on the heat map
(after mitigation, then before) and in the table, reviews its scores; then records family
feedback, writes a "you said, we did" entry and publishes it. axe-core WCAG 2.2 AA checks at
desktop width and 320px on the register, the heat map, a risk and the feedback pages."""

import datetime as dt
from typing import Any

from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.factories import make_user
from tests.system.steps import check_both_widths, submit_sign_in
from thrive.improvement.models import Theme


def _fill_date(page: Page, label: str, day: dt.date) -> None:
    group = page.get_by_role("group", name=label)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def _choose_scores(page: Page, scores: tuple[int, int, int, int]) -> None:
    labels = (
        "Likelihood before mitigation",
        "Impact before mitigation",
        "Likelihood after mitigation",
        "Impact after mitigation",
    )
    for label, value in zip(labels, scores, strict=True):
        page.get_by_label(label).select_option(str(value))


def test_programme_officer_keeps_the_register_and_family_voice(
    page: Page, axe: Any, transactional_db: Any
) -> None:
    # Given a programme officer and a theme of feedback
    make_user("po", "programme_officer", last_name="Officer")
    Theme.objects.create(name="Waiting times")
    today = timezone.localdate()
    page.goto("/accounts/sign-in/")
    submit_sign_in(page, "po")

    # When they add a risk, scored 4 x 5 before mitigation and 3 x 4 after
    page.goto("/improvement/risks/")
    expect(page.get_by_role("heading", name="Risk register")).to_be_visible()
    check_both_widths(page, axe, "the empty risk register")
    page.get_by_role("link", name="Add a risk").click()
    page.get_by_role("button", name="Add the risk").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    check_both_widths(page, axe, "the risk form with errors")
    page.get_by_label("Risk", exact=True).fill("Too few educational psychologists")
    page.get_by_label("Cause").fill("Vacancies in the service")
    page.get_by_label("Effect").fill("Advice late, so plans late")
    page.get_by_label("Owner").select_option(label="Po Officer")
    _choose_scores(page, (4, 5, 3, 4))
    _fill_date(page, "Next review", today)
    page.get_by_role("button", name="Add the risk").click()

    # Then its page gives the scores and ratings in words
    expect(page.get_by_role("heading", name="Too few educational psychologists")).to_be_visible()
    expect(page.get_by_text("Likelihood 4 × impact 5 = 20")).to_be_visible()
    expect(page.get_by_text("Review due today")).to_be_visible()
    check_both_widths(page, axe, "a risk")

    # And the heat map counts it in likelihood 3, impact 4, with the table alternative
    page.get_by_role("link", name="Back to the risk register").click()
    expect(page.locator("svg[role=img]")).to_have_count(1)
    heat_table = page.locator("#heat-map-table")
    row = heat_table.get_by_role("row", name="Likelihood 3")
    expect(row.get_by_role("cell").nth(3)).to_have_text("1 (high)")
    expect(page.locator("#risk-table").get_by_text("3 × 4 = 12")).to_be_visible()
    check_both_widths(page, axe, "the heat map after mitigation")
    page.get_by_role("link", name="Show scores before mitigation").click()
    row = page.locator("#heat-map-table").get_by_role("row", name="Likelihood 4")
    expect(row.get_by_role("cell").nth(4)).to_have_text("1 (very high)")
    check_both_widths(page, axe, "the heat map before mitigation")

    # When they review the scores down to 2 x 3 after mitigation
    page.get_by_role("link", name="Too few educational psychologists").click()
    page.get_by_role("link", name="Review the scores").click()
    _choose_scores(page, (4, 5, 2, 3))
    _fill_date(page, "Next review", today + dt.timedelta(days=30))
    check_both_widths(page, axe, "reviewing a risk's scores")
    page.get_by_role("button", name="Save the review").click()
    expect(page.get_by_text("Scores changed")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="2 × 3 = 6")).to_have_count(1)

    # When they record feedback from a survey, with a theme
    page.goto("/improvement/feedback/")
    check_both_widths(page, axe, "the empty feedback page")
    page.get_by_role("link", name="Record feedback").click()
    _fill_date(page, "Date received", today)
    page.get_by_label("Where it came from").select_option(label="Survey")
    page.get_by_label("Summary").fill("Assessments take too long")
    page.get_by_label("Waiting times").check()
    check_both_widths(page, axe, "recording feedback")
    page.get_by_role("button", name="Record the feedback").click()

    # Then the feedback page lists it, with its volume charts and tables
    expect(page.get_by_role("cell", name="Assessments take too long")).to_be_visible()
    expect(page.locator("svg[role=img]")).to_have_count(2)
    check_both_widths(page, axe, "the feedback page")

    # When they write a you said, we did entry and publish it
    page.get_by_role("link", name="You said, we did").first.click()
    page.get_by_role("link", name="Write an entry").click()
    page.get_by_label("Survey: Assessments take too long", exact=False).check()
    page.get_by_label("You said").fill("Assessments take too long")
    page.get_by_label("We did").fill("We recruited two educational psychologists")
    check_both_widths(page, axe, "writing a you said, we did entry")
    page.get_by_role("button", name="Save the entry").click()
    expect(page.get_by_text("Not published")).to_be_visible()
    check_both_widths(page, axe, "the you said, we did entries")
    page.get_by_role("button", name="Publish entry").click()
    page.get_by_role("link", name="See the published entries").click()
    expect(page.get_by_text("We recruited two educational psychologists")).to_be_visible()
    check_both_widths(page, axe, "the published you said, we did entries")
