"""Inspection-report metadata for the workbook: force, report title, inspectorate, inspection year and date.

Read from the cover, where reports print them in the largest type ("PEEL: Police effectiveness
2016", "An inspection of Eastmoor Constabulary", "March 2017"), with the PDF's own title as a
fallback. Anything that cannot be read is left out rather than guessed.
"""

from __future__ import annotations

import re

from .findings import Line, page_to_lines
from .pdf import OpenPdf

COVER_PAGES = 2  # the cover, and the inside cover some reports print the title on
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{MONTHS})\s+(?:19|20)\d\d\b")
YEAR = re.compile(r"\b(20\d\d(?:[/–-]\d\d(?!\d))?)\b")
FORCE = re.compile(r"\b((?:[A-Z][a-z]+(?:\s+(?:and|&|of|upon)\s+|\s+)){1,4}?"
                   r"(?:Police\s+Service(?:\s+of\s+(?:Scotland|Northern\s+Ireland))?|Police|Constabulary))\b")
INSPECTORATE_NAME = re.compile(r"(?i)\binspectorate\b")
FORCE_AFTER = re.compile(r"(?i)\b(?:inspection\s+of|report\s+on|force:)\s+(.+)")
INSPECTORATES = (("HMICFRS", re.compile(r"\bHMICFRS\b|Fire\s*&?\s*(?:and\s+)?Rescue\s+Services")),
                 ("HMIC", re.compile(r"\bHMIC\b|Inspectorate\s+of\s+Constabulary")))


def cover_lines(pdf: OpenPdf) -> list[Line]:
    lines: list[Line] = []
    for index in range(min(COVER_PAGES, pdf.page_count)):
        lines.extend(page_to_lines(pdf.plumber.pages[index], index))
    return lines


def title_of(lines: list[Line]) -> str:
    """The cover's largest type on the first page that has text (a wrapped title is several lines)."""
    first = [ln for ln in lines if ln.page == min((x.page for x in lines), default=0)]
    if not first:
        return ""
    biggest = max(ln.size for ln in first)
    return " ".join(ln.text for ln in sorted(first, key=lambda x: x.top) if ln.size >= biggest - 0.5)


def force_of(texts: list[str]) -> str:
    """The force named on the cover: after "An inspection of", else the first "... Police/Constabulary"."""
    for text in texts:
        m = FORCE_AFTER.search(text)
        if m:
            found = FORCE.search(m.group(1))
            if found:
                return " ".join(found.group(1).split())
    for text in texts:
        for found in FORCE.finditer(text):
            if not INSPECTORATE_NAME.search(found.group(1)):  # "Inspectorate of Constabulary" is not a force
                return " ".join(found.group(1).split())
    return ""


def read_report_metadata(pdf: OpenPdf, pdf_title: str = "", lines: list[Line] | None = None) -> dict[str, str]:
    """Given an open report PDF and its /Title, return what the cover says.

    ``lines``: the cover's lines when they come from elsewhere (OCR words of a scanned report).
    Keys (each only when read): report_title, force, inspectorate, published, inspection_year.
    """
    lines = cover_lines(pdf) if lines is None else [ln for ln in lines if ln.page < COVER_PAGES]
    texts = [ln.text for ln in sorted(lines, key=lambda x: (x.page, x.top, x.x0))]
    out: dict[str, str] = {}
    title = title_of(lines) or pdf_title
    if title:
        out["report_title"] = title
    force = force_of(texts) or force_of([pdf_title])
    if force:
        out["force"] = force
    joined = "\n".join(texts)
    for name, pattern in INSPECTORATES:
        if pattern.search(joined) or pattern.search(pdf_title):
            out["inspectorate"] = name
            break
    date = DATE.search(joined)
    if date:
        out["published"] = date.group(0)
    year = YEAR.search(title) or (YEAR.search(date.group(0)) if date else None)
    if year:
        out["inspection_year"] = year.group(1)
    return out
