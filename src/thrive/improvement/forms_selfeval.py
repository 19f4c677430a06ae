"""The form to record or change the partnership's judgement on a criterion. It checks what was
typed; the service (`services.selfeval.judgement_record`) holds the rules."""

from typing import Any

from django import forms
from django.db.models import QuerySet

from thrive.core.forms import GovUKForm
from thrive.law.clock import render_date

from .models import Action, Band, Evidence, Judgement
from .services.selfeval import NARRATIVE_LIMIT


class _Evidence(forms.ModelMultipleChoiceField[Evidence]):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.title)


class _Actions(forms.ModelMultipleChoiceField[Action]):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.title} (due {render_date(obj.due_on)})"


class JudgementForm(GovUKForm):
    band = forms.ChoiceField(
        label="The partnership's judgement",
        choices=Band.choices,
        widget=forms.RadioSelect,
        # Left to the service, which refuses it with the same words.
        required=False,
    )
    narrative = forms.CharField(
        label="Narrative",
        help_text="What the evidence shows about this criterion, and why you reached this "
        "judgement. Leave a blank line between paragraphs.",
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=NARRATIVE_LIMIT,
        required=False,
        error_messages={"max_length": f"Must be {NARRATIVE_LIMIT:,} characters or fewer"},
    )
    evidence = _Evidence(
        label="Evidence",
        help_text="Documents, links and notes added to the programme.",
        queryset=Evidence.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    actions = _Actions(
        label="Programme actions",
        queryset=Action.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    measure_keys = forms.MultipleChoiceField(
        label="Live figures",
        help_text="Shown with their value now whenever the self-evaluation is read or produced.",
        choices=(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        evidence: QuerySet[Evidence],
        actions: QuerySet[Action],
        sources: dict[str, str],
        judgement: Judgement | None = None,
        **kwargs: Any,
    ) -> None:
        if judgement is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "band": judgement.band,
                "narrative": judgement.narrative,
                "evidence": [e.pk for e in judgement.evidence.all()],
                "actions": [a.pk for a in judgement.actions.all()],
                "measure_keys": list(judgement.measure_keys),
            }
        super().__init__(*args, **kwargs)
        self.fields["evidence"].queryset = evidence  # type: ignore[attr-defined]
        self.fields["actions"].queryset = actions  # type: ignore[attr-defined]
        self.fields["measure_keys"].choices = list(sources.items())  # type: ignore[attr-defined]
