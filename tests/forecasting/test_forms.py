"""The scenario form: posted answers become checked ``ScenarioInputs`` (the levers' own
checks name the form field), a saved scenario fills the form back, and the smaller forms
refuse what they should."""

from typing import Any

import pytest

from thrive.forecasting.forms import (
    VARIANT_HINTS,
    CompareForm,
    GoalForm,
    ScenarioForm,
    initial_from,
)
from thrive.forecasting.inputs import InputError, ScenarioInputs

BASE = {
    "name": "Central",
    "variant": "trend",
    "base_year": "2026",
    "years": "5",
    "simulations": "1000",
    "seed": "7",
}


def _form(**data: str) -> ScenarioForm:
    return ScenarioForm(
        {**BASE, **data},
        years=[2024, 2025, 2026],
        closing_settings=[(5, "Oak School")],
        populations=[(9, "With housing")],
    )


def test_plain_answers_become_inputs() -> None:
    form = _form(history_from="2019")
    assert form.is_valid(), form.errors
    inputs = form.inputs()
    assert inputs == ScenarioInputs(base_year=2026, years=5, seed=7, history_from=2019)


def test_every_lever_reaches_the_inputs() -> None:
    form = _form(
        flow_kind="into",
        flow_category="special_independent",
        flow_factor="0.8",
        flow_from_year="2027",
        closure_category="alternative_provision",
        closure_from_year="2028",
        capacity_change="open",
        capacity_name="New school",
        capacity_category="special_state",
        capacity_locality="East",
        capacity_places="120",
        capacity_year="2028",
        refusal_share="25",
        refusal_from_year="2027",
        population="9",
    )
    assert form.is_valid(), form.errors
    inputs = form.inputs()
    assert inputs.flow_changes[0].factor == pytest.approx(0.8)
    assert inputs.closures[0].category == "alternative_provision"
    assert inputs.capacity_changes[0].places == 120
    assert inputs.refusal_share == pytest.approx(0.25)
    assert form.cleaned_data["population"] == 9


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"flow_kind": "into", "flow_factor": "1.2", "flow_from_year": "2027"}, "flow_category"),
        (
            {"flow_kind": "into", "flow_category": "mainstream", "flow_factor": "1.2"},
            "flow_from_year",
        ),
        ({"closure_category": "mainstream", "closure_from_year": "2040"}, "closure_from_year"),
        ({"capacity_change": "close", "capacity_year": "2027"}, "capacity_setting"),
        ({"capacity_change": "open", "capacity_year": "2027"}, "capacity_category"),
        ({"refusal_share": "30"}, "refusal_from_year"),
        ({"refusal_share": "150", "refusal_from_year": "2027"}, "refusal_share"),
        ({"history_from": "2026"}, "history_from"),
        ({"simulations": "50"}, "simulations"),
    ],
)
def test_a_half_given_or_wrong_lever_names_its_field(data: dict[str, str], field: str) -> None:
    form = _form(**data)
    assert form.is_valid(), form.errors
    with pytest.raises(InputError) as error:
        form.inputs()
    assert error.value.field == field
    assert field in form.fields  # so the error summary links to it


def test_a_year_not_offered_and_words_for_numbers_are_form_errors() -> None:
    form = _form(base_year="2030", years="five")
    assert not form.is_valid()
    assert set(form.errors) == {"base_year", "years"}
    assert form.errors["years"] == ["Years ahead must be a whole number"]


def test_variant_radios_each_carry_a_plain_hint() -> None:
    choices = _form().variant_choices()
    assert [c["value"] for c in choices] == ["stationary", "trend", "damped"]
    assert [c["checked"] for c in choices] == [False, True, False]
    assert "under-predicted" in VARIANT_HINTS["stationary"]


def test_a_saved_scenario_fills_the_form_back_to_the_same_inputs() -> None:
    saved = ScenarioInputs.from_json(
        {
            "base_year": 2026,
            "variant": "damped",
            "years": 4,
            "simulations": 500,
            "seed": 3,
            "history_from": 2018,
            "flow_changes": [
                {"kind": "out_of", "category": "mainstream", "factor": 1.1, "from_year": 2027}
            ],
            "closures": [{"category": "alternative_provision", "from_year": 2028}],
            "capacity_changes": [{"change": "close", "year": 2027, "setting_id": 5}],
            "refusal_share": 0.2,
            "refusal_from_year": 2028,
        }
    )
    initial: dict[str, Any] = initial_from(saved.to_json(), name="Central", description="")
    assert initial["name"] == "Copy of Central"
    posted = {k: "" if v is None else str(v) for k, v in initial.items()}
    form = _form(**posted)
    assert form.is_valid(), form.errors
    assert form.inputs() == saved


def test_goal_form_needs_a_year_in_the_forecast() -> None:
    form = GoalForm(
        {
            "goal_kind": "into",
            "goal_category": "special_state",
            "goal_target": "400",
            "goal_year": "2035",
        },
        years=[2027, 2028],
    )
    assert not form.is_valid()
    assert list(form.errors) == ["goal_year"]


@pytest.mark.parametrize(
    ("runs", "valid"), [(["1"], False), (["1", "2"], True), (["1", "2", "3", "4"], False)]
)
def test_compare_form_takes_two_or_three_runs(runs: list[str], valid: bool) -> None:
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    query.setlist("run", runs)
    form = CompareForm(query, runs=[(i, f"Run {i}") for i in range(1, 5)])
    assert form.is_valid() is valid
