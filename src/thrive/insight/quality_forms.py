"""The plan quality page's filter (the dashboard's period, without its breakdown) and the
figure a drill-down asks for. Both are GET forms, so the choice stays in the address."""

import datetime as dt
import re
from typing import Any

from django import forms

from thrive.quality.models import SECTIONS, Rating

from .forms import ROLLING, YEAR, DashboardForm
from .periods import Period
from .quality import BETTER, Drill


class QualityForm(DashboardForm):
    """A calendar year or the 12 months up to a date, as on the dashboard."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["breakdown"]


def period_query(period: Period) -> dict[str, str]:
    """The address's query that asks for `period` again: a drill-down link names its period,
    so it shows the same plans whatever day it is followed."""
    if (period.start.month, period.start.day, period.end.month, period.end.day) == (1, 1, 12, 31):
        return {"period": YEAR, "year": str(period.end.year)}
    end = period.end
    return {
        "period": ROLLING,
        "end_day": str(end.day),
        "end_month": str(end.month),
        "end_year": str(end.year),
    }


PLANS, AUDITS = "plans", "audits"
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class DrillForm(forms.Form):
    """Which figure's plans to list: issued plans (with or without a complete audit), or
    completed audits narrowed by rating, a section's grade, month, team, locality or check.
    A team or locality given as "" is the group with none recorded."""

    list = forms.ChoiceField(choices=[(PLANS, "Plans issued"), (AUDITS, "Audits completed")])
    audited = forms.ChoiceField(choices=[("", ""), ("yes", "Yes"), ("no", "No")], required=False)
    rating = forms.ChoiceField(
        choices=[("", ""), *Rating.choices, (BETTER, "Good or better")], required=False
    )
    section = forms.ChoiceField(choices=[("", ""), *((s, s) for s in SECTIONS)], required=False)
    section_rating = forms.ChoiceField(choices=[("", ""), *Rating.choices], required=False)
    month = forms.CharField(required=False, max_length=7)
    team = forms.CharField(required=False, max_length=80, strip=False)
    locality = forms.CharField(required=False, max_length=8, strip=False)
    check = forms.CharField(required=False, max_length=100)

    def clean_month(self) -> dt.date | None:
        value = self.cleaned_data.get("month") or ""
        if not value:
            return None
        match = _MONTH.match(value)
        if match is None or not 1 <= int(match[2]) <= 12:
            raise forms.ValidationError("Enter a month as YYYY-MM")
        return dt.date(int(match[1]), int(match[2]), 1)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("section_rating") and not data.get("section"):
            self.add_error("section_rating", "Say which section")
        return data

    def is_plans(self) -> bool:
        return bool(self.cleaned_data["list"] == PLANS)

    def audited_choice(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.cleaned_data.get("audited") or "")

    def drill(self) -> Drill:
        data = self.cleaned_data
        return Drill(
            rating=data.get("rating") or "",
            section=data.get("section") or "",
            section_rating=data.get("section_rating") or "",
            month=data.get("month"),
            team=data["team"] if "team" in self.data else None,
            locality=data["locality"] if "locality" in self.data else None,
            check=data.get("check") or "",
        )
