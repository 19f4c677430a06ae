"""Reading published statistics: one council against its region, England and its statistical
neighbours, for the latest year and over time. Public aggregate figures: no access policy
applies to the rows themselves; the pages check Action.INSIGHT_VIEW."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from django.conf import settings
from django.db.models import QuerySet, Sum

from thrive.people.models import LocalAuthority

from .measures import MEASURES, RATE_BASE, Measure, population_year
from .models import Level, Population, PublishedFigure, StatisticalNeighbour

DEFAULT_EDITION = 2025


@dataclass(frozen=True)
class Figure:
    area_code: str
    area_name: str
    value: float | None
    numerator: int | None = None
    denominator: int | None = None
    value_published: bool = True
    population: int | None = None  # aged 0 to 25, for a count's rate; None when not loaded

    @property
    def rate(self) -> float | None:
        """The count per 10,000 of the population aged 0 to 25, when both are known."""
        if self.value is None or not self.population:
            return None
        return RATE_BASE * self.value / self.population


@dataclass(frozen=True)
class Average:
    """The plain mean of the neighbours' values (LAIT's convention), over those published."""

    value: float | None
    counted: int
    of: int


@dataclass(frozen=True)
class Comparison:
    measure: Measure
    period: str
    council: Figure | None
    region: Figure | None
    england: Figure | None
    neighbour_average: Average
    neighbours: list[Figure]
    population_year: int | None = None  # the mid-year estimate a count's rates use
    rate_average: Average | None = None  # the plain mean of the neighbours' rates


@dataclass(frozen=True)
class TrendPoint:
    period: str
    council: float | None
    region: float | None
    england: float | None
    neighbour_average: Average


def measures() -> tuple[Measure, ...]:
    return MEASURES


def neighbours_of(la_code: str, edition: int = DEFAULT_EDITION) -> list[str]:
    """The council's statistical neighbours in rank order (empty when none are loaded)."""
    return list(
        StatisticalNeighbour.objects.filter(edition=edition, la_code=la_code)
        .order_by("rank")
        .values_list("neighbour_code", flat=True)
    )


def editions() -> list[int]:
    return sorted(
        StatisticalNeighbour.objects.values_list("edition", flat=True).distinct(), reverse=True
    )


def local_authorities() -> list[tuple[str, str]]:
    """(DfE number, name) of every LA with published figures, by name."""
    codes = PublishedFigure.objects.filter(level=Level.LOCAL_AUTHORITY).values("area_code")
    return list(
        LocalAuthority.objects.filter(code__in=codes).order_by("name").values_list("code", "name")
    )


def latest_period(measure: Measure) -> str | None:
    found = (
        PublishedFigure.objects.filter(measure=measure.key, value__isnull=False)
        .order_by("-period")
        .values_list("period", flat=True)
        .first()
    )
    return found


def comparison(
    la_code: str, measure: Measure, period: str, neighbours: Sequence[str] | None = None
) -> Comparison:
    """The council's figure for `period` beside its region's, England's and its neighbours'.
    `neighbours` is a chosen comparison group; by default the 2025 statistical neighbours.
    A count also has each area's rate per 10,000 aged 0 to 25 where its population is loaded."""
    group = list(neighbours) if neighbours is not None else neighbours_of(la_code)
    by_area = _figures(measure, [la_code, *group], periods=[period])
    region = _region_code(la_code)
    others = _figures_by_level(measure, period)
    chosen = [by_area.get((code, period)) or _absent(code) for code in group]
    found = Comparison(
        measure=measure,
        period=period,
        council=by_area.get((la_code, period)),
        region=others.get(region) if region else None,
        england=others.get(_ENGLAND_KEY),
        neighbour_average=_average([f.value for f in chosen], of=len(group)),
        neighbours=chosen,
    )
    return _with_rates(found, population_year(period)) if measure.has_rate else found


def _with_rates(found: Comparison, year: int) -> Comparison:
    """Each figure with its area's population aged 0 to 25 in `year` (None where that area and
    year are not loaded), and the plain mean of the neighbours' rates."""
    areas = [found.council, found.region, found.england, *found.neighbours]
    populations = populations_0_to_25(year, [f.area_code for f in areas if f])

    def add(figure: Figure | None) -> Figure | None:
        return replace(figure, population=populations.get(figure.area_code)) if figure else None

    neighbours = [replace(f, population=populations.get(f.area_code)) for f in found.neighbours]
    return replace(
        found,
        council=add(found.council),
        region=add(found.region),
        england=add(found.england),
        neighbours=neighbours,
        population_year=year,
        rate_average=_average([f.rate for f in neighbours], of=len(neighbours)),
    )


