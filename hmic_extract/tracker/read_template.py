"""Read a workbook this tool wrote (template, returned copy or tracker) back into the data model.

The workbook format is the exporter's (export/xlsx.py): sheet "Assurance template" with a header
row and a hidden Row ID column, "Provenance", "Document", and for a tracker also "Returns" (who
returned which value for which cell) and "Merge report" (problems found in returned copies).
Columns are found by their header text, never by position, so a tracker with extra columns
after Row ID reads the same as a template.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from hmic_extract.errors import UnreadableInput
from hmic_extract.export.columns import ALL_COLUMNS
from hmic_extract.export.xlsx import DOCUMENT_SHEET, PROVENANCE_SHEET, TEMPLATE_SHEET, metadata_key
from hmic_extract.model import Document, Finding, Provenance, Repair
from hmic_extract.normalise.pagerefs import pages_of

RETURNS_SHEET = "Returns"
MERGE_REPORT_SHEET = "Merge report"
RETURNS_HEADERS = ("Row ID", "Column", "Value", "From", "Merged at (UTC)")
MERGE_REPORT_HEADERS = ("Merged at (UTC)", "Copy", "Row ID", "Problem")

# Finding attribute for each template column, in the exporter's column order.
FIELD_OF_HEADER = {c.header: c.field for c in ALL_COLUMNS}
REQUIRED_HEADERS = {c.header for c in ALL_COLUMNS if not c.optional}
EDITABLE_FIELDS = tuple(c.field for c in ALL_COLUMNS if c.editable)
LOCKED_FIELDS = ("section", "ref_text", "page_ref", "issue")
HEADER_OF_FIELD = {v: k for k, v in FIELD_OF_HEADER.items()} | {"ref_text": "Report Ref"}
# Read-only columns a tracker may carry after Row ID, read into provenance.detail under these keys.
DETAIL_COLUMNS = {"Recurs from": "recurs from", "Match %": "match %", "Old action": "old action",
                  "Old status": "old status"}
DATE_FORMATS = ("%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y", "%B %Y",
                "%b %Y")
EXCEL_SERIAL_2000 = 36526  # 1 January 2000 as an Excel serial number
# Document-sheet keys the exporter computes on every write; not metadata to carry over.
COMPUTED_FACTS = {"Rows", "Rows flagged for review", "Extracted by", "Extracted at (UTC)", "PDF pages column",
                  "Pages not read (OCR failed)"}
DETAIL_SPLIT = re.compile(r"; (?=[A-Za-z][\w %()-]{0,40}: )")
REPAIR_LINE = re.compile(r"^(.*?): (\S+) ('.*'|\".*\") -> ('.*'|\".*\")$")


@dataclass
class LogEntry:
    """One value a returned copy (or the office, or the template) gave one editable cell."""

    row_id: str
    field: str  # Finding attribute: action, owner, target_date, status
    value: object  # str or date
    source: str  # the copy's file name, or "(template)" / "(tracker edit)"
    merged_at: str = ""


@dataclass
class ReportLine:
    """One problem found in a returned copy, kept in the tracker's "Merge report" sheet."""

    merged_at: str
    copy: str
    row_id: str
    problem: str


@dataclass
class TrackerWorkbook:
    """A workbook read back: the Document (editable values on each Finding) plus a tracker's history."""

    path: Path
    doc: Document
    is_tracker: bool = False  # has a "Returns" sheet, i.e. was written by merge
    log: list[LogEntry] = field(default_factory=list)
    report: list[ReportLine] = field(default_factory=list)
    rows_without_id: list[int] = field(default_factory=list)  # sheet row numbers holding text but no Row ID


def text_of(value: object) -> str:
    """Given a cell value, return it as trimmed text ("" for empty)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def date_of(value: object) -> date | str | None:
    """Given a Target date cell, return a date, or the text as typed when it is not a date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and value > EXCEL_SERIAL_2000:  # a date cell that lost its format
        from openpyxl.utils.datetime import from_excel

        return from_excel(value).date()
    text = " ".join(str(value).split())
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return text


