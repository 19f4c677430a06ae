"""The EHC needs assessment clock, under the SEND Regulations 2014 (SI 2014/1530).

A case is a list of dated events (request received, decisions, advice, draft, final plan,
exceptions, withdrawal). Everything else - the stage, each deadline and whether it was
met - is derived from those events and ``today``, never stored.

Counting (SEND Regulations 2014, regs 5(1), 8(1), 10(1), 13(1)-(2)):

- weeks are calendar weeks [V]: weekends and holidays count;
- the trigger day is excluded [U, standard legal construction]: a limit of N weeks from a
  request received on day T ends on T + 7N days, and a step is in time if done on or
  before that day (``TRIGGER_DAY_EXCLUDED``);
- the family's "at least 15 days beginning with the day on which the draft plan was
  served" (reg. 13(1)(a)) counts the service day as day 1, so it ends on served + 14 days.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Final

REGULATIONS: Final = "SEND Regulations 2014"

#: [U] Whether the day the request arrives is left out of the count (standard legal
#: construction). Set to False to count it as day 1: every week-based date moves one day
#: earlier. The only switch for this question.
TRIGGER_DAY_EXCLUDED: Final = True

DECISION_TO_ASSESS_WEEKS: Final = 6  # reg. 5(1)
ADVICE_WEEKS: Final = 6  # reg. 8(1)
DECISION_NOT_TO_ISSUE_WEEKS: Final = 16  # reg. 10(1)
FINAL_PLAN_WEEKS: Final = 20  # reg. 13(2)
COMMENT_DAYS: Final = 15  # reg. 13(1)(a): "at least 15 days"
#: Reg. 10(4)(a), (b) and (d) need a closure or absence of "not less than 4 weeks".
QUALIFYING_PERIOD: Final = timedelta(weeks=4)

# English month names, whatever the process locale (strftime("%B") follows the locale).
_MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _cite(paragraph: str) -> str:
    return f"{REGULATIONS}, reg. {paragraph}"


class _Labelled(StrEnum):
    """A StrEnum whose members carry a plain-English label, with Django-style choices."""

    @property
    def label(self) -> str:
        raise NotImplementedError

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """(value, label) pairs in definition order, for form and model choices."""
        return [(member.value, member.label) for member in cls]


class Contributor(_Labelled):
    """Whose advice the local authority seeks (SEND Regulations 2014, reg. 6(1))."""

    EDUCATIONAL_PSYCHOLOGY = "educational_psychology"
    EDUCATION = "education"
    HEALTH = "health"
    SOCIAL_CARE = "social_care"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _CONTRIBUTOR_LABELS[self]

    @property
    def advice_label(self) -> str:
        """How the advice is named in sentences: "Advice from health", "Other advice"."""
        if self is Contributor.OTHER:
            return "Other advice"
        return f"Advice from {self.label.lower()}"


_CONTRIBUTOR_LABELS: Final = {
    Contributor.EDUCATIONAL_PSYCHOLOGY: "Educational psychology",
    Contributor.EDUCATION: "Education",
    Contributor.HEALTH: "Health",
    Contributor.SOCIAL_CARE: "Social care",
    Contributor.OTHER: "Other",
}


class ExceptionReason(_Labelled):
    """Why a time limit need not be met: SEND Regulations 2014, reg. 10(4)(a)-(d).

    The same four reasons appear in reg. 5(4) (decision to assess) and apply to the final
    plan through reg. 13(3). The value is the paragraph letter.
    """

    INSTITUTION_CLOSURE = "a"
    EARLY_YEARS_CLOSURE = "b"
    PERSONAL_CIRCUMSTANCES = "c"
    ABSENT_FROM_AREA = "d"

    @property
    def label(self) -> str:
        return _EXCEPTION_LABELS[self]

    @property
    def citation(self) -> str:
        return _cite(f"10(4)({self.value})")

    @property
    def needs_four_weeks(self) -> bool:
        """Closures (a), (b) and absence (d) count only if they last at least 4 weeks."""
        return self is not ExceptionReason.PERSONAL_CIRCUMSTANCES


_EXCEPTION_LABELS: Final = {
    ExceptionReason.INSTITUTION_CLOSURE: "School or post-16 institution closure",
    ExceptionReason.EARLY_YEARS_CLOSURE: "Early years provider closure",
    ExceptionReason.PERSONAL_CIRCUMSTANCES: "Exceptional personal circumstances",
    ExceptionReason.ABSENT_FROM_AREA: "Absence from the area",
}


class EventKind(_Labelled):
    """A step in an EHC needs assessment, in the order the SEND Regulations 2014 take them:
    request (Children and Families Act 2014, s.36(1)), decision whether to assess (reg. 5),
    advice (regs 6 and 8), decision whether to issue (reg. 10), draft and final plan (reg. 13),
    exceptions (reg. 10(4)).
    """

    REQUEST_RECEIVED = "request_received"
    DECISION_TO_ASSESS = "decision_to_assess"
    ADVICE_REQUESTED = "advice_requested"
    ADVICE_RECEIVED = "advice_received"
    ADVICE_WITHDRAWN = "advice_withdrawn"
    DECISION_TO_ISSUE = "decision_to_issue"
    DRAFT_ISSUED = "draft_issued"
    COMMENTS_RECEIVED = "comments_received"
    FINAL_ISSUED = "final_issued"
    EXCEPTION_STARTED = "exception_started"
    EXCEPTION_ENDED = "exception_ended"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return _EVENT_LABELS[self]


_EVENT_LABELS: Final = {
    EventKind.REQUEST_RECEIVED: "Request for an assessment received",
    EventKind.DECISION_TO_ASSESS: "Decision whether to assess",
    EventKind.ADVICE_REQUESTED: "Advice requested",
    EventKind.ADVICE_RECEIVED: "Advice received",
    EventKind.ADVICE_WITHDRAWN: "Advice request withdrawn",
    EventKind.DECISION_TO_ISSUE: "Decision whether to issue a plan",
    EventKind.DRAFT_ISSUED: "Draft plan issued",
    EventKind.COMMENTS_RECEIVED: "Family's comments received",
    EventKind.FINAL_ISSUED: "Final plan issued",
    EventKind.EXCEPTION_STARTED: "Exception started",
    EventKind.EXCEPTION_ENDED: "Exception ended",
    EventKind.WITHDRAWN: "Request withdrawn",
}

# Same-day events are replayed in this order: the order of the Regulations.
_KIND_ORDER: Final = {kind: position for position, kind in enumerate(EventKind)}
_EXCEPTION_KINDS: Final = frozenset({EventKind.EXCEPTION_STARTED, EventKind.EXCEPTION_ENDED})


@dataclass(frozen=True)
class Event:
    """One recorded step. Only the field its kind needs is set.

    ``outcome`` for DECISION_TO_ASSESS and DECISION_TO_ISSUE (True = yes);
    ``contributor`` for ADVICE_REQUESTED and ADVICE_RECEIVED;
    ``exception`` for EXCEPTION_STARTED and EXCEPTION_ENDED.
    """

    kind: EventKind
    on: date
    outcome: bool | None = None
    contributor: Contributor | None = None
    exception: ExceptionReason | None = None


class Stage(_Labelled):
    """Where an assessment has got to. Derived from the events, never stored."""

    AWAITING_DECISION_TO_ASSESS = "awaiting_decision_to_assess"
    ASSESSING = "assessing"
    DRAFTING = "drafting"
    DRAFT_ISSUED = "draft_issued"
    FINAL_ISSUED = "final_issued"
    NOT_ASSESSED = "not_assessed"
    NOT_ISSUED = "not_issued"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return _STAGE_LABELS[self]

    @property
    def is_open(self) -> bool:
        return self not in _CLOSED_STAGES


_STAGE_LABELS: Final = {
    Stage.AWAITING_DECISION_TO_ASSESS: "Deciding whether to assess",
    Stage.ASSESSING: "Assessing",
    Stage.DRAFTING: "Writing the draft plan",
    Stage.DRAFT_ISSUED: "Draft plan issued",
    Stage.FINAL_ISSUED: "Plan issued",
    Stage.NOT_ASSESSED: "Decided not to assess",
    Stage.NOT_ISSUED: "Decided not to issue a plan",
    Stage.WITHDRAWN: "Withdrawn",
}
_CLOSED_STAGES: Final = frozenset(
    {Stage.FINAL_ISSUED, Stage.NOT_ASSESSED, Stage.NOT_ISSUED, Stage.WITHDRAWN}
)


class DeadlineState(_Labelled):
    """How a deadline stands. Only MISSED and OVERDUE mean the authority was late."""

    MET = "met"
    MISSED = "missed"
    DUE = "due"
    OVERDUE = "overdue"
    NOT_NEEDED = "not_needed"

    @property
    def label(self) -> str:
        return _STATE_LABELS[self]

    @property
    def is_late(self) -> bool:
        return self in (DeadlineState.MISSED, DeadlineState.OVERDUE)


_STATE_LABELS: Final = {
    DeadlineState.MET: "Met",
    DeadlineState.MISSED: "Missed",
    DeadlineState.DUE: "Due",
    DeadlineState.OVERDUE: "Overdue",
    DeadlineState.NOT_NEEDED: "Not needed",
}


@dataclass(frozen=True)
class Deadline:
    """One statutory time limit as it stands on ``today``.

    ``days_late`` is positive only when MISSED (done late) or OVERDUE (counted to today);
    ``days_left`` is set only when DUE. ``excepted`` means a recorded exception was in
    force during the period, so lateness is excused in DfE's "excluding exceptions"
    figures; the state still says honestly whether the date was met.
    """

    key: str
    label: str
    due_on: date
    done_on: date | None
    state: DeadlineState
    days_late: int
    days_left: int | None
    excepted: bool
    citation: str


@dataclass(frozen=True)
class AssessmentClock:
    """Everything the Regulations say about one assessment, as of ``today``."""

    received_on: date
    stage: Stage
    deadlines: tuple[Deadline, ...]
    next_deadline: Deadline | None
    final_plan_due_on: date
    days_left_on_20_weeks: int | None
    exceptions: tuple[tuple[ExceptionReason, date, date | None], ...]
    exceptions_apply: bool
    is_open: bool

    def deadline(self, key: str) -> Deadline | None:
        """The deadline with this key, or None if the case has none."""
        return next((d for d in self.deadlines if d.key == key), None)


# --- Dates -----------------------------------------------------------------------------


def render_date(day: date) -> str:
    """A date as GOV.UK style writes it: "1 September 2025" (GOV.UK style guide, Dates)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _weeks_after(trigger: date, weeks: int) -> date:
    # Calendar weeks, trigger day excluded [U]: see TRIGGER_DAY_EXCLUDED.
    return trigger + timedelta(weeks=weeks) - timedelta(days=0 if TRIGGER_DAY_EXCLUDED else 1)


