"""Synthetic plan audits for the demo area (`thrive.demo.audits`, `generate-audits`)."""

import datetime as dt
import io
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from tests.demo.conftest import TODAY
from thrive.accounts.models import Role
from thrive.accounts.policy import Action, can
from thrive.demo.audits import generate_audits
from thrive.demo.generator import generate_area
from thrive.plans.models import DRAFT_KINDS, PlanVersion, VersionKind
from thrive.quality import defaults
from thrive.quality.models import (
    Audit,
    AuditFramework,
    AuditorRating,
    AuditStatus,
    Criterion,
    Moderation,
)
from thrive.quality.selectors import auditor_agencies

SMALL = 200
FINALS = (VersionKind.FINAL, VersionKind.AMENDED_FINAL)


class Rollback(Exception):
    pass


@pytest.fixture
def small_area(db: Any) -> None:
    # Migration 0002 installs the framework; install it again if a browser test flushed it.
    defaults.install(AuditFramework, Criterion, when=timezone.now())
    generate_area(children=SMALL, seed=1, years=4, today=TODAY)


def _local(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment).date()


def test_audits_most_recent_final_plans_before_they_were_issued(small_area: None) -> None:
    summary = generate_audits(seed=1, today=TODAY)
    since = TODAY - dt.timedelta(days=731)
    finals = PlanVersion.objects.filter(kind__in=FINALS, issued_on__gte=since)
    audited = finals.filter(audits__isnull=False).distinct().count()
    assert summary.audits == Audit.objects.count() > 0
    assert 0.5 <= audited / finals.count() <= 0.85
    drafts = Audit.objects.filter(version__kind__in=DRAFT_KINDS).count()
    assert summary.drafts == drafts > 0
    for audit in Audit.objects.select_related("version").prefetch_related("ratings"):
        assert audit.status == AuditStatus.COMPLETE
        assert audit.version.issued_on is not None
        assert since - dt.timedelta(days=30) <= _local(audit.completed_at)
        assert _local(audit.completed_at) < audit.version.issued_on or (
            _local(audit.completed_at) == _local(audit.version.created_at)
        )
        assert audit.started_at <= audit.completed_at
        for rating in audit.ratings.all():
            assert audit.started_at <= rating.rated_at <= audit.completed_at


def test_ratings_spread_and_vague_provision_rates_lower(small_area: None) -> None:
    summary = generate_audits(seed=1, today=TODAY)
    assert sum(1 for count in summary.ratings.values() if count) >= 3
    vague, clear = [], []
    for audit in Audit.objects.all():
        found = {(f["check"], f["section"]) for f in audit.findings}
        unquantified = {("provision-vague", "F"), ("provision-detail-missing", "F")} & found
        (vague if unquantified else clear).append(audit.overall_rating in ("outstanding", "good"))
    assert vague
    assert clear
    assert not any(vague)  # the cap: vague provision is at best requires improvement
    assert sum(clear) / len(clear) >= 0.6
    months = {_local(a.completed_at).replace(day=1) for a in Audit.objects.all()}
    assert len(months) >= 12


def test_only_auditors_allowed_to_rate_each_agency_rate_it(small_area: None) -> None:
    generate_audits(seed=1, today=TODAY)
    ratings = AuditorRating.objects.select_related("auditor", "audit__version__plan__case")
    agencies, pairs = set(), {}
    for rating in ratings:
        assert rating.agency in auditor_agencies(rating.auditor)
        pairs[rating.auditor_id, rating.audit.version.plan.case_id] = rating
        agencies.add(rating.agency)
    for rating in pairs.values():
        assert can(rating.auditor, Action.AUDIT_VIEW, rating.audit.version.plan.case)
    assert agencies == {"education", "health", "social_care"}
    assert set(ratings.values_list("auditor__role", flat=True)) >= {Role.PRACTITIONER}
    for moderation in Moderation.objects.select_related("moderator", "audit"):
        assert moderation.moderator.role == Role.SEND_MANAGER
        assert moderation.agreed.exists()
        assert moderation.audit.status == AuditStatus.COMPLETE


def _snapshot() -> list[tuple[Any, ...]]:
    audits = Audit.objects.order_by("version_id").values_list(
        "version_id", "overall_rating", "started_by__username", "completed_at"
    )
    ratings = AuditorRating.objects.order_by("audit__version_id", "criterion_id", "auditor_id")
    rows = ratings.values_list("audit__version_id", "auditor__username", "rating", "comment")
    return [*audits, *rows, *Moderation.objects.order_by("audit__version_id").values_list("reason")]


def _generate_and_roll_back(snapshot: list[tuple[Any, ...]]) -> None:
    with transaction.atomic():
        generate_audits(seed=1, today=TODAY)
        snapshot.extend(_snapshot())
        raise Rollback


def test_the_same_seed_gives_the_same_audits(small_area: None) -> None:
    first: list[tuple[Any, ...]] = []
    with pytest.raises(Rollback):
        _generate_and_roll_back(first)
    assert not Audit.objects.exists()
    generate_audits(seed=1, today=TODAY)
    assert _snapshot() == first


def test_command_reports_and_if_empty_does_nothing_when_audits_exist(small_area: None) -> None:
    out = io.StringIO()
    call_command("generate-audits", "--if-empty", today=TODAY, stdout=out)
    count = Audit.objects.count()
    assert f"Generated {count:,} plan audits" in out.getvalue()
    out = io.StringIO()
    call_command("generate-audits", "--if-empty", today=TODAY, stdout=out)
    assert "none were generated" in out.getvalue()
    assert Audit.objects.count() == count
