"""The append-only audit log of every view and change of a child's record."""

from django.conf import settings
from django.db import models


class AuditAction(models.TextChoices):
    VIEW = "view", "Viewed"
    CREATE = "create", "Created"
    CHANGE = "change", "Changed"
    EXPORT = "export", "Exported"


class AuditChannel(models.TextChoices):
    WEB = "web", "Web page"
    API = "api", "API"
    COMMAND = "command", "Command or task"


class AuditEntry(models.Model):
    """One row per view or change. Rows are never updated or deleted: database triggers refuse it
    (migration 0002), and `save` refuses an update. The summary never holds personal data: it
    says what happened ("recorded decision to assess"), the ids say to what."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(max_length=10, choices=AuditAction.choices)
    object_type = models.CharField(max_length=50)
    object_id = models.BigIntegerField()
    child_id = models.BigIntegerField(null=True, db_index=True)
    summary = models.CharField(max_length=200)
    channel = models.CharField(max_length=10, default="web", choices=AuditChannel.choices)
    ip_address = models.GenericIPAddressField(null=True, blank=True)  # "from where"

    class Meta:
        verbose_name_plural = "audit entries"
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.action} {self.object_type} {self.object_id}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise ValueError("The audit log is append-only.")
        super().save(*args, **kwargs)
