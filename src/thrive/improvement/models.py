"""The local area partnership's improvement programme, tied to live measures: the strategy as
priorities, workstreams, actions and milestones; the measures that show whether it works;
the risk register; the self-evaluation against the Ofsted/CQC area SEND framework; family
voice; and progress reports issued as fixed versions.

Nothing here is a child's record: no model points at a child or a case. Statuses that follow
from dates (an action overdue, a milestone late) are worked out by selectors, never stored."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class Partner(models.TextChoices):
    """The partner organisation that owns a piece of work."""

    COUNCIL = "council", "Council"
    ICB = "icb", "NHS integrated care board"
    SCHOOLS = "schools", "Schools and colleges"
    PARENT_CARER_FORUM = "forum", "Parent carer forum"
    OTHER = "other", "Other partner"


class Priority(models.Model):
    """A priority of the area's strategy or improvement plan: a strategy thread (Essex's
    equity, ambition, inclusion) or an inspection's area for improvement."""

    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    source = models.CharField(
        max_length=200, blank=True, help_text="For example, 'SEND strategy 2025-2028' or 'WSoA'."
    )
    order = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name_plural = "priorities"

    def __str__(self) -> str:
        return self.title


class Workstream(models.Model):
    priority = models.ForeignKey(Priority, on_delete=models.PROTECT, related_name="workstreams")
    title = models.CharField(max_length=200)
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["priority", "order", "id"]

    def __str__(self) -> str:
        return self.title


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    OFF_TRACK = "off_track", "Off track"
    COMPLETE = "complete", "Complete"


class Action(models.Model):
    """An action of a workstream. It cannot be complete without evidence (services refuse)."""

    workstream = models.ForeignKey(Workstream, on_delete=models.PROTECT, related_name="actions")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    partner = models.CharField(max_length=20, choices=Partner.choices)
    due_on = models.DateField()
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    completed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.title


class Milestone(models.Model):
    workstream = models.ForeignKey(Workstream, on_delete=models.PROTECT, related_name="milestones")
    title = models.CharField(max_length=200)
    due_on = models.DateField()
    achieved_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.title


class MeasureTarget(models.Model):
    """A dashboard measure (`insight.measures.BY_KEY`) that shows whether a priority works,
    with its baseline and target; the trajectory is the points between them."""

    priority = models.ForeignKey(Priority, on_delete=models.PROTECT, related_name="measures")
    measure_key = models.CharField(max_length=60)
    baseline_value = models.DecimalField(max_digits=10, decimal_places=2)
    baseline_on = models.DateField()
    target_value = models.DecimalField(max_digits=10, decimal_places=2)
    target_on = models.DateField()

    class Meta:
        ordering = ["priority", "measure_key", "id"]

    def __str__(self) -> str:
        return f"{self.measure_key} for {self.priority}"


class TrajectoryPoint(models.Model):
    """Where the measure is expected to be on a date on the way to its target."""

    target = models.ForeignKey(MeasureTarget, on_delete=models.CASCADE, related_name="trajectory")
    on = models.DateField()
    value = models.DecimalField(max_digits=10, decimal_places=2)

    class Meta:
        ordering = ["target", "on"]
        constraints = [models.UniqueConstraint(fields=["target", "on"], name="one_point_a_day")]

    def __str__(self) -> str:
        return f"{self.value} by {self.on}"


class EvidenceKind(models.TextChoices):
    DOCUMENT = "document", "Document"
    LINK = "link", "Link to a document or page"
    NOTE = "note", "Note"


class Evidence(models.Model):
    """Evidence for an action or a self-evaluation judgement: a document, a link or a note.
    Live measures, audits and family feedback are linked where they are used, not copied."""

    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=EvidenceKind.choices)
    file = models.FileField(upload_to="improvement/evidence/", blank=True)
    url = models.URLField(blank=True)
    note = models.TextField(blank=True)
    actions = models.ManyToManyField(Action, blank=True, related_name="evidence")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-added_at", "-id"]
        verbose_name_plural = "evidence"

    def __str__(self) -> str:
        return self.title


SCORE = [MinValueValidator(1), MaxValueValidator(5)]


class Risk(models.Model):
    """A risk on the register: likelihood x impact (1-5 each) before and after mitigation."""

    title = models.CharField(max_length=200)
    cause = models.TextField()
    effect = models.TextField()
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    likelihood_before = models.PositiveSmallIntegerField(validators=SCORE)
    impact_before = models.PositiveSmallIntegerField(validators=SCORE)
    likelihood_after = models.PositiveSmallIntegerField(validators=SCORE)
    impact_after = models.PositiveSmallIntegerField(validators=SCORE)
    review_on = models.DateField()
    closed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title


