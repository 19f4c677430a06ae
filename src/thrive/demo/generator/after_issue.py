"""The life of a synthetic EHC plan after it is issued: annual reviews (with the reviews
brought forward for a transfer between phases), amendments, the decision to cease, and the
family's mediation and appeals to the SEND Tribunal.

Pure Python and deterministic: each child's life after issue comes from its own random
stream, seeded by the area's seed and the child's number, apart from the streams that draw
the child and their documents, so adding it changed no other draw. Every statutory date
comes from `thrive.law.reviews`; the shares are calibrated where DfE publishes them
(`calibration.json`: annual_reviews, ceased, appeals) and assumptions otherwise, kept below.
"""

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final, NamedTuple

from thrive.demo.calibration import Calibration
from thrive.law import reviews as law
from thrive.law.clock import Event, EventKind
from thrive.law.codes import age_on

K = EventKind

# --- Assumptions (DfE publishes no national figure) ------------------------------------
REVIEW_HELD_LATE: Final = 0.15  # meetings up to 6 weeks after the due date (besides missed ones)
INVITATIONS_LATE: Final = 0.15  # invitations sent less than 2 weeks before the meeting
REPORT_LATE: Final = 0.2  # reports circulated more than 2 weeks after the meeting
SCHEDULED_WEEKS: Final = (4, 10)  # a meeting is booked this many weeks before it
PFA_RECORDED: Final = 0.85  # reviews from Year 9 with preparing for adulthood written up
AMENDED_FINAL_IN_TIME: Final = 0.8  # within reg. 22(3)'s 8 weeks
TRANSFER_REVIEWED_EARLY: Final = 0.9  # transfer reviews brought forward to meet reg. 18(1)
TRANSFER_FINAL_IN_TIME: Final = 0.85  # of those, amended by 15 February or 31 March
#: Appeals by subject when a final or amended plan is appealed: section I, or B and F.
FINAL_APPEAL_SUBJECTS: Final = (("setting_named", "plan_content"), (0.5, 0.5))
REFUSAL_TO_AMEND_ODDS: Final = 0.3  # a "keep" decision is appealed this much less often
SETTING_ONLY_WITHOUT_MEDIATION: Final = 0.5  # no certificate needed for section I alone
MEDIATION_ONLY: Final = 0.4  # mediations that settle without an appeal, per appeal
CERTIFICATES: Final = (("declined", "mediation_ended", "not_arranged"), (0.7, 0.25, 0.05))
APPEAL_IN_TIME: Final = 0.92  # registered by `law.appeal_deadline`; late ones admitted
APPEAL_OUTCOMES: Final = (
    ("upheld", "partly_upheld", "conceded", "withdrawn", "dismissed"),
    (0.45, 0.12, 0.18, 0.2, 0.05),
)

#: The transfers between phases (year group before the move): nursery, Year 6, Year 11.
TRANSFER_YEARS: Final = frozenset({-1, 6, 11})
_AFTER_STREAM: Final = 2 << 80  # contents use 1 << 80; the child itself none
_REVIEW_GAP: Final = 150  # days: a review is never held this soon after the last one
#: Days from the plan being made before its first review is in the records (~10 months).
FIRST_REVIEW_AFTER: Final = 300
#: The latest a decision is notified, in days after the meeting: so an open review is for
#: a meeting to come or one held in the last 3 months.
_RECENT: Final = 91


class PlannedReview(NamedTuple):
    meeting_on: date
    scheduled_on: date
    invitations_sent_on: date | None
    report_circulated_on: date | None
    decision: str  # plans.ReviewDecision value, "" while open
    decision_notified_on: date | None
    pfa: tuple[str, str, str, str, str]  # AnnualReview.PREPARATION_FOR_ADULTHOOD, in order
    amended_draft_on: date | None  # the draft amended plan, for "amend"
    amended_final_on: date | None
    transfer: bool  # brought forward (or held) for a transfer between phases


class PlannedCessation(NamedTuple):
    reason: str  # codes.CEASE_REASONS
    ground: str  # law.CeaseGround value, "" for deceased
    reasons_given: str
    consulted_on: date | None
    notified_on: date
    ceases_on: date
    review: int | None  # position in AfterIssue.reviews
    withdrawn_on: date | None = None
    withdrawn_why: str = ""


class PlannedMediation(NamedTuple):
    subject: str  # disputes.Subject value
    decision_letter_on: date
    adviser_contacted_on: date
    held_on: date | None
    outcome: str
    certificate_on: date | None
    certificate_kind: str


