"""Escalation: the daily run records each newly overdue step once, tells the case officer and
their team's SEND managers (every SEND manager when the team has none), with no personal
data, and says how many in the log. TODAY is 2 March 2026."""

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from tests.factories import TODAY, make_user
from tests.queues.builders import add_review, issued_plan
from thrive.assessments.models import Case
from thrive.queues.models import OverdueStep, Step
from thrive.queues.services import overdue_steps_mark


@pytest.fixture
def north(officer: Any) -> Any:
    officer.team, officer.email = "North", "officer@council.test"
    officer.save()
    return officer


@pytest.fixture
def overdue_case(make_case: Callable[..., Case], north: Any) -> Case:
    """Wren's plan: final issued 10 January 2025, so the review was due by 9 January 2026."""
    case = make_case(first_name="Wren")
    issued_plan(case, north, dt.date(2025, 1, 10))
    return case


def _mark(capture: Any, today: dt.date = TODAY) -> Any:
    mail.outbox.clear()
    with capture(execute=True):
        return overdue_steps_mark(today=today)


def test_records_a_newly_overdue_step_once(
    overdue_case: Case, django_capture_on_commit_callbacks: Any
) -> None:
    first = _mark(django_capture_on_commit_callbacks)
    assert (first.overdue, first.new) == (1, 1)
    row = OverdueStep.objects.get()
    assert (row.case_id, row.step, row.due_by, row.marked_on, row.notified) == (
        overdue_case.pk,
        Step.ANNUAL_REVIEW,
        dt.date(2026, 1, 9),
        TODAY,
        True,
    )
    assert len(mail.outbox) == 1
    again = _mark(django_capture_on_commit_callbacks, TODAY + dt.timedelta(days=1))
    assert (again.overdue, again.new, again.messages) == (1, 0, 0)
    assert mail.outbox == []
    assert OverdueStep.objects.count() == 1


def test_a_step_due_again_later_is_a_new_row(
    overdue_case: Case, north: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _mark(django_capture_on_commit_callbacks)
    plan = overdue_case.plan
    add_review(plan, north, dt.date(2026, 2, 2), decision="keep", decision_notified_on=TODAY)
    later = dt.date(2027, 2, 10)  # the next review was due by 1 February 2027
    _mark(django_capture_on_commit_callbacks, later)
    due_dates = sorted(
        OverdueStep.objects.filter(step=Step.ANNUAL_REVIEW).values_list("due_by", flat=True)
    )
    assert due_dates == [dt.date(2026, 1, 9), dt.date(2027, 2, 1)]


def test_nothing_is_recorded_before_the_step_is_overdue(
    overdue_case: Case, django_capture_on_commit_callbacks: Any
) -> None:
    marked = _mark(django_capture_on_commit_callbacks, dt.date(2026, 1, 9))
    assert (marked.overdue, marked.new) == (0, 0)
    assert not OverdueStep.objects.exists()
    assert mail.outbox == []


def test_tells_the_officer_and_their_teams_managers_without_personal_data(
    overdue_case: Case, django_capture_on_commit_callbacks: Any
) -> None:
    make_user("northmanager", "send_manager", team="North", email="nm@council.test")
    make_user("southmanager", "send_manager", team="South", email="sm@council.test")
    make_user("nomail", "send_manager", team="North")
    make_user("gone", "send_manager", team="North", email="gone@council.test", is_active=False)
    _mark(django_capture_on_commit_callbacks)
    assert sorted(m.to[0] for m in mail.outbox) == ["nm@council.test", "officer@council.test"]
    for message in mail.outbox:
        text = f"{message.subject} {message.body}"
        assert overdue_case.reference in text
        assert "annual review meeting" in text
        assert "9 January 2026" in text
        assert "Wren" not in text
        assert "Example" not in text
        assert "2016" not in text  # no date of birth


def test_every_manager_hears_when_the_team_has_none(
    overdue_case: Case, django_capture_on_commit_callbacks: Any
) -> None:
    make_user("southmanager", "send_manager", team="South", email="sm@council.test")
    make_user("anymanager", "send_manager", email="am@council.test")
    _mark(django_capture_on_commit_callbacks)
    assert sorted(m.to[0] for m in mail.outbox) == [
        "am@council.test",
        "officer@council.test",
        "sm@council.test",
    ]


def test_a_case_without_an_officer_goes_to_every_manager(
    overdue_case: Case, django_capture_on_commit_callbacks: Any
) -> None:
    Case.objects.filter(pk=overdue_case.pk).update(case_officer=None)
    make_user("southmanager", "send_manager", team="South", email="sm@council.test")
    _mark(django_capture_on_commit_callbacks)
    assert [m.to[0] for m in mail.outbox] == ["sm@council.test"]


def test_one_message_per_person_lists_every_new_step(
    make_case: Callable[..., Case], north: Any, django_capture_on_commit_callbacks: Any
) -> None:
    cases = [make_case(), make_case()]
    for case in cases:
        issued_plan(case, north, dt.date(2025, 1, 10))
    marked = _mark(django_capture_on_commit_callbacks)
    assert (marked.new, marked.messages) == (2, 1)
    (message,) = mail.outbox
    assert message.subject == "2 review and amendment steps are overdue"
    for case in cases:
        assert case.reference in message.body


def test_logs_counts_only(
    overdue_case: Case, django_capture_on_commit_callbacks: Any, caplog: Any
) -> None:
    with caplog.at_level(logging.INFO, logger="thrive.queues.services"):
        _mark(django_capture_on_commit_callbacks)
    ours = [r.getMessage() for r in caplog.records if r.name == "thrive.queues.services"]
    assert ours == ["Overdue steps: 1 overdue, 1 new, 1 messages"]


def test_the_command_marks_for_a_given_day(
    overdue_case: Case, django_capture_on_commit_callbacks: Any, capsys: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        call_command("mark-overdue", "--today", "2026-03-02")
    assert "1 step(s) overdue, 1 newly overdue, 1 message(s) queued" in capsys.readouterr().out
    assert OverdueStep.objects.count() == 1


def test_the_command_refuses_a_bad_date(db: Any) -> None:
    with pytest.raises(CommandError, match="2026-03-02"):
        call_command("mark-overdue", "--today", "2/3/2026")


def test_the_task_runs_for_today(
    overdue_case: Case, django_capture_on_commit_callbacks: Any, capsys: Any
) -> None:
    """--enqueue hands the run to the worker (the tests' backend runs it at once)."""
    with django_capture_on_commit_callbacks(execute=True):
        call_command("mark-overdue", "--enqueue")
    assert "Run queued" in capsys.readouterr().out
    assert OverdueStep.objects.filter(step=Step.ANNUAL_REVIEW).exists()


def test_a_step_nobody_could_be_told_about_is_recorded_as_not_notified(
    make_case: Callable[..., Case], officer: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """An officer without an email address and no SEND manager: the row says so."""
    issued_plan(make_case(), officer, dt.date(2025, 1, 10))
    marked = _mark(django_capture_on_commit_callbacks)
    assert (marked.new, marked.messages) == (1, 0)
    assert OverdueStep.objects.get().notified is False
    assert mail.outbox == []
