"""A small hand-made SEN2 return shared by the writer tests: one person with a plan issued in
the year (placement, two needs, a review) and one with a request waiting for a decision."""

import datetime as dt

from thrive.returns.sen2.records import (
    ActivePlan,
    Assessment,
    Header,
    NamedPlan,
    Need,
    Person,
    Placement,
    Request,
    Sen2Return,
)

D = dt.date


def sample_return(year: int = 2026) -> Sen2Return:
    plan = Request(
        outcome="Y",
        received_date=D(year - 1, 3, 3),
        source="2",
        outcome_date=D(year - 1, 4, 7),
        assessment=Assessment(
            outcome="Y",
            outcome_date=D(year - 1, 7, 14),
            other_tribunal=True,
            week20_exceptions=False,
            named_plan=NamedPlan(
                start_date=D(year - 1, 7, 14),
                details=(Placement(rank=1, urn="123456"),),
                personal_budget=True,
            ),
        ),
        active_plan=ActivePlan(
            placements=(Placement(rank=1, urn="123456", entry_date=D(year - 1, 7, 14)),),
            needs=(Need("ASD", 1), Need("SLCN", 2)),
            review_meeting=D(year, 1, 10),
            review_outcome="M",
            review_draft=D(year, 1, 11),
            last_review=D(year, 1, 12),
        ),
        case_id=11,
    )
    waiting = Request(outcome="A", received_date=D(year - 1, 11, 3), source="1", case_id=12)
    return Sen2Return(
        header=Header(
            year=year,
            reference_date=D(year, 1, 15),
            lea="938",
            created_at=dt.datetime(year, 2, 1, 9, 30, 5),
            dmo="Y",
            dco="N",
            dsco="R",
        ),
        persons=(
            Person(
                surname="Example",
                forename="Ada",
                birth_date=D(2016, 5, 4),
                sex="F",
                ethnicity="WBRI",
                postcode="ZY1 1AA",
                upn="A938201200001",
                requests=(plan,),
                child_id=1,
            ),
            Person(
                surname="Sample",
                forename="Ben",
                birth_date=D(2022, 3, 1),
                sex="M",
                ethnicity="NOBT",
                postcode="ZY2 2BB",
                upn_unknown="UN1",
                requests=(waiting,),
                child_id=2,
            ),
        ),
    )
