"""One EHC needs assessment's timeline, drawn to match England's published outcomes and
accepted only step by step through `thrive.law.clock.refusal_for`, so no synthetic case
has a history the service itself would refuse to record."""

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from typing import Final, NamedTuple

from thrive.demo.calibration import Calibration
from thrive.law.clock import Contributor, Event, EventKind, ExceptionReason, refusal_for

K = EventKind

# --- Not published nationally: assumptions, kept in one place --------------------------

#: Who asks for the assessment (SEN2 RequestSource codes; mandatory only from 2026, so
#: DfE has published no national split yet) [assumption].
REQUEST_SOURCE_WEIGHTS: Final = {"1": 0.46, "2": 0.42, "3": 0.07, "4": 0.03, "5": 0.02}
#: How often each body is asked for advice (reg. 6(1)); psychology always [assumption].
ADVICE_ODDS: Final = {
    Contributor.EDUCATIONAL_PSYCHOLOGY: 1.0,
    Contributor.EDUCATION: 0.85,
    Contributor.HEALTH: 0.7,
    Contributor.SOCIAL_CARE: 0.35,
    Contributor.OTHER: 0.05,
}
ADVICE_ON_TIME: Final = 0.8  # share of advice returned within 6 weeks [assumption]
COMMENTS_RECEIVED: Final = 0.85  # families who send comments on the draft [assumption]
#: Why an exception applied, for plans DfE counts as having one [assumption].
EXCEPTION_REASON_WEIGHTS: Final = {"closure": 0.25, "c": 0.5, "d": 0.25}

_DAY: Final = timedelta(days=1)
_KIND_ORDER: Final = {kind: position for position, kind in enumerate(EventKind)}  # as clock
_WEEKS_6, _WEEKS_16, _WEEKS_20, _WEEKS_52 = 42, 112, 140, 364  # days, trigger day excluded


class Route(Enum):
    """How the request ends, if nothing stops it first (today, or a refusal)."""

    WITHDRAWN_BEFORE_DECISION = "withdrawn_before_decision"
    REFUSED = "refused"
    WITHDRAWN_DURING_ASSESSMENT = "withdrawn_during_assessment"
    NOT_ISSUED = "not_issued"
    ISSUED = "issued"


@dataclass(frozen=True)
class Odds:
    """The calibration turned into the probabilities each draw needs."""

    request_withdrawn: float
    refused: float
    assessment_withdrawn: float
    not_issued: float
    not_issued_within_16_weeks: float
    with_exception: float
    decision_late: float  # for requests not bound for a plan within 20 weeks
    buckets_with_exception: tuple[tuple[str, ...], tuple[float, ...]]
    buckets_without_exception: tuple[tuple[str, ...], tuple[float, ...]]

    @classmethod
    def from_calibration(cls, calibration: Calibration) -> "Odds":
        refused = calibration.share("requests", "refused")
        withdrawn = calibration.share("requests", "withdrawn")
        assessment_withdrawn = calibration.share("assessments", "withdrawn")
        not_issued = calibration.share("assessments", "not_issued")
        within_20 = calibration.weights("timeliness", "all_plans")["within_20_weeks"]
        # A plan issued within 20 weeks needs its decision to assess within 6, so those
        # decisions are on time; the rest carry all the lateness DfE reports.
        assessed = 1 - refused - withdrawn
        decided = 1 - withdrawn
        on_time_share = assessed * (1 - not_issued - assessment_withdrawn) * within_20 / decided
        late = 1 - calibration.share("requests", "decided_within_6_weeks")
        return cls(
            request_withdrawn=withdrawn,
            refused=refused,
            assessment_withdrawn=assessment_withdrawn,
            not_issued=not_issued,
            not_issued_within_16_weeks=calibration.share(
                "assessments", "not_issued_within_16_weeks"
            ),
            with_exception=calibration.share("timeliness", "with_exception"),
            decision_late=min(1.0, late / (1 - on_time_share)),
            buckets_with_exception=_buckets(calibration, "plans_with_exception"),
            buckets_without_exception=_buckets(calibration, "plans_without_exception"),
        )


def _buckets(calibration: Calibration, key: str) -> tuple[tuple[str, ...], tuple[float, ...]]:
    weights = calibration.weights("timeliness", key)
    return tuple(weights), tuple(weights.values())


@dataclass(frozen=True, slots=True)
class Timeline:
    request_source: str
    events: tuple[Event, ...]
    refused: int  # steps refusal_for would not accept (the timeline stops there)

    @property
    def plan_issued(self) -> bool:
        return any(event.kind is K.FINAL_ISSUED for event in self.events)


