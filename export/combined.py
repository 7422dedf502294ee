"""Write one workbook for a whole batch: an index of every source and every row of every source.

Sheet "Index": one line per input file (also the ones that failed, with the reason), so the
workbook is the record of what the batch did. Sheet "All rows": every template row with a
Source column first, filterable, ready to sort by force or section.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from hmic_extract.model import SECTIONS, Document

from .atomic import atomic_write
from .columns import row_ids
from .xlsx import put

INDEX_SHEET = "Index"
ROWS_SHEET = "All rows"
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F3864")
PROBLEM_FILL = PatternFill("solid", fgColor="F8CBAD")
WRAP_TOP = Alignment(wrap_text=True, vertical="top")


@dataclass
class IndexEntry:
    """What the batch made of one input file."""

    source: str  # the input as the user named it (relative where it came from a folder)
    status: str  # "ok" | "nothing found" | "failed" | "duplicate"
    reason: str = ""
    document: Document | None = None


INDEX_COLUMNS: tuple[tuple[str, float], ...] = (
    ("Source", 40), ("Status", 14), ("Kind", 10), ("Title", 40), ("Force", 18), ("Year", 8), ("Pages", 8),
    *[(f"Rows: {s}", 12) for s in SECTIONS], ("Rows", 8), ("Flagged for review", 12), ("Reason", 60),
)
ROW_COLUMNS: tuple[tuple[str, float], ...] = (
    ("Source", 32), ("Section", 18), ("Report Ref", 8), ("Page Ref", 14), ("Issue of Concern", 70),
    ("Action Taken to Address Concern", 40), ("Review flags", 30), ("PDF pages", 10), ("Row ID", 16),
)


def write_header(ws: Worksheet, columns: Sequence[tuple[str, float]]) -> None:
    for col, (name, width) in enumerate(columns, start=1):
        put(ws, 1, col, name)
        cell = ws.cell(1, col)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A2"


def index_values(entry: IndexEntry) -> list[object]:
    """Given one source's outcome, return its Index line."""
    doc = entry.document
    if doc is None:
        return [entry.source, entry.status, None, None, None, None, None, *[None] * len(SECTIONS), None, None,
                entry.reason]
    counts = doc.rows_per_section()
    meta = doc.metadata
    title = meta.get("report_title") or meta.get("title")
    year = meta.get("inspection_year") or meta.get("year") or meta.get("published", "")[:4] or None
    return [entry.source, entry.status, doc.kind, title, meta.get("force"), year,
            doc.page_count, *[counts.get(s, 0) for s in SECTIONS], len(doc.findings), doc.flagged, entry.reason]


def write_index_sheet(ws: Worksheet, entries: Sequence[IndexEntry]) -> None:
    write_header(ws, INDEX_COLUMNS)
    for r, entry in enumerate(entries, start=2):
        for col, value in enumerate(index_values(entry), start=1):
            put(ws, r, col, value)
            ws.cell(r, col).alignment = WRAP_TOP
        if entry.status not in ("ok", "duplicate"):
            ws.cell(r, 2).fill = PROBLEM_FILL
    ws.auto_filter.ref = f"A1:{get_column_letter(len(INDEX_COLUMNS))}{max(2, len(entries) + 1)}"


def write_rows_sheet(ws: Worksheet, entries: Sequence[IndexEntry]) -> int:
    """Write every row of every source; return how many."""
    write_header(ws, ROW_COLUMNS)
    r = 1
    for entry in entries:
        doc = entry.document
        if doc is None or entry.status != "ok":
            continue
        for f, rid in zip(doc.findings, row_ids(doc), strict=True):
            r += 1
            values = (entry.source, f.section, f.ref if f.ref is not None else f.ref_text, f.page_ref, f.issue,
                      f.action, "; ".join(f.provenance.review_flags),
                      ", ".join(str(n + 1) for n in f.provenance.pdf_pages), rid)
            for col, value in enumerate(values, start=1):
                put(ws, r, col, value)
                ws.cell(r, col).alignment = WRAP_TOP
            if f.needs_review:
                ws.cell(r, 3).fill = PROBLEM_FILL
    ws.auto_filter.ref = f"A1:{get_column_letter(len(ROW_COLUMNS))}{max(2, r)}"
    return r - 1


def build_combined(entries: Sequence[IndexEntry]) -> Workbook:
    wb = Workbook()
    index = wb.active
    index.title = INDEX_SHEET
    write_index_sheet(index, entries)
    write_rows_sheet(wb.create_sheet(ROWS_SHEET), entries)
    return wb


def write_combined(entries: Sequence[IndexEntry], path: Path, force: bool = False) -> Path:
    """Write the batch workbook at ``path`` (atomically; no overwrite unless forced)."""
    wb = build_combined(entries)
    return atomic_write(Path(path), lambda tmp: wb.save(tmp), force=force)
