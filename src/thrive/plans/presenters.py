"""Display-ready rows for plan pages and documents: words and tags, never colour alone. Built
from a version's snapshot, so the edit page, the document and the comparison agree."""

from collections.abc import Mapping, Sequence
from typing import Any

from django.urls import reverse

from thrive.law import clock

from .diff import Item, Section, SectionDifference
from .models import PlanVersion, VersionKind
from .selectors import NEED_SECTIONS, PROVISION_SECTIONS

NOTHING = "Nothing recorded"
_EDIT_ROUTES = {"A": "views", "I": "placement", "J": "budget", "K": "advice"}
_NEED = ("plans:need_edit", "need_id", "Need", "Add a need")
_OUTCOME = ("plans:outcome_edit", "outcome_id", "Outcome", "Add an outcome")
_PROVISION = ("plans:provision_edit", "provision_id", "Provision", "Add provision")
#: Section code -> (route, its item id argument, what an item is called, the add link's text).
_ITEM_ROUTES = {
    **dict.fromkeys(NEED_SECTIONS, _NEED),
    "E": _OUTCOME,
    **dict.fromkeys(PROVISION_SECTIONS, _PROVISION),
}
_DOCUMENT_TITLES = {
    VersionKind.DRAFT: "Draft education, health and care plan",
    VersionKind.FINAL: "Education, health and care plan",
    VersionKind.AMENDED_DRAFT: "Draft amended education, health and care plan",
    VersionKind.AMENDED_FINAL: "Amended education, health and care plan",
}


def version_title(version: PlanVersion) -> str:
    """ "version 2: final plan", for sentences; templates capitalise it for headings."""
    return f"version {version.number}: {version.get_kind_display().lower()}"


def document_title(version: PlanVersion) -> str:
    return _DOCUMENT_TITLES[VersionKind(version.kind)]


def version_status(version: PlanVersion) -> dict[str, str]:
    if version.is_issued:
        return {"text": "Issued", "colour": "green"}
    return {"text": "Being written", "colour": "blue"}


def issued_text(version: PlanVersion) -> str:
    if not version.is_issued or version.issued_on is None:
        return "Not issued yet"
    by = f" by {version.issued_by}" if version.issued_by else ""
    return f"{clock.render_date(version.issued_on)}{by}"


def version_rows(versions: list[PlanVersion]) -> list[dict[str, Any]]:
    """The plan's versions, oldest first, with what can be done with each."""
    rows = []
    for previous, version in zip([None, *versions], versions, strict=False):
        links = [
            {
                "text": "Continue writing" if not version.is_issued else "View",
                "href": reverse("plans:version_edit", args=[version.pk]),
            },
            {"text": "Read", "href": reverse("plans:version_document", args=[version.pk])},
            {"text": "Download PDF", "href": reverse("plans:version_pdf", args=[version.pk])},
        ]
        if previous is not None:
            links.append(
                {
                    "text": f"Compare with version {previous.number}",
                    "href": reverse("plans:version_compare", args=[previous.pk, version.pk]),
                }
            )
        rows.append(
            {
                "number": version.number,
                "kind": version.get_kind_display(),
                "status": version_status(version),
                "issued": issued_text(version),
                "links": links,
            }
        )
    return rows


# --- The version page: sections with change links --------------------------------------


def _rows(fields: Any) -> list[dict[str, str]]:
    return [{"key": f.label, "value": f.text or NOTHING} for f in fields]


def item_caption(code: str, item: Item) -> str:
    """ "Outcome E1"; advice is already named ("Advice from health")."""
    return f"{_ITEM_ROUTES[code][2]} {item.title}" if code in _ITEM_ROUTES else item.title


def in_sentence(caption: str) -> str:
    """ "Outcome E1" as the middle of a sentence: "outcome E1"."""
    return caption[:1].lower() + caption[1:]


# What the automated checks' item references call each section's items (quality.checks).
_ITEM_KINDS = {
    **dict.fromkeys(NEED_SECTIONS, "need"),
    "E": "outcome",
    **dict.fromkeys(PROVISION_SECTIONS, "provision"),
    "K": "advice",
}
BLOCKS_ISSUE = "Must be put right before the final plan is issued."


def finding_rows(findings: Sequence[Any]) -> list[dict[str, str]]:
    """The automated checks' findings about one place, as the page lists them."""
    return [
        {
            "message": f.message,
            "blocks": BLOCKS_ISSUE if f.blocking else "",
            "citation": f.citation,
            "phrases": ", ".join(f"“{h.text}”" for h in f.highlights),
        }
        for f in findings
    ]


