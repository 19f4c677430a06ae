"""The default audit framework (thrive.quality.defaults: reference/statutory.md 2.4), in use
from the start, and the issue overrides made append-only."""

from django.db import migrations
from django.utils import timezone

from thrive.core.append_only import make_append_only
from thrive.quality import defaults


def install_default(apps, schema_editor):
    defaults.install(
        apps.get_model("quality", "AuditFramework"),
        apps.get_model("quality", "Criterion"),
        when=timezone.now(),
    )


def remove_default(apps, schema_editor):
    framework = apps.get_model("quality", "AuditFramework")
    framework.objects.filter(name=defaults.NAME, version=1, audits__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("quality", "0001_initial")]
    operations = [
        migrations.RunPython(install_default, remove_default),
        migrations.RunPython(*make_append_only("quality_issueoverride")),
    ]
