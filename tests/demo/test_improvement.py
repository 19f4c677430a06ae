"""The demo's improvement programme: what `generate-improvement` makes, deterministic, with
overdue and complete work, evidence for every completed action, targets on real dashboard
measures, and the demo sign-ins for the programme's roles."""

import datetime as dt
import io
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from thrive.accounts.models import Role, User
from thrive.demo.improvement import generate_improvement
from thrive.improvement import selectors_programme
from thrive.improvement.models import (
    Action,
    ActionStatus,
    Feedback,
    MeasureTarget,
    Mitigation,
    Priority,
    Risk,
    YouSaidWeDid,
)
from thrive.insight.measures import BY_KEY

TODAY = dt.date(2026, 11, 23)


@pytest.mark.django_db
def test_generates_a_realistic_programme() -> None:
    summary = generate_improvement(seed=1, today=TODAY)
    assert Priority.objects.count() == summary.priorities == 3
    assert Action.objects.count() == summary.actions == 25
    overdue = selectors_programme.actions_overdue(TODAY).count()
    assert overdue == summary.overdue
    assert overdue >= 5
    complete = Action.objects.filter(status=ActionStatus.COMPLETE)
    assert complete.count() >= 5
    assert all(a.evidence.exists() and a.completed_on for a in complete)
    assert {a.partner for a in Action.objects.all()} >= {"council", "icb", "schools", "forum"}
    assert all(t.measure_key in BY_KEY for t in MeasureTarget.objects.all())
    assert all(t.trajectory.count() >= 2 for t in MeasureTarget.objects.all())
    assert Risk.objects.count() == 12
    assert Mitigation.objects.filter(action__isnull=False).count() == 12
    assert Feedback.objects.count() == 60
    dates = list(Feedback.objects.values_list("received_on", flat=True))
    assert min(dates) >= TODAY - dt.timedelta(days=548)
    assert all(f.themes.exists() for f in Feedback.objects.all())
    assert YouSaidWeDid.objects.count() == 5
    assert selectors_programme.milestones_late(TODAY).exists()


@pytest.mark.django_db
def test_the_command_does_nothing_when_a_programme_exists() -> None:
    out = io.StringIO()
    call_command("generate-improvement", "--if-empty", "--today", "2026-11-23", stdout=out)
    assert "25 actions" in out.getvalue()
    call_command("generate-improvement", "--if-empty", stdout=out)
    assert "already holds an improvement programme" in out.getvalue()
    assert Priority.objects.count() == 3


@pytest.mark.django_db
def test_demo_sign_ins_for_the_programmes_roles(client: Any) -> None:
    generate_improvement(seed=1, today=TODAY)
    roles = dict(User.objects.values_list("username", "role"))
    assert roles["board"] == Role.BOARD_MEMBER
    assert roles["officer-programme"] == Role.PROGRAMME_OFFICER
    assert roles["partner"] == Role.PARTNER_LEAD
    inspector = User.objects.get(username="inspector")
    assert inspector.access_ends_on == timezone.localdate() + dt.timedelta(days=30)
    response = client.post(
        "/accounts/sign-in/", {"username": "inspector", "password": "thrive-demo-2026"}
    )
    assert response.status_code == 302
    assert client.get("/improvement/").status_code == 200
    assert not User.objects.get(username="lead-forum").has_usable_password()
