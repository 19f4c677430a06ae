from tests.routes import CASEWORK, FAMILIES, PARENT, Route

ROUTES = {
    # Any family account has a home; only the world child's parent reaches that child.
    "portal:family_home": Route("/family/", FAMILIES),
    "portal:child_journey": Route("/family/children/{child}/", frozenset({PARENT})),
    "portal:family_views_give": Route("/family/children/{child}/views/", frozenset({PARENT})),
    "portal:draft_respond": Route("/family/children/{child}/draft-plan/", frozenset({PARENT})),
    "portal:review_views_give": Route("/family/children/{child}/review/", frozenset({PARENT})),
    # The case work team records what a family gave on paper, by phone or at a meeting.
    "portal:case_family_detail": Route("/cases/{case}/family/", CASEWORK),
    "portal:family_views_record": Route("/cases/{case}/family/views/", CASEWORK),
    "portal:draft_response_record": Route("/cases/{case}/family/draft-response/", CASEWORK),
    "portal:review_views_record": Route("/cases/{case}/family/review/", CASEWORK),
}
