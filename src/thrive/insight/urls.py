from django.urls import path

from . import views

app_name = "insight"
urlpatterns = [
    path("", views.dashboard_detail, name="dashboard_detail"),
]
