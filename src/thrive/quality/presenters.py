"""Display-ready rows for the audit pages: ratings and statuses in words (a tag's colour only
repeats what its text says), criteria numbered within their section ("F2"), and disagreements
said in sentences."""

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from django.urls import reverse
from django.utils import timezone

from thrive.law import clock
from thrive.plans.selectors import SECTION_TITLES

from .models import Agency, Audit, AuditFramework, AuditStatus, Criterion, IssueOverride, Rating
from .selectors import AuditSheet

NOT_RATED = "Not rated yet"
_RATING_COLOURS = {
    Rating.OUTSTANDING: "green",
    Rating.GOOD: "turquoise",
    Rating.REQUIRES_IMPROVEMENT: "yellow",
    Rating.INADEQUATE: "red",
}
_STATUS_COLOURS = {
    AuditStatus.IN_PROGRESS: "blue",
    AuditStatus.AWAITING_MODERATION: "orange",
    AuditStatus.COMPLETE: "green",
}


def rating_tag(rating: str | None) -> dict[str, str]:
    if not rating:
        return {"text": NOT_RATED, "colour": "grey"}
    return {"text": Rating(rating).label, "colour": _RATING_COLOURS[Rating(rating)]}


def status_tag(audit: Audit) -> dict[str, str]:
    status = AuditStatus(audit.status)
    return {"text": status.label, "colour": _STATUS_COLOURS[status]}


def _criteria(count: int) -> str:
    return f"{count} criterion" if count == 1 else f"{count} criteria"


def _date(moment: Any) -> str:
    return clock.render_date(timezone.localtime(moment).date()) if moment else ""


def numbers(criteria: Iterable[Criterion]) -> dict[int, str]:
    """Each criterion's number within its section: "A1", "F2", "H1.1" (as plan items are)."""
    counts: Counter[str] = Counter()
    numbered = {}
    for criterion in criteria:
        counts[criterion.section] += 1
        joiner = "." if len(criterion.section) > 1 else ""
        numbered[criterion.pk] = f"{criterion.section}{joiner}{counts[criterion.section]}"
    return numbered


def section_title(code: str) -> str:
    return SECTION_TITLES[code]


def by_section(criteria: Iterable[Criterion]) -> dict[str, list[Criterion]]:
    grouped: dict[str, list[Criterion]] = defaultdict(list)
    for criterion in criteria:
        grouped[criterion.section].append(criterion)
    return dict(grouped)


# --- The version's audits ----------------------------------------------------------------


def audit_rows(audits: list[Audit]) -> list[dict[str, Any]]:
    return [
        {
            "number": audit.number,
            "status": status_tag(audit),
            "rating": rating_tag(audit.overall_rating) if audit.overall_rating else None,
            "framework": f"Version {audit.framework.version}",
            "started": started(audit),
            "completed": completed(audit),
            "href": reverse(
                "quality:audit_detail",
                kwargs={"version_id": audit.version_id, "number": audit.number},
            ),
        }
        for audit in audits
    ]


def progress(sheet: AuditSheet) -> list[str]:
    """How far each agency has got: "Health: 2 of 4 criteria rated"."""
    totals: Counter[str] = Counter(c.agency for c in sheet.criteria)
    rated: Counter[str] = Counter(c.agency for c in sheet.criteria if c.pk in sheet.ratings)
    return [
        f"{agency.label}: {rated[agency]} of {_criteria(totals[agency])} rated"
        for agency in Agency
        if totals[agency]
    ]


def agency_counts(criteria: Iterable[Criterion]) -> list[str]:
    """ "Education rates 15 criteria", for each agency the framework asks."""
    totals: Counter[str] = Counter(c.agency for c in criteria)
    return [
        f"{agency.label} rates {_criteria(totals[agency])}" for agency in Agency if totals[agency]
    ]


def agency_words(agencies: Iterable[str]) -> str:
    """ "education", "health and social care"."""
    labels = [Agency(a).label.lower() for a in Agency if a in set(agencies)]
    return " and ".join(labels)


def started(audit: Audit) -> str:
    return f"{_date(audit.started_at)} by {audit.started_by}"


def completed(audit: Audit) -> str:
    if audit.completed_at is None:
        return "Not complete"
    return f"{_date(audit.completed_at)} by {audit.completed_by}"


