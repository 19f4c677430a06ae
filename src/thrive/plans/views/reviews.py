"""Annual review pages. They hang off the case: a plan has at most one open review, so the
step pages record against it, and no review id appears in a URL. Thin: forms validate,
services write, `selectors_reviews` reads."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from thrive.assessments.models import Case
from thrive.assessments.selectors import case_get_for
from thrive.core.errors import Refusal
from thrive.core.forms import GovUKForm
from thrive.law.clock import render_date
from thrive.portal.presenters import review_views_items
from thrive.portal.selectors import review_views_history

from .. import selectors, services
from ..forms_reviews import (
    ReviewAdulthoodForm,
    ReviewDecisionForm,
    ReviewInvitationsForm,
    ReviewReportForm,
    ReviewScheduleForm,
)
from ..models import EhcPlan
from ..models_reviews import AnnualReview
from ..selectors_ceasing import plan_ceased_on
from ..selectors_reviews import (
    ReviewTimetable,
    adulthood_outcomes,
    adulthood_recorded,
    first_final_issued_on,
    open_review,
    pfa_label,
    review_timetable,
)
from ..services.adulthood import review_record_adulthood as record_adulthood
from ._common import plan_team_only

NOTICE_DAYS = 14
ADULTHOOD_MISSING = (
    "Preparing for adulthood is not yet recorded for this review. From Year 9 the review must "
    "consider it. Record it before the decision: once the decision is recorded it cannot change."
)


def review_section(case: Case, plan: EhcPlan | None, today: Any) -> dict[str, Any] | None:
    """The overview's "Annual review" section: summary list rows with their links."""
    if plan is None:
        return None
    timetable = review_timetable(plan, today)
    if timetable.due is None:
        return {"rows": [], "timetable": timetable}
    return {
        "rows": _rows(case, timetable, plan_ceased_on(plan, today)),
        "timetable": timetable,
        **_adulthood(timetable),
        **_family_views(case, timetable, today),
    }


def _family_views(case: Case, timetable: ReviewTimetable, today: Any) -> dict[str, Any]:
    """What the family said before the open review's meeting (the portal keeps it): the
    newest set, how many earlier, and where to record views given another way."""
    review = timetable.review
    if review is None:
        return {}
    # No family member reads this page, so no set is "yours".
    items = review_views_items(review_views_history(review), AnonymousUser())
    return {
        "family_views": items[:1],
        "family_views_earlier": len(items) - 1 if items else 0,
        "family_views_open": today <= review.meeting_on,
        "family_views_links": {
            "all": reverse("portal:case_family_detail", args=[case.pk]),
            "record": reverse("portal:review_views_record", args=[case.pk]),
        },
    }


def _adulthood(timetable: ReviewTimetable) -> dict[str, Any]:
    """For Year 9 and above: whether the open review has recorded preparing for adulthood
    (a warning until it has), and what the open review, or else the last one, recorded."""
    review = timetable.review
    shown = review if review is not None else timetable.last_decided
    recorded = shown is not None and adulthood_recorded(shown)
    return {
        "adulthood_missing": bool(
            timetable.preparation_for_adulthood
            and review is not None
            and not adulthood_recorded(review)
        ),
        "adulthood_rows": adulthood_rows(shown) if shown is not None and recorded else [],
        "adulthood_of_last": recorded and review is None,
    }


def adulthood_rows(review: AnnualReview) -> list[dict[str, str]]:
    """What a review recorded about preparing for adulthood, area by area."""
    return [
        {
            "key": pfa_label(name),
            "value": getattr(review, name) or "Nothing recorded",
        }
        for name in AnnualReview.PREPARATION_FOR_ADULTHOOD
    ]


def _link(name: str, case: Case, text: str) -> dict[str, str]:
    return {"href": reverse(f"plans:{name}", args=[case.pk]), "text": text}


