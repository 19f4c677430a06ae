"""Forms of the forecasting pages. The scenario form's field names are the ``field`` of the
``inputs.InputError`` each lever raises, so ``ScenarioInputs``' own checks land on the field
they concern; the form only checks that a lever is given whole (or not at all)."""

from decimal import Decimal
from typing import Any

from django import forms

from thrive.core.forms import GovUKForm
from thrive.law import codes

from .categories import SETTING_CATEGORIES
from .inputs import FLOW_KINDS, MAX_SIMULATIONS, MAX_YEARS, VARIANTS, ScenarioInputs

#: The hint under each variant: what it assumes, in plain English.
VARIANT_HINTS = {
    "stationary": (
        "Rates stay as they have been, so growth comes only from the population and the "
        "balance of children joining and leaving. This is the sector model's assumption, and "
        "it has under-predicted growing demand."
    ),
    "trend": "Joining rates keep changing each year at the rate fitted from the history.",
    "damped": "Joining rates keep changing, but the change slows down each year.",
}
CATEGORY_CHOICES = [("", "Choose a setting type"), *SETTING_CATEGORIES]
NEED_CHOICES = list(codes.SEN_TYPES.choices())


def _int(label: str, help_text: str = "", **kwargs: Any) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-5"}),
        error_messages={
            "invalid": f"{label} must be a whole number",
            "required": f"Enter a number for {label[0].lower()}{label[1:]}",
            "min_value": f"{label} must be %(limit_value)s or more",
            "max_value": f"{label} must be %(limit_value)s or less",
        },
        **kwargs,
    )


def _optional_int(label: str, help_text: str = "") -> forms.IntegerField:
    return _int(label, help_text, required=False)


