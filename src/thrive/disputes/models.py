"""Disagreements about a child's EHC needs assessment or plan: mediation (CFA 2014 ss.52-57;
SEND Regulations 2014, regs 32-42) and appeals to the First-tier Tribunal (SEND) (CFA 2014
s.51). The records say what happened and when; the windows that run from those dates (the
2 months to contact a mediation adviser and to appeal) come from `thrive.law.reviews`."""

from django.conf import settings
from django.db import models

from thrive.assessments.models import Case


class Subject(models.TextChoices):
    """What the family disagrees with: the decisions appealable under CFA 2014 s.51."""

    REFUSAL_TO_ASSESS = "refusal_to_assess", "Refusal to carry out an EHC needs assessment"
    REFUSAL_TO_ISSUE = "refusal_to_issue", "Refusal to issue an EHC plan"
    PLAN_CONTENT = "plan_content", "The needs or provision in the plan (sections B and F)"
    SETTING_NAMED = "setting_named", "The school or college named, or none (section I)"
    REFUSAL_TO_AMEND = "refusal_to_amend", "Refusal to amend the plan after a review"
    CEASING = "ceasing", "The decision to cease the plan"


class CertificateKind(models.TextChoices):
    """Why a mediation certificate was issued (regs 34 and 39)."""

    DECLINED = "declined", "The family decided not to go to mediation"
    MEDIATION_ENDED = "mediation_ended", "Mediation took place"
    NOT_ARRANGED_IN_TIME = "not_arranged", "Mediation could not be arranged within 30 days"


class MediationOutcome(models.TextChoices):
    AGREED = "agreed", "Agreement reached"
    PARTLY_AGREED = "partly_agreed", "Agreement on some issues"
    NOT_AGREED = "not_agreed", "No agreement"


class Mediation(models.Model):
    """A family's contact with a mediation adviser about a decision, and what came of it."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="mediations")
    subject = models.CharField(max_length=30, choices=Subject.choices)
    decision_letter_on = models.DateField("Date of the decision letter")
    adviser_contacted_on = models.DateField("Mediation adviser contacted on")
    mediation_held_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=20, blank=True, choices=MediationOutcome.choices)
    certificate_issued_on = models.DateField(null=True, blank=True)
    certificate_kind = models.CharField(max_length=20, blank=True, choices=CertificateKind.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["case", "adviser_contacted_on", "id"]

    def __str__(self) -> str:
        return f"Mediation {self.pk} on {self.case}"


class AppealOutcome(models.TextChoices):
    UPHELD = "upheld", "Appeal upheld (decided in the family's favour)"
    PARTLY_UPHELD = "partly_upheld", "Appeal partly upheld"
    DISMISSED = "dismissed", "Appeal dismissed (the council's decision stands)"
    CONCEDED = "conceded", "Conceded by the council before the hearing"
    WITHDRAWN = "withdrawn", "Withdrawn by the family"


class Appeal(models.Model):
    """An appeal to the First-tier Tribunal (SEND) against a decision about the case."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="appeals")
    subject = models.CharField(max_length=30, choices=Subject.choices)
    decision_letter_on = models.DateField("Date of the decision letter")
    mediation = models.ForeignKey(
        Mediation, null=True, blank=True, on_delete=models.PROTECT, related_name="appeals"
    )
    registered_on = models.DateField("Appeal registered by the Tribunal on")
    hearing_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=20, blank=True, choices=AppealOutcome.choices)
    outcome_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["case", "registered_on", "id"]

    def __str__(self) -> str:
        return f"Appeal {self.pk} on {self.case}"

    @property
    def is_open(self) -> bool:
        """Open until its outcome is recorded."""
        return not self.outcome
