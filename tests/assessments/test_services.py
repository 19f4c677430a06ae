import datetime as dt
from typing import Any

import pytest
from django.db import IntegrityError, transaction

from tests.factories import TODAY, make_user, step
from thrive.assessments import services
from thrive.assessments.models import CaseAssignment, CaseEvent
from thrive.core.errors import Refusal
from thrive.core.models import AuditEntry
from thrive.law.clock import Contributor

RECEIVED = dt.date(2025, 9, 1)
ASSESS_YES = step("decision_to_assess", dt.date(2025, 10, 1), outcome=True)
ISSUE_YES = step("decision_to_issue", dt.date(2025, 12, 1), outcome=True)
DRAFT = step("draft_issued", dt.date(2025, 12, 3))


def test_opening_a_case_records_the_request_assignment_and_audit(
    officer: Any, make_child: Any
) -> None:
    child = make_child()
    case = services.case_open(
        actor=officer, child=child, received_on=RECEIVED, request_source="2", today=TODAY
    )
    event = case.events.get()
    assert (event.kind, event.on, event.request_source) == ("request_received", RECEIVED, "2")
    assert CaseAssignment.objects.get(case=case).case_officer == officer
    audit = AuditEntry.objects.get(object_id=case.pk, object_type="assessments.case")
    assert (audit.action, audit.child_id, audit.actor) == ("create", child.pk, officer)


def test_refuses_a_request_received_in_the_future(officer: Any, make_child: Any) -> None:
    with pytest.raises(Refusal) as refused:
        services.case_open(
            actor=officer,
            child=make_child(),
            received_on=TODAY + dt.timedelta(1),
            request_source="1",
            today=TODAY,
        )
    assert refused.value.field == "received_on"


def test_refuses_an_unknown_request_source(officer: Any, make_child: Any) -> None:
    with pytest.raises(Refusal, match="who made the request"):
        services.case_open(
            actor=officer, child=make_child(), received_on=RECEIVED, request_source="9", today=TODAY
        )


def test_refuses_case_work_to_an_administrator(administrator: Any, make_child: Any) -> None:
    with pytest.raises(Refusal, match="case work team"):
        services.case_open(
            actor=administrator,
            child=make_child(),
            received_on=RECEIVED,
            request_source="1",
            today=TODAY,
        )


@pytest.mark.parametrize(
    ("history", "new", "message"),
    [
        ((), step("final_issued", dt.date(2026, 1, 5)), "draft"),
        ((), step("decision_to_assess", TODAY + dt.timedelta(1), outcome=True), "future"),
        ((), step("decision_to_assess", dt.date(2025, 8, 1), outcome=True), "before the request"),
        ((ASSESS_YES,), step("decision_to_assess", dt.date(2025, 10, 2), outcome=True), "already"),
        (
            (ASSESS_YES,),
            step("advice_received", dt.date(2025, 10, 2), contributor=Contributor.HEALTH),
            "not requested",
        ),
        ((ASSESS_YES, ISSUE_YES, DRAFT), step("final_issued", dt.date(2025, 12, 10)), "comment"),
        (
            (step("decision_to_assess", dt.date(2025, 10, 1), outcome=False),),
            step("advice_requested", dt.date(2025, 10, 2), contributor=Contributor.HEALTH),
            "closed",
        ),
        (
            (step("withdrawn", dt.date(2025, 9, 20)),),
            step("decision_to_assess", dt.date(2025, 10, 1), outcome=True),
            "closed",
        ),
    ],
)
def test_refuses_steps_the_regulations_do_not_allow(
    make_case: Any, officer: Any, history: tuple[Any, ...], new: Any, message: str
) -> None:
    case = make_case(received_on=RECEIVED, steps=history)
    before = case.events.count()
    with pytest.raises(Refusal) as refused:
        services.case_record_step(actor=officer, case=case, step=new, today=TODAY)
    assert message in refused.value.message.lower()
    assert refused.value.field == "on"
    assert case.events.count() == before


def test_records_a_full_journey_to_a_final_plan(make_case: Any, officer: Any) -> None:
    case = make_case(
        received_on=RECEIVED,
        steps=(
            ASSESS_YES,
            step(
                "advice_requested",
                dt.date(2025, 10, 2),
                contributor=Contributor.EDUCATIONAL_PSYCHOLOGY,
            ),
            step(
                "advice_received",
                dt.date(2025, 11, 10),
                contributor=Contributor.EDUCATIONAL_PSYCHOLOGY,
            ),
            ISSUE_YES,
            DRAFT,
            step("comments_received", dt.date(2025, 12, 12)),
            step("final_issued", dt.date(2026, 1, 12)),
        ),
    )
    assert [e.kind for e in case.events.all()][-1] == "final_issued"
    assert AuditEntry.objects.filter(object_id=case.pk, action="change").count() == 7


def test_timeline_events_cannot_be_changed_or_deleted(make_case: Any) -> None:
    event = make_case().events.get()
    with pytest.raises(ValueError, match="append-only"):
        event.save()
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseEvent.objects.filter(pk=event.pk).update(on=dt.date(2025, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseEvent.objects.filter(pk=event.pk).delete()


def test_a_manager_reassigns_and_history_is_kept(
    make_case: Any, manager: Any, officer: Any
) -> None:
    case = make_case()
    other = make_user("other", "case_officer")
    services.case_reassign(actor=manager, case=case, case_officer=other)
    case.refresh_from_db()
    assert case.case_officer == other
    assert [a.case_officer for a in case.assignments.all()] == [officer, other]


def test_refuses_reassignment_by_an_officer(make_case: Any, officer: Any) -> None:
    with pytest.raises(Refusal, match="manager"):
        services.case_reassign(actor=officer, case=make_case(), case_officer=officer)


def test_refuses_reassignment_to_the_current_officer(
    make_case: Any, manager: Any, officer: Any
) -> None:
    with pytest.raises(Refusal, match="already"):
        services.case_reassign(actor=manager, case=make_case(), case_officer=officer)


def test_refuses_reassignment_to_someone_outside_the_team(
    make_case: Any, manager: Any, administrator: Any
) -> None:
    with pytest.raises(Refusal, match="case work team"):
        services.case_reassign(actor=manager, case=make_case(), case_officer=administrator)


def test_opening_for_a_new_child_checks_identifiers_and_writes_nothing_on_refusal(
    officer: Any, council: Any
) -> None:
    details = {
        "first_name": "Ben",
        "last_name": "Test",
        "date_of_birth": dt.date(2015, 1, 1),
        "sex": "M",
        "ethnicity": "WBRI",
        "upn": "A801200005001",
    }
    with pytest.raises(Refusal) as refused:
        services.case_open_for_new_child(
            actor=officer,
            child_details=details,
            received_on=RECEIVED,
            request_source="1",
            today=TODAY,
        )
    assert refused.value.field == "upn"
    assert not AuditEntry.objects.exists()
