from django.urls import path

from . import quality_views, views

app_name = "insight"
urlpatterns = [
    path("", views.dashboard_detail, name="dashboard_detail"),
    path("quality/", quality_views.quality_detail, name="quality_detail"),
    path("quality/plans/", quality_views.quality_plans, name="quality_plans"),
]
