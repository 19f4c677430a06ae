import dataclasses
import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from tests.factories import step
from tests.portal.builders import draft_steps, hide_plan_documents, record_steps
from thrive.law import clock
from thrive.plans.models import Need, Outcome, Provision
from thrive.portal import presenters, selectors, services
from thrive.portal.presenters import plan as plan_presenters

WREN = presenters.Person("Wren", "Wren's", speaks_for_themselves=False)
YOU = presenters.Person("you", "your", speaks_for_themselves=True)
SERVED = dt.date(2025, 12, 3)
LINKS = {"views": "/views/", "draft": "/draft/"}


def journey(world: Any, today: dt.date, visitor: str = "parent") -> selectors.Journey:
    child = world.child if visitor == "parent" else world.users[visitor].family_links.get().child
    return selectors.journey_for(user=world.users[visitor], child_id=child.pk, today=today)


def dates(world: Any, today: dt.date, from_family: bool = True) -> dict[str, tuple[str, str]]:
    found = dataclasses.replace(journey(world, today), request_from_family=from_family)
    rows = presenters.date_rows(found, WREN)
    return {row["key"]: (row["value"], row["tag"]["text"]) for row in rows}


# --- The stage -------------------------------------------------------------------------


def test_the_stage_is_said_in_words() -> None:
    assert presenters.stage_sentences(clock.Stage.ASSESSING, WREN) == [
        "The council is gathering advice about Wren."
    ]
    assert presenters.stage_sentences(clock.Stage.AWAITING_DECISION_TO_ASSESS, YOU) == [
        "The council is deciding whether to assess your needs."
    ]


def test_a_decision_the_family_can_appeal_says_so() -> None:
    sentences = presenters.stage_sentences(clock.Stage.NOT_ISSUED, WREN)
    assert sentences[0] == "The council decided not to issue an EHC plan for Wren."
    assert "You can appeal against this decision." in sentences[1]


# --- Statutory dates -------------------------------------------------------------------


def test_each_date_says_what_the_council_must_do_by_when(world: Any) -> None:
    rows = dates(world, dt.date(2025, 10, 1))  # received 1 September 2025
    assert rows == {
        "Decision whether to assess": (
            "The council must decide whether to assess Wren's needs by 13 October 2025. "
            "This is 6 weeks after your request.",
            "Coming up",
        ),
        "Decision whether to issue a plan": (
            "The council must decide whether to issue a plan by 22 December 2025. "
            "This is 16 weeks after your request.",
            "Coming up",
        ),
        "Final plan": (
            "The council must send you the final EHC plan by 19 January 2026. "
            "This is 20 weeks after your request.",
            "Coming up",
        ),
    }


def test_a_request_from_someone_else_is_not_called_yours(world: Any) -> None:
    value, _ = dates(world, dt.date(2025, 10, 1), from_family=False)["Final plan"]
    assert value.endswith("This is 20 weeks after the request.")


def test_a_late_date_says_how_late_and_who_can_help(world: Any) -> None:
    value, tag = dates(world, dt.date(2025, 10, 25))["Decision whether to assess"]
    assert value.endswith(
        "This is 12 days late. You can ask your case officer why, or contact your local SENDIASS."
    )
    assert tag == "Late"


def test_a_late_date_under_an_exception_says_the_council_may_take_longer(world: Any) -> None:
    reason = clock.ExceptionReason.PERSONAL_CIRCUMSTANCES
    record_steps(world.case, (step("exception_started", dt.date(2025, 9, 20), exception=reason),))
    value, _ = dates(world, dt.date(2025, 10, 25))["Decision whether to assess"]
    assert "An exception in the law applies, so the council may take longer." in value


def test_a_step_done_says_when_and_whether_it_was_on_time(world: Any) -> None:
    record_steps(world.case, (step("decision_to_assess", dt.date(2025, 10, 20), outcome=True),))
    assert dates(world, dt.date(2025, 10, 25))["Decision whether to assess"] == (
        "The council decided to assess Wren's needs on 20 October 2025. This was 7 days late.",
        "Done late",
    )


def test_a_yes_to_a_plan_replaces_the_16_week_limit(world: Any) -> None:
    record_steps(
        world.case,
        (
            step("decision_to_assess", dt.date(2025, 10, 1), outcome=True),
            step("decision_to_issue", dt.date(2025, 11, 20), outcome=True),
        ),
    )
    assert dates(world, dt.date(2025, 11, 25))["Decision whether to issue a plan"] == (
        "The council decided to write an EHC plan for Wren on 20 November 2025.",
        "Done",
    )


