"""Decide what a PDF is before any expensive work: an annex/template response, an inspection report, or neither.

pdfium hands over each page's plain text in milliseconds, so a whole report is scanned for the two
signs that matter: an annex table's header row ("Report Ref | Page Ref | Issue of concern") and a
finding label standing on its own line ("Areas for improvement", "Cause of concern 2",
"Area for improvement 3:"). Prose that merely mentions areas for improvement is neither.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from hmic_extract.model import RawDocument
from hmic_extract.vocabulary import match_label, match_title

ANNEX = "annex"
REPORT = "report"
UNKNOWN = "unknown"
KINDS = ("auto", ANNEX, REPORT)

# A header row naming a ref column and a page/issue/action column, in either order.
ANNEX_HEADER = re.compile(
    r"(?i)^(?=.*\b(?:report\s+)?ref(?:erence)?\b)(?=.*\b(?:page|issues?|concerns?|recommendations?|improvement|"
    r"action|update)\b).{0,160}$")
REPORT_WORDS = re.compile(r"(?i)\binspect(?:ion|orate)\b|\bHMICF?R?S?\b|\bPEEL\b")


def page_texts(path: str | Path, password: str | None = None) -> list[str]:
    """Return each page's plain text of a PDF not yet open (the same pdfium pass the pipeline shares), or []."""
    import pypdfium2 as pdfium

    from .pdfium_page import scan_pages

    try:
        doc = pdfium.PdfDocument(str(path), password=password)
    except Exception:
        return []
    try:
        return [facts.text for facts in scan_pages(doc)]
    except Exception:
        return []
    finally:
        doc.close()


def has_annex_header(texts: list[str]) -> bool:
    return any(ANNEX_HEADER.match(line.strip()) for text in texts for line in text.splitlines())


def is_report_label(line: str) -> bool:
    """A line that is a finding label: a title ("Areas for improvement") or a numbered or marked-off label
    opening a finding ("Recommendation 2: By March 2025, ...")."""
    return match_label(line) is not None or match_title(line) is not None


def has_report_findings(texts: list[str]) -> bool:
    """Whether the text reads as an inspection report with finding labels on lines of their own."""
    labels = any(is_report_label(line) for text in texts for line in text.splitlines())
    return labels and any(REPORT_WORDS.search(text) for text in texts)


def detect_kind(texts: list[str]) -> str:
    """Given each page's plain text, return "annex", "report" or "unknown" (no text layer, or neither sign)."""
    if has_annex_header(texts):
        return ANNEX
    if has_report_findings(texts):
        return REPORT
    return UNKNOWN


def extract_by_kind(pdf, kind: str, annex: Callable[[], RawDocument | None],
                    scanned_report: Callable[[], RawDocument | None] | None = None) -> RawDocument | None:
    """Given an open PDF, the wanted kind and the table path as a callable, return what the PDF holds, or None.

    "auto": an annex header sends the PDF down the table path and an inspection report's finding labels
    down the findings path, each falling back to the other; a PDF with neither sign (a scan without a
    text layer) takes the table path, which OCRs it. "annex"/"report" take that path only.
    ``scanned_report`` reads findings from a scan's words when the PDF is mostly scanned: first for a report
    whose text is an OCR layer (the layer follows the scan's skew, so its lines only read straight once
    deskewed with the image), last otherwise.
    """
    if kind == ANNEX:
        return annex()
    texts = [f.text for f in pdf.page_facts()]  # empty when pdfium cannot read the file

    def extract_report(*args):  # the findings extractor is imported only when a report is read
        from .findings import extract_report as findings

        return findings(*args)

    def from_scan() -> RawDocument | None:
        return scanned_report() if scanned_report is not None and mostly_scanned(pdf) else None

    if kind == REPORT:
        return extract_report(pdf, texts or None) or from_scan()
    if detect_kind(texts) == REPORT and not annex_table_in_text(pdf, texts):
        if mostly_scanned(pdf):  # an OCR layer follows the scan's skew: its lines are no test of a table
            raw = annex()
            if raw is not None and any(r.kind.value == "cells" and any(ch.isdigit() for ch in r.ref) for r in raw.rows):
                return raw
            return from_scan() or extract_report(pdf, texts) or raw
        return extract_report(pdf, texts) or annex() or from_scan()
    raw = annex()
    if raw is None and has_report_findings(texts):
        raw = extract_report(pdf, texts)
    return raw or from_scan()


def annex_table_in_text(pdf, texts: list[str]) -> bool:
    """Whether a page whose text speaks of refs and pages holds an annex table as the table reader sees it: a
    header naming its columns ("No. | Page | Detail | Owner", however the text layer breaks it into lines)
    with numbered rows under it. Such a PDF is an annex even when it also reads like a report."""
    from .table.stream import has_annex_table

    words = re.compile(r"(?i)\bpages?\b|\bpp?\.|\bpg\b")
    return has_annex_table(pdf, [i for i, text in enumerate(texts) if words.search(text)])


def mostly_scanned(pdf) -> bool:
    """Whether most pages are scans (image only, or an OCR text layer over an image)."""
    from .page_kinds import PageKind, classify_pages

    kinds = list(classify_pages(pdf).values())
    return sum(k is not PageKind.TEXT for k in kinds) * 2 > len(kinds)


def looked_for(kind: str) -> str:
    """What a path looks for, in words, for the "nothing found" message."""
    table = "an assurance/annex table (Report Ref | Page Ref | Issue)"
    findings = "inspection-report findings (areas for improvement, causes of concern, recommendations)"
    return {ANNEX: table, REPORT: findings}.get(kind, f"{table} or {findings}")
