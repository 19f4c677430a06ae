"""The self-evaluation's judgements (the service and its refusals) and how they are presented:
stale after 6 months, in words; live figures read through the dashboard's own selectors."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from tests.improvement.selfeval_builders import (
    action,
    evidence,
    judge,
    load_small,
    programme_officer,
)
from thrive.core.errors import Refusal
from thrive.core.models import AuditEntry
from thrive.improvement import presenters_selfeval as presenters
from thrive.improvement import selectors_selfeval as selectors
from thrive.improvement.models import Feedback, Judgement, Theme
from thrive.insight import selectors as insight_selectors
from thrive.insight.periods import rolling_12_months
from thrive.insight.services import insight_refresh

TODAY = dt.date(2026, 12, 7)


@pytest.fixture
def officer_po(db: Any) -> Any:
    return programme_officer()


def test_records_a_judgement_with_its_links_and_audits_it(officer_po: Any) -> None:
    criterion = load_small()[0]
    paper = evidence(officer_po, "Timeliness audit, autumn 2026")
    act = action(officer_po, "Recruit two educational psychologists")
    judgement = judge(
        officer_po,
        criterion,
        TODAY,
        band="positive",
        narrative="  Needs are identified early.  ",
        evidence=[paper],
        actions=[act],
        measure_keys=["plans_20_weeks", selectors.FEEDBACK_THEMES, "plans_20_weeks"],
    )
    assert (judgement.band, judgement.narrative) == ("positive", "Needs are identified early.")
    assert judgement.measure_keys == ["plans_20_weeks", selectors.FEEDBACK_THEMES]
    assert (judgement.reviewed_on, judgement.reviewed_by) == (TODAY, officer_po)
    assert list(judgement.evidence.all()) == [paper]
    assert list(judgement.actions.all()) == [act]
    entry = AuditEntry.objects.get(object_type="improvement.judgement")
    assert (entry.action, entry.actor) == ("create", officer_po)
    assert (
        entry.summary == "Recorded the judgement on paragraph 50: positive experiences and outcomes"
    )


def test_changing_a_judgement_keeps_one_per_criterion(officer_po: Any) -> None:
    criterion = load_small()[0]
    judge(officer_po, criterion, dt.date(2026, 1, 5), evidence=[evidence(officer_po, "Old")])
    judge(officer_po, criterion, TODAY, band="significant_concerns", narrative="Worse.")
    judgement = Judgement.objects.get()
    assert (judgement.band, judgement.reviewed_on) == ("significant_concerns", TODAY)
    assert judgement.evidence.count() == 0
    actions = list(
        AuditEntry.objects.filter(object_type="improvement.judgement")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["create", "change"]


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"band": ""}, "band", "Select the partnership's judgement"),
        ({"band": "outstanding"}, "band", "Select the partnership's judgement"),
        ({"narrative": ""}, "narrative", "Enter the narrative"),
        ({"narrative": "  \n "}, "narrative", "Enter the narrative"),
        ({"measure_keys": ["made_up"]}, "measure_keys", "no live figure called made_up"),
    ],
)
def test_refuses_a_judgement_without_a_band_or_narrative(
    officer_po: Any, values: dict[str, Any], field: str, message: str
) -> None:
    criterion = load_small()[0]
    with pytest.raises(Refusal, match=message) as refused:
        judge(officer_po, criterion, TODAY, **values)
    assert refused.value.field == field
    assert not Judgement.objects.exists()
    assert not AuditEntry.objects.filter(object_type="improvement.judgement").exists()


@pytest.mark.parametrize("role", ["board_member", "inspector", "partner_lead", "analyst"])
def test_only_editors_record_judgements(db: Any, role: str) -> None:
    from tests.factories import make_user

    criterion = load_small()[0]
    with pytest.raises(Refusal, match="Only programme officers and SEND managers"):
        judge(make_user("someone", role), criterion, TODAY)
    assert not Judgement.objects.exists()


@pytest.mark.parametrize(
    ("reviewed_on", "stale", "words"),
    [
        (dt.date(2026, 12, 7), False, "Last reviewed today, on 7 December 2026"),
        (dt.date(2026, 12, 6), False, "Last reviewed 1 day ago"),
        (dt.date(2026, 6, 7), False, "Last reviewed 6 months ago, on 7 June 2026"),
        (dt.date(2026, 6, 6), True, "Last reviewed over 6 months ago, on 6 June 2026"),
        (dt.date(2026, 4, 3), True, "Last reviewed over 8 months ago"),
        (dt.date(2026, 4, 7), True, "Last reviewed 8 months ago"),
        (dt.date(2024, 12, 7), True, "Last reviewed 2 years ago"),
        (dt.date(2024, 1, 1), True, "Last reviewed over 2 years ago"),
    ],
)
def test_a_review_more_than_6_months_ago_is_stale_in_words(
    reviewed_on: dt.date, stale: bool, words: str
) -> None:
    text = presenters.reviewed_text(reviewed_on, "Pat Officer", TODAY)
    assert presenters.is_stale(reviewed_on, TODAY) is stale
    assert text.startswith(words)
    assert ("due for review" in text) is stale


def test_six_months_before_the_end_of_a_long_month() -> None:
    assert not presenters.is_stale(dt.date(2026, 2, 28), dt.date(2026, 8, 31))
    assert presenters.is_stale(dt.date(2026, 2, 27), dt.date(2026, 8, 31))


def test_live_figures_equal_the_dashboards(
    officer_po: Any, make_case: Callable[..., Any], settings: Any
) -> None:
    settings.THRIVE_SUPPRESSION_THRESHOLD = 5
    for number in range(6):
        make_case(received_on=TODAY - dt.timedelta(days=20 + number))
    insight_refresh(full=True)
    criterion = load_small()[0]
    judge(officer_po, criterion, TODAY, measure_keys=["requests", selectors.QUALITY_AUDITED])
    figures = selectors.live_figures(TODAY, {"requests", selectors.QUALITY_AUDITED})
    dashboard = insight_selectors.dashboard_numbers(rolling_12_months(TODAY), TODAY)
    assert figures.insight["requests"] == dashboard[insight_selectors.ALL]["requests"] == 6
    view = presenters.criterion_view(selectors.criteria()[0], figures)
    lines = {line.key: line for line in view.figures}
    assert lines["requests"].value == "6"
    assert lines["requests"].dated.startswith(
        "The 12 months from 8 December 2025 to 7 December 2026, as the dashboard counted them at "
    )
    assert lines[selectors.QUALITY_AUDITED].value == "None"  # no plans issued
    assert lines[selectors.QUALITY_AUDITED].dated.endswith("counted as at 7 December 2026.")


def test_small_numbers_are_hidden(officer_po: Any, make_case: Callable[..., Any]) -> None:
    make_case(received_on=TODAY - dt.timedelta(days=3))
    insight_refresh(full=True)
    criterion = load_small()[0]
    judge(officer_po, criterion, TODAY, measure_keys=["requests"])
    figures = selectors.live_figures(TODAY, {"requests"})
    view = presenters.criterion_view(selectors.criteria()[0], figures)
    assert view.figures[0].value == "[c]"


def test_feedback_by_theme_in_the_12_months(officer_po: Any) -> None:
    (waiting,) = (Theme.objects.create(name="Waiting times"),)
    talk = Theme.objects.create(name="Communication")
    Theme.objects.create(name="Never mentioned")
    for received_on, themes in (
        (TODAY, [waiting, talk]),
        (TODAY - dt.timedelta(days=100), [waiting]),
        (dt.date(2025, 12, 7), [talk]),  # a day before the 12 months
        (TODAY - dt.timedelta(days=5), []),
    ):
        feedback = Feedback.objects.create(
            received_on=received_on, source="survey", summary="s", recorded_by=officer_po
        )
        feedback.themes.set(themes)
    themes, total = selectors.feedback_by_theme(rolling_12_months(TODAY))
    assert [(t.theme, t.feedback) for t in themes] == [("Waiting times", 2), ("Communication", 1)]
    assert total == 3


def test_a_criterion_without_a_judgement_is_not_yet_evaluated(db: Any) -> None:
    load_small()
    views = [presenters.criterion_view(c, None) for c in selectors.criteria()]
    assert [v.band.text for v in views] == ["Not yet evaluated"] * 3
    assert [(a.name, [c.paragraph for c in a.criteria]) for a in presenters.by_area(views)] == [
        ("Experiences", [50, 51]),
        ("Leadership", [55]),
    ]
