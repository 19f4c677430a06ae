from django.apps import AppConfig


class AdviceConfig(AppConfig):
    name = "thrive.advice"
    label = "advice"
