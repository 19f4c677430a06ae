from django.apps import AppConfig


class ForecastingConfig(AppConfig):
    name = "thrive.forecasting"
    label = "forecasting"
    verbose_name = "Forecasting demand, sufficiency and cost"
