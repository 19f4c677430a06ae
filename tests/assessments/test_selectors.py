import datetime as dt
from typing import Any

from tests.factories import TODAY, step
from thrive.assessments.selectors import CaseloadFilters, caseload_for
from thrive.law.clock import Stage


def _refs(caseload: Any) -> list[str]:
    return [case.child.first_name for case, _ in caseload.cases]


def test_caseload_lists_open_cases_soonest_deadline_first(make_case: Any, officer: Any) -> None:
    make_case(received_on=dt.date(2026, 2, 1), first_name="Later")
    make_case(received_on=dt.date(2026, 1, 1), first_name="Sooner")
    make_case(
        received_on=dt.date(2025, 12, 1),
        first_name="Closed",
        steps=(step("withdrawn", dt.date(2025, 12, 2)),),
    )
    caseload = caseload_for(user=officer, filters=CaseloadFilters(), today=TODAY)
    assert _refs(caseload) == ["Sooner", "Later"]
    assert caseload.counts["open"] == 2


def test_caseload_filters_by_stage_overdue_due_soon_and_need(make_case: Any, officer: Any) -> None:
    make_case(received_on=dt.date(2026, 1, 1), first_name="Overdue")  # 6 weeks: 12 Feb
    make_case(received_on=dt.date(2026, 2, 1), first_name="Soon", primary_need="SEMH")  # 15 Mar
    make_case(
        received_on=dt.date(2026, 1, 1),
        first_name="Assessing",
        steps=(step("decision_to_assess", dt.date(2026, 2, 1), outcome=True),),
    )

    def names(**filters: Any) -> list[str]:
        return _refs(caseload_for(user=officer, filters=CaseloadFilters(**filters), today=TODAY))

    assert names(stage=Stage.ASSESSING) == ["Assessing"]
    assert names(overdue=True) == ["Overdue"]
    assert names(due_soon=True) == ["Soon"]
    assert names(need="SEMH") == ["Soon"]
    assert names(sort="name", case_officer=officer.pk) == ["Assessing", "Overdue", "Soon"]


def test_caseload_sees_a_new_step_at_once(make_case: Any, officer: Any) -> None:
    case = make_case(received_on=dt.date(2026, 1, 1))
    assert caseload_for(user=officer, filters=CaseloadFilters(), today=TODAY).total == 1
    from thrive.assessments import services

    services.case_record_step(
        actor=officer, case=case, today=TODAY, step=step("withdrawn", dt.date(2026, 1, 5))
    )
    assert caseload_for(user=officer, filters=CaseloadFilters(), today=TODAY).total == 0


def test_caseload_pages_hold_25_cases(make_case: Any, officer: Any) -> None:
    for day in range(1, 31):
        make_case(received_on=dt.date(2026, 1, day))
    second = caseload_for(user=officer, filters=CaseloadFilters(), today=TODAY, page=2)
    assert (second.total, second.page_count, len(second.cases)) == (30, 2, 5)


def test_caseload_is_empty_for_someone_outside_the_team(make_case: Any, administrator: Any) -> None:
    make_case()
    assert caseload_for(user=administrator, filters=CaseloadFilters(), today=TODAY).total == 0


def test_the_summaries_hold_open_cases_only_and_refresh_with_one_query(
    make_case: Any, django_assert_num_queries: Any
) -> None:
    from thrive.assessments.selectors import summary_cache

    open_case = make_case(received_on=dt.date(2026, 1, 1))
    make_case(received_on=dt.date(2026, 1, 1), steps=(step("withdrawn", dt.date(2026, 1, 2)),))
    assert set(summary_cache.summaries(TODAY)) == {open_case.pk}
    with django_assert_num_queries(1):
        assert set(summary_cache.summaries(TODAY)) == {open_case.pk}


def test_a_new_day_recomputes_days_left(make_case: Any) -> None:
    from thrive.assessments.selectors import summary_cache

    case = make_case(received_on=dt.date(2026, 2, 1))
    first = summary_cache.summaries(TODAY)[case.pk].next_deadline
    later = summary_cache.summaries(TODAY + dt.timedelta(days=1))[case.pk].next_deadline
    assert first is not None
    assert later is not None
    assert (first.days_left or 0) - (later.days_left or 0) == 1
