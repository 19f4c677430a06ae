"""Top-level routes. Each app owns its own urls.py."""

from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from thrive.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("accounts/", include("thrive.accounts.urls")),
    path("cases/", include("thrive.assessments.urls")),
    path("", include("thrive.plans.urls")),
    path("", include("thrive.quality.urls")),  # /plans/versions/<id>/audits/..., /quality/...
    path("", include("thrive.advice.urls")),
    path("", include("thrive.portal.urls")),  # /family/... and /cases/<id>/family/...
    path("", include("thrive.disputes.urls")),  # /cases/<id>/disputes/..., /disputes/...
    path("work/", include("thrive.queues.urls")),
    path("returns/", include("thrive.returns.urls")),
    path("improvement/", include("thrive.improvement.urls")),
    path("forecasting/", include("thrive.forecasting.urls")),
    path("children/", include("thrive.people.urls")),
    path("insight/", include("thrive.insight.urls")),
    path("benchmarks/", include("thrive.benchmarks.urls")),
    path("api/", include("thrive.assessments.api_urls")),
    path("api/schema/", login_not_required(SpectacularAPIView.as_view()), name="api_schema"),
    path("admin/", admin.site.urls),
    path("healthz", login_not_required(core_views.health), name="health"),
]
