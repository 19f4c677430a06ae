"""Annual reviews of an EHC plan (Children and Families Act 2014, s.44; SEND Regulations 2014,
regs 20 and 21). A review records the events as they happen; the dates they are due by and
whether they are late are worked out from these events (`selectors_reviews`), never stored."""

from django.conf import settings
from django.db import models

from thrive.law import codes
from thrive.law.reviews import CeaseGround


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
    # Preparing for adulthood: from Year 9 the review must consider it (regs 20(6), 21(6)).
    pfa_employment = models.TextField("Higher education or employment", blank=True)
    pfa_independent_living = models.TextField("Independent living", blank=True)
    pfa_community = models.TextField("Friends, relationships and community", blank=True)
    pfa_health = models.TextField("Good health", blank=True)
    transition_plan = models.TextField("Transition plan", blank=True)
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

    #: The preparing-for-adulthood fields, in the order the review form asks them.
    PREPARATION_FOR_ADULTHOOD = (
        "pfa_employment",
        "pfa_independent_living",
        "pfa_community",
        "pfa_health",
        "transition_plan",
    )


class Cessation(models.Model):
    """A decision to cease to maintain the plan (CFA 2014 s.45; SEND Regulations 2014,
    reg. 31). The plan stays in force until `ceases_on` (after the appeal period, or when an
    appeal is decided); the record is kept, and reported in SEN2 with its `reason` code.
    A withdrawn decision (the council changed its mind, or the Tribunal ordered the plan to
    be maintained) keeps its record with `withdrawn_on` set."""

    plan = models.ForeignKey("plans.EhcPlan", on_delete=models.PROTECT, related_name="cessations")
    review = models.ForeignKey(
        AnnualReview, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(
        "Reason the plan ceased", max_length=1, choices=codes.CEASE_REASONS.choices()
    )
    ground = models.CharField(max_length=30, blank=True, choices=CeaseGround.choices())
    reasons_given = models.TextField("The reasons given to the family")
    consulted_on = models.DateField(
        "Family and head or principal consulted on", null=True, blank=True
    )
    notified_on = models.DateField("Decision notified on")
    ceases_on = models.DateField("The plan ceases on")
    withdrawn_on = models.DateField(null=True, blank=True)
    withdrawn_why = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["plan", "notified_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan"],
                condition=models.Q(withdrawn_on__isnull=True),
                name="one_standing_cessation_per_plan",
            )
        ]

    def __str__(self) -> str:
        return f"Decision to cease {self.plan} on {self.ceases_on}"

    @property
    def stands(self) -> bool:
        return self.withdrawn_on is None
