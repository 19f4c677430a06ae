from django.urls import path

from . import views

app_name = "assessments"
urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("new/", views.case_create, name="case_create"),
    path("<int:case_id>/", views.case_detail, name="case_detail"),
    path("<int:case_id>/record/<slug:kind>/", views.case_step, name="case_step"),
    path("<int:case_id>/case-officer/", views.case_reassign, name="case_reassign"),
]
