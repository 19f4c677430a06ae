import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.advice.conftest import ASSESS_YES, PDF, RECEIVED, REQUESTED, pdf_upload
from tests.factories import make_user, step
from thrive.advice import services
from thrive.advice.models import AdviceRequest
from thrive.assessments.models import Case
from thrive.assessments.services import case_record_step
from thrive.core.models import AuditEntry
from thrive.law.clock import Contributor

DRAFT = {
    "needs": "Working memory well below age\n\nSlow processing speed",
    "outcomes": "Reads simple texts by July",
    "provision": "Small-group literacy, 3 hours a week",
    "summary": "",
}


def ask(officer: Any, case: Case, **addressee: Any) -> AdviceRequest:
    return services.advice_request(
        actor=officer,
        case=case,
        contributor=addressee.pop("contributor", Contributor.EDUCATIONAL_PSYCHOLOGY),
        question="Please assess cognition and learning.",
        requested_on=REQUESTED,
        today=timezone.localdate(),
        **addressee,
    )


def _date(prefix: str, day: dt.date) -> dict[str, str]:
    return {
        f"{prefix}_day": str(day.day),
        f"{prefix}_month": str(day.month),
        f"{prefix}_year": str(day.year),
    }


def error_summary(page: str) -> str:
    match = re.search(r'<div class="govuk-error-summary".*?</ul>', page, re.S)
    assert match, "no error summary on the page"
    return match.group(0)


# --- The case work team ------------------------------------------------------------------


def test_officer_requests_advice_and_sees_it_on_the_case(
    client: Any, officer: Any, assessing_case: Case, ep: Any
) -> None:
    client.force_login(officer)
    form = client.get(f"/cases/{assessing_case.pk}/advice/new/").content.decode()
    assert "Ep (Educational psychology)" in form
    response = client.post(
        f"/cases/{assessing_case.pk}/advice/new/",
        {
            "contributor": "educational_psychology",
            "recipient": f"practitioner-{ep.pk}",
            "question": "Please assess cognition and learning.",
            **_date("requested_on", REQUESTED),
        },
        follow=True,
    )
    page = response.content.decode()
    assert "Advice from educational psychology requested. It is due by 17 November 2025" in page
    assert "Please assess cognition and learning." in page
    days_late = (timezone.localdate() - dt.date(2025, 11, 17)).days
    assert f"{days_late} days late" in page
    assert AdviceRequest.objects.get().practitioner == ep


def test_request_form_defaults_the_date_to_today(
    client: Any, officer: Any, assessing_case: Case
) -> None:
    client.force_login(officer)
    page = client.get(f"/cases/{assessing_case.pk}/advice/new/").content.decode()
    today = timezone.localdate()
    assert f'name="requested_on_year" type="text" inputmode="numeric" value="{today.year}"' in page


def test_request_form_lists_what_is_missing(
    client: Any, officer: Any, assessing_case: Case
) -> None:
    client.force_login(officer)
    response = client.post(f"/cases/{assessing_case.pk}/advice/new/", {})
    assert response.status_code == 400
    summary = error_summary(response.content.decode())
    for message in (
        "Select what kind of advice this is",
        "Select who you are asking for advice",
        "Enter what you are asking for",
        "Enter the date advice was requested",
    ):
        assert message in summary
    assert not AdviceRequest.objects.exists()


def test_request_form_shows_the_laws_refusal(
    client: Any, officer: Any, make_case: Any, ep: Any
) -> None:
    case = make_case()
    client.force_login(officer)
    response = client.post(
        f"/cases/{case.pk}/advice/new/",
        {
            "contributor": "educational_psychology",
            "recipient": f"practitioner-{ep.pk}",
            "question": "Please assess.",
            **_date("requested_on", timezone.localdate()),
        },
    )
    assert response.status_code == 400
    assert "Advice can only be requested after deciding to assess." in error_summary(
        response.content.decode()
    )


