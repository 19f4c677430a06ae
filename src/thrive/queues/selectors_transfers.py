"""Reads for phase transfers: the children with a maintained plan who move between phases of
education on 1 September of a chosen year, and whether their plan was reviewed and amended by
the SEND Regulations 2014, reg. 18(1) deadline (15 February; 31 March from secondary school to
a post-16 institution).

Which child transfers, and the deadline, come from `thrive.law.reviews.upcoming_phase_transfer`
(the chronological year group from the date of birth). Three queries for the whole area: the
plans, their final plans issued since the window opened, and their review meetings held."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from django.db.models import Exists, OuterRef, Q, QuerySet

from thrive.law import reviews as law
from thrive.plans.models import EhcPlan, PlanVersion
from thrive.plans.models_reviews import AnnualReview
from thrive.plans.selectors_reviews import FINAL_KINDS

from .selectors import NO_TEAM, _officer_name, case_reference, maintained_plans

#: Fewer than 12 weeks to the deadline with no amended plan: at risk.
AT_RISK_WEEKS = 12
#: The plan counts as amended for the transfer when a final (or final amended) plan was
#: issued in the 12 months up to and including the deadline.
WINDOW_MONTHS = 12
#: The year groups a child leaves at a transfer (Nursery, Year 6, Year 11): used only to
#: narrow the query by date of birth. The law decides who transfers.
_LEAVING_YEARS = (-1, 6, 11)


class TransferStatus(StrEnum):
    DONE_IN_TIME = "done_in_time"
    DONE_LATE = "done_late"
    OVERDUE = "overdue"
    AT_RISK = "at_risk"
    ON_TRACK = "on_track"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    TransferStatus.DONE_IN_TIME: "Amended in time",
    TransferStatus.DONE_LATE: "Amended late",
    TransferStatus.OVERDUE: "Overdue",
    TransferStatus.AT_RISK: "At risk",
    TransferStatus.ON_TRACK: "On track",
}


@dataclass(frozen=True)
class TransferRow:
    plan_id: int
    case_id: int
    child_id: int
    reference: str
    child_name: str
    officer: str
    team: str
    transfer: law.PhaseTransfer
    from_year: int
    to_year: int
    deadline: date
    window_from: date
    amended_on: date | None
    last_review_on: date | None
    status: TransferStatus
    days_to_deadline: int


@dataclass(frozen=True)
class TransferSummary:
    """Counts by transfer and status, for the table at the top of the page."""

    statuses: tuple[TransferStatus, ...]
    rows: list[tuple[law.PhaseTransfer, list[int], int]]
    totals: list[int]
    total: int


def default_transfer_year(today: date) -> int:
    """The coming September's year: the next transfer the law looks at from `today`."""
    return law.academic_year_starting(today) + 1


def window_from(deadline: date) -> date:
    """The first day of the 12 months that end with the deadline."""
    return law.add_months(deadline, -WINDOW_MONTHS) + timedelta(days=1)


def transfer_status(
    *,
    deadline: date,
    finals_issued_on: list[date],
    reviews_held_on: list[date],
    today: date,
) -> tuple[TransferStatus, date | None]:
    """The status of one transfer, and the issue date that settles it (if any).

    - done in time: a final or final amended plan issued in the 12 months up to and including
      the deadline;
    - done late: none in time, one issued after the deadline;
    - overdue: the deadline has passed and no plan has been amended;
    - at risk: fewer than 12 weeks to the deadline, or no review meeting held in the window;
    - on track: otherwise."""
    opens = window_from(deadline)
    in_time = [d for d in finals_issued_on if opens <= d <= deadline]
    if in_time:
        return TransferStatus.DONE_IN_TIME, max(in_time)
    late = [d for d in finals_issued_on if d > deadline]
    if late:
        return TransferStatus.DONE_LATE, min(late)
    if today > deadline:
        return TransferStatus.OVERDUE, None
    reviewed = any(opens <= d <= today for d in reviews_held_on)
    if (deadline - today).days < AT_RISK_WEEKS * 7 or not reviewed:
        return TransferStatus.AT_RISK, None
    return TransferStatus.ON_TRACK, None


def _born_in_leaving_years(year: int) -> Q:
    """Children who, in the school year before 1 September `year`, are in a year group that
    is left at a transfer (a prefilter: `upcoming_phase_transfer` decides)."""
    q = Q()
    for group in _LEAVING_YEARS:
        born_from = year - 6 - group  # the school year of birth starts in this year
        q |= Q(
            case__child__date_of_birth__range=(date(born_from, 9, 1), date(born_from + 1, 8, 31))
        )
    return q


