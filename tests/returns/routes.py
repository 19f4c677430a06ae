"""Returns routes: the lists and files for the DfE and the inspectors carry children's ids
and dates, so they are for the case work team only (analysts see the dashboard, not these)."""

from tests.routes import CASEWORK, Route

ROUTES = {
    "returns:annex_a_detail": Route("/returns/annex-a/", CASEWORK),
    "returns:annex_a_download": Route("/returns/annex-a/download/", CASEWORK),
}
