"""Routes of the queues app."""

from django.urls import URLPattern

app_name = "queues"

urlpatterns: list[URLPattern] = []
