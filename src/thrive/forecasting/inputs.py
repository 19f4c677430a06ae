"""What a forecast scenario is made of, checked. Pure Python: no Django.

A scenario's inputs are stored as JSON (``ScenarioInputs.to_json``) with the seed and the model
version, so a saved scenario re-runs exactly. ``ScenarioInputs.from_json`` checks everything
and raises ``InputError`` naming the field, in plain English."""

from dataclasses import asdict, dataclass, field
from typing import Any, Final

from .categories import SETTING_CATEGORY_CODES

#: Bump when a change to the model would change a saved scenario's results.
MODEL_VERSION: Final = "1.0"

VARIANTS: Final[tuple[tuple[str, str], ...]] = (
    ("stationary", "Stationary: rates stay as they have been on average"),
    ("trend", "Trend: joining rates keep changing as they have"),
    ("damped", "Damped trend: joining rates keep changing, but the change slows"),
)
VARIANT_CODES: Final = tuple(code for code, _ in VARIANTS)
FLOW_KINDS: Final[tuple[tuple[str, str], ...]] = (
    ("into", "Children joining or moving into the setting"),
    ("out_of", "Children leaving or moving out of the setting"),
)
MAX_SIMULATIONS: Final = 5000
MAX_YEARS: Final = 10


class InputError(ValueError):
    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class FlowChange:
    """Multiply the flows into (joiners and movers in) or out of (leavers and movers out) a
    setting category by ``factor`` from the January of ``from_year`` on."""

    kind: str
    category: str
    factor: float
    from_year: int


@dataclass(frozen=True)
class Closure:
    """Close a setting category from ``from_year``: its children move elsewhere or leave and
    nobody joins it."""

    category: str
    from_year: int


@dataclass(frozen=True)
class CapacityChange:
    """Open or close places from the January of ``year``: an existing setting (``setting_id``)
    closing, or new places (``name``, ``category``, ``locality``, ``places``) opening."""

    change: str  # "open" or "close"
    year: int
    setting_id: int | None = None
    name: str = ""
    category: str = ""
    locality: str = ""
    places: int = 0


@dataclass(frozen=True)
class ScenarioInputs:
    base_year: int  # the January the projection starts from (the latest snapshot used)
    variant: str = "trend"
    years: int = 5
    simulations: int = 1000
    seed: int = 1
    history_from: int | None = None  # ignore history before this January
    flow_changes: tuple[FlowChange, ...] = field(default_factory=tuple)
    closures: tuple[Closure, ...] = field(default_factory=tuple)
    capacity_changes: tuple[CapacityChange, ...] = field(default_factory=tuple)
    # A new share of requests refused (0 to 1) from ``refusal_from_year``: joiners scale by
    # (1 - new share) / (1 - the share in the area's history).
    refusal_share: float | None = None
    refusal_from_year: int | None = None

    def __post_init__(self) -> None:
        _check(self)

    @property
    def last_year(self) -> int:
        return self.base_year + self.years

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "ScenarioInputs":
        try:
            return cls(
                base_year=int(data["base_year"]),
                variant=str(data.get("variant", "trend")),
                years=int(data.get("years", 5)),
                simulations=int(data.get("simulations", 1000)),
                seed=int(data.get("seed", 1)),
                history_from=_maybe_int(data.get("history_from")),
                flow_changes=tuple(FlowChange(**c) for c in data.get("flow_changes", ())),
                closures=tuple(Closure(**c) for c in data.get("closures", ())),
                capacity_changes=tuple(
                    CapacityChange(**c) for c in data.get("capacity_changes", ())
                ),
                refusal_share=_maybe_float(data.get("refusal_share")),
                refusal_from_year=_maybe_int(data.get("refusal_from_year")),
            )
        except (KeyError, TypeError) as error:
            raise InputError(f"The scenario is incomplete: {error}", field="base_year") from None


def _maybe_int(value: Any) -> int | None:
    return None if value in (None, "") else int(value)


def _maybe_float(value: Any) -> float | None:
    return None if value in (None, "") else float(value)


def _check(s: ScenarioInputs) -> None:
    if s.variant not in VARIANT_CODES:
        raise InputError("Choose stationary, trend or damped trend", "variant")
    if not 1 <= s.years <= MAX_YEARS:
        raise InputError(f"Enter a number of years from 1 to {MAX_YEARS}", "years")
    if not 100 <= s.simulations <= MAX_SIMULATIONS:
        raise InputError(
            f"Enter a number of simulations from 100 to {MAX_SIMULATIONS}", "simulations"
        )
    if not 0 <= s.seed < 2**32:
        raise InputError("Enter a seed of 0 or more", "seed")
    if s.history_from is not None and s.history_from >= s.base_year:
        raise InputError(
            "The first year of history must be before the starting January", "history_from"
        )
    projected = range(s.base_year + 1, s.last_year + 1)
    for change in s.flow_changes:
        if change.kind not in {k for k, _ in FLOW_KINDS}:
            raise InputError("Choose flows into or out of the setting", "flow_kind")
        _category(change.category, "flow_category")
        if not 0 <= change.factor <= 10:
            raise InputError(
                "Enter a factor from 0 to 10, for example 1.2 for 20% more", "flow_factor"
            )
        _year(change.from_year, projected, "flow_from_year")
    for closure in s.closures:
        _category(closure.category, "closure_category")
        _year(closure.from_year, projected, "closure_from_year")
    for cap in s.capacity_changes:
        if cap.change not in {"open", "close"}:
            raise InputError("Choose opening or closing places", "capacity_change")
        _year(cap.year, projected, "capacity_year")
        if cap.change == "open":
            _category(cap.category, "capacity_category")
            if not cap.name.strip():
                raise InputError("Enter a name for the new places", "capacity_name")
            if not 1 <= cap.places <= 5000:
                raise InputError("Enter the number of places, from 1 to 5,000", "capacity_places")
        elif cap.setting_id is None:
            raise InputError("Choose the setting that closes", "capacity_setting")
    if s.refusal_share is not None:
        if not 0 <= s.refusal_share < 1:
            raise InputError(
                "Enter the share refused as a percentage from 0 to 99", "refusal_share"
            )
        if s.refusal_from_year is None:
            raise InputError("Enter the year the new share of refusals starts", "refusal_from_year")
        _year(s.refusal_from_year, projected, "refusal_from_year")


def _category(code: str, field_name: str) -> None:
    if code not in SETTING_CATEGORY_CODES:
        raise InputError("Choose a setting type", field_name)


def _year(year: int, projected: range, field_name: str) -> None:
    if year not in projected:
        raise InputError(f"Enter a year from {projected.start} to {projected.stop - 1}", field_name)
