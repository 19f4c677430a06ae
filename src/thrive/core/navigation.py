"""The service navigation shown to the signed-in user (by what their role lets them do)."""

from django.http import HttpRequest
from django.urls import reverse


def navigation_for(request: HttpRequest) -> list[dict[str, object]]:
    user = getattr(request, "user", None)  # absent when a request skipped the middleware
    if user is None or not user.is_authenticated:
        return []
    items: list[dict[str, object]] = []
    if getattr(user, "can_do_casework", False):
        items.append({"text": "Caseload", "href": reverse("assessments:case_list")})
        items.append({"text": "New request", "href": reverse("assessments:case_create")})
        items.append({"text": "Reviews", "href": reverse("queues:queue_list")})
        items.append({"text": "Ceased plans", "href": reverse("plans:ceased_list")})
        items.append({"text": "Appeals", "href": reverse("disputes:appeal_list")})
        items.append({"text": "Annex A lists", "href": reverse("returns:annex_a_detail")})
        items.append({"text": "SEN2 return", "href": reverse("returns:sen2_start")})
    if getattr(user, "can_import_caseload", False):
        items.append({"text": "Import", "href": reverse("returns:import_start")})
    if getattr(user, "can_view_insight", False):
        items.append({"text": "Dashboard", "href": reverse("insight:dashboard_detail")})
        items.append({"text": "Benchmarks", "href": reverse("benchmarks:benchmark_detail")})
    if getattr(user, "can_view_improvement", False):
        items.append({"text": "Improvement", "href": reverse("improvement:programme_detail")})
        items.append({"text": "Self-evaluation", "href": reverse("improvement:selfeval_list")})
        items.append({"text": "Progress reports", "href": reverse("improvement:report_list")})
    if getattr(user, "can_view_forecasts", False):
        items.append({"text": "Forecasts", "href": reverse("forecasting:overview")})
    if getattr(user, "can_edit_audit_framework", False):
        items.append({"text": "Audit framework", "href": reverse("quality:framework_detail")})
    if getattr(user, "is_family", False):
        items.append({"text": "Home", "href": reverse("portal:family_home")})
    if getattr(user, "gives_advice", False):
        items.append({"text": "Requests for advice", "href": reverse("advice:advice_inbox")})
    if getattr(user, "can_administer", False):
        items.append({"text": "Overdue reviews", "href": reverse("queues:overdue_oldest")})
        items.append({"text": "Administration", "href": reverse("admin:index")})
    for item in items:
        item["current"] = request.path == item["href"]
    items.append({"text": "Sign out", "href": reverse("accounts:sign_out"), "form": True})
    return items
