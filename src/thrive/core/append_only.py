"""Database triggers that make a table append-only, for migrations (SQLite and PostgreSQL)."""

from typing import Any

from django.db.backends.base.schema import BaseDatabaseSchemaEditor


def _statements(vendor: str, table: str) -> tuple[list[str], list[str]]:
    message = f"{table} is append-only"
    if vendor == "postgresql":
        create = [
            f"""CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION '{message}' USING ERRCODE = 'integrity_constraint_violation';
                END; $$ LANGUAGE plpgsql""",
            f"""CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
                FOR EACH ROW EXECUTE FUNCTION {table}_append_only()""",
        ]
        drop = [
            f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}",
            f"DROP FUNCTION IF EXISTS {table}_append_only()",
        ]
        return create, drop
    if vendor == "sqlite":
        create = [
            f"""CREATE TRIGGER {table}_no_{verb} BEFORE {verb.upper()} ON {table}
                BEGIN SELECT RAISE(ABORT, '{message}'); END"""
            for verb in ("update", "delete")
        ]
        drop = [f"DROP TRIGGER IF EXISTS {table}_no_{verb}" for verb in ("update", "delete")]
        return create, drop
    return [], []


def make_append_only(table: str) -> tuple[Any, Any]:
    """Forward and backward functions for `migrations.RunPython`."""

    def forward(apps: Any, schema_editor: BaseDatabaseSchemaEditor) -> None:
        for sql in _statements(schema_editor.connection.vendor, table)[0]:
            schema_editor.execute(sql)

    def backward(apps: Any, schema_editor: BaseDatabaseSchemaEditor) -> None:
        for sql in _statements(schema_editor.connection.vendor, table)[1]:
            schema_editor.execute(sql)

    return forward, backward
