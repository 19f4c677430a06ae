"""Reads for the forecast: Thrive's records as January snapshots, the general population, the
share of requests refused, unit costs, capacity and the council's published plan counts.

A snapshot is every child whose EHC plan was maintained on the January census day: its first
final plan issued on or before the day and not ceased by then (the day a decision to cease
took effect, from ``plans.selectors_ceasing``). Each child is in the state (NCY, primary need,
setting category) the records give on that day. Every year is read in a few queries together,
never one per child. Only counts leave this module: no names, no dates of birth."""

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
from django.conf import settings as django_settings
from django.utils import timezone

from thrive.benchmarks.models import Level, Population, PublishedFigure
from thrive.core.errors import Refusal
from thrive.insight.timelines import case_milestones
from thrive.law import codes
from thrive.plans.models import PlanVersion, VersionKind
from thrive.plans.selectors_ceasing import ceased_by
from thrive.returns.sen2.build import reference_date_for

from . import categories
from .model.population import population_by_ncy
from .model.states import NCY_MAX, NCY_MIN, Snapshot, StateSpace
from .models import PopulationProjection, SettingCapacity, UnitCost

FloatArray = npt.NDArray[np.float64]
_FINALS = (VersionKind.FINAL, VersionKind.AMENDED_FINAL)
#: The need of a child whose primary need is not recorded.
UNKNOWN_NEED = "OTH"
#: The locality of children at settings with no capacity recorded.
NOT_RECORDED = "Not recorded"
LOAD_POPULATION = (
    "No population figures are loaded. Load the published ones with "
    "'thrive load-benchmarks --data ../shared/data', or upload a population file."
)


def census_day(year: int) -> date:
    """The January census day of ``year``: SEN2's ReferenceDate (the third Thursday of January
    unless a year's day is known), so the forecast's Januaries are the return's."""
    return reference_date_for(year)


# --- Plans on each census day -----------------------------------------------------------


@dataclass
class _Plan:
    child_id: int
    born: date
    need: str
    first_final_on: date
    # (issued on, setting id, establishment type or placement type), oldest first.
    finals: list[tuple[date, int | None, str]] = field(default_factory=list)
    ceased_on: date | None = None

    def maintained_on(self, day: date) -> bool:
        return self.first_final_on <= day and (self.ceased_on is None or self.ceased_on > day)

    def placement_on(self, day: date) -> tuple[int | None, str]:
        """The setting and its category named by the latest final issued on or before ``day``."""
        latest = [final for final in self.finals if final[0] <= day][-1]
        return latest[1], categories.setting_category(latest[2])


def _plans(last_day: date) -> list[_Plan]:
    """Every plan with a final issued by ``last_day``, with its child's date of birth and
    primary need, its finals and the day it ceased: one query for the versions (joined to the
    child) and a few for the cessations (``ceased_by``)."""
    versions = (
        PlanVersion.objects.filter(kind__in=_FINALS, issued_on__lte=last_day)
        .values_list(
            "plan_id",
            "plan__case__child_id",
            "plan__case__child__date_of_birth",
            "plan__case__child__primary_need",
            "issued_on",
            "placement_setting_id",
            "placement_setting__establishment_type",
            "placement_type",
        )
        .order_by("plan_id", "issued_on", "number")
    )
    plans: dict[int, _Plan] = {}
    for plan_id, child_id, born, need, issued_on, setting_id, establishment, type_ in versions:
        assert issued_on is not None  # filtered above
        plan = plans.get(plan_id) or plans.setdefault(
            plan_id, _Plan(child_id, born, need or UNKNOWN_NEED, issued_on)
        )
        plan.finals.append((issued_on, setting_id, establishment or type_ or ""))
    for cessation, effective in ceased_by(last_day):
        if cessation.plan_id in plans:
            plans[cessation.plan_id].ceased_on = effective
    return list(plans.values())


