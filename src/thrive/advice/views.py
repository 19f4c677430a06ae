"""Advice pages: the case work team asks for advice and reads it; practitioners write it.
Thin: forms validate, services write, selectors read, presenters shape."""

from pathlib import PurePath

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone

from thrive.accounts.policy import Action, can, is_casework, is_practitioner
from thrive.assessments.selectors import case_clock, case_get_for
from thrive.core.audit import audit_record, audit_record_views
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction
from thrive.law import clock

from . import presenters, selectors, services
from .forms import AdviceForm, AdviceRequestForm, ConfirmForm
from .models import AdviceRequest

# --- The case work team ---------------------------------------------------------------


def _case_team_only(request: HttpRequest) -> None:
    if not can(request.user, Action.CASE_WORK):
        raise PermissionDenied


def advice_list(request: HttpRequest, case_id: int) -> HttpResponse:
    _case_team_only(request)
    case = case_get_for(user=request.user, case_id=case_id)
    today = timezone.localdate()
    is_open = case_clock(case, today=today).is_open
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        obj=case,
        child_id=case.child_id,
        summary="viewed the advice on the case",
    )
    requests = selectors.advice_for_case(case)
    return render(
        request,
        "advice/advice_list.html",
        {
            "case": case,
            "child": case.child,
            "cards": presenters.case_advice_cards(case.pk, requests, today, case_open=is_open),
            "can_request": is_open and can(request.user, Action.ADVICE_REQUEST, case),
            "advice_weeks": clock.ADVICE_WEEKS,
        },
    )


def advice_request(request: HttpRequest, case_id: int) -> HttpResponse:
    if not can(request.user, Action.ADVICE_REQUEST):
        raise PermissionDenied
    case = case_get_for(user=request.user, case_id=case_id)
    today = timezone.localdate()
    practitioners, organisations = selectors.advice_recipients()
    form = AdviceRequestForm(
        request.POST if request.method == "POST" else None,
        practitioners=list(practitioners),
        organisations=list(organisations),
        today=today,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            advice = services.advice_request(
                actor=request.user,
                case=case,
                contributor=clock.Contributor(data["contributor"]),
                question=data["question"],
                requested_on=data["requested_on"],
                today=today,
                **form.addressees(),
            )
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            label = clock.Contributor(advice.contributor).advice_label
            messages.success(
                request, f"{label} requested. It is due by {clock.render_date(advice.due_on)}"
            )
            return redirect("advice:advice_list", case_id=case.pk)
    return render(
        request,
        "advice/advice_request.html",
        {"case": case, "child": case.child, "form": form, "advice_weeks": clock.ADVICE_WEEKS},
        status=400 if form.errors else 200,
    )


def advice_withdraw(request: HttpRequest, case_id: int, advice_id: int) -> HttpResponse:
    if not can(request.user, Action.ADVICE_REQUEST):
        raise PermissionDenied
    advice = selectors.advice_get_for_case_team(
        user=request.user, advice_id=advice_id, case_id=case_id
    )
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.advice_withdraw(actor=request.user, advice=advice, today=timezone.localdate())
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, "Request for advice withdrawn")
            return redirect("advice:advice_list", case_id=case_id)
    return render(
        request,
        "advice/advice_withdraw.html",
        {
            "case": advice.case,
            "child": advice.case.child,
            "advice": advice,
            "title": clock.Contributor(advice.contributor).advice_label,
            "addressee": presenters.addressee(advice),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


# --- Practitioners ---------------------------------------------------------------------


def _practitioners_only(request: HttpRequest) -> None:
    if not is_practitioner(request.user):
        raise PermissionDenied


def advice_inbox(request: HttpRequest) -> HttpResponse:
    _practitioners_only(request)
    today = timezone.localdate()
    waiting, submitted = selectors.advice_inbox_for(user=request.user)
    shown = waiting + submitted
    open_cases = selectors.open_case_ids({a.case_id for a in shown}, today=today)
    audit_record_views(
        actor=request.user,
        objects=shown,
        child_ids=[a.case.child_id for a in shown],
        summary="listed in the advice inbox",
    )
    return render(
        request,
        "advice/advice_inbox.html",
        {
            "waiting": presenters.inbox_rows(waiting, today, open_cases),
            "submitted": presenters.inbox_rows(submitted, today, open_cases),
        },
    )


def advice_detail(request: HttpRequest, advice_id: int) -> HttpResponse:
    _practitioners_only(request)
    advice = selectors.advice_get_for_practitioner(user=request.user, advice_id=advice_id)
    can_write = can(request.user, Action.ADVICE_WRITE, advice)
    if request.method == "POST" and not can_write:
        raise PermissionDenied
    form = AdviceForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        advice=advice,
    )
    if request.method == "POST" and form.is_valid():
        if (done := _save_advice(request, advice, form)) is not None:
            return done
        advice = selectors.advice_get_for_practitioner(user=request.user, advice_id=advice_id)
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        obj=advice,
        child_id=advice.case.child_id,
        summary="viewed a request for advice",
    )
    today = timezone.localdate()
    is_open = advice.case_id in selectors.open_case_ids({advice.case_id}, today=today)
    return render(
        request,
        "advice/advice_detail.html",
        {
            "advice": advice,
            "case": advice.case,
            "child": advice.case.child,
            "title": clock.Contributor(advice.contributor).advice_label,
            "child_rows": presenters.child_rows(advice),
            "due_sentence": presenters.due_sentence(advice),
            "status": presenters.advice_status(advice, today, case_open=is_open),
            "submitted_on": presenters.submitted_on(advice),
            "content": presenters.advice_content(advice, viewer_is_case_team=False),
            "form": form if can_write else None,
        },
        status=400 if form.errors else 200,
    )