def _rows(case: Case, timetable: ReviewTimetable, ceased_on: Any) -> list[dict[str, Any]]:
    due = timetable.due
    assert due is not None
    review = timetable.review
    next_review = {
        "key": "Next review",
        "value": timetable.due_state,
        "action": None if review else _link("review_schedule", case, "Schedule"),
    }
    if ceased_on is not None:
        next_review = {
            "key": "Next review",
            "value": f"None: the plan ceased on {render_date(ceased_on)}",
        }
    rows: list[dict[str, Any]] = [
        {"key": "Final plan first issued", "value": render_date(due.period_starts_on)}
        if timetable.last_meeting_on is None
        else {"key": "Last review meeting", "value": render_date(timetable.last_meeting_on)},
        next_review,
    ]
    if (last := timetable.last_decided) is not None and last.decision_notified_on:
        rows.append(
            {
                "key": "Last review decision",
                "value": f"{last.get_decision_display()}, notified on "
                f"{render_date(last.decision_notified_on)}",
            }
        )
    if due.under_5 and due.recommended_from and due.recommended_by:
        rows.append(
            {
                "key": "Recommended for a child under 5",
                "value": f"Between {render_date(due.recommended_from)} and "
                f"{render_date(due.recommended_by)} (every 3 to 6 months)",
            }
        )
    if review is not None:
        rows.append({"key": "Review meeting", "value": render_date(review.meeting_on)})
        pages = ("review_record_invitations", "review_record_report", "review_record_decision")
        for step, page in zip(timetable.steps, pages, strict=True):
            text = "Change" if step.done_on else "Record"
            rows.append({"key": step.label, "value": step.state, "action": _link(page, case, text)})
    if timetable.preparation_for_adulthood:
        rows.append(_adulthood_row(case, timetable))
    return rows


def _adulthood_row(case: Case, timetable: ReviewTimetable) -> dict[str, Any]:
    must = (
        "Year 9 or above: the review must consider preparing for adulthood and independent living"
    )
    review = timetable.review
    if review is None:
        return {"key": "Preparing for adulthood", "value": must}
    if adulthood_recorded(review):
        return {
            "key": "Preparing for adulthood",
            "value": "Recorded for this review",
            "action": _link("review_record_adulthood", case, "Change"),
        }
    return {
        "key": "Preparing for adulthood",
        "value": f"Not yet recorded. {must}",
        "action": _link("review_record_adulthood", case, "Record"),
    }


def _case_and_plan(request: HttpRequest, case_id: int) -> tuple[Case, EhcPlan | None]:
    plan_team_only(request)
    case = case_get_for(user=request.user, case_id=case_id)
    return case, selectors.plan_for_case(case)


def _to_overview(case: Case) -> HttpResponse:
    return redirect("plans:plan_overview", case_id=case.pk)


def _page(
    request: HttpRequest,
    case: Case,
    form: GovUKForm,
    save: Callable[[dict[str, Any]], str],
    *,
    heading: str,
    intro: str,
    review: AnnualReview | None = None,
    warning: str = "",
) -> HttpResponse:
    """Show the form; on a valid POST save through the service and go back to the overview
    with the message `save` returns. A refusal appears in the error summary."""
    if request.method == "POST" and form.is_valid():
        try:
            message = save(form.cleaned_data)
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, message)
            return _to_overview(case)
    context = {
        "case": case,
        "child": case.child,
        "form": form,
        "heading": heading,
        "intro": intro,
        "meeting_on": review.meeting_on if review else None,
        "warning": warning,
    }
    return render(request, "plans/review_form.html", context, status=400 if form.errors else 200)


def review_schedule(request: HttpRequest, case_id: int) -> HttpResponse:
    case, plan = _case_and_plan(request, case_id)
    if plan is None or first_final_issued_on(plan) is None or open_review(plan) is not None:
        return _to_overview(case)
    today = timezone.localdate()

    def save(data: dict[str, Any]) -> str:
        review = services.review_schedule(
            actor=request.user,
            plan=plan,
            meeting_on=data["meeting_on"],
            today=today,
            notes=data["notes"],
        )
        if (review.meeting_on - today).days < NOTICE_DAYS:
            return (
                "Review meeting scheduled. It is less than 2 weeks away, "
                "so the invitations are late."
            )
        return "Review meeting scheduled"

    form = ReviewScheduleForm(request.POST if request.method == "POST" else None)
    return _page(
        request,
        case,
        form,
        save,
        heading="Schedule the annual review meeting",
        intro="Invite the family, the school or college and everyone who gave advice at least "
        "2 weeks before the meeting.",
    )