def snapshot_years(today: date | None = None) -> list[int]:
    """The Januaries with at least one maintained plan, up to the latest census day on or
    before ``today``, oldest first."""
    today = today or timezone.localdate()
    last = today.year if census_day(today.year) <= today else today.year - 1
    plans = _plans(census_day(last))
    if not plans:
        return []
    first = min(plan.first_final_on for plan in plans).year
    return [
        year
        for year in range(first, last + 1)
        if any(plan.maintained_on(census_day(year)) for plan in plans)
    ]


@dataclass(frozen=True)
class Placed:
    """One child on one census day: the state and the setting (None: a type only, or none)."""

    child_id: int
    ncy: int
    need: str
    category: str
    setting_id: int | None


@dataclass(frozen=True)
class Snapshots:
    """The January snapshots of several years; how many children with a plan each year were
    left out because their NCY is outside -4 to 20, and how many were counted as "other"
    because their placement's category does not take their year group."""

    by_year: dict[int, Snapshot]
    outside_ncy: dict[int, int]
    placement_not_valid: dict[int, int] = field(default_factory=dict)


#: The category of a child whose placement's category does not take their year group (a
#: record naming a college for a child of 8): valid at every NCY, so nobody is lost.
FALLBACK_CATEGORY = "other"


def model_category(row: "Placed", space: StateSpace) -> str:
    """The placement's category where it takes the child's NCY and need, else ``other``."""
    if row.category in space.settings and row.need in space.needs:
        cell = (
            int(space.ncy_index(row.ncy)),
            space.needs.index(row.need),
            space.settings.index(row.category),
        )
        if space.valid[cell]:
            return row.category
    return FALLBACK_CATEGORY if FALLBACK_CATEGORY in space.settings else row.category


def ncy_in_january(date_of_birth: date, year: int) -> int:
    """The national curriculum year in January ``year``: age on 31 August of ``year - 1``
    minus 4 (Reception = 0). Children born after that day get an NCY below -4."""
    start = date(year - 1, 8, 31)
    if date_of_birth > start:
        return NCY_MIN - 1
    return codes.age_on(date_of_birth, start) - 4


def placements(years: Sequence[int]) -> dict[int, list[Placed]]:
    """Everyone with a maintained plan on each year's census day, whatever their NCY. A child
    with two plans maintained that day counts once, at the newer plan's placement."""
    if not years:
        return {}
    plans = sorted(_plans(census_day(max(years))), key=lambda p: p.first_final_on)
    out: dict[int, list[Placed]] = {}
    for year in years:
        day = census_day(year)
        chosen: dict[int, _Plan] = {}
        for plan in plans:
            if plan.maintained_on(day):
                chosen[plan.child_id] = plan  # sorted: the newest plan wins
        rows = []
        for child_id, plan in sorted(chosen.items()):
            setting_id, category = plan.placement_on(day)
            rows.append(
                Placed(
                    child_id=child_id,
                    ncy=ncy_in_january(plan.born, year),
                    need=plan.need,
                    category=category,
                    setting_id=setting_id,
                )
            )
        out[year] = rows
    return out


def january_snapshots(years: Sequence[int], space: StateSpace) -> Snapshots:
    """Each year's snapshot in the model's codes. Children outside NCY -4..20 are left out
    and counted; a placement whose category does not take the child's NCY counts as
    ``other`` (and is counted): the model would otherwise drop the child at once."""
    by_year: dict[int, Snapshot] = {}
    outside: dict[int, int] = {}
    not_valid: dict[int, int] = {}
    for year, rows in placements(years).items():
        inside = [r for r in rows if NCY_MIN <= r.ncy <= NCY_MAX]
        outside[year] = len(rows) - len(inside)
        chosen = [model_category(r, space) for r in inside]
        not_valid[year] = sum(c != r.category for c, r in zip(chosen, inside, strict=True))
        by_year[year] = space.snapshot(
            year,
            [r.child_id for r in inside],
            [r.ncy for r in inside],
            [r.need for r in inside],
            chosen,
        )
    return Snapshots(by_year=by_year, outside_ncy=outside, placement_not_valid=not_valid)


def january_snapshot(year: int, space: StateSpace) -> Snapshot:
    return january_snapshots([year], space).by_year[year]