def assessment_due_dates(received_on: date) -> dict[str, date]:
    """The statutory dates that run from receipt of a request for an EHC needs assessment.

    Keys: ``decision_to_assess`` (6 weeks, SEND Regulations 2014, reg. 5(1)), ``advice``
    (6 weeks, reg. 8(1): the date advice would be due if every body were asked on the day
    the request arrived - a planning date; each body's real date is ``advice_due_on`` of
    the day it was asked), ``decision_not_to_issue`` (16 weeks, reg. 10(1)) and
    ``final_plan`` (20 weeks, reg. 13(2)).
    """
    return {
        "decision_to_assess": _weeks_after(received_on, DECISION_TO_ASSESS_WEEKS),
        "advice": advice_due_on(received_on),
        "decision_not_to_issue": _weeks_after(received_on, DECISION_NOT_TO_ISSUE_WEEKS),
        "final_plan": _weeks_after(received_on, FINAL_PLAN_WEEKS),
    }


def advice_due_on(requested_on: date) -> date:
    """When a body asked for advice or co-operation must comply: SEND Regulations 2014,
    reg. 8(1), 6 weeks from the authority's request [S].

    Reg. 8(2) excuses the body in some cases (exceptional circumstances affecting the
    family, absence from the area, a missed appointment for an examination or test; one
    limb unverified [U]). The clock treats recorded exceptions (c) and (d) as covering
    those; a missed appointment is not modelled.
    """
    return _weeks_after(requested_on, ADVICE_WEEKS)


