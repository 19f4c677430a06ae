"""Shared fixtures: one user per role, the council, and factory functions for children and cases."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.utils import timezone

from tests.factories import TODAY, make_user
from thrive.accounts.models import Role, User
from thrive.assessments import services
from thrive.assessments.models import Case
from thrive.assessments.selectors import summary_cache
from thrive.law import clock
from thrive.people.models import Child, LocalAuthority


@pytest.fixture(autouse=True)
def _fresh_summary_cache() -> Any:
    """Each test starts with an empty per-process caseload cache (ids are reused across tests)."""
    summary_cache.clear()
    yield
    summary_cache.clear()


@pytest.fixture
def officer(db: Any) -> User:
    return make_user("officer", Role.CASE_OFFICER)


@pytest.fixture
def manager(db: Any) -> User:
    return make_user("manager", Role.SEND_MANAGER)


@pytest.fixture
def administrator(db: Any) -> User:
    return make_user("administrator", Role.ADMINISTRATOR, is_staff=True, is_superuser=True)


@pytest.fixture
def council(db: Any) -> LocalAuthority:
    return LocalAuthority.objects.create(code=settings.THRIVE_LA_CODE, name="Test council")


@pytest.fixture
def make_child(council: LocalAuthority) -> Callable[..., Child]:
    def factory(**fields: Any) -> Child:
        values: dict[str, Any] = {
            "first_name": "Ada",
            "last_name": "Example",
            "date_of_birth": dt.date(2016, 5, 4),
            "sex": "F",
            "ethnicity": "WBRI",
            "primary_need": "ASD",
            "home_local_authority": council,
        }
        values.update(fields)
        return Child.objects.create(**values)

    return factory


@pytest.fixture
def make_case(make_child: Callable[..., Child], officer: User) -> Callable[..., Case]:
    """A case received on `received_on`, with `steps` (law events) recorded through the service."""

    def factory(
        received_on: dt.date = dt.date(2025, 9, 1),
        steps: tuple[clock.Event, ...] = (),
        **child_fields: Any,
    ) -> Case:
        today = max(TODAY, timezone.localdate())  # the service only checks nothing is future
        case = services.case_open(
            actor=officer,
            child=make_child(**child_fields),
            received_on=received_on,
            request_source="1",
            today=today,
        )
        for step in steps:
            services.case_record_step(actor=officer, case=case, step=step, today=today)
        return case

    return factory
