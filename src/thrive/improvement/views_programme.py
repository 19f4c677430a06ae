"""The strategy and plan's pages: the programme (priorities, workstreams, actions, milestones
and the measures that show whether it works, each as a chart and a table), an action with its
evidence, "my actions", the board's view of what is overdue, and the forms that change them.

Viewing needs IMPROVEMENT_VIEW; changing the programme needs IMPROVEMENT_EDIT; a partner lead
may set the status of, and add evidence to, an action they own (IMPROVEMENT_EDIT asked with
the action). Nothing here is a child's record."""

from collections.abc import Callable
from itertools import groupby
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from thrive.accounts.policy import Action, can
from thrive.core.audit import audit_record
from thrive.core.errors import Refusal
from thrive.core.forms import GovUKForm
from thrive.core.models import AuditAction
from thrive.law.clock import render_date

from . import presenters_programme as presenters
from . import selectors_programme as selectors
from .forms_programme import (
    ActionForm,
    ActionStatusForm,
    EvidenceForm,
    MeasureTargetForm,
    MilestoneForm,
    PriorityForm,
    TrajectoryPointForm,
    WorkstreamForm,
)
from .models import EvidenceKind, Partner
from .services import programme as services


def _require(request: HttpRequest, action: Action, obj: object = None) -> None:
    if not can(request.user, action, obj):
        raise PermissionDenied


def _posted(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def _to_programme(anchor: str = "") -> HttpResponse:
    return redirect(reverse("improvement:programme_detail") + (f"#{anchor}" if anchor else ""))


# --- Reading ---------------------------------------------------------------------------------


def programme_detail(request: HttpRequest) -> HttpResponse:
    _require(request, Action.IMPROVEMENT_VIEW)
    today = timezone.localdate()
    priorities = selectors.programme()
    targets = [t for p in priorities for t in p.measures.all()]
    progress = selectors.measure_progress(targets, today)
    context = {
        "priorities": presenters.priority_views(priorities, progress, today),
        "overdue_count": selectors.actions_overdue(today).count(),
        "late_count": selectors.milestones_late(today).count(),
        "can_edit": can(request.user, Action.IMPROVEMENT_EDIT),
        "period": selectors.measure_period(today).label,
    }
    return render(request, "improvement/programme_detail.html", context)


def my_actions(request: HttpRequest) -> HttpResponse:
    _require(request, Action.IMPROVEMENT_VIEW)
    today = timezone.localdate()
    rows = [
        presenters.action_row(a, today) for a in selectors.actions_owned_by(request.user, today)
    ]
    context = {"rows": rows, "overdue_count": sum(1 for row in rows if row.overdue)}
    return render(request, "improvement/my_actions.html", context)


def overdue_list(request: HttpRequest) -> HttpResponse:
    """The board's view: every overdue action by priority and partner, and late milestones."""
    _require(request, Action.IMPROVEMENT_VIEW)
    today = timezone.localdate()
    actions = list(selectors.actions_overdue(today))
    groups = []
    for priority, in_priority in groupby(actions, key=lambda a: a.workstream.priority):
        partners = [
            {
                "partner": Partner(partner).label,
                "rows": [presenters.action_row(a, today) for a in in_partner],
            }
            for partner, in_partner in groupby(in_priority, key=lambda a: a.partner)
        ]
        groups.append({"priority": priority.title, "partners": partners})
    context = {
        "groups": groups,
        "action_count": len(actions),
        "milestones": [
            presenters.milestone_row(m, today) for m in selectors.milestones_late(today)
        ],
        "today": render_date(today),
    }
    return render(request, "improvement/overdue_list.html", context)


def action_detail(request: HttpRequest, action_id: int) -> HttpResponse:
    _require(request, Action.IMPROVEMENT_VIEW)
    action = selectors.action_get(action_id)
    today = timezone.localdate()
    context = {
        "action": action,
        "row": presenters.action_row(action, today),
        "evidence": list(action.evidence.all()),
        "can_edit": can(request.user, Action.IMPROVEMENT_EDIT),
        "can_update": can(request.user, Action.IMPROVEMENT_EDIT, action),
    }
    return render(request, "improvement/action_detail.html", context)


def evidence_file(request: HttpRequest, evidence_id: int) -> HttpResponse | FileResponse:
    """A document attached as evidence, for those who may see the programme. Evidence with no
    document (a link or a note) sends the visitor to the action it supports."""
    _require(request, Action.IMPROVEMENT_VIEW)
    evidence = selectors.evidence_get(evidence_id)
    if evidence.kind != EvidenceKind.DOCUMENT or not evidence.file:
        action = evidence.actions.first()
        if action is None:
            return _to_programme()
        return redirect("improvement:action_detail", action_id=action.pk)
    audit_record(
        actor=request.user, action=AuditAction.VIEW, obj=evidence, summary="Evidence opened"
    )
    return FileResponse(evidence.file.open("rb"), as_attachment=True)


# --- Forms -----------------------------------------------------------------------------------


def _form_page(
    request: HttpRequest,
    form: GovUKForm,
    *,
    heading: str,
    caption: str,
    back: str,
    button: str,
    save: Callable[[dict[str, Any]], str],
    done: str,
    uploads: bool = False,
) -> HttpResponse:
    """A form whose valid data `save` writes through a service, returning where to go next."""
    if request.method == "POST" and form.is_valid():
        try:
            where = save(form.cleaned_data)
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, done)
            return redirect(where)
    context = {
        "form": form,
        "heading": heading,
        "caption": caption,
        "back": back,
        "button": button,
        "uploads": uploads,
    }
    status = 400 if form.errors else 200
    return render(request, "improvement/programme_form.html", context, status=status)


