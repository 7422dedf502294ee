"""Write a tracker: the exporter's workbook plus the merge history, so it can be merged again.

The template sheet is written by export/xlsx.py from the Document (recipient values included);
this module only adds what a tracker has on top: a "Merge notes" column, recurrence columns after
a compare, shading on cells in conflict, the "Returns" log and the "Merge report", and on request
the "Summary" sheet from status.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook

from hmic_extract.export.atomic import atomic_write
from hmic_extract.export.columns import template_columns
from hmic_extract.export.xlsx import HEADER_ROW, TEMPLATE_SHEET, ExtraColumn, build_workbook, put
from hmic_extract.model import Document

from .merge import MERGE_FLAG, is_conflict_text
from .read_template import (
    DETAIL_COLUMNS,
    EDITABLE_FIELDS,
    HEADER_OF_FIELD,
    MERGE_REPORT_HEADERS,
    MERGE_REPORT_SHEET,
    RETURNS_HEADERS,
    RETURNS_SHEET,
    LogEntry,
    ReportLine,
)

CONFLICT_FILL = PatternFill("solid", fgColor="FF9999")
DETAIL_WIDTHS = {"Recurs from": 30, "Match %": 8, "Old action": 40, "Old status": 12}


def extra_columns_of(doc: Document, tracker: bool) -> list[ExtraColumn]:
    """Given a Document, return the read-only columns a tracker shows after Row ID."""
    extra = []
    if tracker:
        notes = ["; ".join(x[len(MERGE_FLAG):] for x in f.provenance.review_flags if x.startswith(MERGE_FLAG))
                 for f in doc.findings]
        extra.append(ExtraColumn("Merge notes", 36, notes))
    for header, key in DETAIL_COLUMNS.items():
        if any(key in f.provenance.detail for f in doc.findings):
            values = [f.provenance.detail.get(key, "") for f in doc.findings]
            extra.append(ExtraColumn(header, DETAIL_WIDTHS[header], [int(v) if v.isdigit() else v for v in values]))
    return extra


def shade_conflicts(wb: Workbook, doc: Document) -> None:
    """Colour every recipient cell that holds a conflict, so no one reads it as settled."""
    ws = wb[TEMPLATE_SHEET]
    col_of = {c.field: i for i, c in enumerate(template_columns(doc), start=1)}
    for i, f in enumerate(doc.findings, start=HEADER_ROW + 1):
        for name in EDITABLE_FIELDS:
            if is_conflict_text(getattr(f, name)):
                ws.cell(i, col_of[name]).fill = CONFLICT_FILL


def write_table(ws, headers: tuple[str, ...], widths: tuple[float, ...], rows: list[tuple]) -> None:
    for col, (name, width) in enumerate(zip(headers, widths, strict=True), start=1):
        put(ws, 1, col, name)
        ws.cell(1, col).font = Font(bold=True)
        ws.column_dimensions[get_column_letter(col)].width = width
    for r, row in enumerate(rows, start=2):
        for col, value in enumerate(row, start=1):
            put(ws, r, col, value)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(2, len(rows) + 1)}"


def build_tracker(doc: Document, log: list[LogEntry], report: list[ReportLine], tracker: bool = True,
                  add_sheets: Callable[[Workbook], None] | None = None) -> Workbook:
    """Given a merged Document and its history, return the tracker workbook."""
    wb = build_workbook(doc, extra_columns_of(doc, tracker))
    shade_conflicts(wb, doc)
    if tracker:
        write_table(wb.create_sheet(RETURNS_SHEET), RETURNS_HEADERS, (16, 30, 50, 30, 18),
                    [(e.row_id, HEADER_OF_FIELD[e.field], e.value, e.source, e.merged_at) for e in log])
        for r, e in enumerate(log, start=2):
            if e.field == "target_date" and not isinstance(e.value, str):
                wb[RETURNS_SHEET].cell(r, 3).number_format = "DD/MM/YYYY"
        write_table(wb.create_sheet(MERGE_REPORT_SHEET), MERGE_REPORT_HEADERS, (18, 30, 16, 90),
                    [(p.merged_at, p.copy, p.row_id, p.problem) for p in report])
    if add_sheets is not None:
        add_sheets(wb)
    return wb


def write_tracker(doc: Document, log: list[LogEntry], report: list[ReportLine], path: Path, force: bool = False,
                  tracker: bool = True, add_sheets: Callable[[Workbook], None] | None = None) -> Path:
    """Write the tracker atomically (no overwrite unless forced) and return its path."""
    wb = build_tracker(doc, log, report, tracker, add_sheets)
    return atomic_write(Path(path), lambda tmp: wb.save(tmp), force=force)