def _save_advice(
    request: HttpRequest, advice: AdviceRequest, form: AdviceForm
) -> HttpResponse | None:
    """Save the draft, and submit it if asked. A refusal to submit keeps the saved draft."""
    data = form.cleaned_data
    submitting = request.POST.get("action") == "submit"
    try:
        services.advice_save(
            actor=request.user,
            advice=advice,
            needs=data["needs"],
            outcomes=data["outcomes"],
            provision=data["provision"],
            summary=data["summary"],
            document=data["document"],
            remove_document=bool(data.get("remove_document")),
        )
        if submitting:
            services.advice_submit(actor=request.user, advice=advice, today=timezone.localdate())
    except Refusal as refusal:
        form.add_refusal(refusal)
        return None
    messages.success(request, "Advice submitted" if submitting else "Draft saved")
    return redirect("advice:advice_detail", advice_id=advice.pk)


# --- The document, for both -----------------------------------------------------------


def advice_document(request: HttpRequest, advice_id: int) -> HttpResponseBase:
    """The uploaded document, to the case work team (once submitted) and to the practitioners
    it was asked of. Stored under a random name; sent under a name without personal data."""
    if is_casework(request.user):
        advice = selectors.advice_get_for_case_team(user=request.user, advice_id=advice_id)
        back = redirect("advice:advice_list", case_id=advice.case_id)
        shown = advice.is_submitted
    elif is_practitioner(request.user):
        advice = selectors.advice_get_for_practitioner(user=request.user, advice_id=advice_id)
        back, shown = redirect("advice:advice_detail", advice_id=advice.pk), True
    else:
        raise PermissionDenied
    if not (shown and advice.document):
        return back  # a link from before the document was replaced or removed
    try:
        handle = advice.document.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    audit_record(
        actor=request.user,
        action=AuditAction.EXPORT,
        obj=advice,
        child_id=advice.case.child_id,
        summary="downloaded an advice document",
    )
    suffix = PurePath(advice.document.name or "").suffix
    response = FileResponse(
        handle, as_attachment=True, filename=f"advice-{advice.case.reference}-{advice.pk}{suffix}"
    )
    response["Cache-Control"] = "private, no-store"
    return response