def comments_close_on(draft_served_on: date) -> date:
    """Last day of the family's window to comment on a draft plan: SEND Regulations 2014,
    reg. 13(1)(a), "at least 15 days beginning with the day on which the draft plan was
    served" - the service day is day 1 [V], so the window closes 14 days later.

    Pass the day the draft was served. The Regulations have no deemed-service rule; for a
    posted draft, Interpretation Act 1978 s.7 may apply [U], so record the later of sent
    and served.
    """
    return draft_served_on + timedelta(days=COMMENT_DAYS - 1)


def within_20_weeks(received_on: date, final_issued_on: date) -> bool:
    """Whether a final plan met the 20-week limit: SEND Regulations 2014, reg. 13(2).

    Also DfE's SEN2 "within 20 weeks" measure, taken as issue date <= received + 140 days
    (DfE's own day arithmetic is unpublished [U]).
    """
    return final_issued_on <= _weeks_after(received_on, FINAL_PLAN_WEEKS)


# --- Replaying the events --------------------------------------------------------------


@dataclass
class _Advice:
    contributor: Contributor
    requested_on: date
    received_on: date | None = None
    withdrawn_on: date | None = None  # the council no longer needs it: not due, never late
    number: int = 1  # 1 for the first request to this contributor, 2 for the next...