def locality_shares(year: int, space: StateSpace) -> dict[str, dict[str, float]]:
    """For each setting category, the share of its children with plans in January ``year`` at
    settings in each locality (each child in the category the snapshot counts them in);
    settings with no capacity recorded are "Not recorded"."""
    localities = dict(SettingCapacity.objects.values_list("setting_id", "locality"))
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in placements([year]).get(year, []):
        if NCY_MIN <= row.ncy <= NCY_MAX:
            locality = localities.get(row.setting_id or 0, NOT_RECORDED)
            counts[model_category(row, space)][locality] += 1
    return {
        category: {loc: n / sum(by_loc.values()) for loc, n in sorted(by_loc.items())}
        for category, by_loc in counts.items()
    }


# --- Population -----------------------------------------------------------------------------


def population_is_loaded() -> bool:
    """Are ONS estimates loaded for the council (the default population of a forecast)?"""
    return Population.objects.filter(area_code=django_settings.THRIVE_LA_CODE).exists()


def population_history(
    years: Iterable[int], projection: PopulationProjection | None, space: StateSpace
) -> dict[int, FloatArray]:
    """The general population by NCY (-4 to 20) for each January in ``years``: the uploaded
    projection's rows when one is given, else the ONS mid-year estimates loaded for the
    council, rolled by cohort to the years they do not cover."""
    wanted = sorted(set(years))
    if projection is not None:
        return _projection_rows(projection, wanted, space)
    estimates: dict[int, dict[int, int]] = defaultdict(dict)
    rows = Population.objects.filter(
        level=Level.LOCAL_AUTHORITY, area_code=django_settings.THRIVE_LA_CODE
    ).values_list("year", "age", "population")
    for year, age, count in rows:
        estimates[year][age] = count
    if not estimates:
        raise Refusal(LOAD_POPULATION, field="population")
    try:
        by_ncy = population_by_ncy(estimates, wanted, space)
    except ValueError as error:
        message = f"The population figures loaded cannot be used: {error}."
        raise Refusal(message, "population") from None
    return {year: values.astype(np.float64) for year, values in by_ncy.items()}


def _projection_rows(
    projection: PopulationProjection, years: list[int], space: StateSpace
) -> dict[int, FloatArray]:
    rows = {int(year): values for year, values in projection.rows.items()}
    missing = [year for year in years if year not in rows]
    if missing:
        raise Refusal(
            f"The population file '{projection.name}' has no figures for January "
            f"{', '.join(str(y) for y in missing)}. Upload one that covers every year of the "
            "history and the forecast.",
            field="population",
        )
    out = {}
    for year in years:
        values = np.asarray(rows[year], dtype=np.float64)
        if values.shape != (space.n_ncy,):
            raise Refusal(
                f"The population file '{projection.name}' does not have one figure for each "
                f"year group from {space.ncy_min} to {space.ncy_max} in January {year}.",
                field="population",
            )
        out[year] = values
    return out


# --- Requests refused -----------------------------------------------------------------------


def refusal_share_history(years: Iterable[int]) -> float | None:
    """The share of requests refused (a decision not to assess, or an assessment that ended
    in a decision not to issue) among requests with either decision or a decision to issue,
    received in the calendar year before each January in ``years``: the requests whose plans
    would have joined by that January. Decisions as recorded today, as the dashboard counts
    them. None when no request in those years has a decision."""
    received = {year - 1 for year in years}
    if not received:
        return None
    decided = refused = 0
    for row in case_milestones().order_by():
        if row["received_on"] is None or row["received_on"].year not in received:
            continue
        if row["not_assessed_on"] is not None or row["not_issued_on"] is not None:
            refused += 1
            decided += 1
        elif row["issue_on"] is not None:
            decided += 1
    return refused / decided if decided else None


# --- Costs and capacity ---------------------------------------------------------------------


@dataclass(frozen=True)
class UnitCosts:
    """Yearly cost of a placement by (need, setting) in the space's order, at ``price_year``
    prices, with each cell's yearly uplift. ``missing`` lists the (need, setting) pairs with
    no cost recorded (costed at zero)."""

    annual: FloatArray
    uplift_percent: FloatArray
    price_year: int | None
    missing: tuple[tuple[str, str], ...]


