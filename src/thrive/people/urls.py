from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("<int:child_id>/access-log/", views.child_access_log, name="child_access_log"),
]