@dataclass
class _Period:
    reason: ExceptionReason
    start: date
    end: date | None = None


@dataclass
class _Facts:
    """What the events say, replayed in date order then the Regulations' order."""

    received_on: date
    last_step_on: date
    decision_to_assess: Event | None = None
    decision_to_issue: Event | None = None
    draft_on: date | None = None
    comments_on: date | None = None
    final_on: date | None = None
    withdrawn_on: date | None = None
    advice: list[_Advice] = field(default_factory=list)
    periods: list[_Period] = field(default_factory=list)

    @property
    def assessing(self) -> bool:
        return self.decision_to_assess is not None and self.decision_to_assess.outcome is True

    @property
    def issuing(self) -> bool:
        return self.decision_to_issue is not None and self.decision_to_issue.outcome is True

    def open_advice(self, contributor: Contributor) -> _Advice | None:
        return next(
            (
                a
                for a in self.advice
                if a.contributor == contributor and a.received_on is None and not a.withdrawn_on
            ),
            None,
        )

    def open_period(self, reason: ExceptionReason) -> _Period | None:
        return next((p for p in self.periods if p.reason == reason and p.end is None), None)


def _sorted(events: Iterable[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.on, _KIND_ORDER[e.kind]))


def _replay(events: Sequence[Event]) -> _Facts:
    requests = [e for e in events if e.kind == EventKind.REQUEST_RECEIVED]
    if len(requests) != 1:
        raise ValueError(f"Expected exactly one REQUEST_RECEIVED event, found {len(requests)}.")
    steps = [e.on for e in events if e.kind not in _EXCEPTION_KINDS]
    facts = _Facts(received_on=requests[0].on, last_step_on=max(steps))
    for event in _sorted(events):
        _apply(facts, event)
    return facts


def _apply(facts: _Facts, event: Event) -> None:
    # The first record of a one-off step wins; refusal_for stops duplicates anyway.
    match event.kind:
        case EventKind.DECISION_TO_ASSESS if facts.decision_to_assess is None:
            _needed(event, event.outcome, "outcome")
            facts.decision_to_assess = event
        case EventKind.DECISION_TO_ISSUE if facts.decision_to_issue is None:
            _needed(event, event.outcome, "outcome")
            facts.decision_to_issue = event
        case EventKind.ADVICE_REQUESTED | EventKind.ADVICE_RECEIVED | EventKind.ADVICE_WITHDRAWN:
            _apply_advice(facts, event)
        case EventKind.EXCEPTION_STARTED | EventKind.EXCEPTION_ENDED:
            _apply_exception(facts, event)
        case EventKind.DRAFT_ISSUED if facts.draft_on is None:
            facts.draft_on = event.on
        case EventKind.COMMENTS_RECEIVED if facts.comments_on is None:
            facts.comments_on = event.on
        case EventKind.FINAL_ISSUED if facts.final_on is None:
            facts.final_on = event.on
        case EventKind.WITHDRAWN if facts.withdrawn_on is None:
            facts.withdrawn_on = event.on


def _needed[T](event: Event, value: T | None, name: str) -> T:
    if value is None:
        raise ValueError(f"A {event.kind} event needs its {name}.")
    return value


def _apply_advice(facts: _Facts, event: Event) -> None:
    who = _needed(event, event.contributor, "contributor")
    if event.kind == EventKind.ADVICE_REQUESTED:
        number = 1 + sum(1 for a in facts.advice if a.contributor == who)
        facts.advice.append(_Advice(who, event.on, number=number))
    elif (request := facts.open_advice(who)) is None:
        return
    elif event.kind == EventKind.ADVICE_WITHDRAWN:
        request.withdrawn_on = event.on
    else:
        # First in, first out: same-day re-requests still pair with the right receipt.
        request.received_on = event.on


def _apply_exception(facts: _Facts, event: Event) -> None:
    reason = _needed(event, event.exception, "exception")
    if event.kind == EventKind.EXCEPTION_STARTED:
        facts.periods.append(_Period(reason, event.on))
    elif (period := facts.open_period(reason)) is not None:
        period.end = event.on