def ref_of(value: object) -> tuple[int | None, str]:
    """Given a Report Ref cell, return (number or None, the ref as printed)."""
    text = text_of(value)
    m = re.search(r"\d+", text)
    return (int(m.group()) if m else None), text


def header_columns(rows: list[tuple], wanted: set[str], sheet: str, path: Path) -> tuple[int, dict[str, int]]:
    """Given a sheet's first rows, return (header row index, {header: column index}) for the header row."""
    for i, row in enumerate(rows[:30]):
        names = {" ".join(str(c).split()): j for j, c in enumerate(row) if c is not None}
        if wanted <= names.keys():
            return i, names
    raise UnreadableInput(f"{path}: sheet {sheet!r} has no header row with {', '.join(sorted(wanted))}; "
                          f"is this a workbook written by hmic-extract?")


def details_of(text: str) -> dict[str, str]:
    """Given the Provenance sheet's "Details" cell ("key: value; key: value"), return the dict."""
    out: dict[str, str] = {}
    for part in DETAIL_SPLIT.split(text) if text else []:
        key, sep, value = part.partition(": ")
        if sep:
            out[key] = value
    return out


def repairs_of(text: str) -> list[Repair]:
    """Given the Provenance sheet's "Repairs" cell (one ``Repair.describe()`` a line), return the repairs."""
    repairs = []
    for line in text.splitlines():
        m = REPAIR_LINE.match(line)
        if m:
            try:
                repairs.append(Repair(m.group(1), m.group(2), ast.literal_eval(m.group(3)),
                                      ast.literal_eval(m.group(4))))
                continue
            except (ValueError, SyntaxError):
                pass
        repairs.append(Repair("as recorded", "", line, ""))
    return repairs


def provenance_by_row_id(ws, path: Path) -> dict[str, Provenance]:
    """Given the Provenance sheet, return {row id: Provenance}."""
    rows = list(ws.iter_rows(values_only=True))
    top, cols = header_columns(rows, {"Row ID", "Review flags"}, PROVENANCE_SHEET, path)
    out = {}
    for row in rows[top + 1:]:
        def get(name: str, row: tuple = row) -> object:
            j = cols.get(name)
            return row[j] if j is not None and j < len(row) else None

        rid = text_of(get("Row ID"))
        if not rid:
            continue
        pages = [int(n) - 1 for n in re.findall(r"\d+", text_of(get("PDF pages")))]
        confidence = get("OCR confidence")
        flags = [f for f in text_of(get("Review flags")).split("; ") if f]
        out[rid] = Provenance(source=text_of(get("Source file")), pdf_pages=pages, method=text_of(get("Method")),
                              repairs=repairs_of(text_of(get("Repairs"))), review_flags=flags,
                              confidence=float(confidence) if isinstance(confidence, int | float) else None,
                              detail=details_of(text_of(get("Details"))))
    return out


def document_facts(ws) -> tuple[dict[str, object], list[str]]:
    """Given the Document sheet, return ({fact: value}, notes from the PDF)."""
    facts: dict[str, object] = {}
    notes: list[str] = []
    in_notes = False
    for key, value, *_ in ws.iter_rows(min_col=1, max_col=2, values_only=True):
        if key == "Notes from the PDF":
            in_notes = True
        elif in_notes and value is not None:
            notes.append(text_of(value))
        elif key is not None and not in_notes:
            facts[str(key)] = value
    return facts, notes


def document_of(facts: dict[str, object], notes: list[str], findings: list[Finding], path: Path) -> Document:
    """Given the Document sheet's facts, return the Document shell the findings belong to."""
    metadata = {}
    for key, value in facts.items():
        if key in ("Source file", "Document kind", "Pages in PDF") or key in COMPUTED_FACTS or key.startswith("Rows: "):
            continue
        metadata[metadata_key(key)] = text_of(value)
    pages = facts.get("Pages in PDF")
    return Document(source=text_of(facts.get("Source file")) or path.name, kind=text_of(facts.get("Document kind")),
                    findings=findings, metadata=metadata, notes=notes,
                    page_count=pages if isinstance(pages, int) else None)


