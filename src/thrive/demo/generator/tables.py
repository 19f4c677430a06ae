"""Bulk inserts for the synthetic area: `executemany` on SQLite, COPY on PostgreSQL, with ids
handed out here from each table's current maximum.

A hundred thousand children bring several million rows. `bulk_create` spends most of its
time preparing each value in Python (73 s for the children, cases and events of 100,000
children on SQLite, against 17 s this way). The tables are locked on PostgreSQL meanwhile
and their sequences moved on afterwards. Table and column names come from the models, so
a renamed field fails loudly rather than silently."""

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.core.management.color import no_style
from django.db import OperationalError, connection, models
from django.db.models import Max

#: SQLite page cache during a bulk load, in KiB.
BULK_CACHE_KIB = 256 * 1024


def column(model: type[models.Model], name: str) -> str:
    field = model._meta.get_field(name)
    if not isinstance(field, models.Field) or not field.column:
        raise TypeError(f"{model.__name__}.{name} is not a column.")
    return field.column


class Table:
    """Rows of one model, numbered from the table's max id when the Table is made."""

    def __init__(self, model: type[models.Model], fields: Sequence[str]) -> None:
        quote = connection.ops.quote_name
        columns = ", ".join(quote(column(model, name)) for name in ("id", *fields))
        table = quote(model._meta.db_table)
        self.width = len(fields) + 1
        # Names come from the model's metadata; every value is a parameter.
        self.copy_sql = f"COPY {table} ({columns}) FROM STDIN"
        self.insert_sql = (
            f"INSERT INTO {table} ({columns}) "  # noqa: S608
            f"VALUES ({', '.join(['%s'] * self.width)})"
        )
        self.next_id = (model._default_manager.aggregate(top=Max("id"))["top"] or 0) + 1
        self.written = 0
        self.pending: list[tuple[Any, ...]] = []  # rows with ids, for `flush`

    def reserve(self, count: int) -> int:
        """Hand out ``count`` ids; return the first."""
        first = self.next_id
        self.next_id += count
        return first

    def insert(self, rows: Iterable[tuple[Any, ...]]) -> list[int]:
        """Insert rows without ids; return the ids they were given."""
        numbered = [(self.next_id + i, *row) for i, row in enumerate(rows)]
        self.next_id += len(numbered)
        self.write(numbered)
        return [row[0] for row in numbered]

    def write(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """Insert rows that carry ids from `reserve`."""
        if not rows:
            return
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(self.copy_sql) as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                cursor.executemany(self.insert_sql, rows)
        self.written += len(rows)

    def flush(self, *, with_ids: bool) -> None:
        """Write the rows gathered in ``pending``: they carry ids from `reserve`, or are
        numbered here."""
        if with_ids:
            self.write(self.pending)
        else:
            self.insert(self.pending)
        self.pending = []


def through(field: Any) -> tuple[type[models.Model], tuple[str, str]]:
    """A many-to-many field's link table and its two columns (from, to)."""
    model = field.remote_field.through
    return model, (field.m2m_field_name(), field.m2m_reverse_field_name())


def lock(models_: Sequence[type[models.Model]]) -> None:
    """On PostgreSQL, stop other inserts into the tables whose ids we hand out (SQLite's
    write transaction already excludes other writers)."""
    if connection.vendor == "postgresql":
        tables = ", ".join(connection.ops.quote_name(m._meta.db_table) for m in models_)
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {tables} IN SHARE ROW EXCLUSIVE MODE")


def reset_sequences(models_: Sequence[type[models.Model]]) -> None:
    """Move PostgreSQL's id sequences past the ids assigned here (nothing on SQLite)."""
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), list(models_)):
            cursor.execute(sql)


@contextmanager
def indexes_set_aside(models_: Sequence[type[models.Model]]) -> Iterator[None]:
    """Drop the tables' secondary indexes (and, on PostgreSQL, their foreign keys) for the
    load and make them again afterwards, in the same transaction. Building an index at once
    is quicker than growing it row by row (a million rows go into SQLite about twice as
    fast), and PostgreSQL checks a foreign key added to a full table with one join instead
    of once per row at commit. A failure rolls the drop back with everything else; a
    duplicate in a unique index or a dangling reference fails the rebuild, loudly."""
    tables = [m._meta.db_table for m in models_]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            undo = _drop_sqlite_indexes(cursor, tables)
        elif connection.vendor == "postgresql":
            undo = _drop_postgres_keys_and_indexes(cursor, tables)
        else:
            undo = []
    yield
    with connection.cursor() as cursor:
        for sql in undo:
            cursor.execute(sql)


def _drop_sqlite_indexes(cursor: Any, tables: Sequence[str]) -> list[str]:
    placeholders = ", ".join(["%s"] * len(tables))
    cursor.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "  # noqa: S608
        f"AND tbl_name IN ({placeholders})",
        tables,
    )
    indexes = cursor.fetchall()
    for name, _ in indexes:
        cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    return [sql for _, sql in indexes]


def _drop_postgres_keys_and_indexes(cursor: Any, tables: Sequence[str]) -> list[str]:
    """Foreign keys from these tables, and indexes that back no constraint (primary and
    unique keys stay). Returns the statements that make them again: indexes first."""
    quote = connection.ops.quote_name
    cursor.execute(
        "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) "
        "FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY(%s)",
        [list(tables)],
    )
    keys = cursor.fetchall()
    cursor.execute(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = "
        "current_schema() AND i.tablename = ANY(%s) AND NOT EXISTS (SELECT 1 FROM "
        "pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u', 'x'))",
        [list(tables)],
    )
    indexes = cursor.fetchall()
    # A table with deferred checks still pending (rows written earlier in the transaction)
    # cannot be altered: run those checks now.
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    for table, name, _ in keys:
        cursor.execute(f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}")
    for name, _ in indexes:
        cursor.execute(f"DROP INDEX {quote(name)}")
    return [
        *(sql for _, sql in indexes),
        *(f"ALTER TABLE {quote(t)} ADD CONSTRAINT {quote(n)} {d}" for t, n, d in keys),
        "SET CONSTRAINTS ALL DEFERRED",
    ]


def _in_memory() -> bool:
    name = str(connection.settings_dict["NAME"])
    return name in ("", ":memory:") or "mode=memory" in name


@contextmanager
def sqlite_bulk_mode() -> Iterator[None]:
    """Before a long write transaction on a SQLite file: a rollback journal instead of the
    write-ahead log (the pages are written once, not to the log and then again to the
    database) and a bigger page cache; both put back afterwards. Nothing changes on
    PostgreSQL, in memory or inside a transaction (the tests), or if another connection
    holds the database: then the write simply takes longer."""
    if connection.vendor != "sqlite" or connection.in_atomic_block or _in_memory():
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        journal = cursor.fetchone()[0]
        cursor.execute("PRAGMA cache_size")
        cache = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
        if journal == "wal":
            try:
                cursor.execute("PRAGMA journal_mode = DELETE")
            except OperationalError:  # another connection has it open
                journal = ""
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(cache)}")
            if journal == "wal":
                cursor.execute("PRAGMA journal_mode = WAL")
