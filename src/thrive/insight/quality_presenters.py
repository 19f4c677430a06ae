"""Display-ready tables for the plan quality page: figures as text (suppressed where they must
be), a link from each count to the plans behind it for the case work team, a chart for each
table that has one, the CSV rows, and the rows of a drill-down list."""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from django.urls import reverse
from django.utils import timezone

from thrive.law.clock import render_date
from thrive.plans.models import PlanVersion
from thrive.plans.presenters import version_title
from thrive.plans.selectors import SECTION_TITLES
from thrive.quality.models import SECTIONS, Audit, Rating

from . import charts, quality_charts
from .breakdowns import NOT_RECORDED
from .periods import Period
from .quality import BETTER, Counts, Drill, FindingCount
from .suppression import SUPPRESSED, Figure, count_figure, share_figure

#: The address of the plans behind a figure, given the drill-down's filters; None for those
#: who may not see children's records, who get no links.
Links = Callable[..., str] | None

NO_AUDITS = "No audits were completed in this period."
BLANK = Figure("", None)


@dataclass(frozen=True)
class Cell:
    figure: Figure
    href: str = ""
    words: bool = False  # text, not a number: the CSV gives it as it is
    label: str = ""  # what a link's number counts, for screen readers: its row and column


@dataclass
class TableRow:
    label: str
    cells: list[Cell]


@dataclass
class Table:
    key: str  # names the table in its CSV address
    title: str
    caption: str
    header: str  # the first column's heading
    columns: list[str]
    rows: list[TableRow] = field(default_factory=list)
    explanation: str = ""
    chart: str = ""
    hidden: int = 0  # bars the chart leaves out because their figure is hidden
    empty: str = NO_AUDITS


@dataclass(frozen=True)
class Headline:
    figure: Figure
    label: str  # "plans issued"
    detail: str  # "62% with a complete audit", or why it is not shown


def _count(count: int, suppress: bool, links: Links, **drill: str) -> Cell:
    figure = count_figure(count, suppress=suppress)
    href = links(**drill) if links is not None and count and not figure.suppressed else ""
    return Cell(figure, href)


def _share(numerator: int, denominator: int, suppress: bool) -> Cell:
    return Cell(share_figure(numerator, denominator, suppress=suppress))


def _words(text: str) -> Cell:
    return Cell(Figure(text, None), words=True)


def _better(counts: Counts) -> int:
    return sum(counts.get(value, 0) for value in (Rating.OUTSTANDING, Rating.GOOD))


def _bars(
    rows: list[TableRow], position: int, labels: list[str] | None = None
) -> tuple[tuple[tuple[str, float], ...], int]:
    """(label, value) for each row whose figure at `position` is shown, and how many are not.
    `labels` are shorter labels for the chart, one a row."""
    shown = tuple(
        (label, row.cells[position].figure.value or 0.0)
        for row, label in zip(rows, labels or [row.label for row in rows], strict=True)
        if row.cells[position].figure.value is not None
    )
    hidden = sum(row.cells[position].figure.suppressed for row in rows)
    return shown, hidden


def _labelled(table: Table) -> Table:
    """Name each link by its row and column, so a screen reader says what its number counts."""
    for row in table.rows:
        row.cells = [
            replace(cell, label=f"{row.label}, {column.lower()}") if cell.href else cell
            for cell, column in zip(row.cells, table.columns, strict=True)
        ]
    return table


def _with_bar_chart(
    table: Table, position: int, *, name: str, axis: str, labels: list[str] | None = None
) -> Table:
    bars, table.hidden = _bars(table.rows, position, labels)
    if bars:
        table.chart = charts.bar_chart(
            name=f"Bar chart of {name}. The table after the chart gives the same figures.",
            axis=axis,
            bars=bars,
        )
    return table


# --- The headlines -----------------------------------------------------------------------


def headlines(plans: Counts, ratings: Counts, *, suppress: bool) -> list[Headline]:
    issued, audited, audits = plans["plans"], plans["audited"], ratings["audits"]
    share = share_figure(audited, issued, suppress=suppress)
    better = share_figure(_better(ratings), audits, suppress=suppress)
    return [
        Headline(
            count_figure(issued, suppress=suppress),
            "plans issued",
            f"{share.text} with a complete audit" if share.value is not None else "",
        ),
        Headline(
            count_figure(audits, suppress=suppress),
            "audits completed",
            f"{better.text} rated good or better" if better.value is not None else "",
        ),
    ]


