"""Returns routes: the lists and files for the DfE and the inspectors carry children's ids
and dates, so they are for the case work team only (analysts see the dashboard, not these)."""

from tests.routes import ADMINISTRATOR, CASEWORK, SEND_MANAGER, Route

IMPORTERS = frozenset({SEND_MANAGER, ADMINISTRATOR})

ROUTES = {
    "returns:annex_a_detail": Route("/returns/annex-a/", CASEWORK),
    "returns:annex_a_download": Route("/returns/annex-a/download/", CASEWORK),
    # SEN2: the return holds names. The export and the confirmation are refused (422) in the
    # world, whose return has errors and no query chosen; test_views.py has them succeeding.
    "returns:sen2_start": Route("/returns/sen2/", CASEWORK),
    "returns:sen2_report": Route("/returns/sen2/2026/", CASEWORK),
    "returns:sen2_confirm": Route("/returns/sen2/2026/confirm/", CASEWORK, "post"),
    "returns:sen2_export": Route("/returns/sen2/2026/export/xml/", CASEWORK, "post"),
    # Importing a caseload: SEND managers and administrators (Action.IMPORT_CASELOAD). The
    # world's run is a finished dry run by the manager; confirming it imports its file.
    "returns:import_start": Route("/returns/import/", IMPORTERS),
    "returns:import_template": Route("/returns/import/template.csv", IMPORTERS),
    "returns:import_run": Route("/returns/import/{import_run}/", IMPORTERS),
    "returns:import_run_confirm": Route("/returns/import/{import_run}/import/", IMPORTERS, "post"),
}