def _stage(facts: _Facts) -> Stage:
    if facts.withdrawn_on is not None:
        return Stage.WITHDRAWN
    if facts.decision_to_assess is None:
        return Stage.AWAITING_DECISION_TO_ASSESS
    if not facts.assessing:
        return Stage.NOT_ASSESSED
    if facts.decision_to_issue is None:
        return Stage.ASSESSING
    if not facts.issuing:
        return Stage.NOT_ISSUED
    if facts.draft_on is None:
        return Stage.DRAFTING
    if facts.final_on is None:
        return Stage.DRAFT_ISSUED
    return Stage.FINAL_ISSUED


# The steps that end an assessment: a decision not to assess (reg. 5(1)) or not to issue
# (reg. 10(1)), the final plan (reg. 13(2)), or the request withdrawn. `refusal_for` refuses
# every step after one, so a timeline that holds one is closed for good. As (kind, outcome)
# pairs, so a database can find open cases without replaying every timeline.
CLOSING_STEPS: Final = frozenset(
    {
        (EventKind.DECISION_TO_ASSESS, False),
        (EventKind.DECISION_TO_ISSUE, False),
        (EventKind.FINAL_ISSUED, None),
        (EventKind.WITHDRAWN, None),
    }
)
_DECISIONS: Final = frozenset({EventKind.DECISION_TO_ASSESS, EventKind.DECISION_TO_ISSUE})


def closes_the_case(event: Event) -> bool:
    """Whether ``event`` ends the EHC needs assessment (SEND Regulations 2014, regs 5(1),
    10(1) and 13(2); or the request withdrawn), after which no step may be recorded."""
    outcome = event.outcome if event.kind in _DECISIONS else None
    return (event.kind, outcome) in CLOSING_STEPS


# --- Deadlines -------------------------------------------------------------------------

_ALL_REASONS: Final = frozenset(ExceptionReason)
# Reg. 8(2) excuses bodies for the family's circumstances or absence; closures are not
# among its limbs [S/U], so only (c) and (d) excuse advice.
_ADVICE_REASONS: Final = frozenset(
    {ExceptionReason.PERSONAL_CIRCUMSTANCES, ExceptionReason.ABSENT_FROM_AREA}
)


@dataclass(frozen=True)
class _Limit:
    """A time limit before its state is worked out."""

    key: str
    label: str
    citation: str
    trigger: date
    due_on: date
    done_on: date | None
    stopped_on: date | None  # the day it stopped being owed (case closed, duty fell away)
    reasons: frozenset[ExceptionReason]


def _qualifies(period: _Period) -> bool:
    # A finished closure or absence shorter than 4 weeks is not an exception. One still
    # running counts: it was recorded as in force.
    if period.end is None or not period.reason.needs_four_weeks:
        return True
    return period.end - period.start >= QUALIFYING_PERIOD


def _excepted(limit: _Limit, periods: Sequence[_Period]) -> bool:
    # The period runs from the trigger to the due date, or to the day the step was done
    # (or stopped being owed) if earlier: an exception arising after that excuses nothing.
    end = min(limit.due_on, limit.done_on or limit.stopped_on or limit.due_on)
    return any(
        p.reason in limit.reasons
        and _qualifies(p)
        and p.start <= end
        and (p.end is None or p.end >= limit.trigger)
        for p in periods
    )


def _judge(limit: _Limit, today: date, periods: Sequence[_Period]) -> Deadline:
    done, due = limit.done_on, limit.due_on
    late, left = 0, None
    if done is not None:
        state = DeadlineState.MET if done <= due else DeadlineState.MISSED
        late = max(0, (done - due).days)
    elif limit.stopped_on is not None:
        state = DeadlineState.NOT_NEEDED
    elif today <= due:
        state, left = DeadlineState.DUE, (due - today).days
    else:
        state, late = DeadlineState.OVERDUE, (today - due).days
    return Deadline(
        key=limit.key,
        label=limit.label,
        due_on=due,
        done_on=done,
        state=state,
        days_late=late,
        days_left=left,
        excepted=_excepted(limit, periods),
        citation=limit.citation,
    )