def override_rows(overrides: list[IssueOverride]) -> list[dict[str, str]]:
    return [
        {
            "when": f"{_date(o.created_at)} by {o.manager}",
            "rating": Rating(o.rating).label if o.rating else "Not audited",
            "reason": o.reason,
        }
        for o in overrides
    ]


# --- An audit's result -------------------------------------------------------------------


def _rating_lines(sheet: AuditSheet, criterion: Criterion) -> list[dict[str, Any]]:
    return [
        {
            "who": f"{r.auditor} ({Agency(r.agency).label.lower()})",
            "tag": rating_tag(r.rating),
            "comment": r.comment,
        }
        for r in sheet.ratings.get(criterion.pk, [])
    ]


def result_sections(sheet: AuditSheet) -> list[dict[str, Any]]:
    """Each section's grade, and for each criterion who rated it what, with disagreements and
    moderation in words."""
    result = sheet.result()
    disputed = {c.pk for c in sheet.disputed()}
    numbered = numbers(sheet.criteria)
    sections = []
    for code, criteria in by_section(sheet.criteria).items():
        rows = []
        for criterion in criteria:
            agreed = sheet.agreed.get(criterion.pk)
            if criterion.pk in disputed:
                note = (
                    "The auditors disagree about this criterion. A SEND manager will moderate it."
                )
            elif agreed is not None:
                note = f"The auditors disagreed. Agreed at moderation: {agreed.label.lower()}."
            else:
                note = ""
            rows.append(
                {
                    "number": numbered[criterion.pk],
                    "text": criterion.text,
                    "agency": Agency(criterion.agency).label,
                    "weight": criterion.weight,
                    "ratings": _rating_lines(sheet, criterion),
                    "note": note,
                    "disputed": criterion.pk in disputed,
                }
            )
        grade = result.sections.get(code)
        sections.append(
            {
                "code": code,
                "title": section_title(code),
                "tag": rating_tag(grade.value if grade else None),
                "criteria": rows,
            }
        )
    return sections


def finding_lines(audit: Audit) -> list[str]:
    """The automated checks' findings kept with a complete audit, one line per check and
    section: "Section F: Special educational provision in vague words (2 places). Must be put
    right before a final plan is issued." """
    counts: Counter[tuple[str, str, bool]] = Counter(
        (str(f.get("section", "")), str(f.get("title", "")), bool(f.get("blocking")))
        for f in audit.findings
        if isinstance(f, dict)
    )
    lines = []
    for (section, title, blocking), count in counts.items():
        where = f" ({count} places)" if count > 1 else ""
        must = " Must be put right before a final plan is issued." if blocking else ""
        lines.append(f"Section {section}: {title}{where}.{must}")
    return lines


def overall(audit: Audit) -> dict[str, Any]:
    """The stored overall rating and what limited it, or why there is none yet."""
    if audit.status == AuditStatus.COMPLETE:
        return {
            "tag": rating_tag(audit.overall_rating),
            "limits": [line for line in audit.limits.splitlines() if line],
            "summary": "",
        }
    summary = (
        "The auditors disagree about some criteria. The overall rating is given once a SEND "
        "manager has moderated the audit."
        if audit.status == AuditStatus.AWAITING_MODERATION
        else "The overall rating is given when the audit is complete."
    )
    return {"tag": rating_tag(None), "limits": [], "summary": summary}


# --- The framework -----------------------------------------------------------------------


def framework_status(framework: AuditFramework) -> dict[str, str]:
    if framework.active:
        return {"text": "In use", "colour": "green"}
    if framework.is_being_written:
        return {"text": "Being written", "colour": "blue"}
    return {"text": "No longer used", "colour": "grey"}


def framework_rows(
    frameworks: list[AuditFramework], shown: AuditFramework | None
) -> list[dict[str, Any]]:
    return [
        {
            "version": f.version,
            "name": f.name,
            "status": framework_status(f),
            "since": _date(f.activated_at) or "Not in use yet",
            "href": f"{reverse('quality:framework_detail')}?version={f.version}",
            "shown": shown is not None and f.pk == shown.pk,
        }
        for f in frameworks
    ]
