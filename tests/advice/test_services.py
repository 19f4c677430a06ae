import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from tests.advice.conftest import REQUESTED, pdf_upload
from tests.factories import TODAY, make_user, step
from thrive.accounts.policy import restrict_cases
from thrive.advice import services
from thrive.advice.models import AdviceRequest
from thrive.assessments import services as case_services
from thrive.assessments.models import Case, CaseAccess, CaseEvent
from thrive.assessments.presenters import caseload_row
from thrive.assessments.selectors import CaseloadFilters, caseload_for
from thrive.core.errors import Refusal
from thrive.core.models import AuditEntry
from thrive.law import clock
from thrive.law.clock import Contributor

EP = Contributor.EDUCATIONAL_PSYCHOLOGY
QUESTION = "Please assess cognition and learning."


def ask(actor: Any, case: Case, **overrides: Any) -> AdviceRequest:
    values: dict[str, Any] = {
        "actor": actor,
        "case": case,
        "contributor": EP,
        "question": QUESTION,
        "requested_on": REQUESTED,
        "today": TODAY,
    }
    values.update(overrides)
    return services.advice_request(**values)


def write(actor: Any, advice: AdviceRequest, **overrides: Any) -> AdviceRequest:
    values: dict[str, Any] = {
        "actor": actor,
        "advice": advice,
        "needs": ["Working memory well below age", "Slow processing speed"],
        "outcomes": ["Reads simple texts by July 2026"],
        "provision": ["Small-group literacy, 3 hours a week"],
        "summary": "",
    }
    values.update(overrides)
    return services.advice_save(**values)


def messages_sent(capture: Any, work: Any) -> list[Any]:
    with capture(execute=True):
        work()
    return list(mail.outbox)


def assert_no_personal_data(case: Case) -> None:
    for message in mail.outbox:
        for part in (message.subject, message.body):
            assert case.child.first_name not in part
            assert case.child.last_name not in part
            assert case.reference in part


# --- Requesting advice ------------------------------------------------------------------


def test_requesting_advice_records_the_step_invites_the_practitioner_and_tells_them(
    officer: Any, assessing_case: Case, ep: Any, django_capture_on_commit_callbacks: Any
) -> None:
    sent = messages_sent(
        django_capture_on_commit_callbacks, lambda: ask(officer, assessing_case, practitioner=ep)
    )
    advice = AdviceRequest.objects.get()
    assert (advice.practitioner, advice.contributor, advice.requested_by) == (ep, EP, officer)
    event = assessing_case.events.get(kind="advice_requested")
    assert (event.on, event.contributor, event.recorded_by) == (REQUESTED, EP, officer)
    assert restrict_cases(ep, Case.objects.all()).get() == assessing_case
    assert [m.to for m in sent] == [["ep@example.org"]]
    assert "Please submit it by 17 November 2025." in sent[0].body
    assert_no_personal_data(assessing_case)
    audit = AuditEntry.objects.get(object_type="advice.advicerequest")
    assert (audit.action, audit.child_id, audit.actor) == (
        "create",
        assessing_case.child_id,
        officer,
    )


