"""The plan as a page and as a tagged PDF: the family's rights on drafts and finals, every
section A to K, tables with header cells, who may read which version, and the audit."""

import re
import zlib
from collections import Counter
from typing import Any
from urllib.request import OpenerDirector

import pytest

from tests.factories import TODAY, make_user
from tests.plans.builders import FINAL_ON
from thrive.core.models import AuditEntry
from thrive.people.models import FamilyLink
from thrive.plans import services
from thrive.plans.documents import document_context, html_to_pdf, pdf_html
from thrive.plans.models import PlanVersion
from thrive.plans.selectors import SECTION_TITLES, issued_versions_for, version_contents

DRAFT_RIGHTS = [
    "at least 15 days",
    "served on you",
    "representations",
    "ask us to name a particular school, college or other institution",
    "ask to meet one of our officers",
    "regulation 13(1)",
]
FINAL_RIGHTS = [
    "First-tier Tribunal (Special Educational Needs and Disability)",
    "section B: the special educational needs",
    "section F: the special educational provision",
    "section I: the school, college or other institution named",
    "within 2 months of the date of the letter",
    "within 1 month of the date on a mediation certificate",
    "you must contact a mediation adviser, unless your appeal is only about section I",
    "disagreement resolution",
    "sections 51, 55 and 57",
    "regulations 32 and 33",
]


def pdf_structure(pdf: bytes) -> bytes:
    """The PDF with its compressed streams opened, so its tags and outline can be searched."""
    streams = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            streams.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue  # fonts and images that are not Flate-compressed
    return pdf + b"\n".join(streams)


@pytest.fixture
def issued_final(officer: Any, final: PlanVersion) -> PlanVersion:
    return services.plan_issue_final(actor=officer, version=final, issued_on=FINAL_ON, today=TODAY)


@pytest.fixture
def parent(issued_draft: PlanVersion) -> Any:
    user = make_user("parent", "parent", email="parent@example.org")
    FamilyLink.objects.create(user=user, child=issued_draft.plan.case.child, relationship="parent")
    return user


def _page(client: Any, user: Any, version: PlanVersion) -> str:
    client.force_login(user)
    response = client.get(f"/plans/versions/{version.pk}/document/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_draft_tells_the_family_their_rights_on_a_draft(
    client: Any, officer: Any, issued_draft: PlanVersion
) -> None:
    page = _page(client, officer, issued_draft)
    assert all(words in page for words in DRAFT_RIGHTS), page
    assert "the 15 days end on <strong>17 December 2025</strong>" in page
    assert "Tribunal" not in page
    assert "does not name a school or other institution, or a type of setting" in page


def test_a_final_plan_tells_the_family_how_to_appeal(
    client: Any, officer: Any, issued_final: PlanVersion
) -> None:
    page = _page(client, officer, issued_final).replace("\n", " ")
    assert all(words in page for words in FINAL_RIGHTS), page
    assert "This plan was issued on 12 January 2026" in page
    assert "15 days" not in page


def test_the_document_has_every_section_and_tables_with_headers(
    client: Any, officer: Any, issued_final: PlanVersion, settings: Any
) -> None:
    settings.THRIVE_COUNCIL_NAME = "Northtown Council"
    page = _page(client, officer, issued_final)
    headings = re.findall(r'<h2 class="govuk-heading-m">(Section [A-K]\d?: [^<]+)</h2>', page)
    assert headings == list(SECTION_TITLES.values())
    assert "Northtown Council" in page
    assert '<th scope="col" class="govuk-table__header">Need</th>' in page
    assert '<th scope="row" class="govuk-table__header">Who delivers it</th>' in page
    assert "Outcomes it works towards" in page  # the golden thread, provision to outcome


def test_the_pdf_is_tagged_with_every_section(
    client: Any, officer: Any, issued_final: PlanVersion
) -> None:
    client.force_login(officer)
    response = client.get(f"/plans/versions/{issued_final.pk}/pdf/")
    assert response["Content-Type"] == "application/pdf"
    reference = issued_final.plan.case.reference
    assert response["Content-Disposition"] == (
        f'attachment; filename="ehc-plan-{reference}-v2.pdf"'
    )
    pdf = response.content
    assert pdf.startswith(b"%PDF-")
    structure = pdf_structure(pdf)
    assert b"/StructTreeRoot" in structure
    assert b"/Lang (en)" in structure
    assert b"pdfuaid:part" in structure  # declared PDF/UA
    tags = Counter(re.findall(rb"/S /(\w+)", structure))
    assert tags[b"H1"] == 1
    assert tags[b"H2"] == len(SECTION_TITLES) + 1  # the sections and the rights notice
    assert tags[b"Table"] >= 3
    assert tags[b"TH"] >= 8
    outline = re.findall(rb"/Title \((.*?)\)", structure)
    for title in SECTION_TITLES.values():
        assert title.encode() in outline
    assert f"EHC plan for case {reference}, version 2".encode() in outline  # document title


