"""Scoring a plan audit: pure Python, standard library only, so every rule is tested without a
database. The grades are the 4-point scale Derby City uses "in line with Ofsted" (Outstanding,
Good, Requires improvement, Inadequate); the rubric and its caps are Thrive's, from
reference/statutory.md section 2.4 ("Suggested Thrive rubric").

The rules, in the order they apply:

1. **A criterion's score.** Each auditor's grade is worth points (Outstanding 4, Good 3,
   Requires improvement 2, Inadequate 1). A criterion takes the grade agreed at moderation if
   there is one; otherwise the mean of its auditors' points.
2. **Disagreement.** Auditors disagree about a criterion when at least one rates it Good or
   better and another rates it Requires improvement or worse: they differ on whether that part
   of the plan is good enough. On a 4-point scale every difference of more than one grade also
   crosses that line, so "more than one grade apart" needs no rule of its own. Grades one apart
   on the same side (Outstanding and Good, or Requires improvement and Inadequate) are not a
   disagreement: the criterion takes their mean. A disagreement is settled only by moderation.
3. **Section and plan grades.** A section's grade is the weighted mean of its criteria's
   points; the plan's is the weighted mean over every criterion, so a criterion's weight counts
   the same in its section and in the plan. A mean exactly half-way between two grades takes the
   lower one: an audit gives no benefit of the doubt.
4. **Weakest section.** The plan is at most one grade better than its weakest section, so an
   Inadequate section holds the plan at Requires improvement, and only a plan whose every
   section is Good or better can be Outstanding.
5. **Caps.** A missing section, or a section F line that is not quantified, caps the plan at
   Requires improvement (reference/statutory.md 2.4; Code of Practice 9.69 asks provision to be
   specified and quantified).
"""

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction


class Grade(StrEnum):
    """The 4-point scale, best first. Values are what the database stores."""

    OUTSTANDING = "outstanding"
    GOOD = "good"
    REQUIRES_IMPROVEMENT = "requires_improvement"
    INADEQUATE = "inadequate"

    @property
    def points(self) -> int:
        return _POINTS[self]

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def is_good_enough(self) -> bool:
        """Good or Outstanding: the side of the line a plan can go out on."""
        return self.points >= Grade.GOOD.points

    @classmethod
    def from_points(cls, points: int) -> "Grade":
        return next(grade for grade in cls if grade.points == points)


_POINTS = {
    Grade.OUTSTANDING: 4,
    Grade.GOOD: 3,
    Grade.REQUIRES_IMPROVEMENT: 2,
    Grade.INADEQUATE: 1,
}
_LABELS = {
    Grade.OUTSTANDING: "Outstanding",
    Grade.GOOD: "Good",
    Grade.REQUIRES_IMPROVEMENT: "Requires improvement",
    Grade.INADEQUATE: "Inadequate",
}
#: The best a plan can be while a cap applies (rule 5).
CAPPED_AT = Grade.REQUIRES_IMPROVEMENT


@dataclass(frozen=True)
class CriterionRatings:
    """One criterion of the framework and what its auditors said. `key` is any identifier the
    caller uses for the criterion (a database id)."""

    key: Hashable
    section: str
    weight: int
    grades: tuple[Grade, ...] = ()
    agreed: Grade | None = None  # settled at moderation

    def __post_init__(self) -> None:
        if self.weight < 1:
            raise ValueError("A criterion's weight is a whole number of 1 or more.")


@dataclass(frozen=True)
class Result:
    """An audit's outcome. `sections` holds a grade for each section with a rated criterion;
    `uncapped` is the plan's grade before rules 4 and 5. `limits` says in words which caps
    apply (rule 5) and, when it lowered the grade, which section held the plan down (rule 4)."""

    sections: dict[str, Grade]
    overall: Grade | None
    uncapped: Grade | None
    limits: tuple[str, ...] = ()
    disagreements: tuple[Hashable, ...] = ()
    unrated: tuple[Hashable, ...] = ()


