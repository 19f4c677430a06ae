"""Writing the planned area to the database, inside one transaction, with one audit entry
for the whole generation.

The big tables (children, cases, events, advice, plans and everything in them) are written
in bulk by `tables.Table`; settings, service inboxes, the council, the demo links and the
audit entry go through the ORM as usual.
"""

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, time
from multiprocessing import get_context
from typing import Any, Final

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from thrive.accounts.models import Organisation, Role, User
from thrive.assessments.models import Case, CaseAssignment, CaseEvent
from thrive.core.audit import audit_record
from thrive.core.models import AuditAction
from thrive.demo.calibration import Calibration, load_calibration
from thrive.demo.users import DEMO_FAMILIES, demo_users_ensure, demo_users_link
from thrive.law.clock import EventKind
from thrive.people.models import Child, LocalAuthority, Setting

from .contents_writer import MODELS as CONTENT_MODELS
from .contents_writer import ContentWriter
from .featured import DemoCase
from .inboxes import SettingInboxes, services_ensure
from .people import IdentifierBook
from .plan import (
    AreaSpec,
    PlannedChild,
    plan_area,
    with_unique_identifiers,
    without_cycle_collection,
    worker_plan,
    worker_start,
)
from .register import Register, plan_register
from .tables import Table, indexes_set_aside, lock, reset_sequences, sqlite_bulk_mode

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
    plans: int = 0
    advice_requests: int = 0
    reviews: int = 0
    cessations: int = 0
    appeals: int = 0


_MODELS: Final = (Child, Case, CaseEvent, CaseAssignment, *CONTENT_MODELS)
#: Written by `inboxes.SettingInboxes` (an inbox and a SENCo for each school asked).
_INBOX_MODELS: Final = (Organisation, User, User.organisations.through)


