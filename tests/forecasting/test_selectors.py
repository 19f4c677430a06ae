"""Reading Thrive's records for the forecast: snapshots on census days, population, refusals,
unit costs, capacity, locality shares and the published series."""

import datetime as dt
from decimal import Decimal
from typing import Any

import numpy as np
import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.forecasting.builders import (
    Area,
    add_plan,
    add_population,
    add_request,
    build_area,
    ceases_on,
    make_child,
    make_setting,
)
from thrive.accounts.models import User
from thrive.benchmarks.models import Level, PublishedFigure
from thrive.core.errors import Refusal
from thrive.forecasting import selectors
from thrive.forecasting.models import PopulationProjection, SettingCapacity, UnitCost
from thrive.forecasting.space import default_space
from thrive.people.models import LocalAuthority

D = dt.date
SPACE = default_space()

pytestmark = pytest.mark.django_db


def test_census_day_is_the_sen2_reference_date() -> None:
    assert selectors.census_day(2024) == D(2024, 1, 18)
    assert selectors.census_day(2026) == D(2026, 1, 15)  # third Thursday
    assert selectors.census_day(2025).weekday() == 3


def test_ncy_from_age_on_31_august_before_the_january() -> None:
    # Born 1 September 2015: 4 on 31 August 2020 is... 4 (birthday 1 Sept 2019 -> 4 on 31/8/2020)
    assert selectors.ncy_in_january(D(2015, 9, 1), 2021) == 0  # Reception in January 2021
    assert selectors.ncy_in_january(D(2015, 8, 31), 2021) == 1  # the oldest of Year 1
    assert selectors.ncy_in_january(D(2025, 10, 1), 2026) < -4  # born after 31 August


def test_snapshot_counts_maintained_plans_at_their_placement(
    council: LocalAuthority, officer: User
) -> None:
    school = make_setting(council, "Oak Primary", "mainstream_la_maintained")
    special = make_setting(council, "Elm Special", "special_academy_free")
    moved = make_child(council, D(2015, 3, 1), need="SLCN")
    add_plan(moved, officer, [(D(2022, 5, 1), school), (D(2023, 9, 1), special)])
    late = make_child(council, D(2016, 3, 1))
    add_plan(late, officer, [(D(2024, 1, 19), school)])  # the day after the 2024 census day
    ceased = make_child(council, D(2014, 3, 1), need="")
    add_plan(
        ceased, officer, [(D(2020, 5, 1), "special_independent")], cease_notified=D(2023, 6, 1)
    )
    typeless = make_child(council, D(2012, 3, 1))
    add_plan(typeless, officer, [(D(2021, 5, 1), None)])

    snaps = selectors.january_snapshots([2023, 2024], SPACE)

    def states(year: int) -> dict[int, tuple[int, str, str]]:
        s = snaps.by_year[year]
        return {
            int(c): (int(n), SPACE.needs[k], SPACE.settings[j])
            for c, n, k, j in zip(s.child, s.ncy, s.need, s.setting, strict=True)
        }

    assert states(2023) == {
        moved.pk: (3, "SLCN", "mainstream"),  # born March 2015: 7 on 31 Aug 2022
        ceased.pk: (4, "OTH", "special_independent"),  # blank need counts as other
        typeless.pk: (6, "ASD", "other"),  # no placement named
    }
    assert states(2024) == {
        moved.pk: (4, "SLCN", "special_state"),  # the amended final named the special school
        typeless.pk: (7, "ASD", "other"),
    }
    assert ceases_on(D(2023, 6, 1)) < selectors.census_day(2024)
    assert snaps.outside_ncy == {2023: 0, 2024: 0}


def test_children_outside_the_ncy_range_are_left_out_and_counted(
    council: LocalAuthority, officer: User
) -> None:
    old = make_child(council, D(1998, 1, 1))  # 25 on 31 August 2023: NCY 21
    add_plan(old, officer, [(D(2019, 1, 1), "specialist_post_16_institution")])
    young = make_child(council, D(2019, 1, 1))
    add_plan(young, officer, [(D(2023, 1, 1), "early_years")])

    snaps = selectors.january_snapshots([2024], SPACE)

    assert list(snaps.by_year[2024].child) == [young.pk]
    assert snaps.outside_ncy == {2024: 1}


def test_a_placement_that_does_not_take_the_year_group_counts_as_other(
    council: LocalAuthority, officer: User
) -> None:
    college = make_setting(council, "Town College", "general_fe_tertiary_college")
    young = make_child(council, D(2015, 3, 1))  # Year 4 in January 2024
    add_plan(young, officer, [(D(2022, 5, 1), college)])
    older = make_child(council, D(2006, 3, 1))  # Year 14 in January 2024
    add_plan(older, officer, [(D(2022, 5, 1), college)])
    SettingCapacity.objects.create(setting=college, places=5, locality="North")

    snaps = selectors.january_snapshots([2024], SPACE)

    snap = snaps.by_year[2024]
    placed = {int(c): SPACE.settings[s] for c, s in zip(snap.child, snap.setting, strict=True)}
    assert placed == {young.pk: "other", older.pk: "further_education"}
    assert snaps.placement_not_valid == {2024: 1}
    assert selectors.locality_shares(2024, SPACE) == {
        "other": {"North": 1.0},
        "further_education": {"North": 1.0},
    }


