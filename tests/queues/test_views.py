"""The work queue pages through the client: what each role sees by default, the filters, the
manager's oldest overdue, the phase transfers page and its CSV without names, and the
navigation. Dates are relative to the real today, as the views use it."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from tests.factories import make_user
from tests.queues.builders import issued_plan
from thrive.assessments.models import Case
from thrive.core.models import AuditEntry
from thrive.core.navigation import navigation_for
from thrive.law.reviews import (
    PhaseTransfer,
    add_months,
    annual_review_due,
    upcoming_phase_transfer,
)
from thrive.plans.models import EhcPlan

TODAY = timezone.localdate()


@pytest.fixture
def bea(db: Any) -> Any:
    return make_user("bea", "case_officer", team="South")


def _days_overdue(plan: EhcPlan) -> int:
    first = plan.versions.get(kind="final").issued_on
    assert first is not None
    return (TODAY - annual_review_due(first, plan.case.child.date_of_birth).due_by).days


@pytest.fixture
def plans(make_case: Callable[..., Case], officer: Any, bea: Any) -> dict[str, EhcPlan]:
    """The officer holds a review about 30 days overdue; Bea one about 100 days overdue."""
    officer.team = "North"
    officer.save()
    made_on = add_months(TODAY, -12)
    mine = issued_plan(make_case(first_name="Wren"), officer, made_on - dt.timedelta(days=29))
    theirs_case = make_case(first_name="Otto")
    Case.objects.filter(pk=theirs_case.pk).update(case_officer=bea)
    theirs = issued_plan(theirs_case, officer, made_on - dt.timedelta(days=99))
    return {"mine": mine, "theirs": theirs}


def _refs(response: Any, *plans: EhcPlan) -> list[bool]:
    return [plan.case.reference.encode() in response.content for plan in plans]


def test_an_officer_sees_their_own_by_default(
    client: Any, officer: Any, plans: dict[str, EhcPlan]
) -> None:
    client.force_login(officer)
    response = client.get("/work/")
    assert response.status_code == 200
    assert _refs(response, plans["mine"], plans["theirs"]) == [True, False]
    assert f"Overdue by {_days_overdue(plans['mine'])} days".encode() in response.content
    # The counts are the area's, by team and officer
    assert b"<strong>2</strong> review and amendment steps overdue" in response.content
    assert b"South" in response.content
    assert b"Wren" not in response.content  # references, not names


def test_everyones_work_and_filters(client: Any, officer: Any, plans: dict[str, EhcPlan]) -> None:
    client.force_login(officer)
    everyone = client.get("/work/?officer=")
    assert _refs(everyone, plans["mine"], plans["theirs"]) == [True, True]
    content = everyone.content
    assert content.index(plans["theirs"].case.reference.encode()) < content.index(
        plans["mine"].case.reference.encode()
    )  # oldest overdue first
    south = client.get("/work/?officer=&team=South")
    assert _refs(south, plans["mine"], plans["theirs"]) == [False, True]
    due_soon = client.get("/work/?officer=&state=due_soon")
    assert _refs(due_soon, plans["mine"], plans["theirs"]) == [False, False]


def test_a_manager_sees_everyone_by_default(
    client: Any, manager: Any, plans: dict[str, EhcPlan]
) -> None:
    client.force_login(manager)
    response = client.get("/work/")
    assert _refs(response, plans["mine"], plans["theirs"]) == [True, True]


def test_an_unknown_filter_value_is_an_error(client: Any, officer: Any, db: Any) -> None:
    client.force_login(officer)
    response = client.get("/work/?state=whenever")
    assert response.status_code == 400
    assert b"govuk-error-summary" in response.content


def test_the_queue_pages(
    client: Any, manager: Any, make_case: Callable[..., Case], officer: Any
) -> None:
    for _ in range(55):
        issued_plan(make_case(), officer, add_months(TODAY, -13))
    client.force_login(manager)
    first = client.get("/work/")
    assert b"Showing 50 of 55 matching steps" in first.content
    assert b'aria-label="Page 2"' in first.content
    second = client.get("/work/?page=2")
    assert b"Showing 5 of 55 matching steps" in second.content


def test_the_oldest_overdue_for_managers_and_administrators(
    client: Any, manager: Any, administrator: Any, plans: dict[str, EhcPlan]
) -> None:
    client.force_login(manager)
    response = client.get("/work/oldest-overdue/")
    assert response.status_code == 200
    content = response.content
    older = f"<strong>{_days_overdue(plans['theirs'])} days</strong>".encode()
    newer = f"<strong>{_days_overdue(plans['mine'])} days</strong>".encode()
    assert content.index(older) < content.index(newer)
    assert f'href="/cases/{plans["theirs"].case_id}/plan/"'.encode() in content
    client.force_login(administrator)
    response = client.get("/work/oldest-overdue/")
    assert plans["theirs"].case.reference.encode() in response.content
    assert b"/plan/" not in response.content  # no way into a child's record
    assert b"Bea" in response.content


# --- Phase transfers -----------------------------------------------------------------------


@pytest.fixture
def transferring(make_case: Callable[..., Case], officer: Any) -> EhcPlan:
    """A child in Year 6 now, with a plan made 2 years ago: moves to secondary school."""
    year = TODAY.year if TODAY.month >= 9 else TODAY.year - 1  # the school year now
    dob = dt.date(year - 10, 1, 15)
    transfer = upcoming_phase_transfer(TODAY, dob)
    assert transfer is not None
    assert transfer.transfer == PhaseTransfer.PRIMARY_TO_SECONDARY
    return issued_plan(
        make_case(first_name="Wren", date_of_birth=dob), officer, add_months(TODAY, -24)
    )


def test_the_transfers_page_lists_the_children_and_the_summary(
    client: Any, officer: Any, transferring: EhcPlan
) -> None:
    client.force_login(officer)
    response = client.get("/work/transfers/")
    assert response.status_code == 200
    content = response.content
    assert b"Transfers at risk" in content
    assert b"Primary school to secondary school" in content
    assert b"Wren Example" in content
    assert transferring.case.reference.encode() in content
    entry = AuditEntry.objects.filter(summary="listed on the phase transfers page").get()
    assert entry.child_id == transferring.case.child_id


def test_the_transfers_of_another_year(client: Any, officer: Any, transferring: EhcPlan) -> None:
    client.force_login(officer)
    year = TODAY.year + 2 if TODAY.month >= 9 else TODAY.year + 1
    response = client.get(f"/work/transfers/?year={year}")
    assert response.status_code == 200
    assert b"Wren" not in response.content
    assert client.get("/work/transfers/?year=1999").status_code == 400


def test_the_transfers_csv_has_no_names(client: Any, officer: Any, transferring: EhcPlan) -> None:
    client.force_login(officer)
    response = client.get("/work/transfers/download/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode()
    assert text.startswith("Case reference,Transfer,")
    assert transferring.case.reference in text
    assert "Year 6,Year 7" in text
    assert "Wren" not in text
    assert "Officer" not in text
    assert AuditEntry.objects.filter(action="export").exists()


# --- Navigation and the caseload -----------------------------------------------------------


def _nav(user: Any) -> dict[str, str]:
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = user
    return {str(i["text"]): str(i["href"]) for i in navigation_for(request)}


def test_the_navigation(officer: Any, administrator: Any) -> None:
    assert _nav(officer)["Reviews"] == "/work/"
    assert "Overdue reviews" not in _nav(officer)
    assert _nav(administrator)["Overdue reviews"] == "/work/oldest-overdue/"
    assert "Reviews" not in _nav(administrator)


def test_the_caseload_links_to_the_queue(client: Any, officer: Any) -> None:
    client.force_login(officer)
    page = client.get("/cases/").content.decode()
    assert 'href="/work/">reviews and amendments work queue</a>' in page


def test_the_queue_page_takes_the_same_queries_however_many_plans(
    client: Any, manager: Any, make_case: Callable[..., Case], officer: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(manager)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/work/?state=all").status_code == 200
        return len(captured)

    issued_plan(make_case(), officer, add_months(TODAY, -13))
    few = queries()
    for _ in range(6):
        issued_plan(make_case(), officer, add_months(TODAY, -13))
    assert queries() == few
