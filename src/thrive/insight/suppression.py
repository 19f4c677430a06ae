"""Small-number suppression, as DfE does in its statistics.

DfE's statistics policy protects children from being identified in published tables by
replacing small numbers with "c" (DfE "Statistics: confidentiality" and the symbols used in
its EHC plan release). The issue asks for "the DfE's suppression threshold": figures built from
fewer than ``THRIVE_SUPPRESSION_THRESHOLD`` children (default 5) are hidden from anyone without
`Action.INSIGHT_UNSUPPRESSED`, and always in downloads. A share is also hidden when its
complement (denominator minus numerator) is small, since the two together would reveal it.
"""

from dataclasses import dataclass

from django.conf import settings

SUPPRESSED = "[c]"
DEFAULT_THRESHOLD = 5


def threshold() -> int:
    return int(getattr(settings, "THRIVE_SUPPRESSION_THRESHOLD", DEFAULT_THRESHOLD))


def is_small(count: int) -> bool:
    """1 to threshold - 1: small enough to identify a child. Zero reveals nobody."""
    return 0 < count < threshold()


@dataclass(frozen=True)
class Figure:
    """One number as shown: `value` is None when there is nothing to show or it is hidden."""

    text: str
    value: float | None
    suppressed: bool = False


HIDDEN = Figure(SUPPRESSED, None, suppressed=True)


def count_figure(count: int, *, suppress: bool) -> Figure:
    if suppress and is_small(count):
        return HIDDEN
    return Figure(f"{count:,}", float(count))


def share_figure(numerator: int, denominator: int, *, suppress: bool) -> Figure:
    if denominator == 0:
        return Figure("None", None)
    small = denominator < threshold() or is_small(numerator) or is_small(denominator - numerator)
    if suppress and small:
        return HIDDEN
    percent = 100 * numerator / denominator
    return Figure(f"{percent:.0f}%", percent)


def weeks_figure(weeks: float | None, size: int, *, suppress: bool) -> Figure:
    if weeks is None or size == 0:
        return Figure("None", None)
    if suppress and size < threshold():
        return HIDDEN
    return Figure(f"{weeks:.1f}", weeks)
