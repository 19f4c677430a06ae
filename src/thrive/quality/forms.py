"""Audit forms in GOV.UK style. They check what a person chose and typed; the services check the
rules (who rates what, the state of the audit)."""

from typing import Any

from django import forms

from thrive.core.forms import GovUKForm

from .models import SECTIONS, Agency, Criterion, Rating
from .presenters import section_title
from .services import Given
from .services.frameworks import MAX_WEIGHT

COMMENT_LIMIT = 2000
NEEDS_COMMENT = "Say what needs to improve, for a rating below good"


def _textarea(label: str, *, required: bool, missing: str = "", rows: int = 3, **extra: Any) -> Any:
    return forms.CharField(
        label=label,
        required=required,
        max_length=COMMENT_LIMIT,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={
            "required": missing,
            "max_length": f"{label} must be {COMMENT_LIMIT:,} characters or fewer",
        },
        **extra,
    )


def _ratings(label: str, help_text: str = "", *, required: bool, missing: str = "") -> Any:
    return forms.ChoiceField(
        label=label,
        help_text=help_text,
        required=required,
        choices=Rating.choices,
        widget=forms.RadioSelect,
        error_messages={"required": missing},
    )


class RatingForm(GovUKForm):
    """A rating and a comment for each criterion the auditor may rate. Criteria left unrated
    stay unrated; a rating below good needs a comment."""

    def __init__(
        self, *args: Any, criteria: list[Criterion], numbers: dict[int, str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        self.numbers = numbers
        for criterion in criteria:
            number = self.numbers[criterion.pk]
            self.fields[f"rating_{criterion.pk}"] = _ratings(
                f"{number}: {criterion.text}", criterion.guidance, required=False
            )
            self.fields[f"comment_{criterion.pk}"] = _textarea(
                f"Comment on {number}",
                required=False,
                help_text="Needed for a rating below good: say what needs to improve.",
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for criterion in self.criteria:
            rating = data.get(f"rating_{criterion.pk}")
            comment = (data.get(f"comment_{criterion.pk}") or "").strip()
            if rating and not Rating(rating).grade.is_good_enough and not comment:
                self.add_error(f"comment_{criterion.pk}", NEEDS_COMMENT)
            elif comment and not rating:
                self.add_error(
                    f"rating_{criterion.pk}",
                    f"Select a rating for {self.numbers[criterion.pk]}, or remove the comment",
                )
        return data

    def given(self) -> dict[int, Given]:
        """The ratings chosen, by criterion id, for `services.audit_rate`."""
        return {
            c.pk: Given(rating, self.cleaned_data.get(f"comment_{c.pk}", ""))
            for c in self.criteria
            if (rating := self.cleaned_data.get(f"rating_{c.pk}"))
        }

    def sections(self) -> list[dict[str, Any]]:
        """The fields grouped by section, for the template."""
        grouped: dict[str, list[dict[str, Any]]] = {}
        for criterion in self.criteria:
            grouped.setdefault(criterion.section, []).append(
                {
                    "rating": self[f"rating_{criterion.pk}"],
                    "comment": self[f"comment_{criterion.pk}"],
                }
            )
        return [
            {"code": code, "title": section_title(code), "fields": fields}
            for code, fields in grouped.items()
        ]


class ModerationForm(GovUKForm):
    """An agreed rating for each criterion the auditors disagree about, and the reason."""

    def __init__(
        self, *args: Any, criteria: list[Criterion], numbers: dict[int, str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"agreed_{criterion.pk}"] = _ratings(
                f"Agreed rating for {numbers[criterion.pk]}",
                required=True,
                missing="Select the rating agreed for each criterion the auditors disagree about",
            )
        self.fields["reason"] = _textarea(
            "Why did you agree these ratings?",
            required=True,
            missing="Say why you agreed these ratings",
            rows=5,
            help_text="The auditors and the case work team will read this.",
        )

    def agreed(self) -> dict[int, str]:
        return {c.pk: self.cleaned_data[f"agreed_{c.pk}"] for c in self.criteria}


class OverrideForm(GovUKForm):
    reason = _textarea(
        "Why should this version be issued as it is?",
        required=True,
        missing="Say why the plan should be issued",
        rows=6,
        help_text="For example, a tribunal order or a date the family cannot wait beyond. "
        "This is kept in the audit log.",
    )


class CriterionForm(GovUKForm):
    section = forms.ChoiceField(
        label="Which section of the plan is it about?",
        choices=[("", "Select a section"), *((code, section_title(code)) for code in SECTIONS)],
        error_messages={"required": "Select the section the criterion is about"},
    )
    text = forms.CharField(
        label="What should the auditor check?",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Enter the criterion",
            "max_length": "The criterion must be 300 characters or fewer",
        },
        help_text="One thing a good plan does, for example 'Every outcome says by when'.",
    )
    guidance = _textarea(
        "Guidance for auditors (optional)",
        required=False,
        rows=4,
        help_text="What to look for, and where the standard comes from.",
    )
    agency = forms.ChoiceField(
        label="Who rates it?",
        choices=Agency.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select who rates the criterion"},
    )
    weight = forms.TypedChoiceField(
        label="Weight",
        coerce=int,
        choices=[(n, str(n)) for n in range(1, MAX_WEIGHT + 1)],
        widget=forms.RadioSelect,
        error_messages={"required": f"Select a weight of 1 to {MAX_WEIGHT}"},
        help_text="How much it counts towards the section's and the plan's rating: 1 is least.",
    )
