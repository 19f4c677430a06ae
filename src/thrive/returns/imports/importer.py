"""Bringing an existing caseload into Thrive: children, cases with their timelines, plans,
their latest review and their cessation, from records a reader made of a CSV, XLSX or SEN2
XML file.

1. Check every record (`checks.record_errors`) and that each setting it names is in Thrive.
   Any error: stop, nothing written, every error reported.
2. Write everything in ONE transaction. Each case's timeline is built from the record's dates
   and every step is checked by `thrive.law.clock.refusal_for` after the ones before, as the
   demo generator's steps are; a step the law refuses is a row error and the transaction
   is rolled back. A dry run does the same and always rolls back, so its counts are exactly
   what the import would do.

Matching, so the same file imported twice creates nothing the second time: a child by UPN,
else by surname, first name and date of birth when their UPNs do not differ (Thrive holds no
ULN, so a ULN is checked but not matched on; in a SEN2 return each Person is someone else);
a case by child and the date its request was received; a plan by case; a review by plan and
meeting date; a cessation by plan.

What the SEN2 items do not say is filled in as docs/import.md describes: the decision to
issue, the draft and the family's comments are dated the day the plan was issued; a
decision made before the collection period (H) is dated the day of the step before it; an
exception to the 20 weeks is one of exceptional personal circumstances from the request to
the plan; a cessation takes effect on the day given (its decision date is not in SEN2)."""

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

from django.db import transaction
from django.utils import timezone

from thrive.accounts.policy import Action, can
from thrive.assessments.models import Case, CaseEvent
from thrive.core.audit import audit_record
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction, AuditChannel
from thrive.law import clock, codes, identifiers
from thrive.law.clock import EventKind
from thrive.people.models import Child, Setting
from thrive.people.selectors import home_local_authority
from thrive.plans.models import EhcPlan, Need, NeedSection, PlanVersion, VersionKind
from thrive.plans.models_reviews import AnnualReview, Cessation, ReviewDecision
from thrive.returns.sen2.records import NamedPlan, Person, Placement, Request

from . import template
from .checks import record_errors
from .source import ReadResult, RowError, SourceRecord

KINDS: Final = ("children", "cases", "plans", "reviews", "cessations")
NEW, UNCHANGED, CHANGED = "new", "unchanged", "changed"
_DECISIONS: Final = {
    "M": ReviewDecision.KEEP,
    "A": ReviewDecision.AMEND,
    "C": ReviewDecision.CEASE,
}
#: A plan that names only the type of setting, as the SEN2 builder writes it.
_TYPE_FOR_SETTING: Final = {"EYP": "early_years"}
_IMPORTED_NOTE: Final = "Recorded from the caseload import."
_CEASED_BEFORE: Final = "Recorded before the caseload came to Thrive."
_PERSONAL_BUDGET: Final = "A personal budget was recorded before the caseload came to Thrive."

#: (done, total, phase) where phase is "checking" or "writing".
Progress = Callable[[int, int, str], None]


@dataclass
class Report:
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)
    written: bool = False

    def total(self, change: str) -> int:
        return sum(kind.get(change, 0) for kind in self.counts.values())


class _RollBack(Exception):
    pass


def _empty_counts() -> dict[str, Counter[str]]:
    return {kind: Counter() for kind in KINDS}


@dataclass
class _Settings:
    by_urn: dict[str, int]
    by_ukprn: dict[str, int]

    @classmethod
    def load(cls) -> "_Settings":
        rows = list(Setting.objects.values_list("id", "urn", "ukprn"))
        return cls(
            by_urn={urn: pk for pk, urn, _ in rows if urn},
            by_ukprn={ukprn: pk for pk, _, ukprn in rows if ukprn},
        )

    def find(self, placement: Placement) -> int | None:
        if placement.urn:
            return self.by_urn.get(placement.urn)
        if placement.ukprn:
            return self.by_ukprn.get(placement.ukprn)
        return None

    def errors(self, row: int, person: Person) -> list[RowError]:
        found = []
        for request in person.requests:
            for placement in _placements(request):
                if placement.urn and placement.urn not in self.by_urn:
                    found.append(
                        RowError(row, "placement_urn", _NO_SETTING.format("URN"), placement.urn)
                    )
                elif placement.ukprn and not placement.urn and placement.ukprn not in self.by_ukprn:
                    found.append(
                        RowError(
                            row, "placement_ukprn", _NO_SETTING.format("UKPRN"), placement.ukprn
                        )
                    )
        return found


