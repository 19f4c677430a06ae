"""Plan audits: a versioned framework of criteria, audits of a plan version rated by education,
health and social care auditors, moderation where they disagree, and the SEND manager's
override of the issuing gate.

An audit's section grades are worked out from its ratings whenever they are shown
(`scoring.py`); only the plan's overall grade is stored, because it also rests on the plan's
contents and check findings at the moment the audit was completed, which later edits can
change. The findings are kept with it, so the rating can always be explained."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from thrive.plans.models import PlanVersion

from .scoring import Grade


class Rating(models.TextChoices):
    """The 4-point scale (reference/statutory.md 2.4, Derby City, "in line with Ofsted")."""

    OUTSTANDING = Grade.OUTSTANDING.value, Grade.OUTSTANDING.label
    GOOD = Grade.GOOD.value, Grade.GOOD.label
    REQUIRES_IMPROVEMENT = Grade.REQUIRES_IMPROVEMENT.value, Grade.REQUIRES_IMPROVEMENT.label
    INADEQUATE = Grade.INADEQUATE.value, Grade.INADEQUATE.label

    @property
    def grade(self) -> Grade:
        return Grade(self.value)

    @property
    def order(self) -> int:
        """4 for Outstanding down to 1 for Inadequate: higher is better."""
        return self.grade.points


class Agency(models.TextChoices):
    """Who rates a criterion in a multi-agency audit."""

    EDUCATION = "education", "Education"
    HEALTH = "health", "Health"
    SOCIAL_CARE = "social_care", "Social care"


#: The plan's sections, in the order of the Regulations (SEND Regulations 2014, reg. 12(1)).
SECTIONS = ("A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K")
SECTION_CHOICES = [(code, f"Section {code}") for code in SECTIONS]


class AuditFramework(models.Model):
    """A version of the council's audit framework. A new version is written as a copy of the
    one in use and changed until it is put in use; from then on it never changes, so every
    audit can be read against the criteria it was rated on. One version is in use at a time."""

    name = models.CharField(max_length=120)
    version = models.PositiveSmallIntegerField()
    active = models.BooleanField(default=False)
    activated_at = models.DateTimeField(null=True, blank=True)  # None while being written
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["version"], name="one_framework_per_version"),
            models.UniqueConstraint(
                fields=["active"], condition=Q(active=True), name="one_framework_in_use"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}, version {self.version}"

    @property
    def is_being_written(self) -> bool:
        return self.activated_at is None


class Criterion(models.Model):
    framework = models.ForeignKey(AuditFramework, on_delete=models.CASCADE, related_name="criteria")
    section = models.CharField(max_length=2, choices=SECTION_CHOICES)
    text = models.CharField(max_length=300)
    guidance = models.TextField(blank=True, help_text="What to look for, and the source.")
    weight = models.PositiveSmallIntegerField(default=1)
    agency = models.CharField(max_length=20, choices=Agency.choices)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        # Section codes sort in the Regulations' order (A to G, H1, H2, I to K).
        ordering = ["framework", "section", "order", "id"]
        verbose_name_plural = "criteria"
        constraints = [
            models.CheckConstraint(condition=Q(weight__gte=1), name="criterion_weight_positive")
        ]

    def __str__(self) -> str:
        return f"Criterion {self.section}: {self.text[:40]}"


class AuditStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "In progress"
    AWAITING_MODERATION = "awaiting_moderation", "Awaiting moderation"
    COMPLETE = "complete", "Complete"


OPEN_STATUSES = (AuditStatus.IN_PROGRESS, AuditStatus.AWAITING_MODERATION)


class Audit(models.Model):
    """One audit of one plan version, numbered within the version. A version has at most one
    open audit (in progress or awaiting moderation) at a time."""

    version = models.ForeignKey(PlanVersion, on_delete=models.PROTECT, related_name="audits")
    number = models.PositiveSmallIntegerField()
    framework = models.ForeignKey(AuditFramework, on_delete=models.PROTECT, related_name="audits")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        max_length=20, choices=AuditStatus.choices, default=AuditStatus.IN_PROGRESS
    )
    overall_rating = models.CharField(max_length=20, choices=Rating.choices, blank=True)
    limits = models.TextField(
        blank=True, help_text="What held the overall rating down when it was completed."
    )
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    #: The automated checks' findings on the version when the audit was completed, as a list
    #: of {"check", "title", "section", "blocking"}: what the overall rating's caps rested on.
    findings = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["version", "number"]
        constraints = [
            models.UniqueConstraint(fields=["version", "number"], name="one_number_per_audit"),
            models.UniqueConstraint(
                fields=["version"],
                condition=Q(status__in=["in_progress", "awaiting_moderation"]),
                name="one_open_audit_per_version",
            ),
        ]

    def __str__(self) -> str:
        return f"Audit {self.number} of plan version {self.version_id}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class AuditorRating(models.Model):
    """One auditor's rating of one criterion; rating it again replaces it."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="ratings")
    auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    agency = models.CharField(max_length=20, choices=Agency.choices)
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="ratings")
    rating = models.CharField(max_length=20, choices=Rating.choices)
    comment = models.TextField(blank=True)
    rated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["audit", "criterion__section", "criterion__order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["audit", "auditor", "criterion"], name="one_rating_per_auditor"
            )
        ]

    def __str__(self) -> str:
        return f"Rating of criterion {self.criterion_id} in audit {self.audit_id}"


class Moderation(models.Model):
    """A SEND manager's settling of the criteria auditors disagreed about, with the reason."""

    audit = models.OneToOneField(Audit, on_delete=models.CASCADE, related_name="moderation")
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Moderation of audit {self.audit_id}"


class AgreedRating(models.Model):
    moderation = models.ForeignKey(Moderation, on_delete=models.CASCADE, related_name="agreed")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    rating = models.CharField(max_length=20, choices=Rating.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["moderation", "criterion"], name="one_agreed_rating_per_criterion"
            )
        ]

    def __str__(self) -> str:
        return f"Agreed rating of criterion {self.criterion_id}"


class IssueOverride(models.Model):
    """A SEND manager's decision that a version may be issued although it is rated inadequate
    or has blocking check findings. Never changed or removed (database triggers refuse it)."""

    version = models.ForeignKey(PlanVersion, on_delete=models.PROTECT, related_name="overrides")
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField()
    rating = models.CharField(
        max_length=20, choices=Rating.choices, blank=True, help_text="The rating when recorded."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["version", "created_at", "id"]

    def __str__(self) -> str:
        return f"Issue override of plan version {self.version_id}"
