"""The plan quality page and its drill-down through HTTP: who sees what, suppression, links to
the plans behind each figure for the case work team only, downloads, and the audit log."""

import csv
import io
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.insight.quality_area import VAGUE, build_area, uk
from thrive.accounts.models import User
from thrive.assessments.models import Case
from thrive.core.models import AuditAction, AuditEntry

PAGE = "/insight/quality/"
PLANS = "/insight/quality/plans/"
YEAR = {"period": "year", "year": "2025"}


@pytest.fixture
def area(world: Any, officer: User, make_case: Callable[..., Case]) -> dict[str, Any]:
    return build_area(officer, make_case)


def _links(html: str) -> list[str]:
    return [
        href.replace("&amp;", "&")
        for href in re.findall(r'href="([^"]+)"', html)
        if href.startswith(PLANS)
    ]


@pytest.mark.parametrize("visitor", ["case_officer", "send_manager", "analyst"])
def test_the_page_shows_every_figure(visitor: str, client: Any, world: Any, area: Any) -> None:
    world.sign_in(client, visitor)
    response = client.get(PAGE, YEAR)
    assert response.status_code == 200
    html = response.content.decode()
    for heading in (
        "Plans audited",
        "Overall ratings",
        "Ratings by section",
        "Trend by month",
        "By team",
        "By locality",
        "Most frequent automated findings",
    ):
        assert f">{heading}</h2>" in html
    assert "Section F: Special educational provision" in html
    assert "Provision is not quantified" in html
    assert "Yes, blocks issue" in html
    # A chart beside most tables; the analyst's figures are all small, hidden, and not drawn.
    assert html.count('role="img"') == (0 if visitor == "analyst" else 6)
    assert "Ava" not in html  # no child is named on the page


def test_case_work_sees_figures_and_the_plans_behind_them(
    client: Any, world: Any, area: Any
) -> None:
    world.sign_in(client, "case_officer")
    html = client.get(PAGE, YEAR).content.decode()
    assert "[c]" not in html
    assert "4 plans issued" in re.sub(r"<[^>]+>", "", html).replace("\n", " ")
    assert "75% with a complete audit" in html  # 3 of 4
    links = _links(html)
    assert f"{PLANS}?period=year&year=2025&list=plans&audited=no" in links
    assert f"{PLANS}?period=year&year=2025&list=audits&check=vague_provision" in links
    for link in links:  # no personal data in an address: ids, codes and the period only
        keys = set(parse_qs(urlsplit(link).query, keep_blank_values=True))
        assert keys <= {"period", "year", "list", "audited", "rating", "section"} | {
            "section_rating",
            "month",
            "team",
            "locality",
            "check",
        }


def test_analysts_see_small_numbers_hidden_and_no_plans(client: Any, world: Any, area: Any) -> None:
    world.sign_in(client, "analyst")
    html = client.get(PAGE, YEAR).content.decode()
    assert "[c]" in html
    assert "fewer than 5" in html
    assert _links(html) == []
    assert client.get(PLANS, {**YEAR, "list": "audits"}).status_code == 403


def test_the_dashboard_links_to_the_page(client: Any, world: Any) -> None:
    world.sign_in(client, "analyst")
    html = client.get("/insight/", YEAR).content.decode()
    assert 'href="/insight/quality/?period=year&amp;year=2025"' in html