def test_requesting_advice_from_an_inbox_tells_the_inbox_and_its_members(
    officer: Any,
    assessing_case: Case,
    school: Any,
    senco: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    sent = messages_sent(
        django_capture_on_commit_callbacks,
        lambda: ask(
            officer, assessing_case, organisation=school, contributor=Contributor.EDUCATION
        ),
    )
    assert CaseAccess.objects.get(case=assessing_case).organisation == school
    assert restrict_cases(senco, Case.objects.all()).get() == assessing_case
    assert sorted(m.to[0] for m in sent) == ["jo@oak.test", "senco@oak.test"]
    assert_no_personal_data(assessing_case)


def test_a_second_request_to_the_same_practitioner_does_not_invite_them_twice(
    officer: Any, assessing_case: Case, ep: Any
) -> None:
    ask(officer, assessing_case, practitioner=ep)
    ask(officer, assessing_case, practitioner=ep, contributor=Contributor.OTHER)
    assert CaseAccess.objects.filter(case=assessing_case, user=ep).count() == 1


@pytest.mark.parametrize(
    ("overrides", "message", "field"),
    [
        ({}, "Select who you are asking", "recipient"),
        ({"question": "   "}, "Enter what you are asking for", "question"),
        ({"requested_on": TODAY + dt.timedelta(days=1)}, "cannot be in the future", "requested_on"),
        ({"requested_on": dt.date(2025, 9, 20)}, "before the last recorded step", "requested_on"),
    ],
)
def test_refuses_a_request_with_bad_details(
    officer: Any, assessing_case: Case, ep: Any, overrides: dict[str, Any], message: str, field: str
) -> None:
    overrides.setdefault("practitioner", ep if field != "recipient" else None)
    with pytest.raises(Refusal, match=message) as refused:
        ask(officer, assessing_case, **overrides)
    assert refused.value.field == field
    assert not AdviceRequest.objects.exists()
    assert not assessing_case.events.filter(kind="advice_requested").exists()


def test_refuses_a_request_to_both_a_practitioner_and_an_inbox(
    officer: Any, assessing_case: Case, ep: Any, school: Any
) -> None:
    with pytest.raises(Refusal, match="Select who you are asking") as refused:
        ask(officer, assessing_case, practitioner=ep, organisation=school)
    assert refused.value.field == "recipient"


def test_refuses_a_request_to_someone_who_is_not_a_practitioner(
    officer: Any, assessing_case: Case
) -> None:
    parent = make_user("parent", "parent")
    with pytest.raises(Refusal, match="Select a practitioner or an organisation"):
        ask(officer, assessing_case, practitioner=parent)


@pytest.mark.parametrize("role", ["practitioner", "administrator", "parent"])
def test_refuses_a_request_from_outside_the_case_work_team(
    assessing_case: Case, ep: Any, role: str
) -> None:
    with pytest.raises(Refusal, match="Only the SEND case work team"):
        ask(make_user("someone", role), assessing_case, practitioner=ep)


def test_refuses_a_request_before_the_decision_to_assess(
    officer: Any, make_case: Any, ep: Any
) -> None:
    case = make_case(received_on=dt.date(2025, 9, 1))
    with pytest.raises(Refusal, match="only be requested after deciding to assess") as refused:
        ask(officer, case, practitioner=ep)
    assert refused.value.field is None
    assert not CaseAccess.objects.exists()


def test_refuses_a_request_after_the_decision_whether_to_issue(
    officer: Any, assessing_case: Case, ep: Any
) -> None:
    issue = step("decision_to_issue", dt.date(2025, 12, 1), outcome=True)
    case_services.case_record_step(actor=officer, case=assessing_case, step=issue, today=TODAY)
    with pytest.raises(Refusal, match="after the decision whether to issue"):
        ask(officer, assessing_case, practitioner=ep, requested_on=dt.date(2025, 12, 2))


def test_refuses_a_second_open_request_for_the_same_kind_of_advice(
    officer: Any, assessing_case: Case, ep: Any, stranger: Any
) -> None:
    ask(officer, assessing_case, practitioner=ep)
    with pytest.raises(Refusal, match="already been requested and not yet received") as refused:
        ask(officer, assessing_case, practitioner=stranger)
    assert refused.value.field == "contributor"


def test_refuses_a_request_on_a_withdrawn_case(officer: Any, assessing_case: Case, ep: Any) -> None:
    withdrawn = step("withdrawn", dt.date(2025, 10, 3))
    case_services.case_record_step(actor=officer, case=assessing_case, step=withdrawn, today=TODAY)
    with pytest.raises(Refusal, match="This case is closed"):
        ask(officer, assessing_case, practitioner=ep)


def test_caseload_shows_the_advice_deadline_when_it_is_the_soonest(
    officer: Any, make_case: Any, ep: Any
) -> None:
    today = timezone.localdate()
    received = today - dt.timedelta(days=30)
    assess = step("decision_to_assess", today - dt.timedelta(days=25), outcome=True)
    case = make_case(received_on=received, steps=(assess,))
    asked_on = today - dt.timedelta(days=20)
    ask(officer, case, practitioner=ep, requested_on=asked_on, today=today)
    caseload = caseload_for(user=officer, filters=CaseloadFilters(), today=today)
    row = caseload_row(*caseload.cases[0], today)
    assert row["next_label"] == "Advice from educational psychology"
    assert row["next_due_on"] == asked_on + dt.timedelta(weeks=6)
    assert row["status"]["text"] == "22 days left"


# --- Withdrawing a request ---------------------------------------------------------------


def test_withdrawing_ends_the_practitioners_access_and_tells_them(
    officer: Any, assessing_case: Case, ep: Any, django_capture_on_commit_callbacks: Any
) -> None:
    advice = ask(officer, assessing_case, practitioner=ep)
    mail.outbox.clear()
    sent = messages_sent(
        django_capture_on_commit_callbacks,
        lambda: services.advice_withdraw(actor=officer, advice=advice, today=TODAY),
    )
    advice.refresh_from_db()
    assert advice.withdrawn_on == TODAY
    assert CaseAccess.objects.get(user=ep).ended_at is not None
    assert not restrict_cases(ep, Case.objects.all()).exists()
    assert [m.to for m in sent] == [["ep@example.org"]]
    assert "withdrawn" in sent[0].body
    assert_no_personal_data(assessing_case)
    assert AuditEntry.objects.filter(summary="withdrew a request for advice").exists()


def test_withdrawing_puts_it_on_the_timeline_so_its_deadline_is_not_needed(
    officer: Any, assessing_case: Case, ep: Any
) -> None:
    advice = ask(officer, assessing_case, practitioner=ep)
    services.advice_withdraw(actor=officer, advice=advice, today=TODAY)
    assert assessing_case.events.filter(kind="advice_withdrawn").exists()
    later = TODAY + dt.timedelta(weeks=10)
    result = clock.assessment_clock([e.as_law_event() for e in assessing_case.events.all()], later)
    deadline = result.deadline("advice:educational_psychology")
    assert deadline is not None
    assert deadline.state == clock.DeadlineState.NOT_NEEDED


def test_withdrawing_keeps_access_another_request_still_needs(
    officer: Any, assessing_case: Case, ep: Any
) -> None:
    first = ask(officer, assessing_case, practitioner=ep)
    ask(officer, assessing_case, practitioner=ep, contributor=Contributor.OTHER)
    services.advice_withdraw(actor=officer, advice=first, today=TODAY)
    assert restrict_cases(ep, Case.objects.all()).get() == assessing_case


def test_withdrawing_an_inbox_request_ends_the_inbox_access(
    officer: Any, assessing_case: Case, school: Any, senco: Any
) -> None:
    advice = ask(officer, assessing_case, organisation=school, contributor=Contributor.EDUCATION)
    services.advice_withdraw(actor=officer, advice=advice, today=TODAY)
    assert not restrict_cases(senco, Case.objects.all()).exists()


def test_refuses_to_withdraw_twice(officer: Any, assessing_case: Case, ep: Any) -> None:
    advice = ask(officer, assessing_case, practitioner=ep)
    services.advice_withdraw(actor=officer, advice=advice, today=TODAY)
    with pytest.raises(Refusal, match="already been withdrawn"):
        services.advice_withdraw(actor=officer, advice=advice, today=TODAY)


def test_refuses_to_withdraw_advice_already_received(
    officer: Any, assessing_case: Case, ep: Any
) -> None:
    advice = ask(officer, assessing_case, practitioner=ep)
    write(ep, advice)
    services.advice_submit(actor=ep, advice=advice, today=TODAY)
    with pytest.raises(Refusal, match="already been received"):
        services.advice_withdraw(actor=officer, advice=advice, today=TODAY)


def test_refuses_a_withdrawal_by_the_practitioner(
    officer: Any, assessing_case: Case, ep: Any
) -> None:
    advice = ask(officer, assessing_case, practitioner=ep)
    with pytest.raises(Refusal, match="Only the SEND case work team"):
        services.advice_withdraw(actor=ep, advice=advice, today=TODAY)
    advice.refresh_from_db()
    assert advice.withdrawn_on is None


# --- Writing and submitting advice -------------------------------------------------------


def test_saving_a_draft_replaces_the_items(officer: Any, assessing_case: Case, ep: Any) -> None:
    advice = ask(officer, assessing_case, practitioner=ep)
    write(ep, advice)
    write(ep, advice, needs=["Only one need"], outcomes=[], provision=["", "  "], summary=" S ")
    advice.refresh_from_db()
    assert [(i.kind, i.text) for i in advice.items.all()] == [("need", "Only one need")]
    assert advice.summary == "S"
    assert not advice.is_submitted
    assert AuditEntry.objects.filter(summary="saved draft advice").count() == 2


def test_a_document_is_stored_under_a_random_name_and_replaced_cleanly(
    officer: Any,
    assessing_case: Case,
    ep: Any,
    media: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:
    advice = ask(officer, assessing_case, practitioner=ep)
    write(ep, advice, document=pdf_upload())
    advice.refresh_from_db()
    first = advice.document.name
    assert first.startswith("advice/")
    assert first.endswith(".pdf")
    assert "Wren" not in first
    assert (media / first).read_bytes().startswith(b"%PDF-")
    with django_capture_on_commit_callbacks(execute=True):
        write(ep, advice, document=pdf_upload("second.pdf"))
    advice.refresh_from_db()
    assert advice.document.name != first
    assert not (media / first).exists()
    with django_capture_on_commit_callbacks(execute=True):
        write(ep, advice, remove_document=True)
    advice.refresh_from_db()
    assert not advice.document
    assert list((media / "advice").iterdir()) == []


def test_submitting_records_the_receipt_and_tells_the_case_officer(
    officer: Any, assessing_case: Case, ep: Any, django_capture_on_commit_callbacks: Any
) -> None:
    advice = ask(officer, assessing_case, practitioner=ep)
    write(ep, advice)
    mail.outbox.clear()
    sent = messages_sent(
        django_capture_on_commit_callbacks,
        lambda: services.advice_submit(actor=ep, advice=advice, today=TODAY),
    )
    advice.refresh_from_db()
    assert advice.submitted_by == ep
    assert advice.submitted_at is not None
    received = CaseEvent.objects.get(case=assessing_case, kind="advice_received")
    assert (received.on, received.contributor, received.recorded_by) == (TODAY, EP, ep)
    assert [m.to for m in sent] == [["officer@council.test"]]
    assert "Advice from educational psychology has been submitted" in sent[0].body
    assert_no_personal_data(assessing_case)
    assert AuditEntry.objects.filter(summary="submitted advice", actor=ep).exists()


def test_submitted_advice_cannot_be_changed(officer: Any, assessing_case: Case, ep: Any) -> None:
    advice = ask(officer, assessing_case, practitioner=ep)
    write(ep, advice)
    services.advice_submit(actor=ep, advice=advice, today=TODAY)
    with pytest.raises(Refusal, match="already been submitted"):
        write(ep, advice, needs=["Changed"])
    with pytest.raises(Refusal, match="already been submitted"):
        services.advice_submit(actor=ep, advice=advice, today=TODAY)
    assert advice.items.filter(text="Changed").count() == 0


def test_refuses_to_submit_without_needs_or_a_document(
    officer: Any, assessing_case: Case, ep: Any
) -> None:
    advice = ask(officer, assessing_case, practitioner=ep)
    write(ep, advice, needs=[])
    with pytest.raises(Refusal, match="Write at least one need") as refused:
        services.advice_submit(actor=ep, advice=advice, today=TODAY)
    assert refused.value.field == "needs"
    assert not assessing_case.events.filter(kind="advice_received").exists()


def test_a_document_alone_can_be_submitted(
    officer: Any, assessing_case: Case, ep: Any, media: Path
) -> None:
    advice = ask(officer, assessing_case, practitioner=ep)
    write(ep, advice, needs=[], outcomes=[], provision=[], document=pdf_upload())
    services.advice_submit(actor=ep, advice=advice, today=TODAY)
    assert assessing_case.events.filter(kind="advice_received").exists()


def test_any_member_of_the_inbox_can_submit_its_advice(
    officer: Any, assessing_case: Case, school: Any, senco: Any
) -> None:
    advice = ask(officer, assessing_case, organisation=school, contributor=Contributor.EDUCATION)
    write(senco, advice)
    services.advice_submit(actor=senco, advice=advice, today=TODAY)
    advice.refresh_from_db()
    assert advice.submitted_by == senco


@pytest.mark.parametrize("who", ["stranger", "officer"])
def test_refuses_advice_from_someone_not_asked(
    officer: Any, assessing_case: Case, ep: Any, stranger: Any, who: str
) -> None:
    advice = ask(officer, assessing_case, practitioner=ep)
    actor = {"stranger": stranger, "officer": officer}[who]
    with pytest.raises(Refusal, match="Only the practitioner or organisation asked"):
        write(actor, advice)
    with pytest.raises(Refusal, match="Only the practitioner or organisation asked"):
        services.advice_submit(actor=actor, advice=advice, today=TODAY)


def test_refuses_to_write_a_withdrawn_request(officer: Any, assessing_case: Case, ep: Any) -> None:
    advice = ask(officer, assessing_case, practitioner=ep)
    services.advice_withdraw(actor=officer, advice=advice, today=TODAY)
    with pytest.raises(Refusal, match="has been withdrawn"):
        write(ep, advice)


def test_refuses_to_submit_on_a_closed_case(officer: Any, assessing_case: Case, ep: Any) -> None:
    advice = ask(officer, assessing_case, practitioner=ep)
    write(ep, advice)
    withdrawn = step("withdrawn", dt.date(2025, 11, 1))
    case_services.case_record_step(actor=officer, case=assessing_case, step=withdrawn, today=TODAY)
    with pytest.raises(Refusal, match="This case is closed") as refused:
        services.advice_submit(actor=ep, advice=advice, today=TODAY)
    assert refused.value.field is None
    advice.refresh_from_db()
    assert not advice.is_submitted
