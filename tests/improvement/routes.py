"""The improvement app's routes x visitors. Ids come from tests/improvement/world.py."""

from tests.routes import ACTION_OWNER, IMPROVEMENT, IMPROVEMENT_EDIT, Route

ROUTES = {
    # The strategy and plan (views_programme)
    "improvement:programme_detail": Route("/improvement/", IMPROVEMENT),
    "improvement:my_actions": Route("/improvement/my-actions/", IMPROVEMENT),
    "improvement:overdue_list": Route("/improvement/overdue/", IMPROVEMENT),
    "improvement:priority_create": Route("/improvement/priorities/add/", IMPROVEMENT_EDIT),
    "improvement:priority_update": Route(
        "/improvement/priorities/{priority}/change/", IMPROVEMENT_EDIT
    ),
    "improvement:workstream_create": Route(
        "/improvement/priorities/{priority}/workstreams/add/", IMPROVEMENT_EDIT
    ),
    "improvement:measure_target_create": Route(
        "/improvement/priorities/{priority}/measures/add/", IMPROVEMENT_EDIT
    ),
    "improvement:workstream_update": Route(
        "/improvement/workstreams/{workstream}/change/", IMPROVEMENT_EDIT
    ),
    "improvement:action_create": Route(
        "/improvement/workstreams/{workstream}/actions/add/", IMPROVEMENT_EDIT
    ),
    "improvement:milestone_create": Route(
        "/improvement/workstreams/{workstream}/milestones/add/", IMPROVEMENT_EDIT
    ),
    "improvement:action_detail": Route("/improvement/actions/{action}/", IMPROVEMENT),
    "improvement:action_update": Route("/improvement/actions/{action}/change/", IMPROVEMENT_EDIT),
    # The world's action is the partner lead's own: they may update its status and evidence.
    "improvement:action_status": Route("/improvement/actions/{action}/status/", ACTION_OWNER),
    "improvement:evidence_add": Route("/improvement/actions/{action}/evidence/add/", ACTION_OWNER),
    "improvement:evidence_file": Route("/improvement/evidence/{evidence}/file/", IMPROVEMENT),
    "improvement:milestone_update": Route(
        "/improvement/milestones/{milestone}/change/", IMPROVEMENT_EDIT
    ),
    "improvement:measure_target_update": Route(
        "/improvement/measures/{measure}/change/", IMPROVEMENT_EDIT
    ),
    "improvement:trajectory_point_set": Route(
        "/improvement/measures/{measure}/points/add/", IMPROVEMENT_EDIT
    ),
    # The risk register (views_risks)
    "improvement:risk_list": Route("/improvement/risks/", IMPROVEMENT),
    "improvement:risk_add": Route("/improvement/risks/add/", IMPROVEMENT_EDIT),
    "improvement:risk_detail": Route("/improvement/risks/{risk}/", IMPROVEMENT),
    "improvement:risk_update": Route("/improvement/risks/{risk}/change/", IMPROVEMENT_EDIT),
    "improvement:risk_assess": Route("/improvement/risks/{risk}/assess/", IMPROVEMENT_EDIT),
    "improvement:risk_mitigation_add": Route(
        "/improvement/risks/{risk}/mitigations/add/", IMPROVEMENT_EDIT
    ),
    "improvement:risk_close": Route("/improvement/risks/{risk}/close/", IMPROVEMENT_EDIT),
    # Family voice (views_voice)
    "improvement:feedback_list": Route("/improvement/feedback/", IMPROVEMENT),
    "improvement:feedback_add": Route("/improvement/feedback/add/", IMPROVEMENT_EDIT),
    "improvement:you_said_list": Route("/improvement/feedback/you-said-we-did/", IMPROVEMENT),
    "improvement:you_said_published": Route(
        "/improvement/feedback/you-said-we-did/published/", IMPROVEMENT
    ),
    "improvement:you_said_add": Route(
        "/improvement/feedback/you-said-we-did/add/", IMPROVEMENT_EDIT
    ),
    "improvement:you_said_publish": Route(
        "/improvement/feedback/you-said-we-did/{you_said}/publish/", IMPROVEMENT_EDIT, "post"
    ),
    # The self-evaluation (views_selfeval). The world loads no framework, so the judgement
    # form and the document send allowed visitors back to the self-evaluation page (302);
    # tests/improvement/test_selfeval_views.py checks them with the criteria loaded.
    "improvement:selfeval_list": Route("/improvement/self-evaluation/", IMPROVEMENT),
    "improvement:selfeval_judgement": Route(
        "/improvement/self-evaluation/50/judgement/", IMPROVEMENT_EDIT
    ),
    "improvement:selfeval_document": Route("/improvement/self-evaluation/document/", IMPROVEMENT),
    "improvement:selfeval_pdf": Route("/improvement/self-evaluation/document.pdf", IMPROVEMENT),
    # Progress reports (views_reports): the world holds one issued report.
    "improvement:report_list": Route("/improvement/reports/", IMPROVEMENT),
    "improvement:report_new": Route("/improvement/reports/new/", IMPROVEMENT),
    "improvement:report_issue": Route("/improvement/reports/issue/", IMPROVEMENT_EDIT, "post"),
    "improvement:report_detail": Route("/improvement/reports/{report}/", IMPROVEMENT),
    "improvement:report_html": Route("/improvement/reports/{report}/html/", IMPROVEMENT),
    "improvement:report_pdf": Route("/improvement/reports/{report}/pdf/", IMPROVEMENT),
    "improvement:report_docx": Route("/improvement/reports/{report}/docx/", IMPROVEMENT),
}