# --- The tables --------------------------------------------------------------------------


def plans_table(plans: Counts, period: Period, *, suppress: bool, links: Links) -> Table:
    issued, audited = plans["plans"], plans["audited"]
    table = Table(
        key="plans",
        title="Plans audited",
        caption=f"Final plans issued in {period.label}, and how many were audited",
        header="Plans",
        columns=["Number", "Share of plans issued"],
        explanation=(
            "Final plans and final amended plans issued in the period. A plan counts as "
            "audited when it, or the draft it was based on, has a complete audit."
        ),
        empty="No final plans were issued in this period.",
    )
    if not issued:
        return table
    table.rows = [
        TableRow("Plans issued", [_count(issued, suppress, links, list="plans"), Cell(BLANK)]),
        TableRow(
            "With a complete audit",
            [
                _count(audited, suppress, links, list="plans", audited="yes"),
                _share(audited, issued, suppress),
            ],
        ),
        TableRow(
            "Without a complete audit",
            [
                _count(issued - audited, suppress, links, list="plans", audited="no"),
                _share(issued - audited, issued, suppress),
            ],
        ),
    ]
    return _labelled(table)


def ratings_table(counts: Counts, period: Period, *, suppress: bool, links: Links) -> Table:
    audits = counts["audits"]
    table = Table(
        key="ratings",
        title="Overall ratings",
        caption=f"Audits completed in {period.label} by the plan's overall rating",
        header="Overall rating",
        columns=["Audits", "Share of audits"],
        explanation=(
            "Each audit completed in the period, by the rating it gave the plan. A plan "
            "audited twice counts twice."
        ),
    )
    if not audits:
        return table
    for rating in Rating:
        n = counts[rating.value]
        table.rows.append(
            TableRow(
                rating.label,
                [
                    _count(n, suppress, links, list="audits", rating=rating.value),
                    _share(n, audits, suppress),
                ],
            )
        )
    _with_bar_chart(table, 0, name="audits by overall rating", axis="Audits")
    better = _better(counts)
    table.rows += [
        TableRow(
            "Good or better",
            [
                _count(better, suppress, links, list="audits", rating=BETTER),
                _share(better, audits, suppress),
            ],
        ),
        TableRow("All audits", [_count(audits, suppress, links, list="audits"), Cell(BLANK)]),
    ]
    return _labelled(table)


_RATING_COLUMNS = [r.label for r in Rating]


def sections_table(
    grades: dict[str, Counts], period: Period, *, suppress: bool, links: Links
) -> Table:
    table = Table(
        key="sections",
        title="Ratings by section",
        caption=f"How audits completed in {period.label} rated each section of the plan",
        header="Section",
        columns=[*_RATING_COLUMNS, "Audits", "Good or better"],
        explanation=(
            "Each section's rating is worked out as the audit works it out: the weighted "
            "average of its criteria's ratings, taking the rating agreed at moderation where "
            "auditors disagreed. An average exactly half-way between two ratings takes the "
            "lower one."
        ),
    )
    codes = [code for code in SECTIONS if code in grades]
    for code in codes:
        counts = grades[code]
        cells = [
            _count(
                counts[r.value],
                suppress,
                links,
                list="audits",
                section=code,
                section_rating=r.value,
            )
            for r in Rating
        ]
        cells += [
            _count(counts["audits"], suppress, links, list="audits", section=code),
            _share(_better(counts), counts["audits"], suppress),
        ]
        table.rows.append(TableRow(SECTION_TITLES.get(code, f"Section {code}"), cells))
    return _with_bar_chart(
        _labelled(table),
        len(Rating) + 1,
        name="the share of audits rating each section good or better",
        axis="Percentage good or better",
        labels=[f"Section {code}" for code in codes],
    )


def _months(period: Period) -> list[dt.date]:
    month, months = period.start.replace(day=1), []
    while month <= period.end:
        months.append(month)
        month = (month + dt.timedelta(days=31)).replace(day=1)
    return months


