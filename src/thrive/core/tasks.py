"""Background tasks shared by every app (run by `thrive db_worker`)."""

from django.tasks import task

from .notifications import Message, configured_sender


@task()
def deliver_message(*, to: str, subject: str, body: str) -> None:
    configured_sender().send(Message(to=to, subject=subject, body=body))