def trend(
    la_code: str, measure: Measure, neighbours: Sequence[str] | None = None
) -> list[TrendPoint]:
    """Every published period, oldest first, for the council, its region, England and the
    average of its neighbours (by default the 2025 statistical neighbours)."""
    group = list(neighbours) if neighbours is not None else neighbours_of(la_code)
    region = _region_code(la_code)
    by_area = _figures(measure, [la_code, *group, *([region] if region else [])])
    england = {
        period: figure
        for (code, period), figure in _latest_release(
            PublishedFigure.objects.filter(measure=measure.key, level=Level.NATIONAL)
        ).items()
    }
    periods = sorted({p for _, p in by_area} | set(england))
    return [
        TrendPoint(
            period=period,
            council=_value(by_area.get((la_code, period))),
            region=_value(by_area.get((region, period))) if region else None,
            england=_value(england.get(period)),
            neighbour_average=_average(
                [_value(by_area.get((code, period))) for code in group], of=len(group)
            ),
        )
        for period in periods
    ]


def population_0_to_25(year: int, area_code: str = "") -> int | None:
    """ONS mid-year population aged 0 to 25 of the council (or `area_code`), or None when that
    year is not loaded. The insight app reads it through settings.THRIVE_POPULATION_0_TO_25."""
    total = Population.objects.filter(
        area_code=area_code or settings.THRIVE_LA_CODE, year=year
    ).aggregate(total=Sum("population"))["total"]
    return int(total) if total is not None else None


def populations_0_to_25(year: int, area_codes: Iterable[str]) -> dict[str, int]:
    """Each area's ONS mid-year population aged 0 to 25 in `year`, in one query; an area or
    year that is not loaded is left out."""
    rows = (
        Population.objects.filter(year=year, area_code__in=set(area_codes))
        .values("area_code")
        .annotate(total=Sum("population"))
    )
    return {row["area_code"]: int(row["total"]) for row in rows}


_ENGLAND_KEY = "england"


def _figures(
    measure: Measure, codes: Iterable[str], periods: Sequence[str] | None = None
) -> dict[tuple[str, str], Figure]:
    rows = PublishedFigure.objects.filter(measure=measure.key, area_code__in=set(codes)).exclude(
        level=Level.NATIONAL
    )
    if periods is not None:
        rows = rows.filter(period__in=periods)
    return _latest_release(rows)


def _figures_by_level(measure: Measure, period: str) -> dict[str, Figure]:
    rows = PublishedFigure.objects.filter(
        measure=measure.key, period=period, level__in=[Level.NATIONAL, Level.REGIONAL]
    )
    return {
        (_ENGLAND_KEY if figure.area_code.startswith("E92") else code): figure
        for (code, _), figure in _latest_release(rows).items()
    }


def _latest_release(rows: QuerySet[PublishedFigure]) -> dict[tuple[str, str], Figure]:
    """One figure per (area, period): where two releases cover a year, the newer one wins."""
    found: dict[tuple[str, str], Figure] = {}
    for row in rows.order_by("release"):
        found[(row.area_code, row.period)] = Figure(
            row.area_code,
            row.area_name,
            row.value,
            row.numerator,
            row.denominator,
            row.value_published,
        )
    return found


def _region_code(la_code: str) -> str:
    """The council's region, from its newest published row (LAs keep their region's code)."""
    code = (
        PublishedFigure.objects.filter(level=Level.LOCAL_AUTHORITY, area_code=la_code)
        .exclude(region_code="")
        .order_by("-release", "-period")
        .values_list("region_code", flat=True)
        .first()
    )
    return code or ""


def _absent(code: str) -> Figure:
    name = LocalAuthority.objects.filter(code=code).values_list("name", flat=True).first()
    return Figure(code, name or code, None)


def _value(figure: Figure | None) -> float | None:
    return figure.value if figure else None


def _average(values: Sequence[float | None], *, of: int) -> Average:
    present = [v for v in values if v is not None]
    mean = sum(present) / len(present) if present else None
    return Average(mean, len(present), of)


def region_name(la_code: str) -> str:
    """The name of the council's region, as its newest published figures give it."""
    code = _region_code(la_code)
    found = (
        PublishedFigure.objects.filter(level=Level.REGIONAL, area_code=code)
        .order_by("-release")
        .values_list("area_name", flat=True)
        .first()
    )
    return found or ""
