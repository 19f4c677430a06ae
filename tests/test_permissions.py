"""Every route x every kind of visitor, through HTTP. Each app lists its routes in
tests/<app>/routes.py; a route missing from those tables fails the completeness test, so nobody
can add a page or endpoint without deciding who may use it."""

import importlib
from pathlib import Path
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.routes import ANONYMOUS, VISITORS, Route

TESTS = Path(__file__).parent


def _tables() -> dict[str, Route]:
    routes: dict[str, Route] = {}
    for path in sorted(TESTS.glob("*/routes.py")):
        table = importlib.import_module(f"tests.{path.parent.name}.routes").ROUTES
        duplicated = set(routes) & set(table)
        assert not duplicated, f"{duplicated} listed twice"
        routes.update(table)
    return routes


ROUTES = _tables()


@pytest.fixture
def world(world: Any) -> Any:
    """The shared world (tests/conftest.py) with the forecasting app's objects added."""
    from tests.forecasting.world import forecasting_world

    world.path_values.update(forecasting_world(world.users))
    return world


def _route_names(resolver: Any, prefix: str = "") -> set[str]:
    names = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                continue  # Django's admin: administrators only, its own permission checks
            space = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            names |= _route_names(pattern, space)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(prefix + pattern.name)
    return names


def test_every_route_is_in_the_permission_table() -> None:
    assert _route_names(get_resolver()) == set(ROUTES)


def test_the_table_size() -> None:
    """Recorded in the closing note: routes x visitors checked."""
    assert len(ROUTES) * len(VISITORS) >= 100


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize("name", sorted(ROUTES))
def test_route_answers_only_its_visitors(name: str, visitor: str, client: Any, world: Any) -> None:
    route = ROUTES[name]
    world.sign_in(client, visitor)
    path = route.path.format(**world.path_values)
    response = getattr(client, route.method)(path)
    location = response.get("Location", "")
    if visitor in route.allowed:
        assert response.status_code in (200, 302, 400, 422), (path, response.status_code)
        assert "sign-in" not in location or name == "accounts:sign_out"
    elif visitor == ANONYMOUS and not path.startswith("/api/"):
        assert response.status_code == 302
        assert location.startswith("/accounts/sign-in/")
    else:
        assert response.status_code in (401, 403, 404), (path, response.status_code)
        assert world.child.first_name.encode() not in response.content


def test_missing_and_forbidden_cases_look_the_same(client: Any, world: Any) -> None:
    world.sign_in(client, "case_officer")
    assert client.get("/cases/999999/").status_code == 404
    assert client.get("/api/cases/999999/").json()["message"].startswith("Not found")
