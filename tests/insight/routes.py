from tests.routes import INSIGHT, Route

ROUTES = {
    "insight:dashboard_detail": Route("/insight/", INSIGHT),
}
