"""Module 2, Requests: rules T-REQ-1 ... T-REQ-6 of sen2-details.md section 5.2, split one
condition per function."""

from collections.abc import Iterator

from thrive.law import codes
from thrive.returns.sen2.records import Person, Request
from thrive.returns.sen2.rules.base import (
    Context,
    Problem,
    as_date,
    la_number_problem,
    request_rule,
)

_DECIDED = frozenset({"Y", "N"})
_NO_ASSESSMENT = frozenset({"A", "W"})


@request_rule(
    "T-REQ-1", "E", "RequestOutcome is present and is Y, N, A, W or H.", "schema + guide [S]"
)
def request_outcome_valid(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    if not request.outcome:
        yield Problem(
            "RequestOutcome",
            "RequestOutcome is missing: say Y (assess), N (not assess), A (not yet decided), "
            "W (withdrawn) or H (decided before this collection period)",
        )
    elif request.outcome not in ctx.spec.request_outcomes:
        yield Problem(
            "RequestOutcome",
            f"RequestOutcome must be Y, N, A, W or H, not {request.outcome!r}",
        )


@request_rule("T-REQ-2a", "E", "RequestOutcome Y or N: RequestOutcomeDate is present.", "guide [S]")
def request_outcome_date_given(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    if request.outcome in _DECIDED and request.outcome_date is None:
        yield Problem(
            "RequestOutcomeDate",
            f"RequestOutcomeDate is missing: a request with outcome {request.outcome} needs the "
            "date the family was told whether the LA would assess",
        )


@request_rule("T-REQ-2b", "E", "RequestOutcomeDate is on or after ReceivedDate.", "guide [S]")
def request_outcome_after_receipt(
    request: Request, person: Person, ctx: Context
) -> Iterator[Problem]:
    received, told = as_date(request.received_date), as_date(request.outcome_date)
    if received is not None and told is not None and told < received:
        yield Problem(
            "RequestOutcomeDate",
            f"RequestOutcomeDate {told.isoformat()} is before ReceivedDate "
            f"{received.isoformat()}: the decision cannot come before the request",
        )


@request_rule(
    "T-REQ-3",
    "Q",
    "RequestOutcome A or W: no Assessment and no ActivePlans (H may carry the historical "
    "assessment and plan).",
    "guide [S]: with A, W or H no further information is needed in the module",
)
def nothing_after_undecided_request(
    request: Request, person: Person, ctx: Context
) -> Iterator[Problem]:
    if request.outcome in _NO_ASSESSMENT:
        meaning = "not yet decided" if request.outcome == "A" else "withdrawn"
        for item, value in (
            ("Assessment", request.assessment),
            ("ActivePlans", request.active_plan),
        ):
            if value is not None:
                yield Problem(
                    item,
                    f"{item} is given but the request outcome is {request.outcome} ({meaning}): "
                    "check the request outcome, or leave the assessment out",
                )


@request_rule(
    "T-REQ-4a",
    "E",
    "RequestSource is present from 2026 (optional in 2025).",
    "supplier [S]: mandatory in 2026 (Access Synergy)",
)
def request_source_given(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    if ctx.spec.request_source == "mandatory" and request.source is None:
        yield Problem(
            "RequestSource",
            f"RequestSource is missing: from {ctx.year} every request says who made it "
            "(1 parent or young person, 2 school or college, 3 health, 4 social care, 5 other)",
        )


@request_rule(
    "T-REQ-4b",
    "E",
    "RequestSource, when given in a year that collects it (2025 on), is 1 to 5.",
    "supplier [S]",
)
def request_source_valid(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    # Before 2025 the writers leave RequestSource out, so a value there is never sent.
    collected = ctx.spec.request_source != "absent"
    if collected and request.source is not None and request.source not in codes.REQUEST_SOURCES:
        yield Problem("RequestSource", f"RequestSource must be 1 to 5, not {request.source!r}")


@request_rule(
    "T-REQ-5a",
    "E",
    "Exported, when given, is a recognised 3-digit LA number, not our own.",
    "schema [S]: 3 digits; 'not our own LA' [U]",
)
def exported_is_another_la(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    if request.exported is not None:
        problem = la_number_problem(request.exported, "Exported", ctx.la_code)
        if problem is not None:
            yield problem


@request_rule(
    "T-REQ-5b",
    "E",
    "TransferLA, when given, is a recognised 3-digit LA number, not our own.",
    "schema [S]: 3 digits; 'not our own LA' [U]",
)
def transfer_la_is_another_la(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    plan = request.active_plan
    if plan is not None and plan.transfer_la is not None:
        problem = la_number_problem(plan.transfer_la, "TransferLA", ctx.la_code)
        if problem is not None:
            yield problem


@request_rule(
    "T-REQ-6",
    "Q",
    "RequestOutcome Y: an Assessment is expected.",
    "inference [U]",
)
def assessment_after_yes(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    if request.outcome == "Y" and request.assessment is None:
        yield Problem(
            "Assessment",
            "Assessment is missing: the LA agreed to assess (RequestOutcome Y), so the "
            "assessment should be reported, with outcome A if no decision is made yet",
        )