class ScenarioForm(GovUKForm):
    name = forms.CharField(
        label="Name", max_length=120, error_messages={"required": "Enter a name"}
    )
    description = forms.CharField(
        label="Description (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    variant = forms.ChoiceField(
        label="How joining rates change",
        choices=VARIANTS,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how joining rates change"},
    )
    base_year = forms.TypedChoiceField(
        label="Starting January",
        coerce=int,
        help_text="The last January of records the forecast starts from",
        error_messages={"required": "Choose the starting January"},
    )
    years = _int("Years ahead", f"From 1 to {MAX_YEARS}")
    simulations = _int(
        "Simulations", f"From 100 to {MAX_SIMULATIONS:,}: more is steadier but slower"
    )
    seed = _int("Seed", "The same seed gives the same results")
    history_from = _optional_int("Ignore history before (optional)", "A January, for example 2019")
    # One change in flows
    flow_kind = forms.ChoiceField(
        label="Change in flows: which flows",
        choices=[("", "No change"), *FLOW_KINDS],
        required=False,
    )
    flow_category = forms.ChoiceField(
        label="Change in flows: setting type", choices=CATEGORY_CHOICES, required=False
    )
    flow_factor = forms.DecimalField(
        label="Change in flows: multiply by",
        help_text="For example 1.2 for 20% more, 0.9 for 10% fewer",
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-5"}),
        error_messages={"invalid": "The factor must be a number, like 1.2"},
    )
    flow_from_year = _optional_int("Change in flows: from January")
    # One closure of a setting category
    closure_category = forms.ChoiceField(
        label="Close a setting type",
        choices=[("", "No closure"), *SETTING_CATEGORIES],
        required=False,
    )
    closure_from_year = _optional_int("Closure: from January")
    # One change in places
    capacity_change = forms.ChoiceField(
        label="Change in places",
        choices=[("", "No change"), ("open", "Open new places"), ("close", "Close a setting")],
        required=False,
    )
    capacity_name = forms.CharField(label="New places: name", max_length=120, required=False)
    capacity_category = forms.ChoiceField(
        label="New places: setting type", choices=CATEGORY_CHOICES, required=False
    )
    capacity_locality = forms.CharField(label="New places: locality", max_length=60, required=False)
    capacity_places = _optional_int("New places: number of places")
    capacity_setting = forms.TypedChoiceField(
        label="Setting that closes", coerce=int, required=False, empty_value=None
    )
    capacity_year = _optional_int("Change in places: from January")
    # The share of requests refused
    refusal_share = forms.DecimalField(
        label="Share of requests for assessment refused, per cent (optional)",
        help_text="Leave empty to keep the share seen in the records",
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-5"}),
        error_messages={"invalid": "The share refused must be a number, like 25"},
    )
    refusal_from_year = _optional_int("New share refused: from January")
    population = forms.TypedChoiceField(
        label="Child population",
        coerce=int,
        required=False,
        empty_value=None,
        help_text="The published estimates, or a projection you uploaded",
    )

    def __init__(
        self,
        data: Any = None,
        *,
        years: list[int],
        closing_settings: list[tuple[int, str]],
        populations: list[tuple[int, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(data, **kwargs)
        self.fields["base_year"].choices = [("", "Choose a January"), *[(y, y) for y in years]]  # type: ignore[attr-defined]
        self.fields["capacity_setting"].choices = [("", "Choose a setting"), *closing_settings]  # type: ignore[attr-defined]
        self.fields["population"].choices = [("", "Published estimates"), *populations]  # type: ignore[attr-defined]

    def variant_choices(self) -> list[dict[str, Any]]:
        """The radios with their hints (the generic radios component has none)."""
        current = self["variant"].value()
        return [
            {"value": code, "label": label, "hint": VARIANT_HINTS[code], "checked": code == current}
            for code, label in VARIANTS
        ]

    def inputs(self) -> ScenarioInputs:
        """The checked inputs; raises ``InputError`` naming the field."""
        data = self.cleaned_data
        refusal = data.get("refusal_share")
        return ScenarioInputs.from_json(
            {
                "base_year": data["base_year"],
                "variant": data["variant"],
                "years": data["years"],
                "simulations": data["simulations"],
                "seed": data["seed"],
                "history_from": data.get("history_from"),
                "flow_changes": _flow_changes(data),
                "closures": _closures(data),
                "capacity_changes": _capacity_changes(data),
                "refusal_share": None if refusal is None else float(refusal / Decimal(100)),
                "refusal_from_year": data.get("refusal_from_year"),
            }
        )


def _flow_changes(data: dict[str, Any]) -> list[dict[str, Any]]:
    if not data.get("flow_kind"):
        return []
    factor = data.get("flow_factor")
    return [
        {
            "kind": data["flow_kind"],
            "category": data.get("flow_category") or "",
            "factor": -1.0 if factor is None else float(factor),
            "from_year": data.get("flow_from_year") or 0,
        }
    ]


def _closures(data: dict[str, Any]) -> list[dict[str, Any]]:
    if not data.get("closure_category"):
        return []
    return [{"category": data["closure_category"], "from_year": data.get("closure_from_year") or 0}]


def _capacity_changes(data: dict[str, Any]) -> list[dict[str, Any]]:
    change = data.get("capacity_change")
    if not change:
        return []
    if change == "close":
        return [
            {
                "change": "close",
                "year": data.get("capacity_year") or 0,
                "setting_id": data.get("capacity_setting"),
            }
        ]
    return [
        {
            "change": "open",
            "year": data.get("capacity_year") or 0,
            "name": data.get("capacity_name") or "",
            "category": data.get("capacity_category") or "",
            "locality": data.get("capacity_locality") or "",
            "places": data.get("capacity_places") or 0,
        }
    ]


def initial_from(inputs: dict[str, Any], *, name: str, description: str) -> dict[str, Any]:
    """A saved scenario's inputs as the form's initial values (for "copy and change")."""
    initial: dict[str, Any] = {
        "name": f"Copy of {name}"[:120],
        "description": description,
        **{k: inputs.get(k) for k in ("base_year", "variant", "years", "simulations", "seed")},
        "history_from": inputs.get("history_from"),
    }
    for change in inputs.get("flow_changes", [])[:1]:
        initial |= {f"flow_{k}": change[k] for k in ("kind", "category", "factor")}
        initial["flow_from_year"] = change["from_year"]
    for closure in inputs.get("closures", [])[:1]:
        initial |= {
            "closure_category": closure["category"],
            "closure_from_year": closure["from_year"],
        }
    for cap in inputs.get("capacity_changes", [])[:1]:
        initial |= {
            "capacity_change": cap["change"],
            "capacity_year": cap["year"],
            "capacity_setting": cap.get("setting_id"),
            **{f"capacity_{k}": cap.get(k) for k in ("name", "category", "locality", "places")},
        }
    if inputs.get("refusal_share") is not None:
        initial["refusal_share"] = round(inputs["refusal_share"] * 100, 1)
        initial["refusal_from_year"] = inputs.get("refusal_from_year")
    return initial


class GoalForm(GovUKForm):
    """Named as the goal service's refusals name their fields (``goal_year`` …)."""

    goal_kind = forms.ChoiceField(
        label="Which flows to change",
        choices=FLOW_KINDS,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose which flows to change"},
    )
    goal_category = forms.ChoiceField(
        label="Setting type",
        choices=CATEGORY_CHOICES,
        error_messages={"required": "Choose a setting type"},
    )
    goal_target = _int("Target number of children", min_value=0, max_value=1_000_000)
    goal_year = forms.TypedChoiceField(
        label="In January", coerce=int, error_messages={"required": "Choose a year"}
    )

    def __init__(self, data: Any = None, *, years: list[int], **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.fields["goal_year"].choices = [("", "Choose a year"), *[(y, y) for y in years]]  # type: ignore[attr-defined]

    def goal(self) -> dict[str, Any]:
        return {k: self.cleaned_data[f"goal_{k}"] for k in ("kind", "category", "year", "target")}


class CompareForm(GovUKForm):
    run = forms.TypedMultipleChoiceField(
        label="Forecasts to compare",
        help_text="Choose 2 or 3 finished forecasts",
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose 2 or 3 forecasts to compare"},
    )

    def __init__(self, data: Any = None, *, runs: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.fields["run"].choices = runs  # type: ignore[attr-defined]

    def clean_run(self) -> list[int]:
        chosen: list[int] = self.cleaned_data["run"]
        if not 2 <= len(chosen) <= 3:
            raise forms.ValidationError("Choose 2 or 3 forecasts to compare")
        return chosen


class UnitCostForm(GovUKForm):
    need = forms.ChoiceField(
        label="Primary need",
        choices=[("", "Choose a need"), *NEED_CHOICES],
        error_messages={"required": "Choose a primary need"},
    )
    setting_category = forms.ChoiceField(
        label="Setting type",
        choices=CATEGORY_CHOICES,
        error_messages={"required": "Choose a setting type"},
    )
    annual_cost = forms.DecimalField(
        label="Cost of one placement for a year, £",
        min_value=0,
        max_value=Decimal("9999999"),
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}),
        error_messages={
            "required": "Enter the yearly cost",
            "invalid": "The yearly cost must be an amount in pounds, like 24500",
        },
    )
    uplift_percent = forms.DecimalField(
        label="Rise each year, per cent",
        min_value=-50,
        max_value=50,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-5"}),
        error_messages={
            "required": "Enter the rise each year (0 for none)",
            "invalid": "The rise must be a number, like 3.5",
        },
    )
    price_year = _int("Prices as at January", min_value=2000, max_value=2100)


class CapacityForm(GovUKForm):
    setting = forms.TypedChoiceField(
        label="Setting", coerce=int, error_messages={"required": "Choose a setting"}
    )
    places = _int("Places for children with EHC plans", min_value=0, max_value=100_000)
    locality = forms.CharField(
        label="Locality",
        max_length=60,
        help_text="The part of the area, as your sufficiency plan names it",
        error_messages={"required": "Enter the locality"},
    )

    def __init__(self, data: Any = None, *, settings: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.fields["setting"].choices = [("", "Choose a setting"), *settings]  # type: ignore[attr-defined]


class PopulationForm(GovUKForm):
    name = forms.CharField(
        label="Name", max_length=120, error_messages={"required": "Enter a name"}
    )
    file = forms.FileField(
        label="Population file (CSV)",
        help_text="witan.send's population.csv: columns calendar-year, academic-year, population",
        error_messages={"required": "Choose a CSV file", "empty": "The file is empty"},
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > 2_000_000:
            raise forms.ValidationError("The file must be smaller than 2MB")
        return upload
