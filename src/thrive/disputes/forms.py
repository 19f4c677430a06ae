"""Forms for mediation and appeals, in GOV.UK style. They check what a person typed; the
services check the rules (dates in the future, or before what they follow)."""

from typing import Any

from django import forms

from thrive.core.forms import DateField, GovUKForm
from thrive.law.clock import render_date

from .models import AppealOutcome, CertificateKind, Mediation, MediationOutcome, Subject

EXAMPLE = "For example, 27 3 2026"


def _date(label: str, noun: str, hint: str = EXAMPLE) -> DateField:
    return DateField(label=label, noun=noun, help_text=hint)


def _radios(label: str, choices: Any, missing: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": missing},
    )


def _subject(label: str, missing: str) -> forms.ChoiceField:
    return _radios(label, Subject.choices, missing)


def _letter() -> DateField:
    return _date(
        "Date of the decision letter",
        "the date of the decision letter",
        f"The letter telling the family of the decision, or enclosing the final plan. {EXAMPLE}",
    )


class MediationForm(GovUKForm):
    subject = _subject(
        "What does the family disagree with?", "Select what the family disagrees with"
    )
    decision_letter_on = _letter()
    adviser_contacted_on = _date(
        "Date the family contacted the mediation adviser",
        "the date the family contacted the mediation adviser",
    )


class MediationOutcomeForm(GovUKForm):
    held_on = _date("Date the mediation was held", "the date the mediation was held")
    outcome = _radios(
        "What came of the mediation?", MediationOutcome.choices, "Select what came of the mediation"
    )


class MediationCertificateForm(GovUKForm):
    issued_on = _date("Date the certificate was issued", "the date the certificate was issued")
    kind = _radios(
        "Why was the certificate issued?",
        CertificateKind.choices,
        "Select why the certificate was issued",
    )


class AppealForm(GovUKForm):
    subject = _subject("What is the appeal about?", "Select what the appeal is about")
    decision_letter_on = _letter()
    mediation = forms.TypedChoiceField(
        label="Mediation about this decision (optional)",
        required=False,
        coerce=int,
        empty_value=None,
        help_text="The mediation certificate can give the family longer to appeal.",
    )
    registered_on = _date(
        "Date the Tribunal registered the appeal", "the date the Tribunal registered the appeal"
    )

    def __init__(self, *args: Any, mediations: list[Mediation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.mediations = {m.pk: m for m in mediations}
        field = self.fields["mediation"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", "None")] + [
            (
                m.pk,
                f"{m.get_subject_display()}: adviser contacted on "
                f"{render_date(m.adviser_contacted_on)}",
            )
            for m in mediations
        ]

    def chosen_mediation(self) -> Mediation | None:
        chosen = self.cleaned_data.get("mediation")
        return None if chosen is None else self.mediations[chosen]


class AppealHearingForm(GovUKForm):
    hearing_on = _date("Date of the hearing", "the date of the hearing")


class AppealOutcomeForm(GovUKForm):
    outcome = _radios(
        "How did the appeal end?", AppealOutcome.choices, "Select how the appeal ended"
    )
    outcome_on = _date("Date of the outcome", "the date of the outcome")
