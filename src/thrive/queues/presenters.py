"""Display values for the work queue and phase transfer pages: rows, tags and table cells in
words. No queries."""

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.urls import reverse

from thrive.law.clock import render_date

from .selectors import Counts, State, WorkItem
from .selectors_transfers import TransferRow, TransferStatus, TransferSummary

_STATUS_TAGS = {
    State.OVERDUE: ("Overdue", "red"),
    State.DUE_SOON: ("Due in the next 4 weeks", "yellow"),
    State.LATER: ("Due later", "grey"),
}
_TRANSFER_TAGS = {
    TransferStatus.DONE_IN_TIME: "green",
    TransferStatus.DONE_LATE: "orange",
    TransferStatus.OVERDUE: "red",
    TransferStatus.AT_RISK: "yellow",
    TransferStatus.ON_TRACK: "blue",
}


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def item_row(item: WorkItem, *, link: bool) -> dict[str, Any]:
    """A queue row; the reference links to the plan when the reader may open it."""
    text, colour = _STATUS_TAGS[item.status]
    return {
        "reference": item.reference,
        "href": reverse("plans:plan_overview", args=[item.case_id]) if link else "",
        "what": item.what,
        "due_by": render_date(item.due_by),
        "state": item.state,
        "tag": {"text": text, "colour": colour},
        "days_overdue": _days(item.days_overdue) if item.overdue else "",
        "officer": item.officer,
        "team": item.team,
    }


def count_rows(counts: Iterable[tuple[str, Counts]]) -> list[dict[str, Any]]:
    return [
        {"name": name, "overdue": c.overdue, "due_soon": c.due_soon}
        for name, c in counts
        if c.overdue or c.due_soon
    ]


def year_label(year: int) -> str:
    """A national curriculum year group in words: Nursery, Reception, Year 1, ..."""
    if year == -1:
        return "Nursery"
    if year == 0:
        return "Reception"
    return f"Year {year}"


def transfer_row(row: TransferRow, today: date) -> dict[str, Any]:
    if row.days_to_deadline >= 0:
        when = f"{_days(row.days_to_deadline)} to go" if row.days_to_deadline else "Today"
    else:
        when = f"{_days(-row.days_to_deadline)} ago"
    return {
        "reference": row.reference,
        "href": reverse("plans:plan_overview", args=[row.case_id]),
        "child_name": row.child_name,
        "transfer": row.transfer.label,
        "years": f"{year_label(row.from_year)} to {year_label(row.to_year)}",
        "deadline": render_date(row.deadline),
        "deadline_when": when,
        "amended_on": render_date(row.amended_on) if row.amended_on else "Not yet",
        "last_review_on": render_date(row.last_review_on) if row.last_review_on else "None",
        "tag": {"text": row.status.label, "colour": _TRANSFER_TAGS[row.status]},
        "officer": row.officer,
    }


def summary_table(summary: TransferSummary) -> dict[str, Any]:
    return {
        "headings": [s.label for s in summary.statuses],
        "rows": [
            {"transfer": transfer.label, "counts": counts, "total": total}
            for transfer, counts, total in summary.rows
        ],
        "totals": summary.totals,
        "total": summary.total,
    }


CSV_HEADINGS = [
    "Case reference",
    "Transfer",
    "Year group now",
    "Year group after",
    "Reg. 18 deadline",
    "Plan amended on",
    "Last review meeting",
    "Status",
    "Team",
]


def transfer_csv(rows: Iterable[TransferRow]) -> list[list[str]]:
    """The CSV download: no names (not the child's, not the officer's)."""
    return [CSV_HEADINGS] + [
        [
            row.reference,
            row.transfer.label,
            year_label(row.from_year),
            year_label(row.to_year),
            row.deadline.isoformat(),
            row.amended_on.isoformat() if row.amended_on else "",
            row.last_review_on.isoformat() if row.last_review_on else "",
            row.status.label,
            row.team,
        ]
        for row in rows
    ]
