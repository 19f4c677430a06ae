"""Builders for the self-evaluation tests: the small framework, a programme officer, and a
judgement recorded through the service."""

import datetime as dt
from typing import Any

from tests.factories import make_user
from thrive.improvement.framework import framework_load
from thrive.improvement.models import (
    Action,
    Criterion,
    Evidence,
    EvidenceKind,
    Judgement,
    Partner,
    Priority,
    Workstream,
)
from thrive.improvement.services.selfeval import judgement_record

SMALL = """## Experiences
**50. Needs identified accurately**
- Children are correctly identified.
- Needs are found early enough.

**51. Families take part**
- Families get impartial advice.

## Leadership
**55. Leaders are ambitious**
- An ambitious strategy.
"""


def load_small() -> list[Criterion]:
    framework_load(text=SMALL)
    return list(Criterion.objects.order_by("paragraph"))


def programme_officer(username: str = "po") -> Any:
    return make_user(username, "programme_officer", last_name="Officer")


def evidence(actor: Any, title: str) -> Evidence:
    return Evidence.objects.create(title=title, kind=EvidenceKind.NOTE, note="n", added_by=actor)


def action(actor: Any, title: str, due_on: dt.date = dt.date(2027, 3, 31)) -> Action:
    priority = Priority.objects.create(title="Timeliness")
    workstream = Workstream.objects.create(priority=priority, title="Assessments")
    return Action.objects.create(
        workstream=workstream, title=title, owner=actor, partner=Partner.COUNCIL, due_on=due_on
    )


def judge(actor: Any, criterion: Criterion, today: dt.date, **extra: Any) -> Judgement:
    values: dict[str, Any] = {"band": "inconsistent", "narrative": "Some progress."}
    values.update(extra)
    return judgement_record(actor=actor, criterion=criterion, today=today, **values)
