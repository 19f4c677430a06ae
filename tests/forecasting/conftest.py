"""Fixtures for the forecasting tests: a small synthetic area (``builders.build_area``)."""

import pytest

from tests.forecasting.builders import Area, build_area
from thrive.accounts.models import User
from thrive.people.models import LocalAuthority


@pytest.fixture
def area(council: LocalAuthority, officer: User, db: object) -> Area:
    """60 children with plans first issued 2018 to 2025, some moved or ceased, with requests,
    refusals and population rows for 2016 to 2025."""
    return build_area(council, officer)
