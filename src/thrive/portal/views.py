"""Family portal pages, and the case work team's pages for what families give on paper, by
phone or at a meeting. Thin: forms validate, services write, selectors read, presenters shape.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from thrive.accounts.policy import can_do_casework, is_family
from thrive.assessments.models import Case
from thrive.assessments.selectors import case_get_for
from thrive.core.audit import audit_record
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction
from thrive.law import clock
from thrive.people.models import Child

from . import presenters, selectors, services
from .forms import (
    DraftResponseForm,
    DraftResponseRecordForm,
    FamilyViewsForm,
    FamilyViewsRecordForm,
    ReviewViewsForm,
    ReviewViewsRecordForm,
)


def _family_only(request: HttpRequest) -> None:
    if not is_family(request.user):
        raise PermissionDenied


def _casework_only(request: HttpRequest) -> None:
    if not can_do_casework(request.user):
        raise PermissionDenied


def _audit_view(request: HttpRequest, obj: Case | Child, child_id: int, summary: str) -> None:
    audit_record(
        actor=request.user, action=AuditAction.VIEW, obj=obj, child_id=child_id, summary=summary
    )


def _status(form: Any) -> int:
    return 400 if form.errors else 200


# --- Family pages ----------------------------------------------------------------------


def family_home(request: HttpRequest) -> HttpResponse:
    """Straight to the child's page when the account has one child; a list when several."""
    _family_only(request)
    children = list(selectors.family_children(user=request.user))
    if len(children) == 1:
        return redirect("portal:child_journey", child_id=children[0].pk)
    rows = [
        {"text": c.full_name, "href": reverse("portal:child_journey", args=[c.pk])}
        for c in children
    ]
    return render(request, "portal/family_home.html", {"children": rows})


def _journey_links(child_id: int) -> dict[str, str]:
    return {
        "views": reverse("portal:family_views_give", args=[child_id]),
        "draft": reverse("portal:draft_respond", args=[child_id]),
        "review": reverse("portal:review_views_give", args=[child_id]),
    }


def child_journey(request: HttpRequest, child_id: int) -> HttpResponse:
    _family_only(request)
    today = timezone.localdate()
    journey = selectors.journey_for(user=request.user, child_id=child_id, today=today)
    _audit_view(request, journey.child, journey.child.pk, "family viewed the child's journey")
    context: dict[str, Any] = {"journey": journey, "child": journey.child}
    if journey.case is not None:
        context |= presenters.journey_page(journey, _journey_links(child_id), today)
    return render(request, "portal/child_journey.html", context)


def family_views_give(request: HttpRequest, child_id: int) -> HttpResponse:
    _family_only(request)
    child = selectors.family_child_get(user=request.user, child_id=child_id)
    case = selectors.child_latest_case(user=request.user, child=child)
    if case is None:
        return redirect("portal:child_journey", child_id=child_id)
    latest = selectors.latest_views(case)
    initial = {name: getattr(latest, name) for name in services.VIEWS_QUESTIONS} if latest else {}
    form = FamilyViewsForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.family_views_give(actor=request.user, case=case, answers=form.answers())
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, "Your answers have been sent to the council")
            return redirect("portal:child_journey", child_id=child_id)
    context = {
        "form": form,
        "child": child,
        "speaks_for_themselves": selectors.speaks_for_themselves(user=request.user, child=child),
        "last_given": presenters.given_by_line(latest, request.user) if latest else "",
    }
    return render(request, "portal/family_views_give.html", context, status=_status(form))


def draft_respond(request: HttpRequest, child_id: int) -> HttpResponse:
    _family_only(request)
    today = timezone.localdate()
    journey = selectors.journey_for(user=request.user, child_id=child_id, today=today)
    form = DraftResponseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and journey.draft is not None and form.is_valid():
        try:
            services.draft_respond(
                actor=request.user, version=journey.draft, today=today, **form.response()
            )
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, "Your comments have been sent to the council")
            return redirect("portal:child_journey", child_id=child_id)
    if journey.draft is not None:
        _audit_view(request, journey.child, journey.child.pk, "family read the draft plan")
    context = {"form": form, "child": journey.child, **presenters.draft_page(journey, request.user)}
    return render(request, "portal/draft_respond.html", context, status=_status(form))


def _review_initial(review: selectors.FamilyReview) -> dict[str, str]:
    """The last views given for this review, to change and send again."""
    if not review.views:
        return {}
    return {name: getattr(review.views[0], name) for name in services.REVIEW_QUESTIONS}


