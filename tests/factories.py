"""Small builders shared by tests."""

import datetime as dt
from typing import Any

from thrive.law import clock

TODAY = dt.date(2026, 3, 2)


def step(kind: str, on: dt.date, **fields: Any) -> clock.Event:
    return clock.Event(kind=clock.EventKind(kind), on=on, **fields)
