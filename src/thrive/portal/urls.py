"""Mounted at the site root: the family's pages live under /family/, the case work team's pages
for what families gave on paper, by phone or at a meeting under /cases/<case_id>/family/."""

from django.urls import path

from . import views

app_name = "portal"
urlpatterns = [
    path("family/", views.family_home, name="family_home"),
    path("family/children/<int:child_id>/", views.child_journey, name="child_journey"),
    path(
        "family/children/<int:child_id>/views/",
        views.family_views_give,
        name="family_views_give",
    ),
    path("family/children/<int:child_id>/draft-plan/", views.draft_respond, name="draft_respond"),
    path(
        "family/children/<int:child_id>/review/",
        views.review_views_give,
        name="review_views_give",
    ),
    path("cases/<int:case_id>/family/", views.case_family_detail, name="case_family_detail"),
    path(
        "cases/<int:case_id>/family/views/",
        views.family_views_record,
        name="family_views_record",
    ),
    path(
        "cases/<int:case_id>/family/draft-response/",
        views.draft_response_record,
        name="draft_response_record",
    ),
    path(
        "cases/<int:case_id>/family/review/",
        views.review_views_record,
        name="review_views_record",
    ),
]
