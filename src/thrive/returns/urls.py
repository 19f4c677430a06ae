"""Routes of the returns app."""

from django.urls import URLPattern, path

from . import views, views_annex_a, views_import

app_name = "returns"

urlpatterns: list[URLPattern] = [
    path("import/", views_import.import_start, name="import_start"),
    path("import/template.csv", views_import.import_template, name="import_template"),
    path("import/<int:run_id>/", views_import.import_run, name="import_run"),
    path("import/<int:run_id>/import/", views_import.import_run_confirm, name="import_run_confirm"),
    path("annex-a/", views_annex_a.annex_a_detail, name="annex_a_detail"),
    path("annex-a/download/", views_annex_a.annex_a_download, name="annex_a_download"),
    path("sen2/", views.sen2_start, name="sen2_start"),
    path("sen2/<int:year>/", views.sen2_report_view, name="sen2_report"),
    path("sen2/<int:year>/confirm/", views.sen2_confirm, name="sen2_confirm"),
    path("sen2/<int:year>/export/<str:fmt>/", views.sen2_export, name="sen2_export"),
]