def unit_cost_records() -> list[dict[str, Any]]:
    """The unit costs recorded now, as a run keeps them (``recorded_assumptions``)."""
    rows = UnitCost.objects.order_by("setting_category", "need").values_list(
        "need", "setting_category", "annual_cost", "uplift_percent", "price_year"
    )
    return [
        {
            "need": need,
            "category": category,
            "annual_cost": float(cost),
            "uplift_percent": float(uplift),
            "price_year": price_year,
        }
        for need, category, cost, uplift, price_year in rows
    ]


def unit_cost_arrays(
    space: StateSpace, records: Sequence[Mapping[str, Any]] | None = None
) -> UnitCosts:
    """The costs as arrays at one price year (the latest recorded): a cost recorded at an
    earlier price year is uplifted to it by its own yearly uplift."""
    records = unit_cost_records() if records is None else records
    annual = np.zeros((len(space.needs), len(space.settings)))
    uplift = np.zeros_like(annual)
    found = np.zeros(annual.shape, dtype=bool)
    need_index = {n: i for i, n in enumerate(space.needs)}
    setting_index = {s: i for i, s in enumerate(space.settings)}
    usable = [r for r in records if r["need"] in need_index and r["category"] in setting_index]
    price_year = max((int(r["price_year"]) for r in usable), default=None)
    for r in usable:
        assert price_year is not None
        cell = (need_index[r["need"]], setting_index[r["category"]])
        growth = (1 + float(r["uplift_percent"]) / 100) ** (price_year - int(r["price_year"]))
        annual[cell] = float(r["annual_cost"]) * growth
        uplift[cell] = float(r["uplift_percent"])
        found[cell] = True
    missing = tuple(
        (need, setting)
        for n, need in enumerate(space.needs)
        for s, setting in enumerate(space.settings)
        if not found[n, s]
    )
    return UnitCosts(annual, uplift, price_year, missing)


class CapacityRow(NamedTuple):
    setting_id: int
    category: str
    locality: str
    places: int


def capacity_settings() -> list[CapacityRow]:
    """Every setting with places recorded: its category, locality and places."""
    rows = SettingCapacity.objects.values_list(
        "setting_id", "setting__establishment_type", "locality", "places"
    ).order_by("locality", "setting__name")
    return [
        CapacityRow(setting_id, categories.setting_category(establishment), locality, places)
        for setting_id, establishment, locality, places in rows
    ]


def recorded_assumptions() -> dict[str, Any]:
    """The unit costs and places recorded now: a run keeps them with its inputs, so that
    re-running it uses the same ones whatever has been changed since."""
    return {
        "unit_costs": unit_cost_records(),
        "capacity": [row._asdict() for row in capacity_settings()],
    }


# --- Published figures ----------------------------------------------------------------------


def published_counts(area_code: str | None = None) -> dict[str, dict[int, float]]:
    """Every council's (or one council's) published number of EHC plans each January
    (``active_plans``), from the latest release that gives each year:
    {DfE LA code: {January year: count}}."""
    rows = PublishedFigure.objects.filter(
        measure="active_plans", level=Level.LOCAL_AUTHORITY, value__isnull=False
    )
    if area_code is not None:
        rows = rows.filter(area_code=area_code)
    latest: dict[str, dict[int, tuple[str, float]]] = defaultdict(dict)
    for code, period, release, value in rows.values_list("area_code", "period", "release", "value"):
        assert value is not None  # filtered above
        year = int(period[:4]) + 1 if len(period) == 6 else int(period)
        seen = latest[code].get(year)
        if seen is None or release > seen[0]:
            latest[code][year] = (release, float(value))
    return {
        code: {year: by_year[year][1] for year in sorted(by_year)}
        for code, by_year in sorted(latest.items())
    }


def published_series() -> dict[int, float]:
    """The council's published number of EHC plans each January: {January year: count}."""
    code = django_settings.THRIVE_LA_CODE
    return published_counts(code).get(code, {})