class PlannedAppeal(NamedTuple):
    subject: str
    decision_letter_on: date
    mediation: int | None  # position in AfterIssue.mediations
    registered_on: date
    hearing_on: date | None
    outcome: str  # "" while open
    outcome_on: date | None


class AfterIssue(NamedTuple):
    reviews: tuple[PlannedReview, ...] = ()
    cessation: PlannedCessation | None = None
    mediations: tuple[PlannedMediation, ...] = ()
    appeals: tuple[PlannedAppeal, ...] = ()


#: A child with no plan issued, or none of these yet.
NOTHING_AFTER: Final = AfterIssue()


@dataclass(frozen=True)
class AfterOdds:
    """The calibrated shares the life after issue draws from."""

    no_meeting: float
    decided_within_4_weeks: float
    outcomes: tuple[tuple[str, ...], tuple[float, ...]]
    cease_reasons: dict[str, float]
    ceased_per_year: float  # outside reviews: the published share less the reviews' ceasing
    appeal: float

    @classmethod
    def from_calibration(cls, calibration: Calibration) -> "AfterOdds":
        reviews = calibration.data["annual_reviews"]
        outcomes = calibration.weights("annual_reviews", "outcomes")
        ceased = calibration.share("ceased", "per_plan_per_year")
        at_reviews = float(reviews["held"]) * outcomes.get("cease", 0.0)
        return cls(
            no_meeting=float(reviews["no_meeting"]),
            decided_within_4_weeks=float(reviews["decided_within_4_weeks"]),
            outcomes=(tuple(outcomes), tuple(outcomes.values())),
            cease_reasons=calibration.weights("ceased", "reasons"),
            ceased_per_year=max(0.0, ceased - at_reviews),
            appeal=calibration.share("appeals", "per_appealable_decision"),
        )


_DAY: Final = timedelta(days=1)

_PFA: Final = (
    (
        "Wants to work with animals; work experience at a farm park is being arranged.",
        "Interested in catering; will try a taster course at the local college.",
        "Talked about a supported internship after college; careers adviser to meet them.",
        "Not sure yet about work; keen on computers and would like to learn more.",
    ),
    (
        "Practising travelling to school on the bus with an adult nearby.",
        "Learning to make simple meals and manage pocket money at home.",
        "Would like to live with friends one day; working on budgeting skills.",
        "Managing their own timetable with a visual planner.",
    ),
    (
        "Goes to a youth club on Fridays and has made two friends there.",
        "Would like to join a sports club; family looking at local options.",
        "Spends breaks with a small group; finds large groups hard.",
        "Volunteers at a community garden with support.",
    ),
    (
        "Health needs stable; will start to attend appointments with less help from family.",
        "Sleep has improved; continues to see the school nurse each term.",
        "Learning to explain their own needs to a doctor.",
        "Moving from children's to adult health services will be planned at 17.",
    ),
    (
        "Next review to look at post-16 options and visits to two colleges.",
        "Transition plan agreed: college taster days in the summer term.",
        "Planning for the move to adult services to start next year.",
        "Careers guidance and college visits in the coming year.",
    ),
)

REASONS_GIVEN: Final = {
    "1": "The young person reaches the end of the academic year in which they turn 25.",
    "2": "Their needs are now met from the support the college makes available, without a plan.",
    "3": "The young person has started a course of higher education.",
    "4": "The young person has started paid employment.",
    "5": "The family has moved to another local authority in England, which now "
    "maintains the plan.",
    "6": "The young person, aged 18 or over, no longer wishes to take part in education "
    "or training.",
    "7": "The family has moved to live outside England.",
    "8": "We are very sorry: the child has died. The plan lapses.",
    "9": "After the review, the plan is no longer necessary to meet the child's needs.",
}
#: Reasons a review meeting may lead to (the others happen between reviews).
_AT_REVIEW: Final = frozenset({"1", "2", "3", "4", "6", "9"})
_NOT_CONSULTED: Final = frozenset({"5", "7", "8"})
#: Reasons a family may dispute (a move, a death or the age limit are facts).
_CONTESTED: Final = frozenset({"2", "3", "4", "6", "9"})


def _stream(seed: int, number: int) -> random.Random:
    return random.Random(_AFTER_STREAM | (seed << 40) | number)


def _pick(rng: random.Random, weights: tuple[tuple[str, ...], tuple[float, ...]]) -> str:
    return rng.choices(*weights)[0]


