"""The area SEND inspection's Annex A lists (statutory.md section 4): who is on them
(`selectors`), their columns and coded answers (`columns`), and the workbook (`workbook`)."""

from .columns import (
    LIST_1,
    LIST_2,
    NOT_HELD,
    BlankColumn,
    Row,
    blank_columns,
    headings,
    not_held_headings,
)
from .selectors import AnnexALists, annex_a_lists
from .workbook import annex_a_workbook

__all__ = [
    "LIST_1",
    "LIST_2",
    "NOT_HELD",
    "AnnexALists",
    "BlankColumn",
    "Row",
    "annex_a_lists",
    "annex_a_workbook",
    "blank_columns",
    "headings",
    "not_held_headings",
]
