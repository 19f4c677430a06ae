"""EHC needs assessment cases and their append-only timelines.

A case stores who it is about and who holds it. Everything else (its stage, every statutory
deadline, whether it is late) is derived from its events by `thrive.law.clock`, never stored."""

from django.conf import settings
from django.db import models

from thrive.law import clock, codes
from thrive.people.models import Child


class Case(models.Model):
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="cases")
    case_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="cases"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        """What staff and families quote on the phone: not personal data."""
        return f"EHC{self.pk:06d}"


class CaseEvent(models.Model):
    """One step on a case's timeline. Never updated or deleted (database triggers refuse it):
    a mistake is put right by recording what really happened, so the history stays true."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(max_length=30, choices=[(k.value, k.label) for k in clock.EventKind])
    on = models.DateField("date")
    outcome = models.BooleanField(null=True)
    contributor = models.CharField(
        max_length=30, blank=True, choices=[(c.value, c.label) for c in clock.Contributor]
    )
    exception = models.CharField(
        max_length=1, blank=True, choices=[(e.value, e.label) for e in clock.ExceptionReason]
    )
    request_source = models.CharField(
        max_length=1, blank=True, choices=codes.REQUEST_SOURCES.choices()
    )
    note = models.TextField(blank=True, max_length=2000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on", "id"]
        indexes = [models.Index(fields=["case", "on"])]

    def __str__(self) -> str:
        return f"{self.kind} on {self.on:%Y-%m-%d}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise ValueError("A case's timeline is append-only.")
        super().save(*args, **kwargs)

    def as_law_event(self) -> clock.Event:
        return clock.Event(
            kind=clock.EventKind(self.kind),
            on=self.on,
            outcome=self.outcome,
            contributor=clock.Contributor(self.contributor) if self.contributor else None,
            exception=clock.ExceptionReason(self.exception) if self.exception else None,
        )


class CaseAssignment(models.Model):
    """Who held the case, from when: the history behind `Case.case_officer`."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="assignments")
    case_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["assigned_at", "id"]

    def __str__(self) -> str:
        return f"{self.case} assigned {self.assigned_at:%Y-%m-%d}"


class CaseAccess(models.Model):
    """An invitation for a practitioner, or everyone in an organisation's inbox, to see one case
    (to give advice). Access ends when `ended_at` is set; rows are kept as history."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="access")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="case_access",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="case_access",
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | models.Q(organisation__isnull=False),
                name="access_for_someone",
            )
        ]

    def __str__(self) -> str:
        return f"Access to {self.case}"
