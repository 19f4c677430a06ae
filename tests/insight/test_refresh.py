"""The summary tables behind the dashboard: kept up to date by a refresh (the children with new
events, or every row), asked for by the page; the figures worked out from each refresh."""

import datetime as dt
from typing import Any
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.factories import TODAY, step
from thrive.assessments import services as case_services
from thrive.insight import presenters, selectors, services
from thrive.insight.breakdowns import BREAKDOWNS
from thrive.insight.models import AdviceFacts, CaseFacts, Figures, Refresh
from thrive.insight.periods import calendar_year, latest_full_year
from thrive.insight.services import insight_figures, insight_refresh, insight_request_refresh
from thrive.insight.tasks import refresh_case_facts

YEAR = calendar_year(2025)
LONDON_AFTERNOON = dt.datetime(2026, 3, 2, 14, 5, tzinfo=dt.UTC)  # GMT: 2:05pm in London


def _rows() -> tuple[list[Any], list[Any]]:
    return (
        list(CaseFacts.objects.order_by("case_id").values()),
        list(AdviceFacts.objects.order_by("event_id").values()),
    )


def test_refresh_is_idempotent(area: Any) -> None:
    before = _rows()
    refresh = insight_refresh()
    assert _rows() == before
    assert (refresh.cases, refresh.advice) == (8, 2)
    assert Refresh.objects.count() == 1


def test_facts_hold_each_cases_milestones_and_groups(area: Any) -> None:
    c = CaseFacts.objects.get(case=area["C"])
    assert (c.received_on, c.final_on, c.days_to_plan) == (
        dt.date(2024, 11, 1),
        dt.date(2025, 6, 1),
        212,
    )
    assert (c.plan_in_time, c.exception_applies, c.childs_first_plan) == (False, True, True)
    assert (c.locality, c.primary_need, c.sex, c.ethnicity) == ("BN17", "MLD", "F", "WBRI")
    assert c.closed_on == dt.date(2025, 6, 1)
    assert CaseFacts.objects.get(case=area["F"]).closed_on is None
    advice = AdviceFacts.objects.get(case_id=area["B"].pk)
    assert (advice.requested_on, advice.received_on, advice.in_time) == (
        dt.date(2025, 2, 10),
        dt.date(2025, 3, 25),
        False,
    )
    assert advice.locality == "BN3"


def test_a_new_event_counts_after_the_next_refresh(area: Any, officer: Any) -> None:
    case_services.case_record_step(
        actor=officer,
        case=area["F"],
        step=step("decision_to_assess", dt.date(2026, 1, 20), outcome=False),
        today=TODAY,
    )
    year = calendar_year(2025)
    assert selectors.group_counts(year)[selectors.ALL]["not_assessed"] == 1  # not counted yet
    insight_refresh()
    assert selectors.group_counts(year)[selectors.ALL]["not_assessed"] == 2


def test_a_child_with_two_plans_is_one_active_plan(area: Any, officer: Any) -> None:
    again = case_services.case_open(
        actor=officer,
        child=area["A"].child,
        received_on=dt.date(2025, 6, 2),
        request_source="1",
        today=TODAY,
    )
    for event in (
        step("decision_to_assess", dt.date(2025, 6, 20), outcome=True),
        step("decision_to_issue", dt.date(2025, 8, 1), outcome=True),
        step("draft_issued", dt.date(2025, 8, 5)),
        step("final_issued", dt.date(2025, 9, 1)),
    ):
        case_services.case_record_step(actor=officer, case=again, step=event, today=TODAY)
    insight_refresh()
    counts = selectors.group_counts(YEAR)[selectors.ALL]
    assert (counts["plans"], counts["active_plans"]) == (5, 4)
    assert not CaseFacts.objects.get(case=again).childs_first_plan


def test_page_figures_agree_with_each_breakdown_and_the_whole(area: Any) -> None:
    whole = selectors.dashboard_numbers(YEAR, TODAY)[selectors.ALL]
    every = selectors.figures_by_every_breakdown(YEAR, TODAY)  # one pass on PostgreSQL
    assert sorted(every) == sorted(BREAKDOWNS)
    for breakdown in BREAKDOWNS.values():
        overall, grouped = selectors.dashboard_figures(YEAR, TODAY, breakdown)
        assert overall == whole, breakdown.key
        assert grouped == selectors.dashboard_numbers(YEAR, TODAY, breakdown), breakdown.key
        assert every[breakdown.key] == (overall, grouped), breakdown.key