def findings_summary(findings: Sequence[Any]) -> dict[str, Any]:
    """The box at the top of the page: how many problems, how many block issue, and links."""
    blocking = sum(1 for f in findings if f.blocking)
    return {
        "count": len(findings),
        "blocking": blocking,
        "links": [
            {
                # A whole section's finding links to the section's heading.
                "href": f"#{f.anchor}"
                if f.item.id is not None
                else f"#section-{f.section.lower()}",
                "text": f"{f.item.label}: {f.message}",
            }
            for f in findings
        ],
    }


def _item_card(
    version: PlanVersion,
    section: Section,
    item: Item,
    editable: bool,
    findings: Mapping[str, Sequence[Any]],
) -> dict[str, Any]:
    caption = item_caption(section.code, item)
    anchor = f"{_ITEM_KINDS.get(section.code, 'item')}-{item.pk}"
    card: dict[str, Any] = {
        "caption": caption,
        "in_sentence": in_sentence(caption),
        "rows": _rows(item.fields),
        "actions": [],
        "anchor": anchor,
        "findings": finding_rows(findings.get(anchor, ())),
    }
    if editable and section.code in _ITEM_ROUTES:
        name, kwarg, _, _ = _ITEM_ROUTES[section.code]
        href = reverse(name, kwargs={"version_id": version.pk, kwarg: item.pk})
        card["actions"] = [
            {"text": "Change", "href": href},
            {"text": "Remove", "href": href + "?remove=yes"},
        ]
    return card


def _add_link(version: PlanVersion, code: str) -> dict[str, str] | None:
    if code not in _ITEM_ROUTES:
        return None
    name, _, _, text = _ITEM_ROUTES[code]
    href = reverse(name, kwargs={"version_id": version.pk})
    return {"text": text, "href": f"{href}?section={code}"}


def _change_link(version: PlanVersion, code: str) -> str:
    if code not in _EDIT_ROUTES or (code == "I" and version.kind == VersionKind.DRAFT):
        return ""
    return reverse(f"plans:version_change_{_EDIT_ROUTES[code]}", args=[version.pk])


def section_note(version: PlanVersion, code: str, *, for_family: bool = False) -> str:
    """Why a section is empty by law, where it is; the document speaks to the family."""
    if code != "I" or version.kind != VersionKind.DRAFT:
        return ""
    who = "You can ask for a particular one" if for_family else "The family can ask for one"
    return (
        "A draft plan does not name a school or other institution, or a type of setting "
        f"(Children and Families Act 2014, s.38(5)). {who} to be named."
    )


def section_cards(
    version: PlanVersion,
    sections: tuple[Section, ...],
    findings: Sequence[Any] = (),
) -> list[dict[str, Any]]:
    """The version page's sections; `findings` (from quality.findings) are shown beside the
    item or section they are about, where the case officer can put them right."""
    editable = not version.is_issued
    by_anchor: dict[str, list[Any]] = {}
    by_section: dict[str, list[Any]] = {}
    for finding in findings:
        if finding.item.id is None:  # a whole section, or its fields (views in A)
            by_section.setdefault(finding.section, []).append(finding)
        else:
            by_anchor.setdefault(finding.anchor, []).append(finding)

    def note(code: str) -> str:
        return section_note(version, code)

    return [
        {
            "code": section.code,
            "title": section.title,
            "findings": finding_rows(by_section.get(section.code, ())),
            "rows": [] if note(section.code) else _rows(section.fields),
            "items": [
                _item_card(version, section, item, editable, by_anchor) for item in section.items
            ],
            "add": _add_link(version, section.code) if editable else None,
            "change": _change_link(version, section.code) if editable else "",
            "note": note(section.code),
            "empty": not section.fields and not section.items,
        }
        for section in sections
    ]


# --- The document: sections as tables ----------------------------------------------------


def document_sections(version: PlanVersion, sections: tuple[Section, ...]) -> list[dict[str, Any]]:
    """Each section with its fields as paragraphs and its items as tables: one table for the
    section when items have a single field (needs), else one table per item."""
    shown = []
    for section in sections:
        note = section_note(version, section.code, for_family=True)
        single = all(len(item.fields) == 1 for item in section.items)
        shown.append(
            {
                "code": section.code,
                "title": section.title,
                "fields": [] if note else _rows(section.fields),
                "items": [
                    {
                        "title": i.title,
                        "caption": item_caption(section.code, i),
                        "rows": _rows(i.fields),
                    }
                    for i in section.items
                ],
                "single_field": single and bool(section.items),
                "column": section.items[0].fields[0].label if single and section.items else "",
                "note": note,
                "empty": not section.fields and not section.items,
            }
        )
    return shown


