"""Ruled (lattice) annex tables in born-digital PDFs.

The cell grid comes from the page's ruling lines with pdfplumber's table algorithm, fed with edges
that pdfium reads in milliseconds (see ``pdfium_page``); cell text comes from pdfium too, with the
wrapped lines of a cell kept as lines for the normaliser to join. Each raw row is one physical table
row on one page. Continuation parts on the next page (no header row, same columns) are recognised
by their column positions. Text lines outside the tables on annex pages (section titles, footnotes)
are handed on as TEXT rows for the normaliser to interpret.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from hmic_extract.model import RawRow, RowKind
from hmic_extract.vocabulary import map_header

from .pdf import OpenPdf
from .pdfium_page import PdfiumPage

METHOD = "ruled"
SNAP = 3.0  # points: edges this close are the same line (pdfplumber's default)
COLUMN_TOLERANCE = 4.0  # points: how far a continuation's column edges may sit from the header's
MIN_COLUMNS = 3
HEADER_SEARCH_ROWS = 3  # a header may sit below a title row or two inside the table
HEADER_WORDS = re.compile(r"\b(ref|page|concern|recommendation|improvement|issue|finding|action|update)", re.I)


@dataclass
class ActiveTable:
    """The annex table we are inside: its column roles and column left edges."""

    roles: dict[str, int]
    column_x: list[float]
    ncols: int


@dataclass
class Grid:
    """One ruled table on a page: its rows of cell boxes (None where a cell is merged into its left)."""

    bbox: tuple[float, float, float, float]
    rows: list[tuple[tuple[float, float, float, float], list[tuple[float, float, float, float] | None]]]

    @property
    def ncols(self) -> int:
        return max((len(cells) for _, cells in self.rows), default=0)

    def column_edges(self) -> list[float]:
        """Left x of each column, from the fullest row."""
        best: list[float] = []
        for _, cells in self.rows:
            xs = [c[0] for c in cells if c is not None]
            if len(xs) > len(best):
                best = xs
        return best


def edges_to_grids(edges: list[dict]) -> list[Grid]:
    """Given a page's edges, return its ruled tables, top to bottom (pdfplumber's lattice algorithm)."""
    from pdfplumber.table import Table, cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges
    from pdfplumber.utils import filter_edges

    if not edges:
        return []
    merged = filter_edges(merge_edges(edges, SNAP, SNAP, SNAP, SNAP), min_length=SNAP)
    cells = intersections_to_cells(edges_to_intersections(merged, SNAP, SNAP))
    grids = []
    for table_cells in cells_to_tables(cells):
        table = Table(None, table_cells)  # type: ignore[arg-type] - rows/bbox need no page
        grids.append(Grid(table.bbox, [(row.bbox, list(row.cells)) for row in table.rows]))
    return sorted(grids, key=lambda g: g.bbox[1])


def find_header(page: PdfiumPage, grid: Grid) -> tuple[int, dict[str, int] | None]:
    """Given a table, return (row index, column roles) of its annex header among its first rows.

    A table may open with a title row ("Annex A: assurance template", a section band) above the header.
    """
    for number, (_, cells) in enumerate(grid.rows[:HEADER_SEARCH_ROWS]):
        header = map_header([page.text_in(c) if c else "" for c in cells])
        if header is not None:
            return number, header
    return 0, None


def continues(active: ActiveTable, grid: Grid) -> bool:
    """Given the active table and a header-less table, return True when it is the same table continued."""
    edges = grid.column_edges()
    if grid.ncols != active.ncols or len(edges) != len(active.column_x):
        return False
    return all(abs(a - b) <= COLUMN_TOLERANCE for a, b in zip(edges, active.column_x, strict=True))


def text_row(text: str, page_index: int, bbox, table_id: int) -> RawRow:
    """A TEXT row for a line of a table that is not a table row (a title or a section band)."""
    return RawRow(kind=RowKind.TEXT, text=" ".join(text.split()), page_index=page_index, top=bbox[1],
                  bottom=bbox[3], method=METHOD, table_id=table_id)


def row_to_raw(cells: list[str | None], roles: dict[str, int], page_index: int, bbox, table_id: int) -> RawRow:
    """Given one table row's texts, return a RawRow: a CELLS row, or a TEXT row for a full-width band."""
    filled = [c for c in cells if c is not None]
    if len(filled) == 1 and len(cells) > 1 and cells[0] is not None:
        return text_row(filled[0] or "", page_index, bbox, table_id)  # a full-width band: a section title

    def get(role: str) -> str:
        i = roles.get(role)
        return (cells[i] or "") if i is not None and i < len(cells) else ""

    return RawRow(ref=get("ref"), page_ref=get("page_ref"), issue=get("issue"), action=get("action"),
                  section=get("section"), page_index=page_index, top=bbox[1], bottom=bbox[3], method=METHOD,
                  table_id=table_id)


def text_rows_outside(page: PdfiumPage, boxes: list[tuple[float, float, float, float]],
                      page_index: int) -> list[RawRow]:
    """Given a page and its table boxes, return its other text lines as TEXT rows (titles, footnotes)."""
    out = []
    for text, x0, top, x1, bottom in page.text_lines():
        mid_y, mid_x = (top + bottom) / 2, (x0 + x1) / 2
        if any(b[1] <= mid_y <= b[3] and b[0] <= mid_x <= b[2] for b in boxes):
            continue
        out.append(RawRow(kind=RowKind.TEXT, text=text, page_index=page_index, top=top, bottom=bottom,
                          method=METHOD))
    return out


def extract_ruled(pdf: OpenPdf, page_indexes: Iterable[int]) -> tuple[list[RawRow], list[int]]:
    """Given an open PDF and the pages worth looking at, return the annex's raw rows and its pages.

    Pages whose text names no header word and that cannot continue an active table are skipped
    before any grid is built. Returns ([], []) when no ruled annex table is found, or when pdfium cannot
    read the file (the pdfplumber-based stream path is the fallback then).
    """
    if pdf.pdfium is None:
        return [], []
    facts = pdf.page_facts()
    rows: list[RawRow] = []
    annex_pages: list[int] = []
    active: ActiveTable | None = None
    table_id = 0
    for page_index in page_indexes:
        if active is None and not HEADER_WORDS.search(facts[page_index].text):
            continue  # cheap text scan: no annex can start on this page
        page = PdfiumPage.load(pdf.pdfium, page_index)
        try:
            page_rows: list[RawRow] = []
            boxes = []
            for grid in edges_to_grids(page.edges()):
                if grid.ncols < MIN_COLUMNS:
                    continue
                header_at, header = find_header(page, grid)
                if header is not None:
                    active = ActiveTable(header, grid.column_edges(), grid.ncols)
                elif active is None or not continues(active, grid):
                    continue
                table_id += 1
                boxes.append(grid.bbox)
                for number, (bbox, cells) in enumerate(grid.rows):
                    texts = [page.text_in(c) if c is not None else None for c in cells]
                    if number < header_at:  # a title row above the header, inside the table
                        page_rows.append(text_row(" ".join(t or "" for t in texts), page_index, bbox, table_id))
                    else:
                        page_rows.append(row_to_raw(texts, active.roles, page_index, bbox, table_id))
            if not page_rows:
                if active is not None:
                    active = None  # a page with no table part after the annex began: the annex has ended
                continue
            annex_pages.append(page_index)
            page_rows.extend(text_rows_outside(page, boxes, page_index))
            page_rows.sort(key=lambda r: r.top if r.top is not None else 0.0)
            rows.extend(page_rows)
        finally:
            page.close()
    return (rows, annex_pages) if annex_pages else ([], [])
