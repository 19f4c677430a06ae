"""Writing the planned area to the database, inside one transaction, with one audit entry
for the whole generation.

A hundred thousand children bring about a million rows. `bulk_create` spends most of its
time preparing each value in Python (73 s for 100,000 children on SQLite, against 17 s
this way), so the big tables are written with `executemany` (SQLite) or COPY
(PostgreSQL), with ids assigned here from each table's current maximum; the tables are
locked on PostgreSQL meanwhile and its sequences moved on afterwards. Table and column
names come from the models, so a renamed field fails loudly rather than silently.
Settings, the council and the audit entry go through the ORM as usual.
"""

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, time
from multiprocessing import get_context
from typing import Any, Final

from django.conf import settings
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.models import Max
from django.utils import timezone

from thrive.accounts.models import Role
from thrive.assessments.models import Case, CaseAssignment, CaseEvent
from thrive.core.audit import audit_record
from thrive.core.models import AuditAction
from thrive.demo.calibration import Calibration, load_calibration
from thrive.demo.users import demo_users_ensure
from thrive.law.clock import EventKind
from thrive.people.models import Child, LocalAuthority, Setting

from .people import IdentifierBook
from .plan import (
    AreaSpec,
    PlannedChild,
    plan_area,
    with_unique_identifiers,
    worker_plan,
    worker_start,
)
from .register import Register, plan_register

CHUNK: Final = 5000  # children per batch of inserts
#: Below this many children, starting worker processes costs more than it saves.
PARALLEL_FROM: Final = 20_000

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class AreaSummary:
    local_authority: LocalAuthority
    settings: int
    children: int
    cases: int
    events: int
    open_cases: int
    refused_steps: int  # always 0 unless the law and the generator disagree


class _Table:
    """Inserts rows of one model, numbering them from the table's max id: COPY on
    PostgreSQL (a million single-row statements take a minute there), `executemany` on
    SQLite (where that is fastest)."""

    def __init__(self, model: type[models.Model], fields: Sequence[str]) -> None:
        quote = connection.ops.quote_name
        columns = ", ".join(quote(_column(model, name)) for name in ("id", *fields))
        table = quote(model._meta.db_table)
        # Names come from the model's metadata; every value is a parameter.
        self.copy_sql = f"COPY {table} ({columns}) FROM STDIN"
        self.insert_sql = (
            f"INSERT INTO {table} ({columns}) "  # noqa: S608
            f"VALUES ({', '.join(['%s'] * (len(fields) + 1))})"
        )
        self.next_id = (model._default_manager.aggregate(top=Max("id"))["top"] or 0) + 1

    def insert(self, rows: Iterable[tuple[Any, ...]]) -> list[int]:
        """Insert the rows (without ids); return the ids they were given."""
        numbered = [(self.next_id + i, *row) for i, row in enumerate(rows)]
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(self.copy_sql) as copy:
                    for row in numbered:
                        copy.write_row(row)
            else:
                cursor.executemany(self.insert_sql, numbered)
        self.next_id += len(numbered)
        return [row[0] for row in numbered]


def _column(model: type[models.Model], name: str) -> str:
    field = model._meta.get_field(name)
    if not isinstance(field, models.Field) or not field.column:
        raise TypeError(f"{model.__name__}.{name} is not a column.")
    return field.column


_MODELS: Final = (Child, Case, CaseEvent, CaseAssignment)


def _lock_tables() -> None:
    """On PostgreSQL, stop other inserts into the tables whose ids we hand out (SQLite's
    write transaction already excludes other writers)."""
    if connection.vendor == "postgresql":
        tables = ", ".join(connection.ops.quote_name(m._meta.db_table) for m in _MODELS)
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {tables} IN SHARE ROW EXCLUSIVE MODE")


def _reset_sequences() -> None:
    """Move PostgreSQL's id sequences past the ids assigned here (nothing on SQLite)."""
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), list(_MODELS)):
            cursor.execute(sql)