def log_of(ws, path: Path) -> list[LogEntry]:
    """Given a tracker's "Returns" sheet, return its entries in order."""
    rows = list(ws.iter_rows(values_only=True))
    if not rows:
        return []
    top, cols = header_columns(rows, set(RETURNS_HEADERS), RETURNS_SHEET, path)
    entries = []
    for row in rows[top + 1:]:
        rid, column = text_of(row[cols["Row ID"]]), text_of(row[cols["Column"]])
        name = FIELD_OF_HEADER.get(column)
        if not rid or name not in EDITABLE_FIELDS:
            continue
        raw = row[cols["Value"]]
        value = date_of(raw) if name == "target_date" else text_of(raw)
        entries.append(LogEntry(rid, name, value if value is not None else "", text_of(row[cols["From"]]),
                                text_of(row[cols["Merged at (UTC)"]])))
    return entries


def report_of(ws, path: Path) -> list[ReportLine]:
    """Given a tracker's "Merge report" sheet, return its lines."""
    rows = list(ws.iter_rows(values_only=True))
    if not rows:
        return []
    top, cols = header_columns(rows, set(MERGE_REPORT_HEADERS), MERGE_REPORT_SHEET, path)
    return [ReportLine(*(text_of(row[cols[h]]) for h in MERGE_REPORT_HEADERS))
            for row in rows[top + 1:] if any(c is not None for c in row)]


def read_workbook(path: str | Path) -> TrackerWorkbook:
    """Given a workbook this tool wrote (template, returned copy, tracker), return it in the data model."""
    from .untrusted import load_untrusted_workbook

    path = Path(path)
    wb = load_untrusted_workbook(path)
    ws = wb[TEMPLATE_SHEET] if TEMPLATE_SHEET in wb.sheetnames else wb.worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    top, cols = header_columns(rows, REQUIRED_HEADERS, ws.title, path)
    provenance = provenance_by_row_id(wb[PROVENANCE_SHEET], path) if PROVENANCE_SHEET in wb.sheetnames else {}
    findings, without_id = [], []
    for offset, row in enumerate(rows[top + 1:], start=top + 2):
        values = {FIELD_OF_HEADER[h]: row[j] if j < len(row) else None for h, j in cols.items()
                  if h in FIELD_OF_HEADER}
        if all(text_of(v) == "" for v in values.values()):
            continue
        rid = text_of(values["row_id"])
        if not rid:
            without_id.append(offset)
            continue
        ref, ref_text = ref_of(values["ref"])
        page_ref = text_of(values["page_ref"])
        f = Finding(section=text_of(values["section"]), ref=ref, ref_text=ref_text, page_ref=page_ref,
                    pages=pages_of(page_ref), issue=text_of(values["issue"]), action=text_of(values["action"]),
                    theme=text_of(values.get("theme")), cause=text_of(values.get("cause")),
                    addressee=text_of(values.get("addressee")),
                    provenance=provenance.get(rid, Provenance()), owner=text_of(values["owner"]),
                    target_date=date_of(values["target_date"]), status=text_of(values["status"]), row_id=rid)
        for header, key in DETAIL_COLUMNS.items():
            if header in cols and cols[header] < len(row) and text_of(row[cols[header]]):
                f.provenance.detail[key] = text_of(row[cols[header]])
        findings.append(f)
    facts, notes = document_facts(wb[DOCUMENT_SHEET]) if DOCUMENT_SHEET in wb.sheetnames else ({}, [])
    doc = document_of(facts, notes, findings, path)
    is_tracker = RETURNS_SHEET in wb.sheetnames
    return TrackerWorkbook(
        path=path, doc=doc, is_tracker=is_tracker,
        log=log_of(wb[RETURNS_SHEET], path) if is_tracker else [],
        report=report_of(wb[MERGE_REPORT_SHEET], path) if MERGE_REPORT_SHEET in wb.sheetnames else [],
        rows_without_id=without_id,
    )
