"""Writes of the forecast's inputs the council keeps: unit costs, the places at each setting
and uploaded population projections. Each write is audited in the same transaction."""

from decimal import Decimal
from typing import Any

from django.db import transaction

from thrive.core.audit import audit_record
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction
from thrive.people.models import Setting

from .categories import SETTING_CATEGORY_LABELS
from .model.population import PopulationFileError, read_population_csv
from .models import PopulationProjection, SettingCapacity, UnitCost
from .space import default_space


class PopulationRefusal(Refusal):
    """A population file refused, with every problem found (one line each)."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("The file has problems, so nothing was saved", field="file")
        self.errors = errors


@transaction.atomic
def unit_cost_set(
    *,
    actor: Any,
    need: str,
    category: str,
    annual_cost: Decimal,
    uplift_percent: Decimal,
    price_year: int,
) -> UnitCost:
    """Set (add or replace) the yearly cost of a placement for ``need`` in ``category``."""
    if category not in SETTING_CATEGORY_LABELS:
        raise Refusal("Choose a setting type", field="setting_category")
    if annual_cost < 0:
        raise Refusal("The yearly cost must be £0 or more", field="annual_cost")
    cost, created = UnitCost.objects.update_or_create(
        need=need,
        setting_category=category,
        defaults={
            "annual_cost": annual_cost,
            "uplift_percent": uplift_percent,
            "price_year": price_year,
            "updated_by": actor,
        },
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE if created else AuditAction.CHANGE,
        obj=cost,
        summary="Unit cost set",
    )
    return cost


@transaction.atomic
def capacity_set(*, actor: Any, setting: Setting, places: int, locality: str) -> SettingCapacity:
    """Record (or change) the places for children with plans at ``setting`` and its locality."""
    if places < 0:
        raise Refusal("The number of places must be 0 or more", field="places")
    if not locality.strip():
        raise Refusal("Enter the locality", field="locality")
    capacity, created = SettingCapacity.objects.update_or_create(
        setting=setting,
        defaults={"places": places, "locality": locality.strip(), "updated_by": actor},
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE if created else AuditAction.CHANGE,
        obj=capacity,
        summary="Setting capacity set",
    )
    return capacity


@transaction.atomic
def population_upload(*, actor: Any, name: str, file_name: str, text: str) -> PopulationProjection:
    """Save a population projection read from witan.send's population.csv. Any problem in the
    file refuses the whole of it (``PopulationRefusal`` lists them), so nothing half-read is
    ever used."""
    if not name.strip():
        raise Refusal("Enter a name", field="name")
    try:
        by_year = read_population_csv(text, default_space())
    except PopulationFileError as error:
        raise PopulationRefusal(error.errors) from None
    if not by_year:
        raise PopulationRefusal(["The file has no rows of figures"])
    projection = PopulationProjection.objects.create(
        name=name.strip(),
        file_name=file_name[:200],
        rows={str(year): [int(v) for v in values] for year, values in sorted(by_year.items())},
        uploaded_by=actor,
    )
    audit_record(
        actor=actor, action=AuditAction.CREATE, obj=projection, summary="Population uploaded"
    )
    return projection
