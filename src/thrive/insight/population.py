"""The 0 to 25 population that rates per 10,000 are worked out from.

The figures come from ONS mid-year estimates, loaded by the benchmarks app. This app only reads
them through one function, named by the setting ``THRIVE_POPULATION_0_TO_25``: a dotted path
to ``population_0_to_25(year) -> int | None``. Unset, no population is loaded and pages say so.
"""

from collections.abc import Callable

from django.conf import settings
from django.utils.module_loading import import_string

PopulationSource = Callable[[int], int | None]

RATE_BASE = 10_000  # DfE publishes rates per 10,000 of the population


def population_0_to_25(year: int) -> int | None:
    """The area's population aged 0 to 25 in `year`, or None when it is not loaded."""
    path = getattr(settings, "THRIVE_POPULATION_0_TO_25", "")
    if not path:
        return None
    source: PopulationSource = import_string(path)
    return source(year)


def rate_per_10_000(count: int, population: int | None) -> float | None:
    if not population:
        return None
    return count * RATE_BASE / population
