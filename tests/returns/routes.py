"""Returns routes: the lists and files for the DfE and the inspectors carry children's ids
and dates, so they are for the case work team only (analysts see the dashboard, not these)."""

from tests.routes import CASEWORK, Route

ROUTES = {
    "returns:annex_a_detail": Route("/returns/annex-a/", CASEWORK),
    "returns:annex_a_download": Route("/returns/annex-a/download/", CASEWORK),
    # SEN2: the return holds names. The export and the confirmation are refused (422) in the
    # world, whose return has errors and no query chosen; test_views.py has them succeeding.
    "returns:sen2_start": Route("/returns/sen2/", CASEWORK),
    "returns:sen2_report": Route("/returns/sen2/2026/", CASEWORK),
    "returns:sen2_confirm": Route("/returns/sen2/2026/confirm/", CASEWORK, "post"),
    "returns:sen2_export": Route("/returns/sen2/2026/export/xml/", CASEWORK, "post"),
}
