"""Writes for advice (SEND Regulations 2014, regs 6 and 8): asking for it, withdrawing the
request, and the practitioner writing and submitting it.

Requests and receipts go on the case's timeline through `case_append_step`, so the statutory
clock (and its refusals) sees them. Messages name the case reference, never the child."""

import datetime as dt
from typing import Any

from django.core.files import File
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from thrive.accounts.models import Organisation, User
from thrive.accounts.policy import Action, can, is_practitioner
from thrive.assessments.models import Case, CaseAccess
from thrive.assessments.selectors import case_events
from thrive.assessments.services import case_append_step
from thrive.core.audit import audit_record
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction
from thrive.core.notifications import notify
from thrive.law import clock

from .models import AdviceItem, AdviceItemKind, AdviceRequest
from .selectors import inbox_emails


@transaction.atomic
def advice_request(
    *,
    actor: Any,
    case: Case,
    contributor: clock.Contributor,
    question: str,
    requested_on: dt.date,
    today: dt.date,
    practitioner: User | None = None,
    organisation: Organisation | None = None,
    channel: str = "web",
) -> AdviceRequest:
    """Ask a practitioner, or an organisation's inbox, for advice (reg. 6(1)); they may then
    see this case only. Due 6 weeks after the request (reg. 8(1))."""
    if not can(actor, Action.ADVICE_REQUEST, case):
        raise Refusal("Only the SEND case work team can request advice.")
    _check_recipient(practitioner, organisation)
    if not question.strip():
        raise Refusal("Enter what you are asking for", field="question")
    step = clock.Event(clock.EventKind.ADVICE_REQUESTED, requested_on, contributor=contributor)
    _check_can_request(case, contributor, today)
    try:
        case_append_step(actor=actor, case=case, step=step, today=today, channel=channel)
    except Refusal as refusal:  # the step is allowed today, so it is the date that is wrong
        raise Refusal(refusal.message, field="requested_on") from None
    advice = AdviceRequest.objects.create(
        case=case,
        contributor=contributor,
        practitioner=practitioner,
        organisation=organisation,
        question=question.strip(),
        requested_on=requested_on,
        requested_by=actor,
    )
    _grant_access(advice, actor)
    _audit(actor, advice, AuditAction.CREATE, "requested advice", channel)
    due = clock.render_date(advice.due_on)
    notify(
        recipients=inbox_emails(advice),
        subject=f"Advice requested for case {case.reference}",
        body=f"Advice has been requested for case {case.reference}. Please submit it by {due}.",
    )
    return advice


def _check_recipient(practitioner: User | None, organisation: Organisation | None) -> None:
    if (practitioner is None) == (organisation is None):
        raise Refusal("Select who you are asking for advice", field="recipient")
    if practitioner is not None and not is_practitioner(practitioner):
        raise Refusal("Select a practitioner or an organisation", field="recipient")


def _check_can_request(case: Case, contributor: clock.Contributor, today: dt.date) -> None:
    """Refuse, against the right field, what the law would refuse whatever the date."""
    if case.advice_requests.filter(
        contributor=contributor, submitted_at__isnull=True, withdrawn_on__isnull=True
    ).exists():
        raise Refusal(
            f"{contributor.advice_label} has already been requested and not yet received.",
            field="contributor",
        )
    history = [event.as_law_event() for event in case_events(case)]
    now = clock.Event(clock.EventKind.ADVICE_REQUESTED, today, contributor=contributor)
    if reason := clock.refusal_for(history, now, today):
        raise Refusal(reason)


def _grant_access(advice: AdviceRequest, actor: Any) -> None:
    active = CaseAccess.objects.filter(case=advice.case, ended_at__isnull=True)
    if advice.practitioner and not active.filter(user=advice.practitioner).exists():
        CaseAccess.objects.create(case=advice.case, user=advice.practitioner, granted_by=actor)
    if advice.organisation and not active.filter(organisation=advice.organisation).exists():
        CaseAccess.objects.create(
            case=advice.case, organisation=advice.organisation, granted_by=actor
        )


@transaction.atomic
def advice_withdraw(
    *, actor: Any, advice: AdviceRequest, today: dt.date, channel: str = "web"
) -> AdviceRequest:
    """Withdraw a request not yet answered. The practitioner or inbox stops seeing the case
    unless another request on it is still addressed to them."""
    if not can(actor, Action.ADVICE_REQUEST, advice.case):
        raise Refusal("Only the SEND case work team can withdraw a request for advice.")
    advice = AdviceRequest.objects.select_for_update().select_related("case").get(pk=advice.pk)
    if advice.is_submitted:
        raise Refusal("This advice has already been received, so the request cannot be withdrawn.")
    if advice.withdrawn_on is not None:
        raise Refusal("This request has already been withdrawn.")
    step = clock.Event(
        clock.EventKind.ADVICE_WITHDRAWN, today, contributor=clock.Contributor(advice.contributor)
    )
    case_append_step(actor=actor, case=advice.case, step=step, today=today, channel=channel)
    advice.withdrawn_on = today
    advice.save(update_fields=["withdrawn_on"])
    _end_access_no_longer_needed(advice)
    _audit(actor, advice, AuditAction.CHANGE, "withdrew a request for advice", channel)
    notify(
        recipients=inbox_emails(advice),
        subject=f"Request for advice withdrawn for case {advice.case.reference}",
        body=f"The request for advice for case {advice.case.reference} has been withdrawn. "
        "You do not need to send this advice.",
    )
    return advice


