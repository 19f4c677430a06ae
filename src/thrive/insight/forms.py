"""The dashboard's filter: which period, and which breakdown. A GET form, so the choice stays
in the address and can be bookmarked or shared."""

import datetime as dt
from typing import Any

from django import forms

from thrive.core.forms import DateField, GovUKForm

from .breakdowns import BREAKDOWNS, Breakdown
from .periods import Period, calendar_year, latest_full_year, rolling_12_months

YEAR, ROLLING = "year", "rolling"
DEFAULT_BREAKDOWN = "locality"


class DashboardForm(GovUKForm):
    period = forms.ChoiceField(
        label="Period",
        choices=[(YEAR, "A calendar year"), (ROLLING, "The 12 months up to a date")],
        widget=forms.RadioSelect,
        required=False,
    )
    year = forms.TypedChoiceField(label="Calendar year", coerce=int, required=False)
    end = DateField(
        label="Last day of the 12 months",
        noun="the last day of the 12 months",
        required=False,
        help_text="For example, 31 3 2026",
    )
    breakdown = forms.ChoiceField(
        label="Compare groups by",
        choices=[(b.key, b.name) for b in BREAKDOWNS.values()],
        required=False,
    )

    def __init__(self, *args: Any, years: list[int], today: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        year: Any = self.fields["year"]
        year.choices = [(y, str(y)) for y in years]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        end = data.get("end")
        if data.get("period") == ROLLING and end is None and "end" not in self.errors:
            self.add_error("end", "Enter the last day of the 12 months")
        if end is not None and end > self.today:
            self.add_error("end", "The last day of the 12 months must be today or in the past")
        return data

    def chosen_period(self) -> Period:
        """The period asked for; last calendar year when nothing (valid) was asked for."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        if data.get("period") == ROLLING and data.get("end"):
            return rolling_12_months(data["end"])
        if data.get("year"):
            return calendar_year(data["year"])
        return latest_full_year(self.today)

    def chosen_breakdown(self) -> Breakdown:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return BREAKDOWNS[data.get("breakdown") or DEFAULT_BREAKDOWN]
