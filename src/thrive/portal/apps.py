from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "thrive.portal"
    label = "portal"
