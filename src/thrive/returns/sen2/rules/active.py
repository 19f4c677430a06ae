"""Module 5, ActivePlans: rules T-ACT-1 ... T-ACT-6 of sen2-details.md section 5.2, split
one condition per function. Every rule here passes requests without ActivePlans."""

from collections.abc import Iterator
from datetime import timedelta
from typing import Final

from thrive.law import codes
from thrive.law.reviews import (
    REVIEW_DECISION_WEEKS,
    REVIEW_PERIOD_MONTHS,
    PhaseTransfer,
    academic_year_starting,
    national_curriculum_year,
    period_starting_with_ends_on,
    phase_transfer_review_by,
)
from thrive.returns.sen2.records import Person, Request
from thrive.returns.sen2.rules.base import Context, Problem, as_date, request_rule

MAX_NEEDS: Final = 2
RANKS: Final = frozenset({1, 2})
REVIEW_OUTCOMES: Final = {"A": "amend", "C": "cease", "M": "maintain"}
#: National curriculum Year 11, the last year of secondary school (reg. 18(1)(a)).
LAST_SECONDARY_YEAR: Final = 11


@request_rule("T-ACT-1a", "E", "ActivePlans has one or two SENneed elements.", "schema [S]: 1..2")
def one_or_two_needs(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    plan = request.active_plan
    if plan is not None and not 1 <= len(plan.needs) <= MAX_NEEDS:
        yield Problem(
            "SENneed",
            f"ActivePlans has {len(plan.needs)} SENneed elements: give the primary need "
            "(rank 1) and at most one secondary need (rank 2)",
        )


@request_rule(
    "T-ACT-1b",
    "E",
    "SENtypeRank is 1 or 2, with exactly one rank 1 and no rank repeated.",
    "schema + guide [S]",
)
def need_ranks(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    plan = request.active_plan
    if plan is None or not plan.needs:
        return
    ranks = [need.rank for need in plan.needs]
    if any(rank not in RANKS for rank in ranks):
        yield Problem("SENtypeRank", f"SENtypeRank must be 1 or 2, not {ranks}")
    elif ranks.count(1) != 1 or len(set(ranks)) != len(ranks):
        yield Problem(
            "SENtypeRank",
            f"SENtypeRank values are {ranks}: give exactly one primary need (1) and at most "
            "one secondary need (2)",
        )


@request_rule(
    "T-ACT-1c",
    "E",
    "SENtype is a code for that year (DS, Down syndrome, only from 2025).",
    "schema + guide [S]",
)
def need_type_valid(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    plan = request.active_plan
    if plan is None:
        return
    for need in plan.needs:
        if need.sen_type not in ctx.spec.sen_types:
            known = need.sen_type in codes.SEN_TYPES
            why = f"is not collected in the {ctx.year} return" if known else "is not a code"
            yield Problem("SENtype", f"SENtype {need.sen_type!r} {why}: use a {ctx.year} SEN type")


@request_rule("T-ACT-2a", "E", "ActivePlans has at least one PlacementDetail.", "schema [S]: 1..n")
def active_plan_has_placement(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    plan = request.active_plan
    if plan is not None and not plan.placements:
        yield Problem(
            "PlacementDetail",
            "PlacementDetail is missing: give each setting attended during the year, or a "
            "SENsetting code (such as NIEO) if the child or young person is not in one",
        )


@request_rule(
    "T-ACT-2b",
    "E",
    "Each PlacementDetail has PlacementRank 1 or 2 and an EntryDate.",
    "schema [S]",
)
def placement_rank_and_entry(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    plan = request.active_plan
    if plan is None:
        return
    for number, placement in enumerate(plan.placements, start=1):
        if placement.rank not in RANKS:
            yield Problem(
                "PlacementRank",
                f"PlacementRank in PlacementDetail {number} must be 1 or 2, not {placement.rank!r}",
            )
        if placement.entry_date is None:
            yield Problem(
                "EntryDate",
                f"EntryDate is missing in PlacementDetail {number}: give the date the child "
                "or young person started there",
            )


@request_rule("T-ACT-2c", "E", "LeavingDate is on or after EntryDate.", "schema + supplier [S]")
def leaving_after_entry(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    plan = request.active_plan
    if plan is None:
        return
    for number, placement in enumerate(plan.placements, start=1):
        entry, left = as_date(placement.entry_date), as_date(placement.leaving_date)
        if entry is not None and left is not None and left < entry:
            yield Problem(
                "LeavingDate",
                f"LeavingDate {left.isoformat()} in PlacementDetail {number} is before its "
                f"EntryDate {entry.isoformat()}",
            )


@request_rule(
    "T-ACT-2d",
    "E",
    "Each placement overlaps the collection period: not left before it began (EntryDate "
    "after the ReferenceDate is T-GEN-1b).",
    "supplier [S]: Capita Item 5.7, settings attended during the year",
)
def placement_in_period(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    plan = request.active_plan
    if plan is None:
        return
    start = ctx.spec.period_start
    for number, placement in enumerate(plan.placements, start=1):
        left = as_date(placement.leaving_date)
        if left is not None and left < start:
            yield Problem(
                "LeavingDate",
                f"LeavingDate {left.isoformat()} in PlacementDetail {number} is before the "
                f"collection period began on {start.isoformat()}: leave the placement out",
            )


@request_rule("T-ACT-3a", "E", "ReviewOutcome only when ReviewMeeting is present.", "supplier [S]")
def outcome_needs_meeting(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    plan = request.active_plan
    if plan is not None and plan.review_outcome is not None and plan.review_meeting is None:
        yield Problem(
            "ReviewOutcome",
            "ReviewOutcome is given without a ReviewMeeting: give the meeting date, or "
            "leave the outcome out",
        )


@request_rule(
    "T-ACT-3b",
    "E",
    "ReviewMeeting and LastReview are on or before the ReferenceDate.",
    "supplier [S]: Capita Items 5.4, 5.6",
)
def reviews_before_census(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    plan = request.active_plan
    census = as_date(ctx.reference_date)
    if plan is None or census is None:
        return
    for item, value in (("ReviewMeeting", plan.review_meeting), ("LastReview", plan.last_review)):
        day = as_date(value)
        if day is not None and day > census:
            yield Problem(
                item,
                f"{item} {day.isoformat()} is after the census day {census.isoformat()}: "
                "report the latest one on or before the census day",
            )


@request_rule(
    "T-ACT-3c", "E", "ReviewOutcome, when given, is A, C or M.", "supplier [S]: Capita Item 5.5"
)
def review_outcome_valid(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    plan = request.active_plan
    outcome = plan.review_outcome if plan is not None else None
    if outcome is not None and outcome not in REVIEW_OUTCOMES:
        yield Problem(
            "ReviewOutcome",
            f"ReviewOutcome must be A (amend), C (cease) or M (maintain), not {outcome!r}",
        )


@request_rule(
    "T-ACT-4a",
    "Q",
    "LastReview is on or after ReviewMeeting when a ReviewOutcome is given (with no outcome "
    "yet, LastReview is the previous review's decision).",
    "guide [S]; supplier [S]: Capita Items 5.5, 5.6",
)
def decision_after_meeting(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    plan = request.active_plan
    if plan is None or plan.review_outcome is None:
        return
    met, decided = as_date(plan.review_meeting), as_date(plan.last_review)
    if met is not None and decided is not None and decided < met:
        yield Problem(
            "LastReview",
            f"LastReview {decided.isoformat()} is before the ReviewMeeting {met.isoformat()} "
            "although a ReviewOutcome is given: LastReview is the date that decision was sent",
        )


@request_rule(
    "T-ACT-4b",
    "Q",
    "The review decision (LastReview) came more than 4 weeks after the ReviewMeeting, or none "
    "is recorded though the meeting was more than 4 weeks before the ReferenceDate.",
    "guide [S]; law: SEND Regulations 2014, reg. 20(10)",
)
def decision_within_four_weeks(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    plan = request.active_plan
    census = as_date(ctx.reference_date)
    met = as_date(plan.review_meeting) if plan is not None else None
    if plan is None or met is None or census is None:
        return
    due = met + timedelta(weeks=REVIEW_DECISION_WEEKS)
    decided = as_date(plan.last_review)
    if decided is not None and decided > due:
        yield Problem(
            "LastReview",
            f"LastReview is {(decided - met).days} days after the ReviewMeeting: the decision "
            f"is due within {REVIEW_DECISION_WEEKS} weeks, so confirm both dates",
        )
    elif (decided is None or decided < met) and plan.review_outcome is None and census > due:
        yield Problem(
            "LastReview",
            f"LastReview has no decision for the ReviewMeeting of {met.isoformat()}: it was due "
            f"by {due.isoformat()}, before the census day, so record the decision or check",
        )


@request_rule(
    "T-ACT-5",
    "Q",
    "No ReviewMeeting and the plan's StartDate more than 12 months before the ReferenceDate.",
    "law [S]: Children and Families Act 2014, s.44(1)",
)
def review_overdue(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    plan = request.active_plan
    named = request.assessment.named_plan if request.assessment is not None else None
    census = as_date(ctx.reference_date)
    if plan is None or named is None or census is None or not ctx.spec.review_items:
        return
    start = as_date(named.start_date)
    if plan.review_meeting is not None or named.cease_date is not None or start is None:
        return
    due_by = period_starting_with_ends_on(start, REVIEW_PERIOD_MONTHS)
    if due_by < census:
        yield Problem(
            "ReviewMeeting",
            f"ReviewMeeting is missing but the plan started on {start.isoformat()}: its first "
            f"review was due by {due_by.isoformat()}, so give the meeting date or check",
        )


@request_rule(
    "T-ACT-6",
    "Q",
    "PhaseTransferFinalDate after 15 February of the transfer year (31 March for secondary "
    "to post-16).",
    "law [V]: SEND Regulations 2014, reg. 18(1); item meaning [U]",
)
def phase_transfer_in_time(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    plan = request.active_plan
    final = as_date(plan.phase_transfer_final) if plan is not None else None
    born = as_date(person.birth_date)
    if final is None:
        return
    transfer_year = academic_year_starting(final) + 1
    secondary_to_post_16 = (
        born is not None
        and born <= final
        and national_curriculum_year(born, final) == LAST_SECONDARY_YEAR
    )
    kind = (
        PhaseTransfer.SECONDARY_TO_POST_16
        if secondary_to_post_16
        else PhaseTransfer.PRIMARY_TO_SECONDARY
    )
    deadline = phase_transfer_review_by(kind, transfer_year)
    if final > deadline:
        which = "a move to post-16" if secondary_to_post_16 else "a phase transfer"
        yield Problem(
            "PhaseTransferFinalDate",
            f"PhaseTransferFinalDate {final.isoformat()} is after {deadline.isoformat()}, the "
            f"last day for {which} in {transfer_year}: confirm the date",
        )
