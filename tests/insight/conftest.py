"""A small hand-built area whose figures are worked out by hand in tests/insight/test_measures.py.

Calendar year 2025 (request received → final plan, days):
  A  6 Jan 2025 → 26 May 2025: day 140, within 20 weeks. BN3. Advice asked 10 Feb, back 24 Mar
     (42 days: in time).
  B  6 Jan 2025 → 27 May 2025: day 141, late. BN3. Advice asked 10 Feb, back 25 Mar (43 days).
  C  1 Nov 2024 → 1 Jun 2025: 212 days, late, with exceptional personal circumstances from
     10 Jan 2025 (an exception applies). BN17. Crosses the year end.
  H  6 Jan 2025 → 1 Jul 2025: 176 days, late. A school closure of only 19 days: no exception.
     BN3.
  D  3 Mar 2025, decided not to assess.        E  3 Mar 2025, withdrawn before a decision.
  F 15 Dec 2025, no decision yet (open, past the 6 weeks on 2 March 2026).
  G  3 Feb 2025, assessed, decided not to issue a plan on 1 May 2025.

The dashboard reads summary tables, so `area` counts the figures (`insight_refresh`) once the
cases are in; a test that adds cases of its own calls the `refreshed` fixture's function.
"""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from tests.factories import step
from thrive.insight.models import Refresh
from thrive.insight.services import insight_refresh
from thrive.law import clock
from thrive.law.clock import Contributor, ExceptionReason

D = dt.date
EP = Contributor.EDUCATIONAL_PSYCHOLOGY


def _advice(asked: dt.date, back: dt.date) -> tuple[clock.Event, ...]:
    return (
        step("advice_requested", asked, contributor=EP),
        step("advice_received", back, contributor=EP),
    )


@pytest.fixture
def refreshed(db: Any) -> Callable[[], Refresh]:
    """Count the dashboard's figures again from the cases recorded so far."""
    return insight_refresh


@pytest.fixture
def area(make_case: Callable[..., Any], refreshed: Callable[[], Refresh]) -> dict[str, Any]:
    cases = {
        "A": make_case(
            received_on=D(2025, 1, 6),
            postcode="BN3 1AA",
            steps=(
                step("decision_to_assess", D(2025, 2, 10), outcome=True),
                *_advice(D(2025, 2, 10), D(2025, 3, 24)),
                step("decision_to_issue", D(2025, 4, 1), outcome=True),
                step("draft_issued", D(2025, 4, 10)),
                step("final_issued", D(2025, 5, 26)),
            ),
        ),
        "B": make_case(
            received_on=D(2025, 1, 6),
            postcode="BN32BB",
            steps=(
                step("decision_to_assess", D(2025, 2, 10), outcome=True),
                *_advice(D(2025, 2, 10), D(2025, 3, 25)),
                step("decision_to_issue", D(2025, 4, 1), outcome=True),
                step("draft_issued", D(2025, 4, 10)),
                step("final_issued", D(2025, 5, 27)),
            ),
        ),
        "C": make_case(
            received_on=D(2024, 11, 1),
            postcode="BN17 5XX",
            primary_need="MLD",
            steps=(
                step("decision_to_assess", D(2024, 12, 1), outcome=True),
                step(
                    "exception_started",
                    D(2025, 1, 10),
                    exception=ExceptionReason.PERSONAL_CIRCUMSTANCES,
                ),
                step("decision_to_issue", D(2025, 3, 1), outcome=True),
                step("draft_issued", D(2025, 3, 5)),
                step("final_issued", D(2025, 6, 1)),
            ),
        ),
        "H": make_case(
            received_on=D(2025, 1, 6),
            postcode="BN3 9ZZ",
            steps=(
                step("decision_to_assess", D(2025, 1, 20), outcome=True),
                step(
                    "exception_started",
                    D(2025, 2, 1),
                    exception=ExceptionReason.INSTITUTION_CLOSURE,
                ),
                step(
                    "exception_ended", D(2025, 2, 20), exception=ExceptionReason.INSTITUTION_CLOSURE
                ),
                step("decision_to_issue", D(2025, 4, 1), outcome=True),
                step("draft_issued", D(2025, 4, 10)),
                step("final_issued", D(2025, 7, 1)),
            ),
        ),
        "D": make_case(
            received_on=D(2025, 3, 3),
            postcode="BN17 1AA",
            steps=(step("decision_to_assess", D(2025, 4, 1), outcome=False),),
        ),
        "E": make_case(
            received_on=D(2025, 3, 3),
            postcode="BN3 1AA",
            steps=(step("withdrawn", D(2025, 3, 20)),),
        ),
        "F": make_case(received_on=D(2025, 12, 15), postcode="BN3 1AA"),
        "G": make_case(
            received_on=D(2025, 2, 3),
            postcode="BN17 1AA",
            steps=(
                step("decision_to_assess", D(2025, 3, 1), outcome=True),
                step("decision_to_issue", D(2025, 5, 1), outcome=False),
            ),
        ),
    }
    refreshed()
    return cases
