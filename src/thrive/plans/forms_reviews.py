"""Forms for annual reviews, in GOV.UK style. They check what a person typed; the review
services check the rules (dates in the future, before the meeting, a second open review)."""

from django import forms

from thrive.core.forms import DateField, GovUKForm

from .models_reviews import ReviewDecision

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
