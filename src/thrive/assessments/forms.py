"""Forms for opening a case and recording each step, in GOV.UK style."""

from typing import Any

from django import forms

from thrive.core.forms import DateField, GovUKForm
from thrive.law import clock, codes
from thrive.people.models import Setting

YES_NO = [("yes", "Yes"), ("no", "No")]

# What each step asks for, and how its date is worded.
STEP_QUESTIONS: dict[clock.EventKind, tuple[str, str, tuple[str, ...]]] = {
    clock.EventKind.DECISION_TO_ASSESS: (
        "Date the decision was sent to the family",
        "the date the decision was sent",
        ("outcome", "note"),
    ),
    clock.EventKind.ADVICE_REQUESTED: (
        "Date advice was requested",
        "the date advice was requested",
        ("contributor",),
    ),
    clock.EventKind.ADVICE_RECEIVED: (
        "Date advice was received",
        "the date advice was received",
        ("contributor",),
    ),
    clock.EventKind.DECISION_TO_ISSUE: (
        "Date of the decision",
        "the date of the decision",
        ("outcome", "note"),
    ),
    clock.EventKind.DRAFT_ISSUED: (
        "Date the draft plan was served",
        "the date the draft plan was served",
        ("note",),
    ),
    clock.EventKind.COMMENTS_RECEIVED: (
        "Date the family's comments were received",
        "the date the comments were received",
        ("note",),
    ),
    clock.EventKind.FINAL_ISSUED: (
        "Date the final plan was issued",
        "the date the final plan was issued",
        ("note",),
    ),
    clock.EventKind.EXCEPTION_STARTED: (
        "Date the exception began",
        "the date the exception began",
        ("exception", "note"),
    ),
    clock.EventKind.EXCEPTION_ENDED: (
        "Date the exception ended",
        "the date the exception ended",
        ("exception",),
    ),
    clock.EventKind.WITHDRAWN: (
        "Date the request was withdrawn",
        "the date the request was withdrawn",
        ("note",),
    ),
}

OUTCOME_LABELS = {
    clock.EventKind.DECISION_TO_ASSESS: "Did the council decide to carry out an assessment?",
    clock.EventKind.DECISION_TO_ISSUE: "Did the council decide to issue an EHC plan?",
}


class StepForm(GovUKForm):
    def __init__(self, kind: clock.EventKind, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        label, noun, extra = STEP_QUESTIONS[kind]
        self.fields["on"] = DateField(label=label, noun=noun)
        if "outcome" in extra:
            self.fields["outcome"] = forms.ChoiceField(
                label=OUTCOME_LABELS[kind],
                choices=YES_NO,
                widget=forms.RadioSelect,
                error_messages={"required": "Select yes or no"},
            )
        if "contributor" in extra:
            self.fields["contributor"] = forms.ChoiceField(
                label="Who is the advice from?",
                widget=forms.RadioSelect,
                choices=[(c.value, c.label) for c in clock.Contributor],
                error_messages={"required": "Select who the advice is from"},
            )
        if "exception" in extra:
            self.fields["exception"] = forms.ChoiceField(
                label="Which exception applies?",
                widget=forms.RadioSelect,
                choices=[(e.value, e.label) for e in clock.ExceptionReason],
                error_messages={"required": "Select which exception applies"},
            )
        if "note" in extra:
            self.fields["note"] = forms.CharField(
                label="Reason or note (optional)",
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 4}),
                help_text="Do not include more personal information than the case needs.",
                error_messages={"max_length": "Note must be 2,000 characters or fewer"},
            )

    def law_event(self) -> clock.Event:
        data = self.cleaned_data
        return clock.Event(
            kind=self.kind,
            on=data["on"],
            outcome=(data["outcome"] == "yes") if "outcome" in data else None,
            contributor=clock.Contributor(data["contributor"]) if data.get("contributor") else None,
            exception=clock.ExceptionReason(data["exception"]) if data.get("exception") else None,
        )


def _choices(code_list: codes.CodeList, blank: str) -> list[tuple[str, str]]:
    return [("", blank), *code_list.choices()]


class NewRequestForm(GovUKForm):
    """A request for an EHC needs assessment for a child not yet known to the service."""

    first_name = forms.CharField(
        label="First name",
        max_length=100,
        error_messages={"required": "Enter the child's first name"},
    )
    last_name = forms.CharField(
        label="Last name",
        max_length=100,
        error_messages={"required": "Enter the child's last name"},
    )
    date_of_birth = DateField(
        label="Date of birth", noun="the child's date of birth", help_text="For example, 27 3 2015"
    )
    sex = forms.ChoiceField(
        label="Sex",
        choices=codes.SEXES.choices(),
        widget=forms.RadioSelect,
        error_messages={"required": "Select the child's sex"},
    )
    ethnicity = forms.ChoiceField(
        label="Ethnicity",
        choices=_choices(codes.ETHNICITIES, "Select"),
        error_messages={"required": "Select the child's ethnicity"},
    )
    postcode = forms.CharField(label="Home postcode", max_length=10, required=False)
    upn = forms.CharField(
        label="Unique pupil number (UPN) (optional)",
        max_length=13,
        required=False,
        help_text="13 characters, for example B801200005001",
    )
    nhs_number = forms.CharField(
        label="NHS number (optional)",
        max_length=12,
        required=False,
        help_text="10 digits, for example 943 476 5870",
    )
    primary_need = forms.ChoiceField(
        label="Main area of need, if known",
        required=False,
        choices=_choices(codes.SEN_TYPES, "Not known yet"),
    )
    setting = forms.ModelChoiceField(
        label="Current school, college or early years setting",
        required=False,
        queryset=Setting.objects.order_by("name"),
        empty_label="None or not known",
    )
    received_on = DateField(
        label="Date the request was received", noun="the date the request was received"
    )
    request_source = forms.ChoiceField(
        label="Who made the request?",
        choices=codes.REQUEST_SOURCES.choices(),
        widget=forms.RadioSelect,
        error_messages={"required": "Select who made the request"},
    )


class ReassignForm(GovUKForm):
    case_officer: "forms.ModelChoiceField[Any]" = forms.ModelChoiceField(
        label="New case officer",
        queryset=None,
        empty_label="Select",
        error_messages={"required": "Select a case officer"},
    )

    def __init__(self, *args: Any, officers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["case_officer"].queryset = officers  # type: ignore[attr-defined]


class CaseloadFilterForm(forms.Form):
    stage = forms.ChoiceField(
        label="Stage",
        required=False,
        choices=[("", "All open stages"), *[(s.value, s.label) for s in clock.Stage if s.is_open]],
    )
    case_officer = forms.TypedChoiceField(
        label="Case officer", required=False, coerce=int, empty_value=None, choices=[]
    )
    need = forms.ChoiceField(
        label="Main area of need", required=False, choices=_choices(codes.SEN_TYPES, "All")
    )
    overdue = forms.BooleanField(label="Only overdue", required=False)
    due_soon = forms.BooleanField(label="Only due in the next 14 days", required=False)
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[
            ("deadline", "Next deadline"),
            ("received", "Date request received"),
            ("name", "Child's last name"),
        ],
    )

    def __init__(self, *args: Any, officers: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["case_officer"].choices = [("", "All"), *officers]  # type: ignore[attr-defined]
