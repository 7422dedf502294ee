"""Sort raw rows into table rows, section titles, footnotes and junk.

Repeated header rows, blank rows and junk rows (page-top fragments with no text) are dropped;
section titles (above a table or as full-width rows inside it) set the section of the rows that
follow; footnote blocks become document notes.
"""

from __future__ import annotations

import re

from hmic_extract.model import ISSUES_OF_CONCERN, RawRow, RowKind
from hmic_extract.vocabulary import (
    header_score,
    role_of_header_cell,
    section_named_by_header,
    section_of_cell,
    section_of_title,
)

from .ocr_pagerefs import page_cell_kind
from .pieces import Piece

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
FOOTNOTE_START = re.compile(rf"^\s*(?:[{SUPERSCRIPT_DIGITS}]+|\d{{1,3}}(?=\s+[A-Z]))\s*\S")
PAGE_FOOTER = re.compile(r"^\s*(page\s+)?\d{1,4}(\s+of\s+\d{1,4})?\s*$", re.I)
PROSE_LINE = 60  # characters: a text line this long between a title and its table is prose, not a title


HEADER_LABEL = 40  # characters: a text line's cells are header labels only when this short


def is_header_row(row: RawRow) -> bool:
    """A repeated header: its cells name at least two column roles and its ref cell holds no number.

    A text line (``is_line``) is a header line only when every filled cell is a short column label:
    a body line such as "Page | The force should ensure that its response..." names two roles too.
    """
    cells = [row.ref, row.page_ref, row.issue, row.action]
    if row.is_line and not all(role_of_header_cell(c) and len(c) <= HEADER_LABEL for c in cells if c.strip()):
        return False
    return header_score(cells) >= 2 and not re.search(r"\d", row.ref) and len(row.issue) < 80


def is_junk_row(row: RawRow, after_page_line: bool = False) -> bool:
    """A row with no issue text and no usable ref: a page-top fragment, a split header's tail.

    A text line holding only part of a wrapped page cell ("Figure" / "4", "Page" / "21/22") is not
    junk; a lone number is, unless it follows a line with a page cell (it then ends that cell).
    """
    if row.issue.strip():
        return False
    if row.is_line and re.search(r"\d", row.ref + row.page_ref) and re.search(r"[a-z]{2}", row.page_ref, re.I):
        return False  # a line that holds only the ref/page of a row whose text is on other lines
    if row.is_line and not row.ref.strip():
        kind = page_cell_kind(row.page_ref)
        if kind in ("label", "word", "page", "lookalike") or (kind == "number" and after_page_line):
            return False
    return not (row.is_line and re.fullmatch(r"\s*\d{1,3}\s*", row.ref))


def is_footnote(text: str) -> bool:
    return bool(FOOTNOTE_START.match(text)) and len(text) > 15


def classify(rows: list[RawRow]) -> tuple[list[Piece], list[str], dict[str, int]]:
    """Given raw rows in reading order, return (table pieces with sections, footnote notes, counts dropped)."""
    pieces: list[Piece] = []
    notes: list[str] = []
    dropped = {"header": 0, "junk": 0, "text": 0}
    section = ISSUES_OF_CONCERN
    pending: str | None = None
    prose_since_title = 0
    last_was_footnote = False
    after_page_line = False
    for row in rows:
        if row.kind is RowKind.TEXT:
            text = " ".join(row.text.split())
            title = section_of_title(text)
            if title:
                pending, prose_since_title, last_was_footnote = title, 0, False
            elif is_footnote(text):
                notes.append(text)
                last_was_footnote = True
            elif last_was_footnote and text and not PAGE_FOOTER.match(text):
                notes[-1] += " " + text
            else:
                last_was_footnote = False
                if len(text) >= PROSE_LINE:
                    prose_since_title += 1
                dropped["text"] += 1
            continue
        last_was_footnote = False
        if row.is_blank():
            continue
        if is_header_row(row):
            dropped["header"] += 1
            named = section_named_by_header(row.issue)
            if named and pending is None:
                pending, prose_since_title = named, 0
            continue
        if is_junk_row(row, after_page_line):
            dropped["junk"] += 1
            continue
        after_page_line = row.is_line and bool(row.page_ref.strip())
        if pending is not None:
            if prose_since_title <= 2:
                section = pending
            pending = None
        # A Type column ("AFI") or a prefixed ref ("Rec 2") names the section row by row.
        section = section_of_cell(row.section) or section_of_cell(row.ref) or section
        pieces.append(Piece(row=row, section=section))
    return pieces, notes, dropped
