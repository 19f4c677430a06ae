"""Plan records for the check tests: `good_plan()` passes every check; each test changes one
thing and expects (or does not expect) one check's finding."""

from dataclasses import replace
from datetime import date
from typing import Any

from thrive.quality.checks import (
    FINAL,
    Advice,
    Finding,
    Need,
    Outcome,
    PlanRecord,
    Provision,
    Views,
    run_checks,
)

READING = Need(1, "B1", "B", "Reads at the level of a typical 7-year-old and finds it hard to "
               "decode unfamiliar words.")  # fmt: skip
EPILEPSY = Need(2, "C1", "C", "Has epilepsy, with a seizure about once a month.")
CLUBS = Need(3, "D1", "D", "Needs an adult with him to take part in activities outside school.")

READ_ALOUD = Outcome(
    11, "E1", "will read a short newspaper article aloud and answer 3 questions about it",
    "By July 2028, the end of Year 11", None, frozenset({1}), "employment",
)  # fmt: skip
SEIZURES = Outcome(
    12, "E2", "will tell an adult when he feels a seizure coming, every time",
    "By the end of Key Stage 4", None, frozenset({2}), "health",
)  # fmt: skip
BUS = Outcome(
    13, "E3", "will travel by bus to the youth club on his own", "By July 2027",
    date(2027, 7, 31), frozenset({3}), "independent_living",
)  # fmt: skip
CLUB = Outcome(
    14, "E4", "will go to a club with friends once a week", "Within 12 months",
    None, frozenset({3}), "community",
)  # fmt: skip

PHONICS = Provision(
    21, "F1", "F", "A structured reading programme (Read Write Inc. Fresh Start)",
    "A teaching assistant trained in the programme", "4 times a week",
    "30 minutes each session, for the school year", "1:1", frozenset({11}),
)  # fmt: skip
EPILEPSY_CARE = Provision(
    22, "G1", "G", "Rescue medication given as set out in his health care plan",
    "3 named staff trained by the epilepsy specialist nurse", "Every school day",
    "Training renewed every 12 months", "1:1", frozenset({12}),
)  # fmt: skip
TRAVEL = Provision(
    23, "H2.1", "H2", "Travel training on the bus route to the youth club",
    "A travel trainer from the council's travel training team", "Twice a week",
    "1 hour each session, for 10 weeks", "1:1", frozenset({13, 14}),
)  # fmt: skip

EP_ADVICE = Advice(
    31, "Advice from educational psychology", "educational_psychology", True,
    ("Finds it hard to decode unfamiliar words", "A structured reading programme, 1:1"),
)  # fmt: skip


def good_plan(**changes: Any) -> PlanRecord:
    """A final plan for a Year 10 young person that passes every check."""
    record = PlanRecord(
        kind=FINAL,
        year_group=10,
        views=Views(
            child="I like drawing and dogs. I want to work with animals.",
            family="We want him to travel on his own and have friends nearby.",
            interests="Drawing, dogs and football.",
            aspirations="To work at an animal rescue centre.",
        ),
        needs=(READING, EPILEPSY, CLUBS),
        outcomes=(READ_ALOUD, SEIZURES, BUS, CLUB),
        provisions=(PHONICS, EPILEPSY_CARE, TRAVEL),
        placement_named=True,
        advice=(EP_ADVICE,),
    )
    return replace(record, **changes)


def findings(record: PlanRecord, check: str) -> list[Finding]:
    return [f for f in run_checks(record) if f.check == check]


def with_provision(record: PlanRecord, which: str, **changes: Any) -> PlanRecord:
    """`record` with one line of provision changed."""
    return replace(
        record,
        provisions=tuple(
            replace(p, **changes) if p.number == which else p for p in record.provisions
        ),
    )


def with_outcome(record: PlanRecord, which: str, **changes: Any) -> PlanRecord:
    return replace(
        record,
        outcomes=tuple(replace(o, **changes) if o.number == which else o for o in record.outcomes),
    )