def test_a_plan_under_appeal_stays_maintained_until_its_decision_takes_effect(
    council: LocalAuthority, officer: User
) -> None:
    child = make_child(council, D(2012, 3, 1))
    notified = D(2023, 12, 1)  # the appeal window runs past the January 2024 census day
    add_plan(child, officer, [(D(2020, 5, 1), None)], cease_notified=notified)
    assert ceases_on(notified) > selectors.census_day(2024)

    snaps = selectors.january_snapshots([2024, 2025], SPACE)

    assert list(snaps.by_year[2024].child) == [child.pk]
    assert list(snaps.by_year[2025].child) == []


def test_a_lapsed_plan_ends_on_the_day_recorded(council: LocalAuthority, officer: User) -> None:
    child = make_child(council, D(2012, 3, 1))
    add_plan(child, officer, [(D(2020, 5, 1), None)], cease_notified=D(2024, 1, 10), lapsed=True)

    assert len(selectors.january_snapshot(2024, SPACE).child) == 0


def test_a_child_with_two_plans_counts_once_at_the_newer(
    council: LocalAuthority, officer: User
) -> None:
    child = make_child(council, D(2012, 3, 1))
    school = make_setting(council, "Oak Primary", "mainstream_la_maintained")
    add_plan(child, officer, [(D(2020, 5, 1), school)])
    add_plan(child, officer, [(D(2022, 5, 1), "special_la_maintained")])

    snap = selectors.january_snapshot(2023, SPACE)

    assert list(snap.child) == [child.pk]
    assert SPACE.settings[snap.setting[0]] == "special_state"


def test_the_area_snapshots_match_the_plans_built(area: Area) -> None:
    years = list(range(2019, 2026))
    with CaptureQueriesContext(connection) as queries:
        snaps = selectors.january_snapshots(years, SPACE)
    assert {y: len(s.child) for y, s in snaps.by_year.items()} == {
        y: area.expected.get(y, 0) for y in years
    }
    assert len(queries) <= 6  # a few queries for every year together


def test_snapshot_queries_do_not_grow_with_the_area(council: LocalAuthority, officer: User) -> None:
    build_area(council, officer, children=20, seed=2, population=False)
    with CaptureQueriesContext(connection) as small:
        selectors.january_snapshots([2020, 2024], SPACE)
    build_area(council, officer, children=40, seed=3, population=False)
    with CaptureQueriesContext(connection) as large:
        selectors.january_snapshots([2020, 2024], SPACE)
    assert len(large) == len(small)


def test_snapshot_years_run_from_the_first_plan_to_the_last_census_day(
    council: LocalAuthority, officer: User
) -> None:
    child = make_child(council, D(2012, 3, 1))
    add_plan(child, officer, [(D(2019, 3, 1), None)], cease_notified=D(2020, 3, 1))
    other = make_child(council, D(2013, 3, 1))
    add_plan(other, officer, [(D(2021, 3, 1), None)])

    years = selectors.snapshot_years(today=D(2024, 1, 10))

    assert years == [2020, 2022, 2023]  # none in January 2021; 2024's day is not yet


def test_snapshot_years_empty_without_plans() -> None:
    assert selectors.snapshot_years(today=D(2024, 6, 1)) == []


def test_refusal_share_counts_not_assessed_and_not_issued(
    council: LocalAuthority,
) -> None:
    child = make_child(council, D(2012, 3, 1))
    add_request(child, D(2022, 2, 1), assess=False)  # refused
    add_request(child, D(2022, 3, 1), assess=True, issue=False)  # refused after assessing
    add_request(child, D(2022, 4, 1), assess=True, issue=True)
    add_request(child, D(2022, 5, 1), assess=True, issue=True)
    add_request(child, D(2022, 6, 1), assess=True)  # no decision to issue yet: left out
    add_request(child, D(2022, 7, 1), withdrawn=True)  # withdrawn: left out
    add_request(child, D(2021, 2, 1), assess=False)  # another year

    assert selectors.refusal_share_history([2023]) == pytest.approx(0.5)
    assert selectors.refusal_share_history([2022, 2023]) == pytest.approx(3 / 5)
    assert selectors.refusal_share_history([2020]) is None


def test_population_from_the_loaded_estimates(area: Area) -> None:
    population = selectors.population_history([2022, 2023], None, SPACE)

    assert sorted(population) == [2022, 2023]
    assert population[2023].shape == (SPACE.n_ncy,)
    assert population[2023][SPACE.ncy_index(0)] == 1000  # age 4 in mid-2022


