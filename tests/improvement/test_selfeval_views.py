"""The self-evaluation pages through HTTP: every criterion with its points and judgement, the
judgement form with its refusals, and the self-evaluation document as a page and as a tagged
PDF holding every criterion, each production audited."""

import datetime as dt
import re
import zlib
from collections import Counter
from typing import Any

import pytest
from django.utils import timezone

from tests.factories import make_user
from tests.improvement.selfeval_builders import (
    SMALL,
    action,
    evidence,
    judge,
    load_small,
    programme_officer,
)
from thrive.core.models import AuditEntry
from thrive.improvement import selectors_selfeval as selectors
from thrive.improvement.framework import framework_load
from thrive.improvement.models import Criterion, Feedback, Judgement, Theme


def pdf_structure(pdf: bytes) -> bytes:
    """The PDF with its compressed streams opened, so its tags and outline can be searched
    (as tests/plans/test_documents.py reads a plan's PDF)."""
    streams = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            streams.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return pdf + b"\n".join(streams)


def _pdf_string(raw: bytes) -> str:
    """A PDF text string from the outline: literal (with escapes) or UTF-16 hex."""
    if raw.startswith(b"<"):
        data = bytes.fromhex(raw[1:-1].decode())
        return data[2:].decode("utf-16-be") if data.startswith(b"\xfe\xff") else data.decode()
    inner = raw[1:-1]
    inner = re.sub(rb"\\([()\\])", rb"\1", inner)
    if inner.startswith(b"\xfe\xff"):
        return inner[2:].decode("utf-16-be")
    return inner.decode("latin-1")


def outline_titles(structure: bytes) -> list[str]:
    found = re.findall(rb"/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f]+>)", structure)
    return [_pdf_string(raw) for raw in found]


@pytest.fixture
def po(db: Any) -> Any:
    return programme_officer()


def _get(client: Any, user: Any, path: str) -> Any:
    client.force_login(user)
    return client.get(path)


def test_the_page_shows_every_criterion_with_its_points_and_judgement(client: Any, po: Any) -> None:
    criteria = load_small()
    today = timezone.localdate()
    paper = evidence(po, "Timeliness audit, autumn 2026")
    judge(
        po,
        criteria[0],
        today - dt.timedelta(days=250),
        band="significant_concerns",
        narrative="Too many families wait.\n\nEarly help is patchy.",
        evidence=[paper],
        actions=[action(po, "Recruit two educational psychologists")],
        measure_keys=["requests", selectors.FEEDBACK_THEMES],
    )
    Feedback.objects.create(
        received_on=today, source="survey", summary="s", recorded_by=po
    ).themes.add(Theme.objects.create(name="Waiting times"))
    page = _get(client, make_user("board", "board_member"), "/improvement/self-evaluation/")
    assert page.status_code == 200
    html = page.content.decode()
    for criterion in Criterion.objects.all():
        assert f"{criterion.paragraph}. {criterion.heading}" in html
        for point in criterion.points:
            assert f"<li>{point}</li>" in html
    assert '<h2 class="govuk-heading-l">Experiences</h2>' in html
    assert "Significant concerns" in html
    assert html.count("Not yet evaluated") == 2
    assert '<p class="govuk-body">Early help is patchy.</p>' in html
    assert "Timeliness audit, autumn 2026" in html
    assert "Recruit two educational psychologists" in html
    assert "Requests for an assessment" in html
    assert '<th scope="row" class="govuk-table__header">Waiting times</th>' in html
    assert "8 months ago" in html
    assert "due for review" in html
    assert "Record the judgement" not in html  # a board member reads only
    assert "Produce the self-evaluation" in html


def test_the_page_says_when_the_framework_is_not_loaded(client: Any, po: Any) -> None:
    html = _get(client, po, "/improvement/self-evaluation/").content.decode()
    assert "not loaded yet" in html
    assert _get(client, po, "/improvement/self-evaluation/document/").status_code == 302
    assert _get(client, po, "/improvement/self-evaluation/50/judgement/").status_code == 302


