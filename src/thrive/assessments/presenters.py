"""Display-ready values for case pages: words and tags, never colour alone."""

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse

from thrive.law import clock

from .models import Case, CaseEvent
from .selectors import DUE_SOON_DAYS, CaseSummary


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def deadline_status(deadline: clock.Deadline, today: dt.date) -> dict[str, str]:
    """A tag (colour plus words) for one deadline."""
    state = deadline.state
    if state == clock.DeadlineState.OVERDUE:
        text = f"{_plural(deadline.days_late, 'day')} late"
        return {"text": text + (" (exception)" if deadline.excepted else ""), "colour": "red"}
    if state == clock.DeadlineState.MISSED:
        return {
            "text": f"Done {_plural(deadline.days_late, 'day')} late"
            + (" (exception)" if deadline.excepted else ""),
            "colour": "orange",
        }
    if state == clock.DeadlineState.MET:
        return {"text": "Done on time", "colour": "green"}
    if state == clock.DeadlineState.NOT_NEEDED:
        return {"text": "Not needed", "colour": "grey"}
    days_left = deadline.days_left if deadline.days_left is not None else 0
    if days_left == 0:
        return {"text": "Due today", "colour": "yellow"}
    colour = "yellow" if days_left <= DUE_SOON_DAYS else "blue"
    return {"text": f"{_plural(days_left, 'day')} left", "colour": colour}


def deadline_rows(result: clock.AssessmentClock, today: dt.date) -> list[dict[str, Any]]:
    return [
        {
            "label": d.label,
            "due_on": d.due_on,
            "done_on": d.done_on,
            "status": deadline_status(d, today),
            "citation": d.citation,
        }
        for d in result.deadlines
    ]


def twenty_week_summary(result: clock.AssessmentClock) -> str:
    """The overall limit in one sentence (SEND Regulations 2014, reg. 13(2))."""
    if not result.is_open or result.days_left_on_20_weeks is None:
        return ""
    left = result.days_left_on_20_weeks
    due = result.final_plan_due_on.strftime("%-d %B %Y")
    text = (
        f"{_plural(left, 'day')} left on the 20-week limit for the final plan ({due})."
        if left >= 0
        else f"{_plural(-left, 'day')} past the 20-week limit for the final plan ({due})."
    )
    if result.exceptions_apply:
        text += " An exception applies to this case."
    return text


def caseload_row(case: Case, summary: CaseSummary, today: dt.date) -> dict[str, Any]:
    nd = summary.next_deadline
    return {
        "href": reverse("assessments:case_detail", args=[case.pk]),
        "reference": case.reference,
        "child_name": case.child.full_name,
        "date_of_birth": case.child.date_of_birth,
        "need": case.child.get_primary_need_display() or "Not recorded",
        "stage": summary.stage.label,
        "received_on": summary.received_on,
        "next_label": nd.label if nd else "",
        "next_due_on": nd.due_on if nd else None,
        "status": deadline_status(nd, today) if nd else None,
        "case_officer": str(case.case_officer) if case.case_officer else "Not assigned",
    }


def _event_title(event: CaseEvent) -> str:
    kind = clock.EventKind(event.kind)
    if event.outcome is not None:
        return f"{kind.label}: {'yes' if event.outcome else 'no'}"
    if event.contributor:
        return f"{kind.label}: {event.get_contributor_display().lower()}"
    if event.exception:
        return f"{kind.label}: {event.get_exception_display().lower()}"
    if event.request_source:
        return f"{kind.label} from {event.get_request_source_display().lower()}"
    return kind.label


def timeline_items(events: list[CaseEvent]) -> list[dict[str, Any]]:
    """Newest first, as in the MOJ timeline pattern."""
    return [
        {
            "title": _event_title(e),
            "date": e.on,
            "byline": str(e.recorded_by) if e.recorded_by else "",
            "description": e.note,
        }
        for e in reversed(events)
    ]


def _variants(kind: clock.EventKind, on: dt.date) -> list[clock.Event]:
    if kind in (clock.EventKind.DECISION_TO_ASSESS, clock.EventKind.DECISION_TO_ISSUE):
        return [clock.Event(kind=kind, on=on, outcome=o) for o in (True, False)]
    if kind in (
        clock.EventKind.ADVICE_REQUESTED,
        clock.EventKind.ADVICE_RECEIVED,
        clock.EventKind.ADVICE_WITHDRAWN,
    ):
        return [clock.Event(kind=kind, on=on, contributor=c) for c in clock.Contributor]
    if kind in (clock.EventKind.EXCEPTION_STARTED, clock.EventKind.EXCEPTION_ENDED):
        return [clock.Event(kind=kind, on=on, exception=r) for r in clock.ExceptionReason]
    return [clock.Event(kind=kind, on=on)]


# Steps taken on their own pages elsewhere: asking for advice (which also invites the
# practitioner) and withdrawing a request both belong to the advice app.
_STEP_PAGES = {
    clock.EventKind.ADVICE_REQUESTED: ("Request advice", "advice:advice_request"),
    clock.EventKind.ADVICE_WITHDRAWN: ("Withdraw a request for advice", "advice:advice_list"),
    # Issued from the plan, which fixes the version and tells the family.
    clock.EventKind.DRAFT_ISSUED: ("Issue the draft plan", "plans:plan_overview"),
    clock.EventKind.FINAL_ISSUED: ("Issue the final plan", "plans:plan_overview"),
}


def _step_link(case: Case, kind: clock.EventKind) -> dict[str, str]:
    if kind in _STEP_PAGES:
        text, name = _STEP_PAGES[kind]
        return {"text": text, "href": reverse(name, args=[case.pk])}
    return {"text": kind.label, "href": reverse("assessments:case_step", args=[case.pk, kind])}


def next_steps(case: Case, events: list[CaseEvent], today: dt.date) -> list[dict[str, str]]:
    """The steps the law allows next (tried as if done today), as links to their forms."""
    history = [e.as_law_event() for e in events]
    return [
        _step_link(case, kind)
        for kind in clock.EventKind
        if kind != clock.EventKind.REQUEST_RECEIVED
        and any(clock.refusal_for(history, v, today) is None for v in _variants(kind, today))
    ]


def caseload_views(user_id: int, query: dict[str, str]) -> list[dict[str, object]]:
    """Quick views over the caseload (MOJ sub-navigation); the one matching the query is current."""
    base = reverse("assessments:case_list")
    views = [
        ("All open cases", {}),
        ("My cases", {"case_officer": str(user_id)}),
        ("Overdue", {"overdue": "on"}),
        ("Due in the next 14 days", {"due_soon": "on"}),
    ]
    shown = {k: v for k, v in query.items() if k != "page" and v}
    return [
        {
            "text": text,
            "href": base + ("?" + urlencode(params) if params else ""),
            "current": shown == params,
        }
        for text, params in views
    ]
