"""The home page (sends each role to where its work is) and the health check."""

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render


def home(request: HttpRequest) -> HttpResponse:
    if getattr(request.user, "can_do_casework", False):
        return redirect("assessments:case_list")
    if getattr(request.user, "can_administer", False):
        return redirect("admin:index")
    if getattr(request.user, "gives_advice", False):
        return redirect("advice:advice_inbox")
    if getattr(request.user, "is_family", False):
        return redirect("portal:family_home")
    if getattr(request.user, "can_view_insight", False):
        return redirect("insight:dashboard_detail")
    if getattr(request.user, "can_view_improvement", False):
        return redirect("improvement:programme_detail")
    return render(request, "core/no_access.html", status=403)


def health(request: HttpRequest) -> JsonResponse:
    """For load balancers: the app is up and the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