def _comments_deadline(
    draft_on: date, comments_on: date | None, closed_on: date | None, today: date
) -> Deadline:
    # The 15 days are the family's right, not a duty on the authority, so this deadline is
    # never late: DUE while the window is open, MET once comments arrive or it closes,
    # NOT_NEEDED if the case closed (withdrawn) while it was still open.
    due = comments_close_on(draft_on)
    state = DeadlineState.MET
    if comments_on is None and closed_on is not None and closed_on <= due:
        state = DeadlineState.NOT_NEEDED
    elif comments_on is None and today <= due:
        state = DeadlineState.DUE
    return Deadline(
        key="comments",
        label="Family's comments on the draft",
        due_on=due,
        done_on=comments_on,
        state=state,
        days_late=0,
        days_left=(due - today).days if state is DeadlineState.DUE else None,
        excepted=False,
        citation=_cite("13(1)(a)"),
    )


def _closed_on(facts: _Facts, stage: Stage) -> date | None:
    match stage:
        case Stage.WITHDRAWN:
            return facts.withdrawn_on
        case Stage.NOT_ASSESSED if facts.decision_to_assess is not None:
            return facts.decision_to_assess.on
        case Stage.NOT_ISSUED if facts.decision_to_issue is not None:
            return facts.decision_to_issue.on
        case Stage.FINAL_ISSUED:
            return facts.final_on
        case _:
            return None


def _advice_limits(facts: _Facts, closed_on: date | None) -> list[_Limit]:
    return [
        _Limit(
            key=f"advice:{a.contributor.value}" + (f":{a.number}" if a.number > 1 else ""),
            label=a.contributor.advice_label + (f" (request {a.number})" if a.number > 1 else ""),
            citation=_cite("8(1)"),
            trigger=a.requested_on,
            due_on=advice_due_on(a.requested_on),
            done_on=a.received_on,
            stopped_on=min(filter(None, (a.withdrawn_on, closed_on)), default=None),
            reasons=_ADVICE_REASONS,
        )
        for a in sorted(facts.advice, key=_advice_order)
    ]


def _advice_order(advice: _Advice) -> tuple[date, int, int]:
    # Deterministic whatever order same-day events arrived in.
    return advice.requested_on, list(Contributor).index(advice.contributor), advice.number


def _limits(facts: _Facts, closed_on: date | None) -> tuple[list[_Limit], _Limit]:
    """The limits before the family's comment window, in statutory order, and the last."""
    due = assessment_due_dates(facts.received_on)
    to_assess, to_issue = facts.decision_to_assess, facts.decision_to_issue
    decided_not_to_issue = to_issue.on if to_issue and to_issue.outcome is False else None
    # The 16-week limit binds only a decision NOT to issue: a yes ends it.
    yes_to_issue = to_issue.on if to_issue and to_issue.outcome is True else None
    before = [
        _Limit(
            "decision_to_assess",
            "Decide whether to assess",
            _cite("5(1)"),
            facts.received_on,
            due["decision_to_assess"],
            to_assess.on if to_assess else None,
            stopped_on=closed_on,
            reasons=_ALL_REASONS,
        ),
        *_advice_limits(facts, closed_on),
        _Limit(
            "decision_not_to_issue",
            "Decide whether to issue a plan",
            _cite("10(1)"),
            facts.received_on,
            due["decision_not_to_issue"],
            decided_not_to_issue,
            stopped_on=yes_to_issue or closed_on,
            reasons=_ALL_REASONS,
        ),
    ]
    final = _Limit(
        "final_plan",
        "Issue the final plan",
        _cite("13(2)"),
        facts.received_on,
        due["final_plan"],
        facts.final_on,
        stopped_on=closed_on,
        reasons=_ALL_REASONS,
    )
    return before, final


def _deadlines(facts: _Facts, stage: Stage, today: date) -> tuple[Deadline, ...]:
    closed_on = _closed_on(facts, stage)
    before, final = _limits(facts, closed_on)
    judged = [_judge(limit, today, facts.periods) for limit in before]
    if facts.draft_on is not None:
        judged.append(_comments_deadline(facts.draft_on, facts.comments_on, closed_on, today))
    judged.append(_judge(final, today, facts.periods))
    return tuple(judged)


def _period_order(period: _Period) -> tuple[date, str]:
    return period.start, period.reason.value