def review_views_give(request: HttpRequest, child_id: int) -> HttpResponse:
    """The family's views before the annual review meeting, while the review takes them."""
    _family_only(request)
    today = timezone.localdate()
    child = selectors.family_child_get(user=request.user, child_id=child_id)
    case = selectors.child_latest_case(user=request.user, child=child)
    review = selectors.family_review(case, today) if case is not None else None
    if review is None or review.open_review is None:
        return redirect("portal:child_journey", child_id=child_id)
    data = request.POST if request.method == "POST" else None
    form = ReviewViewsForm(data, initial=_review_initial(review))
    if request.method == "POST" and form.is_valid():
        try:
            services.review_views_give(
                actor=request.user, review=review.open_review, answers=form.answers(), today=today
            )
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, "Your views have been sent to the council")
            return redirect("portal:child_journey", child_id=child_id)
    own = selectors.speaks_for_themselves(user=request.user, child=child)
    context = {
        "form": form,
        "child": child,
        "speaks_for_themselves": own,
        "review": review,
        "meeting_on": clock.render_date(review.open_review.meeting_on),
        "rows": presenters.review_rows(review, "your" if own else f"{child.first_name}'s"),
        "last_given": presenters.given_by_line(review.views[0], request.user)
        if review.views
        else "",
    }
    return render(request, "portal/review_views_give.html", context, status=_status(form))


# --- Case work pages: recording what a family gave another way --------------------------


def _casework_case(request: HttpRequest, case_id: int) -> Case:
    _casework_only(request)
    return case_get_for(user=request.user, case_id=case_id)


def _window(case: Case, today: Any) -> selectors.CommentWindow | None:
    events = selectors.law_events(case)
    return selectors.comment_window(events, clock.assessment_clock(events, today).stage, today)


def case_family_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    """What the family has told the council: their views and responses to the draft."""
    case = _casework_case(request, case_id)
    today = timezone.localdate()
    window = _window(case, today)
    review = selectors.family_review(case, today)
    _audit_view(request, case, case.child_id, "viewed the family's views and responses")
    context = {
        "case": case,
        "child": case.child,
        "views": presenters.views_items(selectors.views_history(case), request.user),
        "responses": presenters.response_items(selectors.draft_responses(case), request.user),
        "window": window,
        "window_words": presenters.window_words(window, for_council=True),
        "review": review,
        "review_views": presenters.review_views_items(review.views, request.user) if review else [],
    }
    return render(request, "portal/case_family_detail.html", context)


def family_views_record(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _casework_case(request, case_id)
    form = FamilyViewsRecordForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.family_views_give(
                actor=request.user,
                case=case,
                answers=form.answers(),
                on_behalf_method=form.cleaned_data["on_behalf_method"],
            )
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, "The family's views have been recorded")
            return redirect("portal:case_family_detail", case_id=case.pk)
    context = {"case": case, "child": case.child, "form": form}
    return render(request, "portal/family_views_record.html", context, status=_status(form))


def draft_response_record(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _casework_case(request, case_id)
    today = timezone.localdate()
    draft = selectors.issued_draft(case)
    form = DraftResponseRecordForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and draft is not None and form.is_valid():
        try:
            services.draft_respond(
                actor=request.user,
                version=draft,
                today=today,
                on_behalf_method=form.cleaned_data["on_behalf_method"],
                **form.response(),
            )
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, "The family's response has been recorded")
            return redirect("portal:case_family_detail", case_id=case.pk)
    window = _window(case, today)
    context = {
        "case": case,
        "child": case.child,
        "form": form,
        "draft": draft,
        "window": window,
        "window_words": presenters.window_words(window, for_council=True),
    }
    return render(request, "portal/draft_response_record.html", context, status=_status(form))


def review_views_record(request: HttpRequest, case_id: int) -> HttpResponse:
    """The family's views for the annual review, given on paper, by phone or at a meeting."""
    case = _casework_case(request, case_id)
    today = timezone.localdate()
    review = selectors.family_review(case, today)
    open_review = review.open_review if review is not None else None
    posted = request.method == "POST" and open_review is not None
    form = ReviewViewsRecordForm(request.POST if posted else None)
    if posted and open_review is not None and form.is_valid():
        try:
            services.review_views_give(
                actor=request.user,
                review=open_review,
                answers=form.answers(),
                today=today,
                on_behalf_method=form.cleaned_data["on_behalf_method"],
            )
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, "The family's views for the review have been recorded")
            return redirect("portal:case_family_detail", case_id=case.pk)
    context = {
        "case": case,
        "child": case.child,
        "form": form,
        "review": review,
        "meeting_on": clock.render_date(open_review.meeting_on) if open_review else "",
    }
    return render(request, "portal/review_views_record.html", context, status=_status(form))