_NO_SETTING: Final = "names a setting that is not in Thrive: add it (with this {}) before importing"


def _placements(request: Request) -> list[Placement]:
    found: list[Placement] = []
    if request.assessment and request.assessment.named_plan:
        found += request.assessment.named_plan.details
    if request.active_plan:
        found += request.active_plan.placements
    return found


def _plan_placement(request: Request) -> Placement | None:
    """Section I of the plan: the named plan's rank-1 detail, else the current placement."""
    plan = request.assessment.named_plan if request.assessment else None
    for placement in plan.details if plan else ():
        if placement.rank == 1:
            return placement
    current = [
        p for p in (request.active_plan.placements if request.active_plan else ()) if p.rank == 1
    ]
    open_ones = [p for p in current if p.leaving_date is None]
    chosen = open_ones or current
    return chosen[-1] if chosen else None


def timeline(
    request: Request, *, period_start: date | None = None
) -> list[tuple[clock.Event, str]]:
    """The steps a request's SEN2 items describe, in order, each with the column it comes
    from (for a refusal's report). `period_start`: the first day of the period a return
    covers, for a decision it says was made then without a date."""
    received = request.received_date
    assert received is not None
    steps: list[tuple[clock.Event, str]] = [
        (clock.Event(EventKind.REQUEST_RECEIVED, received), "request_received")
    ]
    assessment = request.assessment
    plan = assessment.named_plan if assessment else None
    issued_on = None
    if assessment and assessment.outcome in ("Y", "H") and plan is not None:
        issued_on = assessment.outcome_date or plan.start_date
    excepted = bool(assessment and assessment.week20_exceptions and issued_on)
    if excepted:
        steps.append(
            (
                clock.Event(
                    EventKind.EXCEPTION_STARTED,
                    received,
                    exception=clock.ExceptionReason.PERSONAL_CIRCUMSTANCES,
                ),
                "week20_exceptions",
            )
        )
    outcome = request.outcome
    decided_on = request.outcome_date or received

    def undated(after: date) -> date:
        """A step a return reports without a date happened in its period, after `after`."""
        return max(after, period_start) if period_start else after

    if outcome == "W":
        on = request.outcome_date or undated(received)
        steps.append((clock.Event(EventKind.WITHDRAWN, on), "request_outcome_date"))
        return steps
    if outcome in ("Y", "N", "H"):
        yes = outcome != "N"
        steps.append(
            (
                clock.Event(EventKind.DECISION_TO_ASSESS, decided_on, outcome=yes),
                "request_outcome_date",
            )
        )
    if outcome not in ("Y", "H") or assessment is None:
        return steps
    column = "assessment_outcome_date"
    if assessment.outcome == "W":
        on = assessment.outcome_date or undated(decided_on)
        steps.append((clock.Event(EventKind.WITHDRAWN, on), column))
    elif assessment.outcome == "N" or (
        assessment.outcome == "H" and plan is None and assessment.outcome_date
    ):
        on = assessment.outcome_date or decided_on
        steps.append((clock.Event(EventKind.DECISION_TO_ISSUE, on, outcome=False), column))
    elif assessment.outcome in ("Y", "H"):
        decision_on = decided_on if assessment.outcome == "H" else (issued_on or decided_on)
        if assessment.outcome == "Y" and issued_on is None:
            decision_on = undated(decided_on)  # made in the period, no plan issued yet
        if excepted and issued_on:
            ended = clock.Event(
                EventKind.EXCEPTION_ENDED,
                issued_on,
                exception=clock.ExceptionReason.PERSONAL_CIRCUMSTANCES,
            )
            steps.append((ended, "week20_exceptions"))
        steps.append((clock.Event(EventKind.DECISION_TO_ISSUE, decision_on, outcome=True), column))
        if issued_on is not None:
            for kind in (
                EventKind.DRAFT_ISSUED,
                EventKind.COMMENTS_RECEIVED,
                EventKind.FINAL_ISSUED,
            ):
                steps.append((clock.Event(kind, issued_on), column))
    return steps


