"""The same SEN2 return as CSV modules, one file per module, in a zip: person, requests,
assessments, named plans and their plan details, active plans with their placements and
needs. Headings are the XML element names (`names`); values are written as in the XML (flags
0/1, ISO dates, blank when absent); items a collection year does not have get no column.

Rows are tied together by `PersonId`, the person's number in this return (1, 2, ...), and
`RequestId`, the request's number within the person: never a name or anything else that
identifies the child. The names are part of the return itself, so they appear once, in the
person module."""

import csv
import io
import zipfile
from collections.abc import Callable, Iterator
from typing import Any

from thrive.returns.sen2.names import element_names
from thrive.returns.sen2.records import Placement, Request, Sen2Return
from thrive.returns.sen2.rules.years import YearSpec, year_spec
from thrive.returns.sen2.xml_writer import _text

PERSON_ID = "PersonId"
REQUEST_ID = "RequestId"

Row = dict[str, Any]


def _columns(spec: YearSpec) -> dict[str, list[str]]:
    """{module file: its column keys (names.py keys)}."""
    placement = ["urn", "ukprn", "sen_setting", "sen_setting_other", "placement_rank"]
    flags = ["sen_unit", "resourced_provision"]
    review = ["review_meeting", "review_outcome"] if spec.review_items else []
    phase = (
        ["review_draft", "phase_transfer_due", "phase_transfer_final"]
        if spec.phase_transfer_items
        else []
    )
    source = ["request_source"] if spec.request_source != "absent" else []
    return {
        "person.csv": [
            "surname",
            "forename",
            "birth_date",
            "sex",
            "ethnicity",
            "postcode",
            "upn",
            "uln",
            "upn_unknown",
        ],
        "requests.csv": [
            "received_date",
            *source,
            "rya",
            "request_outcome_date",
            "request_outcome",
            "request_mediation",
            "request_tribunal",
            "exported",
        ],
        "assessments.csv": [
            "assessment_outcome",
            "assessment_outcome_date",
            "assessment_mediation",
            "assessment_tribunal",
            "other_mediation",
            "other_tribunal",
            "week20",
        ],
        "named_plans.csv": [
            "start_date",
            "plan_res",
            "plan_wbp",
            "pb",
            "oa",
            "dp",
            "cease_date",
            "cease_reason",
        ],
        "plan_details.csv": [*placement, *flags],
        "active_plans.csv": ["transfer_la", *review, *phase, "last_review"],
        "placements.csv": [*placement, "entry_date", "leaving_date", *flags, "res", "wbp"],
        "needs.csv": ["sen_type", "sen_type_rank"],
    }


def _placement(p: Placement) -> Row:
    return {
        "urn": p.urn,
        "ukprn": p.ukprn,
        "sen_setting": p.sen_setting,
        "sen_setting_other": p.sen_setting_other,
        "placement_rank": p.rank,
        "entry_date": p.entry_date,
        "leaving_date": p.leaving_date,
        "sen_unit": p.sen_unit,
        "resourced_provision": p.resourced_provision,
        "res": p.res,
        "wbp": p.wbp,
    }


def _request_rows(request: Request) -> Iterator[tuple[str, Row]]:
    yield (
        "requests.csv",
        {
            "received_date": request.received_date,
            "request_source": request.source,
            "rya": request.relevant_youth_accommodation,
            "request_outcome_date": request.outcome_date,
            "request_outcome": request.outcome,
            "request_mediation": request.mediation,
            "request_tribunal": request.tribunal,
            "exported": request.exported,
        },
    )
    a = request.assessment
    if a is not None:
        yield (
            "assessments.csv",
            {
                "assessment_outcome": a.outcome,
                "assessment_outcome_date": a.outcome_date,
                "assessment_mediation": a.mediation,
                "assessment_tribunal": a.tribunal,
                "other_mediation": a.other_mediation,
                "other_tribunal": a.other_tribunal,
                "week20": a.week20_exceptions,
            },
        )
        n = a.named_plan
        if n is not None:
            yield (
                "named_plans.csv",
                {
                    "start_date": n.start_date,
                    "plan_res": n.plan_res,
                    "plan_wbp": n.plan_wbp,
                    "pb": n.personal_budget,
                    "oa": n.organised_arrangements,
                    "dp": n.direct_payments,
                    "cease_date": n.cease_date,
                    "cease_reason": n.cease_reason,
                },
            )
            for detail in n.details:
                yield "plan_details.csv", _placement(detail)
    active = request.active_plan
    if active is not None:
        yield (
            "active_plans.csv",
            {
                "transfer_la": active.transfer_la,
                "review_meeting": active.review_meeting,
                "review_outcome": active.review_outcome if active.review_meeting else None,
                "review_draft": active.review_draft,
                "phase_transfer_due": active.phase_transfer_due,
                "phase_transfer_final": active.phase_transfer_final,
                "last_review": active.last_review,
            },
        )
        for placement in active.placements:
            yield "placements.csv", _placement(placement)
        for need in active.needs:
            yield "needs.csv", {"sen_type": need.sen_type, "sen_type_rank": need.rank}


def write_csv_modules(ret: Sen2Return) -> dict[str, str]:
    """{file name: CSV text} for every module, each with its heading row."""
    names = element_names()
    columns = _columns(year_spec(ret.header.year))
    buffers = {module: io.StringIO() for module in columns}
    writers: dict[str, Callable[[list[Any]], Any]] = {}
    for module, keys in columns.items():
        writer = csv.writer(buffers[module], lineterminator="\r\n")
        ids = [PERSON_ID] if module == "person.csv" else [PERSON_ID, REQUEST_ID]
        writer.writerow([*ids, *(names[key] for key in keys)])
        writers[module] = writer.writerow
    for person_no, person in enumerate(ret.persons, start=1):
        writers["person.csv"](
            [
                person_no,
                *(
                    _text(v) or ""
                    for v in (
                        person.surname,
                        person.forename,
                        person.birth_date,
                        person.sex,
                        person.ethnicity,
                        person.postcode,
                        person.upn,
                        person.uln,
                        person.upn_unknown,
                    )
                ),
            ]
        )
        for request_no, request in enumerate(person.requests, start=1):
            for module, row in _request_rows(request):
                values = (_text(row[key]) or "" for key in columns[module])
                writers[module]([person_no, request_no, *values])
    return {module: buffer.getvalue() for module, buffer in buffers.items()}


def write_csv_zip(ret: Sen2Return) -> bytes:
    """Every module in one zip file."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for module, text in write_csv_modules(ret).items():
            archive.writestr(module, text)
    return out.getvalue()
