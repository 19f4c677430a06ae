"""The plan's annual review for the family: when it is due, the meeting, and the dates the
council must keep around it, in plain English (CFA 2014 s.44; SEND Regulations 2014, regs 20
and 21). The dates come from the plans app's `review_timetable`; nothing is worked out here."""

from collections.abc import Sequence
from typing import Any

from thrive.plans.models import ReviewDecision
from thrive.portal.models import ReviewViews
from thrive.portal.selectors import FamilyReview

from .contributions import given_by_line
from .words import date as _date
from .words import days as _days
from .words import given_on as _given_on

_DECIDED = {
    ReviewDecision.KEEP: "keep the plan as it is",
    ReviewDecision.AMEND: "change (amend) the plan",
    ReviewDecision.CEASE: "stop (cease to maintain) the plan",
}
_SENDIASS = "You can ask your case officer why, or contact your local SENDIASS."


def _due_row(review: FamilyReview, possessive: str) -> dict[str, Any]:
    timetable = review.timetable
    assert timetable.due is not None
    due_by = timetable.due.due_by
    sentences = [
        f"The council must review {possessive} EHC plan by {_date(due_by)}.",
        "Plans are reviewed at least once every 12 months.",
    ]
    meeting = timetable.review.meeting_on if timetable.review else None
    if meeting is None and review.today > due_by:
        sentences += [f"This is {_days((review.today - due_by).days)} late.", _SENDIASS]
    elif meeting is not None and meeting > due_by and review.today <= meeting:
        sentences.append(f"The meeting is {_days((meeting - due_by).days)} after this.")
    return {"key": "Next review", "value": " ".join(sentences)}


def _meeting_rows(review: FamilyReview) -> list[dict[str, Any]]:
    timetable, today = review.timetable, review.today
    open_review, meeting = timetable.review, timetable.meeting
    if open_review is None or meeting is None:
        return [
            {
                "key": "Review meeting",
                "value": "Not arranged yet. You will be invited at least 2 weeks before "
                "the meeting.",
            }
        ]
    on = _date(open_review.meeting_on)
    held = open_review.meeting_on < today
    rows = [{"key": "Review meeting", "value": f"The meeting {'was' if held else 'is'} on {on}."}]
    if open_review.invitations_sent_on is not None:
        invited = f"The council sent the invitations on {_date(open_review.invitations_sent_on)}."
    elif today <= meeting.invitations_by:
        invited = (
            "You will be invited at least 2 weeks before the meeting, "
            f"by {_date(meeting.invitations_by)}."
        )
    else:
        invited = (
            "You should have been invited at least 2 weeks before the meeting, by "
            f"{_date(meeting.invitations_by)}. If you have not been, contact your case officer."
        )
    rows.append({"key": "Invitation", "value": invited})
    if open_review.report_circulated_on is not None:
        report = f"The council sent the report on {_date(open_review.report_circulated_on)}."
    else:
        report = (
            "The council must send you the report of the meeting within 2 weeks of it, "
            f"by {_date(meeting.report_by)}."
        )
    rows.append({"key": "Report of the meeting", "value": report})
    rows.append(
        {
            "key": "Decision",
            "value": "The council must tell you within 4 weeks of the meeting, by "
            f"{_date(meeting.decision_by)}, whether it will keep the plan as it is, change "
            "it or stop it.",
        }
    )
    return rows


def _last_decision_row(review: FamilyReview) -> dict[str, Any] | None:
    last = review.timetable.last_decided
    if last is None or last.decision_notified_on is None:
        return None
    decided = _DECIDED[ReviewDecision(last.decision)]
    return {
        "key": "Last review",
        "value": f"After the meeting on {_date(last.meeting_on)}, the council decided to "
        f"{decided}. It told you on {_date(last.decision_notified_on)}.",
    }


def review_rows(review: FamilyReview, possessive: str) -> list[dict[str, Any]]:
    """The review timetable in words: due by, the meeting, invitation, report and decision."""
    rows = [_due_row(review, possessive), *_meeting_rows(review)]
    if (last := _last_decision_row(review)) is not None:
        rows.append(last)
    return rows


def review_sentences(review: FamilyReview, person_name: str, own: bool) -> list[str]:
    """What the review is for, and preparing for adulthood from Year 9."""
    whose = "your" if own else "the"
    sentences = [
        f"At the review, everyone involved looks at how {whose} plan is working and whether "
        "it needs to change. Your views are an important part of it.",
    ]
    if review.timetable.preparation_for_adulthood:
        who = "you" if own else person_name
        sentences.append(
            f"From Year 9, the review also talks about preparing {who} for adulthood: work or "
            "study, where to live, friends and community, and health."
        )
    return sentences


def review_task(review: FamilyReview | None, href: str) -> dict[str, Any] | None:
    """Give views before the meeting, while the review takes them."""
    if review is None or not review.takes_views or review.open_review is None:
        return None
    title = f"Give your views before the review meeting on {_date(review.open_review.meeting_on)}"
    if review.views:
        return {
            "title": title,
            "href": href,
            "hint": f"You last sent your views on {_given_on(review.views[0].given_at)}. "
            "You can change them until the meeting.",
            "status": {"text": "Sent"},
            "to_do": False,
        }
    return {
        "title": title,
        "href": href,
        "hint": "Tell the council what is working, what is not, and what you want to ask.",
        "status": {"text": "To do", "colour": "blue"},
        "to_do": True,
    }


def review_views_rows(views: ReviewViews) -> list[dict[str, str]]:
    return [
        {"key": ReviewViews.question(name), "value": getattr(views, name) or "Not answered"}
        for name in ReviewViews.QUESTIONS
    ]


def review_views_items(history: Sequence[ReviewViews], viewer: Any) -> list[dict[str, Any]]:
    """Each set of views for the review, newest first, with who gave it and how."""
    return [{"by": given_by_line(v, viewer), "rows": review_views_rows(v)} for v in history]
