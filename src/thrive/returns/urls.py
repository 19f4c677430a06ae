"""Routes of the returns app."""

from django.urls import URLPattern, path

from . import views_annex_a

app_name = "returns"

urlpatterns: list[URLPattern] = [
    path("annex-a/", views_annex_a.annex_a_detail, name="annex_a_detail"),
    path("annex-a/download/", views_annex_a.annex_a_download, name="annex_a_download"),
]
