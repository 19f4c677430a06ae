"""Synthetic plan audits for the demo area, so the quality dashboard has something to show.

Most final plans issued in the last two years, and some drafts, were audited a few days before
they were issued: a case officer starts the audit; an educational psychologist rates the
education criteria, a health practitioner the health criteria and a social care practitioner
the social care ones; the officer completes it. Now and then a second officer rates section F
differently and a SEND manager moderates. Starting, completing and moderating go through the
quality services, so the audit rules hold (every criterion rated; the checks' caps and findings
on completion; disagreements wait for moderation); the ratings are written in bulk after the
checks `audit_rate` makes (see `_rated`).

Ratings follow the automated provision checks: a plan whose sections F, G, H1 or H2 the checks
find vague or without its details is mostly rated requires improvement or inadequate there;
the rest mostly good, some outstanding. Deterministic for the same seed, area and date."""

import datetime as dt
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from django.db import transaction
from django.utils import timezone

from thrive.accounts.models import OrganisationKind, Role, User
from thrive.accounts.policy import is_casework, restrict_cases
from thrive.assessments.models import Case, CaseAccess
from thrive.core.audit import audit_record
from thrive.core.models import AuditAction
from thrive.plans.models import DRAFT_KINDS, PlanVersion, Provision, VersionKind
from thrive.quality import checks, selectors, services
from thrive.quality.models import (
    Agency,
    Audit,
    AuditFramework,
    AuditorRating,
    AuditStatus,
    Criterion,
    Moderation,
    Rating,
)

#: How far back audits go, and the share of versions audited.
MONTHS: Final = 24
FINAL_SHARE: Final = 0.65
DRAFT_SHARE: Final = 0.08
#: The share of audits in which a second officer rates section F and a manager moderates.
DISAGREEMENT_SHARE: Final = 0.08
#: The share of an agency's audits its demo sign-in (`ep`, `health`) rates.
DEMO_AUDITOR_SHARE: Final = 0.4

#: The scale, worst first, so a step up is +1.
SCALE: Final = (
    Rating.INADEQUATE,
    Rating.REQUIRES_IMPROVEMENT,
    Rating.GOOD,
    Rating.OUTSTANDING,
)
#: How a plan is rated as a whole: (outstanding, good, requires improvement, inadequate)
#: weights, when the checks find some of its provision vague or not.
WHEN_VAGUE: Final = (0.0, 0.15, 0.65, 0.2)
WHEN_CLEAR: Final = (0.2, 0.66, 0.12, 0.02)
#: A criterion's rating is the plan's, one grade either side this often.
WOBBLE: Final = 0.2

#: The provision checks that decide which agency's part reads as vague, by section.
PROVISION_CHECKS: Final = tuple(
    checks.BY_ID[name]
    for name in (
        "provision-vague",
        "provision-detail-missing",
        "health-care-provision-vague",
        "health-care-provision-detail-missing",
    )
)
#: Whose criteria a section of provision belongs to.
PROVISION_AGENCY: Final = {
    "F": Agency.EDUCATION,
    "G": Agency.HEALTH,
    "H1": Agency.SOCIAL_CARE,
    "H2": Agency.SOCIAL_CARE,
}

#: What an auditor says when a criterion is below good, by section.
COMMENTS: Final[Mapping[str, tuple[str, ...]]] = {
    "A": (
        "The child's own words are missing; the views are the professionals' summary.",
        "Aspirations are thin and do not shape the outcomes.",
    ),
    "B": (
        "Needs are described in general terms, without what the child finds hard.",
        "Needs named in the advice are not carried into section B.",
    ),
    "C": ("Health needs are listed by diagnosis without their effect on learning.",),
    "D": ("Social care needs are not stated, though the advice identifies some.",),
    "E": (
        "Outcomes are not time-bound or measurable.",
        "Outcomes restate provision rather than what the child will achieve.",
    ),
    "F": (
        "Provision uses vague wording ('access to', 'regular') without hours or frequency.",
        "Several lines of provision do not say who delivers them or in what group size.",
        "Provision is not linked to the outcomes it supports.",
    ),
    "G": ("Health provision does not say how often or by whom.",),
    "H1": ("Section H1 provision is not specified.",),
    "H2": ("Short breaks are mentioned but not quantified.",),
    "I": ("The placement is not named precisely.",),
    "J": ("The personal budget section does not say whether one was asked for.",),
    "K": ("Advice received is not all listed in section K.",),
}
MODERATION_REASONS: Final = (
    "Discussed at the monthly moderation panel; the provision lines were read together "
    "against the Code of Practice 9.69.",
    "Agreed with both auditors after reading the advice in section K alongside section F.",
    "The panel compared the wording with the framework's guidance and settled on this rating.",
)