def test_population_refused_when_none_is_loaded() -> None:
    with pytest.raises(Refusal, match=r"load-benchmarks --data \.\./shared/data"):
        selectors.population_history([2024], None, SPACE)


def test_population_of_another_area_is_not_used() -> None:
    add_population([2023], area="999")
    with pytest.raises(Refusal):
        selectors.population_history([2024], None, SPACE)


def test_population_from_an_uploaded_projection(officer: User) -> None:
    rows = {"2024": list(range(25)), "2025": [float(n) for n in range(1, 26)]}
    projection = PopulationProjection.objects.create(
        name="Projection", file_name="population.csv", rows=rows, uploaded_by=officer
    )

    population = selectors.population_history([2025, 2024], projection, SPACE)

    assert population[2024].tolist() == list(range(25))
    with pytest.raises(Refusal, match="no figures for January 2026"):
        selectors.population_history([2026], projection, SPACE)


def test_unit_costs_as_arrays_with_missing_cells(officer: User) -> None:
    UnitCost.objects.create(
        need="ASD",
        setting_category="special_state",
        annual_cost=Decimal("25000.50"),
        uplift_percent=Decimal("3"),
        price_year=2025,
    )

    costs = selectors.unit_cost_arrays(SPACE)

    n, s = SPACE.needs.index("ASD"), SPACE.settings.index("special_state")
    assert costs.annual[n, s] == 25000.5
    assert costs.uplift_percent[n, s] == 3.0
    assert costs.annual.sum() == 25000.5
    assert costs.price_year == 2025
    assert ("ASD", "special_state") not in costs.missing
    assert len(costs.missing) == len(SPACE.needs) * len(SPACE.settings) - 1


def test_a_cost_at_an_earlier_price_year_is_uplifted_to_the_latest() -> None:
    records = [
        {"need": "ASD", "category": "mainstream", "annual_cost": 10000.0},
        {"need": "MLD", "category": "mainstream", "annual_cost": 8000.0},
    ]
    records[0] |= {"uplift_percent": 5.0, "price_year": 2024}
    records[1] |= {"uplift_percent": 2.0, "price_year": 2026}

    costs = selectors.unit_cost_arrays(SPACE, records)

    s = SPACE.settings.index("mainstream")
    assert costs.price_year == 2026
    assert costs.annual[SPACE.needs.index("ASD"), s] == pytest.approx(10000 * 1.05**2)
    assert costs.annual[SPACE.needs.index("MLD"), s] == 8000


def test_unit_costs_when_none_recorded() -> None:
    costs = selectors.unit_cost_arrays(SPACE)
    assert costs.price_year is None
    assert not costs.annual.any()


def test_capacity_and_locality_shares(council: LocalAuthority, officer: User) -> None:
    north = make_setting(council, "North Special", "special_la_maintained")
    south = make_setting(council, "South Special", "special_academy_free")
    unrecorded = make_setting(council, "Other Special", "special_la_maintained")
    SettingCapacity.objects.create(setting=north, places=40, locality="North")
    SettingCapacity.objects.create(setting=south, places=20, locality="South")
    for setting in (north, north, south, unrecorded):
        add_plan(make_child(council, D(2014, 3, 1)), officer, [(D(2022, 3, 1), setting)])
    add_plan(make_child(council, D(2014, 3, 1)), officer, [(D(2022, 3, 1), None)])

    assert selectors.capacity_settings() == [
        (north.pk, "special_state", "North", 40),
        (south.pk, "special_state", "South", 20),
    ]
    shares = selectors.locality_shares(2023, SPACE)
    assert shares == {
        "special_state": {"North": 0.5, "Not recorded": 0.25, "South": 0.25},
        "other": {"Not recorded": 1.0},
    }


def test_published_series_takes_the_latest_release_of_each_january() -> None:
    def figure(period: str, release: str, value: float | None, **extra: Any) -> None:
        fields: dict[str, Any] = {
            "measure": "active_plans",
            "level": Level.LOCAL_AUTHORITY,
            "area_code": django_settings.THRIVE_LA_CODE,
            "area_name": "Test",
            "period": period,
            "value": value,
            "source_file": "caseload.csv",
            "release": release,
        }
        fields.update(extra)
        PublishedFigure.objects.create(**fields)

    figure("202324", "2024", 900.0)
    figure("202324", "2025", 910.0)
    figure("202425", "2025", 1000.0)
    figure("202526", "2026", None)
    figure("202425", "2025", 5.0, area_code="999")
    figure("202425", "2025", 5.0, measure="new_plans")

    assert selectors.published_series() == {2024: 910.0, 2025: 1000.0}
    assert selectors.published_counts() == {
        "999": {2025: 5.0},
        django_settings.THRIVE_LA_CODE: {2024: 910.0, 2025: 1000.0},
    }


def test_snapshot_arrays_feed_the_model(area: Area) -> None:
    snap = selectors.january_snapshot(2025, SPACE)
    counts = snap.counts(SPACE)
    assert counts.sum() == area.expected[2025]
    assert np.all(counts >= 0)
