from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "thrive.insight"
    label = "insight"
