"""Phase transfers: who transfers on 1 September, the reg. 18(1) deadline, and whether the plan
was amended in time, with the boundary days. TODAY is 2 March 2026, so the coming transfer is
1 September 2026: deadlines 15 February 2026 (passed) and 31 March 2026 (post-16)."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from tests.factories import TODAY
from tests.queues.builders import add_review, add_version, cease, issued_plan
from thrive.assessments.models import Case
from thrive.law.reviews import PhaseTransfer
from thrive.queues.selectors_transfers import (
    TransferStatus,
    default_transfer_year,
    phase_transfers,
    transfer_status,
    transfer_summary,
    window_from,
)

DEADLINE = dt.date(2027, 2, 15)
S = TransferStatus


def _status(
    *, finals: tuple[dt.date, ...] = (), reviews: tuple[dt.date, ...] = (), today: dt.date
) -> TransferStatus:
    status, _ = transfer_status(
        deadline=DEADLINE, finals_issued_on=list(finals), reviews_held_on=list(reviews), today=today
    )
    return status


def test_the_window_is_the_12_months_ending_with_the_deadline() -> None:
    assert window_from(DEADLINE) == dt.date(2026, 2, 16)
    assert window_from(dt.date(2027, 3, 31)) == dt.date(2026, 4, 1)


@pytest.mark.parametrize(
    ("issued_on", "expected"),
    [
        (dt.date(2027, 2, 15), S.DONE_IN_TIME),  # on the deadline
        (dt.date(2026, 2, 16), S.DONE_IN_TIME),  # the window's first day
        (dt.date(2027, 2, 16), S.DONE_LATE),  # the day after
        (dt.date(2026, 2, 15), S.OVERDUE),  # before the window: not amended for the transfer
    ],
)
def test_amended_on_the_boundary_days(issued_on: dt.date, expected: TransferStatus) -> None:
    assert _status(finals=(issued_on,), today=dt.date(2027, 3, 1)) == expected


def test_the_plan_amended_in_time_says_when() -> None:
    status, amended_on = transfer_status(
        deadline=DEADLINE,
        finals_issued_on=[dt.date(2026, 5, 1), dt.date(2027, 1, 10), dt.date(2027, 3, 1)],
        reviews_held_on=[],
        today=dt.date(2027, 3, 2),
    )
    assert (status, amended_on) == (S.DONE_IN_TIME, dt.date(2027, 1, 10))


def test_overdue_from_the_day_after_the_deadline() -> None:
    reviewed = (dt.date(2026, 11, 1),)
    assert _status(reviews=reviewed, today=DEADLINE) == S.AT_RISK
    assert _status(reviews=reviewed, today=DEADLINE + dt.timedelta(days=1)) == S.OVERDUE


def test_at_risk_inside_12_weeks() -> None:
    reviewed = (dt.date(2026, 11, 1),)
    twelve_weeks_before = DEADLINE - dt.timedelta(weeks=12)  # 23 November 2026
    assert _status(reviews=reviewed, today=twelve_weeks_before) == S.ON_TRACK
    assert _status(reviews=reviewed, today=twelve_weeks_before + dt.timedelta(days=1)) == S.AT_RISK


def test_at_risk_without_a_review_held_in_the_window() -> None:
    today = dt.date(2026, 10, 1)
    assert _status(today=today) == S.AT_RISK
    assert _status(reviews=(dt.date(2026, 2, 15),), today=today) == S.AT_RISK  # too early
    assert _status(reviews=(dt.date(2026, 2, 16),), today=today) == S.ON_TRACK


def test_the_coming_september() -> None:
    assert default_transfer_year(TODAY) == 2026
    assert default_transfer_year(dt.date(2026, 8, 31)) == 2026
    assert default_transfer_year(dt.date(2026, 9, 1)) == 2027


# --- The area ------------------------------------------------------------------------------


@pytest.fixture
def transfers(make_case: Callable[..., Case], officer: Any) -> dict[str, Any]:
    """Children with plans: one in each transfer, one not transferring, one ceased."""

    def plan(dob: dt.date, final_on: dt.date = dt.date(2024, 6, 1)) -> Any:
        return issued_plan(make_case(date_of_birth=dob), officer, final_on)

    made = {
        # Year 6 in 2025/26 (born 1 September 2014 to 31 August 2015)
        "secondary_in_time": plan(dt.date(2014, 9, 1)),
        "secondary_late": plan(dt.date(2015, 8, 31)),
        # Nursery in 2025/26: to Reception
        "reception": plan(dt.date(2022, 1, 10), dt.date(2024, 12, 1)),
        # Year 11 in 2025/26: to post-16, deadline 31 March 2026
        "post_16": plan(dt.date(2010, 6, 15)),
        # Year 7 and Year 5 in 2025/26: no transfer this year
        "year_7": plan(dt.date(2014, 8, 31)),
        "year_5": plan(dt.date(2016, 5, 4)),
    }
    made["ceased"] = plan(dt.date(2015, 1, 1))
    cease(made["ceased"], officer, dt.date(2026, 1, 31))
    add_version(made["secondary_in_time"], officer, "amended_draft", dt.date(2026, 1, 5))
    add_version(made["secondary_in_time"], officer, "amended_final", dt.date(2026, 2, 15))
    add_version(made["secondary_late"], officer, "amended_draft", dt.date(2026, 1, 5))
    add_version(made["secondary_late"], officer, "amended_final", dt.date(2026, 2, 16))
    add_review(made["post_16"], officer, dt.date(2025, 11, 3), decision="amend")
    return made


def test_who_transfers_and_how_it_stands(transfers: dict[str, Any]) -> None:
    rows = {row.plan_id: row for row in phase_transfers(year=2026, today=TODAY)}
    by_name = {name: rows.get(plan.pk) for name, plan in transfers.items()}
    assert by_name["year_7"] is None
    assert by_name["year_5"] is None
    assert by_name["ceased"] is None
    in_time, late = by_name["secondary_in_time"], by_name["secondary_late"]
    reception, post_16 = by_name["reception"], by_name["post_16"]
    assert in_time is not None
    assert late is not None
    assert reception is not None
    assert post_16 is not None
    assert (in_time.transfer, in_time.deadline, in_time.status, in_time.amended_on) == (
        PhaseTransfer.PRIMARY_TO_SECONDARY,
        dt.date(2026, 2, 15),
        S.DONE_IN_TIME,
        dt.date(2026, 2, 15),
    )
    assert (late.status, late.amended_on) == (S.DONE_LATE, dt.date(2026, 2, 16))
    assert (reception.transfer, reception.status) == (
        PhaseTransfer.EARLY_YEARS_TO_SCHOOL,
        S.OVERDUE,
    )
    assert (post_16.transfer, post_16.deadline, post_16.status) == (
        PhaseTransfer.SECONDARY_TO_POST_16,
        dt.date(2026, 3, 31),
        S.AT_RISK,  # 29 days to go, not amended
    )
    assert post_16.last_review_on == dt.date(2025, 11, 3)
    assert (in_time.from_year, in_time.to_year) == (6, 7)


def test_the_summary_counts_by_transfer_and_status(transfers: dict[str, Any]) -> None:
    summary = transfer_summary(phase_transfers(year=2026, today=TODAY))
    table = {transfer: counts for transfer, counts, _ in summary.rows}
    columns = list(summary.statuses)
    secondary = table[PhaseTransfer.PRIMARY_TO_SECONDARY]
    assert secondary[columns.index(S.DONE_IN_TIME)] == 1
    assert secondary[columns.index(S.DONE_LATE)] == 1
    assert table[PhaseTransfer.EARLY_YEARS_TO_SCHOOL][columns.index(S.OVERDUE)] == 1
    assert table[PhaseTransfer.SECONDARY_TO_POST_16][columns.index(S.AT_RISK)] == 1
    assert summary.total == 4


def test_another_year(transfers: dict[str, Any]) -> None:
    """In September 2027 the child now in Year 5 moves to secondary school (deadline
    15 February 2027, no review yet: at risk); nobody from 2026's list transfers again."""
    rows = phase_transfers(year=2027, today=TODAY)
    assert [(r.plan_id, r.deadline, r.status) for r in rows] == [
        (transfers["year_5"].pk, dt.date(2027, 2, 15), S.AT_RISK)
    ]


def test_the_same_queries_however_many_children(
    transfers: dict[str, Any],
    make_case: Callable[..., Case],
    officer: Any,
    django_assert_num_queries: Any,
) -> None:
    # Three, and one for decisions to cease held by a disagreement (`plans.selectors_ceasing`).
    with django_assert_num_queries(4):
        before = phase_transfers(year=2026, today=TODAY)
    for _ in range(4):
        issued_plan(make_case(date_of_birth=dt.date(2015, 3, 1)), officer, dt.date(2024, 6, 1))
    with django_assert_num_queries(4):
        after = phase_transfers(year=2026, today=TODAY)
    assert len(after) == len(before) + 4
