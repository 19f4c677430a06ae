"""Fixtures for the family portal: the world's case taken to a served draft plan."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from tests.portal.builders import draft_steps, issue_draft, record_steps
from thrive.plans.models import PlanVersion


@pytest.fixture
def draft_served(world: Any) -> Callable[[dt.date], PlanVersion]:
    """Takes the world's case (received 1 September 2025) to a draft served on a given day."""

    def serve(served_on: dt.date) -> PlanVersion:
        record_steps(world.case, draft_steps(world.case.events.get().on, served_on))
        return issue_draft(world.case, served_on)

    return serve


@pytest.fixture
def officer_email(officer: Any) -> str:
    officer.email = "officer@example.org"
    officer.save(update_fields=["email"])
    return officer.email
