"""Routes of the returns app."""

from django.urls import URLPattern

app_name = "returns"

urlpatterns: list[URLPattern] = []
