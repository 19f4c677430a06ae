"""Background tasks of the forecasting app (run by `thrive db_worker`)."""

from django.tasks import task

from .models import ForecastRun
from .services import run_execute


@task()
def run_forecast(run_id: int) -> str:
    """Run a queued forecast (`services.run_execute`), which saves its stage and progress as
    it goes. Returns the run's final status."""
    run = ForecastRun.objects.select_related("scenario__population").get(pk=run_id)
    return str(run_execute(run).status)
