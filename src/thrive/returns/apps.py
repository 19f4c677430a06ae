from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "thrive.returns"
    label = "returns"
    verbose_name = "Statutory returns and data exchange"
