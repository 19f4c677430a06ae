"""Reading a SEN2 person-level return (XML) back into `Sen2Return` records: a return
Thrive exported, or one from another system being brought into Thrive.

Element names are matched without regard to letter case (sen2-details.md 2.2-2.3: sources
disagree on `SENsetting`/`SENSetting`, `PostCode`/`Postcode`), and the XML is parsed with
defusedxml, so entity expansion and external entities are refused."""

from collections.abc import Iterator
from datetime import date, datetime
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException, ElementTree

from thrive.returns.sen2.records import (
    ActivePlan,
    Assessment,
    Header,
    NamedPlan,
    Need,
    Person,
    Placement,
    Request,
    Sen2Return,
)

from .source import UNREADABLE_DATE, ReadResult, RowError, SourceRecord, parse_flag


class Sen2XmlError(ValueError):
    """The file is not a SEN2 return we can read (not XML, or no Message/Persons)."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()  # any namespace dropped


def _children(element: Element, name: str) -> Iterator[Element]:
    wanted = name.lower()
    return (child for child in element if _local(child.tag) == wanted)


def _child(element: Element | None, name: str) -> Element | None:
    if element is None:
        return None
    return next(_children(element, name), None)


class _Reader:
    """Reads one Person element, noting values it cannot read against its position."""

    def __init__(self, row: int = 0) -> None:
        self.row = row
        self.errors: list[RowError] = []

    def text(self, element: Element | None, name: str) -> str | None:
        found = _child(element, name)
        if found is None or found.text is None or not found.text.strip():
            return None
        return found.text.strip()

    def date(self, element: Element | None, name: str) -> date | None:
        text = self.text(element, name)
        if text is None:
            return None
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            self.errors.append(RowError(self.row, name, "is not a date (YYYY-MM-DD)", text))
            return None

    def flag(self, element: Element | None, name: str) -> bool | None:
        text = self.text(element, name)
        if text is None:
            return None
        parsed = parse_flag(text)
        if parsed is None:
            self.errors.append(RowError(self.row, name, "must be 1 or 0", text))
        return parsed

    def integer(self, element: Element | None, name: str, default: int) -> int:
        text = self.text(element, name)
        if text is None:
            return default
        try:
            return int(text)
        except ValueError:
            self.errors.append(RowError(self.row, name, "must be a whole number", text))
            return default

    def placement(self, element: Element) -> Placement:
        return Placement(
            rank=self.integer(element, "PlacementRank", 1),
            urn=self.text(element, "URN"),
            ukprn=self.text(element, "UKPRN"),
            sen_setting=self.text(element, "SENsetting"),
            sen_setting_other=self.text(element, "SENSettingOther"),
            sen_unit=bool(self.flag(element, "SENunitIndicator")),
            resourced_provision=bool(self.flag(element, "ResourcedProvisionIndicator")),
            entry_date=self.date(element, "EntryDate"),
            leaving_date=self.date(element, "LeavingDate"),
            res=self.text(element, "Res"),
            wbp=self.text(element, "WBP"),
        )

    def named_plan(self, element: Element | None) -> NamedPlan | None:
        if element is None:
            return None
        return NamedPlan(
            start_date=self.date(element, "StartDate") or UNREADABLE_DATE,
            details=tuple(self.placement(e) for e in _children(element, "PlanDetail")),
            plan_res=self.text(element, "PlanRes"),
            plan_wbp=self.text(element, "PlanWBP"),
            personal_budget=self.flag(element, "PB"),
            organised_arrangements=self.flag(element, "OA"),
            direct_payments=self.text(element, "DP"),
            cease_date=self.date(element, "CeaseDate"),
            cease_reason=self.text(element, "CeaseReason"),
        )

    def assessment(self, element: Element | None) -> Assessment | None:
        if element is None:
            return None
        return Assessment(
            outcome=(self.text(element, "AssessmentOutcome") or "").upper(),
            outcome_date=self.date(element, "AssessmentOutcomeDate"),
            mediation=bool(self.flag(element, "AssessmentMediation")),
            tribunal=bool(self.flag(element, "AssessmentTribunal")),
            other_mediation=bool(self.flag(element, "OtherMediation")),
            other_tribunal=bool(self.flag(element, "OtherTribunal")),
            week20_exceptions=self.flag(element, "Week20"),
            named_plan=self.named_plan(_child(element, "NamedPlan")),
        )

    def active_plan(self, element: Element | None) -> ActivePlan | None:
        if element is None:
            return None
        needs = tuple(
            Need(
                sen_type=(self.text(e, "SENtype") or "").upper(),
                rank=self.integer(e, "SENtypeRank", 1),
            )
            for e in _children(element, "SENneed")
        )
        return ActivePlan(
            placements=tuple(self.placement(e) for e in _children(element, "PlacementDetail")),
            needs=needs,
            transfer_la=self.text(element, "TransferLA"),
            review_meeting=self.date(element, "ReviewMeeting"),
            review_outcome=self.text(element, "ReviewOutcome"),
            review_draft=self.date(element, "ReviewDraft"),
            phase_transfer_due=self.date(element, "PhaseTransferDueDate"),
            phase_transfer_final=self.date(element, "PhaseTransferFinalDate"),
            last_review=self.date(element, "LastReview"),
        )

    def request(self, element: Element) -> Request:
        return Request(
            outcome=(self.text(element, "RequestOutcome") or "").upper(),
            received_date=self.date(element, "ReceivedDate"),
            source=self.text(element, "RequestSource"),
            relevant_youth_accommodation=bool(self.flag(element, "RYA")),
            outcome_date=self.date(element, "RequestOutcomeDate"),
            mediation=bool(self.flag(element, "RequestMediation")),
            tribunal=bool(self.flag(element, "RequestTribunal")),
            exported=self.text(element, "Exported"),
            assessment=self.assessment(_child(element, "Assessment")),
            active_plan=self.active_plan(_child(element, "ActivePlans")),
        )

    def person(self, element: Element) -> Person:
        upn = self.text(element, "UPN")
        return Person(
            surname=self.text(element, "Surname") or "",
            forename=self.text(element, "Forename") or "",
            birth_date=self.date(element, "PersonBirthDate") or UNREADABLE_DATE,
            sex=(self.text(element, "Sex") or "").upper(),
            ethnicity=(self.text(element, "Ethnicity") or "").upper(),
            postcode=self.text(element, "PostCode") or "",
            upn=upn.upper() if upn else None,
            uln=self.text(element, "UniqueLearnerNumber"),
            upn_unknown=self.text(element, "UPNunknown"),
            requests=tuple(self.request(e) for e in _children(element, "Requests")),
        )

    def header(self, element: Element | None) -> Header:
        details = _child(element, "CollectionDetails")
        source = _child(element, "Source")
        created = self.text(source, "DateTime")
        try:
            created_at = datetime.fromisoformat(created) if created else None
        except ValueError:
            created_at = None
        return Header(
            year=self.integer(details, "Year", 0),
            reference_date=self.date(details, "ReferenceDate") or UNREADABLE_DATE,
            lea=self.text(source, "LEA") or "",
            software_code=self.text(source, "SoftwareCode") or "",
            release=self.text(source, "Release") or "",
            serial_no=self.text(source, "SerialNo") or "",
            created_at=created_at,
            dmo=self.text(source, "DMO"),
            dco=self.text(source, "DCO"),
            dsco=self.text(source, "DSCO"),
            collection=self.text(details, "Collection") or "",
            source_level=self.text(source, "SourceLevel") or "",
        )


def _root(data: bytes) -> tuple[Element, Element]:
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise Sen2XmlError("The file is not well-formed XML.") from error
    except DefusedXmlException as error:  # entities, external references: refused
        raise Sen2XmlError("The file uses XML features a SEN2 return does not need.") from error
    persons = _child(root, "Persons")
    if _local(root.tag) != "message" or persons is None:
        raise Sen2XmlError("The file is not a SEN2 return: it has no Message and Persons.")
    return root, persons


def read_xml(data: bytes) -> Sen2Return:
    """The return in `data`. Raises Sen2XmlError if it is not a SEN2 message."""
    root, persons = _root(data)
    reader = _Reader()
    return Sen2Return(
        header=reader.header(_child(root, "Header")),
        persons=tuple(reader.person(e) for e in _children(persons, "Person")),
    )


def read_records(data: bytes) -> ReadResult:
    """The return's persons as import records, numbered by position, with what could not be
    read. A file that is not a SEN2 message is one error on row 0."""
    try:
        root, persons = _root(data)
    except Sen2XmlError as error:
        return ReadResult(records=(), errors=(RowError(0, "file", str(error)),), xml=True)
    records: list[SourceRecord] = []
    errors: list[RowError] = []
    year = _Reader().integer(_child(_child(root, "Header"), "CollectionDetails"), "Year", 0)
    period_start = date(year - 1, 1, 1) if 1900 < year < 3000 else None
    for number, element in enumerate(_children(persons, "Person"), start=1):
        reader = _Reader(number)
        records.append(SourceRecord(row=number, person=reader.person(element)))
        errors += reader.errors
    return ReadResult(
        records=tuple(records), errors=tuple(errors), xml=True, period_start=period_start
    )
