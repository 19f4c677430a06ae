"""The forecasting pages that write: a new scenario (blank, or a copy of one to change), which
runs at once; re-running a run exactly; and goal-seeking from a run. FORECAST_EDIT only.

``inputs.ScenarioInputs`` checks the levers; its ``InputError`` names the form field, so the
GOV.UK error summary links to it. A service's ``Refusal`` does the same."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from thrive.accounts.policy import Action
from thrive.core.errors import Refusal

from . import selectors, services
from . import selectors_pages as pages
from .forms import GoalForm, ScenarioForm, initial_from
from .inputs import InputError
from .models import RunStatus
from .views import require


def _posted(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def _based_on(request: HttpRequest) -> Any:
    """The scenario named by ``?based_on=<id>`` (404 for an unknown or malformed id)."""
    raw = request.GET.get("based_on") or request.POST.get("based_on")
    if not raw:
        return None
    if not raw.isdigit():
        return pages.scenario_get(0)  # raises Http404
    return pages.scenario_get(int(raw))


def scenario_new(request: HttpRequest) -> HttpResponse:
    require(request, Action.FORECAST_EDIT)
    based_on = _based_on(request)
    initial: dict[str, Any] = {"variant": "trend", "years": 5, "simulations": 1000, "seed": 1}
    years = selectors.snapshot_years()
    if years:
        initial["base_year"] = years[-1]
    if based_on is not None:
        initial = initial_from(
            based_on.inputs, name=based_on.name, description=based_on.description
        ) | {"population": based_on.population_id}
    form = ScenarioForm(
        _posted(request),
        initial=initial,
        years=years,
        closing_settings=pages.closing_choices(),
        populations=pages.population_choices(),
    )
    if request.method == "POST" and form.is_valid():
        try:
            run = _create_and_run(request, form, based_on)
        except InputError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            return redirect("forecasting:run_detail", run_id=run.pk)
    context = {"form": form, "based_on": based_on, "no_years": not years}
    return render(
        request, "forecasting/scenario_new.html", context, status=400 if form.errors else 200
    )


def _create_and_run(request: HttpRequest, form: ScenarioForm, based_on: Any) -> Any:
    data = form.cleaned_data
    scenario = services.scenario_create(
        actor=request.user,
        name=data["name"],
        description=data["description"],
        inputs=form.inputs(),
        population=pages.population_get(data.get("population")),
        based_on=based_on,
    )
    return services.run_start(actor=request.user, scenario=scenario)


@require_POST
def run_rerun(request: HttpRequest, run_id: int) -> HttpResponse:
    """Run again with exactly the inputs, seed and goal of ``run``."""
    require(request, Action.FORECAST_EDIT)
    run = pages.run_get(run_id)
    new = services.rerun(actor=request.user, run=run)
    return redirect("forecasting:run_detail", run_id=new.pk)


def goal_seek(request: HttpRequest, run_id: int) -> HttpResponse:
    """Find the change in one flow that brings a setting type to a target in a year: a new run
    of the same scenario with the goal."""
    require(request, Action.FORECAST_EDIT)
    run = pages.run_get(run_id)
    inputs = run.inputs
    years = list(range(inputs["base_year"] + 1, inputs["base_year"] + inputs["years"] + 1))
    form = GoalForm(_posted(request), years=years)
    if request.method == "POST" and form.is_valid():
        goal = form.goal()
        try:
            new = services.run_start(actor=request.user, scenario=run.scenario, goal=goal)
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            return redirect("forecasting:run_detail", run_id=new.pk)
    context = {"form": form, "run": run, "finished": run.status == RunStatus.DONE}
    return render(
        request, "forecasting/goal_seek.html", context, status=400 if form.errors else 200
    )
