"""Builders for the risk register and family voice tests: a programme action to link to, and
risks scored as the tests need."""

import datetime as dt
from typing import Any

from thrive.improvement.models import Action, Priority, Risk, Workstream
from thrive.improvement.services import risks as services

TODAY = dt.date(2026, 3, 10)


def make_action(owner: Any, title: str = "Train SENCOs in writing outcomes") -> Action:
    priority = Priority.objects.create(title="Ambition")
    workstream = Workstream.objects.create(priority=priority, title="Plans that say what matters")
    return Action.objects.create(
        workstream=workstream,
        title=title,
        owner=owner,
        partner="council",
        due_on=dt.date(2026, 6, 30),
    )


def make_risk(
    actor: Any,
    *,
    title: str = "Too few educational psychologists",
    before: tuple[int, int] = (4, 5),
    after: tuple[int, int] = (3, 4),
    review_on: dt.date = dt.date(2026, 4, 1),
    today: dt.date = TODAY,
) -> Risk:
    return services.risk_create(
        actor=actor,
        title=title,
        cause="Vacancies in the educational psychology service",
        effect="Advice late, so plans late",
        owner=actor,
        review_on=review_on,
        today=today,
        likelihood_before=before[0],
        impact_before=before[1],
        likelihood_after=after[0],
        impact_after=after[1],
    )