def _programme_url(anchor: str) -> str:
    return reverse("improvement:programme_detail") + f"#{anchor}"


def _order(data: dict[str, Any]) -> int:
    return data.get("order") or 0


def priority_create(request: HttpRequest) -> HttpResponse:
    _require(request, Action.IMPROVEMENT_EDIT)

    def save(data: dict[str, Any]) -> str:
        priority = services.priority_create(
            actor=request.user,
            title=data["title"],
            description=data["description"],
            source=data["source"],
            order=_order(data),
        )
        return _programme_url(f"priority-{priority.pk}")

    return _form_page(
        request,
        PriorityForm(_posted(request)),
        heading="Add a priority",
        caption="Strategy and plan",
        back=reverse("improvement:programme_detail"),
        button="Add the priority",
        save=save,
        done="Priority added",
    )


def priority_update(request: HttpRequest, priority_id: int) -> HttpResponse:
    _require(request, Action.IMPROVEMENT_EDIT)
    priority = selectors.priority_get(priority_id)

    def save(data: dict[str, Any]) -> str:
        services.priority_update(
            actor=request.user,
            priority=priority,
            title=data["title"],
            description=data["description"],
            source=data["source"],
            order=_order(data),
        )
        return _programme_url(f"priority-{priority.pk}")

    initial = {
        "title": priority.title,
        "description": priority.description,
        "source": priority.source,
        "order": priority.order,
    }
    return _form_page(
        request,
        PriorityForm(_posted(request), initial=initial),
        heading="Change the priority",
        caption=priority.title,
        back=_programme_url(f"priority-{priority.pk}"),
        button="Save",
        save=save,
        done="Priority changed",
    )


def workstream_create(request: HttpRequest, priority_id: int) -> HttpResponse:
    _require(request, Action.IMPROVEMENT_EDIT)
    priority = selectors.priority_get(priority_id)

    def save(data: dict[str, Any]) -> str:
        workstream = services.workstream_create(
            actor=request.user,
            priority=priority,
            title=data["title"],
            lead=data["lead"],
            order=_order(data),
        )
        return _programme_url(f"workstream-{workstream.pk}")

    return _form_page(
        request,
        WorkstreamForm(_posted(request)),
        heading="Add a workstream",
        caption=priority.title,
        back=_programme_url(f"priority-{priority.pk}"),
        button="Add the workstream",
        save=save,
        done="Workstream added",
    )


