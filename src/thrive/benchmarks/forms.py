"""Choosing what to compare: which local authority, and against which group. A GET form, so the
choice stays in the address and can be bookmarked or shared."""

from typing import Any

from django import forms

from thrive.core.forms import GovUKForm

CHOSEN = "chosen"


def neighbours_choice(edition: int) -> str:
    return f"neighbours_{edition}"


class ComparisonForm(GovUKForm):
    la = forms.ChoiceField(label="Local authority", required=False)
    group = forms.ChoiceField(
        label="Compare with",
        widget=forms.RadioSelect,
        required=False,
    )
    chosen = forms.MultipleChoiceField(
        label="Local authorities to compare with",
        help_text="Only used if you chose to pick your own group. Select all that apply.",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        authorities: list[tuple[str, str]],
        editions: list[int],
        default_la: str,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.default_la = default_la
        self.editions = editions
        la: Any = self.fields["la"]
        la.choices = authorities
        chosen: Any = self.fields["chosen"]
        chosen.choices = authorities
        group: Any = self.fields["group"]
        group.choices = [
            (neighbours_choice(e), f"Statistical neighbours ({e} edition)") for e in editions
        ] + [(CHOSEN, "Local authorities I pick")]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("group") == CHOSEN and not data.get("chosen"):
            self.add_error("chosen", "Select at least one local authority to compare with")
        return data

    def _data(self) -> dict[str, Any]:
        return self.cleaned_data if self.is_bound and self.is_valid() else {}

    def chosen_la(self) -> str:
        return str(self._data().get("la") or self.default_la)

    def chosen_group(self) -> tuple[str, list[str] | None, int | None]:
        """(group choice, the chosen LA codes or None, the neighbour edition or None)."""
        data = self._data()
        group = data.get("group") or (
            neighbours_choice(self.editions[0]) if self.editions else CHOSEN
        )
        if group == CHOSEN:
            return group, list(data.get("chosen") or []), None
        return group, None, int(group.rsplit("_", 1)[1])