class RiskAssessment(models.Model):
    """Each scoring of a risk, kept so a report can say which risks changed in its period."""

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="assessments")
    assessed_on = models.DateField()
    likelihood_before = models.PositiveSmallIntegerField(validators=SCORE)
    impact_before = models.PositiveSmallIntegerField(validators=SCORE)
    likelihood_after = models.PositiveSmallIntegerField(validators=SCORE)
    impact_after = models.PositiveSmallIntegerField(validators=SCORE)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["risk", "assessed_on", "id"]

    def __str__(self) -> str:
        return f"Assessment of {self.risk} on {self.assessed_on}"


class Mitigation(models.Model):
    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="mitigations")
    description = models.TextField()
    action = models.ForeignKey(
        Action, null=True, blank=True, on_delete=models.SET_NULL, related_name="mitigations"
    )

    class Meta:
        ordering = ["risk", "id"]

    def __str__(self) -> str:
        return f"Mitigation of {self.risk}"


class Criterion(models.Model):
    """An evaluation criterion of the area SEND inspection framework (paragraphs 50-60),
    loaded from ../shared/reference/inspection-framework.md, never typed into templates."""

    paragraph = models.PositiveSmallIntegerField(unique=True)
    area = models.CharField(max_length=100)  # the section heading, e.g. "Leadership"
    heading = models.CharField(max_length=300)
    points = models.JSONField(default=list)  # the bullet points, in order

    class Meta:
        ordering = ["paragraph"]
        verbose_name_plural = "criteria"

    def __str__(self) -> str:
        return f"{self.paragraph}. {self.heading}"


class Band(models.TextChoices):
    """The three outcome bands used since 2023."""

    POSITIVE = "positive", "Positive experiences and outcomes"
    INCONSISTENT = "inconsistent", "Inconsistent experiences and outcomes"
    SIGNIFICANT_CONCERNS = "significant_concerns", "Significant concerns"


class Judgement(models.Model):
    """The partnership's judgement on a criterion, with its narrative and linked evidence;
    one per criterion, changed in place (the audit log keeps the history)."""

    criterion = models.OneToOneField(Criterion, on_delete=models.PROTECT, related_name="judgement")
    band = models.CharField(max_length=30, choices=Band.choices)
    narrative = models.TextField()
    evidence = models.ManyToManyField(Evidence, blank=True, related_name="judgements")
    actions = models.ManyToManyField(Action, blank=True, related_name="judgements")
    measure_keys = models.JSONField(default=list)  # insight.measures keys shown live
    reviewed_on = models.DateField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return f"Judgement on {self.criterion}"


class FeedbackSource(models.TextChoices):
    SURVEY = "survey", "Survey"
    FORUM = "forum", "Parent carer forum session"
    COMPLAINT = "complaint", "Complaint"
    COMPLIMENT = "compliment", "Compliment"
    OTHER = "other", "Other"


class Theme(models.Model):
    name = models.CharField(max_length=80, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Feedback(models.Model):
    """What families told the partnership, summarised without naming anyone."""

    received_on = models.DateField()
    source = models.CharField(max_length=20, choices=FeedbackSource.choices)
    summary = models.TextField()
    themes = models.ManyToManyField(Theme, blank=True, related_name="feedback")
    priorities = models.ManyToManyField(Priority, blank=True, related_name="feedback")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name_plural = "feedback"

    def __str__(self) -> str:
        return f"Feedback {self.pk} ({self.get_source_display()})"


class YouSaidWeDid(models.Model):
    """A published "you said, we did" entry linking feedback to actions."""

    you_said = models.TextField()
    we_did = models.TextField()
    feedback = models.ManyToManyField(Feedback, blank=True, related_name="responses")
    actions = models.ManyToManyField(Action, blank=True, related_name="responses")
    published_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-published_on", "-id"]

    def __str__(self) -> str:
        return f"You said, we did {self.pk}"


class Audience(models.TextChoices):
    SCRUTINY = "scrutiny", "Scrutiny committee"
    MONITORING = "monitoring", "DfE and NHS England progress meeting"
    BOARD = "board", "SEND partnership board"


class ProgressReport(models.Model):
    """A progress report for a period, issued as a fixed version: the HTML as issued and the
    figures it used are stored, so it reads the same later."""

    title = models.CharField(max_length=200)
    audience = models.CharField(max_length=20, choices=Audience.choices)
    period_start = models.DateField()
    period_end = models.DateField()
    next_meeting_on = models.DateField()
    version = models.PositiveSmallIntegerField(default=1)
    html = models.TextField()
    figures = models.JSONField(default=dict)
    issued_on = models.DateField()
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-issued_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["audience", "period_start", "period_end", "version"],
                name="one_report_version",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} (version {self.version})"

    def save(self, *args: object, **kwargs: object) -> None:
        """An issued report never changes (database triggers refuse it too: migration 0002)."""
        if self.pk is not None:
            raise ValueError("An issued progress report cannot be changed.")
        super().save(*args, **kwargs)
