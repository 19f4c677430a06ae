from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    name = "thrive.benchmarks"
    label = "benchmarks"