def test_officer_withdraws_a_request(
    client: Any, officer: Any, assessing_case: Case, ep: Any
) -> None:
    advice = ask(officer, assessing_case, practitioner=ep)
    client.force_login(officer)
    path = f"/cases/{assessing_case.pk}/advice/{advice.pk}/withdraw/"
    assert "Withdraw the request for advice from educational psychology?" in (
        client.get(path).content.decode()
    )
    page = client.post(path, follow=True).content.decode()
    assert "Request for advice withdrawn" in page
    assert f"Withdrawn on {timezone.localdate():%-d %b %Y}" in page


def test_withdrawing_a_request_on_another_case_is_not_found(
    client: Any, officer: Any, assessing_case: Case, make_case: Any, ep: Any
) -> None:
    advice = ask(officer, assessing_case, practitioner=ep)
    other = make_case()
    client.force_login(officer)
    assert client.get(f"/cases/{other.pk}/advice/{advice.pk}/withdraw/").status_code == 404


def test_case_team_sees_submitted_advice_with_its_document(
    client: Any, officer: Any, assessing_case: Case, ep: Any, media: Path
) -> None:
    advice = ask(officer, assessing_case, practitioner=ep)
    services.advice_save(
        actor=ep,
        advice=advice,
        needs=["Slow processing speed"],
        outcomes=["Reads simple texts"],
        provision=["Literacy group, 3 hours a week"],
        summary="Needs support with literacy.",
        document=pdf_upload(),
    )
    client.force_login(officer)
    draft_page = client.get(f"/cases/{assessing_case.pk}/advice/").content.decode()
    assert "Slow processing speed" not in draft_page  # a draft is the practitioner's own
    assert client.get(f"/advice/{advice.pk}/document/").status_code == 302
    services.advice_submit(actor=ep, advice=advice, today=timezone.localdate())
    page = client.get(f"/cases/{assessing_case.pk}/advice/").content.decode()
    assert f"Received on {timezone.localdate():%-d %b %Y}" in page
    for text in ("Special educational needs", "Slow processing speed", "Literacy group"):
        assert text in page
    assert "Download the advice document (PDF)" in page
    download = client.get(f"/advice/{advice.pk}/document/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_the_case_advice_page_is_for_the_case_team_only(client: Any, world: Any) -> None:
    world.sign_in(client, "practitioner_invited")
    response = client.get(f"/cases/{world.case.pk}/advice/")
    assert response.status_code == 403
    assert b"Wren" not in response.content


# --- Practitioners ---------------------------------------------------------------------


def test_inbox_lists_requests_to_me_and_to_my_organisation(client: Any, world: Any) -> None:
    world.sign_in(client, "practitioner_in_inbox")
    page = client.get("/advice/").content.decode()
    assert "Wren Example" in page
    assert "Advice from education" in page
    assert "Sent to Oak School" in page
    assert "Advice from educational psychology" not in page
    world.sign_in(client, "practitioner_not_invited")
    page = client.get("/advice/").content.decode()
    assert "Wren" not in page
    assert "Nothing is waiting for your advice." in page


def test_inbox_puts_open_requests_first_and_submitted_after(
    client: Any, officer: Any, assessing_case: Case, make_case: Any, ep: Any
) -> None:
    submitted = ask(officer, assessing_case, practitioner=ep)
    services.advice_save(actor=ep, advice=submitted, needs=["A need"], outcomes=[], provision=[])
    services.advice_submit(actor=ep, advice=submitted, today=timezone.localdate())
    other = make_case(received_on=RECEIVED, steps=(ASSESS_YES,), first_name="Otto")
    ask(officer, other, practitioner=ep)
    client.force_login(ep)
    page = client.get("/advice/").content.decode()
    waiting, done = page.split('<h2 class="govuk-heading-m">Submitted</h2>')
    assert "Otto Example" in waiting
    assert "Wren Example" in done
    assert "Received on" in done


def test_inbox_query_count_does_not_grow_with_requests(
    client: Any, officer: Any, make_case: Any, ep: Any, django_assert_max_num_queries: Any
) -> None:
    for n in range(12):
        case = make_case(first_name=f"Child{n}")
        AdviceRequest.objects.create(
            case=case,
            contributor="other",
            practitioner=ep,
            question="Q",
            requested_on=dt.date(2025, 9, 2),
            requested_by=officer,
        )
        case.access.create(user=ep, granted_by=officer)
    client.force_login(ep)
    with django_assert_max_num_queries(10):
        assert client.get("/advice/").status_code == 200


def test_request_page_shows_only_what_the_practitioner_needs(client: Any, world: Any) -> None:
    world.sign_in(client, "practitioner_in_inbox")
    inbox_request = AdviceRequest.objects.get(organisation__isnull=False)
    page = client.get(f"/advice/{inbox_request.pk}/").content.decode()
    assert '<h1 class="govuk-heading-l">Wren Example</h1>' in page
    assert "4 May 2016" in page
    assert "Autistic spectrum disorder" in page
    assert "Please describe progress." in page
    assert "Please send your advice by 22 October 2025." in page
    assert "UPN" not in page
    assert "Postcode" not in page
    assert AuditEntry.objects.filter(
        summary="viewed a request for advice", object_id=inbox_request.pk
    ).exists()


@pytest.mark.parametrize("visitor", ["practitioner_not_invited", "practitioner_in_inbox"])
def test_a_request_not_addressed_to_me_is_not_found(client: Any, world: Any, visitor: str) -> None:
    world.sign_in(client, visitor)
    response = client.get(f"/advice/{world.path_values['advice']}/")
    assert response.status_code == 404
    assert b"Wren" not in response.content


def test_a_withdrawn_request_is_no_longer_shown(
    client: Any, officer: Any, assessing_case: Case, ep: Any
) -> None:
    advice = ask(officer, assessing_case, practitioner=ep)
    services.advice_withdraw(actor=officer, advice=advice, today=timezone.localdate())
    client.force_login(ep)
    assert client.get(f"/advice/{advice.pk}/").status_code == 404
    assert "Wren" not in client.get("/advice/").content.decode()


def test_practitioner_saves_a_draft_then_submits(
    client: Any, officer: Any, assessing_case: Case, ep: Any
) -> None:
    advice = ask(officer, assessing_case, practitioner=ep)
    client.force_login(ep)
    path = f"/advice/{advice.pk}/"
    page = client.post(path, {**DRAFT, "action": "save"}, follow=True).content.decode()
    assert "Draft saved" in page
    assert "Working memory well below age\nSlow processing speed</textarea>" in page
    assert [i.text for i in advice.items.filter(kind="need")] == [
        "Working memory well below age",
        "Slow processing speed",
    ]
    page = client.post(path, {**DRAFT, "action": "submit"}, follow=True).content.decode()
    assert "Advice submitted" in page
    assert "You submitted this advice on" in page
    assert "<textarea" not in page
    assert client.post(path, {**DRAFT, "action": "save"}).status_code == 403


def test_submitting_empty_advice_keeps_the_draft_and_explains(
    client: Any, officer: Any, assessing_case: Case, ep: Any
) -> None:
    advice = ask(officer, assessing_case, practitioner=ep)
    client.force_login(ep)
    response = client.post(f"/advice/{advice.pk}/", {**DRAFT, "needs": "", "action": "submit"})
    assert response.status_code == 400
    summary = error_summary(response.content.decode())
    assert 'href="#id_needs"' in summary
    assert "Write at least one need, or upload your advice as a document" in summary
    assert advice.items.filter(kind="outcome").exists()


def test_a_refused_submission_keeps_the_uploaded_document(
    client: Any, officer: Any, assessing_case: Case, ep: Any, media: Path
) -> None:
    advice = ask(officer, assessing_case, practitioner=ep)
    withdrawn = step("withdrawn", timezone.localdate())
    case_record_step(actor=officer, case=assessing_case, step=withdrawn, today=timezone.localdate())
    client.force_login(ep)
    response = client.post(
        f"/advice/{advice.pk}/", {**DRAFT, "document": pdf_upload(), "action": "submit"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "This case is closed" in error_summary(page)
    assert "A document is saved with this advice." in page
    assert "Remove the saved document" in page
    assert "Not needed: case closed" in page


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("notes.txt", b"hello"), "must be a PDF or Word document"),
        (SimpleUploadedFile("fake.pdf", b"MZ\x90\x00"), "must be a PDF or Word document"),
        (SimpleUploadedFile("empty.pdf", b""), "The selected file is empty"),
        (
            SimpleUploadedFile("big.pdf", PDF + b"0" * (10 * 1024 * 1024)),
            "must be smaller than 10MB",
        ),
    ],
    ids=["wrong-extension", "not-really-a-pdf", "empty", "too-big"],
)
def test_upload_is_checked(
    client: Any,
    officer: Any,
    assessing_case: Case,
    ep: Any,
    media: Path,
    upload: Any,
    message: str,
) -> None:
    advice = ask(officer, assessing_case, practitioner=ep)
    client.force_login(ep)
    response = client.post(f"/advice/{advice.pk}/", {**DRAFT, "document": upload, "action": "save"})
    assert response.status_code == 400
    assert message in error_summary(response.content.decode())
    advice.refresh_from_db()
    assert not advice.document
    assert not advice.items.exists()


