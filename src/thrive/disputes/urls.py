"""Routes of the disputes app."""

from django.urls import URLPattern

app_name = "disputes"

urlpatterns: list[URLPattern] = []
