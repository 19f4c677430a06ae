"""A key per need, outcome and provision that its copies in later versions keep.

Rows that already exist each get a key of their own (a plain AddField would give every row
the same default), so two versions are never matched item by item by accident."""

import uuid

from django.db import migrations, models

import thrive.plans.models

ITEM_MODELS = ("need", "outcome", "provision")


def give_each_row_its_own_key(apps, schema_editor):
    for name in ITEM_MODELS:
        model = apps.get_model("plans", name)
        for row in model.objects.only("pk").iterator():
            model.objects.filter(pk=row.pk).update(key=uuid.uuid4())


def _key_field(null):
    return models.UUIDField(
        db_index=not null,
        default=thrive.plans.models.new_item_key,
        editable=False,
        null=null,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0001_initial"),
    ]

    operations = [
        *[migrations.AddField(name, "key", _key_field(null=True)) for name in ITEM_MODELS],
        migrations.RunPython(give_each_row_its_own_key, migrations.RunPython.noop),
        *[migrations.AlterField(name, "key", _key_field(null=False)) for name in ITEM_MODELS],
    ]