@dataclass(frozen=True)
class AuditsSummary:
    audits: int
    finals: int
    drafts: int
    moderated: int
    access_granted: int
    ratings: dict[str, int]  # overall rating value: audits


class Staff:
    """Who takes part: the case officers who start and complete audits, a SEND manager who
    moderates, and the auditors of each agency, sorted so draws are deterministic."""

    def __init__(self) -> None:
        casework = User.objects.filter(is_active=True).order_by("username")
        self.officers = list(casework.filter(role=Role.CASE_OFFICER))
        self.managers = list(casework.filter(role=Role.SEND_MANAGER))
        self.auditors: dict[Agency, list[User]] = {}
        kinds = {
            Agency.EDUCATION: OrganisationKind.EDUCATIONAL_PSYCHOLOGY,
            Agency.HEALTH: OrganisationKind.HEALTH,
            Agency.SOCIAL_CARE: OrganisationKind.SOCIAL_CARE,
        }
        for agency, kind in kinds.items():
            members = casework.filter(role=Role.PRACTITIONER, organisations__kind=kind).distinct()
            self.auditors[agency] = [u for u in members if agency in selectors.auditor_agencies(u)]
        if not self.officers:
            raise ValueError("The demo area has no case officers: run demo-users first.")
        # The SEND team rates for education when no educational psychologist is recorded.
        self.auditors[Agency.EDUCATION] = self.auditors[Agency.EDUCATION] or self.officers

    def find_cases(self, case_ids: Iterable[int]) -> None:
        """Note which of these cases each practitioner auditor may see (the access policy, one
        query each), and what each may rate."""
        cases = Case.objects.filter(pk__in=list(case_ids))
        people = {u.pk: u for agency_auditors in self.auditors.values() for u in agency_auditors}
        self.agencies = {pk: selectors.auditor_agencies(u) for pk, u in people.items()}
        self.agencies.update({u.pk: selectors.auditor_agencies(u) for u in self.officers})
        self.sees = {
            pk: set(restrict_cases(u, cases).values_list("pk", flat=True))
            for pk, u in people.items()
        }

    def invite(self, case: Case, auditor: User, by: User) -> CaseAccess | None:
        """Share the case with an auditor who cannot see it yet (a practitioner rates only
        a case they are invited to), as a council would for the audit."""
        if is_casework(auditor) or case.pk in self.sees[auditor.pk]:
            return None
        self.sees[auditor.pk].add(case.pk)
        return CaseAccess(case=case, user=auditor, granted_by=by)

    def auditor(self, rng: random.Random, agency: Agency) -> User:
        """The demo sign-in (`ep`, `health`) for some of its agency's audits, so it has
        audits to see; a colleague in the same service for the rest."""
        people = self.auditors[agency]
        demo = [u for u in people if u.has_usable_password()]
        if demo and rng.random() < DEMO_AUDITOR_SHARE:
            return rng.choice(demo)
        return rng.choice(people)

    def officer(self, rng: random.Random, not_id: int | None) -> User:
        """A case officer other than the one holding the case, when there is one."""
        peers = [u for u in self.officers if u.pk != not_id] or self.officers
        return rng.choice(peers)


