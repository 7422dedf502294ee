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
    text = XML_ILLEGAL.sub("", value)
    if len(text) > EXCEL_CELL_LIMIT:
        text = text[: EXCEL_CELL_LIMIT - len(TRUNCATION_MARK)] + TRUNCATION_MARK
    return text


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet would read this text as a formula if typed in."""
    return text.startswith(FORMULA_START)
