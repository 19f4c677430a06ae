from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "thrive.quality"
    label = "quality"