def _key(event: clock.Event) -> tuple[str, date, bool | None, str]:
    return (event.kind.value, event.on, event.outcome, event.exception or "")


class _Writer:
    def __init__(
        self,
        *,
        actor: Any,
        today: date,
        settings: _Settings,
        period_start: date | None,
        distinct_persons: bool,
    ) -> None:
        self.actor = actor
        self.period_start = period_start
        self.today = today
        self.settings = settings
        self.now = timezone.now()
        self.la = home_local_authority()
        self.counts = _empty_counts()
        self.errors: list[RowError] = []
        children = Child.objects.values_list(
            "id", "upn", "last_name", "first_name", "date_of_birth"
        )
        self.by_upn: dict[str, int] = {}
        self.upns: dict[int, str] = {}
        self.by_name: dict[tuple[str, str, date], list[int]] = {}
        for pk, upn, last, first, born in children:
            if upn:
                self.by_upn.setdefault(upn, pk)
                self.upns[pk] = upn
            self.by_name.setdefault((last.lower(), first.lower(), born), []).append(pk)
        #: In a SEN2 return each Person is someone else: the children earlier ones matched.
        self.claimed: set[int] = set()
        self.distinct_persons = distinct_persons
        received = CaseEvent.objects.filter(kind=EventKind.REQUEST_RECEIVED)
        self.cases = {
            (child, on): case for case, child, on in received.values_list(
                "case_id", "case__child_id", "on"
            )
        }  # fmt: skip
        self.plans = dict(EhcPlan.objects.values_list("case_id", "id"))
        self.reviews = {
            (plan, on): (pk, decision)
            for pk, plan, on, decision in AnnualReview.objects.values_list(
                "id", "plan_id", "meeting_on", "decision"
            )
        }
        self.open_reviews = {
            plan for (plan, _), (_, decision) in self.reviews.items() if not decision
        }
        self.ceased = set(
            Cessation.objects.filter(withdrawn_on__isnull=True).values_list("plan_id", flat=True)
        )

    # --- children ---------------------------------------------------------------------

    def _match(self, person: Person) -> int | None:
        """By UPN; else by name and date of birth, unless both have UPNs and they differ
        (two people can share a name and a birthday), or (in a SEN2 return, where each Person
        is a different person) an earlier Person already matched that child."""
        upn = identifiers.normalise_upn(person.upn) if person.upn else ""
        if upn and (pk := self.by_upn.get(upn)):
            return pk
        key = (person.surname.lower(), person.forename.lower(), person.birth_date)
        for pk in self.by_name.get(key, ()):
            if upn and self.upns.get(pk, upn) != upn:
                continue
            if self.distinct_persons and pk in self.claimed:
                continue
            return pk
        return None

    def _child_values(self, person: Person) -> dict[str, Any]:
        values: dict[str, Any] = {
            "first_name": person.forename,
            "last_name": person.surname,
            "date_of_birth": person.birth_date,
            "sex": person.sex,
            "ethnicity": person.ethnicity,
            "postcode": identifiers.normalise_postcode(person.postcode) if person.postcode else "",
            "upn": identifiers.normalise_upn(person.upn) if person.upn else "",
        }
        latest = [r for r in person.requests if r.active_plan and r.active_plan.needs]
        if latest:
            needs = {n.rank: n.sen_type for n in latest[-1].active_plan.needs}  # type: ignore[union-attr]
            values["primary_need"] = needs.get(1, "")
            values["secondary_need"] = needs.get(2, "")
        placed = [p for r in person.requests if (p := _plan_placement(r)) is not None]
        if placed and (setting := self.settings.find(placed[-1])) is not None:
            values["setting_id"] = setting
        return values

    def child(self, person: Person) -> int:
        values = self._child_values(person)
        pk = self._match(person)
        if pk is None:
            child = Child.objects.create(home_local_authority=self.la, **values)
            pk = child.pk
            self.counts["children"][NEW] += 1
        else:
            child = Child.objects.get(pk=pk)
            if not values["upn"] and child.upn:
                del values["upn"]  # a file without the UPN keeps the one Thrive holds
            changed = [name for name, value in values.items() if getattr(child, name) != value]
            if changed:
                for name in changed:
                    setattr(child, name, values[name])
                child.save(update_fields=[n.removesuffix("_id") for n in changed])
                self.counts["children"][CHANGED] += 1
            else:
                self.counts["children"][UNCHANGED] += 1
        if upn := values.get("upn"):
            self.by_upn[upn] = pk
            self.upns[pk] = upn
        named = self.by_name.setdefault(
            (person.surname.lower(), person.forename.lower(), person.birth_date), []
        )
        if pk not in named:
            named.append(pk)
        self.claimed.add(pk)
        return pk

    # --- cases ------------------------------------------------------------------------

    def _append(
        self,
        row: int,
        case_id: int,
        history: list[clock.Event],
        steps: Sequence[tuple[clock.Event, str]],
        source: str,
    ) -> bool:
        rows = []
        for event, column in steps:
            if reason := clock.refusal_for(history, event, self.today):
                self.errors.append(RowError(row, column, f"cannot be recorded: {reason}"))
                return False
            history.append(event)
            rows.append(
                CaseEvent(
                    case_id=case_id,
                    kind=event.kind,
                    on=event.on,
                    outcome=event.outcome,
                    exception=event.exception or "",
                    request_source=source if event.kind == EventKind.REQUEST_RECEIVED else "",
                    note=_IMPORTED_NOTE,
                    recorded_by=self.actor,
                )
            )
        CaseEvent.objects.bulk_create(rows)
        return True

    def case(self, row: int, child_id: int, request: Request) -> int | None:
        steps = timeline(request, period_start=self.period_start)
        key = (child_id, request.received_date)
        case_id = self.cases.get(key)  # type: ignore[arg-type]
        if case_id is None:
            case = Case.objects.create(child_id=child_id, case_officer=None)
            self.cases[key] = case.pk  # type: ignore[index]
            if not self._append(row, case.pk, [], steps, request.source or ""):
                return None
            self.counts["cases"][NEW] += 1
            return case.pk
        held = [e.as_law_event() for e in CaseEvent.objects.filter(case_id=case_id).order_by("id")]
        held_keys = [_key(e) for e in held]
        wanted = [_key(e) for e, _ in steps]
        if wanted[: len(held_keys)] == held_keys and len(wanted) > len(held_keys):
            if not self._append(row, case_id, held, steps[len(held) :], ""):
                return None
            self.counts["cases"][CHANGED] += 1
        elif held_keys[: len(wanted)] == wanted:
            self.counts["cases"][UNCHANGED] += 1  # Thrive already holds these steps (or more)
        else:
            self.errors.append(
                RowError(
                    row,
                    "request_received",
                    "matches a request Thrive already holds with different steps: correct it "
                    "in Thrive or leave this row out",
                )
            )
            return None
        return case_id

    # --- plans ------------------------------------------------------------------------

    def plan(self, row: int, case_id: int, request: Request, named: NamedPlan) -> None:
        plan_id = self.plans.get(case_id)
        if plan_id is None:
            plan = EhcPlan.objects.create(case_id=case_id)
            plan_id = self.plans[case_id] = plan.pk
            placement = _plan_placement(request)
            setting = self.settings.find(placement) if placement else None
            kind = _TYPE_FOR_SETTING.get(placement.sen_setting or "", "") if placement else ""
            version = PlanVersion.objects.create(
                plan=plan,
                number=1,
                kind=VersionKind.FINAL,
                created_by=self.actor,
                issued_on=named.start_date,
                issued_by=self.actor,
                issued_at=self.now,
                placement_setting_id=setting,
                placement_type="" if setting else kind,
                personal_budget=_PERSONAL_BUDGET if named.personal_budget else "",
            )
            needs = request.active_plan.needs if request.active_plan else ()
            Need.objects.bulk_create(
                Need(
                    version=version,
                    section=NeedSection.B,
                    text=codes.SEN_TYPES.label(need.sen_type),
                    order=need.rank,
                )
                for need in sorted(needs, key=lambda n: n.rank)
            )
            self._placements_since(version, request)
            self.counts["plans"][NEW] += 1
        else:
            self.counts["plans"][UNCHANGED] += 1
        self._review(row, plan_id, request)
        if named.cease_date and named.cease_reason:
            self._cessation(plan_id, named)

    def _placements_since(self, first: PlanVersion, request: Request) -> None:
        """The settings the plan named after it was issued (the active plan's placements that
        began later), each as a final amended version issued the day the placement began:
        Thrive dates a placement by the version that named it, so the return built again
        names the same settings."""
        active = request.active_plan
        issued = first.issued_on
        if active is None or issued is None:
            return
        began = [(p.entry_date, p) for p in active.placements if p.rank == 1 and p.entry_date]
        later = [p for day, p in sorted(began, key=lambda dp: dp[0]) if day > issued]
        named, version = (first.placement_setting_id, first.placement_type), first
        needs = list(first.needs.all())
        for placement in later:
            setting = self.settings.find(placement)
            kind = "" if setting else _TYPE_FOR_SETTING.get(placement.sen_setting or "", "")
            if (setting, kind) == named:
                continue
            version = PlanVersion.objects.create(
                plan_id=first.plan_id,
                number=version.number + 1,
                kind=VersionKind.AMENDED_FINAL,
                based_on=version,
                created_by=self.actor,
                issued_on=placement.entry_date,
                issued_by=self.actor,
                issued_at=self.now,
                placement_setting_id=setting,
                placement_type=kind,
                personal_budget=first.personal_budget,
            )
            Need.objects.bulk_create(
                Need(version=version, section=n.section, text=n.text, order=n.order) for n in needs
            )
            named = (setting, kind)

    def _review(self, row: int, plan_id: int, request: Request) -> None:
        active = request.active_plan
        if active is None or active.review_meeting is None:
            return
        decision = _DECISIONS.get(active.review_outcome or "", "")
        notified = active.last_review if decision else None
        found = self.reviews.get((plan_id, active.review_meeting))
        if found is not None:
            pk, held = found
            if held == decision or not decision:
                self.counts["reviews"][UNCHANGED] += 1
            elif held:
                self.errors.append(
                    RowError(row, "review_outcome", "differs from the decision Thrive holds")
                )
            else:
                AnnualReview.objects.filter(pk=pk).update(
                    decision=decision, decision_notified_on=notified, updated_at=self.now
                )
                self.open_reviews.discard(plan_id)
                self.counts["reviews"][CHANGED] += 1
            return
        if not decision and plan_id in self.open_reviews:
            self.errors.append(
                RowError(row, "review_meeting", "Thrive already holds an open review of this plan")
            )
            return
        review = AnnualReview.objects.create(
            plan_id=plan_id,
            meeting_on=active.review_meeting,
            scheduled_by=self.actor,
            decision=decision,
            decision_notified_on=notified,
            notes=_IMPORTED_NOTE,
        )
        self.reviews[(plan_id, active.review_meeting)] = (review.pk, decision)
        if not decision:
            self.open_reviews.add(plan_id)
        self.counts["reviews"][NEW] += 1

    def _cessation(self, plan_id: int, named: NamedPlan) -> None:
        if plan_id in self.ceased:
            self.counts["cessations"][UNCHANGED] += 1
            return
        assert named.cease_date is not None
        assert named.cease_reason is not None
        Cessation.objects.create(
            plan_id=plan_id,
            reason=named.cease_reason,
            reasons_given=_CEASED_BEFORE,
            notified_on=named.cease_date,
            ceases_on=named.cease_date,
            recorded_by=self.actor,
        )
        self.ceased.add(plan_id)
        self.counts["cessations"][NEW] += 1

    # --- one record -------------------------------------------------------------------

    def record(self, record: SourceRecord) -> None:
        before = len(self.errors)
        child_id = self.child(record.person)
        for request in record.person.requests:
            case_id = self.case(record.row, child_id, request)
            named = request.assessment.named_plan if request.assessment else None
            if case_id is None or named is None or request.assessment is None:
                continue
            if request.assessment.outcome in ("Y", "H") and len(self.errors) == before:
                self.plan(record.row, case_id, request, named)