def grade_for(points: Fraction) -> Grade:
    """The grade nearest a mean of points; exactly half-way takes the lower grade (rule 3)."""
    if not 1 <= points <= 4:
        raise ValueError(f"Points run from 1 to 4, not {points}")
    nearest = int(points)  # whole part
    if points - nearest > Fraction(1, 2):
        nearest += 1
    return Grade.from_points(nearest)


def disagree(grades: Iterable[Grade]) -> bool:
    """Rule 2: some auditors rate the criterion Good or better and others below Good."""
    sides = {grade.is_good_enough for grade in grades}
    return len(sides) == 2


def criterion_points(criterion: CriterionRatings) -> Fraction | None:
    """Rule 1: the agreed grade's points, or the mean of the auditors'; None if unrated."""
    if criterion.agreed is not None:
        return Fraction(criterion.agreed.points)
    if not criterion.grades:
        return None
    return Fraction(sum(g.points for g in criterion.grades), len(criterion.grades))


def unsettled(criteria: Iterable[CriterionRatings]) -> tuple[Hashable, ...]:
    """Criteria whose auditors disagree and that moderation has not settled."""
    return tuple(c.key for c in criteria if c.agreed is None and disagree(c.grades))


def _weighted_mean(scored: Sequence[tuple[CriterionRatings, Fraction]]) -> Fraction:
    total = sum(c.weight for c, _ in scored)
    return Fraction(sum(c.weight * points for c, points in scored), total)


def section_grades(criteria: Iterable[CriterionRatings]) -> dict[str, Grade]:
    """Rule 3 for each section that has a rated criterion, in the order sections first appear."""
    by_section: dict[str, list[tuple[CriterionRatings, Fraction]]] = defaultdict(list)
    for criterion in criteria:
        scored = by_section[criterion.section]
        if (points := criterion_points(criterion)) is not None:
            scored.append((criterion, points))
    return {
        section: grade_for(_weighted_mean(scored))
        for section, scored in by_section.items()
        if scored
    }


def missing_section_limit(section: str) -> str:
    return f"Section {section} is missing, so the plan can be no better than requires improvement."


UNQUANTIFIED_LIMIT = (
    "A line of section F is not specified and quantified, so the plan can be no better than "
    "requires improvement."
)


def plan_result(
    criteria: Iterable[CriterionRatings],
    *,
    missing_sections: Iterable[str] = (),
    unquantified_provision: bool = False,
) -> Result:
    """Grade each section and the plan (rules 1 to 5). The plan has no grade while a criterion
    is unrated or a disagreement is unsettled: `unrated` and `disagreements` say which."""
    criteria = list(criteria)
    sections = section_grades(criteria)
    disagreements = unsettled(criteria)
    unrated = tuple(c.key for c in criteria if criterion_points(c) is None)
    scored = [(c, p) for c in criteria if (p := criterion_points(c)) is not None]
    if not scored or disagreements or unrated:
        return Result(sections, None, None, (), disagreements, unrated)
    uncapped = grade_for(_weighted_mean(scored))
    overall, limits = _limit(uncapped, sections, missing_sections, unquantified_provision)
    return Result(sections, overall, uncapped, limits)


def _limit(
    grade: Grade,
    sections: Mapping[str, Grade],
    missing_sections: Iterable[str],
    unquantified_provision: bool,
) -> tuple[Grade, tuple[str, ...]]:
    """Rules 4 and 5: the grade after the weakest section and the caps, and why it is lower."""
    limits: list[str] = []
    weakest_code, weakest = min(sections.items(), key=lambda item: item[1].points)
    ceiling = Grade.from_points(min(weakest.points + 1, 4))
    if grade.points > ceiling.points:
        grade = ceiling
        limits.append(
            f"Section {weakest_code} is {weakest.label.lower()}, so the plan can be no better "
            f"than {ceiling.label.lower()}."
        )
    caps = [missing_section_limit(code) for code in missing_sections]
    if unquantified_provision:
        caps.append(UNQUANTIFIED_LIMIT)
    if caps and grade.points > CAPPED_AT.points:
        grade = CAPPED_AT
    limits.extend(caps)
    return grade, tuple(limits)
