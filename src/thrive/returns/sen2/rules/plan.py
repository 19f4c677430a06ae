"""Module 4, NamedPlan and PlanDetail (and the placement codes of Module 5): rules T-PLN-1
... T-PLN-5 of sen2-details.md section 5.2, split one condition per function."""

from collections.abc import Iterator
from typing import Final

from thrive.law import codes
from thrive.returns.sen2.records import NamedPlan, Person, Placement, Request
from thrive.returns.sen2.rules.base import Context, Problem, as_date, request_rule

URN_LENGTH: Final = 6
UKPRN_LENGTH: Final = 8
MAX_PLAN_DETAILS: Final = 2
RANKS: Final = frozenset({1, 2})
DIRECT_PAYMENTS: Final = {"E": "education", "S": "social care", "H": "health", "I": "integrated"}


def _plan(request: Request) -> NamedPlan | None:
    return request.assessment.named_plan if request.assessment is not None else None


def _details(request: Request) -> Iterator[tuple[str, int, Placement]]:
    """Every PlanDetail and PlacementDetail of a request, with its element name and number."""
    plan = _plan(request)
    if plan is not None:
        for number, detail in enumerate(plan.details, start=1):
            yield "PlanDetail", number, detail
    if request.active_plan is not None:
        for number, detail in enumerate(request.active_plan.placements, start=1):
            yield "PlacementDetail", number, detail


def _digits(value: str, length: int) -> bool:
    return len(value) == length and value.isascii() and value.isdigit()


