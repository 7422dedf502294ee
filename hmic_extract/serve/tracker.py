"""The tracker in the page: merge returned copies into a template, as ``hmic-extract merge`` then ``status``.

The same library calls as the CLI (read_workbook, which reads every workbook as untrusted;
merge_returns; summarise_status; write_tracker with the Summary sheet); what the page adds is only
the names: files are stored under server ids, and a copy's identity in the merge is the name its
sender gave it (a newer copy with the same name replaces the older one's values).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path, PurePath
from typing import Any

from hmic_extract.errors import HmicError, UnreadableInput


@dataclass
class TrackerRun:
    """One merge done in the page: the tracker written, what the merge found and the status figures."""

    id: str
    path: Path
    name: str
    rows: int = 0
    merged: int = 0
    copies: int = 0
    updated: int = 0
    conflicts: int = 0
    problems: list[str] = field(default_factory=list)
    status: dict[str, Any] = field(default_factory=dict)


def read_named(path: Path, name: str) -> Any:
    """Read a stored workbook as untrusted and give it back under the name its sender gave it."""
    from hmic_extract.tracker.read_template import read_workbook

    try:
        book = read_workbook(path)
    except HmicError as err:
        raise UnreadableInput(str(err).replace(str(path), name)) from err
    book.path = PurePath(name)  # type: ignore[assignment]  # only its name is used from here on
    return book


def status_json(summary: Any) -> dict[str, Any]:
    """The status figures for the page's chart and table (the same table ``hmic-extract status`` prints)."""
    from hmic_extract.tracker.status import STATUS_COLOURS, table_rows

    header, rows = table_rows(summary)
    return {"as_of": summary.as_of.strftime("%d/%m/%Y"), "header": header, "rows": rows,
            "statuses": summary.statuses, "colours": {s: f"#{STATUS_COLOURS[s]}" for s in summary.statuses},
            "overdue": [{"row": f"{f.section} {f.ref_text}", "due": f.target_date.strftime("%d/%m/%Y"),
                         "status": f.status, "owner": f.owner, "issue": " ".join(f.issue.split())}
                        for f in summary.overdue],
            "conflicts": summary.conflict_cells}


def merge_into_tracker(run_id: str, template: tuple[Path, str], copies: list[tuple[Path, str]], out: Path,
                       as_of: date | None = None) -> TrackerRun:
    """Given stored (path, name) workbooks, write the merged tracker with its Summary sheet at ``out``."""
    from hmic_extract.tracker.merge import merge_returns
    from hmic_extract.tracker.status import add_summary_sheet, summarise_status
    from hmic_extract.tracker.write_tracker import write_tracker

    base = read_named(*template)
    books = [read_named(path, name) for path, name in copies]
    result = merge_returns(base, books, datetime.now(UTC).strftime("%Y-%m-%d %H:%M"))
    summary = summarise_status(result.doc, as_of or date.today())
    write_tracker(result.doc, result.log, result.report, out, force=True,
                  add_sheets=lambda wb: add_summary_sheet(wb, summary))
    stem = PurePath(template[1]).stem.removesuffix("-tracker")
    return TrackerRun(run_id, out, f"{stem}-tracker.xlsx", rows=len(result.doc.findings), merged=result.copies_merged,
                      copies=len(books), updated=result.updated_cells, conflicts=result.conflicts,
                      problems=[f"{p.copy}{' ' + p.row_id if p.row_id else ''}: {p.problem}" for p in result.problems],
                      status=status_json(summary))
