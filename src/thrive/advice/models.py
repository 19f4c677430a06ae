"""Requests for advice and the advice given (SEND Regulations 2014, regs. 6 and 8).

A request is addressed to a named practitioner or to an organisation's inbox; either way the
people it is addressed to can see that case only (assessments.CaseAccess)."""

import datetime as dt
import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models

from thrive.assessments.models import Case
from thrive.law import clock


def advice_document_path(instance: "AdviceRequest", filename: str) -> str:
    """A random name under MEDIA_ROOT/advice/: the uploaded name may hold the child's name."""
    return f"advice/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class AdviceRequest(models.Model):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="advice_requests")
    contributor = models.CharField(max_length=30, choices=clock.Contributor.choices())
    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="advice_requests",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="advice_requests",
    )
    question = models.TextField("What the council is asking", max_length=4000)
    requested_on = models.DateField()
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_on = models.DateField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    summary = models.TextField("Summary of the advice", blank=True, max_length=8000)
    document = models.FileField(upload_to=advice_document_path, blank=True)

    class Meta:
        ordering = ["requested_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(practitioner__isnull=False)
                | models.Q(organisation__isnull=False),
                name="advice_addressed_to_someone",
            )
        ]

    def __str__(self) -> str:
        return f"Advice request {self.pk} on {self.case}"

    @property
    def due_on(self) -> dt.date:
        return clock.advice_due_on(self.requested_on)

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def is_closed(self) -> bool:
        return self.is_submitted or self.withdrawn_on is not None


class AdviceItemKind(models.TextChoices):
    NEED = "need", "Special educational, health or care need"
    OUTCOME = "outcome", "Outcome sought"
    PROVISION = "provision", "Provision recommended"


class AdviceItem(models.Model):
    """One need, outcome or provision in a piece of advice: structured so the plan can show
    where each section came from."""

    request = models.ForeignKey(AdviceRequest, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=10, choices=AdviceItemKind.choices)
    text = models.TextField(max_length=2000)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["kind", "order", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk}"


class ReminderSent(models.Model):
    """One row per reminder sent by `send-reminders`, so a second run sends nothing new.

    `key` names what the reminder was about, never who: "advice-overdue:<request id>" or
    "comments-closing:<case id>:<date the draft was served>"."""

    key = models.CharField(max_length=80, unique=True)
    sent_on = models.DateField()

    class Meta:
        ordering = ["sent_on", "id"]

    def __str__(self) -> str:
        return self.key
