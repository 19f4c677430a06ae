"""Routes of the forecasting app."""

from django.urls import URLPattern, path

from . import views, views_inputs, views_scenarios

app_name = "forecasting"

urlpatterns: list[URLPattern] = [
    path("", views.overview, name="overview"),
    path("scenarios/new/", views_scenarios.scenario_new, name="scenario_new"),
    path("runs/<int:run_id>/", views.run_detail, name="run_detail"),
    path("runs/<int:run_id>/results.csv", views.results_csv, name="run_csv"),
    path("runs/<int:run_id>/dsg-workbook.xlsx", views.dsg_workbook, name="run_workbook"),
    path("runs/<int:run_id>/rerun/", views_scenarios.run_rerun, name="run_rerun"),
    path("runs/<int:run_id>/goal-seek/", views_scenarios.goal_seek, name="goal_seek"),
    path("compare/", views.compare, name="compare"),
    path("unit-costs/", views_inputs.unit_costs, name="unit_costs"),
    path("capacity/", views_inputs.capacity, name="capacity"),
    path("population/", views_inputs.population, name="population"),
]
