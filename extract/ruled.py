"""Ruled (lattice) annex tables in born-digital PDFs, found with pdfplumber's line strategy.

pdfplumber builds the cell grid from the ruling lines and joins the wrapped lines of a cell, so each
raw row here is one physical table row on one page. Continuation parts on the next page (no header
row, same columns) are recognised by their column positions. Text lines outside the tables on annex
pages (section titles, footnotes) are handed on as TEXT rows for the normaliser to interpret.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from hmic_extract.model import RawRow, RowKind
from hmic_extract.vocabulary import map_header

from .pdf import OpenPdf

METHOD = "ruled"
TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 3,
                  "intersection_tolerance": 3}
COLUMN_TOLERANCE = 4.0  # points: how far a continuation's column edges may sit from the header's
MIN_COLUMNS = 3


@dataclass
class ActiveTable:
    """The annex table we are inside: its column roles and column left edges."""

    roles: dict[str, int]
    column_x: list[float]
    ncols: int


def column_edges(table) -> list[float]:
    """Given a pdfplumber Table, return the left x of each column (from its fullest row)."""
    best: list[float] = []
    for row in table.rows:
        xs = [c[0] for c in row.cells if c is not None]
        if len(xs) > len(best):
            best = xs
    return best


def continues(active: ActiveTable, ncols: int, edges: list[float]) -> bool:
    """Given the active table and a header-less table, return True when it is the same table continued."""
    if ncols != active.ncols or len(edges) != len(active.column_x):
        return False
    return all(abs(a - b) <= COLUMN_TOLERANCE for a, b in zip(edges, active.column_x, strict=True))


def row_to_raw(cells: list[str | None], roles: dict[str, int], page_index: int, bbox, table_id: int) -> RawRow:
    """Given one extracted table row, return a RawRow: a CELLS row, or a TEXT row for a full-width band."""
    filled = [c for c in cells if c is not None]
    if len(filled) == 1 and len(cells) > 1 and cells[0] is not None:
        # Merged full-width row (a section band such as "Areas for improvement").
        return RawRow(kind=RowKind.TEXT, text=(filled[0] or "").strip(), page_index=page_index,
                      top=bbox[1], bottom=bbox[3], method=METHOD, table_id=table_id)

    def get(role: str) -> str:
        i = roles.get(role)
        return (cells[i] or "") if i is not None and i < len(cells) else ""

    return RawRow(ref=get("ref"), page_ref=get("page_ref"), issue=get("issue"), action=get("action"),
                  page_index=page_index, top=bbox[1], bottom=bbox[3], method=METHOD, table_id=table_id)


def text_lines_outside(page, table_boxes: list[tuple[float, float, float, float]], page_index: int) -> list[RawRow]:
    """Given a page and its table boxes, return its other text lines as TEXT rows (titles, footnotes)."""
    out = []
    for line in page.extract_text_lines(return_chars=False, strip=True):
        mid = (line["top"] + line["bottom"]) / 2
        if any(b[1] <= mid <= b[3] for b in table_boxes):
            continue
        out.append(RawRow(kind=RowKind.TEXT, text=line["text"], page_index=page_index, top=line["top"],
                          bottom=line["bottom"], method=METHOD))
    return out


def extract_ruled(pdf: OpenPdf, page_indexes: Iterable[int]) -> tuple[list[RawRow], list[int]]:
    """Given an open PDF and the pages worth looking at, return the annex's raw rows and its pages.

    Returns ([], []) when no ruled annex table is found.
    """
    rows: list[RawRow] = []
    annex_pages: list[int] = []
    active: ActiveTable | None = None
    table_id = 0
    for page_index in page_indexes:
        page = pdf.plumber.pages[page_index]
        tables = sorted(page.find_tables(TABLE_SETTINGS), key=lambda t: t.bbox[1])
        page_rows: list[RawRow] = []
        boxes = []
        for table in tables:
            extracted = table.extract()
            if not extracted:
                continue
            ncols = max(len(r) for r in extracted)
            if ncols < MIN_COLUMNS:
                continue
            header = map_header([c or "" for c in extracted[0]])
            edges = column_edges(table)
            if header is not None:
                active = ActiveTable(header, edges, ncols)
            elif active is None or not continues(active, ncols, edges):
                continue
            table_id += 1
            boxes.append(table.bbox)
            for cells, prow in zip(extracted, table.rows, strict=False):
                page_rows.append(row_to_raw(cells, active.roles, page_index, prow.bbox, table_id))
        if not page_rows and active is None:
            continue
        if page_rows:
            annex_pages.append(page_index)
        elif active is not None and not tables:
            # A page with no table after the annex began: the annex has ended.
            active = None
            continue
        page_rows.extend(text_lines_outside(page, boxes, page_index))
        page_rows.sort(key=lambda r: (r.top if r.top is not None else 0.0))
        rows.extend(page_rows)
    return (rows, annex_pages) if annex_pages else ([], [])