def months_table(
    months: dict[dt.date, Counts], period: Period, *, suppress: bool, links: Links
) -> Table:
    table = Table(
        key="months",
        title="Trend by month",
        caption=f"Audits completed each month of {period.label}, by overall rating",
        header="Month",
        columns=[*_RATING_COLUMNS, "All audits", "Good or better"],
        explanation="Audits by the month they were completed, in UK time.",
    )
    if not months:
        return table
    empty = {r.value: 0 for r in Rating} | {"audits": 0}
    stacked: list[tuple[str, str, float]] = []
    for month in _months(period):
        counts = months.get(month, empty)
        key = month.strftime("%Y-%m")
        cells = [
            _count(counts[r.value], suppress, links, list="audits", month=key, rating=r.value)
            for r in Rating
        ]
        label, short = month.strftime("%B %Y"), month.strftime("%b %Y")
        stacked.append((short, Rating.OUTSTANDING.label, 0.0))  # every month has its place
        for rating, cell in zip(Rating, cells, strict=True):
            if cell.figure.suppressed:
                table.hidden += 1
            elif cell.figure.value:
                stacked.append((short, rating.label, cell.figure.value))
        cells += [
            _count(counts["audits"], suppress, links, list="audits", month=key),
            _share(_better(counts), counts["audits"], suppress),
        ]
        table.rows.append(TableRow(label, cells))
    if any(value for _, _, value in stacked):
        table.chart = quality_charts.stacked_bar_chart(
            name="Stacked bar chart of audits completed each month, by overall rating. "
            "The table after the chart gives the same figures.",
            axis="Audits",
            bars=tuple(stacked),
            stacks=tuple(_RATING_COLUMNS),
        )
    return _labelled(table)


def _group_label(group: str, grouping: str) -> str:
    if group != NOT_RECORDED:
        return group
    return "No team recorded" if grouping == "team" else "No postcode recorded"


GROUP_TITLES = {
    "team": (
        "By team",
        "Team",
        "The team recorded for the case officer who holds the child's case now.",
    ),
    "locality": (
        "By locality",
        "Locality (postcode district)",
        "The postcode district of the child's home address now.",
    ),
}


def group_table(
    groups: dict[str, Counts], grouping: str, period: Period, *, suppress: bool, links: Links
) -> Table:
    title, header, explanation = GROUP_TITLES[grouping]
    table = Table(
        key=grouping + "s" if grouping == "team" else "localities",
        title=title,
        caption=f"Audits completed in {period.label} by {header.lower()}",
        header=header,
        columns=["Audits", "Rated good or better", "Share good or better"],
        explanation=explanation,
    )
    ordered = sorted(groups, key=lambda g: (g == NOT_RECORDED, g.lower()))
    for group in ordered:
        counts, better = groups[group], _better(groups[group])
        where = {grouping: group}
        table.rows.append(
            TableRow(
                _group_label(group, grouping),
                [
                    _count(counts["audits"], suppress, links, list="audits", **where),
                    _count(better, suppress, links, list="audits", rating=BETTER, **where),
                    _share(better, counts["audits"], suppress),
                ],
            )
        )
    return _with_bar_chart(
        _labelled(table),
        2,
        name=f"the share of audits rated good or better by {header.lower()}",
        axis="Percentage good or better",
    )


#: The most frequent findings the chart shows; the table lists every one.
CHART_FINDINGS = 10


def findings_table(
    findings: list[FindingCount], audits: int, period: Period, *, suppress: bool, links: Links
) -> Table:
    table = Table(
        key="findings",
        title="Most frequent automated findings",
        caption=f"What the automated checks found in plans audited in {period.label}",
        header="Automated check",
        columns=["Section", "Blocks issue", "Audits where found", "Share of audits"],
        explanation=(
            "The automated checks' findings on each plan when its audit was completed, most "
            "frequent first. A check that blocks issue stops the plan being issued until it "
            "is put right or a SEND manager overrides it."
        ),
        empty="No automated check found anything in plans audited in this period.",
    )
    for finding in findings:
        table.rows.append(
            TableRow(
                finding.title,
                [
                    _words(_sections(finding.sections)),
                    _words("Yes, blocks issue" if finding.blocking else "No"),
                    _count(finding.audits, suppress, links, list="audits", check=finding.check),
                    _share(finding.audits, audits, suppress),
                ],
            )
        )
    bars, table.hidden = _bars(table.rows[:CHART_FINDINGS], 2)
    if bars:
        table.chart = charts.bar_chart(
            name=f"Bar chart of the audits where each of the {len(bars)} most frequent "
            "automated findings was found. The table after the chart gives every finding.",
            axis="Audits",
            bars=bars,
        )
    return _labelled(table)


