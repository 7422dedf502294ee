"""Normalise: raw rows from any extractor -> clean template rows with provenance.

The passes run in the order listed in ``STRUCTURE`` and ``ROW_PASSES``; each lives in a module
named for what it does, so a rule is found by its file name.
"""

from __future__ import annotations

from hmic_extract.model import Document, RawDocument

from .classify import classify
from .confidence import flag_low_confidence
from .continuation import merge_continuations
from .lines import regroup_lines
from .ocr_pagerefs import repair_ocr_page_refs
from .pagerefs import flag_page_outliers, parse_page_refs
from .ref_sequence import repair_ref_sequence
from .refs import check_ref_sequence, parse_refs
from .text import clean_texts


def report_page_count(raw: RawDocument) -> int | None:
    """The page count of the report that page refs point into: the PDF itself only for a report."""
    if raw.kind == "report":
        return raw.page_count
    value = raw.metadata.get("report_pages", "")
    return int(value) if value.isdigit() else None


def normalise(raw: RawDocument) -> Document:
    """Given a RawDocument from any extractor, return the clean Document."""
    if raw.findings:  # the report path hands over findings that are already whole rows
        findings = list(raw.findings)
        notes = list(raw.notes)
    else:
        pieces, notes, _dropped = classify(raw.rows)
        pieces = regroup_lines(pieces)
        findings = merge_continuations(pieces, raw.source)
    findings = clean_texts(findings)
    findings = parse_refs(findings)
    findings = repair_ref_sequence(findings)
    findings = repair_ocr_page_refs(findings)
    findings = parse_page_refs(findings, report_page_count(raw))
    findings = flag_page_outliers(findings)
    findings = check_ref_sequence(findings)
    findings = flag_low_confidence(findings)
    return Document(source=raw.source, kind=raw.kind, findings=findings, metadata=dict(raw.metadata),
                    notes=notes + [n for n in raw.notes if n not in notes], page_count=raw.page_count)


__all__ = ["normalise"]
