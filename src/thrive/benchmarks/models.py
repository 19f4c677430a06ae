"""Published statistics to compare the council against. Every figure is loaded from DfE's or
ONS's files by `thrive load-benchmarks`; none is typed into code. They are public, aggregate
figures, so nothing here is personal data."""

from django.db import models


class Level(models.TextChoices):
    NATIONAL = "national", "England"
    REGIONAL = "regional", "Region"
    LOCAL_AUTHORITY = "la", "Local authority"


class PublishedFigure(models.Model):
    """One measure for one area and period, as a release published it.

    `area_code` is the DfE 3-digit LA number for a local authority, the E12… code for a region
    and E92000001 for England. A local authority's row keeps its region's code, so its region's
    figure can be found without matching names."""

    measure = models.CharField(max_length=60)
    level = models.CharField(max_length=10, choices=Level.choices)
    area_code = models.CharField(max_length=9)
    area_name = models.CharField(max_length=100)
    region_code = models.CharField(max_length=9, blank=True)
    period = models.CharField(max_length=6, help_text="2022 (calendar) or 202425 (academic)")
    numerator = models.IntegerField(null=True)
    denominator = models.IntegerField(null=True)
    value = models.FloatField(null=True, help_text="A percentage, or a count")
    value_published = models.BooleanField(
        default=True, help_text="False when worked out here from the published counts"
    )
    source_file = models.CharField(max_length=60)
    release = models.CharField(max_length=4, help_text="The DfE reporting year, e.g. 2025")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "level", "area_code", "period", "release"],
                name="benchmarks_one_figure_per_area_period_release",
            )
        ]
        indexes = [models.Index(fields=["measure", "area_code", "period"])]

    def __str__(self) -> str:
        return f"{self.measure} {self.area_code} {self.period}: {self.value}"


class StatisticalNeighbour(models.Model):
    """DfE's statistical neighbours: the 10 local authorities most like `la_code`, by rank.
    Codes are DfE 3-digit LA numbers; historic areas (e.g. Cumbria) are kept for back-series."""

    edition = models.PositiveSmallIntegerField(help_text="2021 or 2025")
    la_code = models.CharField(max_length=3)
    rank = models.PositiveSmallIntegerField()
    neighbour_code = models.CharField(max_length=3)
    neighbour_name = models.CharField(max_length=100)
    closeness = models.CharField(max_length=20, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "la_code", "rank"], name="benchmarks_one_neighbour_per_rank"
            )
        ]
        ordering = ["edition", "la_code", "rank"]

    def __str__(self) -> str:
        return f"{self.la_code} #{self.rank} ({self.edition}): {self.neighbour_code}"


class Population(models.Model):
    """ONS mid-year estimate of usual residents of one age, at 30 June of `year`.
    `area_code` follows PublishedFigure's convention."""

    level = models.CharField(max_length=10, choices=Level.choices)
    area_code = models.CharField(max_length=9)
    year = models.PositiveSmallIntegerField()
    age = models.PositiveSmallIntegerField()
    population = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["area_code", "year", "age"], name="benchmarks_one_population_per_age"
            )
        ]

    def __str__(self) -> str:
        return f"{self.area_code} {self.year} age {self.age}: {self.population}"


class BenchmarkLoad(models.Model):
    """One run of the loader: what it loaded, for the audit log."""

    loaded_at = models.DateTimeField(auto_now_add=True)
    files = models.TextField()
    rows = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"load of {self.rows} rows at {self.loaded_at:%Y-%m-%d %H:%M}"
