"""Stream (unruled) annex tables: words with positions grouped into columns by the header's columns.

For tables drawn without a cell grid (whitespace between columns) or with broken ruling lines,
pdfplumber's lattice finds nothing. Here each text line of the page is one raw row: its words
are split into phrases at wide gaps, and each phrase goes to the column whose span holds it. The
columns come from the header row ("Report Ref | Page Ref | Issue ... | Action ...") and the
white-space gutters of the body under it. A line with a phrase running across a gutter is full-
width text (section title, footnote) and becomes a TEXT row. Rows carry ``is_line=True`` and
their y position, and the normaliser regroups lines into whole rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from hmic_extract.model import RawRow, RowKind
from hmic_extract.vocabulary import ROLES, map_header

from .pdf import OpenPdf

METHOD = "stream"
LINE_TOLERANCE = 3.0  # points: words whose tops differ less than this are on one line
PHRASE_GAP = 7.0  # points: a wider gap between two words on a line separates cells
HEADER_LINES = 3  # a header may wrap over this many lines
MAX_HEADER_CELL = 60  # characters: a longer cell is body text, not a column label
MIN_GUTTER = 3.0  # points: narrowest white-space column gutter
MARGIN = 0.035  # share of the page height at top and bottom holding running heads and folios
CROSS_SLACK = 2.0  # points a phrase may run past a column edge
PAGE_FOLIO = re.compile(r"^\s*(page\s+)?\d{1,4}(\s+of\s+\d{1,4})?\s*$", re.I)


@dataclass
class Phrase:
    """Words of one line close enough to be one cell's text."""

    text: str
    x0: float
    x1: float


@dataclass
class Line:
    """One text line of a page: its phrases left to right and its vertical extent."""

    phrases: list[Phrase]
    top: float
    bottom: float
    confidence: float | None = None  # weakest OCR word on the line, when the words came from OCR

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.phrases)


@dataclass
class Columns:
    """The annex columns: left edge of each column and the role of each (None for extra columns)."""

    edges: list[float]  # left x of each column; the last column runs to the page edge
    roles: list[str | None]

    def index_of(self, x: float) -> int:
        i = 0
        for j, edge in enumerate(self.edges):
            if x >= edge - CROSS_SLACK:
                i = j
        return i


def words_to_lines(words: list[dict]) -> list[Line]:
    """Given words (pdfplumber's, or OCR words in points), return text lines top to bottom, split into phrases."""
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - w["top"]) <= LINE_TOLERANCE:
            lines[-1].append(w)
        else:
            lines.append([w])
    out = []
    for ws in lines:
        ws.sort(key=lambda w: w["x0"])
        phrases: list[Phrase] = []
        for w in ws:
            if phrases and w["x0"] - phrases[-1].x1 <= PHRASE_GAP:
                phrases[-1].text += " " + w["text"]
                phrases[-1].x1 = w["x1"]
            else:
                phrases.append(Phrase(w["text"], w["x0"], w["x1"]))
        scores = [w["confidence"] for w in ws if w.get("confidence") is not None]
        out.append(Line(phrases, min(w["top"] for w in ws), max(w["bottom"] for w in ws),
                        min(scores) if scores else None))
    return out


def stack_phrases(lines: list[Line]) -> list[Phrase] | None:
    """Given the lines of a wrapped header, return one phrase per header cell (x-overlapping parts joined).

    Returns None when the lines do not stack into cells: a line with a single phrase, or a phrase
    that spans two cells of another line (a title above the header, body text under it).
    """
    if len(lines) > 1 and any(len(line.phrases) < 2 for line in lines):
        return None
    cells: list[Phrase] = []
    for line in lines:
        for p in line.phrases:
            hits = [c for c in cells if p.x0 <= c.x1 and c.x0 <= p.x1]
            if len(hits) > 1:
                return None
            if hits:
                c = hits[0]
                c.text, c.x0, c.x1 = f"{c.text} {p.text}", min(c.x0, p.x0), max(c.x1, p.x1)
            else:
                cells.append(Phrase(p.text, p.x0, p.x1))
    return sorted(cells, key=lambda c: c.x0)


def find_header(lines: list[Line]) -> tuple[int, int, list[Phrase], dict[str, int]] | None:
    """Given a page's lines, return (first line, line count, header cells, roles) of the annex header.

    Of the groupings of a wrapped header, the one naming most column roles wins ("Report" / "Ref"
    stacked name the ref column that either line alone does not). Header cells are short labels.
    """
    for i in range(len(lines)):
        best: tuple[int, int, list[Phrase], dict[str, int]] | None = None
        for n in range(1, HEADER_LINES + 1):
            group = lines[i:i + n]
            if len(group) < n or (n > 1 and group[-1].top - group[-2].bottom > 1.5 * (group[0].bottom -
                                                                                   group[0].top)):
                break
            cells = stack_phrases(group)
            if cells is None:
                break
            if len(cells) < 3 or any(len(c.text) > MAX_HEADER_CELL for c in cells):
                continue
            roles = map_header([c.text for c in cells])
            if roles is not None and (best is None or len(roles) > len(best[3])):
                best = (i, n, cells, roles)
        if best is not None:
            return best
    return None


