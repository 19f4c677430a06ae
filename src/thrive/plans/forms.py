"""Forms for writing a plan, in GOV.UK style. They check what a person typed; the services
check the rules (an issued version, the golden thread, the law)."""

from typing import Any

from django import forms

from thrive.core.forms import DateField, GovUKForm
from thrive.law import codes
from thrive.people.models import Setting

from . import selectors
from .models import AdulthoodArea, NeedSection, ProvisionSection

LONG_TEXT = 4000
NO_SETTING = "None: give the type of setting only"


def _section_choices(sections: Any) -> list[tuple[str, str]]:
    return [(code, selectors.SECTION_TITLES[code]) for code in sections.values]


def _textarea(label: str, missing: str = "", limit: int = 2000, **extra: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=bool(missing),
        max_length=limit,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": missing,
            "max_length": f"{label} must be {limit:,} characters or fewer",
        },
        **extra,
    )


def _text(label: str, missing: str, limit: int = 200, **extra: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=limit,
        error_messages={
            "required": missing,
            "max_length": f"{label} must be {limit:,} characters or fewer",
        },
        **extra,
    )


class NumberedChoices(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Needs or outcomes as checkboxes, each shown by its number and the start of its text."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, *args: Any, numbers: dict[int, str], **kwargs: Any) -> None:
        self.numbers = numbers
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj: Any) -> str:
        text = obj.text if len(obj.text) <= 90 else obj.text[:88].rstrip() + "…"
        return f"{self.numbers[obj.pk]}: {text}"


class ViewsForm(GovUKForm):
    """Section A. Every field may be empty while the plan is written."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in selectors.VIEWS_FIELDS:
            self.fields[name] = _textarea(selectors.views_label(name), limit=LONG_TEXT)


class NeedForm(GovUKForm):
    section = forms.ChoiceField(
        label="Which section does the need belong in?",
        choices=_section_choices(NeedSection),
        widget=forms.RadioSelect,
        error_messages={"required": "Select which section the need belongs in"},
    )
    text = _textarea(
        "Describe the need",
        "Enter the need",
        help_text="Say what the child or young person finds hard and how it affects their "
        "learning or daily life.",
    )


class OutcomeForm(GovUKForm):
    text = _textarea(
        "What should be different for the child or young person?",
        "Enter the outcome",
        help_text="An outcome is the difference the plan should make, not the help given. "
        "Make it specific and measurable.",
    )
    time_frame = _text(
        "By when?",
        "Enter when the outcome should be achieved",
        help_text="For example, 'by July 2028, the end of Key Stage 2'.",
    )
    achieve_by = DateField(
        label="Date to achieve it by (optional)",
        noun="the date to achieve it by",
        required=False,
        help_text="For example, 31 7 2028",
    )
    adulthood_area = forms.ChoiceField(
        label="Preparing for adulthood area (optional)",
        required=False,
        choices=[("", "Not a preparing for adulthood outcome"), *AdulthoodArea.choices],
        help_text="From Year 9, outcomes should prepare the young person for adult life.",
    )

    def __init__(self, *args: Any, needs: Any, numbers: dict[int, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["needs"] = NumberedChoices(
            queryset=needs,
            numbers=numbers,
            label="Which needs does it address?",
            help_text="Select all that apply.",
            error_messages={"required": "Select at least one need this outcome addresses"},
        )
        self.order_fields(["text", "time_frame", "achieve_by", "needs", "adulthood_area"])


class ProvisionForm(GovUKForm):
    section = forms.ChoiceField(
        label="Which section does the provision belong in?",
        choices=_section_choices(ProvisionSection),
        widget=forms.RadioSelect,
        error_messages={"required": "Select which section the provision belongs in"},
    )
    what = _textarea(
        "What is the provision?",
        "Enter what the provision is",
        help_text="Be specific. Words like 'access to' or 'support' are not enough on their own.",
    )
    who = _text(
        "Who will deliver it?",
        "Enter who will deliver the provision",
        help_text="A role, qualification or level of expertise, for example 'a specialist "
        "teacher for hearing impairment'.",
    )
    how_often = _text(
        "How often?",
        "Enter how often the provision happens",
        help_text="For example, '3 sessions of 30 minutes a week'.",
    )
    how_long = _text(
        "For how long?",
        "Enter how long the provision lasts",
        help_text="For example, 'for the school year, reviewed each term'.",
    )
    group_size = _text(
        "Group size or ratio",
        "Enter the group size or ratio",
        limit=100,
        help_text="For example, '1 to 1' or 'a group of 4'.",
    )

    def __init__(self, *args: Any, outcomes: Any, numbers: dict[int, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcomes"] = NumberedChoices(
            queryset=outcomes,
            numbers=numbers,
            label="Which outcomes does it work towards?",
            help_text="Select all that apply.",
            error_messages={"required": "Select at least one outcome this provision works towards"},
        )
        self.order_fields(["section", "what", "who", "how_often", "how_long", "group_size"])


class PlacementForm(GovUKForm):
    placement_setting: "forms.ModelChoiceField[Any]" = forms.ModelChoiceField(
        label="School, college or other institution to name",
        required=False,
        queryset=Setting.objects.order_by("name"),
        empty_label=NO_SETTING,
        help_text="If you name one, its type is recorded with it.",
    )
    placement_type = forms.ChoiceField(
        label="Type of setting, if none is named",
        required=False,
        choices=[("", "Select a type"), *codes.ESTABLISHMENT_TYPES.choices()],
    )


class BudgetForm(GovUKForm):
    personal_budget = _textarea(
        "Personal budget",
        limit=LONG_TEXT,
        help_text="What the personal budget pays for. If any provision is paid for by direct "
        "payments, say which needs and outcomes it meets.",
    )
    direct_payments = forms.BooleanField(
        label="Some provision is secured by direct payments", required=False
    )


class AdviceForm(GovUKForm):
    def __init__(self, *args: Any, advice: Any, labels: dict[int, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = forms.ModelMultipleChoiceField(
            queryset=advice,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label="Which advice does the plan rest on?",
            help_text="Select all that apply. Only advice that has been given is listed.",
        )
        field.label_from_instance = lambda obj: labels[obj.pk]  # type: ignore[method-assign]
        self.fields["advice"] = field


class IssueDraftForm(GovUKForm):
    served_on = DateField(
        label="Date the draft plan is served on the family",
        noun="the date the draft plan is served",
        help_text="The family's 15 days begin on this day. For example, 27 3 2026",
    )


class IssueFinalForm(GovUKForm):
    issued_on = DateField(
        label="Date the final plan is issued",
        noun="the date the final plan is issued",
        help_text="The family's 2 months to appeal run from the letter sent with the plan. "
        "For example, 27 3 2026",
    )
