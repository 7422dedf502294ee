"""``hmic-extract inspect``: show what the tool sees in one PDF, without writing anything.

Document kind, the pages where table parts or findings were found, the columns the header was
mapped to, and every template row with its review flags and repairs, so a user can see why an
output looks the way it does. Runs in a worker like any extraction (same time/memory limits).
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from .batch import FAILED, NOTHING, OK, Outcome, Task, record_error
from .limits import applied
from .model import SECTION_CODES, Document, RawDocument, RawRow, RowKind
from .vocabulary import header_score

ROLE_NAMES = {"ref": "Report Ref", "page_ref": "Page Ref", "issue": "Issue", "action": "Action"}
ISSUE_WIDTH = 70


def page_list(indexes: Sequence[int]) -> str:
    """Given 0-based PDF page indexes, return them as people count pages (1-based, runs folded)."""
    runs: list[list[int]] = []
    for p in sorted({i + 1 for i in indexes}):
        if runs and runs[-1][1] == p - 1:
            runs[-1][1] = p
        else:
            runs.append([p, p])
    return ", ".join(f"{a}-{b}" if b > a else str(a) for a, b in runs) or "none"


def detected_columns(rows: Sequence[RawRow]) -> list[str]:
    """Given raw rows, return 'header text -> role' for the first header row the extractor mapped."""
    for row in rows:
        cells = {"ref": row.ref, "page_ref": row.page_ref, "issue": row.issue, "action": row.action}
        if row.kind is RowKind.CELLS and header_score(list(cells.values())) >= 2:
            return [f"{' '.join(text.split())!r} -> {ROLE_NAMES[role]}" for role, text in cells.items() if text.strip()]
    return []


def describe(raw: RawDocument, doc: Document, verbose: bool = False) -> str:
    """Given the raw and normalised document, return the text ``inspect`` prints."""
    lines = [f"File: {raw.source} ({raw.page_count} pages in the PDF)",
             f"Kind: {raw.kind}; read by: {raw.method or 'unknown'}"]
    if raw.tables_found:
        lines.append(f"Table parts found on PDF pages: {page_list(raw.tables_found)}")
    finding_pages = [p for f in doc.findings for p in f.provenance.pdf_pages]
    lines.append(f"Rows come from PDF pages: {page_list(finding_pages)}")
    columns = detected_columns(raw.rows)
    lines.append("Detected columns: " + ("; ".join(columns) if columns else "(no table header: findings read "
                                                                           "from the report text)"))
    cells = sum(1 for r in raw.rows if r.kind is RowKind.CELLS)
    lines.append(f"Raw rows from the extractor: {len(raw.rows)} ({cells} table rows, {len(raw.rows) - cells} text "
                 f"lines){f'; {len(raw.findings)} findings' if raw.findings else ''}")
    counts = doc.counts_text() or "none"
    lines.append(f"Template rows: {len(doc.findings)} ({counts}); {doc.flagged} flagged for review")
    lines.append("")
    lines.append(f"{'Sec':<4} {'Ref':>4}  {'Page Ref':<18} {'PDF p.':<7} Issue")
    for f in doc.findings:
        p = f.provenance
        ref = str(f.ref) if f.ref is not None else (f.ref_text or "?")
        issue = f.issue if verbose or len(f.issue) <= ISSUE_WIDTH else f.issue[: ISSUE_WIDTH - 1] + "…"
        mark = "!" if f.needs_review else " "
        lines.append(f"{SECTION_CODES.get(f.section, '?'):<4}{mark}{ref:>4}  {f.page_ref[:18]:<18} "
                     f"{page_list(p.pdf_pages):<7} {issue}")
        lines.extend(f"          ! review: {flag}" for flag in p.review_flags)
        lines.extend(f"          ~ repair: {r.describe()}" for r in p.repairs)
    if doc.notes:
        lines.append("")
        lines.append(f"Notes read from the PDF (footnotes): {len(doc.notes)}")
        lines.extend(f"  {n if verbose else n[:100]}" for n in doc.notes)
    lines.append("")
    lines.append("Nothing was written.")
    return "\n".join(lines)


def inspect_task(task: Task) -> Outcome:
    """Worker entry for ``inspect``: extract and normalise one PDF and describe it (writes nothing)."""
    from .extract import extract_document
    from .normalise import normalise

    s = task.source
    start = time.monotonic()
    outcome = Outcome(task.index, s.name, FAILED)
    options = dict(task.options)
    verbose = bool(options.pop("verbose", False))
    with applied(task.limits):
        try:
            raw = extract_document(s.path, **options)
            doc = normalise(raw)
            outcome.text = describe(raw, doc, verbose)
            outcome.status = OK if doc.findings else NOTHING
            outcome.exit_code = 0 if doc.findings else 4
            outcome.reason = "" if doc.findings else f"{s.name}: the table holds no rows (only a header?)"
        except Exception as err:
            record_error(outcome, s.name, err)
    outcome.seconds = time.monotonic() - start
    return outcome
