"""People who sign in to Thrive, and the role that decides what they may do."""

from django.contrib.auth.models import AbstractUser
from django.db import models


class Role(models.TextChoices):
    CASE_OFFICER = "case_officer", "EHC case officer"
    SEND_MANAGER = "send_manager", "SEND manager"
    ADMINISTRATOR = "administrator", "Administrator"


class User(AbstractUser):
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.CASE_OFFICER)
    team = models.CharField(max_length=80, blank=True, help_text="For example, 'North locality'.")

    @property
    def can_do_casework(self) -> bool:
        from .policy import can_do_casework

        return can_do_casework(self)

    @property
    def can_administer(self) -> bool:
        from .policy import can_administer

        return can_administer(self)

    def __str__(self) -> str:
        return self.get_full_name() or self.username
