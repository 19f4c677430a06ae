"""The audit's scoring rules (thrive.quality.scoring), exhaustively: every grade, every pair of
auditors' grades, the half-way rule, weights, the weakest section and the caps."""

import itertools
import os
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thrive.quality.scoring import (
    UNQUANTIFIED_LIMIT,
    CriterionRatings,
    Grade,
    criterion_points,
    disagree,
    grade_for,
    missing_section_limit,
    plan_result,
    section_grades,
    unsettled,
)

OUT, GOOD, RI, INAD = (
    Grade.OUTSTANDING,
    Grade.GOOD,
    Grade.REQUIRES_IMPROVEMENT,
    Grade.INADEQUATE,
)
SRC = Path(__file__).resolve().parents[2] / "src"


def rated(key: object, section: str, *grades: Grade, weight: int = 1, agreed: Grade | None = None):
    return CriterionRatings(key, section, weight, tuple(grades), agreed)


# --- The scale -----------------------------------------------------------------------------


def test_the_scale_runs_from_outstanding_down_to_inadequate() -> None:
    assert [g.points for g in Grade] == [4, 3, 2, 1]
    assert [g.label for g in Grade] == [
        "Outstanding",
        "Good",
        "Requires improvement",
        "Inadequate",
    ]
    assert [g.is_good_enough for g in Grade] == [True, True, False, False]
    assert all(Grade.from_points(g.points) is g for g in Grade)


@pytest.mark.parametrize(
    ("points", "grade"),
    [
        (Fraction(4), OUT),
        (Fraction(7, 2), GOOD),  # half-way takes the lower grade
        (Fraction(351, 100), OUT),
        (Fraction(3), GOOD),
        (Fraction(5, 2), RI),
        (Fraction(251, 100), GOOD),
        (Fraction(2), RI),
        (Fraction(3, 2), INAD),
        (Fraction(151, 100), RI),
        (Fraction(1), INAD),
    ],
)
def test_a_mean_takes_the_nearest_grade_and_half_way_the_lower(
    points: Fraction, grade: Grade
) -> None:
    assert grade_for(points) is grade


@pytest.mark.parametrize("points", [Fraction(0), Fraction(9, 10), Fraction(41, 10)])
def test_points_outside_the_scale_are_an_error(points: Fraction) -> None:
    with pytest.raises(ValueError, match="Points run from 1 to 4"):
        grade_for(points)


def test_a_weight_below_one_is_an_error() -> None:
    with pytest.raises(ValueError, match="weight"):
        rated(1, "A", GOOD, weight=0)


# --- Disagreement --------------------------------------------------------------------------

#: Every pair of grades, and whether two auditors giving them disagree (rule 2).
PAIRS = {
    (OUT, OUT): False,
    (OUT, GOOD): False,
    (OUT, RI): True,
    (OUT, INAD): True,
    (GOOD, GOOD): False,
    (GOOD, RI): True,  # one grade apart, but across the line
    (GOOD, INAD): True,
    (RI, RI): False,
    (RI, INAD): False,
    (INAD, INAD): False,
}


@pytest.mark.parametrize(("pair", "expected"), PAIRS.items(), ids=lambda v: str(v))
def test_auditors_disagree_when_they_straddle_good_and_requires_improvement(
    pair: tuple[Grade, Grade], expected: bool
) -> None:
    assert disagree(pair) is expected
    assert disagree(reversed(pair)) is expected


def test_every_pair_more_than_one_grade_apart_is_a_disagreement() -> None:
    for a, b in itertools.product(Grade, repeat=2):
        if abs(a.points - b.points) > 1:
            assert disagree((a, b)), (a, b)


def test_one_auditor_or_none_cannot_disagree() -> None:
    assert not any(disagree((g,)) for g in Grade)
    assert not disagree(())


def test_three_auditors_disagree_if_any_two_straddle_the_line() -> None:
    assert disagree((OUT, GOOD, RI))
    assert not disagree((OUT, GOOD, GOOD))


