from tests.routes import CASEWORK, MANAGER, Route

ROUTES = {
    "assessments:case_list": Route("/cases/", CASEWORK),
    "assessments:case_create": Route("/cases/new/", CASEWORK),
    "assessments:case_detail": Route("/cases/{case}/", CASEWORK),
    "assessments:case_step": Route("/cases/{case}/record/decision_to_assess/", CASEWORK),
    "assessments:case_reassign": Route("/cases/{case}/case-officer/", MANAGER),
    "api_case_list": Route("/api/cases/", CASEWORK),
    "api_case_detail": Route("/api/cases/{case}/", CASEWORK),
    "api_case_step": Route("/api/cases/{case}/steps/", CASEWORK, "post"),
}
