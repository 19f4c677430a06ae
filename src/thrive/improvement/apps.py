from django.apps import AppConfig


class ImprovementConfig(AppConfig):
    name = "thrive.improvement"
    label = "improvement"
    verbose_name = "Improvement programme and inspection readiness"
