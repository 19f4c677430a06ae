"""Progress report pages and documents: preview, issue, read and download (HTML, tagged PDF,
Word), who may do which, and the error summary for a refused choice."""

import datetime as dt
import io
import re
from collections import Counter
from decimal import Decimal
from typing import Any

import pytest
from django.test import RequestFactory
from docx import Document

from tests.factories import TODAY, make_user
from tests.plans.test_documents import pdf_structure
from thrive.core.models import AuditEntry
from thrive.core.navigation import navigation_for
from thrive.improvement.models import (
    Action,
    Audience,
    MeasureTarget,
    Priority,
    ProgressReport,
    Workstream,
)
from thrive.improvement.selectors_reports import ReportChoice
from thrive.improvement.services.reports import report_issue

D = dt.date
SECTIONS = [
    "What was done",
    "Actions due before the next meeting",
    "Measures against trajectory",
    "Risks that changed",
    "What families told us",
]
CHOICE = ReportChoice(Audience.MONITORING, D(2025, 10, 1), D(2025, 12, 31), D(2026, 1, 20))
FORM = {
    "audience": "monitoring",
    "start_day": "1",
    "start_month": "10",
    "start_year": "2025",
    "end_day": "31",
    "end_month": "12",
    "end_year": "2025",
    "next_meeting_on_day": "20",
    "next_meeting_on_month": "1",
    "next_meeting_on_year": "2026",
}


@pytest.fixture
def programme_officer(db: Any) -> Any:
    return make_user("po", "programme_officer")


@pytest.fixture
def programme(programme_officer: Any) -> Workstream:
    priority = Priority.objects.create(title="Timely plans")
    workstream = Workstream.objects.create(priority=priority, title="Assessment capacity")
    Action.objects.create(
        workstream=workstream,
        title="Recruit two psychologists",
        owner=programme_officer,
        partner="council",
        due_on=D(2026, 1, 10),
    )
    MeasureTarget.objects.create(
        priority=priority,
        measure_key="plans_20_weeks",
        baseline_value=Decimal("40"),
        baseline_on=D(2025, 1, 1),
        target_value=Decimal("70"),
        target_on=D(2026, 12, 31),
    )
    return workstream


@pytest.fixture
def issued(programme_officer: Any, programme: Workstream) -> ProgressReport:
    return report_issue(actor=programme_officer, choice=CHOICE, today=TODAY)


def test_the_preview_shows_every_section_with_a_chart_and_tables(
    client: Any, programme_officer: Any, programme: Workstream
) -> None:
    client.force_login(programme_officer)
    response = client.get("/improvement/reports/new/", FORM)
    assert response.status_code == 200
    page = response.content.decode()
    assert re.findall(r'<h2 class="govuk-heading-m" id="section-\w+">([^<]+)</h2>', page) == (
        SECTIONS
    )
    assert "Preview: not issued." in page
    assert '<svg role="img"' in page
    assert "Recruit two psychologists" in page
    assert "Issue this report" in page
    assert not ProgressReport.objects.exists()


def test_a_board_member_previews_but_cannot_issue(
    client: Any, programme: Workstream, programme_officer: Any
) -> None:
    client.force_login(make_user("board", "board_member"))
    page = client.get("/improvement/reports/new/", FORM).content.decode()
    assert "Measures against trajectory" in page
    assert "Issue this report" not in page
    assert client.post("/improvement/reports/issue/", FORM).status_code == 403
    assert not ProgressReport.objects.exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"end_year": "2024"}, "The end of the period must be on or after its start"),
        (
            {
                "next_meeting_on_year": "2025",
                "next_meeting_on_month": "12",
                "next_meeting_on_day": "1",
            },
            "The next meeting must be on or after the end of the period",
        ),
        ({"end_year": "2027", "next_meeting_on_year": "2027"}, "must be today or in the past"),
        ({"end_day": ""}, "The last day of the period must include a day"),
    ],
)
def test_a_refused_choice_shows_the_error_summary(
    client: Any, programme_officer: Any, change: dict[str, str], message: str
) -> None:
    client.force_login(programme_officer)
    response = client.get("/improvement/reports/new/", FORM | change)
    assert response.status_code == 400
    page = response.content.decode()
    assert "<title>Error: " in page
    assert "There is a problem" in page
    assert message in page
    posted = client.post("/improvement/reports/issue/", FORM | change)
    assert posted.status_code in (400, 422)
    assert not ProgressReport.objects.exists()


def test_issuing_through_the_page_stores_a_version_and_shows_it(
    client: Any, programme_officer: Any, programme: Workstream
) -> None:
    client.force_login(programme_officer)
    response = client.post("/improvement/reports/issue/", FORM)
    report = ProgressReport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/improvement/reports/{report.pk}/"
    assert client.post("/improvement/reports/issue/", FORM).status_code == 302
    assert sorted(ProgressReport.objects.values_list("version", flat=True)) == [1, 2]
    page = client.get(f"/improvement/reports/{report.pk}/").content.decode()
    assert "Version 1, issued on" in page
    assert "Download as a PDF" in page
    listing = client.get("/improvement/reports/").content.decode()
    assert listing.count("Progress report to the dfe and nhs england progress meeting") == 2