def _allowed(reason: str, age: int) -> bool:
    if reason == "1":
        return age == 25
    if reason in ("3", "4", "6"):
        return age >= 16
    return True


def _reason(rng: random.Random, odds: AfterOdds, born: date, on: date, *, at_review: bool) -> str:
    age = age_on(born, on)
    weights = {
        code: share
        for code, share in odds.cease_reasons.items()
        if _allowed(code, age) and (code in _AT_REVIEW or not at_review)
    }
    if not weights:
        return "9"
    return rng.choices(tuple(weights), tuple(weights.values()))[0]


def _turns_25(born: date) -> date:
    return date(born.year + 25, born.month, 28 if (born.month, born.day) == (2, 29) else born.day)


def _year_25_ends(born: date) -> date:
    """The last day of the academic year in which the young person turns 25 (s.45)."""
    return date(law.academic_year_starting(_turns_25(born)) + 1, 8, 31)


def _cessation(
    rng: random.Random, reason: str, notified: date, review: int | None
) -> PlannedCessation:
    ground = law.cease_ground(reason)
    if reason == "9":
        ground = law.CeaseGround.NO_LONGER_NECESSARY
    # Maintained through the last day to appeal; ceased the day after (as `plan_cease`).
    after_window = law.cessation_notice(notified).maintained_until_at_least + _DAY
    ceases = notified if reason == "8" else after_window
    consulted = None if reason in _NOT_CONSULTED else notified - rng.randrange(7, 36) * _DAY
    return PlannedCessation(
        reason=reason,
        ground="" if ground is None else ground.value,
        reasons_given=REASONS_GIVEN[reason],
        consulted_on=consulted,
        notified_on=notified,
        ceases_on=ceases,
        review=review,
    )


def _ceased_between_reviews(
    rng: random.Random, odds: AfterOdds, made: date, born: date, today: date
) -> tuple[str, date] | None:
    """The first decision to cease outside a review, if any: a yearly chance from the plan
    being made, and the end of the year the young person turns 25."""
    ends = _year_25_ends(born)
    start = made
    while start <= today:
        if rng.random() < odds.ceased_per_year:
            on = start + rng.randrange(365) * _DAY
            if on <= today:
                return _reason(rng, odds, born, on, at_review=False), on
        start += 365 * _DAY
    notified = max(ends - rng.randrange(60, 150) * _DAY, _turns_25(born))
    if made < notified <= today:
        return "1", notified
    return None


def _transfer_review_by(born: date, meeting: date) -> date | None:
    """The reg. 18(1) day for a transfer at the end of the school year the meeting is in."""
    if meeting < born:
        return None
    transfer = law.upcoming_phase_transfer(meeting, born)
    if transfer is None or transfer.from_year not in TRANSFER_YEARS:
        return None
    return transfer.review_by


def _meeting_day(rng: random.Random, odds: AfterOdds, due: date, earliest: date) -> date:
    draw = rng.random()
    if draw < odds.no_meeting:  # missed: held long after, if ever
        day = due + round(rng.triangular(30, 240, 60)) * _DAY
    elif draw < odds.no_meeting + REVIEW_HELD_LATE:
        day = due + rng.randrange(1, 46) * _DAY
    else:
        day = due - round(rng.triangular(0, 60, 10)) * _DAY
    return max(day, earliest)


def _pfa(rng: random.Random, born: date, meeting: date) -> tuple[str, str, str, str, str]:
    # From Year 9 (regs 20(6), 21(6)), as `law.review_meeting_timetable` judges it.
    year = law.national_curriculum_year(born, meeting)
    if year < law.PREPARATION_FOR_ADULTHOOD_FROM_YEAR or rng.random() >= PFA_RECORDED:
        return ("", "", "", "", "")
    picked = tuple(rng.choice(texts) for texts in _PFA)
    return picked[0], picked[1], picked[2], picked[3], picked[4]