def _check(
    read: ReadResult, *, today: date, settings: _Settings, progress: Progress | None
) -> list[RowError]:
    errors = list(read.errors)
    total = len(read.records)
    for done, record in enumerate(read.records, start=1):
        errors += record_errors(record.row, record.person, today=today)
        errors += settings.errors(record.row, record.person)
        if progress is not None:
            progress(done, total, "checking")
    seen: set[tuple[int, str]] = set()
    unique = []
    for error in errors:  # one error per field: what could not be read is reported once
        if (error.row, error.column) not in seen:
            seen.add((error.row, error.column))
            unique.append(error)
    return unique


def _for_xml(errors: list[RowError]) -> list[RowError]:
    return [RowError(e.row, template.element_for(e.column), e.message, e.value) for e in errors]


def _summary(kind: str, report: Report) -> str:
    """The audit entry: the file kind and counts, no personal data."""
    counts = "; ".join(
        f"{name} {c.get(NEW, 0)} new {c.get(CHANGED, 0)} changed {c.get(UNCHANGED, 0)} same"
        for name, c in report.counts.items()
    )
    return f"imported a caseload ({kind}): {counts}"[:200]


def import_records(
    read: ReadResult,
    *,
    actor: Any,
    kind: str,
    dry_run: bool,
    audit_object: Any,
    today: date | None = None,
    progress: Progress | None = None,
    channel: str = AuditChannel.WEB,
) -> Report:
    """Check and (unless `dry_run`, or any record is in error) write the records in one
    transaction. Raises Refusal if `actor` may not import."""
    if not can(actor, Action.IMPORT_CASELOAD):
        raise Refusal("Only SEND managers and administrators can import a caseload.")
    today = today or timezone.localdate()
    settings = _Settings.load()
    errors = _check(read, today=today, settings=settings, progress=progress)
    if errors:
        return Report(errors=_for_xml(errors) if read.xml else errors)
    report = Report()
    total = len(read.records)
    try:
        with transaction.atomic():
            writer = _Writer(
                actor=actor,
                today=today,
                settings=settings,
                period_start=read.period_start,
                distinct_persons=read.xml,
            )
            for done, record in enumerate(read.records, start=1):
                writer.record(record)
                if progress is not None:
                    progress(done, total, "writing")
            report.counts = {k: dict(c) for k, c in writer.counts.items()}
            report.errors = _for_xml(writer.errors) if read.xml else writer.errors
            if report.errors or dry_run:
                raise _RollBack
            audit_record(
                actor=actor,
                action=AuditAction.CREATE,
                obj=audit_object,
                summary=_summary(kind, report),
                channel=channel,
            )
            report.written = True
    except _RollBack:
        pass
    return report
