"""Filters for the work queue and the phase transfers page (GET forms: nothing is written)."""

from typing import Any

from django import forms

from thrive.core.forms import GovUKForm

from .selectors_transfers import TRANSFERS, TransferStatus

STATES = [
    ("", "Overdue or due in the next 4 weeks"),
    ("overdue", "Overdue"),
    ("due_soon", "Due in the next 4 weeks"),
    ("all", "Everything due"),
]


class QueueFilterForm(GovUKForm):
    team = forms.ChoiceField(label="Team", required=False, choices=[])
    officer = forms.TypedChoiceField(
        label="Case officer", required=False, coerce=int, empty_value=None, choices=[]
    )
    state = forms.ChoiceField(label="Show", required=False, choices=STATES)

    def __init__(
        self, *args: Any, teams: list[str], officers: list[tuple[int, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = [("", "All teams"), *[(t, t) for t in teams]]  # type: ignore[attr-defined]
        self.fields["officer"].choices = [("", "Everyone"), *officers]  # type: ignore[attr-defined]


class TransferFilterForm(GovUKForm):
    year = forms.TypedChoiceField(
        label="Transfer in September", required=False, coerce=int, empty_value=None, choices=[]
    )
    transfer = forms.ChoiceField(
        label="Transfer",
        required=False,
        choices=[("", "All transfers"), *[(t.value, t.label) for t in TRANSFERS]],
    )
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "All"), *[(s.value, s.label) for s in TransferStatus]],
    )

    def __init__(self, *args: Any, years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y, str(y)) for y in years]  # type: ignore[attr-defined]
