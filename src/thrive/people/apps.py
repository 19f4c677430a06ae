from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "thrive.people"
    label = "people"
    verbose_name = "People and settings"
