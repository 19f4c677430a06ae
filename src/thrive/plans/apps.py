from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "thrive.plans"
    label = "plans"
