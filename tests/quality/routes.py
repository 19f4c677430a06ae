"""Plan audit routes. The world's version is a draft with no audit, so the pages that act on an
open audit, and the latest audit's page, send the allowed visitors back to the version's audits
(302); tests/quality/test_views.py checks every visitor against a real open audit and a
numbered one. There is no framework version being written either, so its pages go back to the
framework page."""

from tests.routes import ADMIN, CASEWORK, INVITED, MANAGER, Route

AUDITS = "/plans/versions/{version}/audits/"
FRAMEWORK = "/quality/framework/"
# Who may see a case may see its plan audits, except the family.
AUDIT_READERS = CASEWORK | INVITED

ROUTES = {
    "quality:audit_list": Route(AUDITS, AUDIT_READERS),
    "quality:audit_start": Route(AUDITS + "start/", CASEWORK),
    "quality:audit_rate": Route(AUDITS + "rate/", AUDIT_READERS),
    "quality:audit_complete": Route(AUDITS + "complete/", CASEWORK, "post"),
    "quality:audit_moderate": Route(AUDITS + "moderate/", MANAGER),
    "quality:audit_detail": Route(AUDITS + "latest/", AUDIT_READERS),
    "quality:issue_override": Route("/plans/versions/{version}/issue-override/", MANAGER),
    "quality:framework_detail": Route(FRAMEWORK, MANAGER | ADMIN),
    "quality:framework_start": Route(FRAMEWORK + "new-version/", MANAGER | ADMIN, "post"),
    "quality:framework_activate": Route(FRAMEWORK + "use/", MANAGER | ADMIN),
    "quality:criterion_edit": Route(FRAMEWORK + "criteria/new/", MANAGER | ADMIN),
}
