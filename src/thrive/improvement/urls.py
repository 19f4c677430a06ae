"""Routes of the improvement app."""

from django.urls import URLPattern, path

from . import views_risks

app_name = "improvement"

urlpatterns: list[URLPattern] = [
    # The risk register (views_risks)
    path("risks/", views_risks.risk_list, name="risk_list"),
    path("risks/add/", views_risks.risk_add, name="risk_add"),
    path("risks/<int:risk_id>/", views_risks.risk_detail, name="risk_detail"),
    path("risks/<int:risk_id>/assess/", views_risks.risk_assess, name="risk_assess"),
    path(
        "risks/<int:risk_id>/mitigations/add/",
        views_risks.risk_mitigation_add,
        name="risk_mitigation_add",
    ),
    path("risks/<int:risk_id>/close/", views_risks.risk_close, name="risk_close"),
]
