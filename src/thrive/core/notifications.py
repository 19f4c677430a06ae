"""Telling people that something needs them. A message says what changed and what is needed by
when, and gives the case reference, never a name or other personal data: email is not a safe
place for a child's details. The reader signs in to see the rest.

Senders are pluggable: Django's email backend by default (the console in the demo), GOV.UK
Notify when THRIVE_NOTIFY_API_KEY and THRIVE_NOTIFY_TEMPLATE_ID are set."""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from typing import Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction


@dataclass(frozen=True)
class Message:
    to: str
    subject: str
    body: str


class Sender(Protocol):
    def send(self, message: Message) -> None: ...


class EmailSender:
    def send(self, message: Message) -> None:
        send_mail(message.subject, message.body, settings.DEFAULT_FROM_EMAIL, [message.to])


class NotifySender:
    """GOV.UK Notify, with one template whose subject and body are ((subject)) and ((body))."""

    def __init__(self, api_key: str, template_id: str) -> None:
        from notifications_python_client.notifications import NotificationsAPIClient

        self.client = NotificationsAPIClient(api_key)  # type: ignore[no-untyped-call]
        self.template_id = template_id

    def send(self, message: Message) -> None:
        self.client.send_email_notification(  # type: ignore[no-untyped-call]
            email_address=message.to,
            template_id=self.template_id,
            personalisation={"subject": message.subject, "body": message.body},
        )


def configured_sender() -> Sender:
    if settings.THRIVE_NOTIFY_API_KEY and settings.THRIVE_NOTIFY_TEMPLATE_ID:
        return NotifySender(settings.THRIVE_NOTIFY_API_KEY, settings.THRIVE_NOTIFY_TEMPLATE_ID)
    return EmailSender()


def notify(*, recipients: Iterable[str], subject: str, body: str) -> None:
    """Queue one message per recipient, once the current transaction commits (so nothing is
    announced for a change that was rolled back)."""
    from .tasks import deliver_message

    sign_off = f"\n\nSign in to see the details: {settings.THRIVE_BASE_URL}/"
    for to in sorted({r for r in recipients if r}):
        transaction.on_commit(
            partial(deliver_message.enqueue, to=to, subject=subject, body=body + sign_off)
        )