def assessment_clock(events: Sequence[Event], today: date) -> AssessmentClock:
    """The statutory clock for one EHC needs assessment, as of ``today``.

    ``events`` must hold exactly one REQUEST_RECEIVED (the trigger) and may come in any
    order: they are replayed by date, then in the Regulations' order of steps. Deadlines
    follow SEND Regulations 2014, reg. 5(1) (decide whether to assess, 6 weeks), reg. 8(1)
    (each body's advice, 6 weeks from being asked), reg. 10(1) (decide not to issue, 16
    weeks), reg. 13(1)(a) (family's 15 days on the draft) and reg. 13(2) (final plan, 20
    weeks). Exceptions are reg. 5(4), 10(4) and 13(3).

    Raises ValueError for events no service should have stored (no request, two requests,
    a decision without its outcome, advice without its contributor, an exception event
    without its reason).
    """
    facts = _replay(events)
    stage = _stage(facts)
    deadlines = _deadlines(facts, stage, today)
    final = next(d for d in deadlines if d.key == "final_plan")
    upcoming = [d for d in deadlines if d.state in (DeadlineState.DUE, DeadlineState.OVERDUE)]
    return AssessmentClock(
        received_on=facts.received_on,
        stage=stage,
        deadlines=deadlines,
        next_deadline=min(upcoming, key=lambda d: d.due_on) if upcoming and stage.is_open else None,
        final_plan_due_on=final.due_on,
        days_left_on_20_weeks=(final.due_on - today).days if stage.is_open else None,
        exceptions=tuple(
            (p.reason, p.start, p.end) for p in sorted(facts.periods, key=_period_order)
        ),
        exceptions_apply=final.excepted,
        is_open=stage.is_open,
    )


# --- What may be recorded next ---------------------------------------------------------

_DETAILS: Final = {
    EventKind.DECISION_TO_ASSESS: ("outcome", "Say whether the decision was yes or no."),
    EventKind.DECISION_TO_ISSUE: ("outcome", "Say whether the decision was yes or no."),
    EventKind.ADVICE_REQUESTED: ("contributor", "Say whose advice this is."),
    EventKind.ADVICE_RECEIVED: ("contributor", "Say whose advice this is."),
    EventKind.ADVICE_WITHDRAWN: ("contributor", "Say whose advice this is."),
    EventKind.EXCEPTION_STARTED: ("exception", "Say which exception this is."),
    EventKind.EXCEPTION_ENDED: ("exception", "Say which exception this is."),
}


def refusal_for(events: Sequence[Event], new: Event, today: date) -> str | None:
    """Why ``new`` may not be recorded after ``events``, in words a case officer
    understands; None if it may.

    The order of steps follows the SEND Regulations 2014: decision whether to assess
    (reg. 5), advice (regs 6 and 8), decision whether to issue (reg. 10), draft plan and the
    family's 15 days (reg. 13(1)), final plan (reg. 13(2)); exceptions are reg. 10(4).
    Rules:

    - the request comes first and only once; nothing is dated in the future or before it;
    - steps are recorded in date order: a step cannot be dated before the latest step
      already recorded. Exception start and end dates may be back-dated within the case;
    - a closed case (plan issued, not assessed, not issued, withdrawn) takes no more steps;
    - each decision, the draft, the comments and the final plan are recorded once;
    - advice is requested only after a yes to assess and before the decision whether to
      issue, with one open request per contributor; it is received only against an open
      request. Advice may still be outstanding when the decision to issue is made;
    - a draft only after a yes to issue; comments only after the draft;
    - the final plan only after the draft and after the family's 15 days, unless their
      comments have arrived;
    - withdrawal is allowed at any point while the case is open;
    - one exception of each kind at a time; a new one cannot start before the last one of
      that kind ended; an exception cannot end before it started.
    """
    if (detail := _missing_detail(new)) is not None:
        return detail
    if new.on > today:
        return "The date cannot be in the future."
    if not events:
        if new.kind == EventKind.REQUEST_RECEIVED:
            return None
        return "Record the date the request was received first."
    facts = _replay(events)
    return _case_refusal(facts, new) or _STEP_RULES[new.kind](facts, new)


def _missing_detail(new: Event) -> str | None:
    if new.kind not in _DETAILS:
        return None
    name, message = _DETAILS[new.kind]
    return message if getattr(new, name) is None else None


def _case_refusal(facts: _Facts, new: Event) -> str | None:
    received = render_date(facts.received_on)
    if new.kind == EventKind.REQUEST_RECEIVED:
        return f"The request has already been recorded as received on {received}."
    stage = _stage(facts)
    if not stage.is_open:
        return f"This case is closed ({stage.label.lower()}), so no more steps can be recorded."
    if new.on < facts.received_on:
        return f"The date cannot be before the request was received on {received}."
    if new.kind not in _EXCEPTION_KINDS and new.on < facts.last_step_on:
        last = render_date(facts.last_step_on)
        return f"The date cannot be before the last recorded step ({last})."
    return None


