"""Forms for annual reviews, in GOV.UK style. They check what a person typed; the review
services check the rules (dates in the future, before the meeting, a second open review)."""

from typing import Any

from django import forms

from thrive.core.forms import DateField, GovUKForm

from .models_reviews import AnnualReview, ReviewDecision
from .selectors_reviews import pfa_label

NOTES_LIMIT = 2000


def _notes(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=NOTES_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": f"Notes must be {NOTES_LIMIT:,} characters or fewer"},
    )


class ReviewScheduleForm(GovUKForm):
    meeting_on = DateField(
        label="Date of the review meeting",
        noun="the date of the review meeting",
        help_text="Invitations must go out at least 2 weeks before. For example, 27 3 2027",
    )
    notes = _notes("Notes (optional)")


class ReviewInvitationsForm(GovUKForm):
    sent_on = DateField(
        label="Date the invitations, advice and information were sent",
        noun="the date the invitations were sent",
        help_text="For example, 27 3 2027",
    )


class ReviewReportForm(GovUKForm):
    circulated_on = DateField(
        label="Date the review report was sent to everyone invited",
        noun="the date the report was sent",
        help_text="For example, 27 3 2027",
    )


class ReviewDecisionForm(GovUKForm):
    decision = forms.ChoiceField(
        label="What did the council decide?",
        choices=ReviewDecision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the decision"},
    )
    notified_on = DateField(
        label="Date the family was told of the decision",
        noun="the date the family was told of the decision",
        help_text="For example, 27 3 2027",
    )
    notes = _notes("Notes (optional)")


PFA_LIMIT = 2000
_PFA_HINTS = {
    "pfa_employment": "For example, courses, work experience, supported internships or "
    "apprenticeships they want, and the support to get there.",
    "pfa_independent_living": "For example, where and with whom they want to live, travel, "
    "money and looking after themselves.",
    "pfa_community": "For example, friendships, relationships, clubs and taking part in "
    "their community.",
    "pfa_health": "For example, staying healthy, managing their own health needs and moving "
    "to adult health services.",
    "transition_plan": "Who will do what, and by when, for the move to the next stage of "
    "education, training or adult life.",
}


class ReviewAdulthoodForm(GovUKForm):
    """What the review said about preparing for adulthood (CoP chapter 8), each area
    optional here; the service asks for at least one."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in AnnualReview.PREPARATION_FOR_ADULTHOOD:
            label = pfa_label(name)
            self.fields[name] = forms.CharField(
                label=label,
                required=False,
                max_length=PFA_LIMIT,
                help_text=_PFA_HINTS[name],
                widget=forms.Textarea(attrs={"rows": 4}),
                error_messages={"max_length": f"{label} must be {PFA_LIMIT:,} characters or fewer"},
            )

    def answers(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in AnnualReview.PREPARATION_FOR_ADULTHOOD}