def test_a_word_document_is_accepted(
    client: Any, officer: Any, assessing_case: Case, ep: Any, media: Path
) -> None:
    advice = ask(officer, assessing_case, practitioner=ep)
    client.force_login(ep)
    upload = SimpleUploadedFile("advice.docx", b"PK\x03\x04rest-of-a-zip")
    client.post(f"/advice/{advice.pk}/", {**DRAFT, "document": upload, "action": "save"})
    advice.refresh_from_db()
    assert advice.document.name.endswith(".docx")


def test_document_download_is_audited_and_named_without_personal_data(
    client: Any, officer: Any, assessing_case: Case, ep: Any, media: Path
) -> None:
    advice = ask(officer, assessing_case, practitioner=ep)
    services.advice_save(
        actor=ep, advice=advice, needs=[], outcomes=[], provision=[], document=pdf_upload()
    )
    client.force_login(ep)
    response = client.get(f"/advice/{advice.pk}/document/")
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert f"advice-{assessing_case.reference}-{advice.pk}.pdf" in disposition
    assert "Wren" not in disposition
    assert response["Cache-Control"] == "private, no-store"
    entry = AuditEntry.objects.get(action="export")
    assert (entry.object_id, entry.child_id, entry.actor) == (
        advice.pk,
        assessing_case.child_id,
        ep,
    )


