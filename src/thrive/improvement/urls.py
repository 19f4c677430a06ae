"""Routes of the improvement app."""

from django.urls import URLPattern

app_name = "improvement"

urlpatterns: list[URLPattern] = []
