"""Reads for advice: the only ways a view reaches a request for advice and the child it is about.

A practitioner reaches a request addressed to them, or to an organisation inbox they belong to,
on a case they are still invited to; the case work team reaches every request on a case it can
see. "Does not exist" and "not yours" give the same 404."""

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from thrive.accounts.models import Organisation, Role, User
from thrive.accounts.policy import is_casework, is_practitioner, restrict_cases
from thrive.assessments.models import Case, CaseEvent
from thrive.law import clock

from .models import AdviceRequest

_RELATED = (
    "case__child__setting",
    "case__case_officer",
    "practitioner",
    "organisation",
    "requested_by",
    "submitted_by",
)


def _addressed_to(user: Any) -> QuerySet[AdviceRequest]:
    """Requests addressed to `user` or their organisations, not withdrawn, on visible cases."""
    if not is_practitioner(user):
        return AdviceRequest.objects.none()
    return AdviceRequest.objects.filter(
        Q(practitioner=user) | Q(organisation__in=user.organisations.all()),
        withdrawn_on__isnull=True,
        case__in=restrict_cases(user, Case.objects.all()),
    )


def advice_get_for_practitioner(*, user: Any, advice_id: int) -> AdviceRequest:
    """A request addressed to `user` (or their inbox), with its case and child; else 404."""
    try:
        return _addressed_to(user).select_related(*_RELATED).get(pk=advice_id)
    except AdviceRequest.DoesNotExist:
        raise Http404 from None


def advice_get_for_case_team(
    *, user: Any, advice_id: int, case_id: int | None = None
) -> AdviceRequest:
    """A request on a case the case work team member can see; else 404."""
    requests = AdviceRequest.objects.filter(case__in=restrict_cases(user, Case.objects.all()))
    if not is_casework(user):
        requests = requests.none()
    if case_id is not None:
        requests = requests.filter(case_id=case_id)
    try:
        return requests.select_related(*_RELATED).get(pk=advice_id)
    except AdviceRequest.DoesNotExist:
        raise Http404 from None


def advice_inbox_for(*, user: Any) -> tuple[list[AdviceRequest], list[AdviceRequest]]:
    """A practitioner's requests: (waiting for advice, soonest due first; submitted, newest
    first)."""
    requests = _addressed_to(user).select_related(*_RELATED)
    waiting = list(requests.filter(submitted_at__isnull=True).order_by("requested_on", "id"))
    submitted = list(requests.filter(submitted_at__isnull=False).order_by("-submitted_at", "-id"))
    return waiting, submitted


def advice_for_case(case: Case) -> list[AdviceRequest]:
    """Every request on the case, oldest first, with its items (case work team only)."""
    return list(
        case.advice_requests.select_related("practitioner", "organisation", "submitted_by")
        .prefetch_related("items")
        .order_by("requested_on", "id")
    )


def open_case_ids(case_ids: set[int], *, today: dt.date) -> set[int]:
    """Which of these cases are still open, by the statutory clock (one query)."""
    events: dict[int, list[clock.Event]] = defaultdict(list)
    for event in CaseEvent.objects.filter(case_id__in=case_ids).order_by("on", "id"):
        events[event.case_id].append(event.as_law_event())
    return {cid for cid, steps in events.items() if clock.assessment_clock(steps, today).is_open}


def advice_recipients() -> tuple[QuerySet[User], QuerySet[Organisation]]:
    """Who can be asked for advice: active practitioners, and organisation inboxes."""
    practitioners = User.objects.filter(role=Role.PRACTITIONER, is_active=True).order_by(
        "last_name", "first_name", "username"
    )
    return practitioners, Organisation.objects.order_by("name")


def inbox_emails(advice: AdviceRequest) -> list[str]:
    """Where messages about a request go: the practitioner, and any inbox and its members."""
    emails = [advice.practitioner.email] if advice.practitioner is not None else []
    if advice.organisation is not None:
        members = advice.organisation.members.filter(is_active=True)
        emails += [advice.organisation.email, *members.values_list("email", flat=True)]
    return emails
