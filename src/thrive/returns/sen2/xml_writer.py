"""Write a SEN2 return as XML: the tree of sen2-details.md section 2.1, element names from
`names`, flags as 0/1, dates as ISO (YYYY-MM-DD), the creation time as ccyy-mm-ddThh:mm:ss.
An optional element with no value is left out; an item that a collection year does not have
(RequestSource and DSCO before 2025, the review items before 2024, ReviewDraft and the
phase-transfer dates before 2025) is never written for that year (`rules.years`)."""

import xml.etree.ElementTree as ET
from datetime import date, datetime

from thrive.returns.sen2.names import element_names
from thrive.returns.sen2.records import (
    ActivePlan,
    Assessment,
    Header,
    NamedPlan,
    Person,
    Placement,
    Request,
    Sen2Return,
)
from thrive.returns.sen2.rules.years import YearSpec, year_spec

Value = str | int | bool | date | datetime | None


def _text(value: Value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        return value.replace(microsecond=0, tzinfo=None).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class _Writer:
    def __init__(self, spec: YearSpec) -> None:
        self.names = element_names()
        self.spec = spec

    def add(self, parent: ET.Element, key: str, value: Value) -> None:
        text = _text(value)
        if text is not None and text != "":
            ET.SubElement(parent, self.names[key]).text = text

    def group(self, parent: ET.Element, key: str) -> ET.Element:
        return ET.SubElement(parent, self.names[key])

    def header(self, parent: ET.Element, header: Header) -> None:
        element = self.group(parent, "header")
        details = self.group(element, "collection_details")
        self.add(details, "collection", "SEN2")
        self.add(details, "year", header.year)
        self.add(details, "reference_date", header.reference_date)
        source = self.group(element, "source")
        self.add(source, "source_level", "L")
        self.add(source, "lea", header.lea)
        self.add(source, "software_code", header.software_code)
        self.add(source, "release", header.release)
        self.add(source, "serial_no", header.serial_no)
        self.add(source, "created_at", header.created_at)
        self.add(source, "dmo", header.dmo)
        self.add(source, "dco", header.dco)
        if self.spec.dsco != "absent":
            self.add(source, "dsco", header.dsco)

    def person(self, parent: ET.Element, person: Person) -> None:
        element = self.group(parent, "person")
        self.add(element, "surname", person.surname)
        self.add(element, "forename", person.forename)
        self.add(element, "birth_date", person.birth_date)
        self.add(element, "sex", person.sex)
        self.add(element, "ethnicity", person.ethnicity)
        self.add(element, "postcode", person.postcode)
        self.add(element, "upn", person.upn)
        self.add(element, "uln", person.uln)
        self.add(element, "upn_unknown", person.upn_unknown)
        for request in person.requests:
            self.request(element, request)

    def request(self, parent: ET.Element, request: Request) -> None:
        element = self.group(parent, "requests")
        self.add(element, "received_date", request.received_date)
        if self.spec.request_source != "absent":
            self.add(element, "request_source", request.source)
        self.add(element, "rya", request.relevant_youth_accommodation)
        self.add(element, "request_outcome_date", request.outcome_date)
        self.add(element, "request_outcome", request.outcome)
        self.add(element, "request_mediation", request.mediation)
        self.add(element, "request_tribunal", request.tribunal)
        self.add(element, "exported", request.exported)
        if request.assessment is not None:
            self.assessment(element, request.assessment)
        if request.active_plan is not None:
            self.active_plan(element, request.active_plan)

    def assessment(self, parent: ET.Element, assessment: Assessment) -> None:
        element = self.group(parent, "assessment")
        self.add(element, "assessment_outcome", assessment.outcome)
        self.add(element, "assessment_outcome_date", assessment.outcome_date)
        self.add(element, "assessment_mediation", assessment.mediation)
        self.add(element, "assessment_tribunal", assessment.tribunal)
        self.add(element, "other_mediation", assessment.other_mediation)
        self.add(element, "other_tribunal", assessment.other_tribunal)
        self.add(element, "week20", assessment.week20_exceptions)
        if assessment.named_plan is not None:
            self.named_plan(element, assessment.named_plan)

    def named_plan(self, parent: ET.Element, plan: NamedPlan) -> None:
        element = self.group(parent, "named_plan")
        self.add(element, "start_date", plan.start_date)
        for detail in plan.details:
            self.placement(element, "plan_detail", detail)
        self.add(element, "plan_res", plan.plan_res)
        self.add(element, "plan_wbp", plan.plan_wbp)
        self.add(element, "pb", plan.personal_budget)
        self.add(element, "oa", plan.organised_arrangements)
        self.add(element, "dp", plan.direct_payments)
        self.add(element, "cease_date", plan.cease_date)
        self.add(element, "cease_reason", plan.cease_reason)

    def placement(self, parent: ET.Element, key: str, placement: Placement) -> None:
        element = self.group(parent, key)
        self.add(element, "urn", placement.urn)
        self.add(element, "ukprn", placement.ukprn)
        self.add(element, "sen_setting", placement.sen_setting)
        self.add(element, "sen_setting_other", placement.sen_setting_other)
        self.add(element, "placement_rank", placement.rank)
        if key == "placement_detail":
            self.add(element, "entry_date", placement.entry_date)
            self.add(element, "leaving_date", placement.leaving_date)
        self.add(element, "sen_unit", placement.sen_unit)
        self.add(element, "resourced_provision", placement.resourced_provision)
        if key == "placement_detail":
            self.add(element, "res", placement.res)
            self.add(element, "wbp", placement.wbp)

    def active_plan(self, parent: ET.Element, plan: ActivePlan) -> None:
        element = self.group(parent, "active_plans")
        self.add(element, "transfer_la", plan.transfer_la)
        for placement in plan.placements:
            self.placement(element, "placement_detail", placement)
        for need in plan.needs:
            need_element = self.group(element, "sen_need")
            self.add(need_element, "sen_type", need.sen_type)
            self.add(need_element, "sen_type_rank", need.rank)
        if self.spec.review_items:
            self.add(element, "review_meeting", plan.review_meeting)
            if plan.review_meeting is not None:
                self.add(element, "review_outcome", plan.review_outcome)
        if self.spec.phase_transfer_items:
            self.add(element, "review_draft", plan.review_draft)
            self.add(element, "phase_transfer_due", plan.phase_transfer_due)
            self.add(element, "phase_transfer_final", plan.phase_transfer_final)
        self.add(element, "last_review", plan.last_review)


def write_xml(ret: Sen2Return) -> bytes:
    """The return as a UTF-8 XML document."""
    writer = _Writer(year_spec(ret.header.year))
    root = ET.Element(writer.names["message"])
    writer.header(root, ret.header)
    persons = writer.group(root, "persons")
    for person in ret.persons:
        writer.person(persons, person)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data
