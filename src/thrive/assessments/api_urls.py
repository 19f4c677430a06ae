"""API routes. Authentication and permission are DRF's (JSON 401/403), not the sign-in redirect."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path

from . import api

urlpatterns = [
    path("cases/", login_not_required(api.CaseListApi.as_view()), name="api_case_list"),
    path(
        "cases/<int:case_id>/",
        login_not_required(api.CaseDetailApi.as_view()),
        name="api_case_detail",
    ),
    path(
        "cases/<int:case_id>/steps/",
        login_not_required(api.CaseStepApi.as_view()),
        name="api_case_step",
    ),
]
