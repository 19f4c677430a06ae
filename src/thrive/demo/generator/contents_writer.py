"""Writing each batch's advice, plans and family contributions, in bulk like the cases
(`tables.Table`): requests for advice with their items and the access they grant, EHC plans
with their draft and final versions, every need, outcome and provision and the links
between them, and the family's views and responses; then the plan's life after issue:
annual reviews, amended plans, the decision to cease, mediation and appeals."""

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any, Final, NamedTuple

from django.db import connection, models

from thrive.advice.models import AdviceItem, AdviceRequest
from thrive.assessments.models import CaseAccess
from thrive.disputes.models import Appeal, Mediation
from thrive.forecasting.categories import CATEGORY_NCYS, setting_category
from thrive.plans.models import EhcPlan, Need, Outcome, PlanVersion, Provision, VersionKind
from thrive.plans.models_reviews import AnnualReview, Cessation
from thrive.portal.models import DraftResponse, FamilyViews

from .contents import age_placement_type
from .inboxes import SettingInboxes
from .plan import PlannedChild
from .records import TO_PRACTITIONER, TO_SETTING, PlannedPlan
from .register import Register
from .school import school_year
from .tables import Table, column, through

Row = tuple[Any, ...]
#: Who held the case on a day: (child, day) -> user id.
Holder = Callable[[PlannedChild, date], int]

MODELS = (
    AdviceRequest, AdviceItem, CaseAccess, EhcPlan, PlanVersion, Need, Outcome, Provision,
    Outcome.needs.through, Provision.outcomes.through, PlanVersion.advice.through,
    FamilyViews, DraftResponse, AnnualReview, Cessation, Mediation, Appeal,
)  # fmt: skip


class Ranges(NamedTuple):
    """Where one version's items are: (first id, how many) in each table, in `_COPIED`
    order."""

    needs: tuple[int, int]
    outcomes: tuple[int, int]
    provisions: tuple[int, int]
    outcome_needs: tuple[int, int]
    provision_outcomes: tuple[int, int]


#: A batch's copies of items (SQLite): for each new version, and for each of the tables in
#: `Ranges` order, the first and last source id and the shift to the new ids.
_COPIES: Final = "demo_item_copies"
_COPY_COLUMNS: Final = (
    "version",
    *(f"{t}_{end}" for t in ("n", "o", "p", "on", "po") for end in ("first", "last", "shift")),
)


_NEED_FIELDS: Final = ("version", "key", "section", "text", "order")
_OUTCOME_FIELDS: Final = (
    "version", "key", "text", "time_frame", "achieve_by", "adulthood_area", "order",
)  # fmt: skip
_PROVISION_FIELDS: Final = (
    "version", "key", "section", "what", "who", "how_often", "how_long", "group_size", "order",
)  # fmt: skip


def _copy_sql(
    model: type[models.Model], fields: Sequence[str], table: str, shifted: dict[str, str]
) -> str:
    """INSERT ... SELECT the rows of ``table`` (named by ``_COPY_COLUMNS`` prefix) in each
    copy's source range, with new ids; ``shifted`` maps a field to the prefix whose shift
    moves it (a reference to a copied row), and "version" takes the copy's version."""
    quote = connection.ops.quote_name
    names = [quote(column(model, f)) for f in ("id", *fields)]
    values = [f"x.{quote('id')} + c.{table}_shift"]
    for field, name in zip(fields, names[1:], strict=True):
        if field == "version":
            values.append("c.version")
        elif field in shifted:
            values.append(f"x.{name} + c.{shifted[field]}_shift")
        else:
            values.append(f"x.{name}")
    # CROSS JOIN: SQLite walks the copies and reads each source range by its ids.
    return (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(names)}) "  # noqa: S608
        f"SELECT {', '.join(values)} FROM {_COPIES} c CROSS JOIN "
        f"{quote(model._meta.db_table)} x WHERE x.{quote('id')} "
        f"BETWEEN c.{table}_first AND c.{table}_last"
    )


