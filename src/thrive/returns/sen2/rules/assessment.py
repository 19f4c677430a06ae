"""Module 3, Assessment: rules T-ASS-1 ... T-ASS-4 of sen2-details.md section 5.2, split
one condition per function. Every rule here looks at a request's Assessment and passes
requests without one."""

from collections.abc import Iterator
from datetime import timedelta
from typing import Final

from thrive.returns.sen2.records import Person, Request
from thrive.returns.sen2.rules.base import Context, Problem, as_date, request_rule

#: 20 weeks from the request to the final plan (SEND Regulations 2014, reg. 13(2)); DfE's
#: day arithmetic is unpublished, so StartDate <= ReceivedDate + 140 days (statutory.md 1.1).
TWENTY_WEEKS: Final = timedelta(weeks=20)


@request_rule(
    "T-ASS-1",
    "E",
    "AssessmentOutcome is present and is Y, N, A, W or H.",
    "schema + guide [S]; S (assessed by another LA) only until 2023 [U]",
)
def assessment_outcome_valid(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    assessment = request.assessment
    if assessment is None:
        return
    if not assessment.outcome:
        yield Problem(
            "AssessmentOutcome",
            "AssessmentOutcome is missing: say Y (plan to be issued), N (no plan), "
            "A (not yet decided), W (withdrawn) or H (decided before this collection period)",
        )
    elif assessment.outcome not in ctx.spec.assessment_outcomes:
        yield Problem(
            "AssessmentOutcome",
            f"AssessmentOutcome {assessment.outcome!r} is not a {ctx.year} code "
            f"({', '.join(sorted(ctx.spec.assessment_outcomes))})",
        )


@request_rule(
    "T-ASS-2a", "E", "AssessmentOutcome N: AssessmentOutcomeDate is present.", "guide [S]"
)
def no_plan_decision_dated(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    assessment = request.assessment
    if assessment is not None and assessment.outcome == "N" and assessment.outcome_date is None:
        yield Problem(
            "AssessmentOutcomeDate",
            "AssessmentOutcomeDate is missing: an assessment with outcome N needs the date the "
            "family was told a plan would not be issued",
        )


@request_rule(
    "T-ASS-2b",
    "E",
    "AssessmentOutcome Y with a plan issued (NamedPlan): AssessmentOutcomeDate is present.",
    "guide [S]",
)
def issued_plan_dated(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    assessment = request.assessment
    if (
        assessment is not None
        and assessment.outcome == "Y"
        and assessment.named_plan is not None
        and assessment.outcome_date is None
    ):
        yield Problem(
            "AssessmentOutcomeDate",
            "AssessmentOutcomeDate is missing: the plan was issued (NamedPlan given), so give "
            "the date the final plan was issued",
        )


@request_rule(
    "T-ASS-2c",
    "E",
    "AssessmentOutcome Y with no plan issued yet: AssessmentOutcomeDate is left blank.",
    "guide [S]",
)
def no_date_before_issue(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    assessment = request.assessment
    if (
        assessment is not None
        and assessment.outcome == "Y"
        and assessment.named_plan is None
        and assessment.outcome_date is not None
    ):
        yield Problem(
            "AssessmentOutcomeDate",
            "AssessmentOutcomeDate must be left blank until the plan is issued: outcome Y has "
            "no NamedPlan yet",
        )


@request_rule(
    "T-ASS-2d",
    "E",
    "AssessmentOutcomeDate is on or after ReceivedDate.",
    "guide [S]; statutory.md 3.6(b) date order",
)
def assessment_after_request(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    assessment = request.assessment
    received = as_date(request.received_date)
    decided = as_date(assessment.outcome_date) if assessment is not None else None
    if received is not None and decided is not None and decided < received:
        yield Problem(
            "AssessmentOutcomeDate",
            f"AssessmentOutcomeDate {decided.isoformat()} is before ReceivedDate "
            f"{received.isoformat()}: the assessment cannot end before the request",
        )


@request_rule(
    "T-ASS-3a",
    "E",
    "AssessmentOutcome A, W or N: no NamedPlan.",
    "guide [S]: with A or W nothing more is needed; a NamedPlan only when a plan is issued",
)
def no_plan_without_issue(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    assessment = request.assessment
    if (
        assessment is not None
        and assessment.outcome in {"A", "W", "N"}
        and assessment.named_plan is not None
    ):
        yield Problem(
            "NamedPlan",
            f"NamedPlan is given but the assessment outcome is {assessment.outcome}: "
            "a plan is only reported when the decision was to issue one (Y or H)",
        )


@request_rule(
    "T-ASS-3b",
    "E",
    "An active plan (ActivePlans) has its NamedPlan, in particular with AssessmentOutcome H.",
    "guide [S]: with H the plan details are still required",
)
def active_plan_has_named_plan(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    assessment = request.assessment
    if request.active_plan is not None and (assessment is None or assessment.named_plan is None):
        outcome = assessment.outcome if assessment is not None else "none"
        yield Problem(
            "NamedPlan",
            f"NamedPlan is missing: the request has ActivePlans (assessment outcome {outcome}), "
            "so the plan's start date and named settings are needed",
        )


@request_rule(
    "T-ASS-4a",
    "Q",
    "A plan issued after this assessment (outcome Y): Week20 says whether exceptions applied.",
    "guide [S]: the 20-week measure applies once a plan is issued",
)
def week20_given(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    assessment = request.assessment
    if (
        assessment is not None
        and assessment.outcome == "Y"
        and assessment.named_plan is not None
        and assessment.week20_exceptions is None
    ):
        yield Problem(
            "Week20",
            "Week20 is missing: the plan was issued, so say whether a 20-week exception "
            "applied (1) or not (0)",
        )


@request_rule(
    "T-ASS-4b",
    "Q",
    "Plan issued more than 20 weeks (140 days) after ReceivedDate with Week20 = 0.",
    "guide [S]; threshold statutory.md 1.1 [U]",
)
def late_plan_without_exception(
    request: Request, person: Person, ctx: Context
) -> Iterator[Problem]:
    assessment = request.assessment
    if assessment is None or assessment.outcome != "Y" or assessment.named_plan is None:
        return
    received = as_date(request.received_date)
    issued = as_date(assessment.outcome_date) or as_date(assessment.named_plan.start_date)
    if received is None or issued is None or assessment.week20_exceptions is not False:
        return
    if issued > received + TWENTY_WEEKS:
        weeks = (issued - received).days // 7
        yield Problem(
            "Week20",
            f"The plan was issued {weeks} weeks after the request with Week20 = 0: confirm "
            "that no exception applied, or set Week20 to 1",
        )
