"""Every route × every kind of visitor, through HTTP. A new route missing from ROUTES fails the
completeness test, so nobody can add a page without deciding who may use it."""

import datetime as dt
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.factories import make_user

# Route name → (path template, who gets in). {case} is replaced by a real case id.
CASEWORK = {"case_officer", "send_manager"}
MANAGER = {"send_manager"}
ADMIN = {"administrator"}
PUBLIC = {"anonymous", "case_officer", "send_manager", "administrator"}

ROUTES: dict[str, tuple[str, set[str]]] = {
    "home": ("/", CASEWORK | ADMIN),
    "assessments:case_list": ("/cases/", CASEWORK),
    "assessments:case_create": ("/cases/new/", CASEWORK),
    "assessments:case_detail": ("/cases/{case}/", CASEWORK),
    "assessments:case_step": ("/cases/{case}/record/decision_to_assess/", CASEWORK),
    "assessments:case_reassign": ("/cases/{case}/case-officer/", MANAGER),
    "api_case_list": ("/api/cases/", CASEWORK),
    "api_case_detail": ("/api/cases/{case}/", CASEWORK),
    "api_case_step": ("/api/cases/{case}/steps/", CASEWORK),
    "api_schema": ("/api/schema/", PUBLIC),
    "accounts:sign_in": ("/accounts/sign-in/", PUBLIC),
    "accounts:sign_out": ("/accounts/sign-out/", PUBLIC),
    "health": ("/healthz", PUBLIC),
}
# Routes whose GET is not the thing to test (POST-only) or that belong to Django's admin.
POST_ONLY = {"api_case_step", "accounts:sign_out"}


def _route_names(resolver: Any, prefix: str = "") -> set[str]:
    names = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                continue
            space = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            names |= _route_names(pattern, space)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(prefix + pattern.name)
    return names


def test_every_route_is_in_the_permission_table() -> None:
    assert _route_names(get_resolver()) == set(ROUTES)


def _visitor(client: Any, role: str) -> None:
    if role != "anonymous":
        client.force_login(make_user(f"visitor-{role}", role))


@pytest.mark.parametrize("role", ["anonymous", "case_officer", "send_manager", "administrator"])
@pytest.mark.parametrize("name", sorted(set(ROUTES) - POST_ONLY))
def test_route_is_open_only_to_its_roles(name: str, role: str, client: Any, make_case: Any) -> None:
    case = make_case(received_on=dt.date(2025, 9, 1))
    path_template, allowed = ROUTES[name]
    _visitor(client, role)
    response = client.get(path_template.format(case=case.pk))
    if role in allowed:
        # Some pages send a signed-in user on (home to their work, sign-in to home).
        assert response.status_code in (200, 302), response.content[:500]
        assert "sign-in" not in response.get("Location", "") or role == "anonymous"
    elif role == "anonymous" and not name.startswith("api"):
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/sign-in/")
    else:
        assert response.status_code in (401, 403)
        assert b"Ada" not in response.content  # nothing about the child leaks


@pytest.mark.parametrize("role", ["anonymous", "administrator"])
def test_api_step_refused_to_outsiders(role: str, client: Any, make_case: Any) -> None:
    case = make_case()
    _visitor(client, role)
    response = client.post(
        f"/api/cases/{case.pk}/steps/",
        {"kind": "withdrawn", "on": "2025-09-02"},
        content_type="application/json",
    )
    assert response.status_code in (401, 403)
    assert case.events.count() == 1


def test_missing_and_forbidden_cases_look_the_same(client: Any, officer: Any) -> None:
    client.force_login(officer)
    assert client.get("/cases/999999/").status_code == 404
    assert client.get("/api/cases/999999/").json()["message"].startswith("Not found")
