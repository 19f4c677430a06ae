"""The choice of a progress report: who it is for, its period and the next meeting."""

from typing import Any

from django import forms

from thrive.core.forms import DateField, GovUKForm

from .models import Audience
from .selectors_reports import ReportChoice


class ReportForm(GovUKForm):
    audience = forms.ChoiceField(
        label="Who is the report for?",
        choices=Audience.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select who the report is for"},
    )
    start = DateField(
        label="First day of the period",
        noun="the first day of the period",
        help_text="For example, 1 1 2026",
    )
    end = DateField(
        label="Last day of the period",
        noun="the last day of the period",
        help_text="For example, 31 3 2026",
    )
    next_meeting_on = DateField(
        label="Date of the next meeting",
        noun="the date of the next meeting",
        help_text="Actions due by this day are listed. For example, 20 4 2026",
    )

    def choice(self) -> ReportChoice:
        data: dict[str, Any] = self.cleaned_data
        return ReportChoice(
            audience=data["audience"],
            start=data["start"],
            end=data["end"],
            next_meeting_on=data["next_meeting_on"],
        )