@request_rule("T-PLN-1a", "E", "NamedPlan has a StartDate.", "schema [S]: minOccurs 1")
def plan_has_start_date(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    plan = _plan(request)
    if plan is not None and plan.start_date is None:
        yield Problem("StartDate", "StartDate is missing: give the date the EHC plan was issued")


@request_rule("T-PLN-1b", "E", "NamedPlan has one or two PlanDetail elements.", "schema [S]: 1..2")
def plan_names_one_or_two_settings(
    request: Request, person: Person, ctx: Context
) -> Iterator[Problem]:
    plan = _plan(request)
    if plan is not None and not 1 <= len(plan.details) <= MAX_PLAN_DETAILS:
        yield Problem(
            "PlanDetail",
            f"NamedPlan has {len(plan.details)} PlanDetail elements: give the setting named in "
            "section I (rank 1), and a second (rank 2) only for dual placements",
        )


@request_rule(
    "T-PLN-1c",
    "E",
    "PlanDetail ranks are 1 or 2, with exactly one rank 1 and no rank repeated.",
    "schema [S]",
)
def plan_ranks(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    plan = _plan(request)
    if plan is None or not plan.details:
        return
    ranks = [detail.rank for detail in plan.details]
    if any(rank not in RANKS for rank in ranks):
        yield Problem("PlacementRank", f"PlacementRank must be 1 or 2, not {ranks}")
    elif ranks.count(1) != 1 or len(set(ranks)) != len(ranks):
        yield Problem(
            "PlacementRank",
            f"PlacementRank values in PlanDetail are {ranks}: the plan needs exactly one "
            "rank 1 setting and at most one rank 2",
        )


@request_rule(
    "T-PLN-2a",
    "E",
    "Each PlanDetail and PlacementDetail has a URN, a UKPRN or a SENsetting.",
    "guide [S]",
)
def detail_identifies_setting(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    for element, number, detail in _details(request):
        if detail.urn is None and detail.ukprn is None and detail.sen_setting is None:
            yield Problem(
                element,
                f"{element} {number} names no setting: give the URN, the UKPRN, or, for "
                "a setting with neither, the SENsetting code",
            )


@request_rule(
    "T-PLN-2b",
    "E",
    "SENsetting only when there is no URN or UKPRN.",
    "guide [S]",
)
def setting_code_only_without_urn(
    request: Request, person: Person, ctx: Context
) -> Iterator[Problem]:
    for element, number, detail in _details(request):
        if detail.sen_setting is not None and (detail.urn is not None or detail.ukprn is not None):
            yield Problem(
                "SENsetting",
                f"SENsetting is given in {element} {number} as well as a URN or UKPRN: "
                "leave SENsetting out when the setting has a URN or UKPRN",
            )


@request_rule("T-PLN-2c", "E", "URN, when given, is 6 digits.", "schema [S]")
def urn_six_digits(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    for element, number, detail in _details(request):
        if detail.urn is not None and not _digits(detail.urn, URN_LENGTH):
            yield Problem("URN", f"URN in {element} {number} must be 6 digits, not {detail.urn!r}")


@request_rule("T-PLN-2d", "E", "UKPRN, when given, is 8 digits.", "schema [S]")
def ukprn_eight_digits(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    for element, number, detail in _details(request):
        if detail.ukprn is not None and not _digits(detail.ukprn, UKPRN_LENGTH):
            yield Problem(
                "UKPRN", f"UKPRN in {element} {number} must be 8 digits, not {detail.ukprn!r}"
            )


@request_rule(
    "T-PLN-2e",
    "E",
    "SENsetting, when given, is a code for that year (OTH from 2024).",
    "schema [S]",
)
def setting_code_valid(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    allowed = [code for code in codes.SEN_SETTINGS.codes if code in ctx.spec.sen_settings]
    for element, number, detail in _details(request):
        if detail.sen_setting is not None and detail.sen_setting not in ctx.spec.sen_settings:
            yield Problem(
                "SENsetting",
                f"SENsetting {detail.sen_setting!r} in {element} {number} is not a "
                f"{ctx.year} code ({', '.join(allowed)})",
            )


@request_rule("T-PLN-3a", "E", "CeaseReason is present exactly when CeaseDate is.", "guide [S]")
def cease_date_and_reason_together(
    request: Request, person: Person, ctx: Context
) -> Iterator[Problem]:
    plan = _plan(request)
    if plan is None:
        return
    if plan.cease_date is not None and plan.cease_reason is None:
        yield Problem(
            "CeaseReason",
            "CeaseReason is missing: the plan has a CeaseDate, so say why it ended (1 to 9)",
        )
    if plan.cease_reason is not None and plan.cease_date is None:
        yield Problem(
            "CeaseDate",
            "CeaseDate is missing: the plan has a CeaseReason, so give the date it ended",
        )


@request_rule("T-PLN-3b", "E", "CeaseReason, when given, is 1 to 9.", "guide [S]")
def cease_reason_valid(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    plan = _plan(request)
    reason = plan.cease_reason if plan is not None else None
    if reason is not None and reason not in codes.CEASE_REASONS:
        yield Problem("CeaseReason", f"CeaseReason must be 1 to 9, not {reason!r}")


@request_rule(
    "T-PLN-3c",
    "E",
    "CeaseDate is on or after StartDate (and, as every date, not after the ReferenceDate: "
    "T-GEN-1b).",
    "guide [S]",
)
def cease_after_start(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    plan = _plan(request)
    if plan is None:
        return
    start, ceased = as_date(plan.start_date), as_date(plan.cease_date)
    if start is not None and ceased is not None and ceased < start:
        yield Problem(
            "CeaseDate",
            f"CeaseDate {ceased.isoformat()} is before the plan's StartDate {start.isoformat()}",
        )


def _res_problem(item: str, value: str | None, where: str, ctx: Context) -> Iterator[Problem]:
    meanings = ctx.spec.res_meanings
    if value is not None and value not in meanings:
        listed = "; ".join(f"{code} {meaning}" for code, meaning in meanings.items())
        yield Problem(
            item, f"{item}{where} must be a {ctx.year} residential code ({listed}), not {value!r}"
        )


def _wbp_problem(item: str, value: str | None, where: str, ctx: Context) -> Iterator[Problem]:
    if value is not None and value not in ctx.spec.wbp_codes:
        yield Problem(
            item,
            f"{item}{where} must be A (apprenticeship), T (traineeship) or S (supported "
            f"internship), not {value!r}",
        )


@request_rule(
    "T-PLN-4a",
    "E",
    "PlanRes, when given, is a residential code for that year (A, B; meanings change in 2026).",
    "schema [S]; 2026 meanings CBDS RFC 1299 [S]",
)
def plan_res_valid(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    plan = _plan(request)
    if plan is not None:
        yield from _res_problem("PlanRes", plan.plan_res, "", ctx)


@request_rule("T-PLN-4b", "E", "PlanWBP, when given, is A, T or S.", "schema [S]")
def plan_wbp_valid(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    plan = _plan(request)
    if plan is not None:
        yield from _wbp_problem("PlanWBP", plan.plan_wbp, "", ctx)


@request_rule("T-PLN-4c", "E", "DP, when given, is E, S, H or I.", "schema [S]")
def direct_payments_valid(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    plan = _plan(request)
    paid = plan.direct_payments if plan is not None else None
    if paid is not None and paid not in DIRECT_PAYMENTS:
        yield Problem(
            "DP",
            "DP must be E (education), S (social care), H (health) or I (integrated), "
            f"not {paid!r}",
        )


@request_rule(
    "T-PLN-4d",
    "E",
    "Res in each PlacementDetail, when given, is a residential code for that year.",
    "schema [S]; 2026 meanings CBDS RFC 1299 [S]",
)
def placement_res_valid(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    if request.active_plan is not None:
        for number, placement in enumerate(request.active_plan.placements, start=1):
            yield from _res_problem("Res", placement.res, f" in PlacementDetail {number}", ctx)


@request_rule(
    "T-PLN-4e", "E", "WBP in each PlacementDetail, when given, is A, T or S.", "schema [S]"
)
def placement_wbp_valid(request: Request, person: Person, ctx: Context) -> Iterator[Problem]:
    if request.active_plan is not None:
        for number, placement in enumerate(request.active_plan.placements, start=1):
            yield from _wbp_problem("WBP", placement.wbp, f" in PlacementDetail {number}", ctx)


@request_rule("T-PLN-5", "Q", "DP given but PB is not 1.", "[U]: DP probably needs PB = 1")
def direct_payments_need_budget(
    request: Request, person: Person, ctx: Context
) -> Iterator[Problem]:
    plan = _plan(request)
    if plan is not None and plan.direct_payments is not None and plan.personal_budget is not True:
        yield Problem(
            "PB",
            "PB is not 1 but DP (direct payments) is given: a direct payment is part of a "
            "personal budget, so check PB",
        )
