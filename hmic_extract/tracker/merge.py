"""Merge returned copies of a template into one tracker, matching rows by their Row ID.

Every value a copy contributes is kept in the tracker's log (sheet "Returns") under the copy's
file name, so the tracker can be re-merged at any time:

* a copy contributes a cell only where its value differs from what the tracker already holds,
  so merging the same copy twice changes nothing, and a newer copy with the same file name
  replaces that copy's earlier values (it updates, never duplicates);
* when two copies give one cell different values, the cell shows both (``CONFLICT: ...``) and the
  row is flagged; nothing is chosen silently;
* an office edit typed into the tracker itself (e.g. settling a conflict) is detected on the next
  merge and recorded as a decision that older returned values no longer override; a copy whose
  value then changes again is a new contribution;
* a blank cell in a copy means "no answer", never "clear the tracker's value".

Only the recipient columns (action, owner, target date, status) are taken from copies. Altered
locked cells, rows with unknown or missing ids, and copies of another template are reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from hmic_extract.errors import UnreadableInput
from hmic_extract.model import Document, Finding

from .read_template import (
    EDITABLE_FIELDS,
    HEADER_OF_FIELD,
    LOCKED_FIELDS,
    LogEntry,
    ReportLine,
    TrackerWorkbook,
)

TEMPLATE_SOURCE = "(template)"  # values already in the template when it was first merged
OFFICE_SOURCE = "(tracker edit)"  # values typed into the tracker itself
DECISION_SOURCES = (TEMPLATE_SOURCE, OFFICE_SOURCE)
CONFLICT_MARK = "CONFLICT: "
CONFLICT_SEPARATOR = " | "
MERGE_FLAG = "merge: "  # prefix of review flags this module sets (recomputed on every merge)
EXCERPT = 60


@dataclass
class Resolution:
    """What one editable cell holds after merging: a value, or the disagreeing values and their sources."""

    value: object
    conflict: list[tuple[object, str]] = field(default_factory=list)


@dataclass
class MergeResult:
    """The merged tracker in the data model, its log, and what this run found."""

    doc: Document
    log: list[LogEntry]
    report: list[ReportLine]  # the whole history, this run's lines last
    problems: list[ReportLine]  # this run's lines only
    updated_cells: int = 0
    conflicts: int = 0  # cells in conflict after the merge
    copies_merged: int = 0


def comparable(value: object) -> object:
    """Given a cell value, return the form two values are compared in (case and spacing ignored)."""
    if isinstance(value, date):
        return value
    return " ".join(str(value or "").split()).casefold()


def same_value(a: object, b: object) -> bool:
    return comparable(a) == comparable(b)


def is_blank(value: object) -> bool:
    return comparable(value) == ""


def display(value: object) -> str:
    return value.strftime("%d/%m/%Y") if isinstance(value, date) else str(value)


def render_conflict(conflict: list[tuple[object, str]]) -> str:
    """Given disagreeing (value, source) pairs, return the cell text that shows them all."""
    return CONFLICT_MARK + CONFLICT_SEPARATOR.join(f"{display(v)} [{s}]" for v, s in conflict)


def is_conflict_text(value: object) -> bool:
    return isinstance(value, str) and value.startswith(CONFLICT_MARK)


def resolve_cell(entries: list[LogEntry]) -> Resolution:
    """Given one cell's log entries in order, return what the cell holds.

    The latest decision (template value or office edit) stands unless copies changed the cell after
    it: one new value (or several equal ones) replaces it, different new values are a conflict.
    """
    decision: object = ""
    decision_at = -1
    latest: dict[str, tuple[int, object]] = {}
    for i, entry in enumerate(entries):
        if entry.source in DECISION_SOURCES:
            decision, decision_at = entry.value, i
        else:
            latest[entry.source] = (i, entry.value)
    newer = [(value, source) for source, (i, value) in sorted(latest.items(), key=lambda kv: kv[1][0])
             if i > decision_at and not is_blank(value)]
    distinct = {comparable(v) for v, _s in newer}
    if not distinct:
        return Resolution(decision)
    if len(distinct) == 1:
        return Resolution(newer[-1][0])
    return Resolution(render_conflict(newer), conflict=newer)


def cell_entries(log: list[LogEntry]) -> dict[tuple[str, str], list[LogEntry]]:
    out: dict[tuple[str, str], list[LogEntry]] = {}
    for entry in log:
        out.setdefault((entry.row_id, entry.field), []).append(entry)
    return out


def excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"


def record_office_edits(base: TrackerWorkbook, log: list[LogEntry], when: str) -> None:
    """Append a decision for every editable cell whose value differs from what the log resolves to.

    For a fresh template these are the values it was circulated with; for a tracker, what the
    office typed into it since the last merge.
    """
    source = OFFICE_SOURCE if base.is_tracker else TEMPLATE_SOURCE
    entries = cell_entries(log)
    for f in base.doc.findings:
        for name in EDITABLE_FIELDS:
            current = getattr(f, name)
            resolved = resolve_cell(entries.get((f.row_id, name), [])).value
            if not same_value(current if current is not None else "", resolved):
                log.append(LogEntry(f.row_id, name, current if current is not None else "", source, when))


def check_copy(base: dict[str, Finding], copy: TrackerWorkbook, when: str) -> tuple[list[ReportLine], bool]:
    """Given the tracker's rows and a returned copy, return (problems, whether to merge the copy at all)."""
    name = copy.path.name
    problems: list[ReportLine] = []
    ids = [f.row_id for f in copy.doc.findings]
    known = [rid for rid in ids if rid in base]
    if ids and not known:
        return [ReportLine(when, name, "", f"none of its {len(ids)} rows is in the tracker (a copy of another "
                                           f"template?); not merged")], False
    for row in copy.rows_without_id:
        problems.append(ReportLine(when, name, "", f"sheet row {row} has no Row ID (added by hand?); not merged"))
    seen: set[str] = set()
    for f in copy.doc.findings:
        if f.row_id in seen:
            problems.append(ReportLine(when, name, f.row_id, "row appears twice; only its first copy is merged"))
        seen.add(f.row_id)
        if f.row_id not in base:
            problems.append(ReportLine(when, name, f.row_id,
                                       f"unknown row ({f.section} {f.ref_text}: {excerpt(f.issue)}); not merged"))
            continue
        for locked in LOCKED_FIELDS:
            before, after = getattr(base[f.row_id], locked), getattr(f, locked)
            if " ".join(str(before).split()) != " ".join(str(after).split()):
                problems.append(ReportLine(when, name, f.row_id, f"locked cell {HEADER_OF_FIELD[locked]} altered "
                                           f"({excerpt(str(before))!r} -> {excerpt(str(after))!r}); ignored"))
    missing = len(base.keys() - seen)
    if missing and known:
        problems.append(ReportLine(when, name, "", f"{missing} of the tracker's {len(base)} rows are not in this "
                                                   f"copy"))
    return problems, True


