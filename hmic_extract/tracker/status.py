"""Progress for the panel: rows per section by status, rows with no owner or action, overdue rows.

A row is overdue when its target date is before the as-of date and its status is neither
Complete nor Closed (a status in conflict counts as not done). Statuses are matched to the
template's list ignoring case; anything else is counted as "Other".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook

from hmic_extract.export.xlsx import STATUSES, estimated_height, put
from hmic_extract.model import SECTION_CODES, SECTIONS, Document, Finding

from .merge import is_conflict_text

SUMMARY_SHEET = "Summary"
NO_STATUS, OTHER, CONFLICT = "No status", "Other", "Conflict"
DONE = ("Complete", "Closed")
SYNONYMS = {"completed": "Complete", "done": "Complete", "ongoing": "In progress", "open": "In progress"}
# Bar colours by status: grey not started, amber in progress, greens done, red conflict.
STATUS_COLOURS = {"Not started": "A6A6A6", "In progress": "F4B183", "Complete": "70AD47", "Closed": "375623",
                  NO_STATUS: "D9D9D9", OTHER: "8064A2", CONFLICT: "C00000"}
HEADER_FILL = PatternFill("solid", fgColor="1F3864")
TABLE_ROW = 4  # header row of the summary table on the Summary sheet
OVERDUE_LAST_COL = 12  # the overdue list's issue text is wrapped across columns F..L


@dataclass
class SectionProgress:
    """One section's counts."""

    by_status: dict[str, int] = field(default_factory=dict)
    total: int = 0
    no_owner: int = 0
    no_action: int = 0
    overdue: int = 0


@dataclass
class StatusSummary:
    """The progress summary of one tracker at one date."""

    as_of: date
    source: str
    sections: dict[str, SectionProgress]
    overdue: list[Finding]
    unreadable_dates: list[Finding]
    conflict_cells: int = 0  # recipient cells still showing two returned values

    @property
    def statuses(self) -> list[str]:
        """The status columns to show: the template's list and No status always, the rest when present."""
        present = {s for p in self.sections.values() for s, n in p.by_status.items() if n}
        return [*STATUSES, NO_STATUS, *(s for s in (OTHER, CONFLICT) if s in present)]

    def totals(self) -> SectionProgress:
        out = SectionProgress()
        for p in self.sections.values():
            for s, n in p.by_status.items():
                out.by_status[s] = out.by_status.get(s, 0) + n
            out.total += p.total
            out.no_owner += p.no_owner
            out.no_action += p.no_action
            out.overdue += p.overdue
        return out


def status_of(value: str) -> str:
    """Given a Status cell, return the status it counts as."""
    if is_conflict_text(value):
        return CONFLICT
    key = " ".join(str(value or "").split()).casefold()
    if not key:
        return NO_STATUS
    for s in STATUSES:
        if key == s.casefold():
            return s
    return SYNONYMS.get(key, OTHER)


def is_overdue(f: Finding, as_of: date) -> bool:
    """True when the row's target date has passed and it is not complete."""
    return isinstance(f.target_date, date) and f.target_date < as_of and status_of(f.status) not in DONE


def summarise_status(doc: Document, as_of: date) -> StatusSummary:
    """Given a tracker's Document, return its progress at ``as_of``."""
    order = [*SECTIONS, *sorted({f.section for f in doc.findings} - set(SECTIONS))]
    sections: dict[str, SectionProgress] = {}
    overdue, unreadable = [], []
    for name in order:
        rows = [f for f in doc.findings if f.section == name]
        if not rows:
            continue
        p = SectionProgress(by_status={s: 0 for s in (*STATUSES, NO_STATUS, OTHER, CONFLICT)}, total=len(rows))
        for f in rows:
            p.by_status[status_of(f.status)] += 1
            p.no_owner += not f.owner.strip()
            p.no_action += not f.action.strip()
            if is_overdue(f, as_of):
                p.overdue += 1
                overdue.append(f)
            if isinstance(f.target_date, str) and f.target_date.strip():
                unreadable.append(f)
        sections[name] = p
    conflicts = sum(is_conflict_text(getattr(f, name)) for f in doc.findings
                    for name in ("action", "owner", "target_date", "status"))
    return StatusSummary(as_of=as_of, source=doc.source, sections=sections, overdue=overdue,
                         unreadable_dates=unreadable, conflict_cells=conflicts)


def table_rows(summary: StatusSummary) -> tuple[list[str], list[list[object]]]:
    """Given a summary, return (header, rows) of the section-by-status table, the total row last."""
    header = ["Section", *summary.statuses, "Total", "No owner", "No action", "Overdue"]
    rows: list[list[object]] = []
    for name, p in [*summary.sections.items(), ("Total", summary.totals())]:
        rows.append([name, *(p.by_status.get(s, 0) for s in summary.statuses), p.total, p.no_owner, p.no_action,
                     p.overdue])
    return header, rows


def short_ref(f: Finding) -> str:
    """Given a finding, return its short name for a printed line, e.g. "AFI 3"."""
    return f"{SECTION_CODES.get(f.section, f.section or '?')} {f.ref_text or '?'}"