def test_moderation_settles_a_disagreement() -> None:
    criteria = [
        rated(1, "F", GOOD, RI),
        rated(2, "F", GOOD, RI, agreed=RI),
        rated(3, "F", OUT, GOOD),
    ]
    assert unsettled(criteria) == (1,)


# --- A criterion's points --------------------------------------------------------------------


def test_a_criterion_scores_the_mean_of_its_auditors_or_the_agreed_grade() -> None:
    assert criterion_points(rated(1, "A", OUT, GOOD)) == Fraction(7, 2)
    assert criterion_points(rated(1, "A", RI, INAD, INAD)) == Fraction(4, 3)
    assert criterion_points(rated(1, "A", GOOD, RI, agreed=INAD)) == 1
    assert criterion_points(rated(1, "A")) is None


# --- Sections ----------------------------------------------------------------------------


def test_a_section_is_the_weighted_mean_of_its_criteria() -> None:
    criteria = [
        rated(1, "F", OUT, weight=3),
        rated(2, "F", RI, weight=1),  # (12 + 2) / 4 = 3.5: half-way, so Good
        rated(3, "B", INAD, weight=1),
        rated(4, "B", GOOD, weight=2),  # (1 + 6) / 3 = 2.33: Requires improvement
        rated(5, "C"),  # not rated yet: no grade for C
    ]
    assert section_grades(criteria) == {"F": GOOD, "B": RI}


def test_weights_change_the_grade() -> None:
    light = [rated(1, "E", OUT, weight=1), rated(2, "E", INAD, weight=1)]
    heavy = [rated(1, "E", OUT, weight=2), rated(2, "E", INAD, weight=1)]
    assert section_grades(light)["E"] is RI  # (4 + 1) / 2 = 2.5: half-way, the lower
    assert section_grades(heavy)["E"] is GOOD  # (8 + 1) / 3 = 3


# --- The plan ----------------------------------------------------------------------------


def test_a_plan_all_good_is_good_with_nothing_holding_it_down() -> None:
    result = plan_result([rated(1, "A", GOOD), rated(2, "F", GOOD, OUT)])
    assert (result.overall, result.uncapped, result.limits) == (GOOD, GOOD, ())
    assert result.sections == {"A": GOOD, "F": GOOD}  # (3 + 4) / 2 = 3.5: half-way, the lower
    assert (result.disagreements, result.unrated) == ((), ())


def test_the_plan_grade_weighs_every_criterion_across_sections() -> None:
    criteria = [rated(1, "A", OUT, weight=5), rated(2, "B", GOOD, weight=1), rated(3, "F", OUT)]
    result = plan_result(criteria)
    assert result.overall is OUT  # (20 + 3 + 4) / 7 = 3.86


def test_an_unrated_criterion_leaves_the_plan_ungraded() -> None:
    result = plan_result([rated(1, "A", GOOD), rated(2, "C")])
    assert (result.overall, result.unrated) == (None, (2,))
    assert result.sections == {"A": GOOD}


def test_an_unsettled_disagreement_leaves_the_plan_ungraded() -> None:
    result = plan_result([rated(1, "A", GOOD), rated(2, "F", OUT, RI)])
    assert (result.overall, result.disagreements) == (None, (2,))


def test_nothing_rated_is_no_grade() -> None:
    assert plan_result([]).overall is None


def test_an_inadequate_section_holds_the_plan_at_requires_improvement() -> None:
    criteria = [rated(k, "A", OUT, weight=5) for k in range(4)] + [rated(9, "F", INAD)]
    result = plan_result(criteria)
    assert (result.uncapped, result.overall) == (OUT, RI)
    assert result.limits == (
        "Section F is inadequate, so the plan can be no better than requires improvement.",
    )


def test_only_a_plan_good_in_every_section_can_be_outstanding() -> None:
    criteria = [rated(1, "A", OUT, weight=9), rated(2, "K", RI)]
    result = plan_result(criteria)
    assert (result.uncapped, result.overall) == (OUT, GOOD)
    assert "Section K is requires improvement" in result.limits[0]


