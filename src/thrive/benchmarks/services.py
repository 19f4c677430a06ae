"""Writing published statistics: one load, in one transaction, replacing what it reloads."""

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

from thrive.core.audit import audit_record
from thrive.core.models import AuditAction
from thrive.people.models import LocalAuthority

from . import loader
from .models import BenchmarkLoad, Population, PublishedFigure, StatisticalNeighbour

BATCH = 2000


@dataclass(frozen=True)
class LoadReport:
    """What a load read (and, unless it was a dry run, wrote)."""

    files: list[str]
    rows_per_measure: dict[str, int]
    periods_per_measure: dict[str, tuple[str, str]]
    local_authorities: int
    neighbours: int
    population_rows: int
    local_authorities_added: int
    written: bool


class _DryRun(Exception):
    """Raised inside the transaction to roll back a dry run after everything was checked."""


def benchmarks_load(
    *, actor: Any, data: Path, only: set[str] | None = None, dry_run: bool = False
) -> LoadReport:
    """Load published figures, statistical neighbours and population from `data`.

    Every file is read and checked before anything is written; then each file's earlier rows
    are deleted and its rows inserted in one transaction, so a failed or repeated load leaves
    one consistent copy. A dry run does the writes and rolls them back."""
    read = loader.read_all(data, only)
    try:
        with transaction.atomic():
            added = _write(read, actor=actor)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return _report(read, added=added, written=not dry_run)


def _write(read: loader.Loaded, *, actor: Any) -> int:
    added = _local_authorities_update(read.areas.values())
    _figures_replace(read.figures)
    _neighbours_replace(read.neighbours)
    _population_replace(read.population)
    total = len(read.figures) + len(read.neighbours) + len(read.population)
    load = BenchmarkLoad.objects.create(files="\n".join(read.files), rows=total)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=load,
        summary=f"loaded {total} published statistics rows from {len(read.files)} files",
        channel="command",
    )
    return added


def _local_authorities_update(areas: Any) -> int:
    """Add the LAs the files name, and fill in a blank ONS code or region on existing ones.
    Existing names are kept: the council may have set its own."""
    existing = {la.code: la for la in LocalAuthority.objects.all()}
    new = [
        LocalAuthority(code=a.code, gss_code=a.gss_code, name=a.name, region=a.region)
        for a in areas
        if a.code not in existing
    ]
    LocalAuthority.objects.bulk_create(new, batch_size=BATCH)
    changed = []
    for area in areas:
        la = existing.get(area.code)
        if la and (not la.gss_code or not la.region):
            la.gss_code, la.region = la.gss_code or area.gss_code, la.region or area.region
            changed.append(la)
    LocalAuthority.objects.bulk_update(changed, ["gss_code", "region"], batch_size=BATCH)
    return len(new)


def _figures_replace(rows: list[loader.FigureRow]) -> None:
    for source, release in {(r.source_file, r.release) for r in rows}:
        PublishedFigure.objects.filter(source_file=source, release=release).delete()
    PublishedFigure.objects.bulk_create(
        (PublishedFigure(**row.__dict__) for row in rows), batch_size=BATCH
    )


def _neighbours_replace(rows: list[loader.NeighbourRow]) -> None:
    StatisticalNeighbour.objects.filter(edition__in={r.edition for r in rows}).delete()
    StatisticalNeighbour.objects.bulk_create(
        (StatisticalNeighbour(**row.__dict__) for row in rows), batch_size=BATCH
    )


def _population_replace(rows: list[loader.PopulationRow]) -> None:
    Population.objects.filter(year__in={r.year for r in rows}).delete()
    Population.objects.bulk_create((Population(**row.__dict__) for row in rows), batch_size=BATCH)


def _report(read: loader.Loaded, *, added: int, written: bool) -> LoadReport:
    counts = Counter(r.measure for r in read.figures)
    periods: dict[str, tuple[str, str]] = {}
    for row in read.figures:
        low, high = periods.get(row.measure, (row.period, row.period))
        periods[row.measure] = (min(low, row.period), max(high, row.period))
    return LoadReport(
        files=read.files,
        rows_per_measure=dict(counts),
        periods_per_measure=periods,
        local_authorities=len(read.areas),
        neighbours=len(read.neighbours),
        population_rows=len(read.population),
        local_authorities_added=added,
        written=written,
    )