def format_status_table(summary: StatusSummary) -> str:
    """Given a summary, return the printed table (plain text, fixed width)."""
    header, rows = table_rows(summary)
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = [f"Progress at {summary.as_of:%d/%m/%Y} ({summary.source})", ""]
    for i, row in enumerate([header, *rows]):
        cells = [str(row[0]).ljust(widths[0]), *(str(v).rjust(w) for v, w in zip(row[1:], widths[1:], strict=True))]
        if i == len(rows):
            lines.append("-" * (sum(widths) + 2 * (len(widths) - 1)))
        lines.append("  ".join(cells).rstrip())
    lines.append("")
    if summary.overdue:
        lines.append(f"Overdue ({len(summary.overdue)}):")
        for f in summary.overdue:
            issue = " ".join(f.issue.split())
            lines.append(f"  {short_ref(f):8} due {f.target_date:%d/%m/%Y}  {f.status or NO_STATUS:12}  "
                         f"{f.owner or '(no owner)'}: {issue[:60] + ('…' if len(issue) > 60 else '')}")
    else:
        lines.append("Overdue: none")
    if summary.conflict_cells:
        lines.append(f"Cells in conflict between returned copies: {summary.conflict_cells} (see Merge notes)")
    if summary.unreadable_dates:
        lines.append(f"Target date not a date ({len(summary.unreadable_dates)}): "
                     + ", ".join(short_ref(f) for f in summary.unreadable_dates))
    return "\n".join(lines)


def add_summary_sheet(wb: Workbook, summary: StatusSummary) -> None:
    """Add (or replace) the "Summary" sheet: the table, a stacked bar chart, and the overdue rows."""
    if SUMMARY_SHEET in wb.sheetnames:
        del wb[SUMMARY_SHEET]
    ws = wb.create_sheet(SUMMARY_SHEET, index=1)
    put(ws, 1, 1, f"Progress at {summary.as_of:%d/%m/%Y}")
    ws.cell(1, 1).font = Font(bold=True, size=14)
    totals = summary.totals()
    put(ws, 2, 1, f"Source: {summary.source}. {totals.total} rows; {totals.overdue} overdue; "
                  f"{totals.no_owner} with no owner; {totals.no_action} with no action"
                  f"{f'; {summary.conflict_cells} cell(s) in conflict' if summary.conflict_cells else ''}.")
    ws.cell(2, 1).font = Font(italic=True, color="404040")
    header, rows = table_rows(summary)
    for col, name in enumerate(header, start=1):
        put(ws, TABLE_ROW, col, name)
        ws.cell(TABLE_ROW, col).font = Font(bold=True, color="FFFFFF")
        ws.cell(TABLE_ROW, col).fill = HEADER_FILL
        ws.cell(TABLE_ROW, col).alignment = Alignment(horizontal="left" if col == 1 else "right")
        ws.column_dimensions[get_column_letter(col)].width = 24 if col == 1 else 12
    for r, row in enumerate(rows, start=TABLE_ROW + 1):
        for col, value in enumerate(row, start=1):
            put(ws, r, col, value)
            if r == TABLE_ROW + len(rows):
                ws.cell(r, col).font = Font(bold=True)
    last_section_row = TABLE_ROW + len(rows) - 1

    chart = BarChart()
    chart.type, chart.grouping, chart.overlap = "col", "stacked", 100
    chart.title = "Rows per section by status"
    chart.y_axis.title = "Rows"
    chart.x_axis.delete = chart.y_axis.delete = False  # openpyxl >= 3.1 hides axes unless told
    chart.y_axis.majorGridlines = None
    chart.add_data(Reference(ws, min_col=2, max_col=1 + len(summary.statuses), min_row=TABLE_ROW,
                             max_row=last_section_row), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=TABLE_ROW + 1, max_row=last_section_row))
    for series, status in zip(chart.series, summary.statuses, strict=True):
        series.graphicalProperties.solidFill = STATUS_COLOURS[status]
        series.graphicalProperties.line.solidFill = STATUS_COLOURS[status]
    chart.width, chart.height = 22, 10
    chart_row = TABLE_ROW + len(rows) + 2
    ws.add_chart(chart, f"A{chart_row}")

    write_overdue_list(ws, summary, chart_row + 22)  # below the chart (10 cm is about 20 rows)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def write_overdue_list(ws, summary: StatusSummary, top: int) -> None:
    """Write the overdue rows under the chart: ref, date, status, owner, and the issue wrapped across the rest."""
    put(ws, top, 1, f"Overdue rows ({len(summary.overdue)})")
    ws.cell(top, 1).font = Font(bold=True)
    spans = ((1, 1), (2, 2), (3, 3), (4, 5), (6, OVERDUE_LAST_COL))  # (first, last) column of each field
    for (first, _last), name in zip(spans, ("Row", "Target date", "Status", "Owner", "Issue of Concern"), strict=True):
        put(ws, top + 1, first, name)
        ws.cell(top + 1, first).font = Font(bold=True)
    for r, f in enumerate(summary.overdue, start=top + 2):
        values = (f"{f.section} {f.ref_text}", f.target_date, f.status, f.owner, " ".join(f.issue.split()))
        for (first, last), value in zip(spans, values, strict=True):
            put(ws, r, first, value)
            ws.cell(r, first).alignment = Alignment(wrap_text=True, vertical="top")
            if last > first:
                ws.merge_cells(start_row=r, start_column=first, end_row=r, end_column=last)
        ws.cell(r, 2).number_format = "DD/MM/YYYY"
        ws.row_dimensions[r].height = estimated_height([(values[-1], 10.0 * (OVERDUE_LAST_COL - 5))])  # spare room
