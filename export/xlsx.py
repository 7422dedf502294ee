"""Write the assurance-template workbook a PCC office circulates.

Sheet 1 "Assurance template": the rows, with the four recipient columns (action, owner, target
date, status) unlocked and everything else locked under a password-less sheet protection, so
recipients can only type where they should. Sheet 2 "Provenance": where each row came from and
what was repaired or needs review. Sheet 3 "Document": metadata and the PDF's footnotes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from hmic_extract import __version__
from hmic_extract.model import Document

from .atomic import atomic_write
from .cells import cell_text, looks_like_formula
from .columns import row_ids, template_columns

TEMPLATE_SHEET = "Assurance template"
PROVENANCE_SHEET = "Provenance"
DOCUMENT_SHEET = "Document"

HEADER_ROW = 4
STATUSES = ("Not started", "In progress", "Complete", "Closed")

THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="1F3864")
HEADER_FONT = Font(bold=True, color="FFFFFF")
EDITABLE_FILL = PatternFill("solid", fgColor="FFF9E5")
REVIEW_FILL = PatternFill("solid", fgColor="F8CBAD")
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
CENTRE_TOP = Alignment(wrap_text=True, vertical="top", horizontal="center")


def put(ws: Worksheet, row: int, col: int, value: object) -> None:
    """Write a value; text that a spreadsheet would run as a formula is stored as plain text."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        value = cell_text(value)
        cell.value = value
        if looks_like_formula(value):
            cell.data_type = "s"
            cell.quotePrefix = True
    else:
        cell.value = value


def estimated_height(texts_and_widths: list[tuple[str, float]]) -> float:
    """Row height (points) that shows all wrapped text: Excel does not grow rows by itself."""
    lines = 1
    for text, width in texts_and_widths:
        per_line = max(int(width * 1.25), 1)
        lines = max(lines, sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n")))
    return min(15.8 * lines + 4, 409)  # Calibri 11 (or its metric twin Carlito) needs about 15.8 pt a line


@dataclass(frozen=True)
class ExtraColumn:
    """A read-only column after Row ID (a tracker's merge notes, recurrence), one value per finding."""

    header: str
    width: float
    values: Sequence[object]


def write_template_sheet(ws: Worksheet, doc: Document, extra_columns: Sequence[ExtraColumn] = ()) -> None:
    columns = template_columns(doc)
    at = {c.field: i for i, c in enumerate(columns, start=1)}  # column number of each field
    title = doc.metadata.get("title") or Path(doc.source).stem
    put(ws, 1, 1, f"Assurance template: {title}")
    ws.cell(1, 1).font = Font(bold=True, size=14)
    counts = doc.counts_text()
    flagged = f"; {doc.flagged} flagged for review (shaded; see Provenance)" if doc.flagged else ""
    put(ws, 2, 1, f"Source: {doc.source}. {len(doc.findings)} rows ({counts}){flagged}. "
                  f"Fill in the shaded columns.")
    ws.cell(2, 1).font = Font(italic=True, color="404040")
    for col, column in enumerate(columns, start=1):
        put(ws, HEADER_ROW, col, column.header)
        cell = ws.cell(HEADER_ROW, col)
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(col)].width = column.width
    ws.column_dimensions[get_column_letter(at["row_id"])].hidden = True
    ws.row_dimensions[HEADER_ROW].height = 30

    first = HEADER_ROW + 1
    centred = {at["ref"], at["page_ref"]}
    for i, (f, rid) in enumerate(zip(doc.findings, row_ids(doc), strict=True)):
        r = first + i
        for col, column in enumerate(columns, start=1):
            put(ws, r, col, rid if column.field == "row_id" else column.value(f))
            cell = ws.cell(r, col)
            cell.alignment, cell.border = (CENTRE_TOP if col in centred else WRAP_TOP), BORDER
            if column.editable:
                cell.protection = Protection(locked=False)
                cell.fill = EDITABLE_FILL
        ws.cell(r, at["target_date"]).number_format = "DD/MM/YYYY"
        if f.needs_review:
            ws.cell(r, at["ref"]).fill = REVIEW_FILL
        ws.row_dimensions[r].height = estimated_height([(str(c.value(f) or ""), c.width) for c in columns
                                                        if c.field in ("issue", "page_ref", "cause", "theme")])
    last = max(first, first + len(doc.findings) - 1)
    for k, extra in enumerate(extra_columns, start=len(columns) + 1):
        put(ws, HEADER_ROW, k, extra.header)
        ws.cell(HEADER_ROW, k).font, ws.cell(HEADER_ROW, k).fill = HEADER_FONT, HEADER_FILL
        ws.cell(HEADER_ROW, k).border, ws.cell(HEADER_ROW, k).alignment = BORDER, WRAP_TOP
        ws.column_dimensions[get_column_letter(k)].width = extra.width
        for i, value in enumerate(extra.values):
            put(ws, first + i, k, value)
            ws.cell(first + i, k).alignment, ws.cell(first + i, k).border = WRAP_TOP, BORDER
    last_col = get_column_letter(len(columns) + len(extra_columns) if extra_columns else len(columns) - 1)
    status_col, date_col = get_column_letter(at["status"]), get_column_letter(at["target_date"])

    status = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=True,
                            showErrorMessage=True, errorTitle="Status", error="Choose a status from the list")
    status.add(f"{status_col}{first}:{status_col}{last}")
    date = DataValidation(type="date", operator="greaterThan", formula1="DATE(2000,1,1)", allow_blank=True,
                          showErrorMessage=True, errorTitle="Target date", error="Enter a date, e.g. 31/12/2025")
    date.add(f"{date_col}{first}:{date_col}{last}")
    ws.add_data_validation(status)
    ws.add_data_validation(date)

    ws.freeze_panes = ws.cell(first, 1)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{last}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_area = f"A1:{last_col}{last}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "Page &P of &N"
    ws.oddFooter.left.text = "&F"
    # Locked issue columns, editable action columns; no password, so an office can unprotect it.
    ws.protection.sheet = True
    ws.protection.autoFilter = False
    ws.protection.sort = False
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def write_provenance_sheet(ws: Worksheet, doc: Document) -> None:
    headers = ("Row ID", "Section", "Report Ref", "Source file", "PDF pages", "Method", "OCR confidence",
               "Review flags", "Repairs", "Details")
    widths = (16, 18, 8, 28, 10, 12, 10, 40, 60, 40)
    for col, (name, width) in enumerate(zip(headers, widths, strict=True), start=1):
        put(ws, 1, col, name)
        ws.cell(1, col).font = Font(bold=True)
        ws.column_dimensions[get_column_letter(col)].width = width
    for i, (f, rid) in enumerate(zip(doc.findings, row_ids(doc), strict=True)):
        p = f.provenance
        values = (
            rid, f.section, f.ref if f.ref is not None else f.ref_text, p.source,
            ", ".join(str(n + 1) for n in p.pdf_pages), p.method,
            round(p.confidence, 3) if p.confidence is not None else None,
            "; ".join(p.review_flags), "\n".join(r.describe() for r in p.repairs),
            "; ".join(f"{k}: {v}" for k, v in p.detail.items()),
        )
        for col, value in enumerate(values, start=1):
            put(ws, i + 2, col, value)
            ws.cell(i + 2, col).alignment = WRAP_TOP
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(2, len(doc.findings) + 1)}"


