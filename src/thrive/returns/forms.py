"""The SEN2 page's questions: which collection year, and the LA-level answers Thrive does not
hold. A GET form: the year and the Y/N/R answers stay in the address (never personal data)."""

import datetime as dt
from typing import Any

from django import forms

from thrive.core.forms import GovUKForm
from thrive.returns.sen2.build import collection_year_for

ANSWERS = [("Y", "Yes, in post"), ("N", "No"), ("R", "Recruiting")]
FIRST_YEAR = 2024  # the first collection whose items Thrive writes (Sex, the review items)


class Sen2Form(GovUKForm):
    year = forms.TypedChoiceField(
        label="Collection year",
        coerce=int,
        help_text="The year of the January census. The return counts the calendar year before.",
    )
    dmo = forms.ChoiceField(
        label="Is there a Designated Medical Officer (DMO)?",
        choices=ANSWERS,
        widget=forms.RadioSelect,
        required=False,
    )
    dco = forms.ChoiceField(
        label="Is there a Designated Clinical Officer (DCO)?",
        choices=ANSWERS,
        widget=forms.RadioSelect,
        required=False,
    )
    dsco = forms.ChoiceField(
        label="Is there a Designated Social Care Officer (DSCO)?",
        choices=ANSWERS,
        widget=forms.RadioSelect,
        required=False,
    )

    def __init__(self, *args: Any, today: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        coming = collection_year_for(today)
        year: Any = self.fields["year"]
        year.choices = [(y, str(y)) for y in range(coming, FIRST_YEAR - 1, -1)]
        year.initial = coming


class ConfirmForm(forms.Form):
    """Which query to confirm: one finding (rule, child, case, element) or every open query
    of a rule."""

    rule_id = forms.CharField(max_length=20)
    child_id = forms.IntegerField(required=False)
    case_id = forms.IntegerField(required=False)
    item = forms.CharField(max_length=40, required=False)
    every = forms.BooleanField(required=False)
