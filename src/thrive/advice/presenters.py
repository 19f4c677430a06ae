"""Display-ready values for advice pages: words and tags, never colour alone."""

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone

from thrive.assessments.selectors import DUE_SOON_DAYS
from thrive.law import clock

from .models import AdviceItemKind, AdviceRequest

# How each kind of advice names its needs and provision: the plan section it feeds
# (SEND Regulations 2014, reg. 12(1): B/F education, C/G health, D/H social care).
_NEEDS_AND_PROVISION = {
    clock.Contributor.HEALTH: ("Health care needs", "Health care provision recommended"),
    clock.Contributor.SOCIAL_CARE: ("Social care needs", "Social care provision recommended"),
}
_EDUCATIONAL = ("Special educational needs", "Special educational provision recommended")


def item_headings(contributor: str) -> dict[str, str]:
    """Headings for needs, outcomes and provision in this contributor's words."""
    needs, provision = _NEEDS_AND_PROVISION.get(clock.Contributor(contributor), _EDUCATIONAL)
    return {
        AdviceItemKind.NEED: needs,
        AdviceItemKind.OUTCOME: "Outcomes sought",
        AdviceItemKind.PROVISION: provision,
    }


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def short_date(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def submitted_on(advice: AdviceRequest) -> dt.date | None:
    return timezone.localdate(advice.submitted_at) if advice.submitted_at else None


def advice_status(advice: AdviceRequest, today: dt.date, *, case_open: bool) -> dict[str, str]:
    """A tag for one request: "Received on 3 Nov 2025", "12 days late", "5 days left"."""
    if (received := submitted_on(advice)) is not None:
        return {"text": f"Received on {short_date(received)}", "colour": "green"}
    if advice.withdrawn_on is not None:
        return {"text": f"Withdrawn on {short_date(advice.withdrawn_on)}", "colour": "grey"}
    if not case_open:
        return {"text": "Not needed: case closed", "colour": "grey"}
    days = (advice.due_on - today).days
    if days < 0:
        return {"text": f"{_plural(-days, 'day')} late", "colour": "red"}
    if days == 0:
        return {"text": "Due today", "colour": "yellow"}
    return {
        "text": f"{_plural(days, 'day')} left",
        "colour": "yellow" if days <= DUE_SOON_DAYS else "blue",
    }


def addressee(advice: AdviceRequest) -> str:
    """Who was asked: "Dr Ep (Educational psychology)", "Oak School (School or college)"."""
    names = []
    if advice.practitioner is not None:
        discipline = advice.practitioner.get_discipline_display()
        names.append(f"{advice.practitioner}" + (f" ({discipline})" if discipline else ""))
    if advice.organisation is not None:
        names.append(f"{advice.organisation} ({advice.organisation.get_kind_display()})")
    return " and ".join(names)


def advice_content(advice: AdviceRequest, *, viewer_is_case_team: bool) -> dict[str, Any]:
    """The advice written so far: items under their headings, summary and document link."""
    headings = item_headings(advice.contributor)
    items = list(advice.items.all())
    return {
        "sections": [
            {"heading": heading, "items": [i.text for i in items if i.kind == kind]}
            for kind, heading in headings.items()
        ],
        "summary": advice.summary,
        "document_href": reverse("advice:advice_document", args=[advice.pk])
        if advice.document
        else "",
        "document_kind": _document_kind(advice.document.name or ""),
        "for_case_team": viewer_is_case_team,
    }


def _document_kind(name: str) -> str:
    return "PDF" if name.lower().endswith(".pdf") else "Word document" if name else ""


def case_advice_cards(
    case_id: int, requests: list[AdviceRequest], today: dt.date, *, case_open: bool
) -> list[dict[str, Any]]:
    """One summary card per request on a case, for the case work team."""
    cards = []
    for advice in requests:
        contributor = clock.Contributor(advice.contributor)
        rows = [
            {"key": "Asked", "value": addressee(advice)},
            {"key": "What was asked", "value": advice.question},
            {"key": "Requested on", "value": clock.render_date(advice.requested_on)},
            {"key": "Due by", "value": clock.render_date(advice.due_on)},
            {
                "key": "Status",
                "value": "",
                "tag": advice_status(advice, today, case_open=case_open),
            },
        ]
        if advice.submitted_by is not None:
            rows.append({"key": "Submitted by", "value": str(advice.submitted_by)})
        can_withdraw = case_open and not advice.is_closed
        cards.append(
            {
                "title": contributor.advice_label,
                "rows": rows,
                "content": advice_content(advice, viewer_is_case_team=True)
                if advice.is_submitted
                else None,
                "withdraw_href": reverse("advice:advice_withdraw", args=[case_id, advice.pk])
                if can_withdraw
                else "",
            }
        )
    return cards


def inbox_rows(
    requests: list[AdviceRequest], today: dt.date, open_cases: set[int]
) -> list[dict[str, Any]]:
    return [
        {
            "href": reverse("advice:advice_detail", args=[advice.pk]),
            "child_name": advice.case.child.full_name,
            "reference": advice.case.reference,
            "date_of_birth": advice.case.child.date_of_birth,
            "advice": clock.Contributor(advice.contributor).advice_label,
            "organisation": str(advice.organisation) if advice.organisation else "",
            "due_on": advice.due_on,
            "status": advice_status(advice, today, case_open=advice.case_id in open_cases),
        }
        for advice in requests
    ]


def child_rows(advice: AdviceRequest) -> list[dict[str, str]]:
    """Only what a practitioner needs to know about the child to give advice."""
    child = advice.case.child
    return [
        {"key": "Date of birth", "value": clock.render_date(child.date_of_birth)},
        {"key": "Current school or setting", "value": str(child.setting or "None recorded")},
        {"key": "Main need", "value": child.get_primary_need_display() or "Not recorded yet"},
        {"key": "Case reference", "value": advice.case.reference},
    ]


def due_sentence(advice: AdviceRequest) -> str:
    return (
        f"Please send your advice by {clock.render_date(advice.due_on)}. That is "
        f"{clock.ADVICE_WEEKS} weeks from "
        f"the day you were asked, {clock.render_date(advice.requested_on)}."
    )