def phase_transfers(
    *, year: int, today: date, plans: QuerySet[EhcPlan] | None = None
) -> list[TransferRow]:
    """Every child with a maintained plan (of `plans`, if given) who transfers between phases
    on 1 September `year`, with the deadline and the status of their plan's amendment, the
    nearest deadline first."""
    base = maintained_plans(today)
    if plans is not None:
        base = base & plans  # one WHERE: a nested IN is slow on SQLite
    final_issued = PlanVersion.objects.filter(
        plan=OuterRef("pk"), kind__in=FINAL_KINDS, issued_at__isnull=False
    )
    base = base.filter(Exists(final_issued)).filter(_born_in_leaving_years(year))
    rows = base.values_list(
        "pk",
        "case_id",
        "case__child_id",
        "case__child__first_name",
        "case__child__last_name",
        "case__child__date_of_birth",
        "case__case_officer__first_name",
        "case__case_officer__last_name",
        "case__case_officer__username",
        "case__case_officer__team",
    )
    on = date(year, 1, 1)  # a day in the school year before the transfer
    found = []
    for pk, case_id, child_id, first, last, dob, o_first, o_last, o_user, team in rows:
        transfer = law.upcoming_phase_transfer(on, dob)
        if transfer is None:
            continue
        officer = _officer_name(o_first, o_last, o_user)
        found.append((pk, case_id, child_id, f"{first} {last}", officer, team or NO_TEAM, transfer))
    if not found:
        return []
    earliest = min(window_from(t.review_by) for *_, t in found)
    finals: dict[int, list[date]] = defaultdict(list)
    for plan_id, issued_on in PlanVersion.objects.filter(
        plan__in=base.values("pk"),
        kind__in=FINAL_KINDS,
        issued_at__isnull=False,
        issued_on__gte=earliest,
    ).values_list("plan_id", "issued_on"):
        if issued_on is not None:  # always, by the filter
            finals[plan_id].append(issued_on)
    held: dict[int, list[date]] = defaultdict(list)
    for plan_id, meeting_on in AnnualReview.objects.filter(
        plan__in=base.values("pk"), meeting_on__gte=earliest, meeting_on__lte=today
    ).values_list("plan_id", "meeting_on"):
        held[plan_id].append(meeting_on)
    result = []
    for pk, case_id, child_id, name, officer, team, transfer in found:
        deadline = transfer.review_by
        status, amended_on = transfer_status(
            deadline=deadline, finals_issued_on=finals[pk], reviews_held_on=held[pk], today=today
        )
        opens = window_from(deadline)
        reviewed = [d for d in held[pk] if d >= opens]
        result.append(
            TransferRow(
                plan_id=pk,
                case_id=case_id,
                child_id=child_id,
                reference=case_reference(case_id),
                child_name=name,
                officer=officer,
                team=team,
                transfer=transfer.transfer,
                from_year=transfer.from_year,
                to_year=transfer.to_year,
                deadline=deadline,
                window_from=opens,
                amended_on=amended_on,
                last_review_on=max(reviewed) if reviewed else None,
                status=status,
                days_to_deadline=(deadline - today).days,
            )
        )
    result.sort(key=lambda r: (r.deadline, _STATUS_ORDER[r.status], r.reference))
    return result


_STATUS_ORDER = {status: n for n, status in enumerate(TransferStatus)}
#: The transfers the page reports (no infant, junior or middle schools in the area).
TRANSFERS = (
    law.PhaseTransfer.EARLY_YEARS_TO_SCHOOL,
    law.PhaseTransfer.PRIMARY_TO_SECONDARY,
    law.PhaseTransfer.SECONDARY_TO_POST_16,
)


def transfer_summary(rows: list[TransferRow]) -> TransferSummary:
    statuses = tuple(TransferStatus)
    counts: dict[law.PhaseTransfer, dict[TransferStatus, int]] = {
        t: dict.fromkeys(statuses, 0) for t in TRANSFERS
    }
    for row in rows:
        counts.setdefault(row.transfer, dict.fromkeys(statuses, 0))[row.status] += 1
    table = [
        (transfer, [by[s] for s in statuses], sum(by.values())) for transfer, by in counts.items()
    ]
    totals = [sum(by[s] for by in counts.values()) for s in statuses]
    return TransferSummary(statuses=statuses, rows=table, totals=totals, total=sum(totals))
