"""Work queue routes: the case work team works the queues and the phase transfers (which name
children); SEND managers and administrators see the oldest overdue steps (case references and
officers only)."""

from tests.routes import ADMINISTRATOR, CASEWORK, SEND_MANAGER, Route

ROUTES = {
    "queues:queue_list": Route("/work/", CASEWORK),
    "queues:overdue_oldest": Route(
        "/work/oldest-overdue/", frozenset({SEND_MANAGER, ADMINISTRATOR})
    ),
    "queues:transfer_list": Route("/work/transfers/", CASEWORK),
    "queues:transfer_download": Route("/work/transfers/download/", CASEWORK),
}
