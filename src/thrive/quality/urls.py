"""Audit routes. A version's audits hang off the version; the pages that act on its open audit
(rate, complete, moderate) need no audit id, as a version has one open audit at most. An
audit's result has its number within the version, or "latest". The framework has one version
being written at a time, so its pages need no id either; a criterion's page without an id adds
one (and `?remove=yes` on the change page asks before removing)."""

from django.urls import path

from . import views

app_name = "quality"

AUDITS = "plans/versions/<int:version_id>/audits/"
FRAMEWORK = "quality/framework/"

urlpatterns = [
    path(AUDITS, views.audit_list, name="audit_list"),
    path(f"{AUDITS}start/", views.audit_start, name="audit_start"),
    path(f"{AUDITS}rate/", views.audit_rate, name="audit_rate"),
    path(f"{AUDITS}complete/", views.audit_complete, name="audit_complete"),
    path(f"{AUDITS}moderate/", views.audit_moderate, name="audit_moderate"),
    path(f"{AUDITS}latest/", views.audit_detail, name="audit_detail"),
    path(f"{AUDITS}<int:number>/", views.audit_detail, name="audit_detail"),
    path(
        "plans/versions/<int:version_id>/issue-override/",
        views.issue_override,
        name="issue_override",
    ),
    path(FRAMEWORK, views.framework_detail, name="framework_detail"),
    path(f"{FRAMEWORK}new-version/", views.framework_start, name="framework_start"),
    path(f"{FRAMEWORK}use/", views.framework_activate, name="framework_activate"),
    path(f"{FRAMEWORK}criteria/new/", views.criterion_edit, name="criterion_edit"),
    path(f"{FRAMEWORK}criteria/<int:criterion_id>/", views.criterion_edit, name="criterion_edit"),
]
