from django.apps import AppConfig


class QueuesConfig(AppConfig):
    name = "thrive.queues"
    label = "queues"
    verbose_name = "Work queues and escalation"
