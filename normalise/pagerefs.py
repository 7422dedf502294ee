"""Parse printed page references ("Page 21/22", "p.12", "Pages 14-15", "Page 20 Figure 4").

The printed form is kept as it was; ``pages`` lists the report page numbers it names. Numbers
labelled as figures, tables or paragraphs are not pages.
"""

from __future__ import annotations

import re

from hmic_extract.model import Finding

LABELLED_NUMBER = re.compile(r"(?i)\b(figure|fig\.?|table|annex|appendix|para(graph)?\.?|chapter|section)\s*\d+")
RANGE = re.compile(r"(\d+)\s*(?:-|–|—|to)\s*(\d+)")
NUMBER = re.compile(r"\d+")
MAX_RANGE = 20  # "Pages 14-15" is a range; "2016-2017" is not a page reference


def pages_of(page_ref: str) -> list[int]:
    """Given a printed page reference, return the sorted page numbers it names."""
    text = LABELLED_NUMBER.sub(" ", page_ref)
    pages: set[int] = set()
    for a, b in RANGE.findall(text):
        lo, hi = int(a), int(b)
        if lo < hi <= lo + MAX_RANGE:
            pages.update(range(lo, hi + 1))
    pages.update(int(n) for n in NUMBER.findall(text))
    return sorted(p for p in pages if p > 0)


def parse_page_refs(findings: list[Finding], report_pages: int | None = None) -> list[Finding]:
    """Given findings with a printed page ref, fill in ``pages``; flag missing or impossible ones.

    ``report_pages`` is the page count of the *inspection report* the refs point into, when known
    (not the response PDF's own page count: an annex cites a report of 100+ pages).
    """
    for f in findings:
        f.pages = pages_of(f.page_ref)
        if not f.pages:
            f.flag("no page number in the Page Ref")
        elif report_pages and max(f.pages) > report_pages:
            f.flag(f"page {max(f.pages)} is beyond the report's {report_pages} pages")
    return findings
