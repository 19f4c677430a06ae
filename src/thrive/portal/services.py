"""Writes for what families tell the council: their views ("all about me", for section A of
the plan), their response to a draft plan (SEND Regulations 2014, reg. 13(1)) and their views
before an annual review meeting (reg. 20(2)).

A family gives these through the portal; the case work team records them on the family's
behalf when they were given on paper, by phone or at a meeting, so no family needs a computer.
"""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import transaction

from thrive.accounts.policy import Action, can, is_casework
from thrive.assessments.models import Case
from thrive.assessments.services import case_append_step
from thrive.core.audit import audit_record
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction
from thrive.core.notifications import notify
from thrive.core.text import limited_text
from thrive.law import clock
from thrive.people.models import Setting
from thrive.plans.models import AnnualReview, PlanVersion, VersionKind

from .models import DraftResponse, FamilyViews, OnBehalfMethod, ReviewViews
from .selectors import comment_window, law_events

VIEWS_QUESTIONS = FamilyViews.QUESTIONS
REVIEW_QUESTIONS = ReviewViews.QUESTIONS
REVIEW_ANSWER_LIMIT = 5000


def _require_contributor(actor: Any, case: Case) -> None:
    if not can(actor, Action.FAMILY_CONTRIBUTE, case.child):
        raise Refusal("Only the child's family or the council's SEND team can do this.")


def _check_on_behalf(actor: Any, on_behalf_method: str) -> None:
    """The council says how a family gave what it records; a family speaks for itself."""
    if is_casework(actor):
        if on_behalf_method not in OnBehalfMethod.values:
            raise Refusal("Select how the family gave this", field="on_behalf_method")
    elif on_behalf_method:
        raise Refusal(
            "Only the council records what a family gave on paper, by phone or in person."
        )


def _how(on_behalf_method: str) -> str:
    """For audit summaries: how it came in, never what it says."""
    if not on_behalf_method:
        return "through the portal"
    return OnBehalfMethod(on_behalf_method).label.lower()


def _tell_case_officer(actor: Any, case: Case, subject: str, body: str) -> None:
    officer = case.case_officer
    if officer is not None and officer.pk != actor.pk and officer.email:
        notify(recipients=[officer.email], subject=subject, body=body)


@transaction.atomic
def family_views_give(
    *,
    actor: Any,
    case: Case,
    answers: Mapping[str, str],
    on_behalf_method: str = "",
    channel: str = "web",
) -> FamilyViews:
    """Keep a new set of "all about me" views. Earlier sets stay: the newest is shown."""
    _require_contributor(actor, case)
    _check_on_behalf(actor, on_behalf_method)
    if unknown := set(answers) - set(VIEWS_QUESTIONS):
        raise ValueError(f"Unknown questions: {sorted(unknown)}")
    cleaned = {name: (answers.get(name) or "").strip() for name in VIEWS_QUESTIONS}
    if not any(cleaned.values()):
        raise Refusal("Tell us about at least one thing", field=VIEWS_QUESTIONS[0])
    views = FamilyViews.objects.create(
        case=case, given_by=actor, on_behalf_method=on_behalf_method, **cleaned
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=views,
        child_id=case.child_id,
        summary=f"family's views given {_how(on_behalf_method)}",
        channel=channel,
    )
    _tell_case_officer(
        actor,
        case,
        subject=f"New views for case {case.reference}",
        body=f"New views were given for case {case.reference}. "
        "Read them before writing section A of the plan.",
    )
    return views


def _open_window_for(version: PlanVersion, case: Case, today: dt.date) -> list[clock.Event]:
    """The case's events, if its draft plan is open for comments today; otherwise a refusal."""
    if version.kind != VersionKind.DRAFT or not version.is_issued:
        raise Refusal("This draft plan has not been sent to the family.")
    events = law_events(case)
    stage = clock.assessment_clock(events, today).stage
    window = comment_window(events, stage, today)
    if window is None:
        raise Refusal("The draft plan has not been recorded as sent to the family yet.")
    if window.ended_early:
        raise Refusal(
            "The draft plan is no longer open for comments. "
            "You can still contact your case officer."
        )
    if not window.is_open:
        raise Refusal(
            f"The 15 days to comment ended on {clock.render_date(window.closes_on)}. "
            "You can still contact your case officer."
        )
    return events


