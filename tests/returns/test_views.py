"""The SEN2 pages through HTTP: choosing the year, the validation report, confirming queries,
and the export refused while errors or unconfirmed queries remain; every export audited."""

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from defusedxml.ElementTree import fromstring

from tests.returns.sen2_builders import issued_late
from thrive.accounts.models import User
from thrive.assessments.models import Case
from thrive.core.models import AuditAction, AuditEntry
from thrive.returns.models_sen2 import Sen2QueryConfirmation

D = dt.date
REPORT = "/returns/sen2/2026/"
DETAILS = {"dmo": "Y", "dco": "Y", "dsco": "N"}


@pytest.fixture
def late_plan(make_case: Callable[..., Case], officer: User) -> Case:
    return issued_late(make_case, officer, D(2025, 1, 6), first_name="Wilhelmina")


def test_the_start_page_goes_to_the_report_for_the_year(client: Any, officer: User) -> None:
    client.force_login(officer)
    page = client.get("/returns/sen2/")
    assert page.status_code == 200
    assert b"Collection year" in page.content
    response = client.get("/returns/sen2/", {"year": "2026", "dmo": "Y", "dco": "R"})
    assert response.status_code == 302
    assert response["Location"] == "/returns/sen2/2026/?dmo=Y&dco=R"


def test_a_year_not_offered_is_not_found(client: Any, officer: User) -> None:
    client.force_login(officer)
    assert client.get("/returns/sen2/1999/").status_code == 404
    assert client.get("/returns/sen2/", {"year": "1999"}).status_code == 400


def test_the_report_lists_findings_by_rule_and_by_case(
    client: Any, officer: User, late_plan: Case
) -> None:
    client.force_login(officer)
    page = client.get(REPORT)  # no DMO, DCO or DSCO: errors in the header
    text = page.content.decode()
    assert page.status_code == 200
    assert "T-HDR-2" in text
    assert "The return&#x27;s header" in text
    assert "T-ASS-4b" in text
    assert late_plan.reference in text
    assert f'href="/cases/{late_plan.pk}/"' in text
    assert "You cannot export the return yet" in text
    assert "Wilhelmina" not in text  # the report names no child
    assert "Export as XML" not in text


def test_export_is_refused_while_errors_remain(client: Any, officer: User, late_plan: Case) -> None:
    client.force_login(officer)
    response = client.post(REPORT + "export/xml/")
    assert response.status_code == 422
    assert b"errors. Put them right in the records" in response.content
    assert not AuditEntry.objects.filter(action=AuditAction.EXPORT).exists()


def test_export_is_refused_while_a_query_is_not_confirmed(
    client: Any, officer: User, late_plan: Case
) -> None:
    client.force_login(officer)
    response = client.post(REPORT + "export/xml/", DETAILS)
    assert response.status_code == 422
    assert b"queries nobody has confirmed" in response.content


def test_confirming_a_query_then_exporting(client: Any, officer: User, late_plan: Case) -> None:
    client.force_login(officer)
    confirm = {
        **DETAILS,
        "rule_id": "T-ASS-4b",
        "child_id": late_plan.child_id,
        "case_id": late_plan.pk,
        "item": "Week20",
    }
    response = client.post(REPORT + "confirm/", confirm)
    assert response.status_code == 302
    assert response["Location"] == REPORT + "?dmo=Y&dco=Y&dsco=N"
    confirmation = Sen2QueryConfirmation.objects.get()
    assert (confirmation.year, confirmation.case_id, confirmation.confirmed_by) == (
        2026,
        late_plan.pk,
        officer,
    )
    page = client.get(REPORT, DETAILS)
    assert b"Query confirmed" in page.content
    assert b"Export as XML" in page.content
    response = client.post(REPORT + "export/xml/", DETAILS)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="SEN2-2026-938.xml"'
    root = fromstring(response.content)
    assert root.findtext("Persons/Person/Forename") == "Wilhelmina"
    entry = AuditEntry.objects.get(action=AuditAction.EXPORT)
    assert entry.actor == officer
    assert entry.summary == "exported the SEN2 2026 return as XML (1 people)"
    zipped = client.post(REPORT + "export/csv/", DETAILS)
    assert zipped.status_code == 200
    assert "person.csv" in zipfile.ZipFile(io.BytesIO(zipped.content)).namelist()
    assert AuditEntry.objects.filter(action=AuditAction.EXPORT).count() == 2


def test_confirm_every_query_of_a_rule(
    client: Any, officer: User, late_plan: Case, make_case: Callable[..., Case]
) -> None:
    issued_late(make_case, officer, D(2025, 1, 13))
    client.force_login(officer)
    response = client.post(REPORT + "confirm/", {**DETAILS, "rule_id": "T-ASS-4b", "every": "on"})
    assert response.status_code == 302
    assert Sen2QueryConfirmation.objects.filter(rule_id="T-ASS-4b").count() == 2
    client.post(REPORT + "confirm/", {**DETAILS, "rule_id": "T-ASS-4b", "every": "on"})
    assert Sen2QueryConfirmation.objects.count() == 2  # nothing left to confirm: refused


def test_an_error_cannot_be_confirmed(client: Any, officer: User, late_plan: Case) -> None:
    client.force_login(officer)
    response = client.post(REPORT + "confirm/", {"rule_id": "T-HDR-2", "every": "on"})
    assert response.status_code == 422
    assert not Sen2QueryConfirmation.objects.exists()


def test_analysts_may_not_see_the_return(client: Any, world: Any) -> None:
    world.sign_in(client, "analyst")
    assert client.get(REPORT).status_code == 403
    assert client.post(REPORT + "export/xml/", DETAILS).status_code == 403