def test_the_pdf_source_names_its_language_title_and_council(
    issued_final: PlanVersion, settings: Any
) -> None:
    settings.THRIVE_COUNCIL_NAME = "Northtown Council"
    html = pdf_html(document_context(version_contents(issued_final)))
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    reference = issued_final.plan.case.reference
    assert f"<title>EHC plan for case {reference}, version 2</title>" in html
    assert "Northtown Council" in html
    assert all(
        f'<h2 class="govuk-heading-m">{title}</h2>' in html for title in SECTION_TITLES.values()
    )


def test_the_pdf_fetches_nothing_from_outside(monkeypatch: Any) -> None:
    opened: list[object] = []
    monkeypatch.setattr(OpenerDirector, "open", lambda self, *args, **kw: opened.append(args))
    html = (
        '<html lang="en"><title>t</title><img src="http://169.254.169.254/" alt="x">'
        '<img src="file:///etc/passwd" alt="y"></html>'
    )
    assert html_to_pdf(html).startswith(b"%PDF-")
    assert opened == []


def test_reading_and_downloading_are_audited(
    client: Any, officer: Any, issued_final: PlanVersion
) -> None:
    client.force_login(officer)
    client.get(f"/plans/versions/{issued_final.pk}/document/")
    client.get(f"/plans/versions/{issued_final.pk}/pdf/")
    entries = AuditEntry.objects.filter(object_type="plans.planversion", object_id=issued_final.pk)
    assert {(e.action, e.summary) for e in entries if e.action in ("view", "export")} == {
        ("view", "read plan version 2"),
        ("export", "downloaded plan version 2 as a PDF"),
    }
    assert all(e.child_id == issued_final.plan.case.child_id for e in entries)


def test_the_family_reads_issued_versions_only(
    client: Any, officer: Any, parent: Any, issued_draft: PlanVersion
) -> None:
    final = services.plan_new_version(actor=officer, version=issued_draft, kind="final")
    client.force_login(parent)
    assert client.get(f"/plans/versions/{issued_draft.pk}/document/").status_code == 200
    assert client.get(f"/plans/versions/{issued_draft.pk}/pdf/").status_code == 200
    assert client.get(f"/plans/versions/{final.pk}/document/").status_code == 404
    assert client.get(f"/plans/versions/{final.pk}/pdf/").status_code == 404
    page = client.get(f"/plans/versions/{issued_draft.pk}/document/").content.decode()
    assert "Back to version" not in page  # the team's page is not theirs


def test_the_familys_list_of_versions_holds_issued_ones_only(
    officer: Any, parent: Any, issued_draft: PlanVersion
) -> None:
    services.plan_new_version(actor=officer, version=issued_draft, kind="final")
    case = issued_draft.plan.case
    assert list(issued_versions_for(user=parent, case=case)) == [issued_draft]
    assert issued_versions_for(user=make_user("stranger", "parent"), case=case).count() == 0
    assert issued_versions_for(user=officer, case=case).count() == 1


@pytest.mark.parametrize(
    ("username", "role", "extra"),
    [
        ("otherparent", "parent", {}),
        ("ep", "practitioner", {"discipline": "educational_psychology"}),
        ("youngperson", "young_person", {}),
    ],
)
def test_nobody_else_reads_an_issued_plan(
    client: Any,
    officer: Any,
    issued_draft: PlanVersion,
    username: str,
    role: str,
    extra: dict[str, str],
) -> None:
    from thrive.assessments.models import CaseAccess

    visitor = make_user(username, role, **extra)
    if role == "practitioner":  # invited to the case to give advice: still not the plan
        CaseAccess.objects.create(case=issued_draft.plan.case, user=visitor, granted_by=officer)
    client.force_login(visitor)
    for path in ("document", "pdf"):
        response = client.get(f"/plans/versions/{issued_draft.pk}/{path}/")
        assert response.status_code == 404
        assert b"Ada" not in response.content
