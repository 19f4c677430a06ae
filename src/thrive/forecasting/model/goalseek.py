"""Goal-seek: the lever factor that makes a forecast hit a target (forecasting.md, "Scenario
levers": "goal-seek the factor that hits a target").

``evaluate(factor)`` is typically "run the simulation with this factor and return the median
number of children in special schools in 2029". With a fixed seed the simulations share their
random numbers across factors (common random numbers), so the median moves monotonically
enough with the factor for bisection, which needs no derivative and only one simulation per
step."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class GoalSeekResult:
    factor: float
    achieved: float  # evaluate(factor)
    reached: bool  # achieved within the tolerance of the target
    iterations: int  # bisection steps after the two ends


def goal_seek(
    evaluate: Callable[[float], float],
    target: float,
    *,
    low: float = 0.0,
    high: float = 5.0,
    tolerance: float = 0.5,
    max_iterations: int = 20,
) -> GoalSeekResult:
    """Bisect [low, high] for the factor whose value is within ``tolerance`` of ``target``.

    Whether the function increases or decreases is read from its ends. A target outside the
    values at the ends cannot be reached by any factor in the range: the nearer end is returned
    with ``reached=False``, so the page can say how close the range gets."""
    if not low < high:
        raise ValueError("low must be below high")
    f_low, f_high = evaluate(low), evaluate(high)
    best = min(((low, f_low), (high, f_high)), key=lambda p: abs(p[1] - target))
    if abs(best[1] - target) <= tolerance or not min(f_low, f_high) <= target <= max(f_low, f_high):
        return GoalSeekResult(best[0], best[1], abs(best[1] - target) <= tolerance, 0)
    increasing = f_high >= f_low
    for step in range(1, max_iterations + 1):
        mid = (low + high) / 2
        f_mid = evaluate(mid)
        if abs(f_mid - target) < abs(best[1] - target):
            best = (mid, f_mid)
        if abs(f_mid - target) <= tolerance:
            return GoalSeekResult(mid, f_mid, True, step)
        if (f_mid < target) == increasing:
            low = mid
        else:
            high = mid
    return GoalSeekResult(best[0], best[1], False, max_iterations)
