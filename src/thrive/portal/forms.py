"""Forms for families' views and responses, short and easy to fill in on a phone."""

from typing import Any

from django import forms

from thrive.core.forms import GovUKForm
from thrive.people.models import Setting

from .models import FamilyViews, OnBehalfMethod, ReviewViews
from .services import REVIEW_ANSWER_LIMIT, REVIEW_QUESTIONS, VIEWS_QUESTIONS

ANSWER_LIMIT = 5000
COMMENTS_LIMIT = 8000

_HINTS = {
    "about_me": "For example, what I am good at and what makes me happy.",
    "important_to_me": "For example, people, places, routines or things I enjoy.",
    "hard_for_me": "For example, at school, at home or with friends.",
    "support_me": "For example, what helps me learn, stay calm or join in.",
    "hopes": "For example, what I want to do next year, or when I am older.",
}


def _text_area(label: str, limit: int, hint: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=limit,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": f"{label} must be {limit:,} characters or fewer"},
    )


def _on_behalf_field(label: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=OnBehalfMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the family gave this"},
    )


class FamilyViewsForm(GovUKForm):
    """The five "all about me" questions, each optional (the service asks for at least one)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in VIEWS_QUESTIONS:
            label = FamilyViews.question(name)
            self.fields[name] = _text_area(label, ANSWER_LIMIT, _HINTS[name])

    def answers(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in VIEWS_QUESTIONS}


class FamilyViewsRecordForm(FamilyViewsForm):
    """The same questions, recorded by the case work team with how the family gave them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on_behalf_method"] = _on_behalf_field("How did the family give their views?")


YES_NO = [("yes", "Yes"), ("no", "No")]


class DraftResponseForm(GovUKForm):
    """Comments on a draft plan, a school to ask for, and whether to meet (reg. 13(1))."""

    comments = _text_area(
        "Your comments on the draft plan (optional)",
        COMMENTS_LIMIT,
        "Say what you agree with, what you think is wrong or missing, and why.",
    )
    requested_setting = forms.ModelChoiceField(
        label="Do you want to ask for a school, college or other setting to be named in the "
        "plan? (optional)",
        help_text="The council must think about your request. It will tell you its decision "
        "in the final plan.",
        queryset=Setting.objects.order_by("name"),
        required=False,
        empty_label="No, I do not want to ask for one",
    )
    wants_meeting = forms.ChoiceField(
        label="Do you want a meeting with the council to talk about the draft plan?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if you want a meeting"},
    )

    def response(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "comments": data["comments"],
            "requested_setting": data["requested_setting"],
            "wants_meeting": data["wants_meeting"] == "yes",
        }


class DraftResponseRecordForm(DraftResponseForm):
    """The family's response, recorded by the case work team with how it was given."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["comments"].label = "The family's comments on the draft plan (optional)"
        self.fields["comments"].help_text = "Write them down as the family gave them."
        self.fields[
            "requested_setting"
        ].label = "School, college or other setting the family asked for (optional)"
        self.fields["requested_setting"].help_text = ""
        self.fields["requested_setting"].empty_label = "None asked for"  # type: ignore[attr-defined]
        self.fields["wants_meeting"].label = "Did the family ask for a meeting?"
        self.fields["wants_meeting"].error_messages["required"] = (
            "Select yes if the family asked for a meeting"
        )
        self.fields["on_behalf_method"] = _on_behalf_field("How did the family give it?")


_REVIEW_HINTS = {
    "what_is_working": "For example, support that helps, or progress you are proud of.",
    "what_is_not_working": "For example, support that is not happening, or is not helping.",
    "what_has_changed": "For example, at home, at school or college, or with health.",
    "hopes": "For example, what you want to achieve, or what you want to do when you are older.",
    "questions_for_meeting": "Anything you want the meeting to talk about or answer.",
}


class ReviewViewsForm(GovUKForm):
    """Views before an annual review meeting, each optional (the service asks for one)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in REVIEW_QUESTIONS:
            label = ReviewViews.question(name)
            self.fields[name] = _text_area(label, REVIEW_ANSWER_LIMIT, _REVIEW_HINTS[name])

    def answers(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in REVIEW_QUESTIONS}


class ReviewViewsRecordForm(ReviewViewsForm):
    """The same questions, recorded by the case work team with how the family gave them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on_behalf_method"] = _on_behalf_field("How did the family give their views?")
