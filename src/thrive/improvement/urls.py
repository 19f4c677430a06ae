"""Routes of the improvement app."""

from django.urls import URLPattern, path

from . import views_programme, views_reports, views_risks, views_selfeval, views_voice

app_name = "improvement"

urlpatterns: list[URLPattern] = [
    # The strategy and plan (views_programme)
    path("", views_programme.programme_detail, name="programme_detail"),
    path("my-actions/", views_programme.my_actions, name="my_actions"),
    path("overdue/", views_programme.overdue_list, name="overdue_list"),
    path("priorities/add/", views_programme.priority_create, name="priority_create"),
    path(
        "priorities/<int:priority_id>/change/",
        views_programme.priority_update,
        name="priority_update",
    ),
    path(
        "priorities/<int:priority_id>/workstreams/add/",
        views_programme.workstream_create,
        name="workstream_create",
    ),
    path(
        "priorities/<int:priority_id>/measures/add/",
        views_programme.measure_target_create,
        name="measure_target_create",
    ),
    path(
        "workstreams/<int:workstream_id>/change/",
        views_programme.workstream_update,
        name="workstream_update",
    ),
    path(
        "workstreams/<int:workstream_id>/actions/add/",
        views_programme.action_create,
        name="action_create",
    ),
    path(
        "workstreams/<int:workstream_id>/milestones/add/",
        views_programme.milestone_create,
        name="milestone_create",
    ),
    path("actions/<int:action_id>/", views_programme.action_detail, name="action_detail"),
    path("actions/<int:action_id>/change/", views_programme.action_update, name="action_update"),
    path("actions/<int:action_id>/status/", views_programme.action_status, name="action_status"),
    path(
        "actions/<int:action_id>/evidence/add/",
        views_programme.evidence_add,
        name="evidence_add",
    ),
    path("evidence/<int:evidence_id>/file/", views_programme.evidence_file, name="evidence_file"),
    path(
        "milestones/<int:milestone_id>/change/",
        views_programme.milestone_update,
        name="milestone_update",
    ),
    path(
        "measures/<int:target_id>/change/",
        views_programme.measure_target_update,
        name="measure_target_update",
    ),
    path(
        "measures/<int:target_id>/points/add/",
        views_programme.trajectory_point_set,
        name="trajectory_point_set",
    ),
    # The risk register (views_risks)
    path("risks/", views_risks.risk_list, name="risk_list"),
    path("risks/add/", views_risks.risk_add, name="risk_add"),
    path("risks/<int:risk_id>/", views_risks.risk_detail, name="risk_detail"),
    path("risks/<int:risk_id>/change/", views_risks.risk_update, name="risk_update"),
    path("risks/<int:risk_id>/assess/", views_risks.risk_assess, name="risk_assess"),
    path(
        "risks/<int:risk_id>/mitigations/add/",
        views_risks.risk_mitigation_add,
        name="risk_mitigation_add",
    ),
    path("risks/<int:risk_id>/close/", views_risks.risk_close, name="risk_close"),
    # Family voice (views_voice)
    path("feedback/", views_voice.feedback_list, name="feedback_list"),
    path("feedback/add/", views_voice.feedback_add, name="feedback_add"),
    path("feedback/you-said-we-did/", views_voice.you_said_list, name="you_said_list"),
    path(
        "feedback/you-said-we-did/published/",
        views_voice.you_said_published,
        name="you_said_published",
    ),
    path("feedback/you-said-we-did/add/", views_voice.you_said_add, name="you_said_add"),
    path(
        "feedback/you-said-we-did/<int:entry_id>/publish/",
        views_voice.you_said_publish,
        name="you_said_publish",
    ),
    # Progress reports (views_reports)
    path("reports/", views_reports.report_list, name="report_list"),
    path("reports/new/", views_reports.report_new, name="report_new"),
    path("reports/issue/", views_reports.report_issue_view, name="report_issue"),
    path("reports/<int:report_id>/", views_reports.report_detail, name="report_detail"),
    path("reports/<int:report_id>/html/", views_reports.report_html, name="report_html"),
    path("reports/<int:report_id>/pdf/", views_reports.report_pdf, name="report_pdf"),
    path("reports/<int:report_id>/docx/", views_reports.report_docx, name="report_docx"),
    # The self-evaluation against the area SEND inspection framework (views_selfeval)
    path("self-evaluation/", views_selfeval.selfeval_list, name="selfeval_list"),
    path(
        "self-evaluation/<int:paragraph>/judgement/",
        views_selfeval.selfeval_judgement,
        name="selfeval_judgement",
    ),
    path("self-evaluation/document/", views_selfeval.selfeval_document, name="selfeval_document"),
    path("self-evaluation/document.pdf", views_selfeval.selfeval_pdf, name="selfeval_pdf"),
]
