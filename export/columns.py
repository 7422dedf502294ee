"""The template's columns, declared once: header, width, whether recipients may edit it, and the value.

The exporters (xlsx, csv, json, combined) and the tracker's reader all take the column list from
here, so a column added here is written and read back everywhere. Context columns (Theme, Cause,
Addressee) appear only in documents where some row has a value for them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from hmic_extract.model import SECTION_CODES, Document, Finding


@dataclass(frozen=True)
class Column:
    """One template column: its header, width in characters, editability and the Finding field behind it."""

    header: str
    width: float
    editable: bool
    field: str  # the Finding attribute ("ref" stands for ref, else the printed ref_text)
    optional: bool = False  # shown only when some row has a value

    def value(self, finding: Finding) -> object:
        if self.field == "ref":
            return finding.ref if finding.ref is not None else finding.ref_text
        return getattr(finding, self.field)


FINDING_COLUMNS: tuple[Column, ...] = (
    Column("Section", 16, False, "section"),
    Column("Report Ref", 8, False, "ref"),
    Column("Page Ref", 12, False, "page_ref"),
    Column("Para Ref", 10, False, "para_ref", optional=True),
    Column("Issue of Concern", 68, False, "issue"),
    Column("Theme", 16, False, "theme", optional=True),
    Column("Cause", 30, False, "cause", optional=True),
    Column("Addressee", 18, False, "addressee", optional=True),
)
RECIPIENT_COLUMNS: tuple[Column, ...] = (
    Column("Action Taken to Address Concern", 46, True, "action"),
    Column("Owner", 16, True, "owner"),
    Column("Target date", 12, True, "target_date"),
    Column("Status", 14, True, "status"),
)
ROW_ID = Column("Row ID", 14, False, "row_id")
ALL_COLUMNS: tuple[Column, ...] = (*FINDING_COLUMNS, *RECIPIENT_COLUMNS, ROW_ID)


def template_columns(doc: Document) -> list[Column]:
    """The columns of ``doc``'s template, in order: optional context columns only where some row fills them."""
    return [c for c in ALL_COLUMNS if not c.optional or any(getattr(f, c.field) for f in doc.findings)]


def column_named(header: str) -> Column | None:
    return next((c for c in ALL_COLUMNS if c.header == header), None)


def row_ids(doc: Document) -> list[str]:
    """A stable, unique id per row: the PDF's checksum, the section and the ref.

    Same PDF, section and ref -> same id, across runs and copies. Rows that share a section and
    ref (a duplicate printed ref, or no ref) are told apart by their order among those rows, so every
    id in one template is unique. An id read back from a workbook is kept as it is.
    """
    base = (doc.metadata.get("sha256") or hashlib.sha256(doc.source.encode()).hexdigest())[:8]
    seen: dict[str, int] = {}
    used = {f.row_id for f in doc.findings if f.row_id}
    out = []
    for f in doc.findings:
        if f.row_id:
            out.append(f.row_id)
            continue
        code = SECTION_CODES.get(f.section, "SEC")
        key = f"{base}-{code}-{f.ref:02d}" if f.ref is not None else f"{base}-{code}-x"
        n = seen.get(key, 0) + 1
        seen[key] = n
        rid = key if n == 1 and f.ref is not None else f"{key}{'' if f.ref is None else '-'}{n:02d}"
        while rid in used:  # never collide with an id already taken (read back, or made above)
            n += 1
            seen[key] = n
            rid = f"{key}{'' if f.ref is None else '-'}{n:02d}"
        used.add(rid)
        out.append(rid)
    return out

