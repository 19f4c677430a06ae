"""Issued progress reports: one row per version of an audience and period, and never changed
or deleted (database triggers, as for the audit log and case events)."""

from django.db import migrations, models

from thrive.core.append_only import make_append_only


class Migration(migrations.Migration):
    dependencies = [("improvement", "0001_initial")]

    operations = [
        migrations.AddConstraint(
            model_name="progressreport",
            constraint=models.UniqueConstraint(
                fields=("audience", "period_start", "period_end", "version"),
                name="one_report_version",
            ),
        ),
        migrations.RunPython(*make_append_only("improvement_progressreport")),
    ]
