"""Reads for the family portal. A family account reaches a child only through the access
policy (`restrict_children`, `restrict_cases`): any other child is a 404, as if it did not
exist. Stages and dates come from `thrive.law.clock` over the case's events."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from thrive.accounts.policy import is_family, restrict_cases, restrict_children
from thrive.advice.models import AdviceRequest
from thrive.assessments.models import Case
from thrive.assessments.selectors import case_events
from thrive.law import clock
from thrive.people.models import Child, FamilyLink, Relationship
from thrive.plans.models import AnnualReview, EhcPlan, PlanVersion, VersionKind
from thrive.plans.selectors_reviews import ReviewTimetable, review_timetable

from .models import DraftResponse, FamilyViews, ReviewViews

FAMILY_REQUEST_SOURCE = "1"  # codes.REQUEST_SOURCES: young person or parent


def family_children(*, user: Any) -> QuerySet[Child]:
    """The children this parent, carer or young person is linked to (none for anyone else)."""
    if not is_family(user):
        return Child.objects.none()
    return restrict_children(user, Child.objects.all()).order_by("first_name", "id")


def family_child_get(*, user: Any, child_id: int) -> Child:
    """A child linked to this family account; otherwise 404, whether or not the child exists."""
    try:
        return family_children(user=user).get(pk=child_id)
    except Child.DoesNotExist:
        raise Http404 from None


def speaks_for_themselves(*, user: Any, child: Child) -> bool:
    """A young person's own account: pages then say "you" rather than the child's name."""
    return FamilyLink.objects.filter(
        user=user, child=child, relationship=Relationship.YOUNG_PERSON
    ).exists()


def child_latest_case(*, user: Any, child: Child) -> Case | None:
    """The child's most recent request for an assessment that `user` may see."""
    cases = restrict_cases(user, Case.objects.select_related("case_officer"))
    return cases.filter(child=child).order_by("-created_at", "-id").first()


def views_history(case: Case) -> list[FamilyViews]:
    """Every set of views given for the case, newest first (earlier ones are kept)."""
    return list(case.family_views.select_related("given_by").order_by("-given_at", "-id"))


def latest_views(case: Case) -> FamilyViews | None:
    return case.family_views.select_related("given_by").order_by("-given_at", "-id").first()


def _issued(case: Case, kind: VersionKind) -> PlanVersion | None:
    versions = PlanVersion.objects.filter(plan__case=case, kind=kind, issued_at__isnull=False)
    return versions.order_by("-number").first()


def issued_draft(case: Case) -> PlanVersion | None:
    """The latest draft plan sent to the family; drafts still being written are not theirs."""
    return _issued(case, VersionKind.DRAFT)


def issued_final(case: Case) -> PlanVersion | None:
    return _issued(case, VersionKind.FINAL)


def plan_version_with_sections(version: PlanVersion) -> PlanVersion:
    """The version with its needs, outcomes and provisions loaded, to show it in full."""
    return (
        PlanVersion.objects.select_related("placement_setting")
        .prefetch_related("needs", "outcomes", "provisions")
        .get(pk=version.pk)
    )


def draft_responses(case: Case) -> list[DraftResponse]:
    """Every response to the case's draft plans, oldest first."""
    responses = DraftResponse.objects.filter(version__plan__case=case)
    return list(responses.select_related("given_by", "requested_setting").order_by("given_at"))


@dataclass(frozen=True)
class CommentWindow:
    """The family's 15 days on the draft plan (SEND Regulations 2014, reg. 13(1)(a))."""

    served_on: dt.date
    closes_on: dt.date
    is_open: bool
    ended_early: bool  # closed before its last day: the final plan issued, or withdrawn


def comment_window(
    events: Sequence[clock.Event], stage: clock.Stage, today: dt.date
) -> CommentWindow | None:
    """None until a draft plan is served. Open while the draft stands and the days last."""
    served = [e.on for e in events if e.kind == clock.EventKind.DRAFT_ISSUED]
    if not served:
        return None
    closes_on = clock.comments_close_on(served[0])
    is_open = stage == clock.Stage.DRAFT_ISSUED and today <= closes_on
    return CommentWindow(
        served_on=served[0],
        closes_on=closes_on,
        is_open=is_open,
        ended_early=not is_open and today <= closes_on,
    )


@dataclass(frozen=True)
class AdviceProgress:
    """One request for advice, as a family may see it: who, when, and whether it arrived."""

    contributor: clock.Contributor
    requested_on: dt.date
    due_on: dt.date
    arrived_on: dt.date | None


