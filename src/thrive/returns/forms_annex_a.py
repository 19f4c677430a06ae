"""The Annex A page's one question: the reference date of the lists. A GET form, so the date
stays in the address (a date, never personal data) and the download can repeat it."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError

from thrive.core.forms import DateField, GovUKForm


class AnnexAForm(GovUKForm):
    reference_date = DateField(
        label="Reference date",
        noun="the reference date",
        help_text="The day the lists describe, usually the day the inspection was announced. "
        "For example, 15 1 2026",
    )

    def __init__(self, *args: Any, today: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["reference_date"].initial = today

    def clean_reference_date(self) -> dt.date:
        on: dt.date = self.cleaned_data["reference_date"]
        if on > self.today:
            raise ValidationError("The reference date must be today or in the past", code="future")
        return on

    def chosen_date(self) -> dt.date | None:
        """The date asked for; today when nothing was asked; None when the answer is wrong."""
        if not self.is_bound:
            return self.today
        return self.cleaned_data["reference_date"] if self.is_valid() else None