def test_recording_a_judgement_through_the_form(client: Any, po: Any) -> None:
    load_small()
    paper = evidence(po, "Annual SEND survey")
    client.force_login(po)
    form = client.get("/improvement/self-evaluation/51/judgement/")
    assert form.status_code == 200
    assert "Families get impartial advice." in form.content.decode()
    response = client.post(
        "/improvement/self-evaluation/51/judgement/",
        {
            "band": "positive",
            "narrative": "Families shape their plans.",
            "evidence": [str(paper.pk)],
            "measure_keys": ["plans_20_weeks"],
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/improvement/self-evaluation/#paragraph-51"
    judgement = Judgement.objects.get(criterion__paragraph=51)
    assert (judgement.band, list(judgement.evidence.all())) == ("positive", [paper])
    again = client.get("/improvement/self-evaluation/51/judgement/").content.decode()
    assert "Change the judgement" in again
    assert f'value="{paper.pk}" checked' in again


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"narrative": "Something."}, "Select the partnership&#x27;s judgement"),
        ({"band": "positive", "narrative": "  "}, "Enter the narrative"),
    ],
)
def test_the_form_shows_the_services_refusal(
    client: Any, po: Any, data: dict[str, str], message: str
) -> None:
    load_small()
    client.force_login(po)
    response = client.post("/improvement/self-evaluation/50/judgement/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert message in html
    assert "<title>Error: " in html
    assert not Judgement.objects.exists()


@pytest.mark.parametrize("role", ["board_member", "inspector", "partner_lead", "analyst"])
def test_readers_cannot_record_a_judgement(client: Any, db: Any, role: str) -> None:
    load_small()
    reader = make_user("reader", role)
    assert _get(client, reader, "/improvement/self-evaluation/").status_code == 200
    response = client.post(
        "/improvement/self-evaluation/50/judgement/",
        {"band": "positive", "narrative": "Good."},
    )
    assert response.status_code == 403
    assert not Judgement.objects.exists()


def test_an_inspectors_account_ends(client: Any, db: Any) -> None:
    load_small()
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    inspector = make_user("inspector", "inspector", access_ends_on=yesterday)
    response = _get(client, inspector, "/improvement/self-evaluation/")
    assert response.status_code in (302, 403)


def test_the_document_holds_every_criterion_and_is_audited(client: Any, po: Any) -> None:
    criteria = load_small()
    judge(po, criteria[2], timezone.localdate(), band="positive", narrative="Ambitious.")
    response = _get(client, po, "/improvement/self-evaluation/document/")
    assert response.status_code == 200
    html = response.content.decode()
    headings = re.findall(r'<h3 class="govuk-heading-m">([^<]+)</h3>', html)
    assert headings == [f"{c.paragraph}. {c.heading}" for c in criteria]
    assert html.count("Not yet evaluated") == 2 * 2  # in the summary table and the section
    assert f"as at {timezone.localdate().day} " in html
    assert "Positive experiences and outcomes" in html
    assert "Ambitious." in html
    entry = AuditEntry.objects.get(action="export")
    assert entry.summary == "Produced the self-evaluation (HTML, 3 criteria)"


def test_the_document_holds_every_criterion_of_the_real_framework(client: Any, po: Any) -> None:
    from tests.improvement.test_framework import FRAMEWORK

    if not FRAMEWORK.is_file():
        pytest.skip(f"the framework summary is not at {FRAMEWORK}")
    framework_load(text=FRAMEWORK.read_text(encoding="utf-8"))
    html = _get(client, po, "/improvement/self-evaluation/document/").content.decode()
    for criterion in Criterion.objects.all():
        assert f"{criterion.paragraph}. {criterion.heading}".replace("'", "&#x27;") in html
        for point in criterion.points:
            assert point.replace("'", "&#x27;") in html
    assert Criterion.objects.count() == 11


def test_the_pdf_is_tagged_and_holds_every_criterion_heading(client: Any, po: Any) -> None:
    criteria = load_small()
    judge(po, criteria[0], timezone.localdate(), measure_keys=["requests"])
    response = _get(client, po, "/improvement/self-evaluation/document.pdf")
    assert response["Content-Type"] == "application/pdf"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="self-evaluation-{today}.pdf"'
    )
    pdf = response.content
    assert pdf.startswith(b"%PDF-")
    structure = pdf_structure(pdf)
    assert b"/StructTreeRoot" in structure
    assert b"/Lang (en)" in structure
    assert b"pdfuaid:part" in structure
    tags = Counter(re.findall(rb"/S /(\w+)", structure))
    assert tags[b"H1"] == 1
    assert tags[b"H2"] == 2  # the areas
    assert tags[b"H3"] == len(criteria)
    assert tags[b"TH"] >= 2
    titles = outline_titles(structure)
    for criterion in criteria:
        assert f"{criterion.paragraph}. {criterion.heading}" in titles
    assert any(t.startswith("Test") or "Self-evaluation" in t for t in titles)
    entry = AuditEntry.objects.get(action="export")
    assert entry.summary == "Produced the self-evaluation (PDF, 3 criteria)"


