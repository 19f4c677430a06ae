"""Checking import records before anything is written: every field of every row, so the
user gets one report of everything to put right. Messages say what is wrong with the field,
never its value ("fails its check letter", not the UPN)."""

from collections.abc import Iterator
from datetime import date

from thrive.law import codes, identifiers
from thrive.returns.sen2.records import Person, Placement, Request

from . import template
from .source import UNREADABLE_DATE, RowError

_YES_OR_HISTORICAL = frozenset({"Y", "H"})


class _Check:
    def __init__(self, row: int, today: date) -> None:
        self.row = row
        self.today = today
        self.errors: list[RowError] = []

    def add(self, column: str, message: str, value: object = "") -> None:
        self.errors.append(RowError(self.row, column, message, "" if value is None else str(value)))

    def required(self, column: str, value: object) -> bool:
        if value in (None, "", UNREADABLE_DATE):
            # An unreadable date was reported when read: that report is the one kept.
            self.add(column, "is required")
            return False
        return True

    def code(self, column: str, value: str | None, allowed: object) -> None:
        if value and value not in allowed:  # type: ignore[operator]
            self.add(column, "is not one of the codes in the template", value)

    def past(self, column: str, value: date | None) -> None:
        if value is not None and value != UNREADABLE_DATE and value > self.today:
            self.add(column, "cannot be in the future", value.isoformat())


def _identifiers(check: _Check, person: Person) -> None:
    if person.upn:
        problems = identifiers.upn_problems(person.upn)
        if problems:
            reason = {
                "1510": "fails its check letter",
                "1530": "does not start with a recognised local authority number",
                "1540": "must have digits in characters 5 to 12",
                "1550": "has a last character that is not allowed",
            }
            code = problems[0][0]
            check.add("upn", reason.get(code, "must be 13 characters"), person.upn)
    if person.uln and not identifiers.is_valid_uln(person.uln):
        check.add("uln", "is not a valid unique learner number", person.uln)
    if person.upn_unknown:
        check.code("upn_unknown", person.upn_unknown, codes.UPN_UNKNOWN)
        if person.upn or person.uln:
            check.add("upn_unknown", "must be blank when there is a UPN or ULN")


def _person(check: _Check, person: Person) -> None:
    check.required("surname", person.surname)
    check.required("forename", person.forename)
    if check.required("date_of_birth", person.birth_date):
        check.past("date_of_birth", person.birth_date)
        if codes.age_on(person.birth_date, check.today) > codes.MAX_AGE + 1:
            check.add("date_of_birth", "is more than 26 years ago: Thrive is for ages 0 to 25")
    if check.required("sex", person.sex):
        check.code("sex", person.sex, codes.SEXES)
    if check.required("ethnicity", person.ethnicity):
        check.code("ethnicity", person.ethnicity, codes.ETHNICITIES)
    if person.postcode and not identifiers.is_valid_postcode(person.postcode):
        check.add("postcode", "is not a valid postcode", person.postcode)
    _identifiers(check, person)
    if not person.requests:
        check.add("request_received", "is required: each person needs at least one request")


def _placement(check: _Check, placement: Placement) -> None:
    if placement.urn and not (len(placement.urn) == 6 and placement.urn.isdigit()):
        check.add("placement_urn", "must be 6 digits", placement.urn)
    if placement.ukprn and not (len(placement.ukprn) == 8 and placement.ukprn.isdigit()):
        check.add("placement_ukprn", "must be 8 digits", placement.ukprn)
    check.code("sen_setting", placement.sen_setting, codes.SEN_SETTINGS)


def _request(check: _Check, request: Request) -> None:
    if check.required("request_received", request.received_date):
        check.past("request_received", request.received_date)
    check.code("request_source", request.source, codes.REQUEST_SOURCES)
    if check.required("request_outcome", request.outcome):
        check.code("request_outcome", request.outcome, template.REQUEST_OUTCOMES)
    check.past("request_outcome_date", request.outcome_date)
    if request.outcome in ("Y", "N") and request.outcome_date is None:
        check.add("request_outcome_date", "is required when the decision to assess is Y or N")
    received = request.received_date
    if (
        request.outcome_date
        and received not in (None, UNREADABLE_DATE)
        and request.outcome_date < received
    ):
        check.add("request_outcome_date", "is before the request was received")
    assessment = request.assessment
    if assessment is None:
        if request.active_plan is not None:
            check.add("assessment_outcome", "is required when there is a plan")
        return
    if request.outcome not in _YES_OR_HISTORICAL:
        check.add("assessment_outcome", "must be blank unless the decision to assess is Y or H")
    if check.required("assessment_outcome", assessment.outcome):
        check.code("assessment_outcome", assessment.outcome, template.ASSESSMENT_OUTCOMES)
    check.past("assessment_outcome_date", assessment.outcome_date)
    plan = assessment.named_plan
    if plan is None:
        return
    if assessment.outcome not in _YES_OR_HISTORICAL:
        check.add("plan_start", "must be blank unless the decision to issue is Y or H")
    if check.required("plan_start", plan.start_date):
        check.past("plan_start", plan.start_date)
    for placement in plan.details:
        _placement(check, placement)
    if plan.cease_date and not plan.cease_reason:
        check.add("cease_reason", "is required when the plan ceased")
    if plan.cease_reason and not plan.cease_date:
        check.add("cease_date", "is required with a reason the plan ceased")
    check.code("cease_reason", plan.cease_reason, codes.CEASE_REASONS)
    check.past("cease_date", plan.cease_date)
    if plan.cease_date and plan.start_date != UNREADABLE_DATE and plan.cease_date < plan.start_date:
        check.add("cease_date", "is before the plan started")
    active = request.active_plan
    if active is None:
        return
    for placement in active.placements:
        _placement(check, placement)
    columns = {1: "primary_need", 2: "secondary_need"}
    for need in active.needs:
        column = columns.get(need.rank, "secondary_need")
        check.code(column, need.sen_type, codes.SEN_TYPES)
    if not any(need.rank == 1 for need in active.needs):
        check.add("primary_need", "is required when there is a plan")
    ranks = [need.sen_type for need in active.needs]
    if len(set(ranks)) != len(ranks):
        check.add("secondary_need", "must differ from the primary need")
    check.code("review_outcome", active.review_outcome, template.REVIEW_OUTCOMES)
    check.past("review_meeting", active.review_meeting)
    check.past("review_decision_date", active.last_review)
    if active.review_outcome and active.review_meeting is None:
        check.add("review_meeting", "is required when there is a review decision")
    # Without a decision the latest review is still open, and the decision date is an
    # earlier review's (SEN2's LastReview): only a decision on this review must follow it.
    if (
        active.review_outcome
        and active.last_review
        and active.review_meeting
        and active.last_review < active.review_meeting
    ):
        check.add("review_decision_date", "is before the review meeting")


def record_errors(row: int, person: Person, *, today: date) -> Iterator[RowError]:
    """Every problem with one record's fields (not yet with Thrive's records)."""
    check = _Check(row, today)
    _person(check, person)
    for request in person.requests:
        _request(check, request)
    return iter(check.errors)
