"""Mediation and appeal services: each write with its audit entry, and every refusal."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from tests.disputes.builders import CONTACTED, LETTER, REGISTERED
from tests.factories import TODAY, make_user
from thrive.assessments.models import Case
from thrive.core.errors import Refusal
from thrive.core.models import AuditEntry
from thrive.disputes import services
from thrive.disputes.models import Appeal, Mediation

DAY = dt.timedelta(days=1)


def _last_audit(object_type: str) -> AuditEntry:
    return AuditEntry.objects.filter(object_type=object_type).latest("id")


def _mediation(actor: Any, case: Case, **changes: Any) -> Mediation:
    values: dict[str, Any] = {
        "subject": "refusal_to_assess",
        "decision_letter_on": LETTER,
        "adviser_contacted_on": CONTACTED,
        "today": TODAY,
    }
    return services.mediation_record(actor=actor, case=case, **(values | changes))


def _appeal(actor: Any, case: Case, **changes: Any) -> Appeal:
    values: dict[str, Any] = {
        "subject": "setting_named",
        "decision_letter_on": LETTER,
        "registered_on": REGISTERED,
        "today": TODAY,
    }
    return services.appeal_record(actor=actor, case=case, **(values | changes))


# --- Mediation ---------------------------------------------------------------------------


def test_records_contact_with_a_mediation_adviser_and_audits_it(officer: Any, case: Case) -> None:
    mediation = _mediation(officer, case)
    assert (mediation.case, mediation.subject, mediation.recorded_by) == (
        case,
        "refusal_to_assess",
        officer,
    )
    entry = _last_audit("disputes.mediation")
    assert (entry.action, entry.object_id, entry.child_id, entry.actor) == (
        "create",
        mediation.pk,
        case.child_id,
        officer,
    )
    assert entry.summary == "recorded contact with a mediation adviser on 2025-10-20"
    assert "Ada" not in entry.summary


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"decision_letter_on": TODAY + DAY}, "decision_letter_on", "today or in the past"),
        ({"adviser_contacted_on": TODAY + DAY}, "adviser_contacted_on", "today or in the past"),
        (
            {"adviser_contacted_on": LETTER - DAY},
            "adviser_contacted_on",
            "on or after the decision letter, 1 October 2025",
        ),
        ({"subject": "nonsense"}, "subject", "Select what the family disagrees with"),
    ],
)
def test_refuses_a_mediation_contact(
    officer: Any, case: Case, changes: dict[str, Any], field: str, message: str
) -> None:
    with pytest.raises(Refusal, match=message) as refused:
        _mediation(officer, case, **changes)
    assert refused.value.field == field
    assert not Mediation.objects.exists()
    assert not AuditEntry.objects.filter(object_type="disputes.mediation").exists()


@pytest.mark.parametrize("role", ["practitioner", "parent", "analyst", "administrator"])
def test_only_the_case_work_team_records_mediation(role: str, case: Case) -> None:
    with pytest.raises(Refusal, match="Only the SEND case work team"):
        _mediation(make_user(f"someone-{role}", role), case)
    assert not Mediation.objects.exists()


def test_a_manager_may_record_mediation(manager: Any, case: Case) -> None:
    assert _mediation(manager, case).recorded_by == manager


def test_records_the_mediation_and_its_outcome(officer: Any, mediation: Mediation) -> None:
    held = dt.date(2025, 11, 10)
    mediation = services.mediation_record_outcome(
        actor=officer, mediation=mediation, held_on=held, outcome="not_agreed", today=TODAY
    )
    mediation.refresh_from_db()
    assert (mediation.mediation_held_on, mediation.outcome) == (held, "not_agreed")
    entry = _last_audit("disputes.mediation")
    assert (entry.action, entry.summary) == ("change", "recorded mediation held on 2025-11-10")


@pytest.mark.parametrize(
    ("held_on", "outcome", "field", "message"),
    [
        (TODAY + DAY, "agreed", "held_on", "today or in the past"),
        (CONTACTED - DAY, "agreed", "held_on", "on or after the contact with the mediation"),
        (CONTACTED, "maybe", "outcome", "Select what came of the mediation"),
    ],
)
def test_refuses_a_mediation_outcome(
    officer: Any, mediation: Mediation, held_on: dt.date, outcome: str, field: str, message: str
) -> None:
    with pytest.raises(Refusal, match=message) as refused:
        services.mediation_record_outcome(
            actor=officer, mediation=mediation, held_on=held_on, outcome=outcome, today=TODAY
        )
    assert refused.value.field == field
    mediation.refresh_from_db()
    assert mediation.mediation_held_on is None


def test_refuses_a_mediation_held_after_its_certificate(officer: Any, mediation: Mediation) -> None:
    services.mediation_record_certificate(
        actor=officer, mediation=mediation, issued_on=CONTACTED, kind="declined", today=TODAY
    )
    with pytest.raises(Refusal, match="on or before the certificate, 20 October 2025"):
        services.mediation_record_outcome(
            actor=officer,
            mediation=mediation,
            held_on=CONTACTED + DAY,
            outcome="agreed",
            today=TODAY,
        )


def test_records_a_certificate(officer: Any, mediation: Mediation) -> None:
    issued = dt.date(2025, 10, 23)
    services.mediation_record_certificate(
        actor=officer, mediation=mediation, issued_on=issued, kind="declined", today=TODAY
    )
    mediation.refresh_from_db()
    assert (mediation.certificate_issued_on, mediation.certificate_kind) == (issued, "declined")
    entry = _last_audit("disputes.mediation")
    assert entry.summary == "recorded a mediation certificate issued on 2025-10-23"
    assert entry.child_id == mediation.case.child_id


@pytest.mark.parametrize(
    ("issued_on", "kind", "field", "message"),
    [
        (TODAY + DAY, "declined", "issued_on", "today or in the past"),
        (
            CONTACTED - DAY,
            "declined",
            "issued_on",
            "on or after the contact with the mediation adviser, 20 October 2025",
        ),
        (CONTACTED, "lost", "kind", "Select why the certificate was issued"),
        (CONTACTED, "mediation_ended", "kind", "Record when the mediation was held"),
    ],
)
def test_refuses_a_certificate(
    officer: Any, mediation: Mediation, issued_on: dt.date, kind: str, field: str, message: str
) -> None:
    with pytest.raises(Refusal, match=message) as refused:
        services.mediation_record_certificate(
            actor=officer, mediation=mediation, issued_on=issued_on, kind=kind, today=TODAY
        )
    assert refused.value.field == field
    mediation.refresh_from_db()
    assert mediation.certificate_issued_on is None


def test_refuses_a_certificate_after_mediation_dated_before_it(
    officer: Any, mediation: Mediation
) -> None:
    held = dt.date(2025, 11, 10)
    services.mediation_record_outcome(
        actor=officer, mediation=mediation, held_on=held, outcome="agreed", today=TODAY
    )
    with pytest.raises(Refusal, match="on or after the mediation, 10 November 2025"):
        services.mediation_record_certificate(
            actor=officer,
            mediation=mediation,
            issued_on=held - DAY,
            kind="mediation_ended",
            today=TODAY,
        )


def test_only_the_team_records_an_outcome_or_certificate(mediation: Mediation) -> None:
    parent = make_user("parent", "parent")
    with pytest.raises(Refusal, match="Only the SEND case work team"):
        services.mediation_record_outcome(
            actor=parent, mediation=mediation, held_on=CONTACTED, outcome="agreed", today=TODAY
        )
    with pytest.raises(Refusal, match="Only the SEND case work team"):
        services.mediation_record_certificate(
            actor=parent, mediation=mediation, issued_on=CONTACTED, kind="declined", today=TODAY
        )


# --- Appeals -----------------------------------------------------------------------------


def test_records_an_appeal_with_its_mediation(
    officer: Any, case: Case, mediation: Mediation
) -> None:
    appeal = _appeal(officer, case, subject="plan_content", mediation=mediation)
    assert (appeal.mediation, appeal.registered_on, appeal.is_open) == (
        mediation,
        REGISTERED,
        True,
    )
    entry = _last_audit("disputes.appeal")
    assert (entry.action, entry.object_id, entry.child_id) == ("create", appeal.pk, case.child_id)
    assert entry.summary == "recorded an appeal registered on 2025-12-05"


def test_records_an_appeal_without_mediation(officer: Any, case: Case) -> None:
    assert _appeal(officer, case).mediation is None


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"decision_letter_on": TODAY + DAY}, "decision_letter_on", "today or in the past"),
        ({"registered_on": TODAY + DAY}, "registered_on", "today or in the past"),
        (
            {"registered_on": LETTER - DAY},
            "registered_on",
            "on or after the decision letter, 1 October 2025",
        ),
        ({"subject": ""}, "subject", "Select what the appeal is about"),
    ],
)
def test_refuses_an_appeal(
    officer: Any, case: Case, changes: dict[str, Any], field: str, message: str
) -> None:
    with pytest.raises(Refusal, match=message) as refused:
        _appeal(officer, case, **changes)
    assert refused.value.field == field
    assert not Appeal.objects.exists()


def test_refuses_a_mediation_about_another_case(
    officer: Any, case: Case, make_case: Callable[..., Case]
) -> None:
    other = _mediation(officer, make_case(first_name="Otto"))
    with pytest.raises(Refusal, match="Choose a mediation about this case") as refused:
        _appeal(officer, case, mediation=other)
    assert refused.value.field == "mediation"
    assert not Appeal.objects.exists()


def test_only_the_team_records_an_appeal(case: Case) -> None:
    with pytest.raises(Refusal, match="Only the SEND case work team"):
        _appeal(make_user("ep", "practitioner"), case)


def test_records_a_hearing_date_in_the_future(officer: Any, appeal: Appeal) -> None:
    hearing = TODAY + dt.timedelta(weeks=8)
    services.appeal_record_hearing(actor=officer, appeal=appeal, hearing_on=hearing, today=TODAY)
    appeal.refresh_from_db()
    assert appeal.hearing_on == hearing
    entry = _last_audit("disputes.appeal")
    assert (entry.action, entry.summary) == (
        "change",
        f"recorded a Tribunal hearing on {hearing}",
    )


def test_refuses_a_hearing_before_the_appeal_was_registered(officer: Any, appeal: Appeal) -> None:
    with pytest.raises(Refusal, match="on or after the date the appeal was registered") as refused:
        services.appeal_record_hearing(
            actor=officer, appeal=appeal, hearing_on=REGISTERED - DAY, today=TODAY
        )
    assert refused.value.field == "hearing_on"


def test_records_the_outcome_and_closes_the_appeal(officer: Any, appeal: Appeal) -> None:
    on = dt.date(2026, 2, 20)
    services.appeal_record_outcome(
        actor=officer, appeal=appeal, outcome="upheld", outcome_on=on, today=TODAY
    )
    appeal.refresh_from_db()
    assert (appeal.outcome, appeal.outcome_on, appeal.is_open) == ("upheld", on, False)
    assert _last_audit("disputes.appeal").summary == "recorded the appeal's outcome on 2026-02-20"


@pytest.mark.parametrize(
    ("outcome", "outcome_on", "field", "message"),
    [
        ("upheld", TODAY + DAY, "outcome_on", "today or in the past"),
        (
            "upheld",
            REGISTERED - DAY,
            "outcome_on",
            "on or after the date the appeal was registered, 5 December 2025",
        ),
        ("won", REGISTERED, "outcome", "Select how the appeal ended"),
    ],
)
def test_refuses_an_outcome(
    officer: Any, appeal: Appeal, outcome: str, outcome_on: dt.date, field: str, message: str
) -> None:
    with pytest.raises(Refusal, match=message) as refused:
        services.appeal_record_outcome(
            actor=officer, appeal=appeal, outcome=outcome, outcome_on=outcome_on, today=TODAY
        )
    assert refused.value.field == field
    appeal.refresh_from_db()
    assert appeal.is_open


def test_refuses_changes_to_a_decided_appeal(officer: Any, appeal: Appeal) -> None:
    services.appeal_record_outcome(
        actor=officer, appeal=appeal, outcome="conceded", outcome_on=REGISTERED, today=TODAY
    )
    with pytest.raises(Refusal, match="outcome has been recorded"):
        services.appeal_record_hearing(actor=officer, appeal=appeal, hearing_on=TODAY, today=TODAY)
    with pytest.raises(Refusal, match="outcome has been recorded"):
        services.appeal_record_outcome(
            actor=officer, appeal=appeal, outcome="upheld", outcome_on=TODAY, today=TODAY
        )


def test_only_the_team_records_a_hearing_or_outcome(appeal: Appeal) -> None:
    analyst = make_user("analyst", "analyst")
    with pytest.raises(Refusal, match="Only the SEND case work team"):
        services.appeal_record_hearing(actor=analyst, appeal=appeal, hearing_on=TODAY, today=TODAY)
    with pytest.raises(Refusal, match="Only the SEND case work team"):
        services.appeal_record_outcome(
            actor=analyst, appeal=appeal, outcome="upheld", outcome_on=TODAY, today=TODAY
        )
