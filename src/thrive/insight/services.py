"""Keeping the dashboard's summary tables (`models`) up to date, and asking for it to be done.

`insight_refresh()` fills `CaseFacts` and `AdviceFacts` with one `INSERT INTO ... SELECT` each,
around the ORM's own query for the rows (`timelines.case_facts_source`,
`timelines.advice_facts_source`) compiled with its parameters. The insert's outer SELECT adds
what follows from the dates (days to the plan, in time, whether an exception applies) with the
only SQL that differs between the databases, date arithmetic, and a window function marking
the case that gave each child their first plan; advice takes its case's groups from the case
rows just built. It then works out the dashboard's usual figures (`Figures`), so pages read
them instead of counting.

Usually only the children whose cases have new events are recounted: events are append-only,
so a new event is the only way a case's facts change (children's details are not edited after
they are recorded). Every row is rebuilt when asked, on the first refresh, when many children
changed, and at least once a day, so nothing can drift.

Readers never see a half-built table: everything happens in one transaction.
- PostgreSQL rebuild: the rows go into new tables, without indexes (three to four times faster
  than deleting and re-inserting into indexed tables); the indexes and primary keys are then
  built from the live tables' own definitions, and the new tables replace the old ones by
  renaming. Pages keep reading the old tables until that last step, which takes milliseconds.
- SQLite rebuild, and recounting some children on either: delete and re-insert those rows.
"""

import datetime as dt
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.db.models import Model
from django.utils import timezone

from thrive.assessments.models import Case, CaseEvent
from thrive.law import clock
from thrive.law.clock import EventKind

from . import selectors, timelines
from .breakdowns import BREAKDOWNS, Breakdown
from .models import AdviceFacts, CaseFacts, Figures, Refresh
from .periods import Period, latest_full_year

FINAL_PLAN_DAYS = clock.FINAL_PLAN_WEEKS * 7  # DfE: issued <= received + 140 days
ADVICE_DAYS = clock.ADVICE_WEEKS * 7  # reg. 8(1): 6 weeks from being asked
DEFAULT_MAX_AGE_MINUTES = 15
_LOCK = 7_204_513  # PostgreSQL advisory lock: one refresh at a time
# Event ids can become visible out of order on PostgreSQL (a transaction that took a lower id
# may commit later), so each refresh also recounts the cases of this many ids below the mark.
RECENT_EVENTS = 2_000
MOST_CHILDREN_RECOUNTED = 20_000  # more than this and rebuilding every row is quicker
REBUILD_EVERY = dt.timedelta(days=1)


def max_age() -> dt.timedelta:
    """How old the figures may be before a page asks for them to be counted again."""
    minutes = getattr(settings, "THRIVE_INSIGHT_MAX_AGE_MINUTES", DEFAULT_MAX_AGE_MINUTES)
    return dt.timedelta(minutes=float(minutes))


# --- The two statements ----------------------------------------------------------------------


def _plus_days(column: str, days: int) -> str:
    if connection.vendor == "postgresql":
        return f"({column} + {int(days)})"
    return f"date({column}, '+{int(days)} days')"


def _days_between(start: str, end: str) -> str:
    if connection.vendor == "postgresql":
        return f"({end} - {start})"
    return f"CAST(julianday({end}) - julianday({start}) AS INTEGER)"


def _flag(condition: str) -> str:
    return f"CASE WHEN {condition} THEN TRUE ELSE FALSE END"


def _insert(
    table: str, columns: list[str], select: list[str], source: Any, rest: str = "", *values: Any
) -> int:
    """INSERT INTO table (columns) SELECT <select> FROM (<the ORM's query>) t <rest>, where
    `rest` takes `values` as its parameters."""
    sql, params = source.query.get_compiler(using=connection.alias).as_sql()
    quote = connection.ops.quote_name
    statement = (
        f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in columns)})"  # noqa: S608
        f" SELECT {', '.join(select)} FROM ({sql}) t {rest}"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, (*params, *values))
        return int(cursor.rowcount)


_DERIVED = ["days_to_plan", "plan_in_time", "exception_applies", "childs_first_plan"]


def _case_facts(table: str, children: list[int] | None = None) -> int:
    due = _plus_days("t.received_on", FINAL_PLAN_DAYS)
    copied = [*timelines.MILESTONES, "closed_on", *BREAKDOWNS]
    return _insert(
        table,
        ["case_id", *copied, *_DERIVED],
        [
            "t.id",
            *(f"t.{c}" for c in copied),
            f"CASE WHEN t.final_on IS NOT NULL THEN {_days_between('t.received_on', 't.final_on')}"
            " END",
            _flag(f"t.final_on <= {due}"),
            _flag(f"t.excepted_from <= t.final_on AND t.excepted_from <= {due}"),
            # The child's earliest final plan (ties by case): counting these counts children.
            _flag(
                "t.final_on IS NOT NULL AND ROW_NUMBER() OVER (PARTITION BY t.child_id ORDER BY"
                " CASE WHEN t.final_on IS NULL THEN 1 ELSE 0 END, t.final_on, t.id) = 1"
            ),
        ],
        timelines.case_facts_source(children),
    )


