"""People who sign in to Thrive, and the role that decides what they may do."""

from django.contrib.auth.models import AbstractUser
from django.db import models

from thrive.law.clock import Contributor


class Role(models.TextChoices):
    CASE_OFFICER = "case_officer", "EHC case officer"
    SEND_MANAGER = "send_manager", "SEND manager"
    ADMINISTRATOR = "administrator", "Administrator"
    PRACTITIONER = "practitioner", "Practitioner giving advice"
    PARENT = "parent", "Parent or carer"
    YOUNG_PERSON = "young_person", "Young person"
    ANALYST = "analyst", "SEND leader or analyst"
    BOARD_MEMBER = "board_member", "SEND partnership board member"
    PROGRAMME_OFFICER = "programme_officer", "Improvement programme officer"
    PARTNER_LEAD = "partner_lead", "Partner organisation lead"
    INSPECTOR = "inspector", "Inspector (read only, for a limited time)"


class OrganisationKind(models.TextChoices):
    SCHOOL = "school", "School or college"
    EDUCATIONAL_PSYCHOLOGY = "educational_psychology", "Educational psychology service"
    HEALTH = "health", "Health service"
    SOCIAL_CARE = "social_care", "Social care team"
    OTHER = "other", "Other service"


class Organisation(models.Model):
    """A school, college or service that gives advice through a shared inbox, so the work does
    not depend on one person's account."""

    name = models.CharField(max_length=150)
    kind = models.CharField(max_length=30, choices=OrganisationKind.choices)
    setting = models.ForeignKey(
        "people.Setting", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    email = models.EmailField(blank=True, help_text="The inbox notifications go to.")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.CASE_OFFICER)
    team = models.CharField(max_length=80, blank=True, help_text="For example, 'North locality'.")
    discipline = models.CharField(
        max_length=30,
        blank=True,
        choices=[(c.value, c.label) for c in Contributor],
        help_text="For practitioners: the kind of advice they give.",
    )
    organisations = models.ManyToManyField(Organisation, blank=True, related_name="members")
    access_ends_on = models.DateField(
        null=True,
        blank=True,
        help_text="For time-limited accounts such as inspectors': the last day they may sign in.",
    )

    @property
    def can_do_casework(self) -> bool:
        from .policy import can_do_casework

        return can_do_casework(self)

    @property
    def gives_advice(self) -> bool:
        from .policy import is_practitioner

        return is_practitioner(self)

    @property
    def is_family(self) -> bool:
        from .policy import is_family

        return is_family(self)

    @property
    def can_view_insight(self) -> bool:
        from .policy import Action, can

        return can(self, Action.INSIGHT_VIEW)

    @property
    def can_edit_audit_framework(self) -> bool:
        from .policy import Action, can

        return can(self, Action.FRAMEWORK_EDIT)

    @property
    def can_import_caseload(self) -> bool:
        from .policy import Action, can

        return can(self, Action.IMPORT_CASELOAD)

    @property
    def can_view_improvement(self) -> bool:
        from .policy import Action, can

        return can(self, Action.IMPROVEMENT_VIEW)

    @property
    def can_view_forecasts(self) -> bool:
        from .policy import Action, can

        return can(self, Action.FORECAST_VIEW)

    @property
    def can_edit_improvement(self) -> bool:
        """May change the programme as a whole (a partner lead may still update their own
        actions: ask the policy with the action)."""
        from .policy import Action, can

        return can(self, Action.IMPROVEMENT_EDIT)

    @property
    def can_administer(self) -> bool:
        from .policy import can_administer

        return can_administer(self)

    def __str__(self) -> str:
        return self.get_full_name() or self.username
