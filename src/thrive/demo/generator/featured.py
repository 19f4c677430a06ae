"""The demo's featured cases: the first children of every area are shaped so each family
sign-in has something to do (`thrive.demo.users`). Their timelines are fixed offsets from
today, checked by the law like every other."""

from datetime import date, timedelta
from enum import StrEnum
from typing import Final, NamedTuple

from thrive.law.clock import Contributor, Event, EventKind

from .contents import Featured

K = EventKind
C = Contributor


class DemoCase(StrEnum):
    #: The draft plan was served 3 days ago: the family's 15 days to comment are open.
    DRAFT_OPEN = "draft_open"
    #: Assessing: the psychologist (asked by name) and the school have not yet advised.
    ADVICE_OUTSTANDING = "advice_outstanding"
    #: A young person of 17 with a final plan.
    FINAL_PLAN = "final_plan"


class Shape(NamedTuple):
    age: int  # on today
    primary_need: str
    placement: str  # caseload.csv placement group
    request_source: str
    featured: Featured
    #: (kind, days after the request, contributor, outcome)
    steps: tuple[tuple[EventKind, int, Contributor | None, bool | None], ...]
    received_days_ago: int


def _advice(
    asked: int, *contributors: Contributor
) -> tuple[tuple[EventKind, int, Contributor, None], ...]:
    return tuple((K.ADVICE_REQUESTED, asked, c, None) for c in contributors)


SHAPES: Final = {
    DemoCase.DRAFT_OPEN: Shape(
        age=7, primary_need="ASD", placement="mainstream", request_source="1",
        featured=Featured(weak=False, family_views=True, portal=True, ep_by_name=False),
        steps=(
            (K.DECISION_TO_ASSESS, 35, None, True),
            *_advice(37, C.EDUCATIONAL_PSYCHOLOGY, C.EDUCATION, C.HEALTH),
            (K.ADVICE_RECEIVED, 66, C.EDUCATION, None),
            (K.ADVICE_RECEIVED, 72, C.EDUCATIONAL_PSYCHOLOGY, None),
            (K.ADVICE_RECEIVED, 78, C.HEALTH, None),
            (K.DECISION_TO_ISSUE, 84, None, True),
            (K.DRAFT_ISSUED, 98, None, None),
        ),
        received_days_ago=101,
    ),
    DemoCase.ADVICE_OUTSTANDING: Shape(
        age=9, primary_need="SLCN", placement="mainstream", request_source="2",
        featured=Featured(family_views=False, portal=True, ep_by_name=True),
        steps=(
            (K.DECISION_TO_ASSESS, 36, None, True),
            *_advice(38, C.EDUCATIONAL_PSYCHOLOGY, C.EDUCATION, C.HEALTH),
            (K.ADVICE_RECEIVED, 55, C.HEALTH, None),
        ),
        received_days_ago=62,
    ),
    DemoCase.FINAL_PLAN: Shape(
        age=17, primary_need="SEMH", placement="fe", request_source="1",
        featured=Featured(weak=False, family_views=True, portal=True, ep_by_name=False,
                          own_voice=True),
        steps=(
            (K.DECISION_TO_ASSESS, 34, None, True),
            *_advice(36, C.EDUCATIONAL_PSYCHOLOGY, C.EDUCATION, C.HEALTH, C.SOCIAL_CARE),
            (K.ADVICE_RECEIVED, 64, C.EDUCATION, None),
            (K.ADVICE_RECEIVED, 70, C.EDUCATIONAL_PSYCHOLOGY, None),
            (K.ADVICE_RECEIVED, 75, C.HEALTH, None),
            (K.ADVICE_RECEIVED, 80, C.SOCIAL_CARE, None),
            (K.DECISION_TO_ISSUE, 90, None, True),
            (K.DRAFT_ISSUED, 104, None, None),
            (K.COMMENTS_RECEIVED, 111, None, None),
            (K.FINAL_ISSUED, 130, None, None),
        ),
        received_days_ago=330,
    ),
}  # fmt: skip

#: Child number i of every area is shaped as DEMO_CASES[i].
DEMO_CASES: Final = tuple(DemoCase)


def demo_case(number: int) -> DemoCase | None:
    return DEMO_CASES[number] if number < len(DEMO_CASES) else None


def shaped_events(shape: Shape, today: date) -> tuple[Event, ...]:
    received = today - timedelta(days=shape.received_days_ago)
    events = [Event(K.REQUEST_RECEIVED, received)]
    for kind, day, contributor, outcome in shape.steps:
        events.append(Event(kind, received + timedelta(days=day), outcome, contributor))
    return tuple(events)


def born_aged(age: int, today: date, days_past_birthday: int) -> date:
    """A birthday ``days_past_birthday`` days (under a year) before ``today``, ``age`` years on."""
    try:
        birthday = today.replace(year=today.year - age)
    except ValueError:  # 29 February
        birthday = today.replace(year=today.year - age, day=28)
    return birthday - timedelta(days=days_past_birthday)