def family_rights(version: PlanVersion) -> dict[str, Any]:
    """Which rights notice the document carries, with its dates."""
    closes = clock.comments_close_on(version.issued_on) if version.issued_on else None
    return {
        "is_draft": version.is_draft,
        "is_amendment": version.kind in (VersionKind.AMENDED_DRAFT, VersionKind.AMENDED_FINAL),
        "comments_close_on": clock.render_date(closes) if closes else "",
        "issued_on": clock.render_date(version.issued_on) if version.issued_on else "",
    }


# --- Comparing two versions --------------------------------------------------------------


def _change_rows(changes: Any) -> list[dict[str, str]]:
    return [
        {"label": c.label, "before": c.before or NOTHING, "after": c.after or NOTHING}
        for c in changes
    ]


def _shown_items(code: str, items: tuple[Item, ...]) -> list[dict[str, Any]]:
    return [{"caption": item_caption(code, i), "rows": _rows(i.fields)} for i in items]


def difference_sections(differences: tuple[SectionDifference, ...]) -> list[dict[str, Any]]:
    """Only the sections that changed, each change named in words: added, removed, changed."""
    return [
        {
            "title": d.title,
            "fields": _change_rows(d.fields),
            "changed": [
                {
                    "caption": item_caption(d.code, c.after),
                    "was": c.before.title if c.before.title != c.after.title else "",
                    "changes": _change_rows(c.changes),
                }
                for c in d.changed
            ],
            "groups": [
                {"word": "Added", "items": _shown_items(d.code, d.added)},
                {"word": "Removed", "items": _shown_items(d.code, d.removed)},
            ],
        }
        for d in differences
        if d.has_changes
    ]


def issue_consequences(version: PlanVersion) -> list[str]:
    """What issuing this version does, in words, on the confirmation page."""
    fixed = "This version is fixed. To change the plan after this, you start a new version."
    if version.is_draft:
        regulation = "13(1)" if version.kind == VersionKind.DRAFT else "22(2)"
        return [
            fixed,
            "The family is told by email and can read the draft in Thrive.",
            "The family has at least 15 days, beginning with the day the draft is served, to "
            "comment on it, ask for a particular school, college or other institution to be "
            "named, and ask for a meeting with an officer (SEND Regulations 2014, "
            f"reg. {regulation}).",
            "You cannot issue the final plan until the 15 days have ended, unless the family's "
            "comments arrive sooner.",
        ]
    ends = (
        f'The assessment ends: the case\'s stage becomes "{clock.Stage.FINAL_ISSUED.label}".'
        if version.kind == VersionKind.FINAL
        else "The amended plan replaces the one before it."
    )
    return [
        fixed,
        ends,
        "The family and the school or college named in section I are told by email. Send the "
        "plan to the health commissioning body too (SEND Regulations 2014, reg. 13(2)).",
        "The family can appeal to the SEND Tribunal about sections B, F and I, or the school "
        "or college named, within 2 months (Children and Families Act 2014, s.51). They must "
        "contact a mediation adviser first, unless the appeal is only about section I.",
    ]


def gate_panel(version: PlanVersion, decision: Any, *, may_override: bool) -> dict[str, Any]:
    """The quality gate on the page that issues a final plan (`quality.gate.GateDecision`)."""
    if decision.rating is None:
        rating = "Not audited yet."
    else:
        rating = f"Version {decision.rated_version} was rated {decision.rating.label.lower()}."
    override = decision.override
    return {
        "stops": decision.stops_issue,
        "reasons": decision.reasons(),
        "rating": rating,
        "override": (
            f"A SEND manager recorded on {clock.render_date(override.created_at.date())} why "
            f"it may be issued: {override.reason}"
            if override
            else ""
        ),
        "audits_href": reverse("quality:audit_list", kwargs={"version_id": version.pk}),
        "override_href": reverse("quality:issue_override", kwargs={"version_id": version.pk})
        if may_override and decision.needs_override and not override
        else "",
        "edit_href": reverse("plans:version_edit", kwargs={"version_id": version.pk}),
    }


# --- Amending and ceasing the plan (reg. 22; CFA 2014 s.45, reg. 31) --------------------


def amendment_section(amendment: Any) -> dict[str, Any] | None:
    """The overview's "Amending the plan" section (`selectors_amendments.Amendment`)."""
    if amendment is None:
        return None
    rows: list[dict[str, Any]] = []
    if (review := amendment.review) is not None and review.decision_notified_on:
        rows.append(
            {
                "key": "Review decision",
                "value": f"Amend the plan, notified on "
                f"{clock.render_date(review.decision_notified_on)} after the meeting on "
                f"{clock.render_date(review.meeting_on)}",
            }
        )
    for version in (amendment.draft, amendment.final):
        if version is not None:
            rows.append({"key": version.get_kind_display(), "value": _version_state(version)})
    rows.extend(
        {"key": step.label, "value": step.state, "tag": _late_tag(step)} for step in amendment.steps
    )
    after = amendment.final or amendment.draft
    compare = None
    if amendment.previous is not None and after is not None:
        compare = {
            "href": reverse("plans:version_compare", args=[amendment.previous.pk, after.pk]),
            "text": f"See what changes from version {amendment.previous.number} to version "
            f"{after.number}",
        }
    return {"rows": rows, "compare": compare, "waiting": amendment.draft is None}


