"""What families told the council, and who recorded it how: for family and case work pages."""

from collections.abc import Sequence
from typing import Any

from thrive.law import clock
from thrive.portal.models import DraftResponse, FamilyViews, OnBehalfMethod, ReviewViews
from thrive.portal.selectors import CommentWindow
from thrive.portal.services import VIEWS_QUESTIONS

from .words import date as _date
from .words import given_on as _given_on


def _method_words(method: str) -> str:
    return f"given {OnBehalfMethod(method).label.lower()}"


def given_by_line(item: FamilyViews | DraftResponse | ReviewViews, viewer: Any) -> str:
    """Who gave or recorded it, how, and when: "Recorded by Sam Patel, given by phone, on …"."""
    on = _given_on(item.given_at)
    name = item.given_by.get_full_name() or item.given_by.username
    if item.on_behalf_method:
        return (
            f"Recorded by {name} from the council, {_method_words(item.on_behalf_method)}, on {on}."
        )
    if item.given_by_id == viewer.pk:
        return f"You sent this on {on}."
    return f"Sent by {name} ({item.given_by.get_role_display().lower()}) on {on}."


def views_rows(views: FamilyViews) -> list[dict[str, str]]:
    return [
        {
            "key": FamilyViews.question(name),
            "value": getattr(views, name) or "Not answered",
        }
        for name in VIEWS_QUESTIONS
    ]


def views_items(history: Sequence[FamilyViews], viewer: Any) -> list[dict[str, Any]]:
    return [{"by": given_by_line(v, viewer), "rows": views_rows(v)} for v in history]


def response_items(responses: Sequence[DraftResponse], viewer: Any) -> list[dict[str, Any]]:
    """Each response to a draft plan, oldest first, with who sent it and how."""
    return [
        {
            "by": given_by_line(r, viewer),
            "rows": [
                {"key": "Comments", "value": r.comments or "None"},
                {
                    "key": "School, college or setting asked for",
                    "value": r.requested_setting.name if r.requested_setting else "None",
                },
                {"key": "Meeting asked for", "value": "Yes" if r.wants_meeting else "No"},
            ],
        }
        for r in responses
    ]


def window_words(window: CommentWindow | None, *, for_council: bool = False) -> str:
    """Whether the draft plan is open for comments, and until when."""
    if window is None:
        if for_council:
            return "No draft plan has been recorded as sent to the family."
        return "The council has not sent you a draft plan yet."
    closes, served = _date(window.closes_on), _date(window.served_on)
    if window.is_open and for_council:
        return f"The family can comment until {closes} ({clock.COMMENT_DAYS} days from {served})."
    if window.is_open:
        return (
            f"You can comment until {closes}. You have {clock.COMMENT_DAYS} days, counting the "
            f"day the draft plan was sent to you ({served})."
        )
    contact = "" if for_council else " You can still contact your case officer."
    if window.ended_early:
        return "The draft plan is no longer open for comments." + contact
    return f"The {clock.COMMENT_DAYS} days to comment ended on {closes}." + contact


def response_status(responses: Sequence[DraftResponse]) -> str:
    """Tells the family the council has what they sent."""
    if not responses:
        return ""
    last = _given_on(responses[-1].given_at)
    return f"The council has your comments. You last sent them on {last}."
