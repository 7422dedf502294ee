"""Stream flavour: tables without a cell grid, read from words with positions (camelot's "stream").

For tables drawn without ruling lines (white space between columns), with rules between rows only, or
with shading only, each text line of the page is one row whose cells are its words. The shared base
finds the header among the lines, takes the columns from the header's labels and the white-space
gutters under them, and places each word in its column; a line with a word straddling a column edge is
full-width text (a title, a band, a footnote). Rows carry ``is_line=True`` and their y position; the
normaliser regroups lines into whole rows. Lines in the top and bottom margins (running heads, folios)
are set aside as text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from hmic_extract.model import RawRow, RowKind

from .model import Cell, PageTables, Part, Row, TextLine
from .settings import TableSettings
from .text import line_gaps, plain_letters

METHOD = "stream"


def words_to_lines(words: list[dict], settings: TableSettings) -> list[list[dict]]:
    """Given words (pdfplumber's, or OCR words in points), return text lines top to bottom, left to right."""
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: ((w["top"] + w["bottom"]) / 2, w["x0"])):
        mid = (w["top"] + w["bottom"]) / 2
        if lines and abs(sum((v["top"] + v["bottom"]) / 2 for v in lines[-1]) / len(lines[-1]) - mid) <= \
                settings.line_tolerance:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def word_settings(words: list[dict]) -> TableSettings:
    """Settings estimated from the words' heights and the pitch of their lines."""
    heights = [w["bottom"] - w["top"] for w in words]
    lines = words_to_lines(words, TableSettings.for_page(heights))
    middles = [sum((w["top"] + w["bottom"]) / 2 for w in line) / len(line) for line in lines]
    return TableSettings.for_page(heights, line_gaps(middles))


def line_to_row(line: list[dict], method: str) -> Row:
    """One text line as a row whose cells are its words."""
    scores = [w["confidence"] for w in line if w.get("confidence") is not None]
    cells = [Cell(w["text"], w["x0"], w["x1"], w.get("confidence")) for w in line]
    return Row(min(w["top"] for w in line), max(w["bottom"] for w in line), cells, is_line=True, method=method,
               confidence=min(scores) if scores else None)


def page_of_words(page_index: int, words: list[dict], height: float | None, method: str) -> PageTables:
    """Given one page's words, return it as one part of text lines, margin lines set aside."""
    settings = word_settings(words) if words else TableSettings()
    rows: list[Row] = []
    margin: list[TextLine] = []
    for line in words_to_lines(words, settings):
        row = line_to_row(line, method)
        edge = settings.margin * height if height is not None else None
        if edge is not None and height is not None and (row.top < edge or row.bottom > height - edge):
            margin.append(TextLine(plain_letters(row.text), row.top, row.bottom, method, row.confidence))
        else:
            rows.append(row)
    right = max((c.x1 for r in rows for c in r.cells), default=0.0)
    parts = [Part(page_index, (0.0, 0.0, right, height or 1e6), rows, None, method)] if rows else []
    return PageTables(page_index, parts, margin, height, settings)


def words_to_rows(pages: Iterable[tuple[int, list[dict], float | None]],
                  method: str) -> tuple[list[RawRow], list[int]]:
    """Given (page index, words in points, page height) per page, return the annex's line rows and its pages.

    The words may come from the PDF's text (pdfplumber) or from OCR (scanned pages without ruling lines):
    the same header, gutter and column logic serves both. A page may hold several tables (one per
    section), each under its own header; a page without a header continues the table above.
    """
    from .base import read_tables

    return read_tables((page_of_words(i, words, height, method) for i, words, height in pages), header_search=None)


def visual_chars(chars: list[dict]) -> list[dict]:
    """pdfplumber's characters ready for words in visual order: a right-to-left ligature ("لا" as one glyph)
    has its letters reversed, so that putting the run into reading order later puts them back."""
    from .text import strong_counts

    out = []
    for c in chars:
        text = c["text"]
        if len(text) > 1 and strong_counts(text)[1]:
            c = dict(c, text=text[::-1])
        out.append(c)
    return out


def page_words(page) -> list[dict]:
    """A pdfplumber page's words (visual order)."""
    from pdfplumber.utils import extract_words

    return extract_words(visual_chars(page.chars), keep_blank_chars=False, use_text_flow=False)


def stream_pages(pdf, page_indexes: Iterable[int]) -> Iterator[tuple[int, list[dict], float]]:
    for i in page_indexes:
        page = pdf.plumber.pages[i]
        yield i, page_words(page), float(page.height)


def extract_stream(pdf, page_indexes: Iterable[int]) -> tuple[list[RawRow], list[int]]:
    """Given an open PDF and the pages to look at, return the unruled annex's line rows and its pages.

    Returns ([], []) when no annex header is found.
    """
    return words_to_rows(stream_pages(pdf, page_indexes), METHOD)


def has_numbered_rows(rows: list[RawRow]) -> bool:
    """True when raw rows include a table row with a number in its ref cell (a real annex table, not a header)."""
    return any(r.kind is RowKind.CELLS and any(ch.isdigit() for ch in r.ref) for r in rows)


__all__ = ["extract_stream", "has_numbered_rows", "words_to_rows"]
