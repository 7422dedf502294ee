"""Make any text safe to put in a spreadsheet cell (shared by the xlsx and CSV writers)."""

from __future__ import annotations

import re

EXCEL_CELL_LIMIT = 32_767
TRUNCATION_MARK = " […text truncated: Excel cells hold at most 32,767 characters]"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0 cannot hold (openpyxl raises on them and they would corrupt the file).
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def cell_text(value: str) -> str:
    """Given any text, return it without XML-illegal characters and within Excel's cell limit."""
    # XML parsers turn a bare CR into LF on reading; store Excel's own line break from the start.
    text = XML_ILLEGAL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    if len(text) > EXCEL_CELL_LIMIT:
        text = text[: EXCEL_CELL_LIMIT - len(TRUNCATION_MARK)] + TRUNCATION_MARK
    return text


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet would read this text as a formula if typed in."""
    return text.startswith(FORMULA_START)


def csv_cell(value: object) -> str:
    """Given a cell value, return CSV text that a spreadsheet shows as text and never runs.

    The same cleaning as the workbook (XML-illegal characters, Excel's cell limit); text that would
    start a formula gets a leading apostrophe, the OWASP advice for CSV injection.
    """
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    text = cell_text(str(value))
    return "'" + text if looks_like_formula(text) else text
