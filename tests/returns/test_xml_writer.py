"""The SEN2 XML: the tree of sen2-details.md section 2.1 with the element names of one table,
read back with the standard library's parser."""

import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from defusedxml.ElementTree import fromstring
from django.test import override_settings

from tests.returns.sen2_sample import sample_return
from thrive.returns.sen2.names import DEFAULT_NAMES, element_names
from thrive.returns.sen2.xml_writer import write_xml


def _tree(year: int = 2026) -> ET.Element:
    root: ET.Element = fromstring(write_xml(sample_return(year)))
    return root


def _children(element: ET.Element) -> list[str]:
    return [child.tag for child in element]


def test_the_header() -> None:
    root = _tree()
    assert root.tag == "Message"
    assert _children(root) == ["Header", "Persons"]
    details = root.find("Header/CollectionDetails")
    assert details is not None
    assert [(c.tag, c.text) for c in details] == [
        ("Collection", "SEN2"),
        ("Year", "2026"),
        ("ReferenceDate", "2026-01-15"),
    ]
    source = root.find("Header/Source")
    assert source is not None
    assert _children(source) == [
        "SourceLevel",
        "LEA",
        "SoftwareCode",
        "Release",
        "SerialNo",
        "DateTime",
        "DMO",
        "DCO",
        "DSCO",
    ]
    assert root.findtext("Header/Source/DateTime") == "2026-02-01T09:30:05"
    assert root.findtext("Header/Source/LEA") == "938"


def test_a_person_with_a_plan_in_the_order_of_the_tree() -> None:
    person = _tree().find("Persons/Person")
    assert person is not None
    assert _children(person) == [
        "Surname",
        "Forename",
        "PersonBirthDate",
        "Sex",
        "Ethnicity",
        "PostCode",
        "UPN",
        "Requests",
    ]
    request = person.find("Requests")
    assert request is not None
    assert _children(request) == [
        "ReceivedDate",
        "RequestSource",
        "RYA",
        "RequestOutcomeDate",
        "RequestOutcome",
        "RequestMediation",
        "RequestTribunal",
        "Assessment",
        "ActivePlans",
    ]
    assert request.findtext("RYA") == "0"
    assessment = request.find("Assessment")
    assert assessment is not None
    assert assessment.findtext("OtherTribunal") == "1"
    assert assessment.findtext("Week20") == "0"
    named = assessment.find("NamedPlan")
    assert named is not None
    assert _children(named) == ["StartDate", "PlanDetail", "PB"]
    assert _children(named[1]) == [
        "URN",
        "PlacementRank",
        "SENunitIndicator",
        "ResourcedProvisionIndicator",
    ]
    active = request.find("ActivePlans")
    assert active is not None
    assert _children(active) == [
        "PlacementDetail",
        "SENneed",
        "SENneed",
        "ReviewMeeting",
        "ReviewOutcome",
        "ReviewDraft",
        "LastReview",
    ]
    assert [(n.findtext("SENtype"), n.findtext("SENtypeRank")) for n in active.iter("SENneed")] == [
        ("ASD", "1"),
        ("SLCN", "2"),
    ]
    assert active.findtext("PlacementDetail/EntryDate") == "2025-07-14"


def test_absent_optional_elements_are_left_out() -> None:
    second = _tree().findall("Persons/Person")[1]
    assert second.find("UPN") is None
    assert second.findtext("UPNunknown") == "UN1"
    request = second.find("Requests")
    assert request is not None
    assert request.find("RequestOutcomeDate") is None
    assert request.find("Assessment") is None
    assert request.find("Exported") is None


def test_items_only_from_the_year_they_exist() -> None:
    root = _tree(2024)
    assert root.find("Header/Source/DSCO") is None
    assert not list(root.iter("RequestSource"))
    assert not list(root.iter("ReviewDraft"))
    assert [e.text for e in root.iter("ReviewMeeting")] == ["2024-01-10"]
    root_2023 = _tree(2023)
    assert not list(root_2023.iter("ReviewMeeting"))
    assert not list(root_2023.iter("ReviewOutcome"))
    assert [e.text for e in root_2023.iter("LastReview")] == ["2023-01-12"]


def test_letter_case_of_the_disputed_names() -> None:
    assert DEFAULT_NAMES["sen_setting"] == "SENsetting"
    assert DEFAULT_NAMES["sen_setting_other"] == "SENSettingOther"
    assert DEFAULT_NAMES["postcode"] == "PostCode"
    assert DEFAULT_NAMES["upn_unknown"] == "UPNunknown"
    assert DEFAULT_NAMES["plan_wbp"] == "PlanWBP"
    assert DEFAULT_NAMES["res"] == "Res"
    assert len(set(DEFAULT_NAMES.values())) == len(DEFAULT_NAMES)


@override_settings(THRIVE_SEN2_ELEMENT_NAMES={"postcode": "Postcode"})
def test_a_name_can_be_changed_in_the_settings() -> None:
    person = _tree().find("Persons/Person")
    assert person is not None
    assert person.findtext("Postcode") == "ZY1 1AA"
    assert person.find("PostCode") is None


@override_settings(THRIVE_SEN2_ELEMENT_NAMES={"post_code": "Postcode"})
def test_an_unknown_key_in_the_settings_is_refused() -> None:
    with pytest.raises(ValueError, match="post_code"):
        element_names()


def test_text_is_escaped() -> None:
    ret = sample_return()
    person = replace(ret.persons[0], surname="O'Brien & <Sons>")
    root = fromstring(write_xml(replace(ret, persons=(person,))))
    assert root.findtext("Persons/Person/Surname") == "O'Brien & <Sons>"
