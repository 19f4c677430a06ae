"""Background tasks for the dashboard (run by `thrive db_worker`)."""

from django.tasks import task

from .services import insight_refresh


@task()
def refresh_case_facts() -> int:
    """Count the dashboard's figures again (`services.insight_refresh`). Returns how many
    cases were counted."""
    return insight_refresh().cases
