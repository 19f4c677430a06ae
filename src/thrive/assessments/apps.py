from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "thrive.assessments"
    label = "assessments"
    verbose_name = "EHC needs assessments"
