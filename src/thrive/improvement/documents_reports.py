"""A progress report as documents: the report's body as HTML (shown as the preview, stored
when issued), a whole HTML file and a tagged PDF (PDF/UA-1, as `plans.documents`) made from
the stored body, and a Word document (python-docx) made from the stored content, with real
headings, tables with header rows, and each chart as a picture with its alternative text."""

import datetime as dt
import io
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string

from thrive.law.clock import render_date

from . import presenters_reports
from .models import ProgressReport


def report_body_html(
    content: dict[str, Any], *, version: int | None, issued_on: dt.date | None
) -> str:
    """The report's body: the preview (no version yet) or the version as issued."""
    return render_to_string(
        "improvement/report_body.html",
        {
            "report": presenters_reports.with_charts(content),
            "version": version,
            "issued_on": render_date(issued_on) if issued_on else "",
            "council_name": settings.THRIVE_COUNCIL_NAME,
        },
    )


def filename(report: ProgressReport, extension: str) -> str:
    return (
        f"progress-report-{report.audience}-{report.period_start}-to-{report.period_end}"
        f"-v{report.version}.{extension}"
    )


def document_title(report: ProgressReport) -> str:
    return f"{report.title}, version {report.version}"


def report_file_html(report: ProgressReport) -> str:
    """A whole HTML document around the body as issued: the HTML download and the PDF's
    source."""
    return render_to_string(
        "improvement/report_document.html",
        {
            "pdf_title": document_title(report),
            "council_name": settings.THRIVE_COUNCIL_NAME,
            "body": report.html,
        },
    )


def report_pdf(report: ProgressReport) -> bytes:
    from thrive.plans.documents import html_to_pdf

    return html_to_pdf(report_file_html(report))


def _chart_png(chart: dict[str, Any]) -> bytes:
    import vl_convert

    from thrive.insight import charts

    svg = charts.bar_chart(
        name=chart["name"],
        axis=chart["axis"],
        bars=tuple((str(label), float(value)) for label, value in chart["bars"]),
    )
    # The page's SVG, less the class the page adds beside Vega's own (one attribute twice).
    png: bytes = vl_convert.svg_to_png(svg.replace(' class="thrive-chart"', "", 1), scale=2)
    return png


def _alt_text(picture: Any, text: str) -> None:
    """Word's alternative text for a picture: the drawing's description (docPr descr)."""
    inline = picture._inline
    inline.docPr.set("descr", text)
    inline.docPr.set("title", text[:100])


def _repeat_header(row: Any) -> None:
    """Mark a table's first row as its header row (repeats on each page; read as headers)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _add_table(document: Any, table: dict[str, Any]) -> None:
    document.add_paragraph(table["caption"], style="Caption")
    if not table["rows"]:
        document.add_paragraph(table["empty"])
        return
    grid = document.add_table(rows=1, cols=len(table["head"]), style="Table Grid")
    _repeat_header(grid.rows[0])
    for cell, text in zip(grid.rows[0].cells, table["head"], strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for values in table["rows"]:
        cells = grid.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = str(text)


def report_docx(report: ProgressReport) -> bytes:
    """The issued report as a Word document, from its stored content."""
    from docx import Document
    from docx.shared import Cm

    content = report.figures
    document = Document()
    document.core_properties.title = document_title(report)
    document.core_properties.author = settings.THRIVE_COUNCIL_NAME
    document.core_properties.language = "en-GB"
    document.add_heading(content["title"], level=0)
    document.add_paragraph(
        f"{settings.THRIVE_COUNCIL_NAME}. Version {report.version}, issued on "
        f"{render_date(report.issued_on)}."
    )
    for label, value in content["summary"]:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
    for section in content["sections"]:
        document.add_heading(section["heading"], level=1)
        for text in section["paragraphs"]:
            document.add_paragraph(text)
        for block in section["blocks"]:
            if "chart" in block:
                chart = block["chart"]
                document.add_heading(chart["caption"], level=2)
                picture = document.add_picture(io.BytesIO(_chart_png(chart)), width=Cm(14))
                _alt_text(picture, chart["name"])
            else:
                _add_table(document, block["table"])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
