"""Small builders shared by tests."""

import datetime as dt
from typing import Any

from thrive.accounts.models import User
from thrive.law import clock

TODAY = dt.date(2026, 3, 2)


def step(kind: str, on: dt.date, **fields: Any) -> clock.Event:
    return clock.Event(kind=clock.EventKind(kind), on=on, **fields)


def make_user(username: str, role: str, **extra: Any) -> User:
    user = User.objects.create_user(
        username=username,
        password="a-long-test-password",
        role=role,
        first_name=username.title(),
        **extra,
    )
    return user
