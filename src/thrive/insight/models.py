"""Summary tables for the dashboard, kept by `services.insight_refresh` from the case timelines.

They hold nothing that is not derived from `assessments.CaseEvent` and the child's record: the
events stay the only truth, and these tables are a copy of what the dashboard counts, taken
at one moment (`Refresh.refreshed_at`) so a page reads one row per case instead of working
the milestones out again from every event on every request. A refresh recounts the children
whose cases have new events, or rebuilds every row (at least once a day), in one transaction;
`Figures` keeps the dashboard's numbers worked out from each refresh, so pages read them.
"""

from django.db import models

from thrive.assessments.models import Case

GROUP_LENGTH = 40  # a breakdown's group code; "" when not recorded


class CaseFacts(models.Model):
    """One row per case: its milestone dates, what follows from them, and the group each
    breakdown puts it in (`breakdowns.BREAKDOWNS`: the column is named by the breakdown's key)."""

    # No database constraint: the table is rebuilt in bulk and cases are never deleted, and a
    # constraint would only slow the rebuild (every inserted row checked against the case).
    case = models.OneToOneField(
        Case,
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="insight_facts",
    )
    child_id = models.BigIntegerField()
    received_on = models.DateField(null=True)
    assessed_on = models.DateField(null=True)  # decided to assess
    not_assessed_on = models.DateField(null=True)  # decided not to assess
    issue_on = models.DateField(null=True)  # decided to issue a plan
    not_issued_on = models.DateField(null=True)  # decided not to issue a plan
    final_on = models.DateField(null=True)
    withdrawn_on = models.DateField(null=True)
    closed_on = models.DateField(null=True)  # the first closing step (clock.CLOSING_STEPS)
    excepted_from = models.DateField(null=True)  # first qualifying exception (reg. 13(3))
    # Worked out from the dates above by the refresh, so the page's queries need no date
    # arithmetic (which differs between SQLite and PostgreSQL).
    days_to_plan = models.IntegerField(null=True)  # final_on - received_on
    plan_in_time = models.BooleanField(default=False)  # final_on <= received_on + 140 days
    exception_applies = models.BooleanField(default=False)  # excluded from "excluding exceptions"
    # The case that gave the child their first final plan: counting these counts each child
    # with a plan once (active plans), and lets groups add up to the whole.
    childs_first_plan = models.BooleanField(default=False)
    locality = models.CharField(max_length=GROUP_LENGTH)
    primary_need = models.CharField(max_length=GROUP_LENGTH)
    age_group = models.CharField(max_length=GROUP_LENGTH)
    sex = models.CharField(max_length=GROUP_LENGTH)
    ethnicity = models.CharField(max_length=GROUP_LENGTH)
    setting_type = models.CharField(max_length=GROUP_LENGTH)

    class Meta:
        verbose_name_plural = "case facts"
        indexes = [
            models.Index(fields=["received_on"], name="insight_facts_received"),
            models.Index(fields=["final_on"], name="insight_facts_final"),
            models.Index(fields=["child_id"], name="insight_facts_child"),  # recounts
        ]

    def __str__(self) -> str:
        return f"Facts for case {self.pk}"


class AdviceFacts(models.Model):
    """One row per piece of advice received, paired with the latest request to the same
    contributor on or before that day, and the breakdown groups of its case."""

    event_id = models.BigIntegerField(primary_key=True)  # the advice_received event
    case_id = models.BigIntegerField()
    contributor = models.CharField(max_length=30)
    requested_on = models.DateField(null=True)  # None when no request was recorded before it
    received_on = models.DateField()
    in_time = models.BooleanField(default=False)  # received_on <= requested_on + 42 days
    locality = models.CharField(max_length=GROUP_LENGTH)
    primary_need = models.CharField(max_length=GROUP_LENGTH)
    age_group = models.CharField(max_length=GROUP_LENGTH)
    sex = models.CharField(max_length=GROUP_LENGTH)
    ethnicity = models.CharField(max_length=GROUP_LENGTH)
    setting_type = models.CharField(max_length=GROUP_LENGTH)

    class Meta:
        verbose_name_plural = "advice facts"
        indexes = [
            models.Index(fields=["received_on"], name="insight_advice_received"),
            models.Index(fields=["case_id"], name="insight_advice_case"),  # recounts
        ]

    def __str__(self) -> str:
        return f"Facts for advice {self.pk}"


class Refresh(models.Model):
    """When the summary tables were last brought up to date (one row), and when that was last
    asked for, so a busy dashboard asks the worker once rather than on every page."""

    refreshed_at = models.DateTimeField(null=True)  # the moment the figures are as of
    requested_at = models.DateTimeField(null=True)
    rebuilt_at = models.DateTimeField(null=True)  # the last rebuild of every row
    # The highest event id when the last refresh began: the next one recounts the children
    # with events above it (less a margin, see services.RECENT_EVENTS).
    event_mark = models.BigIntegerField(null=True)
    cases = models.IntegerField(default=0)  # cases recounted by the last refresh
    advice = models.IntegerField(default=0)  # pieces of advice recounted
    seconds = models.FloatField(default=0.0)  # how long the last refresh took

    def __str__(self) -> str:
        return f"Insight refreshed at {self.refreshed_at}"


class Figures(models.Model):
    """The dashboard's numbers for one period and breakdown, worked out from the summary
    tables as they were at `as_of` (`Refresh.refreshed_at`): {"whole": {...}, "groups":
    {group: {...}}}. A refresh works out the usual pages' and drops older ones; any other
    period is worked out the first time it is asked for, then read."""

    as_of = models.DateTimeField()
    start = models.DateField()
    end = models.DateField()
    breakdown = models.CharField(max_length=40)
    numbers = models.JSONField()

    class Meta:
        verbose_name_plural = "figures"
        constraints = [
            models.UniqueConstraint(
                fields=["as_of", "start", "end", "breakdown"], name="insight_figures_unique"
            )
        ]

    def __str__(self) -> str:
        return f"Figures from {self.start} to {self.end} by {self.breakdown}"
