"""Disputes routes: the case work team only. The world's case has a mediation and an open
appeal, so every step page answers the team."""

from tests.routes import CASEWORK, Route

CASE = "/cases/{case}/disputes/"

ROUTES = {
    "disputes:appeal_list": Route("/disputes/", CASEWORK),
    "disputes:case_disputes": Route(CASE, CASEWORK),
    "disputes:mediation_record": Route(CASE + "mediation/new/", CASEWORK),
    "disputes:mediation_record_outcome": Route(CASE + "mediation/{mediation}/outcome/", CASEWORK),
    "disputes:mediation_record_certificate": Route(
        CASE + "mediation/{mediation}/certificate/", CASEWORK
    ),
    "disputes:appeal_record": Route(CASE + "appeals/new/", CASEWORK),
    "disputes:appeal_record_hearing": Route(CASE + "appeals/{appeal}/hearing/", CASEWORK),
    "disputes:appeal_record_outcome": Route(CASE + "appeals/{appeal}/outcome/", CASEWORK),
}
