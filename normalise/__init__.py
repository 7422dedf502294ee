"""Normalise: raw rows from any extractor -> clean template rows with provenance.

Two stages, each a visible list of passes in the order they run; every pass lives in a module named
for what it does, so a rule is found by its file name:

1. structure (raw rows -> whole rows): ``classify`` (headers, junk, section titles, footnotes) ->
   ``regroup_lines`` (one-line-per-row input) -> ``merge_continuations`` (rows split by page breaks);
2. ``row_passes`` over the findings: text, refs, page refs, checks and flags.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from hmic_extract.model import Document, Finding, RawDocument

from .classify import classify
from .confidence import flag_low_confidence
from .continuation import merge_continuations
from .lines import regroup_lines
from .ocr_pagerefs import repair_ocr_page_refs
from .pagerefs import flag_page_outliers, parse_page_refs, split_para_refs
from .ref_sequence import repair_ref_sequence
from .refs import check_ref_sequence, parse_refs
from .text import clean_texts


def report_page_count(raw: RawDocument) -> int | None:
    """The page count of the report that page refs point into: the PDF itself only for a report."""
    if raw.kind == "report":
        return raw.page_count
    value = raw.metadata.get("report_pages", "")
    return int(value) if value.isdigit() else None


def row_passes(raw: RawDocument) -> tuple[Callable[[list[Finding]], list[Finding]], ...]:
    """The passes over whole rows, in the order they run."""
    return (
        clean_texts,  # join wrapped lines, ligatures, soft hyphens, white space
        parse_refs,  # "12." / "AFI 3" -> 12
        repair_ref_sequence,  # an OCR-garbled or missing ref that its neighbours pin down
        repair_ocr_page_refs,  # "Dago 77" -> "Page 77"; page refs split over lines or duplicated
        split_para_refs,  # "Page 13 (para 6.8)" -> "Page 13" + para ref "para 6.8"
        partial(parse_page_refs, report_pages=report_page_count(raw)),  # "Page 21/22" -> [21, 22]
        flag_page_outliers,  # a page far outside its neighbours'
        check_ref_sequence,  # gaps, duplicates, order: flagged, never renumbered
        flag_low_confidence,  # OCR rows read with low confidence
    )


def normalise(raw: RawDocument) -> Document:
    """Given a RawDocument from any extractor, return the clean Document."""
    if raw.findings:  # the report path hands over findings that are already whole rows
        findings = list(raw.findings)
        notes = list(raw.notes)
    else:
        pieces, notes, _dropped = classify(raw.rows)
        pieces = regroup_lines(pieces)
        findings = merge_continuations(pieces, raw.source)
    for run_pass in row_passes(raw):
        findings = run_pass(findings)
    return Document(source=raw.source, kind=raw.kind, findings=findings, metadata=dict(raw.metadata),
                    notes=notes + [n for n in raw.notes if n not in notes], page_count=raw.page_count,
                    unread_pages=list(raw.unread_pages))


__all__ = ["normalise"]
