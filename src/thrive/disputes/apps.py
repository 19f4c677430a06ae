from django.apps import AppConfig


class DisputesConfig(AppConfig):
    name = "thrive.disputes"
    label = "disputes"
    verbose_name = "Mediation and appeals"
