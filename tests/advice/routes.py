from tests.routes import CASEWORK, PRACTITIONER_INVITED, PRACTITIONERS, Route

ROUTES = {
    "advice:advice_inbox": Route("/advice/", PRACTITIONERS),
    "advice:advice_detail": Route("/advice/{advice}/", frozenset({PRACTITIONER_INVITED})),
    # The world's request has no document: allowed visitors are sent back to the advice.
    "advice:advice_document": Route(
        "/advice/{advice}/document/", CASEWORK | {PRACTITIONER_INVITED}
    ),
    "advice:advice_list": Route("/cases/{case}/advice/", CASEWORK),
    "advice:advice_request": Route("/cases/{case}/advice/new/", CASEWORK),
    "advice:advice_withdraw": Route("/cases/{case}/advice/{advice}/withdraw/", CASEWORK),
}