def _response_body(case: Case, requested_setting: Setting | None, wants_meeting: bool) -> str:
    lines = [f"The family responded to the draft plan for case {case.reference}."]
    if requested_setting is not None:
        lines.append("They asked for a school or other institution to be named.")
    if wants_meeting:
        lines.append("They asked for a meeting.")
    lines.append("Consider the response before issuing the final plan.")
    return " ".join(lines)


@transaction.atomic
def draft_respond(
    *,
    actor: Any,
    version: PlanVersion,
    comments: str,
    requested_setting: Setting | None,
    wants_meeting: bool,
    today: dt.date,
    on_behalf_method: str = "",
    channel: str = "web",
) -> DraftResponse:
    """Keep the family's response to a draft plan, within their 15 days (reg. 13(1)).

    The first response puts "comments received" on the case's timeline (the final plan may
    then be issued before the 15 days end); later ones within the window are kept too."""
    # One response at a time per case, so only the first records the step.
    case = Case.objects.select_for_update(of=("self",)).get(pk=version.plan.case_id)
    _require_contributor(actor, case)
    _check_on_behalf(actor, on_behalf_method)
    comments = comments.strip()
    if not (comments or requested_setting or wants_meeting):
        raise Refusal("Write your comments, choose a school or ask for a meeting", "comments")
    events = _open_window_for(version, case, today)
    response = DraftResponse.objects.create(
        version=version,
        given_by=actor,
        on_behalf_method=on_behalf_method,
        comments=comments,
        requested_setting=requested_setting,
        wants_meeting=wants_meeting,
    )
    if not any(e.kind == clock.EventKind.COMMENTS_RECEIVED for e in events):
        step = clock.Event(kind=clock.EventKind.COMMENTS_RECEIVED, on=today)
        case_append_step(actor=actor, case=case, step=step, today=today, channel=channel)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=response,
        child_id=case.child_id,
        summary=f"response to the draft plan given {_how(on_behalf_method)}",
        channel=channel,
    )
    _tell_case_officer(
        actor,
        case,
        subject=f"Response to the draft plan for case {case.reference}",
        body=_response_body(case, requested_setting, wants_meeting),
    )
    return response


def _review_open_for_views(review: AnnualReview, today: dt.date) -> None:
    """Views are for the meeting: taken until the end of its day, while the review is open."""
    if not review.is_open:
        raise Refusal(
            "This review has finished: the council has recorded its decision. "
            "You can still contact your case officer."
        )
    if today > review.meeting_on:
        raise Refusal(
            f"The review meeting was on {clock.render_date(review.meeting_on)}, so views for it "
            "can no longer be sent. You can still contact your case officer."
        )


@transaction.atomic
def review_views_give(
    *,
    actor: Any,
    review: AnnualReview,
    answers: Mapping[str, str],
    today: dt.date,
    on_behalf_method: str = "",
    channel: str = "web",
) -> ReviewViews:
    """Keep what the family wants the annual review meeting to hear (reg. 20(2)), before the
    meeting and while the review is open. Earlier sets stay: the newest is shown."""
    review = AnnualReview.objects.select_for_update(of=("self",)).get(pk=review.pk)
    case = Case.objects.select_related("case_officer").get(plan__pk=review.plan_id)
    _require_contributor(actor, case)
    _check_on_behalf(actor, on_behalf_method)
    if unknown := set(answers) - set(REVIEW_QUESTIONS):
        raise ValueError(f"Unknown questions: {sorted(unknown)}")
    _review_open_for_views(review, today)
    cleaned = {
        name: limited_text(answers.get(name, ""), field=name, limit=REVIEW_ANSWER_LIMIT)
        for name in REVIEW_QUESTIONS
    }
    if not any(cleaned.values()):
        raise Refusal("Tell us about at least one thing", field=REVIEW_QUESTIONS[0])
    views = ReviewViews.objects.create(
        review=review, given_by=actor, on_behalf_method=on_behalf_method, **cleaned
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=views,
        child_id=case.child_id,
        summary=f"family's views for the annual review given {_how(on_behalf_method)}",
        channel=channel,
    )
    _tell_case_officer(
        actor,
        case,
        subject=f"Views for the annual review for case {case.reference}",
        body=f"The family gave their views for the annual review meeting for case "
        f"{case.reference}. Read them before the meeting.",
    )
    return views
