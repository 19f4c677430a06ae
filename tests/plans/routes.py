"""Plan routes. The world's version is an unissued draft, so even its document is for the case
work team only; a family's access to an issued version is tested in test_documents.py, and
item pages (which need an item's id) in test_views.py. The world's plan has no final version,
so its review pages send the team back to the overview (302); test_review_views.py has the
pages with a review. Nor has it a decision to cease, so the cessation pages send the team back
too; test_ceasing.py has them with one."""

from tests.routes import CASEWORK, Route

VERSION = "/plans/versions/{version}/"

ROUTES = {
    "plans:plan_overview": Route("/cases/{case}/plan/", CASEWORK),
    "plans:plan_start": Route("/cases/{case}/plan/start/", CASEWORK, "post"),
    "plans:review_schedule": Route("/cases/{case}/plan/review/schedule/", CASEWORK),
    "plans:review_record_invitations": Route("/cases/{case}/plan/review/invitations/", CASEWORK),
    "plans:review_record_report": Route("/cases/{case}/plan/review/report/", CASEWORK),
    "plans:review_record_decision": Route("/cases/{case}/plan/review/decision/", CASEWORK),
    "plans:review_record_adulthood": Route("/cases/{case}/plan/review/adulthood/", CASEWORK),
    "plans:plan_cease": Route("/cases/{case}/plan/cease/", CASEWORK),
    "plans:cessation_notice": Route("/cases/{case}/plan/cessation/", CASEWORK),
    "plans:cessation_withdraw": Route("/cases/{case}/plan/cessation/withdraw/", CASEWORK),
    "plans:ceased_list": Route("/plans/ceased/", CASEWORK),
    "plans:ceased_csv": Route("/plans/ceased/csv/", CASEWORK),
    "plans:version_edit": Route(VERSION, CASEWORK),
    "plans:version_change_views": Route(VERSION + "section-a/", CASEWORK),
    "plans:version_change_placement": Route(VERSION + "section-i/", CASEWORK),
    "plans:version_change_budget": Route(VERSION + "section-j/", CASEWORK),
    "plans:version_change_advice": Route(VERSION + "section-k/", CASEWORK),
    "plans:need_edit": Route(VERSION + "needs/new/", CASEWORK),
    "plans:outcome_edit": Route(VERSION + "outcomes/new/", CASEWORK),
    "plans:provision_edit": Route(VERSION + "provisions/new/", CASEWORK),
    "plans:version_issue_draft": Route(VERSION + "issue-draft/", CASEWORK),
    "plans:version_issue_final": Route(VERSION + "issue-final/", CASEWORK),
    "plans:version_start_next": Route(VERSION + "next/", CASEWORK),
    "plans:version_document": Route(VERSION + "document/", CASEWORK),
    "plans:version_pdf": Route(VERSION + "pdf/", CASEWORK),
    "plans:version_compare": Route(VERSION + "compare/{version}/", CASEWORK),
}