def _advice_facts(table: str, case_table: str, children: list[int] | None = None) -> int:
    due = _plus_days("t.requested_on", ADVICE_DAYS)
    quote = connection.ops.quote_name
    return _insert(
        table,
        [
            "event_id",
            "case_id",
            "contributor",
            "requested_on",
            "received_on",
            "in_time",
            *BREAKDOWNS,
        ],
        [
            "t.id",
            "t.case_id",
            "t.contributor",
            "t.requested_on",
            't."on"',
            _flag(f't."on" <= {due}'),
            *(f"COALESCE(f.{quote(key)}, '')" for key in BREAKDOWNS),
        ],
        timelines.advice_facts_source(children),
        f"LEFT JOIN {quote(case_table)} f ON f.case_id = t.case_id WHERE t.kind = %s",
        EventKind.ADVICE_RECEIVED.value,
    )


# --- Replacing the tables --------------------------------------------------------------------


def _execute(sql: str, params: Any = None) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall()) if cursor.description else []


@contextmanager
def _next_tables_postgresql(models: list[type[Model]]) -> Iterator[dict[str, str]]:
    """{live table: its empty twin}. After the block, index the twins as the live tables are
    indexed (same definitions, same names) and put them in the live tables' place."""
    names = {}
    for model in models:
        live = model._meta.db_table
        names[live] = f"{live}_next"
        _execute(f'DROP TABLE IF EXISTS "{names[live]}"')
        _execute(
            f'CREATE TABLE "{names[live]}" (LIKE "{live}" INCLUDING DEFAULTS INCLUDING CONSTRAINTS)'
        )
    yield names
    renames = []
    for live, twin in names.items():
        indexes = _execute(
            "SELECT i.relname, pg_get_indexdef(i.oid), c.contype FROM pg_index x"
            " JOIN pg_class i ON i.oid = x.indexrelid"
            " LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid"
            " WHERE x.indrelid = %s::regclass",
            [live],
        )
        for number, (name, definition, constraint) in enumerate(indexes):
            temporary = f"{twin}_{number}"
            create = re.sub(
                r"^(CREATE (?:UNIQUE )?INDEX) \S+ ON \S+ ",
                rf'\1 "{temporary}" ON "{twin}" ',
                definition,
            )
            _execute(create)
            if constraint in ("p", "u"):
                kind = "PRIMARY KEY" if constraint == "p" else "UNIQUE"
                _execute(
                    f'ALTER TABLE "{twin}" ADD CONSTRAINT "{temporary}" {kind}'
                    f' USING INDEX "{temporary}"'
                )
            renames.append((temporary, name))
        _execute(f'ANALYZE "{twin}"')  # the planner's statistics, before pages read it
    for live, twin in names.items():
        _execute(f'DROP TABLE "{live}"')
        _execute(f'ALTER TABLE "{twin}" RENAME TO "{live}"')
    for temporary, name in renames:
        _execute(f'ALTER INDEX "{temporary}" RENAME TO "{name}"')  # renames its constraint too


@contextmanager
def _emptied_sqlite(models: list[type[Model]]) -> Iterator[dict[str, str]]:
    for model in models:
        model._default_manager.all().delete()  # one DELETE each: nothing refers to them
    yield {model._meta.db_table: model._meta.db_table for model in models}


def _changed_children(refresh: Refresh | None, now: dt.datetime, full: bool) -> list[int] | None:
    """The children to recount: those with events above the last refresh's mark (less
    `RECENT_EVENTS`). None when every row is to be rebuilt instead."""
    if full or refresh is None or refresh.event_mark is None or refresh.rebuilt_at is None:
        return None
    if now - refresh.rebuilt_at >= REBUILD_EVERY:
        return None
    floor = refresh.event_mark - RECENT_EVENTS
    changed = Case.objects.filter(events__id__gt=floor).values_list("child_id", flat=True)
    children = list(changed.order_by().distinct()[: MOST_CHILDREN_RECOUNTED + 1])
    return None if len(children) > MOST_CHILDREN_RECOUNTED else sorted(children)


def _rebuild() -> tuple[int, int]:
    replace: Callable[..., Any] = (
        _next_tables_postgresql if connection.vendor == "postgresql" else _emptied_sqlite
    )
    with replace([CaseFacts, AdviceFacts]) as tables:
        cases = _case_facts(tables[CaseFacts._meta.db_table])
        advice = _advice_facts(tables[AdviceFacts._meta.db_table], tables[CaseFacts._meta.db_table])
    return cases, advice


