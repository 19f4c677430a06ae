"""Forms for ceasing a plan, in GOV.UK style. They check what a person typed; the service
checks the law (the ground for each reason, a child under 18, dates in the future)."""

from django import forms

from thrive.core.forms import DateField, GovUKForm
from thrive.law import codes
from thrive.law.reviews import CeaseGround

TEXT_LIMIT = 2000


def _text(label: str, *, help_text: str, missing: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": missing,
            "max_length": f"Must be {TEXT_LIMIT:,} characters or fewer",
        },
    )


class CeaseForm(GovUKForm):
    reason = forms.ChoiceField(
        label="Why is the plan ceasing?",
        help_text="The reason as reported in the SEN2 return.",
        choices=codes.CEASE_REASONS.choices(),
        widget=forms.RadioSelect,
        error_messages={"required": "Select the reason the plan is ceasing"},
    )
    ground = forms.ChoiceField(
        label="The ground for ceasing (only for 'Other')",
        help_text="Every other reason has its own ground in the Children and Families Act 2014, "
        "s.45. Leave this blank for them.",
        choices=CeaseGround.choices(),
        widget=forms.RadioSelect,
        required=False,
    )
    reasons_given = _text(
        "The reasons given to the family",
        help_text="These appear on the notice of the decision the family can read.",
        missing="Enter the reasons given to the family",
    )
    consulted_on = DateField(
        label="Date the family and the head or principal were consulted",
        noun="the date the family and the head or principal were consulted",
        help_text="They must be consulted before the decision. Leave blank only if the child or "
        "young person has died. For example, 27 3 2027",
        required=False,
    )
    notified_on = DateField(
        label="Date the family was told of the decision",
        noun="the date the family was told of the decision",
        help_text="For example, 27 3 2027",
    )


class CeaseWithdrawForm(GovUKForm):
    withdrawn_on = DateField(
        label="Date the decision was withdrawn",
        noun="the date the decision was withdrawn",
        help_text="For example, 27 3 2027",
    )
    why = _text(
        "Why is the decision withdrawn?",
        help_text="For example, the council changed its mind, or the Tribunal ordered the plan "
        "to be maintained.",
        missing="Enter why the decision is withdrawn",
    )
