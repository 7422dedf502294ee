"""The one data model every stage speaks.

PDF -> extract (``RawDocument`` of ``RawRow``) -> normalise (``Document`` of ``Finding``) -> export.
Provenance travels on each row so the exporter never has to ask the extractor anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

# Canonical section names, in the order an assurance template lists them.
ISSUES_OF_CONCERN = "Issues of concern"
AREAS_FOR_IMPROVEMENT = "Areas for improvement"
CAUSES_OF_CONCERN = "Causes of concern"
RECOMMENDATIONS = "Recommendations"
SECTIONS = (ISSUES_OF_CONCERN, AREAS_FOR_IMPROVEMENT, CAUSES_OF_CONCERN, RECOMMENDATIONS)
UNREAD = "\ufffd"  # the text of a word OCR saw printed but has no letters for (Arabic, Urdu, Kurdish to a Latin model)
SECTION_CODES = {ISSUES_OF_CONCERN: "IOC", AREAS_FOR_IMPROVEMENT: "AFI", CAUSES_OF_CONCERN: "COC",
                 RECOMMENDATIONS: "REC"}
SINGULAR = {ISSUES_OF_CONCERN: "issue of concern", AREAS_FOR_IMPROVEMENT: "area for improvement",
            CAUSES_OF_CONCERN: "cause of concern", RECOMMENDATIONS: "recommendation"}


class RowKind(StrEnum):
    """What one raw row is, as far as the extractor could tell."""

    CELLS = "cells"  # a table row: cells mapped to roles (ref, page_ref, issue, action)
    TEXT = "text"  # a full-width line between or inside table parts (title, footnote, junk)


@dataclass
class RawRow:
    """One row as an extractor saw it, before any repair.

    ``is_line`` is True when the extractor hands over one text line per row (stream tables,
    OCR, pipe-table text) so that the normaliser must regroup lines into logical rows;
    False when each row is a whole table row with wrapped cell text already joined.
    ``top``/``bottom`` are PDF points from the page top, when geometry is known.
    """

    ref: str = ""
    page_ref: str = ""
    issue: str = ""
    action: str = ""
    kind: RowKind = RowKind.CELLS
    text: str = ""  # for TEXT rows: the whole line
    page_index: int = 0  # 0-based PDF page index
    top: float | None = None
    bottom: float | None = None
    is_line: bool = False
    method: str = ""
    confidence: float | None = None  # OCR confidence 0..1 where known
    table_id: int = 0  # rows of one physical table part share an id
    section: str = ""  # the row's cell in a Type/Section column, when the table has one
    theme: str = ""  # the row's cell in a Theme column, when the table has one
    band: bool = False  # a TEXT row that is a full-width row inside a table's body (a section band)

    def is_blank(self) -> bool:
        if self.kind is RowKind.TEXT:
            return not self.text.strip()
        return not (self.ref.strip() or self.page_ref.strip() or self.issue.strip() or self.action.strip())


@dataclass
class UnreadPage:
    """A page OCR could not read (every engine tried): its rows are missing from the output."""

    index: int  # 0-based PDF page index
    reason: str  # the engine's own message, one line
    detail: str = ""  # the full error, shown with -v; not written to the outputs

    def describe(self) -> str:
        return f"PDF page {self.index + 1} could not be read by OCR ({self.reason}); rows on it are missing"


@dataclass
class RawDocument:
    """What extraction found in one PDF: raw rows in reading order plus facts about the file."""

    source: str
    kind: str  # "annex" | "report"
    page_count: int | None = None
    page_labels: list[str] = field(default_factory=list)
    rows: list[RawRow] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    method: str = ""
    tables_found: list[int] = field(default_factory=list)  # PDF page indexes holding annex table parts
    findings: list[Finding] = field(default_factory=list)  # report path: already-structured findings
    notes: list[str] = field(default_factory=list)
    unread_pages: list[UnreadPage] = field(default_factory=list)


@dataclass
class Repair:
    """One change the normaliser made to a row: which rule, which field, from what to what."""

    rule: str
    field: str
    before: str
    after: str

    def describe(self) -> str:
        return f"{self.rule}: {self.field} {self.before!r} -> {self.after!r}"


# Where on a page a row was read: (0-based PDF page index, x0, top, x1, bottom) in PDF points from the page's
# top-left corner as a reader sees it (pdfplumber's convention). ``x1 <= x0`` when only the row's vertical band is
# known (an annex row: the table's width is meant, shown as the page's width).
Region = tuple[int, float, float, float, float]


@dataclass
class Provenance:
    """Where a row came from and what happened to it on the way.

    ``regions`` lets a reviewer see the row on its page (``hmic-extract serve``); they go to the JSON, not to the
    workbook, whose Provenance sheet keeps to what a person reads (pages, method, flags, repairs).
    """

    source: str = ""
    pdf_pages: list[int] = field(default_factory=list)  # 0-based PDF page indexes
    method: str = ""
    repairs: list[Repair] = field(default_factory=list)
    review_flags: list[str] = field(default_factory=list)
    confidence: float | None = None
    detail: dict[str, str] = field(default_factory=dict)  # e.g. lead-in, parent cause of concern
    regions: list[Region] = field(default_factory=list)  # where on its pages the row was read; [] when unknown


@dataclass
class Finding:
    """One row of the assurance template."""

    section: str
    ref: int | None
    ref_text: str  # the ref as printed (after repair); may be "" when unknown
    page_ref: str  # the printed page reference, e.g. "Page 20 Figure 4"
    pages: list[int]  # report page numbers named by page_ref
    issue: str
    action: str = ""
    provenance: Provenance = field(default_factory=Provenance)
    # Context the source prints with a finding, shown in their own columns when a document has them.
    theme: str = ""  # what follows a section's name: "Efficiency" of "AREAS FOR IMPROVEMENT – EFFICIENCY"
    cause: str = ""  # for a recommendation: the cause of concern it answers ("Cause of concern 1: ...")
    addressee: str = ""  # for a recommendation: who must act ("chief constables", "the College of Policing")
    para_ref: str = ""  # a paragraph reference printed with the page ("para 6.8"), kept out of page_ref
    # Filled in by recipients of the template and read back from returned copies (see tracker/).
    owner: str = ""
    target_date: date | str | None = None  # a date, or the text as typed when it is not one (or a merge conflict)
    status: str = ""
    row_id: str = ""  # the stable id a workbook gave this row; "" until the row has been written once

    @property
    def needs_review(self) -> bool:
        return bool(self.provenance.review_flags)

    def flag(self, reason: str) -> None:
        if reason not in self.provenance.review_flags:
            self.provenance.review_flags.append(reason)

    def record(self, rule: str, field_name: str, before: str, after: str) -> None:
        self.provenance.repairs.append(Repair(rule, field_name, before, after))


@dataclass
class Document:
    """A normalised document: metadata plus template rows in order, and notes such as footnotes."""

    source: str
    kind: str
    findings: list[Finding] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    page_count: int | None = None
    unread_pages: list[UnreadPage] = field(default_factory=list)  # scanned pages no OCR engine could read

    def rows_per_section(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for f in self.findings:
            counts[f.section] = counts.get(f.section, 0) + 1
        return counts

    def counts_text(self) -> str:
        """Rows per section as people write it: "65 issues of concern, 1 cause of concern"."""
        return ", ".join(f"{n} {SINGULAR.get(s, s.lower()) if n == 1 else s.lower()}"
                         for s, n in self.rows_per_section().items())

    @property
    def flagged(self) -> int:
        return sum(1 for f in self.findings if f.needs_review)

    def to_dataframe(self) -> pd.DataFrame:
        """The rows as a pandas DataFrame: template columns, then review flags, PDF pages, method, Row ID."""
        from hmic_extract.export.dataframe import to_dataframe

        return to_dataframe(self)

    def unread_text(self) -> str:
        """The pages OCR could not read, as people count them: "PDF pages 7, 12" ("" when none)."""
        pages = [str(u.index + 1) for u in self.unread_pages]
        return f"PDF page{'s' if len(pages) > 1 else ''} {', '.join(pages)}" if pages else ""