@dataclass
class _Writer:
    la_id: int
    setting_ids: Sequence[int]
    users: dict[str, int]  # username -> id
    assigned_by: int | None  # the manager who reassigns cases

    def __post_init__(self) -> None:
        self.day = connection.ops.adapt_datefield_value
        self.moments: dict[date, Any] = {}
        self.children = _Table(
            Child,
            ("first_name", "last_name", "date_of_birth", "upn", "nhs_number", "postcode", "sex",
             "ethnicity", "primary_need", "secondary_need", "home_local_authority", "setting",
             "created_at"),
        )  # fmt: skip
        self.cases = _Table(Case, ("child", "case_officer", "created_at"))
        self.events = _Table(
            CaseEvent,
            ("case", "kind", "on", "outcome", "contributor", "exception", "request_source",
             "note", "recorded_by", "recorded_at"),
        )  # fmt: skip
        self.assignments = _Table(
            CaseAssignment, ("case", "case_officer", "assigned_by", "assigned_at")
        )

    def moment(self, day: date) -> Any:
        """Noon on ``day``, local time, as the database takes it: the synthetic history
        reads as if each step was recorded on the day it happened."""
        if (value := self.moments.get(day)) is None:
            noon = timezone.make_aware(datetime.combine(day, time(12)))
            value = self.moments[day] = connection.ops.adapt_datetimefield_value(noon)
        return value

    def write(self, children: Sequence[PlannedChild]) -> int:
        """Insert one batch of children with their cases, events and assignments; return
        how many events were written."""
        child_ids = self.children.insert(self._child_row(c) for c in children)
        case_ids = self.cases.insert(
            (child_id, self.users[c.officers[-1]], self.moment(c.events[0].on))
            for c, child_id in zip(children, child_ids, strict=True)
        )
        pairs = list(zip(children, case_ids, strict=True))
        events = self.events.insert(
            (
                case_id,
                e.kind.value,
                self.day(e.on),
                e.outcome,
                e.contributor.value if e.contributor else "",
                e.exception.value if e.exception else "",
                c.request_source if e.kind is EventKind.REQUEST_RECEIVED else "",
                "",
                self.users[c.officers[0 if position < _handover(c) else -1]],
                self.moment(e.on),
            )
            for c, case_id in pairs
            for position, e in enumerate(c.events)
        )
        self.assignments.insert(
            # The first holder had the case from the request; a manager moved it, if at all,
            # halfway through its timeline.
            (
                case_id,
                self.users[officer],
                self.assigned_by if position else None,
                self.moment(c.events[_handover(c) if position else 0].on),
            )
            for c, case_id in pairs
            for position, officer in enumerate(c.officers)
        )
        return len(events)

    def _child_row(self, c: PlannedChild) -> tuple[Any, ...]:
        setting = None if c.setting is None else self.setting_ids[c.setting]
        return (
            c.first_name, c.last_name, self.day(c.date_of_birth), c.upn, c.nhs_number,
            c.postcode, c.sex, c.ethnicity, c.primary_need, c.secondary_need, self.la_id,
            setting, self.moment(c.events[0].on),
        )  # fmt: skip


def _handover(child: PlannedChild) -> int:
    """The position of the first event recorded by the case's last holder."""
    return len(child.events) // 2 if len(child.officers) > 1 else 0


def _local_authority() -> LocalAuthority:
    la, _ = LocalAuthority.objects.get_or_create(
        code=settings.THRIVE_LA_CODE, defaults={"name": settings.THRIVE_COUNCIL_NAME}
    )
    return la


def _write_register(register: Register, la: LocalAuthority) -> list[int]:
    rows = Setting.objects.bulk_create(
        [
            Setting(
                urn=s.urn,
                ukprn=s.ukprn,
                name=s.name,
                establishment_type=s.establishment_type,
                phase=s.phase,
                local_authority_id=la.pk,
                postcode=s.postcode,
            )
            for s in register.settings
        ],
        batch_size=CHUNK,
    )
    return [row.pk for row in rows]


_CLOSING: Final = frozenset({EventKind.FINAL_ISSUED, EventKind.WITHDRAWN})


def _closed(child: PlannedChild) -> bool:
    # Closed by a plan, a withdrawal or a "no" to assessing or issuing.
    return any(e.kind in _CLOSING or e.outcome is False for e in child.events)