def test_the_pdf_of_the_real_framework_holds_every_criterion(client: Any, po: Any) -> None:
    from tests.improvement.test_framework import FRAMEWORK

    if not FRAMEWORK.is_file():
        pytest.skip(f"the framework summary is not at {FRAMEWORK}")
    framework_load(text=FRAMEWORK.read_text(encoding="utf-8"))
    pdf = _get(client, po, "/improvement/self-evaluation/document.pdf").content
    titles = outline_titles(pdf_structure(pdf))
    for criterion in Criterion.objects.all():
        assert f"{criterion.paragraph}. {criterion.heading}" in titles, criterion.paragraph


def test_the_small_framework_text_is_what_the_builders_load() -> None:
    assert SMALL.count("**") == 6


def test_the_documents_figures_are_read_live_and_dated(
    client: Any, po: Any, make_case: Any, settings: Any
) -> None:
    from thrive.insight.services import insight_refresh

    settings.THRIVE_SUPPRESSION_THRESHOLD = 5
    today = timezone.localdate()
    criteria = load_small()
    judge(po, criteria[1], today, measure_keys=["requests"])
    for number in range(7):
        make_case(received_on=today - dt.timedelta(days=10 + number))
    insight_refresh(full=True)
    html = _get(client, po, "/improvement/self-evaluation/document/").content.decode()
    row = re.search(r"Requests for an assessment</th>\s*<td[^>]*>([^<]+)</td>", html)
    assert row is not None
    assert row.group(1) == "7"
    assert "as the dashboard counted them at " in html
    make_case(received_on=today - dt.timedelta(days=3))
    insight_refresh()
    html = _get(client, po, "/improvement/self-evaluation/document/").content.decode()
    row = re.search(r"Requests for an assessment</th>\s*<td[^>]*>([^<]+)</td>", html)
    assert row is not None
    assert row.group(1) == "8"


def test_the_navigation_leads_to_the_self_evaluation_for_those_who_may_read_it(db: Any) -> None:
    from django.test import RequestFactory

    from thrive.core.navigation import navigation_for

    def texts(user: Any) -> list[str]:
        request = RequestFactory().get("/")
        request.user = user
        return [str(item["text"]) for item in navigation_for(request)]

    assert "Self-evaluation" in texts(make_user("board", "board_member"))
    assert "Self-evaluation" in texts(make_user("inspector", "inspector"))
    assert "Self-evaluation" not in texts(make_user("parent", "parent"))
    assert "Self-evaluation" not in texts(make_user("officer", "case_officer"))


def test_the_pages_queries_do_not_grow_with_the_judgements(client: Any, po: Any) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    criteria = load_small()
    today = timezone.localdate()
    client.force_login(po)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/improvement/self-evaluation/").status_code == 200
        return len(captured)

    judge(po, criteria[0], today, evidence=[evidence(po, "A")], actions=[action(po, "X")])
    queries()  # the first page asks for the dashboard's figures to be counted
    one = queries()
    for criterion in criteria[1:]:
        judge(
            po,
            criterion,
            today,
            evidence=[evidence(po, "B"), evidence(po, "C")],
            actions=[action(po, "Y")],
        )
    assert queries() == one
