"""`thrive generate-forecasting`: illustrative unit costs for every need and setting type,
places at the settings children with plans attend, in made-up localities."""

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from tests.forecasting.builders import Area, add_plan, add_population, make_child, make_setting
from thrive.accounts.models import User
from thrive.benchmarks.models import Population
from thrive.demo.forecasting import LOCALITIES, generate_forecasting, locality_of, unit_cost
from thrive.demo.generator import generate_area
from thrive.forecasting import selectors
from thrive.forecasting.categories import SETTING_CATEGORY_CODES
from thrive.forecasting.models import SettingCapacity, UnitCost
from thrive.forecasting.space import default_space
from thrive.law import codes
from thrive.people.models import LocalAuthority

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 3, 1)


def generate(*args: str) -> str:
    out = StringIO()
    call_command("generate-forecasting", "--today", TODAY.isoformat(), *args, stdout=out)
    return out.getvalue()


def test_a_unit_cost_for_every_need_and_setting_type(area: Area) -> None:
    generate()

    assert UnitCost.objects.count() == len(codes.SEN_TYPES.codes) * len(SETTING_CATEGORY_CODES)
    assert set(UnitCost.objects.values_list("uplift_percent", flat=True)) == {Decimal("3")}
    assert set(UnitCost.objects.values_list("price_year", flat=True)) == {2026}
    cost = {(u.need, u.setting_category): u.annual_cost for u in UnitCost.objects.all()}
    assert cost[("OTH", "mainstream")] == 8000
    assert cost[("OTH", "special_state")] == 25000
    assert cost[("OTH", "special_independent")] == 60000
    assert cost[("PMLD", "special_state")] > cost[("SPLD", "special_state")]


def test_unit_costs_round_to_ten_pounds() -> None:
    assert unit_cost("ASD", "mainstream") == Decimal(8400)
    assert unit_cost("SPLD", "special_independent") == Decimal(54000)


def test_places_near_the_children_placed_at_each_setting(
    council: LocalAuthority, officer: User
) -> None:
    busy = make_setting(council, "Busy Special", "special_la_maintained")
    quiet = make_setting(council, "Quiet Primary", "mainstream_la_maintained")
    make_setting(council, "Empty Primary", "mainstream_la_maintained")
    for _ in range(20):
        add_plan(make_child(council, dt.date(2014, 3, 1)), officer, [(dt.date(2024, 5, 1), busy)])
    add_plan(make_child(council, dt.date(2014, 3, 1)), officer, [(dt.date(2024, 5, 1), quiet)])

    summary = generate_forecasting(seed=1, today=TODAY)

    places = dict(SettingCapacity.objects.values_list("setting__name", "places"))
    assert set(places) == {"Busy Special", "Quiet Primary"}  # none where nobody is placed
    assert 17 <= places["Busy Special"] <= 23
    assert places["Quiet Primary"] == 1
    assert summary.settings == 2
    assert summary.places == sum(places.values())
    for capacity in SettingCapacity.objects.select_related("setting"):
        assert capacity.locality in LOCALITIES
        assert capacity.locality == locality_of(capacity.setting)


def test_the_same_seed_gives_the_same_places(area: Area) -> None:
    generate("--seed", "4")
    first = sorted(SettingCapacity.objects.values_list("setting_id", "places", "locality"))
    SettingCapacity.objects.all().delete()
    UnitCost.objects.all().delete()
    generate("--seed", "4")
    assert sorted(SettingCapacity.objects.values_list("setting_id", "places", "locality")) == first


def test_if_empty_leaves_recorded_figures_alone(area: Area) -> None:
    generate("--if-empty")
    before = UnitCost.objects.count()
    output = generate("--if-empty")
    assert "already holds" in output
    assert UnitCost.objects.count() == before


def test_says_how_to_load_the_population_when_none_is_loaded(area: Area) -> None:
    Population.objects.all().delete()
    output = generate()
    assert "thrive load-benchmarks --data ../shared/data" in output
    assert not Population.objects.exists()  # the population is never made up


def test_no_hint_when_the_population_is_loaded(area: Area) -> None:
    assert "load-benchmarks" not in generate()


def test_the_demo_area_forecasts_end_to_end(db: None) -> None:
    """The demo generator's area, its illustrative inputs and a run: what `make demo` gives."""
    today = dt.date(2026, 11, 23)
    generate_area(children=300, seed=1, years=4, today=today, established=0.4)
    add_population(range(2010, 2026))
    call_command("demo-users", stdout=StringIO())
    generate("--if-empty")
    last = selectors.snapshot_years(today)[-1]
    placed = selectors.placements([last])[last]
    with_plans = {row.setting_id for row in placed if row.setting_id is not None}
    assert set(SettingCapacity.objects.values_list("setting_id", flat=True)) == with_plans

    out = StringIO()
    call_command(
        "run-forecast", "--name", "Demo", "--years", "2", "--simulations", "100", stdout=out
    )
    snapshot = selectors.january_snapshot(last, default_space())
    assert f"{len(snapshot.child):>8,}" in out.getvalue()