@pytest.mark.parametrize(("role", "status"), [("practitioner", 404), ("parent", 403)])
def test_document_is_refused_to_others(
    client: Any,
    officer: Any,
    assessing_case: Case,
    ep: Any,
    media: Path,
    role: str,
    status: int,
) -> None:
    advice = ask(officer, assessing_case, practitioner=ep)
    services.advice_save(
        actor=ep, advice=advice, needs=[], outcomes=[], provision=[], document=pdf_upload()
    )
    client.force_login(make_user("other", role))
    assert client.get(f"/advice/{advice.pk}/document/").status_code == status
    assert not AuditEntry.objects.filter(action="export").exists()


def test_case_advice_page_query_count_does_not_grow_with_requests(
    client: Any,
    officer: Any,
    assessing_case: Case,
    ep: Any,
    school: Any,
    django_assert_max_num_queries: Any,
) -> None:
    for contributor in Contributor:
        advice = AdviceRequest.objects.create(
            case=assessing_case,
            contributor=contributor,
            organisation=school if contributor == Contributor.EDUCATION else None,
            practitioner=None if contributor == Contributor.EDUCATION else ep,
            question="Q",
            requested_on=REQUESTED,
            requested_by=officer,
            submitted_at=timezone.now(),
            submitted_by=ep,
        )
        advice.items.create(kind="need", text="A need")
    client.force_login(officer)
    with django_assert_max_num_queries(8):
        page = client.get(f"/cases/{assessing_case.pk}/advice/").content.decode()
    assert page.count("A need") == len(Contributor)
