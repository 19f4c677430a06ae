"""The self-evaluation against the Ofsted/CQC area SEND inspection framework: every criterion
with the partnership's judgement and its live evidence; the form to record a judgement; and
the self-evaluation document, as a page and as a tagged PDF. Nothing here is a child's record:
everyone who may see the improvement programme reads it, programme officers and SEND managers
record judgements, and each production of the document is audited as an export."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from thrive.accounts.policy import Action as Permission
from thrive.accounts.policy import can
from thrive.core.errors import Refusal
from thrive.insight.presenters import suppression_note
from thrive.insight.services import insight_request_refresh

from . import documents_selfeval as documents
from . import presenters_selfeval as presenters
from . import selectors_selfeval as selectors
from .forms_selfeval import JudgementForm
from .models import Band
from .services.selfeval import judgement_record, selfeval_record_export


def _may_view(request: HttpRequest) -> None:
    if not can(request.user, Permission.IMPROVEMENT_VIEW):
        raise PermissionDenied


def _may_edit(request: HttpRequest) -> None:
    if not can(request.user, Permission.IMPROVEMENT_EDIT):
        raise PermissionDenied


def _figures_kept_fresh() -> None:
    """As the dashboard does: when its figures are too old, ask the worker to count them
    again. The page reads the figures as last counted, and says when that was."""
    insight_request_refresh()


def selfeval_list(request: HttpRequest) -> HttpResponse:
    _may_view(request)
    _figures_kept_fresh()
    today = timezone.localdate()
    rows = selectors.criteria()
    figures = selectors.live_figures(today, selectors.keys_in_use(rows))
    views = [presenters.criterion_view(criterion, figures) for criterion in rows]
    return render(
        request,
        "improvement/selfeval_list.html",
        {
            "areas": presenters.by_area(views),
            "summary": presenters.summary(views),
            "can_edit": can(request.user, Permission.IMPROVEMENT_EDIT),
            "as_at": presenters.as_at(today),
            "suppression_note": suppression_note(),
        },
    )


def selfeval_judgement(request: HttpRequest, paragraph: int) -> HttpResponse:
    _may_edit(request)
    criterion = selectors.criterion_get(paragraph)
    if criterion is None:
        return redirect("improvement:selfeval_list")
    judgement = selectors.judgement_of(criterion)
    form = JudgementForm(
        request.POST if request.method == "POST" else None,
        evidence=selectors.evidence_choices(),
        actions=selectors.action_choices(),
        sources=selectors.LIVE_SOURCES,
        judgement=judgement,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            recorded = judgement_record(
                actor=request.user,
                criterion=criterion,
                band=data["band"],
                narrative=data["narrative"],
                evidence=data["evidence"],
                actions=data["actions"],
                measure_keys=data["measure_keys"],
                today=timezone.localdate(),
            )
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(
                request,
                f"Judgement recorded for paragraph {criterion.paragraph}: "
                f"{Band(recorded.band).label.lower()}.",
            )
            url = reverse("improvement:selfeval_list")
            return redirect(f"{url}#paragraph-{criterion.paragraph}")
    context = {
        "form": form,
        "criterion": presenters.criterion_view(criterion, None),
        "changing": judgement is not None,
    }
    return render(
        request,
        "improvement/selfeval_judgement.html",
        context,
        status=400 if form.errors else 200,
    )


def _not_loaded(request: HttpRequest) -> HttpResponse:
    """The list page says the criteria are not loaded yet."""
    return redirect("improvement:selfeval_list")


def selfeval_document(request: HttpRequest) -> HttpResponse:
    """The self-evaluation produced now, as a page (its HTML), with the PDF a click away."""
    _may_view(request)
    if not selectors.framework_loaded():
        return _not_loaded(request)
    _figures_kept_fresh()
    context = documents.document_context(timezone.localdate())
    selfeval_record_export(
        actor=request.user, criterion_count=len(context["criteria"]), kind="HTML"
    )
    return render(request, "improvement/selfeval_document.html", context)


def selfeval_pdf(request: HttpRequest) -> HttpResponse:
    _may_view(request)
    if not selectors.framework_loaded():
        return _not_loaded(request)
    _figures_kept_fresh()
    today = timezone.localdate()
    context = documents.document_context(today)
    pdf = documents.html_to_pdf(documents.pdf_html(context))
    selfeval_record_export(actor=request.user, criterion_count=len(context["criteria"]), kind="PDF")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{documents.pdf_filename(today)}"'
    return response
