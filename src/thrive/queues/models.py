"""Escalation of overdue review and amendment steps. The queue itself is worked out from the
plans' events every time (`selectors`); the only thing stored here is that a step was found
overdue and its people told, so the daily run tells them once (`services.overdue_steps_mark`)."""

from django.db import models

from thrive.assessments.models import Case


class Step(models.TextChoices):
    """The dated steps in the life of a plan after issue that the work queue follows."""

    ANNUAL_REVIEW = "annual_review", "Annual review meeting"
    INVITATIONS = "invitations", "Review invitations, advice and information"
    REPORT = "report", "Review report"
    DECISION = "decision", "Review decision notice"
    PROPOSED_AMENDMENTS = "proposed_amendments", "Proposed amendments (draft amended plan)"
    AMENDED_FINAL = "amended_final", "Final amended plan"


class OverdueStep(models.Model):
    """A step of a plan that became overdue, recorded the first time the daily run found it.
    One row per plan, step and due date: a step that is due again later (next year's review)
    is a new row."""

    plan = models.ForeignKey("plans.EhcPlan", on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="+")
    step = models.CharField(max_length=30, choices=Step.choices)
    due_by = models.DateField()
    marked_on = models.DateField()
    notified = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_by", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "step", "due_by"], name="one_overdue_row_per_plan_step_due_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_step_display()} overdue since {self.due_by} on {self.case}"
