"""A plan version for the family to read: links to the plans app's document, or its sections
on the page when those are not available."""

from typing import Any

from django.urls import NoReverseMatch, reverse

from thrive.plans.models import PlanVersion


def plan_document_links(version: PlanVersion | None) -> dict[str, str] | None:
    """Links to an issued version's document and PDF (the plans app's pages), or None when
    the version is not issued or those pages are not available, so the page shows the plan's
    content itself instead."""
    if version is None or not version.is_issued:
        return None
    try:
        return {
            "html": reverse("plans:version_document", args=[version.pk]),
            "pdf": reverse("plans:version_pdf", args=[version.pk]),
        }
    except NoReverseMatch:
        return None


_SECTION_A = (
    ("views_child", "The child's or young person's views"),
    ("views_family", "The parents' or carers' views"),
    ("interests", "Interests, and what people like about them"),
    ("aspirations", "Hopes for the future"),
    ("history", "Their story so far"),
)
_NEED_SECTIONS = (
    ("B", "B: Special educational needs"),
    ("C", "C: Health needs"),
    ("D", "D: Social care needs"),
)
_PROVISION_SECTIONS = (
    ("F", "F: Special educational provision"),
    ("G", "G: Health provision"),
    ("H1", "H1: Social care provision (Chronically Sick and Disabled Persons Act 1970)"),
    ("H2", "H2: Other social care provision"),
)


def _section(title: str, items: list[dict[str, str]]) -> dict[str, Any]:
    return {"title": title, "items": [i for i in items if i["text"]]}


def plan_sections(version: PlanVersion) -> list[dict[str, Any]]:
    """A plan version's sections A to J as headed lists, for reading on the page (SEND
    Regulations 2014, reg. 12(1)); load it with `selectors.plan_version_with_sections`."""
    needs, provisions = list(version.needs.all()), list(version.provisions.all())
    section_a = [{"label": label, "text": getattr(version, name)} for name, label in _SECTION_A]
    outcomes = [{"label": o.time_frame, "text": o.text} for o in version.outcomes.all()]
    return [
        _section("A: Views, interests and aspirations", section_a),
        *(
            _section(title, [{"label": "", "text": n.text} for n in needs if n.section == code])
            for code, title in _NEED_SECTIONS
        ),
        _section("E: Outcomes", outcomes),
        *(
            _section(title, [_provision_item(p) for p in provisions if p.section == code])
            for code, title in _PROVISION_SECTIONS
        ),
        _section("I: School or other setting", [_placement_item(version)]),
        _section("J: Personal budget", [{"label": "", "text": version.personal_budget}]),
    ]


def _provision_item(provision: Any) -> dict[str, str]:
    details = (
        f"Who: {provision.who}. How often: {provision.how_often}. "
        f"For how long: {provision.how_long}. Group size: {provision.group_size}."
    )
    return {"label": provision.what, "text": details}


def _placement_item(version: PlanVersion) -> dict[str, str]:
    if version.placement_setting is not None:
        return {"label": "", "text": version.placement_setting.name}
    return {"label": "", "text": version.get_placement_type_display()}