def test_no_overdue_cases_makes_no_group(db: Any) -> None:
    insight_refresh()
    assert selectors.overdue_counts(TODAY, BREAKDOWNS["sex"]) == {}
    assert selectors.overdue_counts(TODAY) == {selectors.ALL: {"overdue": 0}}


def test_task_and_command_refresh(area: Any, capsys: Any) -> None:
    Refresh.objects.update(refreshed_at=LONDON_AFTERNOON)
    assert refresh_case_facts.call() == 8
    refreshed_at = Refresh.objects.get().refreshed_at
    assert refreshed_at is not None
    assert refreshed_at > LONDON_AFTERNOON
    call_command("refresh-insight")
    assert "Recounted: 8 cases and 2 pieces of advice" in capsys.readouterr().out
    call_command("refresh-insight", "--full")
    assert "Rebuilt: 8 cases and 2 pieces of advice" in capsys.readouterr().out
    call_command("refresh-insight", "--enqueue")  # the immediate backend runs it at once
    assert "Refresh queued" in capsys.readouterr().out


def test_page_asks_for_a_refresh_when_the_figures_are_stale(
    client: Any, world: Any, area: Any, officer: Any, django_capture_on_commit_callbacks: Any
) -> None:
    world.sign_in(client, "analyst")
    old = timezone.now() - dt.timedelta(minutes=16)
    Refresh.objects.update(refreshed_at=old, requested_at=None)
    case_services.case_record_step(
        actor=officer,
        case=area["F"],
        step=step("decision_to_assess", dt.date(2026, 1, 20), outcome=False),
        today=TODAY,
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get("/insight/", {"year": "2025"})
    assert response.status_code == 200
    refresh = Refresh.objects.get()  # the immediate backend ran the task during the request
    assert refresh.refreshed_at is not None
    assert refresh.refreshed_at > old
    assert refresh.requested_at is not None
    assert selectors.group_counts(YEAR)[selectors.ALL]["not_assessed"] == 2


def test_page_asks_once_and_not_while_fresh(
    client: Any, world: Any, area: Any, django_capture_on_commit_callbacks: Any
) -> None:
    world.sign_in(client, "analyst")

    def page() -> str:
        with django_capture_on_commit_callbacks(execute=True):
            return str(client.get("/insight/").content.decode())

    with mock.patch("thrive.insight.tasks.refresh_case_facts") as task:
        page()  # counted by the `area` fixture a moment ago
        task.enqueue.assert_not_called()
        Refresh.objects.update(refreshed_at=timezone.now() - dt.timedelta(hours=1))
        page()
        body = page()  # already asked: the worker has not finished yet
        task.enqueue.assert_called_once_with()
    assert "They are being counted again now." in body


def test_page_asks_when_the_figures_were_never_counted(
    db: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with mock.patch("thrive.insight.tasks.refresh_case_facts") as task:
        with django_capture_on_commit_callbacks(execute=True):
            assert insight_request_refresh()
        task.enqueue.assert_called_once_with()
    assert "have not been counted yet" in presenters.as_of(selectors.last_refresh())


def test_page_shows_when_the_figures_are_as_of(
    client: Any, world: Any, area: Any, settings: Any
) -> None:
    settings.THRIVE_INSIGHT_MAX_AGE_MINUTES = 60 * 24 * 365 * 100  # never stale in this test
    Refresh.objects.update(refreshed_at=LONDON_AFTERNOON)
    world.sign_in(client, "analyst")
    body = client.get("/insight/").content.decode()
    assert "Figures as of 2:05pm on 2 March 2026." in body


def _second_plan_for_a(area: Any, officer: Any) -> Any:
    """A's second case, with a plan: not the child's first plan."""
    again = case_services.case_open(
        actor=officer,
        child=area["A"].child,
        received_on=dt.date(2025, 6, 2),
        request_source="1",
        today=TODAY,
    )
    for event in (
        step("decision_to_assess", dt.date(2025, 6, 20), outcome=True),
        step("advice_requested", dt.date(2025, 6, 20), contributor="educational_psychology"),
        step("advice_received", dt.date(2025, 7, 20), contributor="educational_psychology"),
        step("decision_to_issue", dt.date(2025, 8, 1), outcome=True),
        step("draft_issued", dt.date(2025, 8, 5)),
        step("final_issued", dt.date(2025, 9, 1)),
    ):
        case_services.case_record_step(actor=officer, case=again, step=event, today=TODAY)
    return again


def test_recounting_changed_children_gives_the_same_rows_as_a_rebuild(
    area: Any, officer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services, "RECENT_EVENTS", 0)  # only events after the last refresh
    _second_plan_for_a(area, officer)
    refresh = insight_refresh()
    assert refresh.rebuilt_at is not None
    assert refresh.rebuilt_at < refresh.refreshed_at  # recounted, not rebuilt
    assert (refresh.cases, refresh.advice) == (2, 2)  # A's two cases; A's advice on both
    recounted = _rows()
    refresh = insight_refresh(full=True)
    assert refresh.rebuilt_at == refresh.refreshed_at
    assert (refresh.cases, refresh.advice) == (9, 3)
    assert _rows() == recounted


def test_nothing_new_recounts_nothing(area: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(services, "RECENT_EVENTS", 0)
    before = _rows()
    refresh = insight_refresh()
    assert (refresh.cases, refresh.advice) == (0, 0)
    assert _rows() == before


def test_recent_events_are_recounted_again_in_case_they_committed_late(area: Any) -> None:
    refresh = insight_refresh()  # every event of the small area is within RECENT_EVENTS
    assert refresh.rebuilt_at is not None
    assert refresh.rebuilt_at < refresh.refreshed_at
    assert (refresh.cases, refresh.advice) == (8, 2)


def test_a_day_old_rebuild_or_many_changes_rebuild_every_row(
    area: Any, officer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services, "RECENT_EVENTS", 0)
    Refresh.objects.update(rebuilt_at=timezone.now() - dt.timedelta(days=1, seconds=1))
    refresh = insight_refresh()
    assert refresh.rebuilt_at == refresh.refreshed_at
    monkeypatch.setattr(services, "MOST_CHILDREN_RECOUNTED", 0)
    _second_plan_for_a(area, officer)
    refresh = insight_refresh()
    assert refresh.rebuilt_at == refresh.refreshed_at
    assert refresh.cases == 9


def test_a_refresh_works_out_the_first_page_by_every_breakdown(area: Any) -> None:
    refresh = insight_refresh()
    period = latest_full_year(timezone.localdate())
    stored = Figures.objects.filter(as_of=refresh.refreshed_at)
    assert sorted(stored.values_list("breakdown", flat=True)) == sorted(BREAKDOWNS)
    assert set(stored.values_list("start", "end")) == {(period.start, period.end)}
    assert not Figures.objects.exclude(as_of=refresh.refreshed_at).exists()


def test_other_periods_are_worked_out_once_then_read(area: Any, officer: Any) -> None:
    breakdown = BREAKDOWNS["sex"]
    counted = insight_figures(YEAR, breakdown, TODAY)
    assert counted == selectors.dashboard_figures(YEAR, TODAY, breakdown)
    assert Figures.objects.filter(start=YEAR.start, breakdown="sex").count() == 1
    # A new event does not change the figures until the next refresh...
    case_services.case_record_step(
        actor=officer,
        case=area["F"],
        step=step("decision_to_assess", dt.date(2025, 12, 20), outcome=False),
        today=TODAY,
    )
    assert insight_figures(YEAR, breakdown, TODAY) == counted
    # ...which counts it.
    insight_refresh()
    whole, _ = insight_figures(YEAR, breakdown, TODAY)
    assert whole["not_assessed"] == counted[0]["not_assessed"] + 1


def test_figures_before_the_first_refresh_are_counted_and_not_kept(db: Any) -> None:
    whole, groups = insight_figures(YEAR, BREAKDOWNS["sex"], TODAY)
    assert whole.get("requests", 0) == 0
    assert groups == {}
    assert not Figures.objects.exists()