def area_has_audits() -> bool:
    return Audit.objects.exists()


def generate_audits(
    *, seed: int = 1, today: dt.date | None = None, months: int = MONTHS
) -> AuditsSummary:
    """Audit a share of the plan versions issued in the last `months` months, in one
    transaction."""
    today = today or timezone.localdate()
    framework = selectors.framework_in_use()
    if framework is None:
        raise ValueError("No audit framework is in use (migration 0002 installs one).")
    with transaction.atomic():
        return _generate(framework, random.Random(f"audits-{seed}"), today, months)


def _generate(
    framework: AuditFramework, rng: random.Random, today: dt.date, months: int
) -> AuditsSummary:
    staff = Staff()
    criteria = selectors.framework_criteria(framework)
    agencies = {Agency(c.agency) for c in criteria}
    if missing := [a.label for a in agencies if a != Agency.EDUCATION and not staff.auditors[a]]:
        raise ValueError(f"No practitioner can rate the {' or '.join(missing)} criteria.")
    chosen = _chosen_versions(rng, today, months)
    vague = _vague_agencies([v.pk for v in chosen])
    staff.find_cases({v.plan.case_id for v in chosen})
    results: Counter[str] = Counter()
    moderated = granted = 0
    for version in chosen:
        audit, grants, disputed = _audit(
            rng, staff, framework, criteria, version, vague.get(version.pk, frozenset())
        )
        results[audit.overall_rating] += 1
        moderated += disputed
        granted += grants
    drafts = sum(1 for v in chosen if v.kind in DRAFT_KINDS)
    summary = AuditsSummary(
        audits=len(chosen),
        finals=len(chosen) - drafts,
        drafts=drafts,
        moderated=moderated,
        access_granted=granted,
        ratings={r.value: results[r.value] for r in Rating},
    )
    audit_record(
        actor=None,
        action=AuditAction.CREATE,
        obj=framework,
        summary=(
            f"generated {summary.audits:,} synthetic plan audits of the last {months} months "
            f"({summary.moderated:,} moderated) as of {today.isoformat()}"
        ),
        channel="command",
    )
    return summary


def _chosen_versions(rng: random.Random, today: dt.date, months: int) -> list[PlanVersion]:
    """The versions to audit, oldest issue first: most finals, some drafts."""
    since = today - dt.timedelta(days=round(months * 365.25 / 12))
    versions = (
        PlanVersion.objects.filter(issued_on__gte=since, issued_on__lte=today)
        .select_related("plan__case__child")
        .order_by("issued_on", "id")
    )
    shares = {
        VersionKind.FINAL: FINAL_SHARE,
        VersionKind.AMENDED_FINAL: FINAL_SHARE,
        VersionKind.DRAFT: DRAFT_SHARE,
        VersionKind.AMENDED_DRAFT: DRAFT_SHARE,
    }
    return [v for v in versions if rng.random() < shares[VersionKind(v.kind)]]


def _vague_agencies(version_ids: Sequence[int]) -> dict[int, frozenset[Agency]]:
    """{version id: the agencies whose provision the automated checks find vague or without
    its details}: the provision checks alone, run on every version's lines from one query
    (the full checks run again when each audit is completed)."""
    lines: dict[int, list[checks.Provision]] = defaultdict(list)
    rows = Provision.objects.filter(version_id__in=version_ids).order_by("version_id", "order")
    fields = ("id", "version_id", "section", "what", "who", "how_often", "how_long", "group_size")
    for pk, version_id, section, what, who, often, long, size in rows.values_list(*fields):
        number = f"{section}{len(lines[version_id]) + 1}"
        lines[version_id].append(
            checks.Provision(pk, number, section, what, who, often, long, size)
        )
    vague = {}
    for version_id, provisions in lines.items():
        record = checks.PlanRecord(provisions=tuple(provisions))
        found = checks.run_checks(record, PROVISION_CHECKS)
        vague[version_id] = frozenset(
            PROVISION_AGENCY[f.section] for f in found if f.section in PROVISION_AGENCY
        )
    return vague


