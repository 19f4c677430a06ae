"""The inputs the council keeps for its forecasts: unit costs by need and setting type, the
places at each setting, and population projections. Anyone with FORECAST_VIEW sees them;
changing them needs FORECAST_EDIT (and is audited by ``services_inputs``)."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from thrive.accounts.policy import Action, can
from thrive.core.errors import Refusal

from . import presenters
from . import selectors_pages as pages
from . import services_inputs as services
from .forms import CapacityForm, PopulationForm, UnitCostForm
from .views import require


def _form_for_post(request: HttpRequest) -> bool:
    """Whether this request is a change: a POST, allowed only with FORECAST_EDIT."""
    if request.method != "POST":
        return False
    if not can(request.user, Action.FORECAST_EDIT):
        raise PermissionDenied
    return True


def unit_costs(request: HttpRequest) -> HttpResponse:
    require(request, Action.FORECAST_VIEW)
    posted = _form_for_post(request)
    form = UnitCostForm(request.POST if posted else None, initial=_cost_initial(request))
    if posted and form.is_valid():
        data = form.cleaned_data
        try:
            services.unit_cost_set(
                actor=request.user,
                need=data["need"],
                category=data["setting_category"],
                annual_cost=data["annual_cost"],
                uplift_percent=data["uplift_percent"],
                price_year=data["price_year"],
            )
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, "Unit cost saved")
            return redirect("forecasting:unit_costs")
    context = {
        "form": form,
        "costs": presenters.unit_cost_rows(pages.unit_costs()),
        "can_edit": can(request.user, Action.FORECAST_EDIT),
    }
    return render(request, "forecasting/unit_costs.html", context, status=_status(form))


def _cost_initial(request: HttpRequest) -> dict[str, Any]:
    """``?need=…&category=…`` fills the form from that cost (the table's "Change" links)."""
    need, category = request.GET.get("need"), request.GET.get("category")
    cost = next(
        (c for c in pages.unit_costs() if c.need == need and c.setting_category == category),
        None,
    )
    if cost is None:
        return {"uplift_percent": 0}
    return {
        "need": cost.need,
        "setting_category": cost.setting_category,
        "annual_cost": cost.annual_cost,
        "uplift_percent": cost.uplift_percent,
        "price_year": cost.price_year,
    }


def _status(form: Any) -> int:
    return 400 if form.errors else 200


def capacity(request: HttpRequest) -> HttpResponse:
    require(request, Action.FORECAST_VIEW)
    posted = _form_for_post(request)
    form = CapacityForm(
        request.POST if posted else None,
        settings=pages.settings_choices(),
        initial=_capacity_initial(request),
    )
    if posted and form.is_valid():
        data = form.cleaned_data
        setting = pages.setting_get(data["setting"])  # a valid choice: it exists
        try:
            services.capacity_set(
                actor=request.user,
                setting=setting,
                places=data["places"],
                locality=data["locality"],
            )
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, f"Places at {setting.name} saved")
            return redirect("forecasting:capacity")
    context = {
        "form": form,
        "capacities": pages.capacities(),
        "can_edit": can(request.user, Action.FORECAST_EDIT),
    }
    return render(request, "forecasting/capacity.html", context, status=_status(form))


def _capacity_initial(request: HttpRequest) -> dict[str, Any]:
    raw = request.GET.get("setting", "")
    found = next((c for c in pages.capacities() if str(c.setting_id) == raw), None)
    if found is None:
        return {}
    return {"setting": found.setting_id, "places": found.places, "locality": found.locality}


def population(request: HttpRequest) -> HttpResponse:
    require(request, Action.FORECAST_VIEW)
    posted = _form_for_post(request)
    form = PopulationForm(request.POST if posted else None, request.FILES if posted else None)
    problems: list[str] = []
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            text = upload.read().decode("utf-8-sig")
            services.population_upload(
                actor=request.user, name=form.cleaned_data["name"], file_name=upload.name, text=text
            )
        except UnicodeDecodeError:
            form.add_error("file", "The file must be a CSV file saved as UTF-8")
        except services.PopulationRefusal as refusal:
            form.add_refusal(refusal)
            problems = refusal.errors
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, "Population projection uploaded")
            return redirect("forecasting:population")
    context = {
        "form": form,
        "problems": problems,
        "uploads": [
            {"projection": p, "years": presenters.population_years(p.rows)}
            for p in pages.populations()
        ],
        "can_edit": can(request.user, Action.FORECAST_EDIT),
    }
    return render(request, "forecasting/population.html", context, status=_status(form))