def _refuse_decision_to_assess(facts: _Facts, new: Event) -> str | None:
    if facts.decision_to_assess is not None:
        return "The decision whether to assess has already been recorded."
    return None


def _refuse_advice_requested(facts: _Facts, new: Event) -> str | None:
    who = _needed(new, new.contributor, "contributor")
    if not facts.assessing:
        return "Advice can only be requested after deciding to assess."
    if facts.decision_to_issue is not None:
        return "Advice cannot be requested after the decision whether to issue a plan."
    if facts.open_advice(who) is not None:
        return f"{who.advice_label} has already been requested and not yet received."
    return None


def _refuse_advice_received(facts: _Facts, new: Event) -> str | None:
    who = _needed(new, new.contributor, "contributor")
    if facts.open_advice(who) is not None:
        return None
    if any(a.contributor == who for a in facts.advice):
        return f"{who.advice_label} has already been received."
    return f"{who.advice_label} was not requested."


def _refuse_advice_withdrawn(facts: _Facts, new: Event) -> str | None:
    """A request can be withdrawn while it is outstanding (the council decides it no longer
    needs that advice); the reg. 8(1) limit then no longer applies to it."""
    who = _needed(new, new.contributor, "contributor")
    if facts.open_advice(who) is None:
        return f"There is no outstanding request for {who.advice_label.lower()}."
    return None


def _refuse_decision_to_issue(facts: _Facts, new: Event) -> str | None:
    if not facts.assessing:
        return "The decision whether to issue a plan can only be made after deciding to assess."
    if facts.decision_to_issue is not None:
        return "The decision whether to issue a plan has already been recorded."
    return None


def _refuse_draft(facts: _Facts, new: Event) -> str | None:
    if not facts.issuing:
        return "A draft plan can only be issued after deciding to issue a plan."
    if facts.draft_on is not None:
        return "A draft plan has already been issued."
    return None


def _refuse_comments(facts: _Facts, new: Event) -> str | None:
    if facts.draft_on is None:
        return "The family's comments can only be recorded after a draft plan is issued."
    if facts.comments_on is not None:
        return "The family's comments have already been recorded."
    return None


def _refuse_final(facts: _Facts, new: Event) -> str | None:
    if facts.draft_on is None:
        return "A final plan cannot be issued before a draft plan."
    closes = comments_close_on(facts.draft_on)
    if facts.comments_on is None and new.on <= closes:
        return (
            "The final plan cannot be issued before the family's 15 days to comment end on "
            f"{render_date(closes)}, unless their comments have been received."
        )
    return None


def _refuse_exception_started(facts: _Facts, new: Event) -> str | None:
    reason = _needed(new, new.exception, "exception")
    name = reason.label[0].lower() + reason.label[1:]
    if facts.open_period(reason) is not None:
        return f"An exception for {name} is already in force."
    ends = [p.end for p in facts.periods if p.reason == reason and p.end is not None]
    if ends and new.on < max(ends):
        last = render_date(max(ends))
        return f"An exception for {name} cannot start before the last one ended on {last}."
    return None


def _refuse_exception_ended(facts: _Facts, new: Event) -> str | None:
    period = facts.open_period(_needed(new, new.exception, "exception"))
    if period is None:
        return "No exception of that kind is in force."
    if new.on < period.start:
        return f"An exception cannot end before it started on {render_date(period.start)}."
    return None


def _no_refusal(facts: _Facts, new: Event) -> str | None:
    return None


_STEP_RULES: Final = {
    EventKind.REQUEST_RECEIVED: _no_refusal,  # refused earlier unless it is the first event
    EventKind.DECISION_TO_ASSESS: _refuse_decision_to_assess,
    EventKind.ADVICE_REQUESTED: _refuse_advice_requested,
    EventKind.ADVICE_RECEIVED: _refuse_advice_received,
    EventKind.ADVICE_WITHDRAWN: _refuse_advice_withdrawn,
    EventKind.DECISION_TO_ISSUE: _refuse_decision_to_issue,
    EventKind.DRAFT_ISSUED: _refuse_draft,
    EventKind.COMMENTS_RECEIVED: _refuse_comments,
    EventKind.FINAL_ISSUED: _refuse_final,
    EventKind.EXCEPTION_STARTED: _refuse_exception_started,
    EventKind.EXCEPTION_ENDED: _refuse_exception_ended,
    EventKind.WITHDRAWN: _no_refusal,  # any open case may be withdrawn
}