def test_the_html_download_is_the_report_as_issued(
    client: Any, issued: ProgressReport, programme_officer: Any
) -> None:
    client.force_login(make_user("inspector", "inspector"))
    response = client.get(f"/improvement/reports/{issued.pk}/html/")
    assert response["Content-Disposition"] == (
        'attachment; filename="progress-report-monitoring-2025-10-01-to-2025-12-31-v1.html"'
    )
    html = response.content.decode()
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert issued.html in html
    assert f"<title>{issued.title}, version 1</title>" in html


def test_the_pdf_is_tagged_with_every_section(
    client: Any, issued: ProgressReport, programme_officer: Any
) -> None:
    client.force_login(programme_officer)
    response = client.get(f"/improvement/reports/{issued.pk}/pdf/")
    assert response["Content-Type"] == "application/pdf"
    pdf = response.content
    assert pdf.startswith(b"%PDF-")
    structure = pdf_structure(pdf)
    assert b"/StructTreeRoot" in structure
    assert b"/Lang (en)" in structure
    assert b"pdfuaid:part" in structure
    tags = Counter(re.findall(rb"/S /(\w+)", structure))
    assert tags[b"H1"] == 1
    assert tags[b"H2"] == len(SECTIONS)
    assert tags[b"Table"] >= 6
    assert tags[b"TH"] >= 20
    outline = re.findall(rb"/Title \((.*?)\)", structure)
    for heading in SECTIONS:
        assert heading.encode() in outline


def test_the_word_document_opens_with_headings_tables_and_the_chart(
    client: Any, issued: ProgressReport, programme_officer: Any
) -> None:
    client.force_login(programme_officer)
    response = client.get(f"/improvement/reports/{issued.pk}/docx/")
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    document = Document(io.BytesIO(response.content))
    styled = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    headings = [(style, text) for style, text in styled if style.startswith(("Title", "Heading"))]
    assert headings[0] == ("Title", issued.title)
    assert [text for style, text in headings if style == "Heading 1"] == SECTIONS
    assert document.core_properties.title == f"{issued.title}, version 1"
    header_rows = [t.rows[0] for t in document.tables]
    assert ["Action", "Workstream", "Owner", "Partner", "Due on", "Status"] in [
        [c.text for c in row.cells] for row in header_rows
    ]
    assert all(
        row._tr.trPr is not None and row._tr.trPr.xpath("./w:tblHeader") for row in header_rows
    )
    texts = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert "Recruit two psychologists" in texts
    (picture,) = document.inline_shapes
    assert picture._inline.docPr.get("descr").startswith("Bar chart of new plans issued")


def test_downloads_are_audited(client: Any, issued: ProgressReport, programme_officer: Any) -> None:
    client.force_login(programme_officer)
    for kind in ("html", "pdf", "docx"):
        client.get(f"/improvement/reports/{issued.pk}/{kind}/")
    summaries = set(
        AuditEntry.objects.filter(
            object_type="improvement.progressreport", object_id=issued.pk, action="export"
        ).values_list("summary", flat=True)
    )
    assert summaries == {
        "downloaded progress report version 1 as HTML",
        "downloaded progress report version 1 as a PDF",
        "downloaded progress report version 1 as a Word document",
    }


@pytest.mark.parametrize("role", ["case_officer", "parent", "practitioner"])
def test_roles_outside_the_programme_see_no_report(
    client: Any, issued: ProgressReport, role: str
) -> None:
    client.force_login(make_user("someone", role))
    for path in ("", "pdf/", "docx/", "html/"):
        assert client.get(f"/improvement/reports/{issued.pk}/{path}").status_code == 403
    assert client.get("/improvement/reports/").status_code == 403
    assert client.get("/improvement/reports/new/", FORM).status_code == 403


def test_a_missing_report_is_not_found(client: Any, programme_officer: Any) -> None:
    client.force_login(programme_officer)
    assert client.get("/improvement/reports/999/").status_code == 404


def test_the_navigation_leads_to_progress_reports_for_those_who_may_read_them(db: Any) -> None:
    def links(user: Any) -> dict[str, str]:
        request = RequestFactory().get("/")
        request.user = user
        return {str(item["text"]): str(item["href"]) for item in navigation_for(request)}

    for role in ("board_member", "programme_officer", "inspector", "analyst"):
        assert links(make_user(role, role)).get("Progress reports") == "/improvement/reports/"
    for role in ("case_officer", "parent"):
        assert "Progress reports" not in links(make_user(role, role))
