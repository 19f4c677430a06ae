from tests.routes import CASEWORK, INSIGHT, Route

ROUTES = {
    "insight:dashboard_detail": Route("/insight/", INSIGHT),
    "insight:quality_detail": Route("/insight/quality/", INSIGHT),
    # The plans behind a figure name children: the case work team only.
    "insight:quality_plans": Route("/insight/quality/plans/?list=audits", CASEWORK),
}
