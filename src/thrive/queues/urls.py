"""Routes of the queues app."""

from django.urls import path

from . import views

app_name = "queues"

urlpatterns = [
    path("", views.queue_list, name="queue_list"),
    path("oldest-overdue/", views.overdue_oldest, name="overdue_oldest"),
    path("transfers/", views.transfer_list, name="transfer_list"),
    path("transfers/download/", views.transfer_download, name="transfer_download"),
]
