"""Reads for disagreements: a case's mediations and appeals with the statutory dates that run
from them, and the area's open appeals and counts for the case work team.

The dates come from `thrive.law.reviews` (`mediation_contact_by`, `appeal_deadline`); this
module only says what they mean for the records. `today` is passed in, never read here."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, F, QuerySet
from django.db.models.functions import ExtractYear
from django.http import Http404

from thrive.accounts.policy import restrict_cases
from thrive.assessments.models import Case
from thrive.law import reviews as law
from thrive.law.clock import render_date

from .models import Appeal, AppealOutcome, Mediation, Subject

LATE_DISCRETION = "late appeals are at the Tribunal's discretion"
#: statutory.md §1.8: the family need not consider mediation before appealing only about the
#: school or college named in section I (CFA 2014 s.55(4) [S]).
NO_CERTIFICATE_NEEDED = (
    "No mediation certificate is needed: the appeal is only about the school or college "
    "named in the plan (section I)."
)
CERTIFICATE_NEEDED = (
    "The Tribunal needs a mediation certificate for this appeal, and none is recorded."
)
OPEN = "Open"


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


@dataclass(frozen=True)
class MediationView:
    """A mediation with its dates: `contact_by` the last day to contact the adviser (reg. 33),
    `contact_state` in words, and `appeal` the last day to appeal counting the certificate."""

    mediation: Mediation
    contact_by: date
    contact_state: str
    appeal: law.AppealDeadline


@dataclass(frozen=True)
class AppealView:
    """An appeal with its last day (from the letter and any certificate of its mediation),
    how many days after that day it was registered (None when in time) and the certificate
    note."""

    appeal: Appeal
    deadline: law.AppealDeadline
    late_by: int | None
    registered_state: str
    certificate_note: str


@dataclass(frozen=True)
class CaseDisputes:
    mediations: tuple[MediationView, ...]
    appeals: tuple[AppealView, ...]


def contact_state(decision_letter_on: date, contacted_on: date) -> tuple[date, str]:
    """The last day to contact a mediation adviser, and whether the contact was within it."""
    by = law.mediation_contact_by(decision_letter_on)
    late = (contacted_on - by).days
    if late > 0:
        return by, (
            f"Contacted on {render_date(contacted_on)}, {_days(late)} after the last day "
            f"({render_date(by)})"
        )
    return by, f"Contacted on {render_date(contacted_on)}, by the last day ({render_date(by)})"


def appeal_window(decision_letter_on: date, certificate_on: date | None) -> law.AppealDeadline:
    """The last day to appeal: the later of 2 months from the letter and 1 month from the
    certificate, moved out of August and the Christmas week (`law.reviews.appeal_deadline`)."""
    if certificate_on is not None and certificate_on < decision_letter_on:
        certificate_on = None  # a certificate about an earlier decision does not extend this one
    return law.appeal_deadline(decision_letter_on, certificate_on)


def deadline_text(deadline: law.AppealDeadline) -> str:
    """ "5 September 2025 (moved: falls in August)"."""
    text = render_date(deadline.last_day)
    if deadline.moved_because:
        text += f" (moved from {render_date(_unmoved(deadline))}: {deadline.moved_because})"
    return text


def _unmoved(deadline: law.AppealDeadline) -> date:
    return max(deadline.by_letter, deadline.by_certificate or deadline.by_letter)


def registered_state(deadline: law.AppealDeadline, registered_on: date) -> tuple[int | None, str]:
    """How many days after the last day the appeal was registered (None when in time)."""
    late = (registered_on - deadline.last_day).days
    if late > 0:
        return late, f"Registered {_days(late)} after the last day: {LATE_DISCRETION}"
    return None, f"Registered on {render_date(registered_on)}, within the time to appeal"


def certificate_note(subject: str, mediation: Mediation | None) -> str:
    if subject == Subject.SETTING_NAMED:
        return NO_CERTIFICATE_NEEDED
    if mediation is None or mediation.certificate_issued_on is None:
        return CERTIFICATE_NEEDED
    return (
        f"Mediation certificate issued on {render_date(mediation.certificate_issued_on)} "
        f"({mediation.get_certificate_kind_display().lower()})"
    )


def mediation_view(mediation: Mediation) -> MediationView:
    by, state = contact_state(mediation.decision_letter_on, mediation.adviser_contacted_on)
    return MediationView(
        mediation=mediation,
        contact_by=by,
        contact_state=state,
        appeal=appeal_window(mediation.decision_letter_on, mediation.certificate_issued_on),
    )


def appeal_view(appeal: Appeal) -> AppealView:
    mediation = appeal.mediation
    certificate_on = mediation.certificate_issued_on if mediation else None
    deadline = appeal_window(appeal.decision_letter_on, certificate_on)
    late_by, state = registered_state(deadline, appeal.registered_on)
    return AppealView(
        appeal=appeal,
        deadline=deadline,
        late_by=late_by,
        registered_state=state,
        certificate_note=certificate_note(appeal.subject, mediation),
    )


def case_disputes(case: Case) -> CaseDisputes:
    """The case's mediations and appeals, oldest first, each with its statutory dates."""
    mediations = Mediation.objects.filter(case=case).order_by("adviser_contacted_on", "id")
    appeals = (
        Appeal.objects.filter(case=case).select_related("mediation").order_by("registered_on", "id")
    )
    return CaseDisputes(
        mediations=tuple(mediation_view(m) for m in mediations),
        appeals=tuple(appeal_view(a) for a in appeals),
    )