def _end_access_no_longer_needed(advice: AdviceRequest) -> None:
    # Submitted requests still need access: their authors can read what they sent.
    others = AdviceRequest.objects.filter(case=advice.case, withdrawn_on__isnull=True)
    access = CaseAccess.objects.filter(case=advice.case, ended_at__isnull=True)
    ended = Q(pk__in=[])
    if advice.practitioner_id and not others.filter(practitioner=advice.practitioner_id).exists():
        ended |= Q(user=advice.practitioner_id)
    if advice.organisation_id and not others.filter(organisation=advice.organisation_id).exists():
        ended |= Q(organisation=advice.organisation_id)
    access.filter(ended).update(ended_at=timezone.now())


def _lock_for_writing(actor: Any, advice: AdviceRequest) -> AdviceRequest:
    locked = AdviceRequest.objects.select_for_update().select_related("case").get(pk=advice.pk)
    if locked.is_submitted:
        raise Refusal("This advice has already been submitted, so it cannot be changed.")
    if locked.withdrawn_on is not None:
        raise Refusal("This request for advice has been withdrawn.")
    if not can(actor, Action.ADVICE_WRITE, locked):
        raise Refusal("Only the practitioner or organisation asked can write this advice.")
    return locked


@transaction.atomic
def advice_save(
    *,
    actor: Any,
    advice: AdviceRequest,
    needs: list[str],
    outcomes: list[str],
    provision: list[str],
    summary: str = "",
    document: File[Any] | None = None,
    remove_document: bool = False,
    channel: str = "web",
) -> AdviceRequest:
    """Save the practitioner's advice as a draft: only they (and their inbox) see it until it
    is submitted. A new document replaces the old one."""
    advice = _lock_for_writing(actor, advice)
    advice.items.all().delete()
    AdviceItem.objects.bulk_create(
        AdviceItem(request=advice, kind=kind, text=text.strip(), order=number)
        for kind, texts in (
            (AdviceItemKind.NEED, needs),
            (AdviceItemKind.OUTCOME, outcomes),
            (AdviceItemKind.PROVISION, provision),
        )
        for number, text in enumerate(t for t in texts if t.strip())
    )
    advice.summary = summary.strip()
    old_document = advice.document.name
    if document is not None:
        advice.document.save(document.name or "advice", document, save=False)
    elif remove_document:
        advice.document = None
    advice.save(update_fields=["summary", "document"])
    if old_document and old_document != advice.document.name:
        storage = advice.document.storage
        transaction.on_commit(lambda: storage.delete(old_document))
    _audit(actor, advice, AuditAction.CHANGE, "saved draft advice", channel)
    return advice


@transaction.atomic
def advice_submit(
    *, actor: Any, advice: AdviceRequest, today: dt.date, channel: str = "web"
) -> AdviceRequest:
    """Send the advice to the council. It is recorded as received on the case's timeline
    (reg. 8(1)) and cannot be changed afterwards."""
    advice = _lock_for_writing(actor, advice)
    if not advice.document and not advice.items.filter(kind=AdviceItemKind.NEED).exists():
        raise Refusal("Write at least one need, or upload your advice as a document", "needs")
    contributor = clock.Contributor(advice.contributor)
    step = clock.Event(clock.EventKind.ADVICE_RECEIVED, today, contributor=contributor)
    try:
        case_append_step(actor=actor, case=advice.case, step=step, today=today, channel=channel)
    except Refusal as refusal:
        raise Refusal(refusal.message) from None
    advice.submitted_at, advice.submitted_by = timezone.now(), actor
    advice.save(update_fields=["submitted_at", "submitted_by"])
    _audit(actor, advice, AuditAction.CHANGE, "submitted advice", channel)
    case = advice.case
    notify(
        recipients=[case.case_officer.email] if case.case_officer else [],
        subject=f"Advice received for case {case.reference}",
        body=f"{contributor.advice_label} has been submitted for case {case.reference}.",
    )
    return advice


def _audit(
    actor: Any, advice: AdviceRequest, action: AuditAction, summary: str, channel: str
) -> None:
    audit_record(
        actor=actor,
        action=action,
        obj=advice,
        child_id=advice.case.child_id,
        summary=summary,
        channel=channel,
    )
