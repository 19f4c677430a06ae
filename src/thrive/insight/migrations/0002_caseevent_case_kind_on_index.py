"""An index on the case timeline for the refresh of the summary tables.

The refresh reads every case's timeline in one pass, and for each exception that started it
looks for the same exception ending within 4 weeks: by case, kind and a range of dates, which
(case_id, kind, on) answers in one index probe (the existing (case_id, on) index reads every
event of the case in those 4 weeks).
The same index serves any lookup of a case's first event of a kind.

The table belongs to the assessments app, and `migrations.AddIndex` can only add an index to a
model of the migration's own app (the autodetector would otherwise see it as the assessments
app's state), so this is plain SQL that both SQLite and PostgreSQL accept as written. IF [NOT]
EXISTS keeps it harmless if the assessments app ever declares the same index itself.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0004_advice_withdrawn_event"),
        ("insight", "0001_summary_tables"),
    ]

    operations = [
        migrations.RunSQL(
            sql='CREATE INDEX IF NOT EXISTS insight_caseevent_case_kind_on ON assessments_caseevent (case_id, kind, "on")',
            reverse_sql="DROP INDEX IF EXISTS insight_caseevent_case_kind_on",
        ),
    ]
