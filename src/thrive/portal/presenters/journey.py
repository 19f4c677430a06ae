"""The family's page about their child: where things are, every statutory date in plain
English, who was asked for advice, and what is waiting for them."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from thrive.law import clock
from thrive.portal.selectors import AdviceProgress, Journey, plan_version_with_sections

from .contributions import response_items, response_status, window_words
from .plan import plan_document_links, plan_sections
from .review import review_rows, review_sentences, review_task
from .words import date as _date
from .words import days as _days
from .words import given_on as _given_on

SENDIASS = "You can ask your case officer why, or contact your local SENDIASS."


@dataclass(frozen=True)
class Person:
    """How family pages name the child: by first name, or "you" to a young person."""

    name: str
    possessive: str
    speaks_for_themselves: bool

    @classmethod
    def of(cls, journey: Journey) -> "Person":
        if journey.speaks_for_themselves:
            return cls("you", "your", True)
        first = journey.child.first_name
        return cls(first, f"{first}'s", False)


# --- The stage -------------------------------------------------------------------------

_STAGE_SENTENCES = {
    clock.Stage.AWAITING_DECISION_TO_ASSESS: "The council is deciding whether to assess "
    "{possessive} needs.",
    clock.Stage.ASSESSING: "The council is gathering advice about {name}.",
    clock.Stage.DRAFTING: "The council has decided to write an EHC plan for {name}. It is "
    "writing the draft plan now.",
    clock.Stage.DRAFT_ISSUED: "The council has sent out {possessive} draft EHC plan.",
    clock.Stage.FINAL_ISSUED: "The council has issued {possessive} final EHC plan.",
    clock.Stage.NOT_ASSESSED: "The council decided not to assess {possessive} needs.",
    clock.Stage.NOT_ISSUED: "The council decided not to issue an EHC plan for {name}.",
    clock.Stage.WITHDRAWN: "The request for an assessment was withdrawn.",
}
_APPEALABLE = frozenset({clock.Stage.NOT_ASSESSED, clock.Stage.NOT_ISSUED})


def stage_sentences(stage: clock.Stage, person: Person) -> list[str]:
    """Where things are, in words: "The council is gathering advice about Wren."."""
    sentence = _STAGE_SENTENCES[stage].format(name=person.name, possessive=person.possessive)
    sentences = [sentence[0].upper() + sentence[1:]]
    if stage in _APPEALABLE:
        sentences.append(
            "You can appeal against this decision. The decision letter tells you how. "
            "Your local SENDIASS can help."
        )
    return sentences


# --- Statutory dates -------------------------------------------------------------------

_DUTIES = {
    # key: (title, what the council must do, the limit counted from the request)
    "decision_to_assess": (
        "Decision whether to assess",
        "decide whether to assess {possessive} needs",
        clock.DECISION_TO_ASSESS_WEEKS,
    ),
    "decision_not_to_issue": (
        "Decision whether to issue a plan",
        "decide whether to issue a plan",
        clock.DECISION_NOT_TO_ISSUE_WEEKS,
    ),
    "final_plan": ("Final plan", "send you the final EHC plan", clock.FINAL_PLAN_WEEKS),
}

_TAGS = {
    clock.DeadlineState.DUE: {"text": "Coming up", "colour": "blue"},
    clock.DeadlineState.OVERDUE: {"text": "Late", "colour": "red"},
    clock.DeadlineState.MET: {"text": "Done", "colour": "green"},
    clock.DeadlineState.MISSED: {"text": "Done late", "colour": "orange"},
}


def _decision(events: Sequence[clock.Event], kind: clock.EventKind) -> clock.Event | None:
    return next((e for e in events if e.kind == kind), None)


def _what_was_done(key: str, events: Sequence[clock.Event], person: Person) -> str:
    if key == "decision_to_assess":
        decision = _decision(events, clock.EventKind.DECISION_TO_ASSESS)
        verb = "decided to assess" if decision and decision.outcome else "decided not to assess"
        return f"The council {verb} {person.possessive} needs"
    if key == "decision_not_to_issue":
        return "The council decided not to issue an EHC plan"
    return "The council issued the final EHC plan"


def _request_words(from_family: bool) -> str:
    return "your request" if from_family else "the request"


def _duty_sentences(
    deadline: clock.Deadline, events: Sequence[clock.Event], person: Person, from_family: bool
) -> list[str]:
    _, duty, weeks = _DUTIES[deadline.key]
    due = _date(deadline.due_on)
    if deadline.done_on is not None:
        done = f"{_what_was_done(deadline.key, events, person)} on {_date(deadline.done_on)}."
        if deadline.state == clock.DeadlineState.MISSED:
            return [done, f"This was {_days(deadline.days_late)} late."]
        return [done, "This was on time."]
    sentences = [
        f"The council must {duty.format(possessive=person.possessive)} by {due}.",
        f"This is {weeks} weeks after {_request_words(from_family)}.",
    ]
    if deadline.state == clock.DeadlineState.OVERDUE:
        sentences += [f"This is {_days(deadline.days_late)} late.", SENDIASS]
    return sentences


def _comment_sentences(deadline: clock.Deadline, window_served_on: dt.date | None) -> list[str]:
    closes = _date(deadline.due_on)
    if deadline.done_on is not None:
        return [f"The council received your comments on {_date(deadline.done_on)}."]
    if deadline.state == clock.DeadlineState.DUE:
        served = f" ({_date(window_served_on)})" if window_served_on else ""
        return [
            f"You can comment on the draft plan until {closes}.",
            f"You have {clock.COMMENT_DAYS} days, counting the day it was sent to you{served}.",
        ]
    return [f"The {clock.COMMENT_DAYS} days to comment ended on {closes}."]


def _comment_tag(deadline: clock.Deadline) -> dict[str, str]:
    if deadline.done_on is not None:
        return {"text": "Received", "colour": "green"}
    if deadline.state == clock.DeadlineState.DUE:
        return {"text": "Open", "colour": "blue"}
    return {"text": "Closed", "colour": "grey"}


def _yes_to_issue_row(events: Sequence[clock.Event], person: Person) -> dict[str, Any] | None:
    decision = _decision(events, clock.EventKind.DECISION_TO_ISSUE)
    if decision is None or not decision.outcome:
        return None
    return {
        "key": "Decision whether to issue a plan",
        "value": f"The council decided to write an EHC plan for {person.name} on "
        f"{_date(decision.on)}.",
        "tag": _TAGS[clock.DeadlineState.MET],
    }


def date_rows(journey: Journey, person: Person) -> list[dict[str, Any]]:
    """Every statutory date on the case except advice (shown with the advice), in words:
    what the council must do by when, what was done, and whether it was late."""
    result, events = journey.assessment, journey.events
    if result is None:
        return []
    served_on = journey.window.served_on if journey.window else None
    rows = []
    for deadline in result.deadlines:
        if deadline.key == "comments":
            rows.append(
                {
                    "key": "Your comments on the draft plan",
                    "value": " ".join(_comment_sentences(deadline, served_on)),
                    "tag": _comment_tag(deadline),
                }
            )
        elif deadline.key in _DUTIES and deadline.state != clock.DeadlineState.NOT_NEEDED:
            sentences = _duty_sentences(deadline, events, person, journey.request_from_family)
            if deadline.excepted and deadline.state.is_late:
                sentences.append(
                    "An exception in the law applies, so the council may take longer. "
                    "Your case officer can tell you why."
                )
            rows.append(
                {
                    "key": _DUTIES[deadline.key][0],
                    "value": " ".join(sentences),
                    "tag": _TAGS[deadline.state],
                }
            )
        elif deadline.key == "decision_not_to_issue" and (row := _yes_to_issue_row(events, person)):
            rows.append(row)
    return rows


def timescales() -> list[str]:
    """The statutory limits explained once, in plain English (SEND Regulations 2014)."""
    return [
        "The council must decide whether to assess within "
        f"{clock.DECISION_TO_ASSESS_WEEKS} weeks of the request.",
        f"People asked for advice have {clock.ADVICE_WEEKS} weeks to send it.",
        "If the council decides not to write a plan, it must tell you within "
        f"{clock.DECISION_NOT_TO_ISSUE_WEEKS} weeks of the request.",
        f"When the council sends a draft plan, you have {clock.COMMENT_DAYS} days to comment "
        "on it, counting the day it was sent. You can also ask for a school or college to be "
        "named in the plan, and ask for a meeting.",
        f"The final plan must be issued within {clock.FINAL_PLAN_WEEKS} weeks of the request.",
        "Weeks include weekends and school holidays.",
        "The law gives the council more time in a few cases. For example, if a school is "
        "closed for 4 weeks or more, or if you are away from the area for 4 weeks or more.",
        "SENDIASS is a free service that gives families information, advice and support "
        "about special educational needs and disabilities. Every council area has one.",
    ]


# --- Advice ----------------------------------------------------------------------------


def advice_rows(advice: Sequence[AdviceProgress], today: dt.date) -> list[dict[str, Any]]:
    """Who was asked for advice, by when, and whether it has arrived (never what it says)."""
    rows = []
    for item in advice:
        sentences = [f"Asked on {_date(item.requested_on)}.", f"Due by {_date(item.due_on)}."]
        if item.arrived_on is not None:
            late = (item.arrived_on - item.due_on).days
            sentences.append(f"Arrived on {_date(item.arrived_on)}.")
            if late > 0:
                sentences.append(f"This was {_days(late)} late.")
            tag = {"text": "Arrived", "colour": "green"}
        elif today > item.due_on:
            sentences.append(f"Not arrived yet. It is {_days((today - item.due_on).days)} late.")
            tag = {"text": "Late", "colour": "red"}
        else:
            sentences.append("Not arrived yet.")
            tag = {"text": "Waiting", "colour": "blue"}
        rows.append({"key": item.contributor.label, "value": " ".join(sentences), "tag": tag})
    return rows


# --- What is waiting for the family ----------------------------------------------------


def _views_task(journey: Journey, person: Person, href: str) -> dict[str, Any]:
    title = (
        "Tell us about yourself" if person.speaks_for_themselves else f"Tell us about {person.name}"
    )
    if journey.latest_views is None:
        return {
            "title": title,
            "href": href,
            "hint": "Your answers help the council write the plan.",
            "status": {"text": "To do", "colour": "blue"},
            "to_do": True,
        }
    return {
        "title": title,
        "href": href,
        "hint": f"You last told us on {_given_on(journey.latest_views.given_at)}. "
        "You can change your answers at any time.",
        "status": {"text": "Done"},
        "to_do": False,
    }


def _draft_task(journey: Journey, href: str) -> dict[str, Any] | None:
    window = journey.window
    if window is None or not window.is_open:
        return None
    responded = bool(journey.responses)
    task: dict[str, Any] = {
        "title": f"Comment on the draft plan by {_date(window.closes_on)}",
        "href": href if journey.draft is not None else "",
        "hint": "You can also ask for a school or college, and ask for a meeting.",
        "status": {"text": "Sent"} if responded else {"text": "To do", "colour": "blue"},
        "to_do": not responded,
    }
    if journey.draft is None:  # served on paper only: there is nothing to open here
        task["hint"] = "Send your comments to your case officer."
    elif responded:
        task["hint"] = "You can send more comments until then."
    return task


def waiting_for_you(
    journey: Journey, person: Person, links: dict[str, str]
) -> list[dict[str, Any]]:
    """The family's tasks: give views while the assessment is open, comment on a draft while
    its 15 days last. Empty when the case is closed."""
    if journey.assessment is None or not journey.assessment.is_open:
        return []
    tasks = [_views_task(journey, person, links["views"])]
    if draft := _draft_task(journey, links["draft"]):
        tasks.insert(0, draft)
    return tasks


def nothing_waiting(tasks: Sequence[dict[str, Any]]) -> bool:
    return not any(task["to_do"] for task in tasks)


def case_officer_rows(officer: Any) -> list[dict[str, str]]:
    if officer is None:
        return [{"key": "Name", "value": "Not given yet. Contact the council's SEND team."}]
    rows = [{"key": "Name", "value": officer.get_full_name() or officer.username}]
    if officer.email:
        rows.append({"key": "Email", "value": officer.email, "href": f"mailto:{officer.email}"})
    return rows


def journey_page(journey: Journey, links: dict[str, str], today: dt.date) -> dict[str, Any]:
    """Everything the child's page shows about an open or closed case, in words."""
    if journey.case is None or journey.assessment is None:
        raise ValueError("Only a child with a case has a journey to present.")
    person = Person.of(journey)
    tasks = waiting_for_you(journey, person, links)
    if review := review_task(journey.review, links.get("review", "")):
        tasks.insert(0, review)
    return {
        "person": person,
        "stage": stage_sentences(journey.assessment.stage, person),
        "tasks": tasks,
        "nothing_waiting": nothing_waiting(tasks),
        "officer": case_officer_rows(journey.case.case_officer),
        "dates": date_rows(journey, person),
        "timescales": timescales(),
        "advice": advice_rows(journey.advice, today),
        "response_status": response_status(journey.responses),
        "final_links": plan_document_links(journey.final),
        "review": review_rows(journey.review, person.possessive) if journey.review else [],
        "review_sentences": review_sentences(
            journey.review, person.name, person.speaks_for_themselves
        )
        if journey.review
        else [],
    }


def draft_page(journey: Journey, viewer: Any) -> dict[str, Any]:
    """The draft plan page: whether it is open for comments, the plan (a link to its document,
    or its sections on the page when the document is not available) and what was sent."""
    links = plan_document_links(journey.draft)
    sections = []
    if journey.draft is not None and links is None:
        sections = plan_sections(plan_version_with_sections(journey.draft))
    return {
        "draft": journey.draft,
        "window": journey.window,
        "window_words": window_words(journey.window),
        "links": links,
        "sections": sections,
        "responses": response_items(journey.responses, viewer),
    }
