"""The plan quality figures against the hand-worked answers for the area in quality_area.py."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from tests.insight.quality_area import RI, G, I, O, build_area
from thrive.accounts.models import User
from thrive.assessments.models import Case
from thrive.insight import quality
from thrive.insight.periods import calendar_year, rolling_12_months
from thrive.quality import scoring
from thrive.quality.models import AgreedRating, Audit, AuditorRating, Rating

YEAR = calendar_year(2025)


@pytest.fixture
def area(officer: User, make_case: Callable[..., Case]) -> dict[str, Any]:
    return build_area(officer, make_case)


def _counts(o: int = 0, g: int = 0, ri: int = 0, i: int = 0) -> dict[str, int]:
    return {O: o, G: g, RI: ri, I: i, "audits": o + g + ri + i}


def _ids(audits: Any) -> set[int]:
    return {audit.pk for audit in audits}


def test_share_of_plans_issued_with_a_complete_audit(area: Any) -> None:
    # A (its draft's audit), B (its own), E (its amended draft's) but not C (still open);
    # D was issued in 2024 and drafts are not plans issued.
    assert quality.plans_audited(YEAR) == {"plans": 4, "audited": 3}


def test_audits_completed_by_overall_rating(area: Any) -> None:
    assert quality.overall_ratings(YEAR) == _counts(o=1, g=2, ri=1, i=1)


def test_an_audit_counts_on_the_uk_day_it_was_completed(area: Any) -> None:
    # G was completed at 23:30 on 31 December 2024 in the UK: not 2025.
    assert quality.overall_ratings(calendar_year(2024)) == _counts(g=1)
    # F at 23:30 UTC on 30 June 2025 is 1 July in the UK.
    months = quality.ratings_by_month(YEAR)
    assert months[dt.date(2025, 7, 1)] == _counts(g=1)
    assert dt.date(2025, 6, 1) not in months


def test_trend_by_month(area: Any) -> None:
    assert quality.ratings_by_month(YEAR) == {
        dt.date(2025, 1, 1): _counts(o=1),
        dt.date(2025, 3, 1): _counts(g=1),
        dt.date(2025, 5, 1): _counts(ri=1),
        dt.date(2025, 7, 1): _counts(g=1),
        dt.date(2025, 10, 1): _counts(i=1),
    }


def test_rolling_12_months(area: Any) -> None:
    period = rolling_12_months(dt.date(2025, 6, 30))  # 1 July 2024 to 30 June 2025
    assert quality.overall_ratings(period) == _counts(o=1, g=2, ri=1)  # D, A, G, B
    assert quality.plans_audited(period) == {"plans": 4, "audited": 3}  # A, B, C, D; not C


def test_by_team_of_the_case_officer(area: Any) -> None:
    assert quality.ratings_by(YEAR, "team") == {
        "North": _counts(g=2, ri=1),
        "South": _counts(o=1),
        "": _counts(i=1),  # E's case has no case officer
    }


def test_by_locality_of_the_child(area: Any) -> None:
    assert quality.ratings_by(YEAR, "locality") == {
        "BN3": _counts(g=2, ri=1),  # "BN32BB" has no space and is still BN3
        "BN17": _counts(o=1),
        "": _counts(i=1),
    }


def test_ratings_by_section(area: Any) -> None:
    assert quality.section_grades(YEAR) == {
        "A": _counts(o=1, g=2, ri=1, i=1),
        "F": _counts(g=2, ri=1, i=1),  # F's audit did not rate section F
    }


def test_half_way_takes_the_lower_rating_and_moderation_wins(area: Any) -> None:
    audits = area["audits"]
    ri = quality.audits_for(
        user=area["builder"].officer,
        period=YEAR,
        drill=quality.Drill(section="A", section_rating=RI),
    )
    inadequate = quality.audits_for(
        user=area["builder"].officer,
        period=YEAR,
        drill=quality.Drill(section="A", section_rating=I),
    )
    assert _ids(ri) == {audits["A"].pk}  # Good and RI: 2.5
    assert _ids(inadequate) == {audits["E"].pk}  # agreed Inadequate and RI: 1.5


def _scoring_grades(audit: Audit) -> dict[str, str]:
    """The section grades the quality app's own scoring gives the audit."""
    agreed = {
        a.criterion_id: Rating(a.rating).grade
        for a in AgreedRating.objects.filter(moderation__audit=audit)
    }
    grades: dict[int, list[scoring.Grade]] = {}
    criteria = {}
    for rating in AuditorRating.objects.filter(audit=audit).select_related("criterion"):
        grades.setdefault(rating.criterion_id, []).append(Rating(rating.rating).grade)
        criteria[rating.criterion_id] = rating.criterion
    sections = scoring.section_grades(
        scoring.CriterionRatings(
            key=pk,
            section=criteria[pk].section,
            weight=criteria[pk].weight,
            grades=tuple(given),
            agreed=agreed.get(pk),
        )
        for pk, given in grades.items()
    )
    return {section: grade.value for section, grade in sections.items()}


