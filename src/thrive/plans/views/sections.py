"""Writing a version's sections: A, I, J and K as forms, and needs, outcomes and provisions as
items that can be added, changed and removed (the remove link asks first)."""

from collections.abc import Callable
from functools import partial
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from thrive.core.errors import Refusal
from thrive.law import clock

from .. import selectors, services
from ..forms import (
    AdviceForm,
    BudgetForm,
    NeedForm,
    OutcomeForm,
    PlacementForm,
    ProvisionForm,
    ViewsForm,
)
from ..models import PlanVersion
from ._common import form_page, refusal_form, to_version, version_context, version_for_team


def _posted(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def _writable(request: HttpRequest, version_id: int) -> PlanVersion | HttpResponse:
    """The version to change, or a redirect to its page (which says why) once issued."""
    version = version_for_team(request, version_id)
    return to_version(version) if version.is_issued else version


def version_change_views(request: HttpRequest, version_id: int) -> HttpResponse:
    version = _writable(request, version_id)
    if isinstance(version, HttpResponse):
        return version
    initial = {name: getattr(version, name) for name in selectors.VIEWS_FIELDS}
    form = ViewsForm(_posted(request), initial=initial)
    return form_page(
        request,
        version,
        form,
        lambda data: services.plan_change_views(actor=request.user, version=version, **data),
        heading=selectors.SECTION_TITLES["A"],
        success="Section A saved",
        intro="In their own words where possible. Aspirations belong here, not in section E.",
    )


def version_change_placement(request: HttpRequest, version_id: int) -> HttpResponse:
    version = _writable(request, version_id)
    if isinstance(version, HttpResponse):
        return version
    initial = {
        "placement_setting": version.placement_setting_id,
        "placement_type": "" if version.placement_setting_id else version.placement_type,
    }
    return form_page(
        request,
        version,
        PlacementForm(_posted(request), initial=initial),
        lambda data: services.plan_change_placement(
            actor=request.user,
            version=version,
            setting=data["placement_setting"],
            placement_type=data["placement_type"],
        ),
        heading=selectors.SECTION_TITLES["I"],
        success="Section I saved",
        intro="Name the school, college or other institution, or give the type of setting only.",
    )


def version_change_budget(request: HttpRequest, version_id: int) -> HttpResponse:
    version = _writable(request, version_id)
    if isinstance(version, HttpResponse):
        return version
    initial = {
        "personal_budget": version.personal_budget,
        "direct_payments": version.direct_payments,
    }
    return form_page(
        request,
        version,
        BudgetForm(_posted(request), initial=initial),
        lambda data: services.plan_change_budget(actor=request.user, version=version, **data),
        heading=selectors.SECTION_TITLES["J"],
        success="Section J saved",
    )


def _advice_label(advice: Any) -> str:
    label = clock.Contributor(advice.contributor).advice_label
    given = timezone.localtime(advice.submitted_at).date()
    return f"{label}, given {clock.render_date(given)}"


def version_change_advice(request: HttpRequest, version_id: int) -> HttpResponse:
    version = _writable(request, version_id)
    if isinstance(version, HttpResponse):
        return version
    given = selectors.submitted_advice(version.plan.case)
    form = AdviceForm(
        _posted(request),
        initial={"advice": list(version.advice.values_list("pk", flat=True))},
        advice=given,
        labels={a.pk: _advice_label(a) for a in given},
    )
    return form_page(
        request,
        version,
        form,
        lambda data: services.plan_choose_advice(
            actor=request.user, version=version, advice_requests=data["advice"]
        ),
        heading=selectors.SECTION_TITLES["K"],
        success="Section K saved",
    )


# --- Items -------------------------------------------------------------------------------


def _remove_page(
    request: HttpRequest, version: PlanVersion, remove: Callable[[], None], title: str
) -> HttpResponse:
    """ "Are you sure?" and, on POST, the removal through the service."""
    form = refusal_form()
    if request.method == "POST":
        try:
            remove()
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, f"{title[:1].upper()}{title[1:]} removed")
            return to_version(version)
    context = version_context(version, form=form, title=title)
    return render(request, "plans/item_remove.html", context, status=400 if form.errors else 200)


