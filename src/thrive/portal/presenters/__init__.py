"""Words for family pages: short sentences, dates written out, status in words as well as
colour. Everything a template shows is shaped here; templates compute nothing."""

from .contributions import (
    given_by_line,
    response_items,
    response_status,
    views_items,
    views_rows,
    window_words,
)
from .journey import (
    SENDIASS,
    Person,
    advice_rows,
    case_officer_rows,
    date_rows,
    draft_page,
    journey_page,
    nothing_waiting,
    stage_sentences,
    timescales,
    waiting_for_you,
)
from .plan import plan_document_links, plan_sections
from .review import (
    review_rows,
    review_sentences,
    review_task,
    review_views_items,
    review_views_rows,
)

__all__ = [
    "SENDIASS",
    "Person",
    "advice_rows",
    "case_officer_rows",
    "date_rows",
    "draft_page",
    "given_by_line",
    "journey_page",
    "nothing_waiting",
    "plan_document_links",
    "plan_sections",
    "response_items",
    "response_status",
    "review_rows",
    "review_sentences",
    "review_task",
    "review_views_items",
    "review_views_rows",
    "stage_sentences",
    "timescales",
    "views_items",
    "views_rows",
    "waiting_for_you",
    "window_words",
]