def _step(
    request: HttpRequest,
    case_id: int,
    form_class: type[GovUKForm],
    write: Callable[[AnnualReview, dict[str, Any]], object],
    *,
    heading: str,
    intro: str,
    success: str,
    warn_adulthood: bool = False,
) -> HttpResponse:
    case, plan = _case_and_plan(request, case_id)
    review = open_review(plan) if plan is not None else None
    if plan is None or review is None:
        return _to_overview(case)
    warning = ""
    if (
        warn_adulthood
        and not adulthood_recorded(review)
        and review_timetable(plan, timezone.localdate()).preparation_for_adulthood
    ):
        warning = ADULTHOOD_MISSING

    def save(data: dict[str, Any]) -> str:
        write(review, data)
        return success

    form = form_class(request.POST if request.method == "POST" else None)
    return _page(
        request, case, form, save, heading=heading, intro=intro, review=review, warning=warning
    )


def review_record_invitations(request: HttpRequest, case_id: int) -> HttpResponse:
    def write(review: AnnualReview, data: dict[str, Any]) -> object:
        return services.review_record_invitations(
            actor=request.user, review=review, sent_on=data["sent_on"], today=timezone.localdate()
        )

    return _step(
        request,
        case_id,
        ReviewInvitationsForm,
        write,
        heading="Record the invitations",
        intro="The invitations, and the advice and information gathered, must be sent at least "
        "2 weeks before the meeting.",
        success="Invitations recorded",
    )


def review_record_report(request: HttpRequest, case_id: int) -> HttpResponse:
    def write(review: AnnualReview, data: dict[str, Any]) -> object:
        return services.review_record_report(
            actor=request.user,
            review=review,
            circulated_on=data["circulated_on"],
            today=timezone.localdate(),
        )

    return _step(
        request,
        case_id,
        ReviewReportForm,
        write,
        heading="Record the review report",
        intro="The report must be sent to everyone invited within 2 weeks of the meeting.",
        success="Review report recorded",
    )


def review_record_decision(request: HttpRequest, case_id: int) -> HttpResponse:
    def write(review: AnnualReview, data: dict[str, Any]) -> object:
        return services.review_record_decision(
            actor=request.user,
            review=review,
            decision=data["decision"],
            notified_on=data["notified_on"],
            notes=data["notes"],
            today=timezone.localdate(),
        )

    return _step(
        request,
        case_id,
        ReviewDecisionForm,
        write,
        heading="Record the decision",
        intro="The family must be told within 4 weeks of the meeting whether the council will "
        "keep the plan as it is, amend it or cease to maintain it.",
        success="Decision recorded. The review is finished.",
        warn_adulthood=True,
    )


def review_record_adulthood(request: HttpRequest, case_id: int) -> HttpResponse:
    """Preparing for adulthood for the open review of a child in Year 9 or above, with the
    plan's outcomes for each area beside its prompt."""
    case, plan = _case_and_plan(request, case_id)
    review = open_review(plan) if plan is not None else None
    today = timezone.localdate()
    if (
        plan is None
        or review is None
        or not review_timetable(plan, today).preparation_for_adulthood
    ):
        return _to_overview(case)
    initial = {name: getattr(review, name) for name in AnnualReview.PREPARATION_FOR_ADULTHOOD}
    form = ReviewAdulthoodForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            record_adulthood(actor=request.user, review=review, answers=form.answers(), today=today)
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, "Preparing for adulthood recorded")
            return _to_overview(case)
    outcomes = adulthood_outcomes(plan)
    areas = [
        {
            "field": form[name],
            "is_area": name in outcomes,
            "outcomes": [o.text for o in outcomes.get(name, [])],
        }
        for name in AnnualReview.PREPARATION_FOR_ADULTHOOD
    ]
    context = {
        "case": case,
        "child": case.child,
        "form": form,
        "areas": areas,
        "meeting_on": review.meeting_on,
        "held": review.meeting_on <= today,
    }
    status = 400 if form.errors else 200
    return render(request, "plans/review_adulthood.html", context, status=status)
