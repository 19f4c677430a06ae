"""The forecasting app's routes x visitors. Ids come from tests/forecasting/world.py."""

from tests.routes import FORECAST, FORECAST_EDIT, Route

ROUTES = {
    "forecasting:overview": Route("/forecasting/", FORECAST),
    "forecasting:scenario_new": Route("/forecasting/scenarios/new/", FORECAST_EDIT),
    "forecasting:run_detail": Route("/forecasting/runs/{run}/", FORECAST),
    "forecasting:run_csv": Route("/forecasting/runs/{run}/results.csv", FORECAST),
    "forecasting:run_workbook": Route("/forecasting/runs/{run}/dsg-workbook.xlsx", FORECAST),
    "forecasting:run_rerun": Route("/forecasting/runs/{run}/rerun/", FORECAST_EDIT, "post"),
    "forecasting:goal_seek": Route("/forecasting/runs/{run}/goal-seek/", FORECAST_EDIT),
    "forecasting:compare": Route("/forecasting/compare/", FORECAST),
    # Viewers see the inputs; only editors change them (tested in test_views_inputs.py).
    "forecasting:unit_costs": Route("/forecasting/unit-costs/", FORECAST),
    "forecasting:capacity": Route("/forecasting/capacity/", FORECAST),
    "forecasting:population": Route("/forecasting/population/", FORECAST),
}