@dataclass
class _Writer:
    la_id: int
    register: Register
    setting_ids: Sequence[int]
    users: dict[str, int]  # username -> id
    assigned_by: int | None  # the manager who reassigns cases
    services: dict[str, int]  # contributor -> service inbox id
    staff: dict[str, list[int]]  # contributor -> ids of the service's practitioners

    def __post_init__(self) -> None:
        self.day = connection.ops.adapt_datefield_value
        self.moments: dict[date, Any] = {}
        self.featured: dict[DemoCase, int] = {}  # featured child -> their id
        self.children = Table(
            Child,
            ("first_name", "last_name", "date_of_birth", "upn", "nhs_number", "postcode", "sex",
             "ethnicity", "primary_need", "secondary_need", "home_local_authority", "setting",
             "created_at"),
        )  # fmt: skip
        self.cases = Table(Case, ("child", "case_officer", "created_at"))
        self.events = Table(
            CaseEvent,
            ("case", "kind", "on", "outcome", "contributor", "exception", "request_source",
             "note", "recorded_by", "recorded_at"),
        )  # fmt: skip
        self.assignments = Table(
            CaseAssignment, ("case", "case_officer", "assigned_by", "assigned_at")
        )
        self.inboxes = SettingInboxes(self.moment)
        self.contents = ContentWriter(
            day=self.day,
            moment=self.moment,
            register=self.register,
            setting_ids=self.setting_ids,
            inboxes=self.inboxes,
            services=self.services,
            staff=self.staff,
            practitioner=self.users.get("ep"),
            family={
                case.value: self.users[username]
                for username, (case, _) in DEMO_FAMILIES.items()
                if username in self.users
            },
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
        self.contents.write(pairs, self.holder)
        for c, child_id in zip(children, child_ids, strict=True):
            if c.demo:
                self.featured[DemoCase(c.demo)] = child_id
        return len(events)

    def holder(self, child: PlannedChild, day: date) -> int:
        """Who held the case on ``day``: the second holder from the handover on."""
        officers = child.officers
        if len(officers) > 1 and day >= child.events[_handover(child)].on:
            return self.users[officers[-1]]
        return self.users[officers[0]]

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


#: A worker pays for itself only with this much of a CPU to spare: sending its plans over
#: costs about a fifth more CPU in all (100,000 children on two CPUs while other work kept
#: about one busy: 67 s with a worker, 50 s planning here).
SPARE_FOR_A_WORKER: Final = 0.25


def default_workers(children: int) -> int:
    """Planning processes for an area this size: none (plan here) for small areas or when
    no CPU is to spare, else one per spare CPU, one being left for writing, up to 4."""
    if children < PARALLEL_FROM:
        return 0
    getloadavg = getattr(os, "getloadavg", None)  # Unix only
    busy = getloadavg()[0] if getloadavg else 0.0
    spare = (os.cpu_count() or 1) - 1 - busy
    return 0 if spare < SPARE_FOR_A_WORKER else max(1, min(4, round(spare)))


def _identifier_book() -> IdentifierBook:
    # Only matters when adding to an area that already has children.
    children = Child.objects.all()
    return IdentifierBook(
        taken_upns=children.exclude(upn="").values_list("upn", flat=True),
        taken_nhs=children.exclude(nhs_number="").values_list("nhs_number", flat=True),
    )


def _spec(
    *, children: int, seed: int, years: int, today: date, la: LocalAuthority,
    users: Sequence[Any], calibration: Calibration | None, established: float, documents: bool,
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
        established=established,
        documents=documents,
    )


def generate_area(
    *,
    children: int,
    seed: int,
    years: int,
    today: date,
    calibration: Calibration | None = None,
    workers: int = 0,
    on_progress: Progress | None = None,
    established: float = 0.0,
    documents: bool = True,
) -> AreaSummary:
    """Create the council, its settings, ``children`` children and young people, their
    assessment cases, the advice asked for and given, their EHC plans and what their
    families said, all in one transaction. The same arguments give the same area."""
    with sqlite_bulk_mode():
        return _generate_area(
            children=children, seed=seed, years=years, today=today, calibration=calibration,
            workers=workers, on_progress=on_progress, established=established, documents=documents,
        )  # fmt: skip


@transaction.atomic
def _generate_area(
    *,
    children: int,
    seed: int,
    years: int,
    today: date,
    calibration: Calibration | None,
    workers: int,
    on_progress: Progress | None,
    established: float,
    documents: bool,
) -> AreaSummary:
    la = _local_authority()
    users = demo_users_ensure()
    spec = _spec(children=children, seed=seed, years=years, today=today, la=la, users=users,
                 calibration=calibration, established=established, documents=documents)  # fmt: skip
    taken_urns = [urn for urn in Setting.objects.values_list("urn", flat=True) if urn]
    register = plan_register(spec.calibration, children=children, seed=seed, taken_urns=taken_urns)
    services, staff = services_ensure()
    setting_ids = _write_register(register, la)
    lock([*_MODELS, *_INBOX_MODELS])
    managers = [u.pk for u in users if u.username in spec.managers]
    writer = _Writer(
        la_id=la.pk,
        register=register,
        setting_ids=setting_ids,
        users={u.username: u.pk for u in users},
        assigned_by=managers[0] if managers else None,
        services=services,
        staff=staff,
    )
    book = _identifier_book()
    chunks = (
        _planned_in_parallel(spec, register, book, workers)
        if workers
        else plan_area(spec, register, chunk_size=CHUNK, book=book)
    )
    done = events = open_cases = refused = 0
    with without_cycle_collection(), indexes_set_aside(_MODELS):
        for chunk in chunks:
            events += writer.write(chunk)
            done += len(chunk)
            open_cases += sum(1 for c in chunk if not _closed(c))
            refused += sum(c.refused_steps for c in chunk)
            if on_progress:
                on_progress(done, children)
    reset_sequences([*_MODELS, *_INBOX_MODELS])
    demo_users_link(children=writer.featured, inboxes=_demo_inboxes(writer, services))
    summary = AreaSummary(
        la, len(register.settings), done, done, events, open_cases, refused,
        plans=writer.contents.plans.written, advice_requests=writer.contents.requests.written,
        reviews=writer.contents.reviews.written, cessations=writer.contents.cessations.written,
        appeals=writer.contents.appeals.written,
    )  # fmt: skip
    _audit(summary, spec)
    return summary


def _demo_inboxes(writer: _Writer, services: dict[str, int]) -> dict[str, int]:
    """The inboxes the demo practitioners join: the psychology and health services', and
    the school of the child whose education advice is outstanding (any school otherwise)."""
    inboxes = {key: services[key] for key in ("educational_psychology", "health")}
    by_setting = writer.inboxes.by_setting
    child = writer.featured.get(DemoCase.ADVICE_OUTSTANDING)
    setting = None
    if child is not None:
        setting = Child.objects.filter(pk=child).values_list("setting", flat=True).first()
    if setting in by_setting:
        inboxes["school"] = by_setting[setting][0]
    elif by_setting:
        inboxes["school"] = by_setting[min(by_setting)][0]
    return inboxes


def _audit(summary: AreaSummary, spec: AreaSpec) -> None:
    audit_record(
        actor=None,
        action=AuditAction.CREATE,
        obj=summary.local_authority,
        summary=(
            f"generated a synthetic local area: {summary.settings:,} settings, "
            f"{summary.children:,} children and young people, {summary.events:,} case events, "
            f"{summary.advice_requests:,} requests for advice, {summary.plans:,} EHC plans "
            f"(seed {spec.seed}, {spec.years} years to {spec.today.isoformat()})"
        ),
        channel="command",
    )


def area_has_children() -> bool:
    """Whether any child or young person is recorded (`generate-area --if-empty`)."""
    return Child.objects.exists()


__all__ = ["AreaSummary", "area_has_children", "default_workers", "generate_area"]
