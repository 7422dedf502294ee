"""Write a Document as CSV for tools that want plain rows: UTF-8 with a BOM, formula-safe.

The BOM makes Excel read the file as UTF-8 (otherwise it guesses a legacy code page and garbles
non-Latin text). Cells go through ``cells.csv_cell``, the CSV twin of the workbook's cell rules.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hmic_extract.model import Document

from .atomic import atomic_write
from .cells import csv_cell
from .columns import row_ids

HEADER = ("Section", "Report Ref", "Page Ref", "Issue of Concern", "Theme", "Cause", "Addressee", "Para Ref",
          "Action Taken to Address Concern", "Owner", "Target date", "Status", "Review flags", "PDF pages", "Row ID")


def csv_rows(doc: Document) -> list[list[str]]:
    """Given a Document, return the header and one list of cell texts per row."""
    rows = [list(HEADER)]
    for f, rid in zip(doc.findings, row_ids(doc), strict=True):
        target = f.target_date.isoformat() if hasattr(f.target_date, "isoformat") else f.target_date
        rows.append([csv_cell(v) for v in (
            f.section, f.ref if f.ref is not None else f.ref_text, f.page_ref, f.issue, f.theme, f.cause,
            f.addressee, f.para_ref, f.action, f.owner, target, f.status, "; ".join(f.provenance.review_flags),
            ", ".join(str(n + 1) for n in f.provenance.pdf_pages), rid)])
    return rows


def csv_text(rows: list[list[str]]) -> str:
    """Given rows of cell texts, return CSV text (RFC 4180 quoting, CRLF line ends as Excel writes them)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue()


def write_csv(doc: Document, path: Path, force: bool = False) -> Path:
    """Write ``doc`` as CSV at ``path`` (atomically; no overwrite unless forced)."""
    text = csv_text(csv_rows(doc))
    return atomic_write(Path(path), lambda tmp: tmp.write_bytes(text.encode("utf-8-sig", "replace")), force=force)