def test_the_plans_behind_a_figure_are_listed_and_audited(
    client: Any, world: Any, area: Any
) -> None:
    world.sign_in(client, "case_officer")
    before = AuditEntry.objects.filter(action=AuditAction.VIEW).count()
    response = client.get(PLANS, {**YEAR, "list": "audits", "check": "vague_provision"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "where the automated check “Provision is not quantified” found something" in html
    for name in ("Ava", "Ben", "Eli"):
        assert name in html
    assert "Dee" not in html
    assert html.count("/document/") == 3  # each row links to the plan version
    entries = AuditEntry.objects.filter(action=AuditAction.VIEW).order_by("-pk")[:3]
    assert AuditEntry.objects.filter(action=AuditAction.VIEW).count() == before + 3
    cases = area["cases"]
    assert {e.child_id for e in entries} == {cases[x].child_id for x in "ABE"}
    assert {e.summary for e in entries} == {"listed on the plan quality dashboard"}


def test_the_plans_issued_without_an_audit(client: Any, world: Any, area: Any) -> None:
    world.sign_in(client, "send_manager")
    html = client.get(PLANS, {**YEAR, "list": "plans", "audited": "no"}).content.decode()
    assert "Final plans issued in the calendar year 2025 without a complete audit" in html
    assert "Cal" in html
    assert "Not audited" in html
    assert "1 June 2025" in html
    assert "Ava" not in html


def test_a_team_with_none_recorded(client: Any, world: Any, area: Any) -> None:
    world.sign_in(client, "case_officer")
    html = client.get(PLANS, {**YEAR, "list": "audits", "team": ""}).content.decode()
    assert "for cases whose case officer has no team recorded" in html
    assert "Eli" in html
    assert "Ava" not in html


@pytest.mark.parametrize(
    "query",
    [
        {},  # which list?
        {"list": "everything"},
        {"list": "audits", "rating": "brilliant"},
        {"list": "audits", "month": "2025-13"},
        {"list": "audits", "section_rating": "good"},  # a section's rating, but which section?
        {"list": "audits", "period": "rolling"},  # no last day
    ],
)
def test_a_drill_down_that_makes_no_sense_is_not_found(
    query: dict[str, str], client: Any, world: Any
) -> None:
    world.sign_in(client, "case_officer")
    assert client.get(PLANS, query).status_code == 404


def test_csv_always_suppressed_and_audited(client: Any, world: Any, area: Any) -> None:
    world.sign_in(client, "case_officer")
    response = client.get(PAGE, {**YEAR, "format": "csv", "table": "localities"})
    assert response.status_code == 200
    assert (
        'filename="plan-quality-localities-2025-01-01-to-2025-12-31.csv"'
        in (response["Content-Disposition"])
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == [
        "Locality (postcode district)",
        "Audits",
        "Rated good or better",
        "Share good or better",
    ]
    assert rows[1:] == [
        ["BN17", "[c]", "[c]", "[c]"],
        ["BN3", "[c]", "[c]", "[c]"],
        ["No postcode recorded", "[c]", "0", "[c]"],
    ]
    entry = AuditEntry.objects.get(action=AuditAction.EXPORT)
    assert entry.summary == "downloaded plan quality: by locality, 2025-01-01 to 2025-12-31"


def test_csv_of_a_table_that_does_not_exist(client: Any, world: Any) -> None:
    world.sign_in(client, "analyst")
    response = client.get(PAGE, {**YEAR, "format": "csv", "table": "nothing"})
    assert response.status_code == 404
    assert not AuditEntry.objects.filter(action=AuditAction.EXPORT).exists()


def test_a_period_with_nothing_in_it(client: Any, world: Any) -> None:
    world.sign_in(client, "analyst")
    response = client.get(PAGE, YEAR)
    assert response.status_code == 200
    html = response.content.decode()
    assert "No final plans were issued in this period." in html
    assert "No audits were completed in this period." in html


def test_rolling_period_needs_a_date(client: Any, world: Any) -> None:
    world.sign_in(client, "analyst")
    response = client.get(PAGE, {"period": "rolling"})
    assert response.status_code == 400
    assert "Enter the last day of the 12 months" in response.content.decode()


def _queries(client: Any, path: str, query: dict[str, str]) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path, query).status_code == 200
    return len(queries)


def test_pages_take_the_same_queries_however_many_plans(client: Any, world: Any, area: Any) -> None:
    world.sign_in(client, "case_officer")
    every = {**YEAR, "list": "audits"}
    before = (_queries(client, PAGE, YEAR), _queries(client, PLANS, every))
    builder, cases = area["builder"], area["cases"]
    for letter in "AB":  # two more audits, of new drafts of A's and B's plans
        version = builder.version(cases[letter], 9, "draft")
        builder.audit(version, "good", uk(2025, 8, 1), {"A1": ("good",)}, findings=(VAGUE,))
    after = (_queries(client, PAGE, YEAR), _queries(client, PLANS, every))
    assert after == before