def _audit(
    rng: random.Random,
    staff: Staff,
    framework: AuditFramework,
    criteria: Sequence[Criterion],
    version: PlanVersion,
    vague: frozenset[Agency],
) -> tuple[Audit, int, bool]:
    """One audit of `version`, then dated (see `_date`). Returns the audit, how many
    invitations to the case it needed, and whether it was moderated."""
    case = version.plan.case
    officer = staff.officer(rng, case.case_officer_id)
    by_agency: dict[Agency, list[Criterion]] = defaultdict(list)
    for criterion in criteria:
        by_agency[Agency(criterion.agency)].append(criterion)
    auditors = {agency: staff.auditor(rng, agency) for agency in by_agency}
    invited = (staff.invite(case, auditor, officer) for auditor in auditors.values())
    access = CaseAccess.objects.bulk_create(a for a in invited if a is not None)

    audit = services.audit_start(actor=officer, version=version, framework=framework)
    plan = rng.choices(
        SCALE[::-1], weights=WHEN_VAGUE if Agency.EDUCATION in vague else WHEN_CLEAR
    )[0]
    given: dict[tuple[int, int], Rating] = {}
    rows: list[AuditorRating] = []
    for agency, agency_criteria in by_agency.items():
        auditor = auditors[agency]
        ratings = _ratings(rng, agency_criteria, plan, vague=agency in vague)
        rows += _rated(audit, auditor, staff, agency_criteria, ratings)
        given.update({(auditor.pk, pk): Rating(r.rating) for pk, r in ratings.items()})
    second = None
    if staff.managers and rng.random() < DISAGREEMENT_SHARE:
        second = staff.officer(rng, officer.pk)
        education = auditors[Agency.EDUCATION]
        section_f = [c for c in by_agency[Agency.EDUCATION] if c.section == "F"]
        ratings = _second_opinion(rng, section_f, given, education)
        rows += _rated(audit, second, staff, section_f, ratings)
    AuditorRating.objects.bulk_create(rows)

    audit = services.audit_complete(actor=officer, audit=audit)
    moderator = None
    if audit.status == AuditStatus.AWAITING_MODERATION:
        moderator = rng.choice(staff.managers)
        sheet = selectors.audit_sheet(audit)
        agreed = {c.pk: _agreed(rng, sheet.ratings[c.pk]) for c in sheet.disputed()}
        audit = services.audit_moderate(
            actor=moderator, audit=audit, agreed=agreed, reason=rng.choice(MODERATION_REASONS)
        )
    _date(rng, audit, version, [*auditors.values(), *([second] if second else [])], access)
    return audit, len(access), moderator is not None


def _rated(
    audit: Audit,
    auditor: User,
    staff: Staff,
    criteria: Sequence[Criterion],
    ratings: Mapping[int, services.Given],
) -> list[AuditorRating]:
    """An auditor's ratings as rows, after the checks `services.audit_rate` makes: they may
    rate the agency's criteria and see the case, and say what to improve below good.

    Written in bulk rather than through `audit_rate`, whose row-by-row update_or_create
    was most of the run time (about 40 s for the 3,000-child demo area, of 55 s); starting,
    completing (which grades the plan with the checks' caps and keeps their findings) and
    moderating go through the services."""
    agencies = staff.agencies[auditor.pk]
    if not is_casework(auditor) and audit.version.plan.case_id not in staff.sees[auditor.pk]:
        raise AssertionError(f"{auditor} cannot see the case of audit {audit.pk}")
    rows = []
    for criterion in criteria:
        given = ratings[criterion.pk]
        if criterion.agency not in agencies:
            raise AssertionError(f"{auditor} cannot rate {criterion.agency} criteria")
        if not Rating(given.rating).grade.is_good_enough and not given.comment:
            raise AssertionError("A rating below good needs a comment")
        rows.append(
            AuditorRating(
                audit=audit,
                auditor=auditor,
                agency=criterion.agency,
                criterion=criterion,
                rating=given.rating,
                comment=given.comment,
            )
        )
    return rows


