"""Disputes selectors: a case's statutory dates (the last day to contact a mediation adviser,
the last day to appeal, moved out of August and Christmas, extended by a certificate), late
appeals, the certificate note, the area's open appeals and the counts by year."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from tests.disputes.builders import CONTACTED, LETTER, REGISTERED
from tests.factories import TODAY, make_user
from thrive.assessments.models import Case
from thrive.disputes import selectors, services
from thrive.disputes.models import Appeal, Mediation

D = dt.date


def _appeal(officer: Any, case: Case, **changes: Any) -> Appeal:
    values: dict[str, Any] = {
        "subject": "plan_content",
        "decision_letter_on": LETTER,
        "registered_on": REGISTERED,
        "today": TODAY,
    }
    return services.appeal_record(actor=officer, case=case, **(values | changes))


def test_the_last_day_to_contact_a_mediation_adviser(mediation: Mediation) -> None:
    view = selectors.case_disputes(mediation.case).mediations[0]
    assert view.contact_by == D(2025, 12, 1)  # 2 months after 1 October 2025 (reg. 33)
    assert view.contact_state == ("Contacted on 20 October 2025, by the last day (1 December 2025)")


def test_a_contact_after_the_last_day_says_how_late(officer: Any, case: Case) -> None:
    services.mediation_record(
        actor=officer,
        case=case,
        subject="ceasing",
        decision_letter_on=D(2025, 10, 31),
        adviser_contacted_on=D(2026, 1, 2),
        today=TODAY,
    )
    view = selectors.case_disputes(case).mediations[0]
    assert view.contact_by == D(2025, 12, 31)  # 31 October + 2 months
    assert view.contact_state.endswith("2 days after the last day (31 December 2025)")


def test_without_a_certificate_the_appeal_window_runs_2_months_from_the_letter(
    mediation: Mediation,
) -> None:
    window = selectors.case_disputes(mediation.case).mediations[0].appeal
    assert (window.by_letter, window.by_certificate, window.last_day) == (
        D(2025, 12, 1),
        None,
        D(2025, 12, 1),
    )
    assert window.moved_because is None
    assert selectors.deadline_text(window) == "1 December 2025"


def test_a_later_certificate_gives_1_month_from_it(officer: Any, mediation: Mediation) -> None:
    services.mediation_record_certificate(
        actor=officer, mediation=mediation, issued_on=D(2026, 1, 20), kind="declined", today=TODAY
    )
    window = selectors.case_disputes(mediation.case).mediations[0].appeal
    assert (window.by_letter, window.by_certificate, window.last_day) == (
        D(2025, 12, 1),
        D(2026, 2, 20),
        D(2026, 2, 20),
    )


def test_a_last_day_in_august_moves_to_the_first_working_day_of_september() -> None:
    window = selectors.appeal_window(D(2025, 6, 15), None)
    assert window.by_letter == D(2025, 8, 15)
    assert window.last_day == D(2025, 9, 1)  # Monday 1 September 2025
    assert window.moved_because == "falls in August"
    assert selectors.deadline_text(window) == (
        "1 September 2025 (moved from 15 August 2025: falls in August)"
    )


def test_a_last_day_at_christmas_moves_into_january(officer: Any, case: Case) -> None:
    appeal = _appeal(officer, case, decision_letter_on=D(2025, 10, 25), registered_on=TODAY)
    view = selectors.case_disputes(case).appeals[0]
    assert view.appeal == appeal
    assert view.deadline.last_day == D(2026, 1, 2)  # Friday 2 January 2026
    assert view.deadline.moved_because == "falls between 25 December and 1 January"
    assert view.late_by == 59  # 2 March 2026 is 59 days after 2 January


def test_an_appeal_registered_after_the_last_day_is_late_at_the_tribunals_discretion(
    officer: Any, case: Case
) -> None:
    _appeal(officer, case)  # letter 1 October, last day 1 December, registered 5 December
    view = selectors.case_disputes(case).appeals[0]
    assert view.late_by == 4
    assert view.registered_state == (
        "Registered 4 days after the last day: late appeals are at the Tribunal's discretion"
    )


def test_the_certificate_of_its_mediation_puts_an_appeal_in_time(
    officer: Any, appeal: Appeal
) -> None:
    assert appeal.mediation is not None
    services.mediation_record_certificate(
        actor=officer, mediation=appeal.mediation, issued_on=CONTACTED, kind="declined", today=TODAY
    )
    view = selectors.case_disputes(appeal.case).appeals[0]
    assert view.deadline.last_day == D(2025, 12, 1)  # 20 November is earlier than the letter's
    assert view.late_by == 4
    services.mediation_record_certificate(
        actor=officer,
        mediation=appeal.mediation,
        issued_on=D(2025, 11, 5),
        kind="declined",
        today=TODAY,
    )  # corrected
    view = selectors.case_disputes(appeal.case).appeals[0]
    assert view.deadline.last_day == D(2025, 12, 5)  # 1 month from 5 November
    assert view.late_by is None
    assert view.registered_state == "Registered on 5 December 2025, within the time to appeal"
    assert view.certificate_note == (
        "Mediation certificate issued on 5 November 2025 "
        "(the family decided not to go to mediation)"
    )


def test_no_certificate_is_needed_for_an_appeal_only_about_the_setting(
    officer: Any, case: Case
) -> None:
    _appeal(officer, case, subject="setting_named")
    _appeal(officer, case, subject="plan_content")
    setting, content = selectors.case_disputes(case).appeals
    assert setting.certificate_note.startswith("No mediation certificate is needed")
    assert "section I" in setting.certificate_note
    assert content.certificate_note == selectors.CERTIFICATE_NEEDED


# --- The area ----------------------------------------------------------------------------


def test_open_appeals_by_hearing_date_without_a_date_last(
    officer: Any, make_case: Callable[..., Case]
) -> None:
    late_hearing = _appeal(officer, make_case(first_name="Ann"))
    no_hearing = _appeal(officer, make_case(first_name="Bo"))
    soon = _appeal(officer, make_case(first_name="Cy"))
    decided = _appeal(officer, make_case(first_name="Di"))
    services.appeal_record_hearing(
        actor=officer, appeal=late_hearing, hearing_on=D(2026, 6, 1), today=TODAY
    )
    services.appeal_record_hearing(
        actor=officer, appeal=soon, hearing_on=D(2026, 4, 1), today=TODAY
    )
    services.appeal_record_outcome(
        actor=officer, appeal=decided, outcome="withdrawn", outcome_on=TODAY, today=TODAY
    )
    assert list(selectors.open_appeals_for(user=officer)) == [soon, late_hearing, no_hearing]


def test_only_the_team_sees_the_area_list(officer: Any, appeal: Appeal) -> None:
    assert list(selectors.open_appeals_for(user=officer)) == [appeal]
    for role in ("analyst", "administrator", "practitioner"):
        assert not selectors.open_appeals_for(user=make_user(role, role)).exists()


def test_counts_by_subject_and_outcome_per_year(officer: Any, case: Case) -> None:
    _appeal(officer, case, subject="setting_named")
    a = _appeal(officer, case, subject="setting_named")
    _appeal(officer, case, subject="ceasing", registered_on=D(2026, 1, 10))
    early = _appeal(officer, case, decision_letter_on=D(2024, 3, 1), registered_on=D(2024, 5, 1))
    services.appeal_record_outcome(
        actor=officer, appeal=a, outcome="upheld", outcome_on=TODAY, today=TODAY
    )
    services.appeal_record_outcome(
        actor=officer, appeal=early, outcome="dismissed", outcome_on=TODAY, today=TODAY
    )
    y2026, y2025, y2024 = selectors.appeal_counts_by_year(user=officer)
    assert (y2026.year, y2026.total) == (2026, 1)
    assert y2026.by_subject == (("The decision to cease the plan", 1),)
    assert y2026.by_outcome == (("Open", 1),)
    assert (y2025.year, y2025.total) == (2025, 2)
    assert y2025.by_subject == (("The school or college named, or none (section I)", 2),)
    assert y2025.by_outcome == (
        ("Open", 1),
        ("Appeal upheld (decided in the family's favour)", 1),
    )
    assert y2024.by_outcome == (("Appeal dismissed (the council's decision stands)", 1),)
    assert selectors.appeals_registered_by_year() == {2024: 1, 2025: 2, 2026: 1}
    assert selectors.appeal_counts_by_year(user=make_user("analyst", "analyst")) == []
