"""Forecasts of the EHC plan population, its cost and the places it needs.

Nothing here is a child's record: scenarios, runs and their results are counts. A scenario
is never changed once saved (a change is a new scenario based on it), and a run keeps the
inputs, seed and model version it ran with, so its results can be reproduced."""

from django.conf import settings
from django.db import models

from thrive.law import codes
from thrive.people.models import Setting

from .categories import SETTING_CATEGORIES
from .inputs import VARIANTS


class UnitCost(models.Model):
    """The yearly cost of one placement for a primary need in a setting category, at the prices
    of ``price_year`` (a January year), rising by ``uplift_percent`` each later year."""

    need = models.CharField(max_length=5, choices=codes.SEN_TYPES.choices())
    setting_category = models.CharField(max_length=30, choices=SETTING_CATEGORIES)
    annual_cost = models.DecimalField(max_digits=10, decimal_places=2)
    uplift_percent = models.DecimalField(max_digits=5, decimal_places=2, default=0)
    price_year = models.PositiveSmallIntegerField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["setting_category", "need"]
        constraints = [
            models.UniqueConstraint(
                fields=["need", "setting_category"], name="forecasting_one_cost_per_need_setting"
            )
        ]

    def __str__(self) -> str:
        return f"{self.need} in {self.setting_category}: {self.annual_cost}"


class SettingCapacity(models.Model):
    """Places for children with EHC plans at one setting, in a locality of the area."""

    setting = models.OneToOneField(Setting, on_delete=models.CASCADE, related_name="capacity")
    places = models.PositiveIntegerField()
    locality = models.CharField(max_length=60)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["locality", "setting__name"]
        verbose_name_plural = "setting capacities"

    def __str__(self) -> str:
        return f"{self.setting}: {self.places} places"


class PopulationProjection(models.Model):
    """A general child population by NCY for each January, uploaded in witan.send's
    ``population.csv`` form (``calendar-year, academic-year, population``). ``rows`` maps the
    year (as a string) to 25 counts for NCY -4 to 20."""

    name = models.CharField(max_length=120)
    file_name = models.CharField(max_length=200)
    rows = models.JSONField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.name


class Scenario(models.Model):
    """A named set of inputs (``inputs.ScenarioInputs`` as JSON). Never changed once saved."""

    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    inputs = models.JSONField()
    variant = models.CharField(max_length=12, choices=VARIANTS)
    population = models.ForeignKey(
        PopulationProjection, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    based_on = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name


class RunStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Running"
    DONE = "done", "Finished"
    FAILED = "failed", "Failed"


class ForecastRun(models.Model):
    """One run of a scenario: the inputs, seed and model version it ran with, its progress
    while it runs and its results (JSON, see ``forecasting.results``) when done."""

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="runs")
    inputs = models.JSONField()
    seed = models.PositiveBigIntegerField()
    model_version = models.CharField(max_length=20)
    status = models.CharField(max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Per cent done")
    stage = models.CharField(max_length=120, blank=True)
    error = models.TextField(blank=True)
    # A goal to seek before the forecast (``{"kind", "category", "year", "target"}``): the run
    # first finds the factor on that flow that brings the median to the target.
    goal = models.JSONField(null=True, blank=True)
    results = models.JSONField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Run {self.pk} of {self.scenario}"

    @property
    def is_finished(self) -> bool:
        return self.status in (RunStatus.DONE, RunStatus.FAILED)
