from django.urls import path

from . import views

app_name = "advice"
urlpatterns = [
    path("advice/", views.advice_inbox, name="advice_inbox"),
    path("advice/<int:advice_id>/", views.advice_detail, name="advice_detail"),
    path("advice/<int:advice_id>/document/", views.advice_document, name="advice_document"),
    path("cases/<int:case_id>/advice/", views.advice_list, name="advice_list"),
    path("cases/<int:case_id>/advice/new/", views.advice_request, name="advice_request"),
    path(
        "cases/<int:case_id>/advice/<int:advice_id>/withdraw/",
        views.advice_withdraw,
        name="advice_withdraw",
    ),
]
