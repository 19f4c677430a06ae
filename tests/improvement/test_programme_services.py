"""The strategy and plan's services: the evidence rule, completion dates, measure targets and
trajectory points, and the audit entry each write leaves."""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import make_user
from thrive.core.errors import Refusal
from thrive.core.models import AuditEntry
from thrive.improvement.models import ActionStatus, EvidenceKind
from thrive.improvement.services import programme as services

TODAY = dt.date(2026, 5, 1)


@pytest.fixture
def officer(db: Any) -> Any:
    return make_user("po", "programme_officer")


@pytest.fixture
def action(officer: Any) -> Any:
    priority = services.priority_create(actor=officer, title="Timely plans")
    workstream = services.workstream_create(actor=officer, priority=priority, title="Assessment")
    return services.action_create(
        actor=officer,
        workstream=workstream,
        title="Recruit two educational psychologists",
        owner=officer,
        partner="council",
        due_on=dt.date(2026, 6, 30),
    )


def _note(officer: Any, action: Any) -> Any:
    return services.evidence_add(
        actor=officer, action=action, title="Posts filled", kind="note", note="Both started."
    )


def test_refuses_complete_without_evidence(officer: Any, action: Any) -> None:
    with pytest.raises(Refusal) as refused:
        services.action_set_status(
            actor=officer, action=action, status=ActionStatus.COMPLETE, today=TODAY
        )
    assert refused.value.field == "status"
    action.refresh_from_db()
    assert action.status == ActionStatus.NOT_STARTED
    assert action.completed_on is None


def test_refuses_complete_without_evidence_when_changing_the_whole_action(
    officer: Any, action: Any
) -> None:
    with pytest.raises(Refusal) as refused:
        services.action_update(
            actor=officer,
            action=action,
            title=action.title,
            description="",
            owner=officer,
            partner="council",
            due_on=action.due_on,
            status=ActionStatus.COMPLETE,
            today=TODAY,
        )
    assert refused.value.field == "status"


def test_refuses_a_new_action_that_is_already_complete(officer: Any, action: Any) -> None:
    with pytest.raises(Refusal) as refused:
        services.action_create(
            actor=officer,
            workstream=action.workstream,
            title="Done already",
            owner=officer,
            partner="icb",
            due_on=TODAY,
            status=ActionStatus.COMPLETE,
        )
    assert refused.value.field == "status"


def test_completing_with_evidence_records_the_day(officer: Any, action: Any) -> None:
    _note(officer, action)
    services.action_set_status(
        actor=officer, action=action, status=ActionStatus.COMPLETE, today=TODAY
    )
    action.refresh_from_db()
    assert action.status == ActionStatus.COMPLETE
    assert action.completed_on == TODAY
    # Completing again keeps the first day; reopening clears it.
    services.action_set_status(
        actor=officer, action=action, status=ActionStatus.COMPLETE, today=TODAY.replace(day=9)
    )
    action.refresh_from_db()
    assert action.completed_on == TODAY
    services.action_set_status(
        actor=officer, action=action, status=ActionStatus.ON_TRACK, today=TODAY
    )
    action.refresh_from_db()
    assert action.completed_on is None


def test_evidence_must_carry_what_its_kind_names(officer: Any, action: Any) -> None:
    with pytest.raises(Refusal) as no_file:
        services.evidence_add(actor=officer, action=action, title="Plan", kind="document")
    assert no_file.value.field == "file"
    with pytest.raises(Refusal) as no_url:
        services.evidence_add(actor=officer, action=action, title="Plan", kind="link")
    assert no_url.value.field == "url"
    with pytest.raises(Refusal) as no_note:
        services.evidence_add(actor=officer, action=action, title="Plan", kind="note", note=" ")
    assert no_note.value.field == "note"
    assert not action.evidence.exists()


def test_a_document_is_stored(officer: Any, action: Any, settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path
    evidence = services.evidence_add(
        actor=officer,
        action=action,
        title="Plan",
        kind=EvidenceKind.DOCUMENT,
        file=SimpleUploadedFile("plan.txt", b"the plan"),
    )
    assert evidence.file.read() == b"the plan"
    assert list(action.evidence.all()) == [evidence]


def test_every_write_is_audited_without_a_child(officer: Any, action: Any) -> None:
    _note(officer, action)
    entries = list(AuditEntry.objects.order_by("id"))
    assert [e.object_type for e in entries] == [
        "improvement.priority",
        "improvement.workstream",
        "improvement.action",
        "improvement.evidence",
    ]
    assert all(e.child_id is None and e.actor_id == officer.pk for e in entries)


def test_measure_target_needs_a_dashboard_measure(officer: Any, action: Any) -> None:
    priority = action.workstream.priority
    values: dict[str, Any] = {
        "baseline_value": Decimal("40"),
        "baseline_on": dt.date(2025, 4, 1),
        "target_value": Decimal("70"),
        "target_on": dt.date(2027, 3, 31),
    }
    with pytest.raises(Refusal) as refused:
        services.measure_target_create(
            actor=officer, priority=priority, measure_key="made_up", **values
        )
    assert refused.value.field == "measure_key"
    target = services.measure_target_create(
        actor=officer, priority=priority, measure_key="plans_20_weeks", **values
    )
    with pytest.raises(Refusal) as outside:
        services.trajectory_point_set(
            actor=officer, target=target, on=dt.date(2027, 4, 1), value=Decimal("70")
        )
    assert outside.value.field == "on"
    point = services.trajectory_point_set(
        actor=officer, target=target, on=dt.date(2026, 3, 31), value=Decimal("50")
    )
    again = services.trajectory_point_set(
        actor=officer, target=target, on=dt.date(2026, 3, 31), value=Decimal("55")
    )
    assert again.pk == point.pk
    assert again.value == Decimal("55")


def test_refuses_a_milestone_achieved_in_the_future(officer: Any, action: Any) -> None:
    milestone = services.milestone_create(
        actor=officer, workstream=action.workstream, title="Team full", due_on=TODAY
    )
    with pytest.raises(Refusal) as refused:
        services.milestone_update(
            actor=officer,
            milestone=milestone,
            title="Team full",
            due_on=TODAY,
            achieved_on=TODAY + dt.timedelta(days=1),
            today=TODAY,
        )
    assert refused.value.field == "achieved_on"