def _amendment(
    rng: random.Random, notified: date, today: date, review_by: date | None
) -> tuple[date | None, date | None]:
    """The draft amended plan some days after the decision, and the final amended plan:
    within 8 weeks of the draft mostly (reg. 22(3)), and by the reg. 18(1) day for most
    transfers; None for a step still to come."""
    drafted = notified + rng.randrange(1, 22) * _DAY
    if drafted > today:
        return None, None
    by = law.amendment_timetable(drafted).amended_plan_by
    if review_by is not None and review_by > drafted and rng.random() < TRANSFER_FINAL_IN_TIME:
        span = (min(by, review_by) - drafted).days
        final = drafted + rng.randrange(min(15, span), span + 1) * _DAY
    elif review_by is not None:
        final = max(review_by, drafted) + rng.randrange(1, 45) * _DAY  # late for the transfer
    elif rng.random() < AMENDED_FINAL_IN_TIME:
        final = drafted + rng.randrange(15, (by - drafted).days + 1) * _DAY
    else:
        final = by + rng.randrange(1, 64) * _DAY
    return drafted, (final if final <= today else None)


def _reviews(
    rng: random.Random,
    odds: AfterOdds,
    *,
    made: date,
    born: date,
    today: date,
    stop: date | None,
    before: Sequence[PlannedReview] = (),
    not_before: date | None = None,
) -> tuple[list[PlannedReview], int | None]:
    """Reviews from the plan being made until ``stop`` (a decision to cease between
    reviews) or today; and the position of a review that decided to cease, if one did.
    Given the reviews ``before``, carries on after them, with no meeting before
    ``not_before`` and no decision to cease (the plan's one decision was withdrawn)."""
    reviews = list(before)
    last = reviews[-1].meeting_on if reviews else None
    # The last amended plan (or a withdrawn decision to cease): the next review comes after.
    amended = max([made, *(r.amended_final_on for r in reviews if r.amended_final_on)])
    if not_before is not None:
        amended = max(amended, not_before)
    while True:
        due = law.annual_review_due(made, born, last).due_by
        earliest = max((last or made) + _REVIEW_GAP * _DAY, amended + 14 * _DAY)
        meeting = _meeting_day(rng, odds, due, earliest)
        review_by = _transfer_review_by(born, meeting)
        if review_by is None:  # a transfer at the end of the school year before the due day?
            review_by = _transfer_review_by(born, due)
            if review_by is not None and meeting <= review_by - timedelta(days=70):
                review_by = None  # the usual meeting is early enough
        transfer = review_by is not None and rng.random() < TRANSFER_REVIEWED_EARLY
        if transfer and review_by is not None:
            early = review_by - round(rng.triangular(90, 190, 130)) * _DAY
            if early >= earliest:
                meeting = min(meeting, early)
            else:
                transfer = False
        scheduled = meeting - rng.randrange(SCHEDULED_WEEKS[0] * 7, SCHEDULED_WEEKS[1] * 7) * _DAY
        if (
            scheduled > today
            or (stop is not None and meeting >= stop - 30 * _DAY)
            or (not reviews and today < made + FIRST_REVIEW_AFTER * _DAY)
        ):
            return reviews, None
        invitations = (
            meeting
            - (rng.randrange(3, 14) if rng.random() < INVITATIONS_LATE else rng.randrange(14, 29))
            * _DAY
        )
        report = (
            meeting
            + (rng.randrange(15, 36) if rng.random() < REPORT_LATE else rng.randrange(2, 15)) * _DAY
        )
        if rng.random() < odds.decided_within_4_weeks:
            notified = meeting + rng.randrange(5, 29) * _DAY
        else:
            notified = meeting + round(rng.triangular(29, _RECENT, 40)) * _DAY
        decision = "amend" if transfer else _pick(rng, odds.outcomes)
        if decision == "cease" and before:
            decision = "keep"
        report = min(report, notified)
        pfa = _pfa(rng, born, meeting)
        is_open = notified > today or (stop is not None and notified >= stop)
        if is_open:
            if stop is not None:
                return reviews, None
            reviews.append(
                PlannedReview(
                    meeting, scheduled, invitations if invitations <= today else None,
                    report if report <= today else None, "", None,
                    pfa if meeting <= today else ("", "", "", "", ""), None, None, transfer,
                )
            )  # fmt: skip
            return reviews, None
        drafted = final = None
        if decision == "amend":
            drafted, final = _amendment(rng, notified, today, review_by if transfer else None)
        reviews.append(
            PlannedReview(
                meeting, scheduled, invitations, report, decision, notified, pfa, drafted,
                final, transfer,
            )
        )  # fmt: skip
        if decision == "cease":
            return reviews, len(reviews) - 1
        if decision == "amend" and final is None:
            return reviews, None  # the amendment is still under way
        last = meeting
        amended = final or amended


# --- Mediation and appeals -------------------------------------------------------------


class _Decision(NamedTuple):
    subject: str  # or "final": the subject drawn from FINAL_APPEAL_SUBJECTS
    letter_on: date
    odds: float  # times the calibrated rate


