"""JSON API for case work: list cases, open a case, read one with its deadlines, record a step.

Same services, selectors and access policy as the pages; refusals are 422 with a reason."""

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from thrive.core.audit import audit_record, audit_record_views
from thrive.core.models import AuditAction
from thrive.law import clock, codes
from thrive.people.models import Setting

from . import selectors, services

API = "api"


class DeadlineSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    due_on = serializers.DateField()
    done_on = serializers.DateField(allow_null=True)
    state = serializers.ChoiceField(choices=[s.value for s in clock.DeadlineState])
    days_late = serializers.IntegerField()
    days_left = serializers.IntegerField(allow_null=True)
    excepted = serializers.BooleanField()
    citation = serializers.CharField()


class ChildSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    first_name = serializers.CharField(max_length=100)
    last_name = serializers.CharField(max_length=100)
    date_of_birth = serializers.DateField()
    sex = serializers.ChoiceField(choices=codes.SEXES.choices())
    ethnicity = serializers.ChoiceField(choices=codes.ETHNICITIES.choices())
    postcode = serializers.CharField(max_length=10, required=False, allow_blank=True, default="")
    upn = serializers.CharField(max_length=13, required=False, allow_blank=True, default="")
    nhs_number = serializers.CharField(max_length=12, required=False, allow_blank=True, default="")
    primary_need = serializers.ChoiceField(
        choices=codes.SEN_TYPES.choices(), required=False, allow_blank=True, default=""
    )
    setting = serializers.PrimaryKeyRelatedField(
        queryset=Setting.objects.all(), required=False, allow_null=True, default=None
    )


class CaseSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    child = ChildSerializer()
    stage = serializers.CharField()
    received_on = serializers.DateField()
    next_deadline = DeadlineSerializer(allow_null=True)
    case_officer = serializers.IntegerField(allow_null=True)


class EventSerializer(serializers.Serializer):
    kind = serializers.CharField()
    on = serializers.DateField()
    outcome = serializers.BooleanField(allow_null=True)
    contributor = serializers.CharField(allow_blank=True)
    exception = serializers.CharField(allow_blank=True)
    request_source = serializers.CharField(allow_blank=True)
    note = serializers.CharField(allow_blank=True)


class CaseDetailSerializer(CaseSummarySerializer):
    is_open = serializers.BooleanField()
    final_plan_due_on = serializers.DateField()
    days_left_on_20_weeks = serializers.IntegerField(allow_null=True)
    exceptions_apply = serializers.BooleanField()
    deadlines = DeadlineSerializer(many=True)
    events = EventSerializer(many=True)


class NewCaseSerializer(serializers.Serializer):
    child = ChildSerializer()
    received_on = serializers.DateField()
    request_source = serializers.ChoiceField(choices=codes.REQUEST_SOURCES.choices())


class StepSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=[k.value for k in clock.EventKind if k != clock.EventKind.REQUEST_RECEIVED]
    )
    on = serializers.DateField()
    outcome = serializers.BooleanField(required=False, allow_null=True, default=None)
    contributor = serializers.ChoiceField(
        choices=[c.value for c in clock.Contributor], required=False, allow_null=True, default=None
    )
    exception = serializers.ChoiceField(
        choices=[e.value for e in clock.ExceptionReason],
        required=False,
        allow_null=True,
        default=None,
    )
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000, default="")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        kind = clock.EventKind(attrs["kind"])
        needs = {
            clock.EventKind.DECISION_TO_ASSESS: "outcome",
            clock.EventKind.DECISION_TO_ISSUE: "outcome",
            clock.EventKind.ADVICE_REQUESTED: "contributor",
            clock.EventKind.ADVICE_RECEIVED: "contributor",
            clock.EventKind.EXCEPTION_STARTED: "exception",
            clock.EventKind.EXCEPTION_ENDED: "exception",
        }.get(kind)
        if needs and attrs.get(needs) is None:
            raise serializers.ValidationError({needs: f"Give the {needs} for this step."})
        return attrs

    def law_event(self) -> clock.Event:
        data = self.validated_data
        return clock.Event(
            kind=clock.EventKind(data["kind"]),
            on=data["on"],
            outcome=data["outcome"],
            contributor=clock.Contributor(data["contributor"]) if data["contributor"] else None,
            exception=clock.ExceptionReason(data["exception"]) if data["exception"] else None,
        )