def _planned_in_parallel(
    spec: AreaSpec, register: Register, book: IdentifierBook, workers: int
) -> Iterator[list[PlannedChild]]:
    """The same chunks as `plan_area`, planned by worker processes while this one writes.
    Spawned, not forked: the workers import no Django and share no database connection."""
    context = get_context("spawn")
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=worker_start, initargs=(spec, register)
    ) as pool:
        pending: list[Future[list[PlannedChild]]] = []
        for start in range(0, spec.children, CHUNK):
            pending.append(pool.submit(worker_plan, start, min(start + CHUNK, spec.children)))
            if len(pending) > workers * 2:  # keep memory bounded: a few chunks ahead
                yield with_unique_identifiers(pending.pop(0).result(), book)
        for future in pending:
            yield with_unique_identifiers(future.result(), book)


def default_workers(children: int) -> int:
    """Planning processes for an area this size: none (plan here) for small areas, else
    one per CPU but one, which is left for writing (measured fastest on two CPUs)."""
    return 0 if children < PARALLEL_FROM else max(1, min(4, (os.cpu_count() or 1) - 1))


def _identifier_book() -> IdentifierBook:
    # Only matters when adding to an area that already has children.
    children = Child.objects.all()
    return IdentifierBook(
        taken_upns=children.exclude(upn="").values_list("upn", flat=True),
        taken_nhs=children.exclude(nhs_number="").values_list("nhs_number", flat=True),
    )


def _spec(
    *, children: int, seed: int, years: int, today: date, la: LocalAuthority,
    users: Sequence[Any], calibration: Calibration | None,
) -> AreaSpec:  # fmt: skip
    return AreaSpec(
        children=children,
        seed=seed,
        years=years,
        today=today,
        la_code=la.code,
        officers=tuple(sorted(u.username for u in users if u.role == Role.CASE_OFFICER)),
        managers=tuple(sorted(u.username for u in users if u.role == Role.SEND_MANAGER)),
        calibration=calibration or load_calibration(),
    )


@transaction.atomic
def generate_area(
    *,
    children: int,
    seed: int,
    years: int,
    today: date,
    calibration: Calibration | None = None,
    workers: int = 0,
    on_progress: Progress | None = None,
) -> AreaSummary:
    """Create the council, its settings, ``children`` children and young people and their
    assessment cases, all in one transaction. The same arguments give the same area."""
    la = _local_authority()
    users = demo_users_ensure()
    spec = _spec(children=children, seed=seed, years=years, today=today, la=la, users=users,
                 calibration=calibration)  # fmt: skip
    taken_urns = [urn for urn in Setting.objects.values_list("urn", flat=True) if urn]
    register = plan_register(spec.calibration, children=children, seed=seed, taken_urns=taken_urns)
    _lock_tables()
    managers = [u.pk for u in users if u.username in spec.managers]
    writer = _Writer(
        la_id=la.pk,
        setting_ids=_write_register(register, la),
        users={u.username: u.pk for u in users},
        assigned_by=managers[0] if managers else None,
    )
    book = _identifier_book()
    chunks = (
        _planned_in_parallel(spec, register, book, workers)
        if workers
        else plan_area(spec, register, chunk_size=CHUNK, book=book)
    )
    done = events = open_cases = refused = 0
    for chunk in chunks:
        events += writer.write(chunk)
        done += len(chunk)
        open_cases += sum(1 for c in chunk if not _closed(c))
        refused += sum(c.refused_steps for c in chunk)
        if on_progress:
            on_progress(done, children)
    _reset_sequences()
    summary = AreaSummary(la, len(register.settings), done, done, events, open_cases, refused)
    _audit(summary, spec)
    return summary


def _audit(summary: AreaSummary, spec: AreaSpec) -> None:
    audit_record(
        actor=None,
        action=AuditAction.CREATE,
        obj=summary.local_authority,
        summary=(
            f"generated a synthetic local area: {summary.settings:,} settings, "
            f"{summary.children:,} children and young people, {summary.events:,} case events "
            f"(seed {spec.seed}, {spec.years} years to {spec.today.isoformat()})"
        ),
        channel="command",
    )


def area_has_children() -> bool:
    """Whether any child or young person is recorded (`generate-area --if-empty`)."""
    return Child.objects.exists()


__all__ = ["AreaSummary", "area_has_children", "default_workers", "generate_area"]
