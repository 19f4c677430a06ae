"""Background tasks for the work queues (run by `thrive db_worker`)."""

from django.tasks import task
from django.utils import timezone

from .services import overdue_steps_mark


@task()
def mark_overdue_steps() -> int:
    """The daily escalation run (`services.overdue_steps_mark` for today). Returns how many
    steps were newly found overdue."""
    return overdue_steps_mark(today=timezone.localdate()).new