def _appealable(
    events: Sequence[Event], final_on: date | None, reviews: Sequence[PlannedReview],
    cessation: PlannedCessation | None,
) -> list[_Decision]:  # fmt: skip
    decisions = []
    for e in events:
        if e.kind is K.DECISION_TO_ASSESS and e.outcome is False:
            decisions.append(_Decision("refusal_to_assess", e.on, 1.0))
        elif e.kind is K.DECISION_TO_ISSUE and e.outcome is False:
            decisions.append(_Decision("refusal_to_issue", e.on, 1.0))
    if final_on is not None:
        decisions.append(_Decision("final", final_on, 1.0))
    for r in reviews:
        if r.amended_final_on is not None:
            decisions.append(_Decision("final", r.amended_final_on, 1.0))
        elif r.decision == "keep" and r.decision_notified_on is not None:
            decisions.append(
                _Decision("refusal_to_amend", r.decision_notified_on, REFUSAL_TO_AMEND_ODDS)
            )
    if cessation is not None and cessation.reason in _CONTESTED:
        decisions.append(_Decision("ceasing", cessation.notified_on, 1.0))
    return decisions


def _mediation(
    rng: random.Random, subject: str, letter: date, *, settled: bool
) -> PlannedMediation:
    contacted = letter + round(rng.triangular(3, 58, 20)) * _DAY
    if settled:
        met = contacted + rng.randrange(14, 31) * _DAY
        return PlannedMediation(
            subject, letter, contacted, met, "agreed", met + rng.randrange(1, 4) * _DAY,
            "mediation_ended",
        )  # fmt: skip
    kind = _pick(rng, CERTIFICATES)
    held: date | None = None
    outcome = ""
    if kind == "mediation_ended":
        held = contacted + rng.randrange(14, 31) * _DAY
        outcome = "not_agreed" if rng.random() < 0.7 else "partly_agreed"
        certificate = held + rng.randrange(1, 4) * _DAY
    elif kind == "not_arranged":
        certificate = contacted + rng.randrange(30, 34) * _DAY
    else:
        certificate = contacted + rng.randrange(1, 4) * _DAY
    return PlannedMediation(subject, letter, contacted, held, outcome, certificate, kind)


def _appeal(
    rng: random.Random, subject: str, letter: date, mediation: int | None,
    certificate: date | None, today: date,
) -> PlannedAppeal | None:  # fmt: skip
    deadline = law.appeal_deadline(letter, certificate).last_day
    start = (certificate or letter) + 3 * _DAY
    if rng.random() < APPEAL_IN_TIME and start < deadline:
        registered = start + rng.randrange((deadline - start).days + 1) * _DAY
    else:
        registered = deadline + rng.randrange(1, 41) * _DAY
    if registered > today:
        return None
    hearing = registered + round(rng.triangular(100, 320, 190)) * _DAY
    outcome = _pick(rng, APPEAL_OUTCOMES)
    if outcome in ("conceded", "withdrawn"):
        decided = registered + rng.randrange(30, max(31, (hearing - registered).days - 7)) * _DAY
    else:
        decided = hearing + rng.randrange(7, 22) * _DAY
    if decided > today:
        return PlannedAppeal(subject, letter, mediation, registered, hearing, "", None)
    return PlannedAppeal(subject, letter, mediation, registered, hearing, outcome, decided)


def _disputes(
    rng: random.Random, odds: AfterOdds, decisions: Sequence[_Decision], today: date
) -> tuple[list[PlannedMediation], list[PlannedAppeal]]:
    mediations: list[PlannedMediation] = []
    appeals: list[PlannedAppeal] = []
    for d in decisions:
        if d.letter_on > today:
            continue
        draw = rng.random()
        appealed = draw < odds.appeal * d.odds
        settled = not appealed and draw < odds.appeal * d.odds * (1 + MEDIATION_ONLY)
        if not (appealed or settled):
            continue
        subject = _pick(rng, FINAL_APPEAL_SUBJECTS) if d.subject == "final" else d.subject
        if settled:
            mediation = _mediation(rng, subject, d.letter_on, settled=True)
            if mediation.certificate_on is not None and mediation.certificate_on <= today:
                mediations.append(mediation)
            continue
        position = certificate = None
        if not (subject == "setting_named" and rng.random() < SETTING_ONLY_WITHOUT_MEDIATION):
            mediation = _mediation(rng, subject, d.letter_on, settled=False)
            if mediation.adviser_contacted_on > today:
                continue
            if mediation.certificate_on is None or mediation.certificate_on > today:
                mediations.append(mediation._replace(certificate_on=None, certificate_kind="",
                                                     held_on=None, outcome=""))  # fmt: skip
                continue
            mediations.append(mediation)
            position, certificate = len(mediations) - 1, mediation.certificate_on
        appeal = _appeal(rng, subject, d.letter_on, position, certificate, today)
        if appeal is not None:
            appeals.append(appeal)
    return mediations, appeals


