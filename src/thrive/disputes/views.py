"""Mediation and appeal pages, for the case work team only. The case's page lists its
mediations and appeals with their statutory dates; the form pages record each step and go back
to it. The area's list shows open appeals by hearing date. Thin: forms validate, services write,
selectors read."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from thrive.accounts.policy import Action, can
from thrive.assessments.models import Case
from thrive.assessments.selectors import case_get_for
from thrive.core.audit import audit_record, audit_record_views
from thrive.core.errors import Refusal
from thrive.core.forms import GovUKForm
from thrive.core.models import AuditAction

from . import presenters, selectors, services
from .forms import (
    AppealForm,
    AppealHearingForm,
    AppealOutcomeForm,
    MediationCertificateForm,
    MediationForm,
    MediationOutcomeForm,
)

INTRO = (
    "Before appealing, the family must contact a mediation adviser within 2 months of the "
    "decision letter, unless the appeal is only about the school or college named. They can "
    "appeal to the SEND Tribunal within 2 months of the decision letter, or 1 month of the "
    "mediation certificate if that is later."
)


def _team_only(request: HttpRequest) -> None:
    """Recording disagreements is the case work team's job: anyone else is turned away (403)."""
    if not can(request.user, Action.CASE_WORK):
        raise PermissionDenied


def _case(request: HttpRequest, case_id: int) -> Case:
    _team_only(request)
    return case_get_for(user=request.user, case_id=case_id)


def _data(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def case_disputes(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    disputes = selectors.case_disputes(case)
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        obj=case,
        child_id=case.child_id,
        summary="viewed the case's mediation and appeals",
    )
    return render(
        request,
        "disputes/case_disputes.html",
        {
            "case": case,
            "child": case.child,
            "intro": INTRO,
            "mediations": [presenters.mediation_card(m) for m in disputes.mediations],
            "appeals": [presenters.appeal_card(a) for a in disputes.appeals],
        },
    )


def _form_page(
    request: HttpRequest,
    case: Case,
    form: GovUKForm,
    save: Callable[[dict[str, Any]], object],
    *,
    heading: str,
    success: str,
    intro: str = "",
) -> HttpResponse:
    """Show the form; on a valid POST save through the service and go back to the case's
    page. A refusal appears in the error summary, against its field."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, success)
            return redirect("disputes:case_disputes", case_id=case.pk)
    context = {"case": case, "child": case.child, "form": form, "heading": heading, "intro": intro}
    return render(request, "disputes/form.html", context, status=400 if form.errors else 200)


def mediation_record(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)

    def save(data: dict[str, Any]) -> object:
        return services.mediation_record(
            actor=request.user,
            case=case,
            subject=data["subject"],
            decision_letter_on=data["decision_letter_on"],
            adviser_contacted_on=data["adviser_contacted_on"],
            today=timezone.localdate(),
        )

    return _form_page(
        request,
        case,
        MediationForm(_data(request)),
        save,
        heading="Record contact with a mediation adviser",
        intro="The family should contact the adviser within 2 months of the decision letter.",
        success="Contact with the mediation adviser recorded",
    )


def mediation_record_outcome(request: HttpRequest, case_id: int, mediation_id: int) -> HttpResponse:
    case = _case(request, case_id)
    mediation = selectors.mediation_get(case, mediation_id)

    def save(data: dict[str, Any]) -> object:
        return services.mediation_record_outcome(
            actor=request.user,
            mediation=mediation,
            held_on=data["held_on"],
            outcome=data["outcome"],
            today=timezone.localdate(),
        )

    return _form_page(
        request,
        case,
        MediationOutcomeForm(_data(request)),
        save,
        heading="Record the mediation",
        intro="Mediation should be arranged within 30 days of the family asking for it.",
        success="Mediation recorded",
    )


def mediation_record_certificate(
    request: HttpRequest, case_id: int, mediation_id: int
) -> HttpResponse:
    case = _case(request, case_id)
    mediation = selectors.mediation_get(case, mediation_id)

    def save(data: dict[str, Any]) -> object:
        return services.mediation_record_certificate(
            actor=request.user,
            mediation=mediation,
            issued_on=data["issued_on"],
            kind=data["kind"],
            today=timezone.localdate(),
        )

    return _form_page(
        request,
        case,
        MediationCertificateForm(_data(request)),
        save,
        heading="Record the mediation certificate",
        intro="The family can appeal within 1 month of the certificate, if that is later than "
        "2 months from the decision letter.",
        success="Mediation certificate recorded",
    )


def appeal_record(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    form = AppealForm(_data(request), mediations=list(case.mediations.order_by("id")))

    def save(data: dict[str, Any]) -> object:
        return services.appeal_record(
            actor=request.user,
            case=case,
            subject=data["subject"],
            decision_letter_on=data["decision_letter_on"],
            registered_on=data["registered_on"],
            mediation=form.chosen_mediation(),
            today=timezone.localdate(),
        )

    return _form_page(
        request,
        case,
        form,
        save,
        heading="Record an appeal to the SEND Tribunal",
        intro="Record the appeal when the Tribunal tells the council it has registered it.",
        success="Appeal recorded",
    )


def appeal_record_hearing(request: HttpRequest, case_id: int, appeal_id: int) -> HttpResponse:
    case = _case(request, case_id)
    appeal = selectors.appeal_get(case, appeal_id)

    def save(data: dict[str, Any]) -> object:
        return services.appeal_record_hearing(
            actor=request.user,
            appeal=appeal,
            hearing_on=data["hearing_on"],
            today=timezone.localdate(),
        )

    return _form_page(
        request,
        case,
        AppealHearingForm(_data(request)),
        save,
        heading="Record the hearing date",
        intro="The date the Tribunal has set for the hearing. You can change it if it moves.",
        success="Hearing date recorded",
    )


def appeal_record_outcome(request: HttpRequest, case_id: int, appeal_id: int) -> HttpResponse:
    case = _case(request, case_id)
    appeal = selectors.appeal_get(case, appeal_id)

    def save(data: dict[str, Any]) -> object:
        return services.appeal_record_outcome(
            actor=request.user,
            appeal=appeal,
            outcome=data["outcome"],
            outcome_on=data["outcome_on"],
            today=timezone.localdate(),
        )

    return _form_page(
        request,
        case,
        AppealOutcomeForm(_data(request)),
        save,
        heading="Record how the appeal ended",
        intro="Once the outcome is recorded the appeal is closed.",
        success="Appeal outcome recorded",
    )


def appeal_list(request: HttpRequest) -> HttpResponse:
    """The area's open appeals, by hearing date, and the appeals registered each year."""
    _team_only(request)
    today = timezone.localdate()
    appeals = list(selectors.open_appeals_for(user=request.user))
    audit_record_views(
        actor=request.user,
        objects=appeals,
        child_ids=[a.case.child_id for a in appeals],
        summary="listed on the open appeals",
    )
    return render(
        request,
        "disputes/appeal_list.html",
        {
            "rows": [presenters.open_appeal_row(a, today) for a in appeals],
            "years": selectors.appeal_counts_by_year(user=request.user),
        },
    )
