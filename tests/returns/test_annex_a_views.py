"""The Annex A page and download through HTTP: the reference date, the counts, the blank
columns, errors, who may use them, and the audit of each download."""

import datetime as dt
from collections.abc import Callable
from io import BytesIO
from typing import Any

import pytest
from django.test import RequestFactory
from django.utils import timezone
from openpyxl import load_workbook

from tests.factories import make_user
from tests.returns import annex_a_builders as build
from thrive.core.models import AuditAction, AuditEntry
from thrive.core.navigation import navigation_for
from thrive.people.models import Child

PAGE = "/returns/annex-a/"
DOWNLOAD = "/returns/annex-a/download/"
ON = dt.date(2026, 1, 15)


def _date(on: dt.date) -> dict[str, str]:
    return {
        "reference_date_day": str(on.day),
        "reference_date_month": str(on.month),
        "reference_date_year": str(on.year),
    }


@pytest.fixture
def area(make_child: Callable[..., Child], officer: Any, council: Any) -> dict[str, Child]:
    school = build.setting(council, "100001", "primary")
    with_plan = make_child(first_name="Wilhelmina")
    build.plan(with_plan, officer, dt.date(2024, 1, 1))
    later = make_child(first_name="Bartholomew", setting=school)
    build.plan(later, officer, ON + dt.timedelta(days=30))
    support = make_child(first_name="Cordelia", setting=school)
    build.request(support, dt.date(2025, 3, 1), ("decision_to_assess", dt.date(2025, 4, 1), False))
    return {"with_plan": with_plan, "later": later, "support": support}


def _counts(response: Any) -> list[str]:
    text = response.content.decode()
    values = []
    for key in ("with an EHC plan", "on SEN support"):
        after = text.split(key, 1)[1]
        values.append(after.split('govuk-summary-list__value">', 1)[1].split("<", 1)[0].strip())
    return values


def test_page_starts_on_today_with_the_counts(client: Any, officer: Any, area: Any) -> None:
    client.force_login(officer)
    response = client.get(PAGE)
    assert response.status_code == 200
    today = timezone.localdate()
    body = response.content.decode()
    for part, value in (("day", today.day), ("month", today.month), ("year", today.year)):
        assert (
            f'name="reference_date_{part}" type="text" inputmode="numeric" value="{value}"' in body
        )
    assert f"On {today.day} {today:%B %Y}" in body
    assert _counts(response) == ["2", "1"]  # the later plan has been issued by today


def test_page_counts_on_the_date_asked_for(client: Any, officer: Any, area: Any) -> None:
    client.force_login(officer)
    response = client.get(PAGE, _date(ON))
    assert response.status_code == 200
    assert _counts(response) == ["1", "2"]  # the later plan's child was still waiting
    body = response.content.decode()
    assert "reference_date_day=15&amp;reference_date_month=1&amp;reference_date_year=2026" in body
    for name in ("Wilhelmina", "Bartholomew", "Cordelia"):
        assert name not in body


def test_page_says_which_columns_the_council_fills(client: Any, officer: Any) -> None:
    client.force_login(officer)
    body = client.get(PAGE).content.decode()
    table = body.split("Columns Thrive leaves blank", 1)[1]
    for heading in ("Suspensions", "Absence", "Pupil Premium", "ULN", "Elective home education"):
        assert f'<th scope="row" class="govuk-table__header">{heading}</th>' in table
    assert "Subsidiary education establishment \u2013 phase (dual registration)" in table
    assert '<th scope="row" class="govuk-table__header">UPN</th>' not in table


@pytest.mark.parametrize(
    ("asked", "message"),
    [
        (
            {"reference_date_day": "", "reference_date_month": "", "reference_date_year": ""},
            "Enter the reference date",
        ),
        (
            {
                "reference_date_day": "31",
                "reference_date_month": "2",
                "reference_date_year": "2026",
            },
            "The reference date must be a real date",
        ),
        (
            _date(timezone.localdate() + dt.timedelta(days=1)),
            "The reference date must be today or in the past",
        ),
    ],
)
def test_a_wrong_date_is_shown_in_the_error_summary(
    client: Any, officer: Any, council: Any, asked: dict[str, str], message: str
) -> None:
    client.force_login(officer)
    for url in (PAGE, DOWNLOAD):
        response = client.get(url, asked)
        assert response.status_code == 400
        body = response.content.decode()
        assert "govuk-error-summary" in body
        assert message in body
        assert 'href="#id_reference_date' in body
        assert "Download the workbook" not in body
    assert not AuditEntry.objects.filter(action=AuditAction.EXPORT).exists()


def test_download_is_the_workbook_and_is_audited(
    client: Any, manager: Any, council: Any, area: Any
) -> None:
    client.force_login(manager)
    response = client.get(DOWNLOAD, _date(ON))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="annex-a-2026-01-15.xlsx"' in response["Content-Disposition"]
    book = load_workbook(BytesIO(response.content))
    assert book.sheetnames == ["List_1", "List_2"]
    assert [row[0].value for row in book["List_1"].iter_rows(min_row=2)] == [area["with_plan"].pk]
    assert [row[0].value for row in book["List_2"].iter_rows(min_row=2)] == [
        area["later"].pk,
        area["support"].pk,
    ]
    entry = AuditEntry.objects.get(action=AuditAction.EXPORT)
    assert entry.actor == manager
    assert (entry.object_type, entry.object_id, entry.child_id) == (
        "people.localauthority",
        council.pk,
        None,
    )
    assert entry.summary == "downloaded the Annex A lists on 2026-01-15 (1 on List 1, 2 on List 2)"


@pytest.mark.parametrize("role", ["analyst", "administrator", "practitioner", "parent"])
def test_only_the_case_work_team_sees_or_downloads(
    client: Any, council: Any, area: Any, role: str
) -> None:
    client.force_login(make_user(f"someone-{role}", role))
    assert client.get(PAGE).status_code == 403
    assert client.get(DOWNLOAD, _date(ON)).status_code == 403
    assert not AuditEntry.objects.filter(action=AuditAction.EXPORT).exists()


def test_signed_out_visitors_are_sent_to_sign_in(client: Any) -> None:
    response = client.get(DOWNLOAD)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/")


def test_the_case_work_team_reaches_the_page_from_the_navigation(
    officer: Any, manager: Any, db: Any
) -> None:
    def hrefs(user: Any) -> dict[str, str]:
        request = RequestFactory().get("/")
        request.user = user
        return {str(i["text"]): str(i["href"]) for i in navigation_for(request)}

    assert hrefs(officer)["Annex A lists"] == PAGE
    assert hrefs(manager)["Annex A lists"] == PAGE
    assert "Annex A lists" not in hrefs(make_user("analyst", "analyst"))
