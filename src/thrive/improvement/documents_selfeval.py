"""The self-evaluation as a document: one template body, shown as a page and printed as a
tagged PDF (PDF/UA-1, as `thrive.plans.documents`): headings a screen reader can follow, tables
with header cells, the language and the title in the file's structure. It holds every criterion
of the framework ("Not yet evaluated" where there is no judgement yet), and every figure is
read from the system when the document is produced, with its date."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string

from thrive.law.clock import render_date
from thrive.plans.documents import html_to_pdf

from . import presenters_selfeval as presenters
from . import selectors_selfeval as selectors
from .selectors_selfeval import LiveFigures

__all__ = ["document_context", "html_to_pdf", "pdf_filename", "pdf_html"]


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def document_context(today: dt.date) -> dict[str, Any]:
    """Everything the document shows, read now: every criterion and every live figure its
    judgement links to."""
    rows = selectors.criteria()
    figures: LiveFigures = selectors.live_figures(today, selectors.keys_in_use(rows))
    views = [presenters.criterion_view(criterion, figures) for criterion in rows]
    council = settings.THRIVE_COUNCIL_NAME
    title = f"Self-evaluation against the area SEND inspection framework, {presenters.as_at(today)}"
    return {
        "council_name": council,
        "document_title": "Self-evaluation against the area SEND inspection framework",
        "pdf_title": f"{council}: {title}",
        "as_at": presenters.as_at(today),
        "produced_on": render_date(today),
        "period": presenters.period_text(figures),
        "insight_dated": _lower(presenters.insight_dated(figures)),
        "live_dated": _lower(presenters.live_dated(figures)),
        "criteria": views,
        "paragraphs": f"{views[0].paragraph} to {views[-1].paragraph}" if views else "",
        "areas": presenters.by_area(views),
        "summary": presenters.summary(views),
        "not_yet": presenters.NOT_YET_EVALUATED,
    }


def pdf_filename(today: dt.date) -> str:
    return f"self-evaluation-{today.isoformat()}.pdf"


def pdf_html(context: dict[str, Any]) -> str:
    return render_to_string("improvement/selfeval_document_pdf.html", context)