def test_section_grades_agree_with_the_audits_own_scoring(area: Any) -> None:
    officer = area["builder"].officer
    expected = {
        (audit.pk, section, grade)
        for audit in Audit.objects.filter(pk__in=_ids(quality.completed_audits(YEAR)))
        for section, grade in _scoring_grades(audit).items()
    }
    found = {
        (audit.pk, section, rating.value)
        for section in ("A", "F")
        for rating in Rating
        for audit in quality.audits_for(
            user=officer,
            period=YEAR,
            drill=quality.Drill(section=section, section_rating=rating.value),
        )
    }
    assert found == expected
    assert len(found) == 9  # 5 audits rated A, 4 rated F


def test_most_frequent_findings(area: Any) -> None:
    assert quality.findings_counts(YEAR) == [
        # Found twice in A, and in B (section G) and E: 3 audits. E's has no title, and its
        # "yes" is not true.
        quality.FindingCount(
            "vague_provision", "Provision is not quantified", ("F", "G"), False, 3
        ),
        # G's finding was in 2024. E's entries without a check and F's non-list are left out.
        quality.FindingCount(
            "missing_views", "Section A has no views of the child", ("A",), True, 1
        ),
    ]


def test_no_findings_in_a_period_without_audits(area: Any) -> None:
    assert quality.findings_counts(calendar_year(2023)) == []
    assert quality.section_grades(calendar_year(2023)) == {}
    assert quality.overall_ratings(calendar_year(2023)) == _counts()


@pytest.mark.parametrize(
    ("drill", "letters"),
    [
        (quality.Drill(), "ABDEF"),
        (quality.Drill(rating=G), "AF"),
        (quality.Drill(rating=quality.BETTER), "ADF"),
        (quality.Drill(section="F"), "ABDE"),
        (quality.Drill(section="F", section_rating=G), "AD"),
        (quality.Drill(month=dt.date(2025, 7, 1)), "F"),
        (quality.Drill(team="South"), "D"),
        (quality.Drill(team=""), "E"),
        (quality.Drill(team="North", rating=quality.BETTER), "AF"),
        (quality.Drill(locality="BN3"), "ABF"),
        (quality.Drill(locality=""), "E"),
        (quality.Drill(check="vague_provision"), "ABE"),
        (quality.Drill(check="missing_views"), "A"),
        (quality.Drill(check="not in a list"), ""),
    ],
)
def test_the_audits_behind_each_figure(area: Any, drill: quality.Drill, letters: str) -> None:
    audits = quality.audits_for(user=area["builder"].officer, period=YEAR, drill=drill)
    assert _ids(audits) == {area["audits"][letter].pk for letter in letters}


@pytest.mark.parametrize(("audited", "letters"), [(None, "ABCE"), (True, "ABE"), (False, "C")])
def test_the_plans_behind_the_share_audited(area: Any, audited: bool, letters: str) -> None:
    plans = quality.plans_for(user=area["builder"].officer, period=YEAR, audited=audited)
    assert _ids(plans) == {area["plans"][letter].pk for letter in letters}


def test_plans_carry_their_latest_audits_rating(area: Any) -> None:
    plans = {p.pk: p.rating for p in quality.plans_for(user=area["builder"].officer, period=YEAR)}
    assert plans[area["plans"]["A"].pk] == G  # its draft's
    assert plans[area["plans"]["C"].pk] is None  # its draft's audit is not complete


def test_nobody_outside_case_work_sees_any_plan(area: Any) -> None:
    analyst = User.objects.create_user("analyst", role="analyst")
    assert not quality.plans_for(user=analyst, period=YEAR).exists()
    assert not quality.audits_for(user=analyst, period=YEAR, drill=quality.Drill()).exists()


def test_years_run_from_the_first_plan_or_audit(area: Any) -> None:
    assert quality.years_with_quality(dt.date(2026, 3, 2)) == [2026, 2025, 2024]