def _wants_removal(request: HttpRequest) -> bool:
    return request.GET.get("remove") == "yes" or request.POST.get("remove") == "yes"


def need_edit(request: HttpRequest, version_id: int, need_id: int | None = None) -> HttpResponse:
    version = _writable(request, version_id)
    if isinstance(version, HttpResponse):
        return version
    need = selectors.need_in(version, need_id) if need_id else None
    title = f"need {selectors.version_contents(version).number(need)}" if need else ""
    if need and _wants_removal(request):
        remove = partial(services.need_remove, actor=request.user, need=need)
        return _remove_page(request, version, remove, title)
    initial = {"section": need.section, "text": need.text} if need else _section(request)
    form = NeedForm(_posted(request), initial=initial)

    def save(data: dict[str, Any]) -> object:
        if need:
            return services.need_change(actor=request.user, need=need, **data)
        return services.need_add(actor=request.user, version=version, **data)

    heading = f"Change {title}" if need else "Add a need"
    return form_page(request, version, form, save, heading=heading, success="Need saved")


def _section(request: HttpRequest) -> dict[str, str]:
    return {"section": request.GET.get("section", "")}


def outcome_edit(
    request: HttpRequest, version_id: int, outcome_id: int | None = None
) -> HttpResponse:
    version = _writable(request, version_id)
    if isinstance(version, HttpResponse):
        return version
    outcome = selectors.outcome_in(version, outcome_id) if outcome_id else None
    contents = selectors.version_contents(version)
    title = f"outcome {contents.number(outcome)}" if outcome else ""
    if outcome and _wants_removal(request):
        remove = partial(services.outcome_remove, actor=request.user, outcome=outcome)
        return _remove_page(request, version, remove, title)
    form = OutcomeForm(
        _posted(request),
        initial=_outcome_initial(outcome),
        needs=version.needs.order_by("section", "order", "id"),
        numbers={n.pk: contents.number(n) for n in contents.needs},
    )

    def save(data: dict[str, Any]) -> object:
        if outcome:
            return services.outcome_change(actor=request.user, outcome=outcome, **data)
        return services.outcome_add(actor=request.user, version=version, **data)

    heading = f"Change {title}" if outcome else "Add an outcome"
    return form_page(request, version, form, save, heading=heading, success="Outcome saved")


def _outcome_initial(outcome: Any) -> dict[str, Any]:
    if outcome is None:
        return {}
    return {
        "text": outcome.text,
        "time_frame": outcome.time_frame,
        "achieve_by": outcome.achieve_by,
        "needs": [n.pk for n in outcome.needs.all()],
        "adulthood_area": outcome.adulthood_area,
    }


_PROVISION_FIELDS = ("section", "what", "who", "how_often", "how_long", "group_size")


def provision_edit(
    request: HttpRequest, version_id: int, provision_id: int | None = None
) -> HttpResponse:
    version = _writable(request, version_id)
    if isinstance(version, HttpResponse):
        return version
    provision = selectors.provision_in(version, provision_id) if provision_id else None
    contents = selectors.version_contents(version)
    title = f"provision {contents.number(provision)}" if provision else ""
    if provision and _wants_removal(request):
        remove = partial(services.provision_remove, actor=request.user, provision=provision)
        return _remove_page(request, version, remove, title)
    initial = (
        {name: getattr(provision, name) for name in _PROVISION_FIELDS}
        | {"outcomes": [o.pk for o in provision.outcomes.all()]}
        if provision
        else _section(request)
    )
    form = ProvisionForm(
        _posted(request),
        initial=initial,
        outcomes=version.outcomes.order_by("order", "id"),
        numbers={o.pk: contents.number(o) for o in contents.outcomes},
    )

    def save(data: dict[str, Any]) -> object:
        if provision:
            return services.provision_change(actor=request.user, provision=provision, **data)
        return services.provision_add(actor=request.user, version=version, **data)

    heading = f"Change {title}" if provision else "Add provision"
    return form_page(request, version, form, save, heading=heading, success="Provision saved")
