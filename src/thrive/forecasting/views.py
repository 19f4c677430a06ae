"""The forecasting pages that read: the overview of scenarios, a run (its progress while it
runs, then its results beside the back-test), its downloads, and runs side by side.

Viewing needs FORECAST_VIEW; nothing here is a child's record, only counts and pounds. The
run page refreshes itself (an HTTP Refresh header, no JavaScript) until the run finishes."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from thrive.accounts.policy import Action, can
from thrive.core.audit import audit_record
from thrive.core.models import AuditAction

from . import charts, exports, presenters
from . import selectors_pages as selectors
from .forms import CompareForm
from .models import ForecastRun, RunStatus
from .selectors import unit_cost_records

REFRESH_SECONDS = 3


def require(request: HttpRequest, action: Action) -> None:
    if not can(request.user, action):
        raise PermissionDenied


def overview(request: HttpRequest) -> HttpResponse:
    require(request, Action.FORECAST_VIEW)
    rows = [
        {"summary": s, "tag": presenters.status_tag(s.latest) if s.latest else None}
        for s in selectors.scenario_summaries()
    ]
    context = {"rows": rows, "can_edit": can(request.user, Action.FORECAST_EDIT)}
    return render(request, "forecasting/overview.html", context)


def run_detail(request: HttpRequest, run_id: int) -> HttpResponse:
    require(request, Action.FORECAST_VIEW)
    run = selectors.run_get(run_id)
    context: dict[str, Any] = {
        "run": run,
        "tag": presenters.status_tag(run),
        "can_edit": can(request.user, Action.FORECAST_EDIT),
        "inputs": presenters.input_lines(run.inputs, _closing_names(run.inputs)),
        "variant": presenters.variant_label(run.inputs.get("variant", "")),
    }
    if run.status == RunStatus.DONE and run.results:
        context |= _results_context(run.results)
    response = render(request, "forecasting/run_detail.html", context)
    if not run.is_finished:
        response["Refresh"] = str(REFRESH_SECONDS)
    return response


def _closing_names(inputs: dict[str, Any]) -> dict[int, str]:
    ids = [c["setting_id"] for c in inputs.get("capacity_changes", ()) if c.get("setting_id")]
    return selectors.setting_names(ids) if ids else {}


def _results_context(results: dict[str, Any]) -> dict[str, Any]:
    counts = results.get("counts", {})
    last = results["years"][-1]
    places = presenters.place_rows(results)
    gap_years, gap_rows = presenters.gap_by_year(results)
    history = [(h["year"], h["total"]) for h in results.get("history", [])]
    return {
        "totals": presenters.total_rows(results),
        "total_chart": charts.fan_chart(
            name="Children with EHC plans each January: recorded, then forecast with likely ranges",
            axis="Children with EHC plans",
            history=history,
            forecast=counts.get("total", []),
        ),
        "setting_chart": charts.bar_chart(
            name=f"Children with EHC plans by setting type, January {last} (median)",
            axis=f"Children, January {last}",
            bars=tuple(
                (r["label"], round(r["median"]))
                for r in counts.get("setting", [])
                if r["year"] == last
            ),
        ),
        "last_year": last,
        "by_setting": presenters.breakdown_table(counts.get("setting", [])),
        "by_need": presenters.breakdown_table(counts.get("need", [])),
        "by_age": presenters.breakdown_table(counts.get("age_band", [])),
        **_cost_context(results),
        "places": places,
        "shortfalls": presenters.shortfall_count(places),
        "gap_years": gap_years,
        "gap_rows": gap_rows,
        "flows": presenters.flow_table(results),
        "trend": results.get("trend"),
        "goal": presenters.goal_lines(results.get("goal")),
        "notes": results.get("notes", []),
        **_backtest_context(results.get("backtest") or {}),
    }


def _backtest_context(backtest: dict[str, Any]) -> dict[str, Any]:
    return {
        "backtest_area": presenters.backtest_rows(backtest.get("area", [])),
        "backtest_published": presenters.backtest_rows(backtest.get("published", [])),
        "backtest": backtest,
    }


def _cost_context(results: dict[str, Any]) -> dict[str, Any]:
    """Nothing when no unit costs were recorded: the page says so instead."""
    cost = results.get("cost") or {}
    if not cost.get("total"):
        return {}
    last = results["years"][-1]
    return {
        "cost_totals": presenters.total_rows(results, "cost"),
        "cost_chart": charts.fan_chart(
            name="High-needs cost of placements each January, forecast with likely ranges",
            axis="Cost (£ million)",
            history=[],
            forecast=cost["total"],
            money=True,
        ),
        "cost_dsg_chart": charts.bar_chart(
            name=f"Cost by DSG management plan category, January {last} (median)",
            axis=f"£ million, January {last}",
            bars=tuple(
                (r["label"], round(r["median"] / 1e6, 2))
                for r in cost.get("dsg_category", [])
                if r["year"] == last
            ),
        ),
        "cost_by_dsg": presenters.breakdown_table(cost.get("dsg_category", []), presenters.money),
        "cost_by_age": presenters.breakdown_table(cost.get("age_band", []), presenters.money),
    }


def _done_run(request: HttpRequest, run_id: int) -> ForecastRun:
    require(request, Action.FORECAST_VIEW)
    run = selectors.run_get(run_id)
    if run.status != RunStatus.DONE or not run.results:
        raise Http404("This forecast has no results yet")
    audit_record(
        actor=request.user, action=AuditAction.EXPORT, obj=run, summary="Forecast exported"
    )
    return run


def results_csv(request: HttpRequest, run_id: int) -> HttpResponse:
    run = _done_run(request, run_id)
    assert run.results is not None
    response = HttpResponse(
        exports.results_csv(run.results), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="forecast-{run.pk}.csv"'
    return response


def dsg_workbook(request: HttpRequest, run_id: int) -> HttpResponse:
    run = _done_run(request, run_id)
    assert run.results is not None
    body = exports.dsg_workbook(
        results=run.results,
        inputs=run.inputs,
        scenario_name=run.scenario.name,
        unit_costs=unit_cost_records(),
    )
    response = HttpResponse(
        body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="forecast-{run.pk}-dsg.xlsx"'
    return response


def compare(request: HttpRequest) -> HttpResponse:
    """Choose 2 or 3 finished runs (``?run=1&run=2``), then see them side by side."""
    require(request, Action.FORECAST_VIEW)
    choices = [(r.pk, _run_name(r)) for r in selectors.finished_runs()]
    asked = "run" in request.GET
    form = CompareForm(request.GET if asked else None, runs=choices)
    context: dict[str, Any] = {"form": form, "choices": choices}
    if asked and form.is_valid():
        runs = selectors.runs_to_compare(form.cleaned_data["run"])
        context |= _compare_context(runs)
    return render(request, "forecasting/compare.html", context, status=400 if form.errors else 200)


def _run_name(run: ForecastRun) -> str:
    return f"{run.scenario.name} (run {run.pk}, {run.created_at:%-d %B %Y})"


def _compare_context(runs: list[ForecastRun]) -> dict[str, Any]:
    results = [r.results or {} for r in runs]
    last = min(r["years"][-1] for r in results)
    return {
        "runs": [{"run": r, "name": _run_name(r)} for r in runs],
        "tables": [
            presenters.compare_by_year(results, "counts", "Children with EHC plans each January"),
            presenters.compare_by_label(results, last, f"By setting type, January {last}"),
            presenters.compare_by_year(results, "cost", "High-needs cost each January"),
        ],
    }
