"""The Annex A workbook: sheets `List_1` and `List_2`, in that order, each with the
template's header row, frozen, and one row per child. Dates are real date cells shown
DD/MM/YYYY, never text; blanks are empty cells."""

from datetime import date
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from .columns import COLUMNS, DATE_COLUMNS, LIST_1, LIST_2, Row
from .selectors import AnnexALists

DATE_FORMAT = "DD/MM/YYYY"
#: Column width in characters: wide enough for the value, capped so long headings wrap.
MIN_WIDTH, MAX_WIDTH = 12, 30


def _sheet_rows(workbook: Workbook, sheet: str, rows: tuple[Row, ...], first: bool) -> None:
    worksheet = workbook.active if first else workbook.create_sheet()
    assert worksheet is not None
    worksheet.title = sheet
    columns = COLUMNS[sheet]
    worksheet.append([heading for heading, _ in columns])
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        worksheet.append(row.cells(sheet))
    worksheet.freeze_panes = "A2"
    for index, (heading, name) in enumerate(columns, start=1):
        letter = get_column_letter(index)
        if name in DATE_COLUMNS:
            for (cell,) in worksheet.iter_rows(min_row=2, min_col=index, max_col=index):
                if isinstance(cell.value, date):
                    cell.number_format = DATE_FORMAT
        width = min(MAX_WIDTH, max(MIN_WIDTH, len(heading) // 2 + 2))
        worksheet.column_dimensions[letter].width = width


def annex_a_workbook(lists: AnnexALists) -> bytes:
    """The workbook as .xlsx bytes."""
    workbook = Workbook()
    _sheet_rows(workbook, LIST_1, lists.list_1, first=True)
    _sheet_rows(workbook, LIST_2, lists.list_2, first=False)
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