def _recount(children: list[int]) -> tuple[int, int]:
    """Replace the rows of `children`'s cases (all of them: which case gave a child their
    first plan depends on every case the child has)."""
    if not children:
        return 0, 0
    CaseFacts.objects.filter(child_id__in=children).delete()
    cases_of_children = Case.objects.filter(child_id__in=children).values("id")
    AdviceFacts.objects.filter(case_id__in=cases_of_children).delete()
    case_table = CaseFacts._meta.db_table
    return (
        _case_facts(case_table, children),
        _advice_facts(AdviceFacts._meta.db_table, case_table, children),
    )


def insight_refresh(*, full: bool = False) -> Refresh:
    """Bring the dashboard's figures up to date with every case's timeline: recount the
    children whose cases have new events, or rebuild every row (`full`, the first time, and
    at least every `REBUILD_EVERY`), then work out the usual pages' figures. Safe to run at
    any time and more than once: one transaction, one refresh at a time."""
    started, begun = timezone.now(), time.perf_counter()
    # Read committed, not repeatable read: a page may ask for a refresh (writing the Refresh
    # row) while this runs, which would make a repeatable-read transaction fail at the end.
    with transaction.atomic():
        if connection.vendor == "postgresql":
            _execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK])
            _execute("SET LOCAL jit = off")  # compiling the big aggregate costs more than it saves
            _execute("SET LOCAL work_mem = '64MB'")  # the default 4MB sends every sort to disk
            _execute("SET LOCAL default_statistics_target = 10")  # a quick ANALYZE suffices
        refresh = Refresh.objects.select_for_update().first() or Refresh()
        # Read the mark before the events: an event committed in between is recounted once
        # more next time, never missed.
        mark = CaseEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
        children = _changed_children(refresh, started, full)
        if children is None:
            refresh.cases, refresh.advice = _rebuild()
            refresh.rebuilt_at = started
        else:
            refresh.cases, refresh.advice = _recount(children)
        refresh.refreshed_at, refresh.event_mark = started, mark
        refresh.save()
        Figures.objects.exclude(as_of=started).delete()
        _store_usual_figures(started)
        refresh.seconds = time.perf_counter() - begun
        refresh.save(update_fields=["seconds"])
    return refresh


# --- Figures worked out once per refresh -------------------------------------------------------


def _store_usual_figures(as_of: dt.datetime) -> None:
    """The dashboard's first page (`periods.latest_full_year`) by every breakdown."""
    today = timezone.localdate(as_of)
    period = latest_full_year(today)
    _figures_store(as_of, period, selectors.figures_by_every_breakdown(period, today))


def _figures_store(
    as_of: dt.datetime, period: Period, figures: dict[str, selectors.Figures_]
) -> None:
    Figures.objects.bulk_create(
        [
            Figures(
                as_of=as_of,
                start=period.start,
                end=period.end,
                breakdown=key,
                numbers={"whole": whole, "groups": groups},
            )
            for key, (whole, groups) in figures.items()
        ],
        ignore_conflicts=True,  # another page stored the same figures first
    )


def insight_figures(
    period: Period, breakdown: Breakdown, today: dt.date
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """(the whole area's numbers, {group: numbers}) for `period` by `breakdown`, as of the
    last refresh: read when already worked out, else worked out and kept for the next page.
    Counted afresh, and not kept, before the first refresh."""
    refresh = selectors.last_refresh()
    if refresh is None or refresh.refreshed_at is None:
        return selectors.dashboard_figures(period, today, breakdown)
    stored = selectors.stored_figures(refresh.refreshed_at, period, breakdown)
    if stored is not None:
        return stored["whole"], stored["groups"]
    figures = selectors.dashboard_figures(period, today, breakdown)
    _figures_store(refresh.refreshed_at, period, {breakdown.key: figures})
    return figures


def _needs_refresh(refresh: Refresh | None, now: dt.datetime) -> bool:
    """Older than `max_age()` (or never counted), and no refresh asked for since."""
    if refresh is None:
        return True
    fresh = refresh.refreshed_at is not None and now - refresh.refreshed_at < max_age()
    waiting = (
        refresh.requested_at is not None
        and (refresh.refreshed_at is None or refresh.requested_at > refresh.refreshed_at)
        and now - refresh.requested_at < max_age()
    )
    return not (fresh or waiting)


def insight_request_refresh(*, now: dt.datetime | None = None) -> bool:
    """Queue a refresh when the figures are older than `max_age()` (or were never counted)
    and none was asked for since. The page calls this, so it never does the counting itself:
    the worker (`thrive db_worker`) does. Returns whether one was queued."""
    from .tasks import refresh_case_facts

    now = now or timezone.now()
    if not _needs_refresh(Refresh.objects.first(), now):  # most pages: no lock, no write
        return False
    try:
        with transaction.atomic():
            refresh = Refresh.objects.select_for_update().first()
            if not _needs_refresh(refresh, now):  # another page asked in the meantime
                return False
            refresh = refresh or Refresh()
            refresh.requested_at = now
            refresh.save()
            transaction.on_commit(partial(refresh_case_facts.enqueue))
    except OperationalError:
        # SQLite: a refresh holds the database's write lock, and will bring new figures.
        return False
    return True