_WITHDRAWN_BY_TRIBUNAL: Final = "The Tribunal ordered the plan to be maintained."
_WITHDRAWN_BY_COUNCIL: Final = "The council conceded the appeal and will keep the plan."


def _after_appeals(
    cessation: PlannedCessation, appeals: Sequence[PlannedAppeal]
) -> PlannedCessation:
    """A ceasing appeal keeps the plan in force until it is decided; one decided for the
    family withdraws the decision to cease."""
    for a in appeals:
        if a.subject != "ceasing":
            continue
        if a.outcome in ("upheld", "partly_upheld", "conceded") and a.outcome_on is not None:
            why = _WITHDRAWN_BY_COUNCIL if a.outcome == "conceded" else _WITHDRAWN_BY_TRIBUNAL
            return cessation._replace(withdrawn_on=a.outcome_on, withdrawn_why=why)
        until = a.outcome_on or a.hearing_on or cessation.ceases_on
        return cessation._replace(ceases_on=max(cessation.ceases_on, until))
    return cessation


def _until(review: PlannedReview, stop: date) -> PlannedReview:
    if review.amended_draft_on is not None and review.amended_draft_on >= stop:
        return review._replace(amended_draft_on=None, amended_final_on=None)
    if review.amended_final_on is not None and review.amended_final_on >= stop:
        return review._replace(amended_final_on=None)
    return review


def _resumed(
    rng: random.Random, odds: AfterOdds, made: date, born: date, today: date,
    reviews: Sequence[PlannedReview], withdrawn: date,
) -> list[PlannedReview]:  # fmt: skip
    """The plan goes on after its decision to cease is withdrawn: an amendment cut short is
    finished, and the reviews carry on."""
    reviews = list(reviews)
    if reviews and reviews[-1].amended_draft_on and reviews[-1].amended_final_on is None:
        final = withdrawn + rng.randrange(14, 57) * _DAY
        if final > today:
            return reviews
        reviews[-1] = reviews[-1]._replace(amended_final_on=final)
    more, _ = _reviews(
        rng, odds, made=made, born=born, today=today, stop=None, before=reviews,
        not_before=withdrawn,
    )  # fmt: skip
    return more


def plan_after_issue(
    odds: AfterOdds,
    *,
    seed: int,
    number: int,
    born: date,
    events: Sequence[Event],
    final_on: date | None,
    today: date,
) -> AfterIssue:
    """Child ``number``'s reviews, amendments, decision to cease and disputes."""
    rng = _stream(seed, number)
    reviews: list[PlannedReview] = []
    cessation = None
    if final_on is not None:
        between = _ceased_between_reviews(rng, odds, final_on, born, today)
        stop = None if between is None else between[1]
        reviews, ceasing = _reviews(rng, odds, made=final_on, born=born, today=today, stop=stop)
        if ceasing is not None:
            review = reviews[ceasing]
            assert review.decision_notified_on is not None
            reason = _reason(rng, odds, born, review.decision_notified_on, at_review=True)
            cessation = _cessation(rng, reason, review.decision_notified_on, ceasing)
            if reason not in _NOT_CONSULTED:
                cessation = cessation._replace(consulted_on=review.meeting_on)
        elif between is not None:
            cessation = _cessation(rng, between[0], between[1], None)
        if stop is not None:  # ceased between reviews: no amended plan after the decision
            reviews = [_until(r, stop) for r in reviews]
    decisions = _appealable(events, final_on, reviews, cessation)
    mediations, appeals = _disputes(rng, odds, decisions, today)
    if cessation is not None:
        cessation = _after_appeals(cessation, appeals)
        if final_on is not None and cessation.withdrawn_on is not None:
            reviews = _resumed(rng, odds, final_on, born, today, reviews, cessation.withdrawn_on)
    return AfterIssue(tuple(reviews), cessation, tuple(mediations), tuple(appeals))
