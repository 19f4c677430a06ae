"""Display-ready rows for the mediation and appeal pages: summary list rows with their links,
and table rows for the area's open appeals. Status is said in words, never by colour alone."""

from datetime import date
from typing import Any

from django.urls import reverse

from thrive.law.clock import render_date

from .models import Appeal
from .selectors import AppealView, MediationView, deadline_text

NOT_YET = "Not recorded"


def _link(name: str, case_id: int, obj_id: int, text: str) -> dict[str, str]:
    return {"href": reverse(f"disputes:{name}", args=[case_id, obj_id]), "text": text}


def mediation_card(view: MediationView) -> dict[str, Any]:
    m = view.mediation
    held = (
        f"{render_date(m.mediation_held_on)}: {m.get_outcome_display().lower()}"
        if m.mediation_held_on
        else NOT_YET
    )
    certificate = (
        f"{render_date(m.certificate_issued_on)}: {m.get_certificate_kind_display().lower()}"
        if m.certificate_issued_on
        else "Not issued"
    )
    rows = [
        {"key": "Decision letter", "value": render_date(m.decision_letter_on)},
        {"key": "Mediation adviser", "value": view.contact_state},
        {
            "key": "Mediation held",
            "value": held,
            "action": _link(
                "mediation_record_outcome",
                m.case_id,
                m.pk,
                "Change" if m.mediation_held_on else "Record",
            ),
        },
        {
            "key": "Certificate",
            "value": certificate,
            "action": _link(
                "mediation_record_certificate",
                m.case_id,
                m.pk,
                "Change" if m.certificate_issued_on else "Record",
            ),
        },
        {"key": "Last day to appeal", "value": deadline_text(view.appeal)},
    ]
    return {"title": m.get_subject_display(), "id": f"mediation-{m.pk}", "rows": rows}


def appeal_card(view: AppealView) -> dict[str, Any]:
    a = view.appeal
    registered: dict[str, Any] = {"key": "Registered", "value": render_date(a.registered_on)}
    if view.late_by is not None:
        registered["tag"] = {"text": "Late", "colour": "orange"}
    rows: list[dict[str, Any]] = [
        {"key": "Decision letter", "value": render_date(a.decision_letter_on)},
        {"key": "Last day to appeal", "value": deadline_text(view.deadline)},
        registered,
        {"key": "Time to appeal", "value": view.registered_state},
        {"key": "Mediation certificate", "value": view.certificate_note},
    ]
    if a.is_open:
        rows.append(
            {
                "key": "Hearing",
                "value": render_date(a.hearing_on) if a.hearing_on else "Not set",
                "action": _link(
                    "appeal_record_hearing", a.case_id, a.pk, "Change" if a.hearing_on else "Record"
                ),
            }
        )
        rows.append(
            {
                "key": "Outcome",
                "value": "Open: no outcome yet",
                "action": _link("appeal_record_outcome", a.case_id, a.pk, "Record"),
            }
        )
    else:
        assert a.outcome_on is not None
        if a.hearing_on:
            rows.append({"key": "Hearing", "value": render_date(a.hearing_on)})
        rows.append(
            {
                "key": "Outcome",
                "value": f"{a.get_outcome_display()}, on {render_date(a.outcome_on)}",
            }
        )
    status = (
        {"text": "Open", "colour": "blue"} if a.is_open else {"text": "Closed", "colour": "grey"}
    )
    return {
        "title": a.get_subject_display(),
        "id": f"appeal-{a.pk}",
        "status": status,
        "rows": rows,
    }


def open_appeal_row(appeal: Appeal, today: date) -> dict[str, Any]:
    """One row of the area's list: the hearing in words, the case and what it is about."""
    if appeal.hearing_on is None:
        hearing = "Not set"
    elif appeal.hearing_on < today:
        hearing = f"{render_date(appeal.hearing_on)} (passed: record the outcome)"
    else:
        hearing = render_date(appeal.hearing_on)
    return {
        "hearing": hearing,
        "case_href": reverse("disputes:case_disputes", args=[appeal.case_id]),
        "reference": appeal.case.reference,
        "child": appeal.case.child.full_name,
        "subject": appeal.get_subject_display(),
        "registered": render_date(appeal.registered_on),
    }