def _sections(codes: tuple[str, ...]) -> str:
    """ "Section F", "Sections F and G", "Sections B, F and G", or "Not given"."""
    if not codes:
        return "Not given"
    if len(codes) == 1:
        return f"Section {codes[0]}"
    return f"Sections {', '.join(codes[:-1])} and {codes[-1]}"


# --- Downloads ---------------------------------------------------------------------------


def csv_rows(table: Table) -> list[list[str]]:
    """The table as CSV rows, as built for the page (build it suppressed for a download)."""
    rows = [[table.header, *table.columns]]
    for row in table.rows:
        rows.append([row.label, *(_csv_value(cell) for cell in row.cells)])
    return rows


def _csv_value(cell: Cell) -> str:
    if cell.figure.suppressed:
        return SUPPRESSED
    if cell.words:
        return cell.figure.text
    return "" if cell.figure.value is None else cell.figure.text.replace(",", "")


# --- The plans behind a figure -----------------------------------------------------------


@dataclass(frozen=True)
class PlanRow:
    reference: str
    child_name: str
    version: str  # "Version 2: final plan"
    rating: str
    date: str
    href: str


def _rating_label(value: str | None) -> str:
    return Rating(value).label if value else "Not audited"


def _version(version: PlanVersion) -> str:
    title = version_title(version)
    return title[0].upper() + title[1:]


def _href(version: PlanVersion) -> str:
    return reverse("plans:version_document", args=[version.pk])


def plan_rows(versions: Iterable[PlanVersion]) -> list[PlanRow]:
    """Issued plans, each with its latest audit's rating (annotated as `rating`)."""
    rows = []
    for version in versions:
        case = version.plan.case
        rows.append(
            PlanRow(
                case.reference,
                case.child.full_name,
                _version(version),
                _rating_label(getattr(version, "rating", None)),
                render_date(version.issued_on) if version.issued_on else "",
                _href(version),
            )
        )
    return rows


def audit_rows(audits: Iterable[Audit]) -> list[PlanRow]:
    """Completed audits, each with the day it was completed (UK time)."""
    rows = []
    for audit in audits:
        version, case = audit.version, audit.version.plan.case
        completed = timezone.localtime(audit.completed_at).date() if audit.completed_at else None
        rows.append(
            PlanRow(
                case.reference,
                case.child.full_name,
                _version(version),
                _rating_label(audit.overall_rating),
                render_date(completed) if completed else "",
                _href(version),
            )
        )
    return rows


def plans_title(period: Period, audited: bool | None) -> str:
    which = {True: " with a complete audit", False: " without a complete audit", None: ""}
    return f"Final plans issued in {period.label}{which[audited]}"


def audits_title(period: Period, drill: Drill, check_titles: dict[str, str]) -> str:
    """ "Audits completed in the calendar year 2025 rated good overall, in March 2025" """
    words = [f"Audits completed in {period.label}"]
    if drill.rating == BETTER:
        words.append("rating the plan good or better overall")
    elif drill.rating:
        words.append(f"rating the plan {Rating(drill.rating).label.lower()} overall")
    if drill.section:
        grade = f" {Rating(drill.section_rating).label.lower()}" if drill.section_rating else ""
        words.append(f"rating section {drill.section}{grade}")
    if drill.month is not None:
        words.append(f"in {drill.month.strftime('%B %Y')}")
    if drill.team is not None:
        words.append(
            f"for cases held by the team {drill.team}"
            if drill.team
            else "for cases whose case officer has no team recorded"
        )
    if drill.locality is not None:
        words.append(
            f"for children living in {drill.locality}"
            if drill.locality
            else "for children with no postcode recorded"
        )
    if drill.check:
        title = check_titles.get(drill.check, drill.check)
        words.append(f"where the automated check “{title}” found something")
    if len(words) == 1:
        return words[0]
    return f"{words[0]}, {', '.join(words[1:])}"


def page_numbers(current: int, count: int) -> list[int | None]:
    """1 … 4 5 6 … 20, with None for the gaps (GOV.UK pagination)."""
    wanted = {1, count, current - 1, current, current + 1}
    numbers: list[int | None] = []
    for n in sorted(n for n in wanted if 1 <= n <= count):
        if numbers and numbers[-1] is not None and n - numbers[-1] > 1:
            numbers.append(None)
        numbers.append(n)
    return numbers
