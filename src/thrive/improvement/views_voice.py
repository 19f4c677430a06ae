"""Family voice pages: the feedback list with its filters and its volumes over time (each chart
with its table), recording feedback, and "you said, we did" entries written, published and
listed once published. Viewing needs IMPROVEMENT_VIEW, changing IMPROVEMENT_EDIT."""

from collections import Counter
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from thrive.accounts.policy import Action, can
from thrive.core.errors import Refusal
from thrive.core.forms import GovUKForm
from thrive.insight.charts import bar_chart

from . import charts, presenters_voice, selectors_voice
from .forms_voice import FeedbackFilterForm, FeedbackForm, YouSaidForm
from .services import voice as services


def _require(request: HttpRequest, action: Action) -> None:
    if not can(request.user, action):
        raise PermissionDenied


def _posted(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def feedback_list(request: HttpRequest) -> HttpResponse:
    _require(request, Action.IMPROVEMENT_VIEW)
    themes, priorities = list(selectors_voice.themes()), list(selectors_voice.priorities())
    form = FeedbackFilterForm(request.GET or None, themes=themes, priorities=priorities)
    feedback = selectors_voice.feedback_list(form.filters())
    by_source = presenters_voice.source_table(selectors_voice.volume_by_source(feedback))
    by_theme = presenters_voice.theme_table(selectors_voice.volume_by_theme(feedback))
    theme_totals: Counter[str] = Counter()
    for row in by_theme["rows"]:
        theme_totals.update(dict(zip(by_theme["columns"], row["cells"], strict=True)))
    context = {
        "form": form,
        "rows": [presenters_voice.feedback_row(f) for f in feedback],
        "by_source": by_source,
        "by_source_chart": (
            charts.stacked_bar_chart(
                name="Feedback each month by source; the table after the chart gives the figures",
                axis="Pieces of feedback",
                bars=presenters_voice.chart_bars(by_source),
                stacks=tuple(by_source["columns"]),
            )
            if by_source["rows"]
            else ""
        ),
        "by_theme": by_theme,
        "by_theme_chart": (
            bar_chart(
                name="Feedback by theme over the period; the table after the chart gives "
                "each month's figures",
                axis="Pieces of feedback",
                bars=tuple((name, float(n)) for name, n in sorted(theme_totals.items())),
            )
            if theme_totals
            else ""
        ),
        "can_edit": can(request.user, Action.IMPROVEMENT_EDIT),
    }
    status = 400 if form.errors else 200
    return render(request, "improvement/feedback_list.html", context, status=status)


def feedback_add(request: HttpRequest) -> HttpResponse:
    _require(request, Action.IMPROVEMENT_EDIT)
    form = FeedbackForm(
        _posted(request),
        themes=selectors_voice.themes(),
        priorities=selectors_voice.priorities(),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.feedback_record(
                actor=request.user,
                received_on=data["received_on"],
                source=data["source"],
                summary=data["summary"],
                theme_ids=data["themes"],
                new_themes=form.new_theme_names(),
                priority_ids=data["priorities"],
                today=timezone.localdate(),
            )
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, "Feedback recorded")
            return redirect("improvement:feedback_list")
    status = 400 if form.errors else 200
    return render(request, "improvement/feedback_add.html", {"form": form}, status=status)


def you_said_list(request: HttpRequest) -> HttpResponse:
    """Every entry, published or not, for those who run the programme."""
    _require(request, Action.IMPROVEMENT_VIEW)
    return _you_said_page(request)


def _you_said_page(request: HttpRequest, refusal: Refusal | None = None) -> HttpResponse:
    form = GovUKForm(data={})
    form.is_valid()
    if refusal is not None:
        form.add_refusal(refusal)
    entries = selectors_voice.you_said_list()
    context = {
        "form": form,
        "rows": [presenters_voice.you_said_row(e) for e in entries],
        "can_edit": can(request.user, Action.IMPROVEMENT_EDIT),
    }
    status = 400 if refusal is not None else 200
    return render(request, "improvement/you_said_list.html", context, status=status)


def you_said_published(request: HttpRequest) -> HttpResponse:
    _require(request, Action.IMPROVEMENT_VIEW)
    entries = selectors_voice.you_said_list(published_only=True)
    context = {"rows": [presenters_voice.you_said_row(e) for e in entries]}
    return render(request, "improvement/you_said_published.html", context)


def you_said_add(request: HttpRequest) -> HttpResponse:
    _require(request, Action.IMPROVEMENT_EDIT)
    form = YouSaidForm(
        _posted(request),
        feedback=selectors_voice.feedback_list(),
        actions=selectors_voice.actions(),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.you_said_create(
                actor=request.user,
                you_said=data["you_said"],
                we_did=data["we_did"],
                feedback_ids=data["feedback"],
                action_ids=data["actions"],
            )
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, "Entry saved, not yet published")
            return redirect("improvement:you_said_list")
    status = 400 if form.errors else 200
    return render(request, "improvement/you_said_add.html", {"form": form}, status=status)


def you_said_publish(request: HttpRequest, entry_id: int) -> HttpResponse:
    """POST: publish the entry today."""
    _require(request, Action.IMPROVEMENT_EDIT)
    entry = selectors_voice.you_said_get(entry_id)
    if request.method == "POST":
        try:
            services.you_said_publish(actor=request.user, entry=entry, today=timezone.localdate())
        except Refusal as refusal:
            return _you_said_page(request, refusal)
        else:
            messages.success(request, "Entry published")
    return redirect("improvement:you_said_list")