def test_the_familys_15_days_are_explained(world: Any, draft_served: Any) -> None:
    draft_served(SERVED)
    value, tag = dates(world, dt.date(2025, 12, 5))["Your comments on the draft plan"]
    assert value == (
        "You can comment on the draft plan until 17 December 2025. "
        "You have 15 days, counting the day it was sent to you (3 December 2025)."
    )
    assert tag == "Open"
    value, tag = dates(world, dt.date(2025, 12, 18))["Your comments on the draft plan"]
    assert (value, tag) == ("The 15 days to comment ended on 17 December 2025.", "Closed")


def test_comments_received_are_confirmed(world: Any, draft_served: Any) -> None:
    version = draft_served(SERVED)
    services.draft_respond(
        actor=world.users["parent"],
        version=version,
        comments="Yes.",
        requested_setting=None,
        wants_meeting=False,
        today=dt.date(2025, 12, 9),
    )
    value, tag = dates(world, dt.date(2025, 12, 10))["Your comments on the draft plan"]
    assert (value, tag) == ("The council received your comments on 9 December 2025.", "Received")


def test_the_timescales_come_from_the_law() -> None:
    text = " ".join(presenters.timescales())
    for limit in ("within 6 weeks", "within 16 weeks", "15 days", "within 20 weeks"):
        assert limit in text
    assert "SENDIASS is a free service" in text


# --- Advice ----------------------------------------------------------------------------


def advice(requested: dt.date, arrived: dt.date | None) -> selectors.AdviceProgress:
    due = clock.advice_due_on(requested)
    return selectors.AdviceProgress(clock.Contributor.HEALTH, requested, due, arrived)


@pytest.mark.parametrize(
    ("arrived", "today", "words", "tag"),
    [
        (None, dt.date(2025, 10, 1), "Not arrived yet.", "Waiting"),
        (None, dt.date(2025, 10, 27), "Not arrived yet. It is 5 days late.", "Late"),
        (dt.date(2025, 10, 20), dt.date(2025, 10, 27), "Arrived on 20 October 2025.", "Arrived"),
        (
            dt.date(2025, 10, 23),
            dt.date(2025, 10, 27),
            "Arrived on 23 October 2025. This was 1 day late.",
            "Arrived",
        ),
    ],
)
def test_advice_says_who_was_asked_and_whether_it_arrived(
    arrived: dt.date | None, today: dt.date, words: str, tag: str
) -> None:
    [row] = presenters.advice_rows([advice(dt.date(2025, 9, 10), arrived)], today)
    assert row["key"] == "Health"
    assert row["value"] == f"Asked on 10 September 2025. Due by 22 October 2025. {words}"
    assert row["tag"]["text"] == tag


# --- What is waiting for the family ----------------------------------------------------


def tasks(world: Any, today: dt.date, visitor: str = "parent") -> list[dict[str, Any]]:
    found = journey(world, today, visitor)
    return presenters.waiting_for_you(found, presenters.Person.of(found), LINKS)


def test_views_are_waiting_until_given(world: Any) -> None:
    [task] = tasks(world, dt.date(2025, 10, 1))
    assert (task["title"], task["href"], task["status"]["text"]) == (
        "Tell us about Wren",
        "/views/",
        "To do",
    )
    assert not presenters.nothing_waiting([task])
    services.family_views_give(
        actor=world.users["parent"], case=world.case, answers={"hopes": "College."}
    )
    [task] = tasks(world, dt.date(2025, 10, 1))
    assert task["status"] == {"text": "Done"}
    assert task["hint"].startswith("You last told us on ")
    assert presenters.nothing_waiting([task])


def test_a_young_person_is_asked_about_themselves(world: Any) -> None:
    [task] = tasks(world, dt.date(2025, 10, 1), "young_person")
    assert task["title"] == "Tell us about yourself"


def test_the_draft_is_waiting_while_its_15_days_last(world: Any, draft_served: Any) -> None:
    version = draft_served(SERVED)
    draft, _ = tasks(world, dt.date(2025, 12, 5))
    assert (draft["title"], draft["href"], draft["status"]["text"]) == (
        "Comment on the draft plan by 17 December 2025",
        "/draft/",
        "To do",
    )
    services.draft_respond(
        actor=world.users["parent"],
        version=version,
        comments="Yes.",
        requested_setting=None,
        wants_meeting=False,
        today=dt.date(2025, 12, 6),
    )
    draft, _ = tasks(world, dt.date(2025, 12, 7))
    assert draft["status"] == {"text": "Sent"}
    assert [t["title"] for t in tasks(world, dt.date(2025, 12, 18))] == ["Tell us about Wren"]


def test_a_draft_served_only_on_paper_is_waiting_without_a_link(world: Any) -> None:
    record_steps(world.case, draft_steps(dt.date(2025, 9, 1), SERVED))
    [draft, _] = tasks(world, dt.date(2025, 12, 5))
    assert draft["href"] == ""
    assert draft["hint"] == "Send your comments to your case officer."


