"""Annual reviews of an EHC plan (Children and Families Act 2014, s.44; SEND Regulations 2014,
regs 20 and 21). A review records the events as they happen; the dates they are due by and
whether they are late are worked out from these events (`selectors_reviews`), never stored."""

from django.conf import settings
from django.db import models


class ReviewDecision(models.TextChoices):
    """The decision after a review (reg. 20(10)): keep the plan as it is, amend it, or cease
    to maintain it."""

    KEEP = "keep", "Keep the plan as it is"
    AMEND = "amend", "Amend the plan"
    CEASE = "cease", "Cease to maintain the plan"


class AnnualReview(models.Model):
    plan = models.ForeignKey("plans.EhcPlan", on_delete=models.PROTECT, related_name="reviews")
    meeting_on = models.DateField("Review meeting date")
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    invitations_sent_on = models.DateField(null=True, blank=True)
    report_circulated_on = models.DateField(null=True, blank=True)
    decision = models.CharField(max_length=10, blank=True, choices=ReviewDecision.choices)
    decision_notified_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["plan", "meeting_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan"],
                condition=models.Q(decision=""),
                name="one_open_review_per_plan",
            )
        ]

    def __str__(self) -> str:
        return f"Annual review on {self.meeting_on} of {self.plan}"

    @property
    def is_open(self) -> bool:
        """Open until the decision is recorded."""
        return not self.decision
