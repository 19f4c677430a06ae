"""Forms of the risk register. The scores are chosen from 1 to 5; the services check them
again, so a change made another way is refused the same."""

from typing import Any

from django import forms

from thrive.accounts.models import User
from thrive.core.forms import DateField, GovUKForm

from .selectors_risks import SCORES

#: Who may own a risk: the people who run the programme and the partnership's leads.
OWNER_ROLES = ("programme_officer", "send_manager", "partner_lead", "board_member")

_SCORE_CHOICES = [("", "Choose")] + [(str(n), str(n)) for n in SCORES]


def _score(label: str, hint: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text=hint,
        choices=_SCORE_CHOICES,
        coerce=int,
        error_messages={"required": f"Choose {label.lower()}"},
    )


class OwnerChoiceField(forms.ModelChoiceField[User]):
    def label_from_instance(self, obj: User) -> str:
        return obj.get_full_name() or obj.get_username()


class ScoresForm(GovUKForm):
    likelihood_before = _score(
        "Likelihood before mitigation", "1 is very unlikely, 5 is almost certain"
    )
    impact_before = _score("Impact before mitigation", "1 is very low, 5 is very high")
    likelihood_after = _score(
        "Likelihood after mitigation", "How likely it is with the mitigations in place"
    )
    impact_after = _score("Impact after mitigation", "How great the harm with the mitigations")
    review_on = DateField(label="Next review", noun="the date of the next review")

    def scores(self) -> dict[str, int]:
        return {
            name: self.cleaned_data[name]
            for name in ("likelihood_before", "impact_before", "likelihood_after", "impact_after")
        }


class RiskDetailsForm(GovUKForm):
    title = forms.CharField(label="Risk", max_length=200)
    cause = forms.CharField(label="Cause", widget=forms.Textarea(attrs={"rows": 3}))
    effect = forms.CharField(label="Effect", widget=forms.Textarea(attrs={"rows": 3}))
    owner = OwnerChoiceField(
        label="Owner",
        queryset=User.objects.filter(is_active=True, role__in=OWNER_ROLES).order_by(
            "first_name", "last_name"
        ),
        empty_label="Choose",
    )


class RiskForm(RiskDetailsForm, ScoresForm):
    field_order = ["title", "cause", "effect", "owner"]


class MitigationForm(GovUKForm):
    description = forms.CharField(
        label="Mitigation", widget=forms.Textarea(attrs={"rows": 3}), help_text="What is done"
    )
    action = forms.TypedChoiceField(
        label="Action of the programme (optional)",
        coerce=int,
        empty_value=None,
        required=False,
    )

    def __init__(self, *args: Any, actions: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", "None")] + [  # type: ignore[attr-defined]
            (str(a.pk), f"{a.title} ({a.workstream.title})") for a in actions
        ]


class CloseForm(GovUKForm):
    closed_on = DateField(label="Date closed", noun="the date the risk closed")