def test_the_weakest_section_rule_says_nothing_when_it_does_not_lower_the_grade() -> None:
    result = plan_result([rated(1, "A", GOOD), rated(2, "B", RI), rated(3, "F", RI)])
    assert (result.overall, result.limits) == (RI, ())


@pytest.mark.parametrize("grade", [OUT, GOOD])
def test_a_missing_section_caps_the_plan_at_requires_improvement(grade: Grade) -> None:
    result = plan_result([rated(1, "A", grade)], missing_sections=("B", "F"))
    assert (result.uncapped, result.overall) == (grade, RI)
    assert result.limits == (missing_section_limit("B"), missing_section_limit("F"))


@pytest.mark.parametrize("grade", [OUT, GOOD])
def test_an_unquantified_section_f_line_caps_the_plan(grade: Grade) -> None:
    result = plan_result([rated(1, "F", grade)], unquantified_provision=True)
    assert (result.overall, result.limits) == (RI, (UNQUANTIFIED_LIMIT,))


def test_a_cap_never_raises_a_plan() -> None:
    result = plan_result([rated(1, "F", INAD)], unquantified_provision=True, missing_sections=["K"])
    assert result.overall is INAD
    assert result.limits == (missing_section_limit("K"), UNQUANTIFIED_LIMIT)


def test_moderated_grades_count_in_the_result() -> None:
    result = plan_result([rated(1, "F", OUT, RI, agreed=RI), rated(2, "A", GOOD)])
    assert result.sections == {"F": RI, "A": GOOD}
    assert result.overall is RI  # (2 + 3) / 2 = 2.5: half-way, the lower


# --- Properties ----------------------------------------------------------------------------

grades = st.sampled_from(list(Grade))
criteria_lists = st.lists(
    st.builds(
        CriterionRatings,
        key=st.integers(),
        section=st.sampled_from(["A", "B", "E", "F"]),
        weight=st.integers(min_value=1, max_value=5),
        grades=st.tuples(grades) | st.tuples(grades, grades),
        agreed=st.none() | grades,
    ),
    min_size=1,
    max_size=12,
)


@given(criteria_lists, st.booleans(), st.lists(st.sampled_from("ABEFIK"), max_size=3))
def test_the_plan_is_never_above_its_caps_or_one_above_its_weakest_section(
    criteria: list[CriterionRatings], unquantified: bool, missing: list[str]
) -> None:
    result = plan_result(criteria, missing_sections=missing, unquantified_provision=unquantified)
    if result.overall is None:
        assert result.disagreements
        return
    assert result.uncapped is not None
    assert result.overall.points <= result.uncapped.points
    assert result.overall.points <= min(g.points for g in result.sections.values()) + 1
    if unquantified or missing:
        assert result.overall.points <= RI.points
    all_points = [g.points for c in criteria for g in ((c.agreed,) if c.agreed else c.grades)]
    assert min(all_points) <= result.uncapped.points <= max(all_points)


@given(st.lists(grades, min_size=1, max_size=6))
def test_agreeing_auditors_give_a_grade_between_their_own(ratings: list[Grade]) -> None:
    criterion = CriterionRatings("x", "A", 1, tuple(ratings))
    result = plan_result([criterion])
    if disagree(ratings):
        assert result.overall is None
    else:
        assert result.overall is not None
        assert min(g.points for g in ratings) <= result.overall.points
        assert result.overall.points <= max(g.points for g in ratings)


# --- Purity ----------------------------------------------------------------------------------


def test_scoring_imports_without_django() -> None:
    check = (
        "import sys, thrive.quality.scoring; "
        "assert not [m for m in sys.modules if m == 'django' or m.startswith('django.')]"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(  # noqa: S603 - fixed arguments, our own interpreter
        [sys.executable, "-c", check], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