def _version_state(version: PlanVersion) -> str:
    if version.is_issued and version.issued_on:
        return f"Version {version.number}, issued on {clock.render_date(version.issued_on)}"
    return f"Version {version.number}, being written"


def _late_tag(step: Any) -> dict[str, str] | None:
    if step.overdue:
        return {"text": "Overdue", "colour": "red"}
    if step.done_on and step.done_on > step.due_by:
        return {"text": "Late", "colour": "orange"}
    return None


def cease_label(cessation: Any) -> str:
    """ "5: Transferred to another local authority in England" """
    return f"{cessation.reason}: {cessation.get_reason_display()}"


def cessation_section(status: Any) -> dict[str, Any] | None:
    """The overview's words about a standing decision to cease (`selectors_ceasing`)."""
    if status is None:
        return None
    cessation = status.cessation
    if status.takes_effect_on is None:
        headline = "An appeal to the Tribunal about ceasing keeps the plan in place"
        if status.appeal is not None and status.appeal.outcome:
            headline = (
                "The appeal about ceasing succeeded: the plan is maintained. "
                "Withdraw the decision to cease"
            )
    elif status.ceased:
        headline = f"Ceased on {clock.render_date(status.takes_effect_on)}"
    else:
        ceases = clock.render_date(status.takes_effect_on)
        headline = f"The plan will cease on {ceases}; until then it is maintained"
    rows = [
        {"key": "Reason", "value": cease_label(cessation)},
        {"key": "Ground", "value": cessation.get_ground_display() or "None: the plan lapsed"},
        {"key": "Decision notified on", "value": clock.render_date(cessation.notified_on)},
    ]
    if status.notice is not None:
        rows.append(
            {
                "key": "Last day to appeal",
                "value": clock.render_date(status.notice.appeal.last_day),
            }
        )
    return {"headline": headline, "ceased": status.ceased, "rows": rows}


def cessation_notice_rows(cessation: Any, notice: Any) -> list[dict[str, str]]:
    """What a notice of a decision to cease must carry (`law.reviews.
    CESSATION_NOTICE_CONTENTS`, reg. 31(2)), each filled in for this decision."""
    appeal = notice.appeal
    moved = f" (moved because the date {appeal.moved_because})" if appeal.moved_because else ""
    filled = (
        f"The council has decided to cease to maintain the EHC plan: "
        f"{cessation.get_ground_display().lower()} ({cessation.get_reason_display().lower()}). "
        f"{cessation.reasons_given}",
        "You can appeal to the First-tier Tribunal (Special Educational Needs and "
        f"Disability). The last day to appeal is {clock.render_date(appeal.last_day)}{moved}. "
        "The plan is maintained until then, and while an appeal is being decided.",
        "Before appealing you must contact a mediation adviser, by "
        f"{clock.render_date(notice.mediation_contact_by)}. Mediation is free and you do not "
        "have to go ahead with it. The adviser gives you a certificate, which may give you "
        "more time to appeal.",
        "You can use the council's disagreement resolution service at any time. It is free "
        "and independent of the council.",
        "The SEND Information, Advice and Support Service gives free, impartial advice to "
        "families and young people.",
    )
    return [
        {"key": key, "value": value} for key, value in zip(notice.must_include, filled, strict=True)
    ]


CEASED_CSV_HEADER = [
    "Case reference",
    "SEN2 reason code",
    "Reason",
    "Ground",
    "Notified on",
    "Ceased on",
]


def ceased_rows(ceased: Any) -> list[dict[str, Any]]:
    """The ceased plans report, one row a plan: the case reference, never a name.
    `ceased` holds (decision, day the plan ceased) pairs."""
    return [
        {
            "reference": c.plan.case.reference,
            "case_id": c.plan.case_id,
            "code": c.reason,
            "reason": c.get_reason_display(),
            "ground": c.get_ground_display() or "None",
            "notified_on": c.notified_on,
            "ceases_on": ceased_on,
        }
        for c, ceased_on in ceased
    ]


def ceased_csv(rows: list[dict[str, Any]]) -> list[list[str]]:
    return [
        CEASED_CSV_HEADER,
        *(
            [
                r["reference"],
                r["code"],
                r["reason"],
                r["ground"],
                r["notified_on"].isoformat(),
                r["ceases_on"].isoformat(),
            ]
            for r in rows
        ),
    ]
