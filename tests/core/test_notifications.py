from typing import Any

import pytest
from django.core import mail
from django.db import transaction

from thrive.core import notifications
from thrive.core.notifications import EmailSender, Message, NotifySender, configured_sender


def test_messages_are_sent_only_after_the_change_commits(
    db: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        notifications.notify(
            recipients=["a@example.org", "a@example.org", ""],
            subject="Advice requested for case EHC000001",
            body="Due 5 Jan.",
        )
        assert mail.outbox == []
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert "Sign in to see the details" in mail.outbox[0].body


def test_nothing_is_sent_for_a_rolled_back_change(
    db: Any, django_capture_on_commit_callbacks: Any
) -> None:
    def change_that_fails() -> None:
        with transaction.atomic():
            notifications.notify(recipients=["a@example.org"], subject="s", body="b")
            raise RuntimeError

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
    ):
        change_that_fails()
    assert callbacks == []
    assert mail.outbox == []


def test_notify_is_used_when_configured(settings: Any, monkeypatch: Any) -> None:
    sent: list[dict[str, Any]] = []

    class FakeClient:
        def __init__(self, key: str) -> None:
            self.key = key

        def send_email_notification(self, **kwargs: Any) -> None:
            sent.append(kwargs)

    monkeypatch.setattr(
        "notifications_python_client.notifications.NotificationsAPIClient", FakeClient
    )
    assert isinstance(configured_sender(), EmailSender)
    settings.THRIVE_NOTIFY_API_KEY, settings.THRIVE_NOTIFY_TEMPLATE_ID = "key", "template"
    sender = configured_sender()
    assert isinstance(sender, NotifySender)
    sender.send(Message(to="a@example.org", subject="S", body="B"))
    assert sent == [
        {
            "email_address": "a@example.org",
            "template_id": "template",
            "personalisation": {"subject": "S", "body": "B"},
        }
    ]
