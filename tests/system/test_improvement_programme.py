"""The strategy and plan in a browser: a partner lead tries to complete an action without
evidence, is refused, attaches a note and completes it; a board member reads the programme
with its measures (each chart with its table) and the overdue actions; an inspector reads the
plan. Every page passes axe-core's WCAG 2.2 AA rules at desktop width and at 320 pixels."""

from typing import Any

from django.utils import timezone

from tests.factories import make_user
from tests.system.steps import check_both_widths, submit_sign_in
from thrive.demo.improvement import generate_improvement
from thrive.improvement.models import Action, ActionStatus


def _sign_in(page: Any, username: str) -> None:
    page.context.clear_cookies()
    page.goto("/accounts/sign-in/")
    submit_sign_in(page, username)


def test_partner_lead_completes_an_action_with_evidence(page: Any, axe: Any) -> None:
    # Given the demo programme, and the partner lead who owns some of its actions
    today = timezone.localdate()
    generate_improvement(seed=1, today=today)
    lead = make_user("lead", "partner_lead")
    action = Action.objects.exclude(status=ActionStatus.COMPLETE).filter(due_on__lt=today).first()
    assert action is not None
    action.owner = lead
    action.save()
    _sign_in(page, "lead")

    # When they open their actions
    page.goto("/improvement/my-actions/")
    assert page.get_by_role("heading", name="My actions").is_visible()
    assert page.get_by_text("overdue", exact=False).first.is_visible()
    check_both_widths(page, axe, "my actions")

    # And try to mark the overdue one complete without evidence
    page.get_by_role("link", name=action.title).click()
    check_both_widths(page, axe, "an action")
    page.get_by_role("link", name="Update the status").click()
    page.get_by_label("Complete").check()
    page.get_by_role("button", name="Save").click()

    # Then they are told to attach evidence first
    assert (
        page.get_by_role("alert").get_by_text("Attach at least one piece of evidence").is_visible()
    )
    check_both_widths(page, axe, "the refused status")

    # When they attach a note and complete it
    page.goto(f"/improvement/actions/{action.pk}/evidence/add/")
    page.get_by_label("Title").fill("Board minutes")
    page.locator("input[name=kind][value=note]").check()
    page.get_by_label("Note (for a note)").fill("Agreed at the board on the last meeting.")
    check_both_widths(page, axe, "attaching evidence")
    page.get_by_role("button", name="Attach the evidence").click()
    page.get_by_role("link", name="Update the status").click()
    page.get_by_label("Complete").check()
    page.get_by_role("button", name="Save").click()

    # Then the action is complete, with its evidence
    assert page.get_by_text("Agreed at the board on the last meeting.").is_visible()
    action.refresh_from_db()
    assert action.status == ActionStatus.COMPLETE


def test_board_member_reads_the_programme_and_what_is_overdue(page: Any, axe: Any) -> None:
    # Given the demo programme and a board member
    generate_improvement(seed=1, today=timezone.localdate())
    make_user("boardmember", "board_member")
    _sign_in(page, "boardmember")

    # When they open the improvement programme from the navigation
    page.get_by_role("link", name="Improvement", exact=True).first.click()

    # Then they see the priorities and each measure as a chart and a table
    assert page.get_by_role("heading", name="Strategy and plan").is_visible()
    assert page.locator("svg[role=img]").count() == 4
    assert page.get_by_role(
        "table", name="Trajectory for new plans issued within 20 weeks"
    ).is_visible()
    assert page.get_by_role("link", name="Add a priority").count() == 0
    check_both_widths(page, axe, "the strategy and plan")

    # When they look at what is overdue
    page.get_by_role("link", name="Overdue and late").click()
    assert page.get_by_role("heading", name="Overdue actions and late milestones").is_visible()
    check_both_widths(page, axe, "overdue actions")


def test_inspector_reads_the_plan_and_an_officer_changes_it(page: Any, axe: Any) -> None:
    generate_improvement(seed=1, today=timezone.localdate())
    make_user("visiting", "inspector", access_ends_on=timezone.localdate())
    _sign_in(page, "visiting")
    assert page.get_by_role("heading", name="Strategy and plan").is_visible()
    response = page.goto("/cases/")
    assert response is not None
    assert response.status == 403

    make_user("po", "programme_officer")
    _sign_in(page, "po")
    page.goto("/improvement/")
    page.get_by_role("link", name="Add a priority").click()
    page.get_by_role("button", name="Add the priority").click()
    assert page.get_by_role("alert").get_by_text("Enter the priority's title").is_visible()
    check_both_widths(page, axe, "the priority form with an error")
    page.get_by_label("Title").fill("Young people are ready for adulthood")
    page.get_by_role("button", name="Add the priority").click()
    assert page.get_by_role("heading", name="Young people are ready for adulthood").is_visible()