METADATA_LABELS = {"sha256": "SHA-256", "creationdate": "PDF created"}
PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?")


def metadata_label(key: str) -> str:
    return METADATA_LABELS.get(key, key.replace("_", " ").capitalize())


def metadata_key(label: str) -> str:
    """The inverse of ``metadata_label``, for reading a workbook back."""
    inverse = {v: k for k, v in METADATA_LABELS.items()}
    return inverse.get(label, label.lower().replace(" ", "_"))


def metadata_value(key: str, value: str) -> str:
    """PDF dates ("D:20170302120000+00'00'") as people write them ("2017-03-02 12:00")."""
    m = PDF_DATE.match(value) if key == "creationdate" else None
    if not m:
        return value
    year, month, day, hour, minute = (g or "" for g in m.groups())
    date = "-".join(p for p in (year, month, day) if p)
    return f"{date} {hour}:{minute}" if hour and minute else date


def write_document_sheet(ws: Worksheet, doc: Document) -> None:
    facts: list[tuple[str, object]] = [
        ("Source file", doc.source),
        ("Document kind", doc.kind),
        ("Pages in PDF", doc.page_count),
        *[(metadata_label(k), metadata_value(k, v)) for k, v in sorted(doc.metadata.items())],
        ("Rows", len(doc.findings)),
        *[(f"Rows: {s}", n) for s, n in doc.rows_per_section().items()],
        ("Rows flagged for review", doc.flagged),
        *([("Pages not read (OCR failed)", doc.unread_text())] if doc.unread_pages else []),
        ("Extracted by", f"hmic-extract {__version__}"),
        ("Extracted at (UTC)", datetime.now(UTC).strftime("%Y-%m-%d %H:%M")),
        ("PDF pages column", "PDF page indexes counted from 1 (not the printed page numbers)"),
    ]
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 100
    for r, (key, value) in enumerate(facts, start=1):
        put(ws, r, 1, key)
        ws.cell(r, 1).font = Font(bold=True)
        put(ws, r, 2, value if isinstance(value, int | float) or value is None else str(value))
    notes = [u.describe() for u in doc.unread_pages] + doc.notes
    if notes:
        r = len(facts) + 2
        put(ws, r, 1, "Notes from the PDF")
        ws.cell(r, 1).font = Font(bold=True)
        for i, note in enumerate(notes, start=r + 1):
            put(ws, i, 2, note)
            ws.cell(i, 2).alignment = WRAP_TOP


def build_workbook(doc: Document, extra_columns: Sequence[ExtraColumn] = ()) -> Workbook:
    wb = Workbook()
    template = wb.active
    template.title = TEMPLATE_SHEET
    write_template_sheet(template, doc, extra_columns)
    write_provenance_sheet(wb.create_sheet(PROVENANCE_SHEET), doc)
    write_document_sheet(wb.create_sheet(DOCUMENT_SHEET), doc)
    return wb


def write_xlsx(doc: Document, path: Path, force: bool = False) -> Path:
    """Write ``doc`` as an assurance-template workbook at ``path`` (atomically; no overwrite unless forced)."""
    wb = build_workbook(doc)
    return atomic_write(Path(path), lambda tmp: wb.save(tmp), force=force)