def _ratings(
    rng: random.Random, criteria: Iterable[Criterion], plan: Rating, *, vague: bool
) -> dict[int, services.Given]:
    """An agency's ratings: mostly the plan's grade, each criterion a grade either side now
    and then (never down to inadequate on a plan rated good or better); where the agency's
    provision is vague, its provision criteria are below good."""
    ratings = {}
    floor = 0 if not plan.grade.is_good_enough else SCALE.index(Rating.REQUIRES_IMPROVEMENT)
    for criterion in criteria:
        place = SCALE.index(plan)
        if rng.random() < WOBBLE:
            place = min(max(place + rng.choice((-1, 1)), floor), len(SCALE) - 1)
        if vague and criterion.section in PROVISION_AGENCY:
            place = min(place, SCALE.index(Rating.REQUIRES_IMPROVEMENT))
        ratings[criterion.pk] = _given(rng, criterion.section, SCALE[place])
    return ratings


def _given(rng: random.Random, section: str, rating: Rating) -> services.Given:
    if rating.grade.is_good_enough:
        return services.Given(rating.value)
    return services.Given(rating.value, rng.choice(COMMENTS.get(section, COMMENTS["F"])))


def _second_opinion(
    rng: random.Random,
    criteria: Sequence[Criterion],
    given: Mapping[tuple[int, int], Rating],
    first: User,
) -> dict[int, services.Given]:
    """A second education auditor's ratings of section F: the same as the first auditor's
    but one, which they put on the other side of good."""
    ratings = {c.pk: given[first.pk, c.pk] for c in criteria}
    differ = rng.choice(criteria).pk
    ratings[differ] = (
        Rating.REQUIRES_IMPROVEMENT if ratings[differ].grade.is_good_enough else Rating.GOOD
    )
    section = {c.pk: c.section for c in criteria}
    return {pk: _given(rng, section[pk], rating) for pk, rating in ratings.items()}


def _agreed(rng: random.Random, ratings: Sequence[AuditorRating]) -> str:
    """The manager settles on one auditor's rating, the lower more often than not."""
    grades = sorted((Rating(r.rating) for r in ratings), key=lambda r: r.order)
    return (grades[0] if rng.random() < 0.6 else grades[-1]).value


def _date(
    rng: random.Random,
    audit: Audit,
    version: PlanVersion,
    auditors: Sequence[User],
    access: Sequence[CaseAccess],
) -> None:
    """Date the audit in the weeks before the version was issued.

    The services stamp every row with the moment they ran; this history is synthetic, so the
    rows are dated afterwards with queryset updates, as `generate-area` dates its cases. The
    audit log entries the services wrote keep today's date: the log is append-only (its
    triggers refuse updates) and says truthfully when the rows were written."""
    issued = version.issued_on or timezone.localdate()
    written = timezone.localtime(version.created_at).date()
    completed = max(issued - dt.timedelta(days=rng.randint(1, 12)), written)
    started = max(completed - dt.timedelta(days=rng.randint(0, 8)), written)
    span = (completed - started).days

    def moment(day: dt.date) -> dt.datetime:
        at = dt.time(rng.randint(9, 16), rng.randint(0, 59))
        return timezone.make_aware(dt.datetime.combine(day, at))

    start_at = moment(started)
    end_at = max(moment(completed), start_at)
    Audit.objects.filter(pk=audit.pk).update(started_at=start_at, completed_at=end_at)
    for auditor in auditors:
        rated = started + dt.timedelta(days=rng.randint(0, span))
        rated_at = min(max(moment(rated), start_at), end_at)
        AuditorRating.objects.filter(audit=audit, auditor=auditor).update(rated_at=rated_at)
    Moderation.objects.filter(audit=audit).update(created_at=end_at)
    if access:
        CaseAccess.objects.filter(pk__in=[a.pk for a in access]).update(granted_at=start_at)