def _advice_on_timeline(events: Sequence[clock.Event]) -> list[AdviceProgress]:
    # Each "received" answers the oldest open request to the same contributor, as in the clock.
    progress: list[AdviceProgress] = []
    for event in sorted(events, key=lambda e: e.on):
        who = event.contributor
        if event.kind == clock.EventKind.ADVICE_REQUESTED and who is not None:
            progress.append(AdviceProgress(who, event.on, clock.advice_due_on(event.on), None))
        elif event.kind == clock.EventKind.ADVICE_RECEIVED and who is not None:
            waiting = [
                i for i, a in enumerate(progress) if a.contributor == who and not a.arrived_on
            ]
            if waiting:
                a = progress[waiting[0]]
                progress[waiting[0]] = AdviceProgress(who, a.requested_on, a.due_on, event.on)
    return progress


def _advice_in_thrive(request: AdviceRequest) -> AdviceProgress:
    submitted = request.submitted_at
    return AdviceProgress(
        contributor=clock.Contributor(request.contributor),
        requested_on=request.requested_on,
        due_on=request.due_on,
        arrived_on=timezone.localdate(submitted) if submitted else None,
    )


def advice_progress(case: Case, events: Sequence[clock.Event]) -> list[AdviceProgress]:
    """Who has been asked for advice and whether it has arrived, never what it says.

    Requests sent through Thrive (advice.AdviceRequest) and requests only recorded on the
    timeline (advice asked for by post) are merged: the same contributor asked on the same day
    is one request, and it has arrived if either record says so."""
    timeline = {(a.contributor, a.requested_on): a for a in _advice_on_timeline(events)}
    merged = []
    for request in case.advice_requests.filter(withdrawn_on__isnull=True):
        in_thrive = _advice_in_thrive(request)
        on_timeline = timeline.pop((in_thrive.contributor, in_thrive.requested_on), None)
        if on_timeline is not None and in_thrive.arrived_on is None:
            in_thrive = on_timeline
        merged.append(in_thrive)
    merged.extend(timeline.values())
    return sorted(merged, key=lambda a: (a.requested_on, a.contributor.label))


@dataclass(frozen=True)
class FamilyReview:
    """The plan's annual review as the family sees it: its timetable (from the plans app) and
    the views given for the open review, newest first."""

    timetable: ReviewTimetable
    views: tuple[ReviewViews, ...]
    today: dt.date

    @property
    def open_review(self) -> AnnualReview | None:
        return self.timetable.review

    @property
    def takes_views(self) -> bool:
        """Views are taken until the end of the meeting day, while the review is open."""
        review = self.timetable.review
        return review is not None and self.today <= review.meeting_on


def review_views_history(review: AnnualReview) -> list[ReviewViews]:
    """Every set of views given for this review, newest first (earlier ones are kept)."""
    return list(review.family_views.select_related("given_by").order_by("-given_at", "-id"))


def family_review(case: Case, today: dt.date) -> FamilyReview | None:
    """The case's plan's review timetable and the views for its open review; None until a
    final plan is issued (there is nothing to review before)."""
    plan = EhcPlan.objects.filter(case=case).first()
    if plan is None:
        return None
    timetable = review_timetable(plan, today)
    if timetable.due is None:
        return None
    views = review_views_history(timetable.review) if timetable.review is not None else []
    return FamilyReview(timetable=timetable, views=tuple(views), today=today)


@dataclass(frozen=True)
class Journey:
    """Everything the family's page about one child needs, read once."""

    child: Child
    speaks_for_themselves: bool
    case: Case | None
    request_from_family: bool = False
    events: tuple[clock.Event, ...] = ()
    assessment: clock.AssessmentClock | None = None
    advice: tuple[AdviceProgress, ...] = ()
    latest_views: FamilyViews | None = None
    draft: PlanVersion | None = None
    final: PlanVersion | None = None
    responses: tuple[DraftResponse, ...] = ()
    window: CommentWindow | None = None
    review: FamilyReview | None = None


def law_events(case: Case) -> list[clock.Event]:
    return [event.as_law_event() for event in case_events(case)]


def journey_for(*, user: Any, child_id: int, today: dt.date) -> Journey:
    """The child's journey for a family account linked to them (404 for any other child)."""
    child = family_child_get(user=user, child_id=child_id)
    own = speaks_for_themselves(user=user, child=child)
    case = child_latest_case(user=user, child=child)
    if case is None:
        return Journey(child=child, speaks_for_themselves=own, case=None)
    events = law_events(case)
    result = clock.assessment_clock(events, today)
    final = issued_final(case)
    return Journey(
        child=child,
        speaks_for_themselves=own,
        case=case,
        request_from_family=request_came_from_family(case),
        events=tuple(events),
        assessment=result,
        advice=tuple(advice_progress(case, events)),
        latest_views=latest_views(case),
        draft=issued_draft(case),
        final=final,
        responses=tuple(draft_responses(case)),
        window=comment_window(events, result.stage, today),
        review=family_review(case, today) if final is not None else None,
    )


def request_came_from_family(case: Case) -> bool:
    """Whether the parent or young person made the request (SEN2 request source 1)."""
    request = case.events.filter(kind=clock.EventKind.REQUEST_RECEIVED).first()
    return request is not None and request.request_source == FAMILY_REQUEST_SOURCE