def workstream_update(request: HttpRequest, workstream_id: int) -> HttpResponse:
    _require(request, Action.IMPROVEMENT_EDIT)
    workstream = selectors.workstream_get(workstream_id)

    def save(data: dict[str, Any]) -> str:
        services.workstream_update(
            actor=request.user,
            workstream=workstream,
            title=data["title"],
            lead=data["lead"],
            order=_order(data),
        )
        return _programme_url(f"workstream-{workstream.pk}")

    initial = {"title": workstream.title, "lead": workstream.lead_id, "order": workstream.order}
    return _form_page(
        request,
        WorkstreamForm(_posted(request), initial=initial),
        heading="Change the workstream",
        caption=workstream.priority.title,
        back=_programme_url(f"workstream-{workstream.pk}"),
        button="Save",
        save=save,
        done="Workstream changed",
    )


def action_create(request: HttpRequest, workstream_id: int) -> HttpResponse:
    _require(request, Action.IMPROVEMENT_EDIT)
    workstream = selectors.workstream_get(workstream_id)

    def save(data: dict[str, Any]) -> str:
        action = services.action_create(
            actor=request.user,
            workstream=workstream,
            title=data["title"],
            description=data["description"],
            owner=data["owner"],
            partner=data["partner"],
            due_on=data["due_on"],
            status=data["status"],
        )
        return reverse("improvement:action_detail", args=[action.pk])

    return _form_page(
        request,
        ActionForm(_posted(request)),
        heading="Add an action",
        caption=workstream.title,
        back=_programme_url(f"workstream-{workstream.pk}"),
        button="Add the action",
        save=save,
        done="Action added",
    )


def action_update(request: HttpRequest, action_id: int) -> HttpResponse:
    _require(request, Action.IMPROVEMENT_EDIT)
    action = selectors.action_get(action_id)

    def save(data: dict[str, Any]) -> str:
        services.action_update(
            actor=request.user,
            action=action,
            title=data["title"],
            description=data["description"],
            owner=data["owner"],
            partner=data["partner"],
            due_on=data["due_on"],
            status=data["status"],
            today=timezone.localdate(),
        )
        return reverse("improvement:action_detail", args=[action.pk])

    initial = {
        "title": action.title,
        "description": action.description,
        "owner": action.owner_id,
        "partner": action.partner,
        "due_on": action.due_on,
        "status": action.status,
    }
    return _form_page(
        request,
        ActionForm(_posted(request), initial=initial),
        heading="Change the action",
        caption=action.workstream.title,
        back=reverse("improvement:action_detail", args=[action.pk]),
        button="Save",
        save=save,
        done="Action changed",
    )


def action_status(request: HttpRequest, action_id: int) -> HttpResponse:
    """The status alone: for the action's owner when a partner lead, and for editors."""
    action = selectors.action_get(action_id)
    _require(request, Action.IMPROVEMENT_EDIT, action)

    def save(data: dict[str, Any]) -> str:
        services.action_set_status(
            actor=request.user, action=action, status=data["status"], today=timezone.localdate()
        )
        return reverse("improvement:action_detail", args=[action.pk])

    return _form_page(
        request,
        ActionStatusForm(_posted(request), initial={"status": action.status}),
        heading="Update the action's status",
        caption=action.title,
        back=reverse("improvement:action_detail", args=[action.pk]),
        button="Save",
        save=save,
        done="Status updated",
    )


def evidence_add(request: HttpRequest, action_id: int) -> HttpResponse:
    action = selectors.action_get(action_id)
    _require(request, Action.IMPROVEMENT_EDIT, action)

    def save(data: dict[str, Any]) -> str:
        services.evidence_add(
            actor=request.user,
            action=action,
            title=data["title"],
            kind=data["kind"],
            file=data["file"],
            url=data["url"],
            note=data["note"],
        )
        return reverse("improvement:action_detail", args=[action.pk])

    form = EvidenceForm(_posted(request), request.FILES if request.method == "POST" else None)
    return _form_page(
        request,
        form,
        heading="Attach evidence",
        caption=action.title,
        back=reverse("improvement:action_detail", args=[action.pk]),
        button="Attach the evidence",
        save=save,
        done="Evidence attached",
        uploads=True,
    )


