"""The EHC plan as data: sections A to K (SEND Regulations 2014, reg. 12; Code of Practice
9.62), in versions. An issued version never changes: services refuse it and build the next
version as a copy.

Needs, outcomes and provisions carry a `key` that their copies keep, so comparing any two
versions can say an item was changed rather than removed and added again."""

import uuid

from django.conf import settings
from django.db import models

from thrive.assessments.models import Case
from thrive.law import codes
from thrive.people.models import Setting


class VersionKind(models.TextChoices):
    DRAFT = "draft", "Draft plan"
    FINAL = "final", "Final plan"
    AMENDED_DRAFT = "amended_draft", "Draft amended plan"
    AMENDED_FINAL = "amended_final", "Final amended plan"


#: The kind of version that follows an issued one: the final plan follows the draft
#: (SEND Regulations 2014, reg. 13); after a review, a draft amended plan and then its final
#: (reg. 22).
NEXT_KIND = {
    VersionKind.DRAFT: VersionKind.FINAL,
    VersionKind.FINAL: VersionKind.AMENDED_DRAFT,
    VersionKind.AMENDED_DRAFT: VersionKind.AMENDED_FINAL,
    VersionKind.AMENDED_FINAL: VersionKind.AMENDED_DRAFT,
}
DRAFT_KINDS = frozenset({VersionKind.DRAFT, VersionKind.AMENDED_DRAFT})


def new_item_key() -> uuid.UUID:
    return uuid.uuid4()


class EhcPlan(models.Model):
    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="plan")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Plan for {self.case}"


class PlanVersion(models.Model):
    plan = models.ForeignKey(EhcPlan, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20, choices=VersionKind.choices)
    based_on = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    issued_on = models.DateField(null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(null=True, blank=True)
    # For a draft amended plan: the annual review whose decision to amend it follows, if any.
    review = models.ForeignKey(
        "plans.AnnualReview",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="amendments",
    )

    # Section A: views, interests and aspirations of the child and parents, or the young person.
    views_child = models.TextField("The child's or young person's views", blank=True)
    views_family = models.TextField("The parents' or carers' views", blank=True)
    interests = models.TextField("Interests and what people like about them", blank=True)
    aspirations = models.TextField("Aspirations for the future", blank=True)
    history = models.TextField("Summary of their history", blank=True)
    # Section I: the school or other institution, or the type only.
    placement_setting = models.ForeignKey(
        Setting, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    placement_type = models.CharField(
        max_length=40, blank=True, choices=codes.ESTABLISHMENT_TYPES.choices()
    )
    # Section J: personal budget, including direct payments.
    personal_budget = models.TextField("Personal budget arrangements", blank=True)
    direct_payments = models.BooleanField(default=False)
    # Section K: the advice and information the plan rests on.
    advice = models.ManyToManyField("advice.AdviceRequest", blank=True, related_name="plans")

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_number_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number} of {self.plan.case}"

    @property
    def is_issued(self) -> bool:
        return self.issued_at is not None

    @property
    def is_draft(self) -> bool:
        """A draft or draft amended plan: the family may comment before the final."""
        return self.kind in DRAFT_KINDS

    @property
    def next_kind(self) -> VersionKind:
        return NEXT_KIND[VersionKind(self.kind)]


class NeedSection(models.TextChoices):
    B = "B", "B: Special educational needs"
    C = "C", "C: Health needs related to special educational needs"
    D = "D", "D: Social care needs related to special educational needs or disability"


class Need(models.Model):
    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="needs")
    key = models.UUIDField(default=new_item_key, editable=False, db_index=True)
    section = models.CharField(max_length=1, choices=NeedSection.choices)
    text = models.TextField(max_length=2000)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["section", "order", "id"]

    def __str__(self) -> str:
        return f"Need {self.section}{self.order}"


class AdulthoodArea(models.TextChoices):
    """Preparing for adulthood areas (Code of Practice chapter 8)."""

    EMPLOYMENT = "employment", "Higher education or employment"
    INDEPENDENT_LIVING = "independent_living", "Independent living"
    COMMUNITY = "community", "Friends, relationships and community"
    HEALTH = "health", "Good health"


class Outcome(models.Model):
    """Section E. SMART, with a time frame, and linked to the needs it addresses (CoP 9.66)."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="outcomes")
    key = models.UUIDField(default=new_item_key, editable=False, db_index=True)
    text = models.TextField(max_length=2000)
    time_frame = models.CharField(
        max_length=200, help_text="For example, 'by July 2028, the end of Key Stage 2'."
    )
    achieve_by = models.DateField(null=True, blank=True)
    needs = models.ManyToManyField(Need, related_name="outcomes")
    adulthood_area = models.CharField(max_length=20, blank=True, choices=AdulthoodArea.choices)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"Outcome {self.order}"


class ProvisionSection(models.TextChoices):
    F = "F", "F: Special educational provision"
    G = "G", "G: Health provision"
    H1 = "H1", "H1: Social care provision under section 2 of the CSDPA 1970"
    H2 = "H2", "H2: Other social care provision"


class Provision(models.Model):
    """Sections F, G, H1 and H2: specified and quantified (CoP 9.69)."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="provisions")
    key = models.UUIDField(default=new_item_key, editable=False, db_index=True)
    section = models.CharField(max_length=2, choices=ProvisionSection.choices)
    what = models.TextField("What", max_length=2000)
    who = models.CharField("Who delivers it", max_length=200)
    how_often = models.CharField("How often", max_length=200)
    how_long = models.CharField("For how long", max_length=200)
    group_size = models.CharField("Group size or ratio", max_length=100)
    outcomes = models.ManyToManyField(Outcome, related_name="provisions")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["section", "order", "id"]

    def __str__(self) -> str:
        return f"Provision {self.section}{self.order}"


# Annual reviews live in their own module; import them from here like every plan model.
from .models_reviews import AnnualReview as AnnualReview  # noqa: E402
from .models_reviews import Cessation as Cessation  # noqa: E402
from .models_reviews import ReviewDecision as ReviewDecision  # noqa: E402