def gutters(lines: list[Line], lo: float, hi: float) -> list[tuple[float, float]]:
    """Return the x ranges between ``lo`` and ``hi`` that no phrase of ``lines`` covers."""
    spans = sorted((p.x0, p.x1) for line in lines for p in line.phrases)
    out = []
    cursor = lo
    for x0, x1 in spans:
        if x1 <= cursor:
            continue
        if x0 - cursor >= MIN_GUTTER and x0 <= hi:
            out.append((cursor, min(x0, hi)))
        cursor = max(cursor, x1)
    if hi - cursor >= MIN_GUTTER:
        out.append((cursor, hi))
    return out


def header_columns(cells: list[Phrase], roles: dict[str, int], body: list[Line]) -> Columns:
    """Given the header cells and the body lines under them, return the column edges.

    A column's left edge is the right end of the white-space gutter between its header and the one
    before (text in a column starts where the gutter ends); without a clear gutter, halfway.
    """
    role_of = {i: r for r, i in roles.items()}
    edges = [cells[0].x0]
    narrow = [line for line in body if not any(crosses(p, cells) for p in line.phrases)]
    for prev, cell in pairwise(cells):
        found = gutters(narrow, prev.x0 + 1, cell.x1 - 1)
        near = [g for g in found if g[1] - g[0] >= MIN_GUTTER and g[0] >= prev.x0]
        edge = (prev.x1 + cell.x0) / 2
        if near:
            best = min(near, key=lambda g: abs(g[1] - cell.x0))
            if best[0] <= cell.x0 + 1:
                edge = min(best[1], cell.x0)  # an empty column's gutter runs on past its header
        edges.append(edge)
    return Columns(edges, [role_of.get(i) for i in range(len(cells))])


def crosses(phrase: Phrase, cells: list[Phrase]) -> bool:
    """A phrase that runs from one header cell's span into the next one's: full-width text."""
    covered = [c for c in cells if phrase.x0 < c.x1 and c.x0 < phrase.x1]
    return len(covered) >= 2


def line_to_row(line: Line, columns: Columns, page_index: int, table_id: int, method: str = METHOD) -> RawRow:
    """Given a text line under the header, return a line row, or a TEXT row when it spans columns."""
    cells = [""] * len(columns.edges)
    for p in line.phrases:
        i = columns.index_of(p.x0)
        nxt = columns.edges[i + 1] if i + 1 < len(columns.edges) else None
        if nxt is not None and p.x1 > nxt + CROSS_SLACK:
            return RawRow(kind=RowKind.TEXT, text=line.text, page_index=page_index, top=line.top,
                          bottom=line.bottom, method=method, table_id=table_id)
        cells[i] = f"{cells[i]} {p.text}".strip()
    by_role = {role: cells[i] for i, role in enumerate(columns.roles) if role}
    if PAGE_FOLIO.match(line.text) and not (by_role.get("ref") or by_role.get("page_ref")):
        return RawRow(kind=RowKind.TEXT, text=line.text, page_index=page_index, top=line.top, bottom=line.bottom,
                      method=method, table_id=table_id)
    return RawRow(**{r: by_role.get(r, "") for r in ROLES}, page_index=page_index, top=line.top,
                  bottom=line.bottom, is_line=True, method=method, table_id=table_id, confidence=line.confidence)


def extract_stream(pdf: OpenPdf, page_indexes: Iterable[int]) -> tuple[list[RawRow], list[int]]:
    """Given an open PDF and the pages to look at, return the unruled annex's line rows and its pages.

    Returns ([], []) when no annex header is found.
    """
    pages = ((i, pdf.plumber.pages[i]) for i in page_indexes)
    return words_to_rows(((i, page.extract_words(keep_blank_chars=False, use_text_flow=False), float(page.height))
                          for i, page in pages), METHOD)


def words_to_rows(pages: Iterable[tuple[int, list[dict], float | None]],
                  method: str) -> tuple[list[RawRow], list[int]]:
    """Given (page index, words in points, page height) per page, return the annex's line rows and its pages.

    The words may come from the PDF's text (pdfplumber) or from OCR (scanned pages without ruling
    lines): the same header, gutter and column logic serves both. With a page height, lines in the
    top and bottom margins (running heads, folios) are set aside as text. A page may hold several tables
    (one per section), each under its own header; a page without a header continues the table above.
    """
    rows: list[RawRow] = []
    annex_pages: list[int] = []
    columns: Columns | None = None
    table_id = 0
    for page_index, words, height in pages:
        lines = words_to_lines(words)
        table_id += 1
        page_rows: list[RawRow] = []
        i = 0
        while i < len(lines):
            line = lines[i]
            header = find_header(lines[i:i + HEADER_LINES])
            if header is not None and header[0] == 0:
                _, count, cells, roles = header
                columns = header_columns(cells, roles, lines[i + count:])
                table_id += 1
                i += count
                continue
            i += 1
            in_margin = height is not None and (line.top < MARGIN * height or line.bottom > height - MARGIN * height)
            if columns is None or in_margin:
                page_rows.append(RawRow(kind=RowKind.TEXT, text=line.text, page_index=page_index, top=line.top,
                                        bottom=line.bottom, method=method, table_id=table_id))
                continue
            page_rows.append(line_to_row(line, columns, page_index, table_id, method))
        if any(r.is_line for r in page_rows):
            annex_pages.append(page_index)
            rows.extend(page_rows)
    return (rows, annex_pages) if annex_pages else ([], [])


def has_numbered_rows(rows: list[RawRow]) -> bool:
    """True when raw rows include a table row with a number in its ref cell (a real annex table, not a header)."""
    return any(r.kind is RowKind.CELLS and any(ch.isdigit() for ch in r.ref) for r in rows)
