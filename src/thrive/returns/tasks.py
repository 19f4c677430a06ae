"""Background tasks of the returns app (run by `thrive db_worker`)."""

from django.tasks import task

from thrive.core.models import AuditChannel

from .imports.runs import import_run_execute
from .models import ImportRun


@task()
def run_import(run_id: int) -> int:
    """Run a caseload import (`imports.runs.import_run_execute`), which updates the run's
    progress as it goes. Returns how many errors it found."""
    run = ImportRun.objects.get(pk=run_id)
    return len(import_run_execute(run, channel=AuditChannel.COMMAND).errors)
