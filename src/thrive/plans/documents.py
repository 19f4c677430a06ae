"""The plan as a document: one template body, shown as a page and printed as a tagged PDF
(PDF/UA-1) that a screen reader can follow: headings, tables with header cells, the language
and the title are all in the file's structure."""

from typing import Any

from django.conf import settings
from django.template.loader import render_to_string

from . import presenters
from .models import PlanVersion
from .selectors import PlanContents, snapshot


def document_context(contents: PlanContents) -> dict[str, Any]:
    """What both the page and the PDF show. Only the case reference and version number go
    into the title and file name; the child's name is in the body, for the family."""
    version = contents.version
    case = version.plan.case
    return {
        "version": version,
        "case": case,
        "child": case.child,
        "council_name": settings.THRIVE_COUNCIL_NAME,
        "document_title": presenters.document_title(version),
        "pdf_title": f"EHC plan for case {case.reference}, version {version.number}",
        "issued": presenters.issued_text(version),
        "sections": presenters.document_sections(version, snapshot(contents)),
        "rights": presenters.family_rights(version),
    }


def pdf_filename(version: PlanVersion) -> str:
    """No personal data: the case reference and the version number."""
    return f"ehc-plan-{version.plan.case.reference}-v{version.number}.pdf"


def pdf_html(context: dict[str, Any]) -> str:
    return render_to_string("plans/document_pdf.html", context)


def html_to_pdf(html: str) -> bytes:
    # Imported here: WeasyPrint is large and only this path needs it.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    # The document is self-contained (its style is inline). A fetcher that allows no protocol
    # at all means nothing in a plan can make the server request a URL or read a file.
    document = HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=frozenset()))
    pdf: bytes = document.write_pdf(pdf_variant="pdf/ua-1")
    return pdf
