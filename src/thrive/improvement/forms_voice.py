"""Forms of family voice: recording feedback (never with names), filtering it, and writing
"you said, we did" entries."""

import datetime as dt
from typing import Any

from django import forms

from thrive.core.forms import DateField, GovUKForm

from .models import FeedbackSource
from .selectors_voice import FeedbackFilters

_SOURCES = [("", "Any source"), *FeedbackSource.choices]


class FeedbackForm(GovUKForm):
    received_on = DateField(label="Date received", noun="the date the feedback was received")
    source = forms.ChoiceField(label="Where it came from", choices=FeedbackSource.choices)
    summary = forms.CharField(
        label="Summary",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=(
            "Summarise what was said. Do not include names or anything else that could "
            "identify a child, a family or a member of staff."
        ),
    )
    themes = forms.TypedMultipleChoiceField(
        label="Themes", coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    new_themes = forms.CharField(
        label="New themes (optional)",
        required=False,
        help_text="Themes not in the list, separated by commas",
    )
    priorities = forms.TypedMultipleChoiceField(
        label="Priorities it concerns",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, themes: Any = (), priorities: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"].choices = [(t.pk, t.name) for t in themes]  # type: ignore[attr-defined]
        self.fields["priorities"].choices = [(p.pk, p.title) for p in priorities]  # type: ignore[attr-defined]

    def new_theme_names(self) -> list[str]:
        return [n.strip() for n in self.cleaned_data["new_themes"].split(",") if n.strip()]


class FeedbackFilterForm(GovUKForm):
    source = forms.ChoiceField(label="Source", choices=_SOURCES, required=False)
    theme = forms.TypedChoiceField(label="Theme", coerce=int, empty_value=None, required=False)
    priority = forms.TypedChoiceField(
        label="Priority", coerce=int, empty_value=None, required=False
    )
    start = DateField(label="Received from", noun="the first date", required=False)
    end = DateField(label="Received up to", noun="the last date", required=False)

    def __init__(self, *args: Any, themes: Any = (), priorities: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", "Any theme")] + [  # type: ignore[attr-defined]
            (str(t.pk), t.name) for t in themes
        ]
        self.fields["priority"].choices = [("", "Any priority")] + [  # type: ignore[attr-defined]
            (str(p.pk), p.title) for p in priorities
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start: dt.date | None = data.get("start")
        end: dt.date | None = data.get("end")
        if start and end and end < start:
            self.add_error("end", "The last date must be the same as or after the first date")
        return data

    def filters(self) -> FeedbackFilters:
        if not self.is_bound or not self.is_valid():
            return FeedbackFilters()
        data = self.cleaned_data
        return FeedbackFilters(
            source=data["source"] or "",
            theme_id=data["theme"],
            priority_id=data["priority"],
            start=data["start"],
            end=data["end"],
        )


class YouSaidForm(GovUKForm):
    feedback = forms.TypedMultipleChoiceField(
        label="The feedback this answers",
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose the feedback this answers"},
    )
    you_said = forms.CharField(
        label="You said",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What families told us, in their words where possible, without names",
    )
    we_did = forms.CharField(label="We did", widget=forms.Textarea(attrs={"rows": 3}))
    actions = forms.TypedMultipleChoiceField(
        label="Actions of the programme (optional)",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, feedback: Any = (), actions: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["feedback"].choices = [  # type: ignore[attr-defined]
            (f.pk, f"{f.received_on:%-d %b %Y}, {f.get_source_display()}: {f.summary[:80]}")
            for f in feedback
        ]
        self.fields["actions"].choices = [(a.pk, a.title) for a in actions]  # type: ignore[attr-defined]
