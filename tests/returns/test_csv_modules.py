"""The SEN2 return as CSV modules: the headings, rows keyed by a person number, and names in
the person module only."""

import csv
import io
import zipfile

from tests.returns.sen2_sample import sample_return
from thrive.returns.sen2.csv_modules import write_csv_modules, write_csv_zip


def _rows(module: str, year: int = 2026) -> list[list[str]]:
    return list(csv.reader(io.StringIO(write_csv_modules(sample_return(year))[module])))


def test_every_module_and_its_headings() -> None:
    modules = write_csv_modules(sample_return())
    headings = {name: text.splitlines()[0] for name, text in modules.items()}
    assert headings == {
        "person.csv": "PersonId,Surname,Forename,PersonBirthDate,Sex,Ethnicity,PostCode,UPN,"
        "UniqueLearnerNumber,UPNunknown",
        "requests.csv": "PersonId,RequestId,ReceivedDate,RequestSource,RYA,RequestOutcomeDate,"
        "RequestOutcome,RequestMediation,RequestTribunal,Exported",
        "assessments.csv": "PersonId,RequestId,AssessmentOutcome,AssessmentOutcomeDate,"
        "AssessmentMediation,AssessmentTribunal,OtherMediation,OtherTribunal,Week20",
        "named_plans.csv": "PersonId,RequestId,StartDate,PlanRes,PlanWBP,PB,OA,DP,CeaseDate,"
        "CeaseReason",
        "plan_details.csv": "PersonId,RequestId,URN,UKPRN,SENsetting,SENSettingOther,"
        "PlacementRank,SENunitIndicator,ResourcedProvisionIndicator",
        "active_plans.csv": "PersonId,RequestId,TransferLA,ReviewMeeting,ReviewOutcome,"
        "ReviewDraft,PhaseTransferDueDate,PhaseTransferFinalDate,LastReview",
        "placements.csv": "PersonId,RequestId,URN,UKPRN,SENsetting,SENSettingOther,"
        "PlacementRank,EntryDate,LeavingDate,SENunitIndicator,ResourcedProvisionIndicator,Res,"
        "WBP",
        "needs.csv": "PersonId,RequestId,SENtype,SENtypeRank",
    }


def test_rows_are_keyed_by_the_person_number_not_a_name() -> None:
    assert _rows("person.csv")[1][:3] == ["1", "Example", "Ada"]
    assert _rows("requests.csv")[1:] == [
        ["1", "1", "2025-03-03", "2", "0", "2025-04-07", "Y", "0", "0", ""],
        ["2", "1", "2025-11-03", "1", "0", "", "A", "0", "0", ""],
    ]
    assert _rows("needs.csv")[1:] == [["1", "1", "ASD", "1"], ["1", "1", "SLCN", "2"]]
    modules = write_csv_modules(sample_return())
    for name, text in modules.items():
        if name != "person.csv":
            assert "Example" not in text
            assert "Ada" not in text


def test_columns_a_year_does_not_have_are_left_out() -> None:
    assert "RequestSource" not in _rows("requests.csv", 2024)[0]
    assert "ReviewDraft" not in _rows("active_plans.csv", 2024)[0]
    assert "ReviewMeeting" not in _rows("active_plans.csv", 2023)[0]


def test_the_zip_holds_every_module() -> None:
    archive = zipfile.ZipFile(io.BytesIO(write_csv_zip(sample_return())))
    assert sorted(archive.namelist()) == sorted(write_csv_modules(sample_return()))
    assert archive.read("needs.csv").decode().startswith("PersonId,RequestId,SENtype")