def _route(rng: random.Random, odds: Odds) -> Route:
    draw = rng.random()
    if draw < odds.request_withdrawn:
        return Route.WITHDRAWN_BEFORE_DECISION
    if draw < odds.request_withdrawn + odds.refused:
        return Route.REFUSED
    draw = rng.random()
    if draw < odds.assessment_withdrawn:
        return Route.WITHDRAWN_DURING_ASSESSMENT
    if draw < odds.assessment_withdrawn + odds.not_issued:
        return Route.NOT_ISSUED
    return Route.ISSUED


def _decision_day(rng: random.Random, late: bool) -> int:
    """Days from the request to the decision whether to assess (reg. 5(1): 6 weeks)."""
    if late:
        return round(rng.triangular(_WEEKS_6 + 1, 12 * 7, _WEEKS_6 + 7))
    return round(rng.triangular(14, _WEEKS_6, 38))


def _issue_day(rng: random.Random, bucket: str, decided: int) -> int:
    """Days from the request to the final plan, within DfE's timeliness bucket."""
    if bucket == "within_20_weeks":
        return round(rng.triangular(max(decided + 63, 84), _WEEKS_20, _WEEKS_20))
    if bucket == "20_to_52_weeks":
        return round(rng.triangular(_WEEKS_20 + 1, _WEEKS_52, _WEEKS_20 + 21))
    return round(rng.triangular(_WEEKS_52 + 1, _WEEKS_52 + 26 * 7, _WEEKS_52 + 1))


@dataclass
class _Draft:
    """Events under construction, as day offsets from the request."""

    received: date
    events: list[Event]

    def add(
        self,
        kind: EventKind,
        day: int,
        *,
        outcome: bool | None = None,
        contributor: Contributor | None = None,
        exception: ExceptionReason | None = None,
    ) -> None:
        on = self.received + day * _DAY
        self.events.append(Event(kind, on, outcome, contributor, exception))


class _Asked(NamedTuple):
    contributor: Contributor
    asked: int  # days from the request
    back: int  # when the advice would come back, if the case is still open then


def _advice(rng: random.Random, decided: int, school_age: bool) -> list[_Asked]:
    """Which bodies are asked for advice after the decision to assess, and when each would
    answer."""
    asked = []
    for contributor, odds in ADVICE_ODDS.items():
        if contributor is Contributor.EDUCATION and not school_age:
            odds /= 2  # under-4s less often have a nursery or school to advise
        if rng.random() >= odds:
            continue
        day = decided + rng.randrange(0, 6)
        on_time = rng.random() < ADVICE_ON_TIME
        back = day + (rng.randrange(10, _WEEKS_6 + 1) if on_time else rng.randrange(43, 99))
        asked.append(_Asked(contributor, day, back))
    return asked


def _record_advice(draft: _Draft, asked: Sequence[_Asked], *, until: int, closes: int) -> None:
    """Record the requests and the advice that came back before day ``until``. The council
    withdraws the requests still outstanding on day ``closes``, when the case closes, so
    nobody is left writing advice for a closed case."""
    for request in asked:
        draft.add(K.ADVICE_REQUESTED, request.asked, contributor=request.contributor)
        if request.back < until:
            draft.add(K.ADVICE_RECEIVED, request.back, contributor=request.contributor)
        else:
            draft.add(K.ADVICE_WITHDRAWN, closes, contributor=request.contributor)


def _exception(rng: random.Random, draft: _Draft, issued: int, school_age: bool) -> None:
    """An exception in force during the 20 weeks (reg. 10(4), applied by 13(3)), ending
    before the plan is issued. Closures and absence last the 4 weeks they need."""
    kind = rng.choices(tuple(EXCEPTION_REASON_WEIGHTS), tuple(EXCEPTION_REASON_WEIGHTS.values()))
    reason = {
        "closure": ExceptionReason.INSTITUTION_CLOSURE
        if school_age
        else ExceptionReason.EARLY_YEARS_CLOSURE,
        "c": ExceptionReason.PERSONAL_CIRCUMSTANCES,
        "d": ExceptionReason.ABSENT_FROM_AREA,
    }[kind[0]]
    start = rng.randrange(1, min(_WEEKS_20, issued) - 29)
    shortest = 28 if reason.needs_four_weeks else 7
    end = min(start + rng.randrange(shortest, 71), issued - 1)
    draft.add(K.EXCEPTION_STARTED, start, exception=reason)
    draft.add(K.EXCEPTION_ENDED, end, exception=reason)


