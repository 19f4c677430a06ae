"""Time-limited accounts (inspectors'): they may sign in up to and including their last day,
not after it, and a session still open once the day has passed is signed out."""

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from tests.factories import make_user
from thrive.accounts.policy import Action, can

PASSWORD = "a-long-test-password"


def _sign_in(client: Any, username: str) -> Any:
    return client.post("/accounts/sign-in/", {"username": username, "password": PASSWORD})


@pytest.mark.django_db
def test_inspector_may_sign_in_on_their_last_day(client: Any) -> None:
    make_user("inspector", "inspector", access_ends_on=timezone.localdate())
    response = _sign_in(client, "inspector")
    assert response.status_code == 302
    assert client.get("/improvement/").status_code == 200


@pytest.mark.django_db
def test_inspector_is_refused_the_day_after_their_last_day(client: Any) -> None:
    ended = timezone.localdate() - dt.timedelta(days=1)
    make_user("inspector", "inspector", access_ends_on=ended)
    response = _sign_in(client, "inspector")
    assert response.status_code == 200
    assert b"Your access to Thrive ended on" in response.content
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_an_open_session_is_signed_out_once_access_has_ended(client: Any) -> None:
    inspector = make_user("inspector", "inspector", access_ends_on=timezone.localdate())
    client.force_login(inspector)
    assert client.get("/improvement/").status_code == 200
    inspector.access_ends_on = timezone.localdate() - dt.timedelta(days=1)
    inspector.save()
    response = client.get("/improvement/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/")
    assert "_auth_user_id" not in client.session
    assert "has ended" in client.get(response["Location"]).content.decode()


@pytest.mark.django_db
def test_the_policy_refuses_an_ended_account_anything() -> None:
    inspector = make_user(
        "inspector", "inspector", access_ends_on=timezone.localdate() - dt.timedelta(days=1)
    )
    assert not can(inspector, Action.IMPROVEMENT_VIEW)
    inspector.access_ends_on = timezone.localdate()
    assert can(inspector, Action.IMPROVEMENT_VIEW)
