"""What families tell the council: "all about me" views for section A, and responses to a
draft plan. Given through the portal, or recorded by the council on the family's behalf."""

from typing import Any, cast

from django.conf import settings
from django.db import models

from thrive.assessments.models import Case
from thrive.people.models import Setting


class OnBehalfMethod(models.TextChoices):
    """How the council took down views a family gave without using Thrive themselves."""

    PAPER = "paper", "On paper"
    PHONE = "phone", "By phone"
    MEETING = "meeting", "At a meeting"


class FamilyViews(models.Model):
    """'All about me' for section A, given by the family or young person, or recorded by the
    council on their behalf so no family needs a computer."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="family_views")
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    on_behalf_method = models.CharField(max_length=10, blank=True, choices=OnBehalfMethod.choices)
    given_at = models.DateTimeField(auto_now_add=True)
    about_me = models.TextField("What people like and admire about me", blank=True)
    important_to_me = models.TextField("What is important to me", blank=True)
    hard_for_me = models.TextField("What I find hard", blank=True)
    support_me = models.TextField("How best to support me", blank=True)
    hopes = models.TextField("My hopes for the future", blank=True)

    #: The five "all about me" questions, in the order they are asked.
    QUESTIONS = ("about_me", "important_to_me", "hard_for_me", "support_me", "hopes")

    class Meta:
        ordering = ["-given_at", "-id"]
        verbose_name_plural = "family views"

    def __str__(self) -> str:
        return f"Family views {self.pk} on {self.case}"

    @classmethod
    def question(cls, name: str) -> str:
        """The question as the family reads it: "What I find hard"."""
        field = cast("models.Field[Any, Any]", cls._meta.get_field(name))  # a column
        return str(field.verbose_name)


class DraftResponse(models.Model):
    """The family's response to a draft plan within the 15 days (reg. 13(1)): comments, a
    request for a school or other institution to be named, and whether they want a meeting."""

    version = models.ForeignKey(
        "plans.PlanVersion", on_delete=models.PROTECT, related_name="responses"
    )
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    on_behalf_method = models.CharField(max_length=10, blank=True, choices=OnBehalfMethod.choices)
    given_at = models.DateTimeField(auto_now_add=True)
    comments = models.TextField(blank=True, max_length=8000)
    requested_setting = models.ForeignKey(
        Setting, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    wants_meeting = models.BooleanField(default=False)

    class Meta:
        ordering = ["given_at", "id"]

    def __str__(self) -> str:
        return f"Response {self.pk} to {self.version}"


class ReviewViews(models.Model):
    """What the family or young person wants the annual review meeting to hear, given before
    it (SEND Regulations 2014, reg. 20(2): the review must seek and take account of their
    views), through the portal or recorded by the council on their behalf."""

    review = models.ForeignKey(
        "plans.AnnualReview", on_delete=models.PROTECT, related_name="family_views"
    )
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    on_behalf_method = models.CharField(max_length=10, blank=True, choices=OnBehalfMethod.choices)
    given_at = models.DateTimeField(auto_now_add=True)
    what_is_working = models.TextField("What is working well", blank=True)
    what_is_not_working = models.TextField("What is not working so well", blank=True)
    what_has_changed = models.TextField("What has changed since the plan was written", blank=True)
    hopes = models.TextField("Hopes for the next year and the future", blank=True)
    questions_for_meeting = models.TextField("Questions for the meeting", blank=True)

    #: The questions, in the order they are asked.
    QUESTIONS = (
        "what_is_working",
        "what_is_not_working",
        "what_has_changed",
        "hopes",
        "questions_for_meeting",
    )

    class Meta:
        ordering = ["-given_at", "-id"]
        verbose_name_plural = "review views"

    def __str__(self) -> str:
        return f"Review views {self.pk} on {self.review}"

    @classmethod
    def question(cls, name: str) -> str:
        field = cast("models.Field[Any, Any]", cls._meta.get_field(name))  # a column
        return str(field.verbose_name)