def _assessment(rng: random.Random, odds: Odds, draft: _Draft, route: Route, age: int) -> None:
    """The steps after a request, along ``route``."""
    school_age = age >= 4
    with_exception = route is Route.ISSUED and rng.random() < odds.with_exception
    buckets = odds.buckets_with_exception if with_exception else odds.buckets_without_exception
    bucket = rng.choices(*buckets)[0] if route is Route.ISSUED else ""
    late = bucket != "within_20_weeks" and rng.random() < odds.decision_late
    decided = _decision_day(rng, late)
    match route:
        case Route.WITHDRAWN_BEFORE_DECISION:
            draft.add(K.WITHDRAWN, rng.randrange(3, decided + 1))
        case Route.REFUSED:
            draft.add(K.DECISION_TO_ASSESS, decided, outcome=False)
        case Route.WITHDRAWN_DURING_ASSESSMENT:
            draft.add(K.DECISION_TO_ASSESS, decided, outcome=True)
            withdrawn = decided + rng.randrange(14, 121)
            asked = _advice(rng, decided, school_age)
            _record_advice(draft, asked, until=withdrawn, closes=withdrawn)
            draft.add(K.WITHDRAWN, withdrawn)
        case Route.NOT_ISSUED:
            draft.add(K.DECISION_TO_ASSESS, decided, outcome=True)
            if rng.random() < odds.not_issued_within_16_weeks:
                day = rng.randrange(max(decided + 28, 70), _WEEKS_16 + 1)
            else:
                day = round(rng.triangular(_WEEKS_16 + 1, 30 * 7, _WEEKS_16 + 14))
            asked = _advice(rng, decided, school_age)
            _record_advice(draft, asked, until=day + 1, closes=day)
            draft.add(K.DECISION_TO_ISSUE, day, outcome=False)
        case Route.ISSUED:
            draft.add(K.DECISION_TO_ASSESS, decided, outcome=True)
            final = _issue_day(rng, bucket, decided)
            _issue(rng, draft, decided, final, school_age)
            if with_exception:
                _exception(rng, draft, final, school_age)


def _issue(rng: random.Random, draft: _Draft, decided: int, final: int, school_age: bool) -> None:
    """Advice, the decision to issue, the draft, the family's comments and the final plan,
    fitted between the decision to assess and the final plan's day."""
    span = final - decided
    to_final = max(15, round(span * rng.uniform(0.12, 0.22)))  # > the family's 15 days
    drafted = final - to_final
    asked = _advice(rng, decided, school_age)
    if asked and all(a.back > drafted - 3 for a in asked):
        # The draft rests on some advice (section K): the psychologist's, asked first,
        # arrives in time for the panel.
        asked[0] = asked[0]._replace(back=drafted - 3)
    _record_advice(draft, asked, until=final, closes=final)
    arrived = [a.back for a in asked if a.back < final]
    decision = drafted - max(5, round(span * rng.uniform(0.12, 0.22)))
    waiting = [day for day in arrived if day <= drafted - 3]
    if waiting and max(waiting) > decision:  # the panel waits for late advice if it can
        decision = max(waiting)
    draft.add(K.DECISION_TO_ISSUE, decision, outcome=True)
    draft.add(K.DRAFT_ISSUED, drafted)
    if rng.random() < COMMENTS_RECEIVED:
        draft.add(K.COMMENTS_RECEIVED, drafted + rng.randrange(3, 15))
    draft.add(K.FINAL_ISSUED, final)


def accepted_steps(events: Sequence[Event], today: date) -> tuple[tuple[Event, ...], int]:
    """The events in the order they happened, up to ``today``, each accepted only if
    `refusal_for` allows it after the ones before; the first refusal ends the timeline.
    Returns the accepted events and how many were refused (0 or 1)."""
    ordered = sorted(events, key=lambda e: (e.on, _KIND_ORDER[e.kind]))
    accepted: list[Event] = []
    for event in ordered:
        if event.on > today:
            break
        if refusal_for(accepted, event, today) is not None:
            return tuple(accepted), 1
        accepted.append(event)
    return tuple(accepted), 0


def plan_timeline(
    rng: random.Random,
    odds: Odds,
    *,
    received: date,
    age: int,
    today: date,
    route: Route | None = None,
) -> Timeline:
    """A case's events from a request received on ``received`` about a child of ``age``,
    ending as ``route`` says or as the calibrated odds draw."""
    source = rng.choices(tuple(REQUEST_SOURCE_WEIGHTS), tuple(REQUEST_SOURCE_WEIGHTS.values()))
    draft = _Draft(received, [Event(K.REQUEST_RECEIVED, received)])
    _assessment(rng, odds, draft, route or _route(rng, odds), age)
    events, refused = accepted_steps(draft.events, today)
    return Timeline(request_source=source[0], events=events, refused=refused)
