"""Forms for the strategy and plan. They check the shape of what was typed; the services check
the rules (evidence before complete, a real dashboard measure, dates in order)."""

from typing import Any

from django import forms

from thrive.core.forms import DateField, GovUKForm
from thrive.insight.measures import MEASURES

from .models import ActionStatus, EvidenceKind, Partner
from .selectors_programme import possible_owners


class _OwnerChoice(forms.ModelChoiceField[Any]):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj} ({obj.get_role_display()})"


def _owner_field(label: str, required: bool = True) -> _OwnerChoice:
    return _OwnerChoice(
        queryset=possible_owners(),
        label=label,
        required=required,
        empty_label="Select a person" if required else "No lead",
        error_messages={"required": f"Select {label.lower()}"},
    )


class PriorityForm(GovUKForm):
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter the priority's title"}
    )
    description = forms.CharField(label="Description", required=False, widget=forms.Textarea)
    source = forms.CharField(
        label="Where it comes from",
        required=False,
        max_length=200,
        help_text="For example, 'SEND strategy 2025 to 2028' or 'Written statement of action'.",
    )
    order = forms.IntegerField(
        label="Order on the page", min_value=0, max_value=999, initial=0, required=False
    )


class WorkstreamForm(GovUKForm):
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter the workstream's title"}
    )
    order = forms.IntegerField(
        label="Order on the page", min_value=0, max_value=999, initial=0, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead"] = _owner_field("Lead", required=False)


class ActionForm(GovUKForm):
    title = forms.CharField(
        label="Action", max_length=200, error_messages={"required": "Enter the action"}
    )
    description = forms.CharField(label="Description", required=False, widget=forms.Textarea)
    partner = forms.ChoiceField(
        label="Partner organisation",
        choices=Partner.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the partner organisation"},
    )
    due_on = DateField(label="Due date", noun="the due date", help_text="For example, 27 3 2027")
    status = forms.ChoiceField(
        label="Status",
        choices=ActionStatus.choices,
        widget=forms.RadioSelect,
        initial=ActionStatus.NOT_STARTED,
        error_messages={"required": "Select the action's status"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"] = _owner_field("Owner")
        self.order_fields(["title", "description", "owner", "partner", "due_on", "status"])


class ActionStatusForm(GovUKForm):
    status = forms.ChoiceField(
        label="Status",
        choices=ActionStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the action's status"},
    )


class EvidenceForm(GovUKForm):
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter a title for the evidence"}
    )
    kind = forms.ChoiceField(
        label="Kind of evidence",
        choices=EvidenceKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what kind of evidence this is"},
    )
    file = forms.FileField(label="Document (for a document)", required=False)
    url = forms.URLField(
        label="Address (for a link)",
        required=False,
        max_length=200,
        error_messages={"invalid": "Enter the link's address in full, starting https://"},
    )
    note = forms.CharField(label="Note (for a note)", required=False, widget=forms.Textarea)


class MilestoneForm(GovUKForm):
    title = forms.CharField(
        label="Milestone", max_length=200, error_messages={"required": "Enter the milestone"}
    )
    due_on = DateField(label="Due date", noun="the due date", help_text="For example, 27 3 2027")
    achieved_on = DateField(
        label="Date achieved",
        noun="the date achieved",
        required=False,
        help_text="Leave blank until it is achieved.",
    )


def _decimal(label: str, noun: str) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        max_digits=10,
        decimal_places=2,
        error_messages={"required": f"Enter {noun}", "invalid": f"Enter {noun} as a number"},
    )


class MeasureTargetForm(GovUKForm):
    measure_key = forms.ChoiceField(
        label="Dashboard measure",
        choices=[("", "Select a measure")] + [(m.key, m.name) for m in MEASURES],
        error_messages={"required": "Select a measure from the dashboard"},
    )
    baseline_value = _decimal("Baseline value", "the baseline value")
    baseline_on = DateField(label="Baseline date", noun="the baseline date")
    target_value = _decimal("Target value", "the target value")
    target_on = DateField(label="Target date", noun="the target date")


class TrajectoryPointForm(GovUKForm):
    on = DateField(label="Date", noun="the date")
    value = _decimal("Expected value", "the expected value")
