"""Records the returns app keeps: each run of a caseload import.

The import itself writes children, cases and plans through their own apps' models; here is
only the run: who started it, on which file, how far it has got and what it found. The
counts and error reasons hold no personal data; an error's `value` may (a surname, a UPN),
so it is shown only on the run's page, to the user allowed to import, and never logged."""

from django.conf import settings
from django.db import models


class ImportKind(models.TextChoices):
    CSV = "csv", "CSV file in the Thrive template"
    XLSX = "xlsx", "Excel workbook in the Thrive template"
    SEN2_XML = "sen2_xml", "SEN2 return (XML)"


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    CHECKING = "checking", "Checking rows"
    WRITING = "writing", "Saving the records"
    DONE = "done", "Finished"
    REFUSED = "refused", "Refused: nothing was saved"


class ImportRun(models.Model):
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    file_name = models.CharField(max_length=255)
    kind = models.CharField(max_length=10, choices=ImportKind.choices)
    dry_run = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=ImportStatus.choices, default="queued")
    done = models.PositiveIntegerField("Rows checked", default=0)
    total = models.PositiveIntegerField("Rows in the file", default=0)
    # {"children": {"new": 3, "unchanged": 1, "changed": 0}, ...}
    counts = models.JSONField(default=dict)
    # [{"row": 12, "column": "upn", "message": "...", "value": "..."}, ...]
    errors = models.JSONField(default=list)
    # The uploaded file, kept only until the run has finished.
    data = models.BinaryField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Import {self.pk} ({self.kind})"

    @property
    def is_finished(self) -> bool:
        return self.status in {ImportStatus.DONE, ImportStatus.REFUSED}

    @property
    def percent(self) -> int:
        if not self.total:
            return 100 if self.is_finished else 0
        return min(100, round(100 * self.done / self.total))


# The SEN2 validation report's records live in their own module; import them from here.
from .models_sen2 import Sen2QueryConfirmation as Sen2QueryConfirmation  # noqa: E402