def _summary_data(case: Any, summary: selectors.CaseSummary) -> dict[str, Any]:
    return {
        "id": case.pk,
        "reference": case.reference,
        "child": case.child,
        "stage": summary.stage.value,
        "received_on": summary.received_on,
        "next_deadline": summary.next_deadline,
        "case_officer": case.case_officer_id,
    }


def _detail_data(case: Any) -> dict[str, Any]:
    events = list(selectors.case_events(case))
    result = clock.assessment_clock([e.as_law_event() for e in events], timezone.localdate())
    return {
        **_summary_data(
            case,
            selectors.CaseSummary(case.pk, result.stage, result.received_on, result.next_deadline),
        ),
        "is_open": result.is_open,
        "final_plan_due_on": result.final_plan_due_on,
        "days_left_on_20_weeks": result.days_left_on_20_weeks,
        "exceptions_apply": result.exceptions_apply,
        "deadlines": result.deadlines,
        "events": events,
    }


class CaseListApi(APIView):
    @extend_schema(
        responses=CaseSummarySerializer(many=True), summary="Open cases, soonest deadline first"
    )
    def get(self, request: Request) -> Response:
        try:
            page = int(request.query_params.get("page", "1"))
        except ValueError:
            page = 1
        filters = selectors.CaseloadFilters(
            stage=request.query_params.get("stage", ""),
            overdue=request.query_params.get("overdue") == "true",
            need=request.query_params.get("need", ""),
        )
        caseload = selectors.caseload_for(
            user=request.user, filters=filters, today=timezone.localdate(), page=page
        )
        audit_record_views(
            actor=request.user,
            objects=[c for c, _ in caseload.cases],
            child_ids=[c.child_id for c, _ in caseload.cases],
            summary="listed through the API",
            channel=API,
        )
        data = CaseSummarySerializer(
            [_summary_data(c, s) for c, s in caseload.cases], many=True
        ).data
        return Response(
            {
                "count": caseload.total,
                "page": caseload.page_number,
                "pages": caseload.page_count,
                "results": data,
            }
        )

    @extend_schema(
        request=NewCaseSerializer,
        responses={201: CaseDetailSerializer},
        summary="Record a request for an EHC needs assessment",
    )
    def post(self, request: Request) -> Response:
        incoming = NewCaseSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        case = services.case_open_for_new_child(
            actor=request.user,
            child_details=dict(data["child"]),
            received_on=data["received_on"],
            request_source=data["request_source"],
            today=timezone.localdate(),
            channel=API,
        )
        case = selectors.case_get_for(user=request.user, case_id=case.pk)
        return Response(
            CaseDetailSerializer(_detail_data(case)).data, status=status.HTTP_201_CREATED
        )


class CaseDetailApi(APIView):
    @extend_schema(responses=CaseDetailSerializer, summary="A case with its computed deadlines")
    def get(self, request: Request, case_id: int) -> Response:
        case = selectors.case_get_for(user=request.user, case_id=case_id)
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            obj=case,
            child_id=case.child_id,
            summary="read through the API",
            channel=API,
        )
        return Response(CaseDetailSerializer(_detail_data(case)).data)


class CaseStepApi(APIView):
    @extend_schema(
        request=StepSerializer,
        responses={201: CaseDetailSerializer},
        summary="Record a step on the case's timeline",
    )
    def post(self, request: Request, case_id: int) -> Response:
        case = selectors.case_get_for(user=request.user, case_id=case_id)
        incoming = StepSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        services.case_record_step(
            actor=request.user,
            case=case,
            step=incoming.law_event(),
            today=timezone.localdate(),
            note=incoming.validated_data["note"],
            channel=API,
        )
        return Response(
            CaseDetailSerializer(_detail_data(case)).data, status=status.HTTP_201_CREATED
        )
