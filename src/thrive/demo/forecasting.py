"""The demo area's forecasting inputs: unit costs and the places recorded at its settings.

ILLUSTRATIVE FIGURES ONLY. The unit costs are made up to be of a plausible size (a
mainstream placement about £8,000 a year in top-up funding, a state special school about
£25,000, an independent special school about £60,000, with small differences by need and a
3% yearly uplift); they are not any council's costs or DfE's. The places are made up from
the demo area's own children: each setting where children with plans are placed gets about
as many places as it has such children (0.85 to 1.15 times, seeded), in one of five made-up
localities chosen by a stable hash of the setting. A council enters its own figures on the
forecasting pages.

The general population is not made up: it is ONS's, loaded by ``thrive load-benchmarks``;
without it the forecasting pages say how to load it."""

import random
import zlib
from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction

from thrive.forecasting import selectors
from thrive.forecasting.categories import SETTING_CATEGORY_CODES
from thrive.forecasting.models import SettingCapacity, UnitCost
from thrive.law import codes
from thrive.people.models import Setting

#: Made-up localities of the demo area.
LOCALITIES = ("North", "South", "East", "West", "Central")
UPLIFT_PERCENT = Decimal("3")
#: Illustrative yearly cost of a placement by setting category, pounds.
CATEGORY_COST = {
    "early_years": 6_000,
    "mainstream": 8_000,
    "special_state": 25_000,
    "special_independent": 60_000,
    "alternative_provision": 20_000,
    "further_education": 9_000,
    "specialist_post_16": 45_000,
    "other": 7_000,
}
#: Illustrative differences by need (a factor on the category's cost; 1 where not listed).
NEED_FACTOR = {
    "PMLD": 1.20,
    "SLD": 1.15,
    "MSI": 1.15,
    "SEMH": 1.08,
    "ASD": 1.05,
    "PD": 1.05,
    "HI": 1.03,
    "VI": 1.03,
    "SLCN": 0.95,
    "MLD": 0.95,
    "SPLD": 0.90,
}
PLACES_LOW, PLACES_HIGH = 0.85, 1.15


@dataclass(frozen=True)
class Summary:
    unit_costs: int
    settings: int
    places: int
    population_loaded: bool


def forecasting_is_set_up() -> bool:
    return UnitCost.objects.exists() or SettingCapacity.objects.exists()


def unit_cost(need: str, category: str) -> Decimal:
    """The illustrative yearly cost, rounded to £10."""
    pounds = CATEGORY_COST[category] * NEED_FACTOR.get(need, 1.0)
    return Decimal(round(pounds / 10) * 10)


def locality_of(setting: Setting) -> str:
    """One of the made-up localities, the same for a setting every time (crc32, not hash():
    Python salts string hashes per process)."""
    key = setting.urn or f"setting-{setting.pk}"
    return LOCALITIES[zlib.crc32(key.encode()) % len(LOCALITIES)]


def _children_by_setting(today: date) -> Counter[int]:
    years = selectors.snapshot_years(today)
    if not years:
        return Counter()
    placed = selectors.placements([years[-1]])[years[-1]]
    return Counter(row.setting_id for row in placed if row.setting_id is not None)


@transaction.atomic
def generate_forecasting(*, seed: int, today: date) -> Summary:
    """Illustrative unit costs for every need and setting category, and places at every
    setting where children with plans are placed on the latest census day."""
    UnitCost.objects.bulk_create(
        UnitCost(
            need=need,
            setting_category=category,
            annual_cost=unit_cost(need, category),
            uplift_percent=UPLIFT_PERCENT,
            price_year=today.year,
        )
        for need in codes.SEN_TYPES.codes
        for category in SETTING_CATEGORY_CODES
    )
    rng = random.Random(seed)
    counts = _children_by_setting(today)
    placed = Setting.objects.filter(pk__in=counts).order_by("pk")
    capacities = [
        SettingCapacity(
            setting=setting,
            places=max(1, round(counts[setting.pk] * rng.uniform(PLACES_LOW, PLACES_HIGH))),
            locality=locality_of(setting),
        )
        for setting in placed
    ]
    SettingCapacity.objects.bulk_create(capacities)
    return Summary(
        unit_costs=len(codes.SEN_TYPES.codes) * len(SETTING_CATEGORY_CODES),
        settings=len(capacities),
        places=sum(c.places for c in capacities),
        population_loaded=selectors.population_is_loaded(),
    )