def milestone_create(request: HttpRequest, workstream_id: int) -> HttpResponse:
    _require(request, Action.IMPROVEMENT_EDIT)
    workstream = selectors.workstream_get(workstream_id)

    def save(data: dict[str, Any]) -> str:
        services.milestone_create(
            actor=request.user, workstream=workstream, title=data["title"], due_on=data["due_on"]
        )
        return _programme_url(f"workstream-{workstream.pk}")

    form = MilestoneForm(_posted(request))
    del form.fields["achieved_on"]
    return _form_page(
        request,
        form,
        heading="Add a milestone",
        caption=workstream.title,
        back=_programme_url(f"workstream-{workstream.pk}"),
        button="Add the milestone",
        save=save,
        done="Milestone added",
    )


def milestone_update(request: HttpRequest, milestone_id: int) -> HttpResponse:
    _require(request, Action.IMPROVEMENT_EDIT)
    milestone = selectors.milestone_get(milestone_id)

    def save(data: dict[str, Any]) -> str:
        services.milestone_update(
            actor=request.user,
            milestone=milestone,
            title=data["title"],
            due_on=data["due_on"],
            achieved_on=data["achieved_on"],
            today=timezone.localdate(),
        )
        return _programme_url(f"workstream-{milestone.workstream_id}")

    initial = {
        "title": milestone.title,
        "due_on": milestone.due_on,
        "achieved_on": milestone.achieved_on,
    }
    return _form_page(
        request,
        MilestoneForm(_posted(request), initial=initial),
        heading="Change the milestone",
        caption=milestone.workstream.title,
        back=_programme_url(f"workstream-{milestone.workstream_id}"),
        button="Save",
        save=save,
        done="Milestone changed",
    )


def measure_target_create(request: HttpRequest, priority_id: int) -> HttpResponse:
    _require(request, Action.IMPROVEMENT_EDIT)
    priority = selectors.priority_get(priority_id)

    def save(data: dict[str, Any]) -> str:
        target = services.measure_target_create(actor=request.user, priority=priority, **data)
        return _programme_url(f"measure-{target.pk}")

    return _form_page(
        request,
        MeasureTargetForm(_posted(request)),
        heading="Add a measure",
        caption=priority.title,
        back=_programme_url(f"priority-{priority.pk}"),
        button="Add the measure",
        save=save,
        done="Measure added",
    )


def measure_target_update(request: HttpRequest, target_id: int) -> HttpResponse:
    _require(request, Action.IMPROVEMENT_EDIT)
    target = selectors.measure_target_get(target_id)

    def save(data: dict[str, Any]) -> str:
        services.measure_target_update(actor=request.user, target=target, **data)
        return _programme_url(f"measure-{target.pk}")

    initial = {
        "measure_key": target.measure_key,
        "baseline_value": target.baseline_value,
        "baseline_on": target.baseline_on,
        "target_value": target.target_value,
        "target_on": target.target_on,
    }
    return _form_page(
        request,
        MeasureTargetForm(_posted(request), initial=initial),
        heading="Change the measure's target",
        caption=presenters.measure_name(target.measure_key),
        back=_programme_url(f"measure-{target.pk}"),
        button="Save",
        save=save,
        done="Measure changed",
    )


def trajectory_point_set(request: HttpRequest, target_id: int) -> HttpResponse:
    _require(request, Action.IMPROVEMENT_EDIT)
    target = selectors.measure_target_get(target_id)

    def save(data: dict[str, Any]) -> str:
        services.trajectory_point_set(
            actor=request.user, target=target, on=data["on"], value=data["value"]
        )
        return _programme_url(f"measure-{target.pk}")

    return _form_page(
        request,
        TrajectoryPointForm(_posted(request)),
        heading="Add or change a trajectory point",
        caption=presenters.measure_name(target.measure_key),
        back=_programme_url(f"measure-{target.pk}"),
        button="Save the point",
        save=save,
        done="Trajectory point saved",
    )
