"""Browser journey: a programme officer records the partnership's judgement on a criterion of
the area SEND inspection framework (a refusal first, shown in the error summary), sees it on
the self-evaluation page and produces the self-evaluation document; an inspector reads the
same pages. axe-core WCAG 2.2 AA checks at desktop width and at 320px on every page."""

from typing import Any

from playwright.sync_api import Page, expect

from tests.factories import make_user
from tests.improvement.selfeval_builders import evidence, load_small
from tests.improvement.test_framework import FRAMEWORK
from tests.system.steps import check_both_widths, submit_sign_in
from thrive.core.models import AuditEntry
from thrive.improvement.framework import framework_load
from thrive.improvement.models import Criterion, Judgement


def _load_framework() -> None:
    if FRAMEWORK.is_file():
        framework_load(text=FRAMEWORK.read_text(encoding="utf-8"))
    else:
        load_small()


def test_programme_officer_records_a_judgement_and_produces_the_document(
    page: Page, axe: Any
) -> None:
    # Given the framework's criteria, some evidence, and a programme officer
    _load_framework()
    officer = make_user("po", "programme_officer", last_name="Officer")
    evidence(officer, "Parent carer forum survey 2026")
    first = Criterion.objects.order_by("paragraph").first()
    assert first is not None
    title = f"{first.paragraph}. {first.heading}"

    # When they open the self-evaluation
    page.goto("/accounts/sign-in/")
    submit_sign_in(page, "po")
    page.goto("/improvement/self-evaluation/")

    # Then every criterion is there, none evaluated yet, and the page is accessible
    expect(page.get_by_role("heading", level=1)).to_have_text("Self-evaluation")
    expect(page.get_by_role("heading", level=3)).to_have_count(Criterion.objects.count())
    expect(page.get_by_text("Not yet evaluated")).to_have_count(Criterion.objects.count())
    check_both_widths(page, axe, "the self-evaluation")

    # When they record a judgement without choosing a band
    page.get_by_role("link", name=f"Record the judgement on paragraph {first.paragraph}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    check_both_widths(page, axe, "the judgement form")
    page.get_by_label("Narrative").fill("Most needs are identified early; waits are too long.")
    page.get_by_role("button", name="Save the judgement").click()

    # Then the error summary says what is missing, and the page is accessible
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select the partnership's judgement")
    check_both_widths(page, axe, "the judgement form with an error")

    # When they choose a band, evidence and live figures, and save
    page.get_by_label("Inconsistent experiences and outcomes").check()
    page.get_by_label("Parent carer forum survey 2026").check()
    page.get_by_label("New plans issued within 20 weeks").check()
    page.get_by_label("Family feedback by theme").check()
    page.get_by_role("button", name="Save the judgement").click()

    # Then the self-evaluation shows the judgement with its evidence and dated figures
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Judgement recorded")
    section = page.locator("section", has=page.get_by_role("heading", name=title))
    expect(section).to_contain_text("Inconsistent experiences and outcomes")
    expect(section).to_contain_text("Parent carer forum survey 2026")
    expect(section).to_contain_text("Last reviewed today")
    expect(section.get_by_role("table")).to_have_count(2)
    check_both_widths(page, axe, "the self-evaluation with a judgement")
    assert Judgement.objects.get().band == "inconsistent"

    # When they produce the self-evaluation
    page.get_by_role("button", name="Produce the self-evaluation").click()

    # Then the document holds every criterion and the judgement, and is accessible
    expect(page.get_by_role("heading", level=3)).to_have_count(Criterion.objects.count())
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    check_both_widths(page, axe, "the self-evaluation document")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the self-evaluation as a PDF").click()
    assert download.value.suggested_filename.startswith("self-evaluation-")
    assert AuditEntry.objects.filter(action="export").count() == 2


def test_an_inspector_reads_the_self_evaluation(page: Page, axe: Any) -> None:
    # Given the framework's criteria and an inspector whose account is open
    _load_framework()
    make_user("inspector", "inspector")

    # When they open the self-evaluation
    page.goto("/accounts/sign-in/")
    submit_sign_in(page, "inspector")
    page.goto("/improvement/self-evaluation/")

    # Then they read every criterion, may not record a judgement, and the page is accessible
    expect(page.get_by_role("heading", level=3)).to_have_count(Criterion.objects.count())
    expect(page.get_by_role("link", name="Record the judgement")).to_have_count(0)
    check_both_widths(page, axe, "the self-evaluation for an inspector")
