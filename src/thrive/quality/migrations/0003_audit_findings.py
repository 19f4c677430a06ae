from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("quality", "0002_default_framework")]
    operations = [
        migrations.AddField(
            model_name="audit", name="findings", field=models.JSONField(blank=True, default=list)
        )
    ]