def contribute(copy: TrackerWorkbook, base: dict[str, Finding], log: list[LogEntry], when: str) -> None:
    """Append the copy's values for cells where it differs from what the tracker holds now."""
    name = copy.path.name
    entries = cell_entries(log)
    seen: set[str] = set()
    for f in copy.doc.findings:
        if f.row_id not in base or f.row_id in seen:
            continue
        seen.add(f.row_id)
        for field_name in EDITABLE_FIELDS:
            value = getattr(f, field_name)
            if value is None or is_blank(value) or is_conflict_text(value):
                continue
            cell = entries.get((f.row_id, field_name), [])
            own = [e.value for e in cell if e.source == name]
            before = own[-1] if own else resolve_cell(cell).value
            if not same_value(value, before):
                log.append(LogEntry(f.row_id, field_name, value, name, when))
                entries.setdefault((f.row_id, field_name), []).append(log[-1])


def merge_returns(base: TrackerWorkbook, copies: list[TrackerWorkbook], when: str) -> MergeResult:
    """Given a template or tracker and returned copies, return the merged tracker (``when``: a UTC timestamp)."""
    doc = base.doc
    rows: dict[str, Finding] = {}
    for f in doc.findings:
        if f.row_id in rows:
            raise UnreadableInput(f"{base.path}: Row ID {f.row_id} appears twice; the template or tracker is "
                                  f"damaged")
        rows[f.row_id] = f
    log = list(base.log)
    record_office_edits(base, log, when)
    problems: list[ReportLine] = []
    merged = 0
    for copy in copies:
        found, ok = check_copy(rows, copy, when)
        problems += found
        if ok:
            contribute(copy, rows, log, when)
            merged += 1

    entries = cell_entries(log)
    altered = {(p.copy, p.row_id) for p in problems if p.row_id and "altered" in p.problem}
    updated = conflicts = 0
    for f in doc.findings:
        f.provenance.review_flags = [x for x in f.provenance.review_flags if not x.startswith(MERGE_FLAG)]
        for name in EDITABLE_FIELDS:
            res = resolve_cell(entries.get((f.row_id, name), []))
            old = getattr(f, name)
            if not same_value(old if old is not None else "", res.value):
                updated += 1
            setattr(f, name, res.value if not (name == "target_date" and is_blank(res.value)) else None)
            if res.conflict:
                conflicts += 1
                f.flag(f"{MERGE_FLAG}conflict in {HEADER_OF_FIELD[name]} between "
                       f"{', '.join(s for _v, s in res.conflict)}")
        for copy_name, rid in sorted(altered):
            if rid == f.row_id:
                f.flag(f"{MERGE_FLAG}{copy_name} altered a locked cell (ignored)")
    return MergeResult(doc=doc, log=log, report=[*base.report, *problems], problems=problems,
                       updated_cells=updated, conflicts=conflicts, copies_merged=merged)
