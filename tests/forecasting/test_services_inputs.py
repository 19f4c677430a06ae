"""Writes of the forecast's inputs: unit costs and places are set (added or replaced) and
audited; a population file with any problem saves nothing and lists every problem."""

from decimal import Decimal
from typing import Any

import pytest

from tests.factories import make_user
from thrive.core.errors import Refusal
from thrive.core.models import AuditEntry
from thrive.forecasting import services_inputs as services
from thrive.forecasting.models import PopulationProjection, SettingCapacity, UnitCost
from thrive.people.models import Setting

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst() -> Any:
    return make_user("analyst", "analyst")


def _setting(council: Any) -> Setting:
    return Setting.objects.create(
        name="Oak Special School",
        establishment_type="special_la_maintained",
        phase="all_through",
        local_authority=council,
    )


def test_unit_cost_set_adds_then_replaces_and_audits(analyst: Any) -> None:
    kwargs = {"actor": analyst, "need": "ASD", "category": "special_state", "price_year": 2026}
    services.unit_cost_set(**kwargs, annual_cost=Decimal("24000"), uplift_percent=Decimal("3"))
    services.unit_cost_set(**kwargs, annual_cost=Decimal("25000"), uplift_percent=Decimal("2.5"))
    cost = UnitCost.objects.get()
    assert (cost.annual_cost, cost.uplift_percent, cost.updated_by) == (
        Decimal("25000"),
        Decimal("2.5"),
        analyst,
    )
    actions = list(
        AuditEntry.objects.filter(object_id=cost.pk).order_by("id").values_list("action", flat=True)
    )
    assert actions == ["create", "change"]


def test_unit_cost_refuses_an_unknown_setting_type_and_a_negative_cost(analyst: Any) -> None:
    base = {"actor": analyst, "need": "ASD", "uplift_percent": Decimal(0), "price_year": 2026}
    with pytest.raises(Refusal) as refused:
        services.unit_cost_set(**base, category="moon_base", annual_cost=Decimal(1))
    assert refused.value.field == "setting_category"
    with pytest.raises(Refusal) as refused:
        services.unit_cost_set(**base, category="mainstream", annual_cost=Decimal(-1))
    assert refused.value.field == "annual_cost"
    assert not UnitCost.objects.exists()


def test_capacity_set_records_places_and_locality_once_per_setting(
    analyst: Any, council: Any
) -> None:
    setting = _setting(council)
    services.capacity_set(actor=analyst, setting=setting, places=120, locality=" North ")
    services.capacity_set(actor=analyst, setting=setting, places=140, locality="North")
    capacity = SettingCapacity.objects.get()
    assert (capacity.places, capacity.locality) == (140, "North")
    assert AuditEntry.objects.filter(object_id=capacity.pk).count() == 2


def test_capacity_set_refuses_no_locality(analyst: Any, council: Any) -> None:
    with pytest.raises(Refusal) as refused:
        services.capacity_set(actor=analyst, setting=_setting(council), places=5, locality=" ")
    assert refused.value.field == "locality"
    assert not SettingCapacity.objects.exists()


def population_csv(
    years: tuple[int, ...] = (2026, 2027), skip: tuple[int, int] | None = None
) -> str:
    lines = ["calendar-year,academic-year,population"]
    for year in years:
        for ncy in range(-4, 21):
            if (year, ncy) != skip:
                lines.append(f"{year},{ncy},{1000 + ncy}")
    return "\n".join(lines) + "\n"


def test_population_upload_saves_every_year_by_ncy(analyst: Any) -> None:
    projection = services.population_upload(
        actor=analyst, name="With new housing", file_name="population.csv", text=population_csv()
    )
    # witan.send's calendar-year C is the population of January C + 1.
    assert sorted(projection.rows) == ["2027", "2028"]
    assert projection.rows["2027"][0] == 1000 - 4  # NCY -4 first
    assert len(projection.rows["2028"]) == 25
    assert AuditEntry.objects.filter(object_id=projection.pk, action="create").exists()


def test_population_upload_with_problems_saves_nothing_and_lists_them(analyst: Any) -> None:
    text = population_csv(skip=(2027, 3)) + "2028,x,5\n"
    with pytest.raises(services.PopulationRefusal) as refused:
        services.population_upload(actor=analyst, name="Bad", file_name="p.csv", text=text)
    errors = refused.value.errors
    assert any("academic-year" in e for e in errors)
    assert any("2027" in e and "3" in e for e in errors)
    assert not PopulationProjection.objects.exists()


def test_population_upload_needs_a_name(analyst: Any) -> None:
    with pytest.raises(Refusal) as refused:
        services.population_upload(
            actor=analyst, name=" ", file_name="p.csv", text=population_csv()
        )
    assert refused.value.field == "name"
