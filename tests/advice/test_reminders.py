import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from tests.advice.conftest import ASSESS_YES, REQUESTED
from tests.factories import TODAY, make_user, step
from thrive.advice import services
from thrive.advice.models import AdviceRequest, ReminderSent
from thrive.assessments import services as case_services
from thrive.assessments.models import Case
from thrive.law.clock import Contributor
from thrive.people.models import FamilyLink

DUE = dt.date(2025, 11, 17)  # 6 weeks after REQUESTED
DAY_AFTER_DUE = DUE + dt.timedelta(days=1)
DRAFT_SERVED = dt.date(2025, 12, 3)  # the family's 15 days end on 17 December 2025
TWO_DAYS_BEFORE_CLOSE = dt.date(2025, 12, 15)


@pytest.fixture
def asked(officer: Any, assessing_case: Case, ep: Any) -> AdviceRequest:
    return services.advice_request(
        actor=officer,
        case=assessing_case,
        contributor=Contributor.EDUCATIONAL_PSYCHOLOGY,
        practitioner=ep,
        question="Please assess.",
        requested_on=REQUESTED,
        today=TODAY,
    )


@pytest.fixture
def draft_case(make_case: Any) -> Case:
    case = make_case(
        first_name="Wren",
        steps=(
            ASSESS_YES,
            step("decision_to_issue", dt.date(2025, 12, 1), outcome=True),
            step("draft_issued", DRAFT_SERVED),
        ),
    )
    parent = make_user("parent", "parent", email="parent@example.org")
    FamilyLink.objects.create(user=parent, child=case.child, relationship="parent")
    return case


def run(day: dt.date, capture: Any) -> str:
    mail.outbox.clear()
    with capture(execute=True):
        call_command("send-reminders", "--today", day.isoformat(), stdout=(out := _Out()))
    return out.text


class _Out:
    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> None:
        self.text += text


def test_overdue_advice_is_chased_once_the_day_after_it_was_due(
    asked: AdviceRequest, django_capture_on_commit_callbacks: Any
) -> None:
    output = run(DAY_AFTER_DUE, django_capture_on_commit_callbacks)
    assert "1 overdue advice reminder(s)" in output
    assert sorted(m.to[0] for m in mail.outbox) == ["ep@example.org", "officer@council.test"]
    for message in mail.outbox:
        assert "was due on 17 November 2025" in message.body
        assert asked.case.reference in message.body
        assert "Wren" not in message.subject + message.body
    run(DAY_AFTER_DUE, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert ReminderSent.objects.get().key == f"advice-overdue:{asked.pk}"


@pytest.mark.parametrize("day", [DUE, DAY_AFTER_DUE + dt.timedelta(days=1)])
def test_advice_is_not_chased_on_other_days(
    asked: AdviceRequest, django_capture_on_commit_callbacks: Any, day: dt.date
) -> None:
    run(day, django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_submitted_or_withdrawn_advice_is_not_chased(
    officer: Any,
    asked: AdviceRequest,
    ep: Any,
    assessing_case: Case,
    stranger: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    other = services.advice_request(
        actor=officer,
        case=assessing_case,
        contributor=Contributor.HEALTH,
        practitioner=stranger,
        question="Please assess.",
        requested_on=REQUESTED,
        today=TODAY,
    )
    services.advice_save(actor=ep, advice=asked, needs=["A need"], outcomes=[], provision=[])
    services.advice_submit(actor=ep, advice=asked, today=DUE)
    services.advice_withdraw(actor=officer, advice=other, today=DUE)
    run(DAY_AFTER_DUE, django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_advice_on_a_closed_case_is_not_chased(
    officer: Any, asked: AdviceRequest, django_capture_on_commit_callbacks: Any
) -> None:
    withdrawn = step("withdrawn", dt.date(2025, 11, 1))
    case_services.case_record_step(actor=officer, case=asked.case, step=withdrawn, today=TODAY)
    run(DAY_AFTER_DUE, django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_family_is_reminded_two_days_before_their_comments_window_closes(
    draft_case: Case, django_capture_on_commit_callbacks: Any
) -> None:
    output = run(TWO_DAYS_BEFORE_CLOSE, django_capture_on_commit_callbacks)
    assert "1 draft plan comment reminder(s)" in output
    [message] = mail.outbox
    assert message.to == ["parent@example.org"]
    assert "You have until 17 December 2025" in message.body
    assert draft_case.reference in message.subject
    assert "Wren" not in message.subject + message.body
    run(TWO_DAYS_BEFORE_CLOSE, django_capture_on_commit_callbacks)
    assert mail.outbox == []


@pytest.mark.parametrize("day", [TWO_DAYS_BEFORE_CLOSE - dt.timedelta(1), dt.date(2025, 12, 16)])
def test_family_is_not_reminded_on_other_days(
    draft_case: Case, django_capture_on_commit_callbacks: Any, day: dt.date
) -> None:
    run(day, django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_family_is_not_reminded_once_their_comments_are_in(
    officer: Any, draft_case: Case, django_capture_on_commit_callbacks: Any
) -> None:
    comments = step("comments_received", dt.date(2025, 12, 10))
    case_services.case_record_step(actor=officer, case=draft_case, step=comments, today=TODAY)
    run(TWO_DAYS_BEFORE_CLOSE, django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_the_command_refuses_a_bad_date(db: Any) -> None:
    with pytest.raises(CommandError, match="--today must be a date like"):
        call_command("send-reminders", "--today", "18/11/2025")
