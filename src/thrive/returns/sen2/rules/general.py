"""Checks across every item: rules T-GEN-1 (dates) and T-GEN-2 (flags) of sen2-details.md
section 5.2. The records are typed, but a file read back may carry what its reader could
not parse, so these rules look at the values themselves."""

from collections.abc import Iterator
from datetime import date
from typing import Final

from thrive.returns.sen2.records import Person, Request
from thrive.returns.sen2.rules.base import Context, Problem, as_date, person_rule, request_rule

#: Dates the guide allows after the census day: the due date for an amended plan at phase
#: transfer looks ahead [U].
MAY_FOLLOW_CENSUS: Final = frozenset({"PhaseTransferDueDate"})


def request_dates(request: Request) -> Iterator[tuple[str, object]]:
    """Every date item in a request's tree, as (element name, value), absent ones left out."""
    items: list[tuple[str, object]] = [
        ("ReceivedDate", request.received_date),
        ("RequestOutcomeDate", request.outcome_date),
    ]
    assessment = request.assessment
    if assessment is not None:
        items.append(("AssessmentOutcomeDate", assessment.outcome_date))
        if assessment.named_plan is not None:
            items.append(("StartDate", assessment.named_plan.start_date))
            items.append(("CeaseDate", assessment.named_plan.cease_date))
    plan = request.active_plan
    if plan is not None:
        for placement in plan.placements:
            items.append(("EntryDate", placement.entry_date))
            items.append(("LeavingDate", placement.leaving_date))
        items += [
            ("ReviewMeeting", plan.review_meeting),
            ("ReviewDraft", plan.review_draft),
            ("PhaseTransferDueDate", plan.phase_transfer_due),
            ("PhaseTransferFinalDate", plan.phase_transfer_final),
            ("LastReview", plan.last_review),
        ]
    return ((item, value) for item, value in items if value is not None)


def request_flags(request: Request) -> Iterator[tuple[str, object, bool]]:
    """Every 0/1 flag in a request's tree, as (element name, value, may be absent)."""
    yield "RYA", request.relevant_youth_accommodation, False
    yield "RequestMediation", request.mediation, False
    yield "RequestTribunal", request.tribunal, False
    assessment = request.assessment
    if assessment is not None:
        yield "AssessmentMediation", assessment.mediation, False
        yield "AssessmentTribunal", assessment.tribunal, False
        yield "OtherMediation", assessment.other_mediation, False
        yield "OtherTribunal", assessment.other_tribunal, False
        yield "Week20", assessment.week20_exceptions, True
        named = assessment.named_plan
        if named is not None:
            yield "PB", named.personal_budget, True
            yield "OA", named.organised_arrangements, True
            for detail in named.details:
                yield "SENunitIndicator", detail.sen_unit, False
                yield "ResourcedProvisionIndicator", detail.resourced_provision, False
    if request.active_plan is not None:
        for placement in request.active_plan.placements:
            yield "SENunitIndicator", placement.sen_unit, False
            yield "ResourcedProvisionIndicator", placement.resourced_provision, False


def _not_a_date(item: str, value: object) -> Problem:
    return Problem(item, f"{item} must be a date written YYYY-MM-DD, not {value!r}")


def _after_census(item: str, day: date, census: date) -> Problem:
    return Problem(
        item,
        f"{item} {day.isoformat()} is after the census day {census.isoformat()}: the return "
        "reports what happened up to the census day",
    )


@request_rule("T-GEN-1a", "E", "Every date item in a request holds a valid date.", "schema [S]")
def request_dates_valid(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    for item, value in request_dates(request):
        if as_date(value) is None:
            yield _not_a_date(item, value)


@request_rule(
    "T-GEN-1b",
    "E",
    "No date in a request is after the ReferenceDate, except PhaseTransferDueDate.",
    "[S]; the exception [U]",
)
def request_dates_by_census(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    census = as_date(ctx.reference_date)
    if census is None:
        return
    for item, value in request_dates(request):
        day = as_date(value)
        if day is not None and day > census and item not in MAY_FOLLOW_CENSUS:
            yield _after_census(item, day, census)


@person_rule(
    "T-GEN-1c",
    "E",
    "PersonBirthDate is a valid date, not after the ReferenceDate.",
    "[S]; CBDS rule 8520 (date of birth after the collection period) [S]",
)
def birth_date_valid(person: Person, ctx: Context) -> Iterator[Problem]:
    if person.birth_date is None:
        return  # T-PER-4a
    born = as_date(person.birth_date)
    census = as_date(ctx.reference_date)
    # The date of birth itself stays out of the message: it is personal data.
    if born is None:
        yield Problem("PersonBirthDate", "PersonBirthDate must be a date written YYYY-MM-DD")
    elif census is not None and born > census:
        yield Problem(
            "PersonBirthDate",
            f"PersonBirthDate is after the census day {census.isoformat()}: check the date "
            "of birth",
        )


@request_rule(
    "T-GEN-2",
    "E",
    "Flags are 0 or 1 only (Week20, PB and OA may be left out).",
    "[S2]: written 0/1",
)
def flags_are_zero_or_one(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    for item, value, optional in request_flags(request):
        if value is None and optional:
            continue
        if not isinstance(value, bool):
            yield Problem(item, f"{item} must be 0 or 1, not {value!r}")
