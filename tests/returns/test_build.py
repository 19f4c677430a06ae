"""Building the SEN2 return from hand-built records: who is in scope for collection 2026
(census 15 January 2026, flows in 2025) and how each record maps onto the return's items."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import step
from thrive.accounts.models import User
from thrive.assessments.models import Case
from thrive.disputes.models import Appeal, Mediation
from thrive.law.clock import ExceptionReason
from thrive.people.models import Setting
from thrive.plans.models import EhcPlan, PlanVersion
from thrive.plans.models_reviews import AnnualReview, Cessation
from thrive.returns.sen2.build import (
    build_return,
    collection_year_for,
    period_for,
    reference_date_for,
    return_counts,
)
from thrive.returns.sen2.records import Person, Request, Sen2Return

CENSUS = dt.date(2026, 1, 15)
D = dt.date


def _build(**kwargs: Any) -> Sen2Return:
    return build_return(year=2026, reference_date=CENSUS, la_code="938", **kwargs)


def _request(ret: Sen2Return, case: Case) -> Request:
    return next(r for p in ret.persons for r in p.requests if r.case_id == case.pk)


def _person(ret: Sen2Return, case: Case) -> Person:
    return next(p for p in ret.persons if p.child_id == case.child_id)


def _plan(case: Case, officer: User, *finals: tuple[dt.date, Setting | None, str]) -> EhcPlan:
    plan = EhcPlan.objects.create(case=case)
    for number, (issued, setting, budget) in enumerate(finals, start=1):
        PlanVersion.objects.create(
            plan=plan,
            number=number,
            kind="final" if number == 1 else "amended_final",
            created_by=officer,
            issued_on=issued,
            placement_setting=setting,
            personal_budget=budget,
        )
    return plan


@pytest.fixture
def school(council: Any) -> Setting:
    return Setting.objects.create(
        urn="123456",
        name="Oak Primary",
        establishment_type="mainstream_la_maintained",
        phase="primary",
        local_authority=council,
    )


def _issued_case(make_case: Callable[..., Case], received: dt.date, **child: Any) -> Case:
    return make_case(
        received_on=received,
        steps=(
            step("decision_to_assess", received + dt.timedelta(days=35), outcome=True),
            step("decision_to_issue", received + dt.timedelta(days=91), outcome=True),
            step("draft_issued", received + dt.timedelta(days=100)),
            step("final_issued", received + dt.timedelta(days=133)),
        ),
        **child,
    )


def test_the_census_day_is_the_third_thursday_of_january() -> None:
    assert reference_date_for(2026) == D(2026, 1, 15)
    assert reference_date_for(2027) == D(2027, 1, 21)
    assert period_for(2026) == (D(2025, 1, 1), D(2025, 12, 31))
    assert collection_year_for(D(2026, 12, 7)) == 2027
    assert collection_year_for(D(2026, 1, 20)) == 2026


def test_a_plan_issued_in_the_year_maps_every_item(
    make_case: Callable[..., Case], officer: User, school: Setting
) -> None:
    case = _issued_case(make_case, D(2025, 3, 3), upn="", postcode="ZY1 1AA")
    plan = _plan(case, officer, (D(2025, 7, 14), school, "Direct payments for transport."))
    review = AnnualReview.objects.create(
        plan=plan,
        meeting_on=D(2026, 1, 10),
        scheduled_by=officer,
        decision="keep",
        decision_notified_on=D(2026, 1, 12),
    )
    Appeal.objects.create(
        case=case,
        subject="setting_named",
        decision_letter_on=D(2025, 7, 14),
        registered_on=D(2025, 9, 1),
        recorded_by=officer,
    )
    ret = _build(dmo="Y", dco="N", dsco="R")
    person = _person(ret, case)
    assert (person.surname, person.forename, person.sex, person.ethnicity) == (
        "Example",
        "Ada",
        "F",
        "WBRI",
    )
    assert person.postcode == "ZY1 1AA"
    assert person.upn is None
    request = _request(ret, case)
    assert request.received_date == D(2025, 3, 3)
    assert (request.outcome, request.outcome_date, request.source) == ("Y", D(2025, 4, 7), "1")
    assert not request.mediation
    assert not request.tribunal
    assessment = request.assessment
    assert assessment is not None
    assert (assessment.outcome, assessment.outcome_date) == ("Y", D(2025, 7, 14))
    assert assessment.week20_exceptions is False
    assert assessment.other_tribunal
    assert not assessment.other_mediation
    named = assessment.named_plan
    assert named is not None
    assert named.start_date == D(2025, 7, 14)
    assert [d.urn for d in named.details] == ["123456"]
    assert named.personal_budget is True
    assert named.cease_date is None
    active = request.active_plan
    assert active is not None
    assert [(p.urn, p.entry_date, p.leaving_date) for p in active.placements] == [
        ("123456", D(2025, 7, 14), None)
    ]
    assert [(n.sen_type, n.rank) for n in active.needs] == [("ASD", 1)]
    assert (active.review_meeting, active.review_outcome, active.last_review) == (
        review.meeting_on,
        "M",
        D(2026, 1, 12),
    )
    assert (ret.header.dmo, ret.header.dco, ret.header.dsco, ret.header.lea) == (
        "Y",
        "N",
        "R",
        "938",
    )


def test_outcomes_as_they_stood_on_the_census_day(
    make_case: Callable[..., Case], officer: User
) -> None:
    waiting = make_case(received_on=D(2025, 11, 3))
    refused = make_case(
        received_on=D(2025, 2, 3),
        steps=(step("decision_to_assess", D(2025, 3, 10), outcome=False),),
    )
    Mediation.objects.create(
        case=refused,
        subject="refusal_to_assess",
        decision_letter_on=D(2025, 3, 10),
        adviser_contacted_on=D(2025, 4, 1),
        recorded_by=officer,
    )
    decided_later = make_case(
        received_on=D(2025, 12, 20),
        steps=(step("decision_to_assess", D(2026, 2, 1), outcome=True),),
    )
    withdrawn = make_case(received_on=D(2025, 5, 1), steps=(step("withdrawn", D(2025, 5, 20)),))
    not_issued = make_case(
        received_on=D(2025, 1, 6),
        steps=(
            step("decision_to_assess", D(2025, 2, 10), outcome=True),
            step("decision_to_issue", D(2025, 4, 28), outcome=False),
        ),
    )
    ret = _build()
    assert _request(ret, waiting).outcome == "A"
    assert _request(ret, waiting).assessment is None
    no = _request(ret, refused)
    assert (no.outcome, no.outcome_date, no.mediation) == ("N", D(2025, 3, 10), True)
    assert _request(ret, decided_later).outcome == "A"  # the decision came after the census
    assert _request(ret, withdrawn).outcome == "W"
    assessment = _request(ret, not_issued).assessment
    assert assessment is not None
    assert (assessment.outcome, assessment.outcome_date) == ("N", D(2025, 4, 28))
    assert assessment.named_plan is None
    assert assessment.week20_exceptions is None


def test_historical_plans_ceased_in_the_year_and_before(
    make_case: Callable[..., Case], officer: User, school: Setting
) -> None:
    ceased_in_year = _issued_case(make_case, D(2019, 1, 7))
    plan = _plan(ceased_in_year, officer, (D(2019, 5, 20), school, ""))
    Cessation.objects.create(
        plan=plan,
        reason="8",
        reasons_given="The young person died.",
        notified_on=D(2025, 8, 1),
        ceases_on=D(2025, 8, 1),
        recorded_by=officer,
    )
    ceased_before = _issued_case(make_case, D(2019, 1, 7), first_name="Bea")
    old = _plan(ceased_before, officer, (D(2019, 5, 20), school, ""))
    Cessation.objects.create(
        plan=old,
        reason="8",
        reasons_given="The young person died.",
        notified_on=D(2023, 3, 1),
        ceases_on=D(2023, 3, 1),
        recorded_by=officer,
    )
    ret = _build()
    request = _request(ret, ceased_in_year)
    assert request.outcome == "H"
    assert request.assessment is not None
    assert request.assessment.outcome == "H"
    named = request.assessment.named_plan
    assert named is not None
    assert (named.start_date, named.cease_date, named.cease_reason, named.personal_budget) == (
        D(2019, 5, 20),
        D(2025, 8, 1),
        "8",
        False,
    )
    assert request.active_plan is not None  # maintained for part of the year
    assert all(p.child_id != ceased_before.child_id for p in ret.persons)


def test_a_change_of_school_in_the_year_gives_both_placements(
    make_case: Callable[..., Case], officer: User, school: Setting, council: Any
) -> None:
    college = Setting.objects.create(
        urn="654321",
        name="Ash College",
        establishment_type="general_fe_tertiary_college",
        phase="fe_college",
        local_authority=council,
    )
    case = _issued_case(make_case, D(2020, 1, 6))
    _plan(case, officer, (D(2020, 5, 18), school, ""), (D(2025, 9, 1), college, ""))
    active = _request(_build(), case).active_plan
    assert active is not None
    assert [(p.urn, p.entry_date, p.leaving_date) for p in active.placements] == [
        ("123456", D(2020, 5, 18), D(2025, 8, 31)),
        ("654321", D(2025, 9, 1), None),
    ]


def test_a_plan_naming_only_a_type_of_setting(
    make_case: Callable[..., Case], officer: User
) -> None:
    case = _issued_case(make_case, D(2025, 2, 3), primary_need="SEMH", secondary_need="SLCN")
    plan = EhcPlan.objects.create(case=case)
    PlanVersion.objects.create(
        plan=plan,
        number=1,
        kind="final",
        created_by=officer,
        issued_on=D(2025, 6, 16),
        placement_type="special_independent",
    )
    request = _request(_build(), case)
    assert request.active_plan is not None
    assert [p.sen_setting for p in request.active_plan.placements] == ["OTH"]
    assert [(n.sen_type, n.rank) for n in request.active_plan.needs] == [
        ("SEMH", 1),
        ("SLCN", 2),
    ]


def test_week20_says_an_exception_applied(make_case: Callable[..., Case], officer: User) -> None:
    case = make_case(
        received_on=D(2025, 1, 6),
        steps=(
            step("decision_to_assess", D(2025, 2, 10), outcome=True),
            step(
                "exception_started", D(2025, 3, 3), exception=ExceptionReason.PERSONAL_CIRCUMSTANCES
            ),
            step(
                "exception_ended", D(2025, 4, 14), exception=ExceptionReason.PERSONAL_CIRCUMSTANCES
            ),
            step("decision_to_issue", D(2025, 5, 5), outcome=True),
            step("draft_issued", D(2025, 5, 12)),
            step("final_issued", D(2025, 7, 7)),
        ),
    )
    assessment = _request(_build(), case).assessment
    assert assessment is not None
    assert assessment.week20_exceptions is True
    counts = return_counts(_build(), *period_for(2026))
    assert (counts.plans, counts.plans_in_time, counts.plans_ex) == (1, 0, 0)


def test_a_child_under_6_without_a_upn(make_case: Callable[..., Case]) -> None:
    case = make_case(received_on=D(2025, 6, 2), date_of_birth=D(2022, 3, 1), upn="")
    assert _person(_build(), case).upn_unknown == "UN1"


def test_a_fixed_number_of_queries_whatever_the_size(
    make_case: Callable[..., Case], officer: User, school: Setting
) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            _build()
        return len(captured.captured_queries)

    first = _issued_case(make_case, D(2025, 1, 6))
    _plan(first, officer, (D(2025, 5, 19), school, ""))
    few = queries()
    for number in range(6):
        case = _issued_case(make_case, D(2025, 1, 6) + dt.timedelta(days=number))
        plan = _plan(case, officer, (D(2025, 5, 19), school, "budget"))
        AnnualReview.objects.create(plan=plan, meeting_on=D(2026, 1, 5), scheduled_by=officer)
        make_case(received_on=D(2025, 10, 1) + dt.timedelta(days=number))
    assert queries() == few
    assert len(_build().persons) == 13