def test_nothing_is_waiting_once_the_case_is_closed(world: Any) -> None:
    record_steps(world.case, (step("withdrawn", dt.date(2025, 9, 20)),))
    assert tasks(world, dt.date(2025, 10, 1)) == []
    assert presenters.nothing_waiting([])


# --- People and contributions ----------------------------------------------------------


def test_the_case_officer_is_named_with_their_email_if_known(officer: Any) -> None:
    assert presenters.case_officer_rows(officer) == [{"key": "Name", "value": "Officer"}]
    officer.email = "sam@example.org"
    assert presenters.case_officer_rows(officer)[1]["href"] == "mailto:sam@example.org"
    assert "Contact the council" in presenters.case_officer_rows(None)[0]["value"]


def test_who_gave_views_and_how_is_shown(world: Any) -> None:
    parent, officer = world.users["parent"], world.users["case_officer"]
    own = services.family_views_give(actor=parent, case=world.case, answers={"hopes": "A"})
    on_behalf = services.family_views_give(
        actor=officer, case=world.case, answers={"hopes": "B"}, on_behalf_method="paper"
    )
    today = clock.render_date(timezone.localdate())
    assert presenters.given_by_line(own, parent) == f"You sent this on {today}."
    assert presenters.given_by_line(own, officer) == f"Sent by Parent (parent or carer) on {today}."
    assert presenters.given_by_line(on_behalf, parent) == (
        f"Recorded by Officer from the council, given on paper, on {today}."
    )
    rows = presenters.views_rows(on_behalf)
    assert rows[0] == {"key": "What people like and admire about me", "value": "Not answered"}
    assert rows[-1] == {"key": "My hopes for the future", "value": "B"}


@pytest.mark.parametrize(
    ("window", "for_council", "words"),
    [
        (None, False, "The council has not sent you a draft plan yet."),
        (
            selectors.CommentWindow(SERVED, dt.date(2025, 12, 17), True, False),
            True,
            "The family can comment until 17 December 2025 (15 days from 3 December 2025).",
        ),
        (
            selectors.CommentWindow(SERVED, dt.date(2025, 12, 17), False, False),
            False,
            "The 15 days to comment ended on 17 December 2025. "
            "You can still contact your case officer.",
        ),
        (
            selectors.CommentWindow(SERVED, dt.date(2025, 12, 17), False, True),
            True,
            "The draft plan is no longer open for comments.",
        ),
    ],
)
def test_the_comment_window_in_words(
    window: selectors.CommentWindow | None, for_council: bool, words: str
) -> None:
    assert presenters.window_words(window, for_council=for_council) == words


# --- Plan documents --------------------------------------------------------------------


def test_document_links_only_for_an_issued_version(
    world: Any, draft_served: Any, monkeypatch: Any
) -> None:
    unissued = world.case.plan.versions.get()
    assert presenters.plan_document_links(unissued) is None
    version = draft_served(SERVED)
    monkeypatch.setattr(plan_presenters, "reverse", lambda name, args: f"/{name}/{args[0]}")
    assert presenters.plan_document_links(version) == {
        "html": f"/plans:version_document/{version.pk}",
        "pdf": f"/plans:version_pdf/{version.pk}",
    }


def test_no_document_links_while_the_plans_pages_are_missing(
    draft_served: Any, monkeypatch: Any
) -> None:
    hide_plan_documents(monkeypatch)
    assert presenters.plan_document_links(draft_served(SERVED)) is None


def test_the_plan_reads_section_by_section(world: Any, draft_served: Any) -> None:
    version = draft_served(SERVED)
    version.views_child = "I like trains."
    version.save(update_fields=["views_child"])
    need = Need.objects.create(version=version, section="B", text="Needs help with reading.")
    outcome = Outcome.objects.create(version=version, text="Reads a book.", time_frame="By July")
    outcome.needs.add(need)
    Provision.objects.create(
        version=version,
        section="F",
        what="Phonics",
        who="Teaching assistant",
        how_often="Daily",
        how_long="20 minutes",
        group_size="1 to 1",
    )
    sections = presenters.plan_sections(selectors.plan_version_with_sections(version))
    by_title = {s["title"][:2]: s["items"] for s in sections}
    assert by_title["A:"] == [
        {"label": "The child's or young person's views", "text": "I like trains."}
    ]
    assert by_title["B:"] == [{"label": "", "text": "Needs help with reading."}]
    assert by_title["C:"] == []
    assert by_title["E:"] == [{"label": "By July", "text": "Reads a book."}]
    assert by_title["F:"][0]["label"] == "Phonics"
    assert "How often: Daily." in by_title["F:"][0]["text"]
    assert by_title["I:"] == []  # a draft names no school (CFA 2014 s.38(5))
