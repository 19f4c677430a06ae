"""Routes of the disputes app. A case's mediation and appeal pages hang off the case; a step
on one mediation or appeal adds its id, and the view finds it within the case, so an id from
another case is a 404. The area's list of open appeals is /disputes/."""

from django.urls import path

from . import views

app_name = "disputes"

CASE = "cases/<int:case_id>/disputes/"
MEDIATION = f"{CASE}mediation/<int:mediation_id>/"
APPEAL = f"{CASE}appeals/<int:appeal_id>/"

urlpatterns = [
    path("disputes/", views.appeal_list, name="appeal_list"),
    path(CASE, views.case_disputes, name="case_disputes"),
    path(f"{CASE}mediation/new/", views.mediation_record, name="mediation_record"),
    path(f"{MEDIATION}outcome/", views.mediation_record_outcome, name="mediation_record_outcome"),
    path(
        f"{MEDIATION}certificate/",
        views.mediation_record_certificate,
        name="mediation_record_certificate",
    ),
    path(f"{CASE}appeals/new/", views.appeal_record, name="appeal_record"),
    path(f"{APPEAL}hearing/", views.appeal_record_hearing, name="appeal_record_hearing"),
    path(f"{APPEAL}outcome/", views.appeal_record_outcome, name="appeal_record_outcome"),
]