def mediation_get(case: Case, mediation_id: int) -> Mediation:
    """The case's mediation (404 for another case's, or none): reached only through a case the
    user may see (`assessments.selectors.case_get_for`)."""
    mediation = Mediation.objects.filter(case=case, pk=mediation_id).first()
    if mediation is None:
        raise Http404
    return mediation


def appeal_get(case: Case, appeal_id: int) -> Appeal:
    """The case's appeal (404 for another case's, or none), as `mediation_get`."""
    appeal = Appeal.objects.filter(case=case, pk=appeal_id).select_related("mediation").first()
    if appeal is None:
        raise Http404
    return appeal


# --- The area ----------------------------------------------------------------------------


def _visible_appeals(user: Any) -> QuerySet[Appeal]:
    return Appeal.objects.filter(case__in=restrict_cases(user, Case.objects.all()))


def open_appeals_for(*, user: Any) -> QuerySet[Appeal]:
    """Open appeals on cases `user` may see, by hearing date (those without one last), then by
    the day they were registered."""
    return (
        _visible_appeals(user)
        .filter(outcome="")
        .select_related("case__child", "mediation")
        .order_by(F("hearing_on").asc(nulls_last=True), "registered_on", "id")
    )


@dataclass(frozen=True)
class YearCounts:
    """Appeals registered in one calendar year, by subject and by outcome ("Open" if none)."""

    year: int
    total: int
    by_subject: tuple[tuple[str, int], ...]
    by_outcome: tuple[tuple[str, int], ...]


def _count_by_year(appeals: QuerySet[Appeal], field: str) -> dict[int, dict[str, int]]:
    rows = (
        appeals.annotate(year=ExtractYear("registered_on"))
        .values_list("year", field)
        .annotate(n=Count("id"))
        .order_by()
    )
    counts: dict[int, dict[str, int]] = {}
    for year, value, n in rows:
        counts.setdefault(year, {})[value] = n
    return counts


def appeal_counts_by_year(*, user: Any) -> list[YearCounts]:
    """For each calendar year with an appeal registered, newest first: how many, by subject
    and by outcome, in the order of the choices (only those with appeals). Counted in the
    database, two queries."""
    appeals = _visible_appeals(user)
    subjects = _count_by_year(appeals, "subject")
    outcomes = _count_by_year(appeals, "outcome")
    outcome_labels = [("", OPEN), *AppealOutcome.choices]
    return [
        YearCounts(
            year=year,
            total=sum(subjects[year].values()),
            by_subject=tuple(
                (str(label), subjects[year][value])
                for value, label in Subject.choices
                if value in subjects[year]
            ),
            by_outcome=tuple(
                (str(label), outcomes[year][value])
                for value, label in outcome_labels
                if value in outcomes.get(year, {})
            ),
        )
        for year in sorted(subjects, reverse=True)
    ]


def appeals_registered_by_year() -> dict[int, int]:
    """{calendar year: appeals registered by the Tribunal that year} for the whole area: a
    count, no child's record, for the dashboard (`insight.appeals`)."""
    rows = (
        Appeal.objects.annotate(year=ExtractYear("registered_on"))
        .values_list("year")
        .annotate(n=Count("id"))
        .order_by()
    )
    return dict(rows)
