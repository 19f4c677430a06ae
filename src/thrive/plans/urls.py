"""Plan routes. The overview hangs off the case; everything else off a version id. An item's
add and change pages share one name: with the item's id it changes that item, without it adds
one (and `?remove=yes` on the change page asks before removing). Annual review pages hang off
the case too: they record against the plan's one open review. So do the pages that cease a
plan (at most one standing decision); the ceased plans report lists every plan."""

from django.urls import path

from . import views

app_name = "plans"

VERSION = "plans/versions/<int:version_id>/"
REVIEW = "cases/<int:case_id>/plan/review/"
CESSATION = "cases/<int:case_id>/plan/cessation/"

urlpatterns = [
    path("cases/<int:case_id>/plan/", views.plan_overview, name="plan_overview"),
    path("cases/<int:case_id>/plan/start/", views.plan_start, name="plan_start"),
    path(f"{REVIEW}schedule/", views.review_schedule, name="review_schedule"),
    path(
        f"{REVIEW}invitations/", views.review_record_invitations, name="review_record_invitations"
    ),
    path(f"{REVIEW}report/", views.review_record_report, name="review_record_report"),
    path(f"{REVIEW}decision/", views.review_record_decision, name="review_record_decision"),
    path(
        f"{REVIEW}adulthood/", views.reviews.review_record_adulthood, name="review_record_adulthood"
    ),
    path("cases/<int:case_id>/plan/cease/", views.plan_cease, name="plan_cease"),
    path(CESSATION, views.cessation_notice, name="cessation_notice"),
    path(f"{CESSATION}withdraw/", views.cessation_withdraw, name="cessation_withdraw"),
    path("plans/ceased/", views.ceased_list, name="ceased_list"),
    path("plans/ceased/csv/", views.ceased_csv, name="ceased_csv"),
    path(VERSION, views.version_edit, name="version_edit"),
    path(f"{VERSION}section-a/", views.version_change_views, name="version_change_views"),
    path(f"{VERSION}section-i/", views.version_change_placement, name="version_change_placement"),
    path(f"{VERSION}section-j/", views.version_change_budget, name="version_change_budget"),
    path(f"{VERSION}section-k/", views.version_change_advice, name="version_change_advice"),
    path(f"{VERSION}needs/new/", views.need_edit, name="need_edit"),
    path(f"{VERSION}needs/<int:need_id>/", views.need_edit, name="need_edit"),
    path(f"{VERSION}outcomes/new/", views.outcome_edit, name="outcome_edit"),
    path(f"{VERSION}outcomes/<int:outcome_id>/", views.outcome_edit, name="outcome_edit"),
    path(f"{VERSION}provisions/new/", views.provision_edit, name="provision_edit"),
    path(f"{VERSION}provisions/<int:provision_id>/", views.provision_edit, name="provision_edit"),
    path(f"{VERSION}issue-draft/", views.version_issue_draft, name="version_issue_draft"),
    path(f"{VERSION}issue-final/", views.version_issue_final, name="version_issue_final"),
    path(f"{VERSION}next/", views.version_start_next, name="version_start_next"),
    path(f"{VERSION}document/", views.version_document, name="version_document"),
    path(f"{VERSION}pdf/", views.version_pdf, name="version_pdf"),
    path(f"{VERSION}compare/<int:other_id>/", views.version_compare, name="version_compare"),
]