class ContentWriter:
    def __init__(
        self,
        *,
        day: Callable[[date | None], Any],
        moment: Callable[[date], Any],
        register: Register,
        setting_ids: Sequence[int],
        inboxes: SettingInboxes,
        services: Mapping[str, int],
        staff: Mapping[str, Sequence[int]],
        practitioner: int | None,
        family: Mapping[str, int],
    ) -> None:
        self.day, self.moment = day, moment
        self.register, self.setting_ids = register, setting_ids
        self.inboxes, self.services, self.staff = inboxes, services, staff
        self.practitioner = practitioner  # the demo educational psychologist
        self.family = family  # featured.DemoCase value -> the family sign-in's user id
        self.requests = Table(
            AdviceRequest,
            ("case", "contributor", "practitioner", "organisation", "question", "requested_on",
             "requested_by", "withdrawn_on", "submitted_at", "submitted_by", "summary",
             "document"),
        )  # fmt: skip
        self.items = Table(AdviceItem, ("request", "kind", "text", "order"))
        self.access = Table(
            CaseAccess, ("case", "user", "organisation", "granted_by", "granted_at", "ended_at")
        )
        self.plans = Table(EhcPlan, ("case", "created_at"))
        self.versions = Table(
            PlanVersion,
            ("plan", "number", "kind", "based_on", "created_by", "created_at", "issued_on",
             "issued_by", "issued_at", "views_child", "views_family", "interests", "aspirations",
             "history", "placement_setting", "placement_type", "personal_budget",
             "direct_payments", "review"),
        )  # fmt: skip
        self.needs = Table(Need, _NEED_FIELDS)
        self.outcomes = Table(Outcome, _OUTCOME_FIELDS)
        self.provisions = Table(Provision, _PROVISION_FIELDS)
        self.outcome_needs = Table(*through(Outcome._meta.get_field("needs")))
        self.provision_outcomes = Table(*through(Provision._meta.get_field("outcomes")))
        self.version_advice = Table(*through(PlanVersion._meta.get_field("advice")))
        self.views = Table(
            FamilyViews,
            ("case", "given_by", "on_behalf_method", "given_at", "about_me", "important_to_me",
             "hard_for_me", "support_me", "hopes"),
        )  # fmt: skip
        self.responses = Table(
            DraftResponse,
            ("version", "given_by", "on_behalf_method", "given_at", "comments",
             "requested_setting", "wants_meeting"),
        )  # fmt: skip
        self._copied = (
            self.needs, self.outcomes, self.provisions, self.outcome_needs,
            self.provision_outcomes,
        )  # fmt: skip
        self._copies: list[tuple[int, ...]] = []
        outcome_needs = through(Outcome._meta.get_field("needs"))
        provision_outcomes = through(Provision._meta.get_field("outcomes"))
        self._copy_sql = (
            _copy_sql(Need, _NEED_FIELDS, "n", {}),
            _copy_sql(Outcome, _OUTCOME_FIELDS, "o", {}),
            _copy_sql(Provision, _PROVISION_FIELDS, "p", {}),
            _copy_sql(*outcome_needs, "on", dict(zip(outcome_needs[1], ("o", "n"), strict=True))),
            _copy_sql(
                *provision_outcomes, "po",
                dict(zip(provision_outcomes[1], ("p", "o"), strict=True)),
            ),
        )  # fmt: skip
        self.reviews = Table(
            AnnualReview,
            ("plan", "meeting_on", "scheduled_by", "invitations_sent_on", "report_circulated_on",
             "decision", "decision_notified_on", "notes", *AnnualReview.PREPARATION_FOR_ADULTHOOD,
             "created_at", "updated_at"),
        )  # fmt: skip
        self.cessations = Table(
            Cessation,
            ("plan", "review", "reason", "ground", "reasons_given", "consulted_on", "notified_on",
             "ceases_on", "withdrawn_on", "withdrawn_why", "recorded_by", "created_at"),
        )  # fmt: skip
        self.mediations = Table(
            Mediation,
            ("case", "subject", "decision_letter_on", "adviser_contacted_on", "mediation_held_on",
             "outcome", "certificate_issued_on", "certificate_kind", "recorded_by", "created_at",
             "updated_at"),
        )  # fmt: skip
        self.appeals = Table(
            Appeal,
            ("case", "subject", "decision_letter_on", "mediation", "registered_on", "hearing_on",
             "outcome", "outcome_on", "recorded_by", "created_at", "updated_at"),
        )  # fmt: skip

    def write(self, pairs: Sequence[tuple[PlannedChild, int]], holder: Holder) -> None:
        """Write the contents of a batch of children, each with their case's id."""
        self._ensure_setting_inboxes(pairs)
        advice_ids = self._write_advice(pairs, holder)
        drafts = self._write_plans(pairs, holder, advice_ids)
        self._write_family(pairs, holder, drafts)
        self._write_disputes(pairs, holder)

    # --- Advice ----------------------------------------------------------------------------

    def _ensure_setting_inboxes(self, pairs: Sequence[tuple[PlannedChild, int]]) -> None:
        wanted: dict[int, tuple[Any, date]] = {}
        for c, _ in pairs:
            for a in c.advice:
                if a.recipient == TO_SETTING and c.setting is not None:
                    setting_id = self.setting_ids[c.setting]
                    if setting_id not in wanted or a.requested_on < wanted[setting_id][1]:
                        wanted[setting_id] = (self.register.settings[c.setting], a.requested_on)
        self.inboxes.ensure(wanted)

    def _addressed(
        self, c: PlannedChild, recipient: str, contributor: str, submitter: int
    ) -> tuple[int | None, int | None, int]:
        """(practitioner, inbox, who submitted the advice) for a request."""
        if recipient == TO_PRACTITIONER and self.practitioner is not None:
            return self.practitioner, None, self.practitioner
        if recipient == TO_SETTING and c.setting is not None:
            inbox, senco = self.inboxes.by_setting[self.setting_ids[c.setting]]
            return None, inbox, senco
        staff = self.staff[contributor]
        return None, self.services[contributor], staff[submitter % len(staff)]

    def _write_advice(
        self, pairs: Sequence[tuple[PlannedChild, int]], holder: Holder
    ) -> dict[int, list[int]]:
        """Requests, their items and the access they grant: {case id: request ids}."""
        day, moment = self.day, self.moment
        next_id = self.requests.reserve(sum(len(c.advice) for c, _ in pairs))
        requests: list[Row] = []
        items: list[tuple[int, str, str, int]] = []
        access: list[Row] = []
        ids: dict[int, list[int]] = {}
        for c, case_id in pairs:
            if not c.advice:
                continue
            ids[case_id] = case_ids = []
            # (user, inbox) -> [first asked, asked by, withdrawn on (None once one is not)]
            recipients: dict[tuple[int | None, int | None], list[Any]] = {}
            for a in c.advice:
                practitioner, inbox, submitter = self._addressed(
                    c, a.recipient, a.contributor, a.submitter
                )
                officer = holder(c, a.requested_on)
                received = a.received_on
                requests.append((
                    next_id, case_id, a.contributor, practitioner, inbox, a.question,
                    day(a.requested_on), officer, day(a.withdrawn_on),
                    None if received is None else moment(received),
                    None if received is None else submitter, a.summary, "",
                ))  # fmt: skip
                kind, order = "", 0
                for item_kind, text in a.items:
                    order = order + 1 if item_kind == kind else 0
                    kind = item_kind
                    items.append((next_id, item_kind, text, order))
                case_ids.append(next_id)
                next_id += 1
                held = recipients.setdefault((practitioner, inbox), [a.requested_on, officer, None])
                held[2] = a.withdrawn_on if a.withdrawn_on and held[2] is not False else False
            for (user, inbox), (since, officer, ended) in recipients.items():
                access.append((case_id, user, inbox, officer, moment(since),
                               moment(ended) if ended else None))  # fmt: skip
        self.requests.write(requests)
        self.items.insert(items)
        self.access.insert(access)
        return ids

    # --- Plans -----------------------------------------------------------------------------

    def _write_plans(
        self,
        pairs: Sequence[tuple[PlannedChild, int]],
        holder: Holder,
        advice_ids: Mapping[int, list[int]],
    ) -> dict[int, int]:
        """Each plan with its draft and final versions, its reviews and amended versions and
        any decision to cease: {case id: the draft's id}."""
        planned = [(c, case_id, c.plan) for c, case_id in pairs if c.plan is not None]
        plan_id = self.plans.reserve(len(planned))
        version_id = self.versions.reserve(
            sum(
                1 + (p.final_on is not None)
                + sum((r.amended_draft_on is not None) + (r.amended_final_on is not None)
                      for r in c.after.reviews)
                for c, _, p in planned
            )
        )  # fmt: skip
        review_id = self.reviews.reserve(sum(len(c.after.reviews) for c, _, _ in planned))
        plans: list[Row] = []
        versions: list[Row] = []
        drafts: dict[int, int] = {}
        for c, case_id, p in planned:
            plans.append((plan_id, case_id, self.moment(p.started_on)))
            draft = version_id
            drafts[case_id] = draft
            versions.append(self._version(c, p, draft, plan_id, None, holder))
            self._items(p, draft, [advice_ids[case_id][i] for i in p.draft_advice])
            version_id += 1
            if p.final_on is not None:
                final_advice = [advice_ids[case_id][i] for i in p.final_advice]
                versions.append(self._version(c, p, version_id, plan_id, draft, holder))
                ranges = self._items(p, version_id, final_advice)
                version_id += 1
                review_id, version_id = self._after_issue(
                    c, p, plan_id, review_id, version_id, (ranges, final_advice), versions,
                    holder,
                )  # fmt: skip
            plan_id += 1
        # Parents before the rows that refer to them: SQLite looks for the referring rows
        # of each new parent while any deferred reference is outstanding, without an index.
        self.plans.write(plans)
        self.reviews.flush(with_ids=True)
        self.versions.write(versions)
        self.cessations.flush(with_ids=False)
        for table in (
            self.needs, self.outcomes, self.provisions, self.outcome_needs,
            self.provision_outcomes,
        ):  # fmt: skip
            table.flush(with_ids=True)
        self._flush_copies()
        self.version_advice.flush(with_ids=False)
        return drafts

    def _after_issue(
        self,
        c: PlannedChild,
        p: PlannedPlan,
        plan_id: int,
        review_id: int,
        version_id: int,
        items: "tuple[Ranges, list[int]]",
        versions: list[Row],
        holder: Holder,
    ) -> tuple[int, int]:
        """The plan's reviews, each "amend" followed by a draft amended plan and its final
        (copies of the plan in force, items and keys kept), and any decision to cease.
        Returns the next review and version ids."""
        day, moment = self.day, self.moment
        source, advice = items  # the final plan's items: every amended version copies them
        in_force = version_id - 1  # the final plan
        number = 3
        reviews = self.reviews.pending
        ids = []
        for r in c.after.reviews:
            done = [d for d in (r.invitations_sent_on, r.report_circulated_on,
                                r.decision_notified_on) if d is not None]  # fmt: skip
            reviews.append((
                review_id, plan_id, day(r.meeting_on), holder(c, r.scheduled_on),
                day(r.invitations_sent_on), day(r.report_circulated_on), r.decision,
                day(r.decision_notified_on), "", *r.pfa, moment(r.scheduled_on),
                moment(max([r.scheduled_on, *done])),
            ))  # fmt: skip
            ids.append(review_id)
            if r.amended_draft_on is not None and r.decision_notified_on is not None:
                draft = version_id
                versions.append(self._row(
                    c, p, draft, plan_id, number, VersionKind.AMENDED_DRAFT, in_force,
                    r.decision_notified_on, r.amended_draft_on, holder, review=review_id,
                ))  # fmt: skip
                self._copy(p, source, draft, advice)
                version_id, number = version_id + 1, number + 1
                if r.amended_final_on is not None:
                    versions.append(self._row(
                        c, p, version_id, plan_id, number, VersionKind.AMENDED_FINAL, draft,
                        r.amended_draft_on, r.amended_final_on, holder,
                    ))  # fmt: skip
                    self._copy(p, source, version_id, advice)
                    in_force = version_id
                    version_id, number = version_id + 1, number + 1
            review_id += 1
        if (x := c.after.cessation) is not None:
            self.cessations.pending.append((
                plan_id, None if x.review is None else ids[x.review], x.reason, x.ground,
                x.reasons_given, day(x.consulted_on), day(x.notified_on), day(x.ceases_on),
                day(x.withdrawn_on), x.withdrawn_why, holder(c, x.notified_on),
                moment(x.notified_on),
            ))  # fmt: skip
        return review_id, version_id

    def _version(
        self,
        c: PlannedChild,
        p: PlannedPlan,
        version_id: int,
        plan_id: int,
        based_on: int | None,
        holder: Holder,
    ) -> Row:
        final = based_on is not None
        created = p.drafted_on if final else p.started_on
        issued = p.final_on if final else p.drafted_on
        assert issued is not None
        kind = VersionKind.FINAL if final else VersionKind.DRAFT
        return self._row(
            c, p, version_id, plan_id, 2 if final else 1, kind, based_on, created, issued, holder
        )

    def _row(
        self,
        c: PlannedChild,
        p: PlannedPlan,
        version_id: int,
        plan_id: int,
        number: int,
        kind: VersionKind,
        based_on: int | None,
        created: date,
        issued: date,
        holder: Holder,
        *,
        review: int | None = None,
    ) -> Row:
        setting = placement = None
        placement_type = ""
        if kind is not VersionKind.DRAFT:  # section I: the draft names no school (s.38(5))
            kind_now = (
                "" if c.setting is None else self.register.settings[c.setting].establishment_type
            )
            if c.setting is not None and _takes(kind_now, c.date_of_birth, issued):
                setting = self.setting_ids[c.setting]
                placement_type = kind_now
            else:
                # No setting today, or today's did not take children of their age when this
                # version was issued (a college, named in a plan issued at primary school):
                # the plan names the type of setting for their age then.
                placement_type = age_placement_type(c.date_of_birth, issued)
            placement = setting
        return (
            version_id, plan_id, number, kind.value, based_on, holder(c, created),
            self.moment(created), self.day(issued), holder(c, issued), self.moment(issued),
            p.views_child, p.views_family, p.interests, p.aspirations, p.history, placement,
            placement_type, p.personal_budget, p.direct_payments, review,
        )  # fmt: skip

    def _items(self, p: PlannedPlan, version: int, advice: list[int]) -> "Ranges":
        """A version's needs, outcomes and provisions, with the same keys in every version;
        returns where their rows are, for copies (`_copy`)."""
        day = self.day
        need_id = self.needs.reserve(len(p.needs))
        outcome_id = self.outcomes.reserve(len(p.outcomes))
        provision_id = self.provisions.reserve(len(p.provisions))
        outcome_needs = sum(len(o.needs) for o in p.outcomes)
        provision_outcomes = sum(len(x.outcomes) for x in p.provisions)
        outcome_need_id = self.outcome_needs.reserve(outcome_needs)
        provision_outcome_id = self.provision_outcomes.reserve(provision_outcomes)
        orders: dict[str, int] = {}
        needs = self.needs.pending
        for i, n in enumerate(p.needs):
            orders[n.section] = order = orders.get(n.section, 0) + 1
            needs.append((need_id + i, version, n.key, n.section, n.text, order))
        outcomes = self.outcomes.pending
        links = self.outcome_needs.pending
        link = outcome_need_id
        for i, o in enumerate(p.outcomes):
            outcomes.append((outcome_id + i, version, o.key, o.text, o.time_frame,
                             day(o.achieve_by), o.adulthood_area, i + 1))  # fmt: skip
            for position in o.needs:
                links.append((link, outcome_id + i, need_id + position))
                link += 1
        orders.clear()
        provisions = self.provisions.pending
        links = self.provision_outcomes.pending
        link = provision_outcome_id
        for i, x in enumerate(p.provisions):
            orders[x.section] = order = orders.get(x.section, 0) + 1
            provisions.append((provision_id + i, version, x.key, x.section, x.what, x.who,
                               x.how_often, x.how_long, x.group_size, order))  # fmt: skip
            for position in x.outcomes:
                links.append((link, provision_id + i, outcome_id + position))
                link += 1
        self.version_advice.pending.extend((version, request) for request in advice)
        return Ranges(
            (need_id, len(p.needs)),
            (outcome_id, len(p.outcomes)),
            (provision_id, len(p.provisions)),
            (outcome_need_id, outcome_needs),
            (provision_outcome_id, provision_outcomes),
        )

    def _copy(self, p: PlannedPlan, source: "Ranges", version: int, advice: list[int]) -> None:
        """A new version's items as copies of ``source``'s rows (the same plan's items):
        copied in the database on SQLite (`_flush_copies`), written like any others on
        PostgreSQL."""
        if connection.vendor != "sqlite":
            self._items(p, version, advice)
            return
        row: list[int] = [version]
        for table, (first, count) in zip(self._copied, source, strict=True):
            new = table.reserve(count)
            row += [first, first + count - 1, new - first]
            table.written += count
        self._copies.append(tuple(row))
        self.version_advice.pending.extend((version, request) for request in advice)

    def _flush_copies(self) -> None:
        """INSERT ... SELECT each copied item from its source row, shifted to its new ids:
        no values pass through Python."""
        if not self._copies:
            return
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {_COPIES}")
            cursor.execute(f"CREATE TEMP TABLE {_COPIES} ({', '.join(_COPY_COLUMNS)})")
            placeholders = ", ".join(["%s"] * len(_COPY_COLUMNS))
            cursor.executemany(f"INSERT INTO {_COPIES} VALUES ({placeholders})", self._copies)  # noqa: S608
            for sql in self._copy_sql:
                cursor.execute(sql)
            cursor.execute(f"DROP TABLE {_COPIES}")
        self._copies = []

    # --- The family's views and responses ---------------------------------------------------

    def _given_by(self, c: PlannedChild, method: str, day: date, holder: Holder) -> tuple[int, str]:
        """The family, through the portal, or the case officer on their behalf."""
        if not method and c.demo in self.family:
            return self.family[c.demo], ""
        return holder(c, day), method or "paper"

    def _write_family(
        self, pairs: Sequence[tuple[PlannedChild, int]], holder: Holder, drafts: Mapping[int, int]
    ) -> None:
        moment = self.moment
        views: list[Row] = []
        responses: list[Row] = []
        for c, case_id in pairs:
            if (v := c.views) is not None:
                given_by, method = self._given_by(c, v.on_behalf_method, v.given_on, holder)
                views.append((case_id, given_by, method, moment(v.given_on), v.about_me,
                              v.important_to_me, v.hard_for_me, v.support_me, v.hopes))  # fmt: skip
            if (r := c.response) is not None and case_id in drafts:
                given_by, method = self._given_by(c, r.on_behalf_method, r.given_on, holder)
                setting = (
                    None if r.requested_setting is None else self.setting_ids[r.requested_setting]
                )
                responses.append((drafts[case_id], given_by, method, moment(r.given_on),
                                  r.comments, setting, r.wants_meeting))  # fmt: skip
        self.views.insert(views)
        self.responses.insert(responses)

    # --- Mediation and appeals -----------------------------------------------------------

    def _write_disputes(self, pairs: Sequence[tuple[PlannedChild, int]], holder: Holder) -> None:
        day, moment = self.day, self.moment
        with_disputes = [
            (c, case_id) for c, case_id in pairs if c.after.mediations or c.after.appeals
        ]
        mediation_id = self.mediations.reserve(
            sum(len(c.after.mediations) for c, _ in with_disputes)
        )
        mediations: list[Row] = []
        appeals: list[Row] = []
        for c, case_id in with_disputes:
            first = mediation_id
            for m in c.after.mediations:
                last = m.certificate_on or m.held_on or m.adviser_contacted_on
                mediations.append((
                    mediation_id, case_id, m.subject, day(m.decision_letter_on),
                    day(m.adviser_contacted_on), day(m.held_on), m.outcome, day(m.certificate_on),
                    m.certificate_kind, holder(c, m.adviser_contacted_on),
                    moment(m.adviser_contacted_on), moment(last),
                ))  # fmt: skip
                mediation_id += 1
            for a in c.after.appeals:
                appeals.append((
                    case_id, a.subject, day(a.decision_letter_on),
                    None if a.mediation is None else first + a.mediation, day(a.registered_on),
                    day(a.hearing_on), a.outcome, day(a.outcome_on), holder(c, a.registered_on),
                    moment(a.registered_on), moment(a.outcome_on or a.registered_on),
                ))  # fmt: skip
        self.mediations.write(mediations)
        self.appeals.insert(appeals)


def _takes(establishment_type: str, born: date, on: date) -> bool:
    """Does a setting of this type take a child of this age (their school year on ``on``)?"""
    first, last = CATEGORY_NCYS[setting_category(establishment_type)]
    return first <= school_year(born, on) <= last
