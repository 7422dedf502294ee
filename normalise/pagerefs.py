"""Parse printed page references ("Page 21/22", "p.12", "Pages 14-15", "Page 20 Figure 4").

The printed form is kept as it was; ``pages`` lists the report page numbers it names. Numbers
labelled as figures, tables or paragraphs are not pages.
"""

from __future__ import annotations

import re
from itertools import pairwise

from hmic_extract.model import Finding

NUMBER_LIST = r"\d+(?:\.\d+)*(?:\s*(?:-|–|—|to|and|&|,)\s*\d+(?:\.\d+)*)*"  # "6.8", "6.8-6.9", "4 and 5"
PARA_WORD = r"(?:\bpara(?:graph)?s?\.?|¶)"  # a paragraph label, in the page cell and in split_para_refs
LABEL_WORDS = r"figures?|figs?\.?|tables?|annex|appendix|chapters?|sections?"  # words naming a number that is no page
LABELLED_NUMBER = re.compile(r"(?i)(?:\b(?:" + LABEL_WORDS + r")|" + PARA_WORD + r")\s*" + NUMBER_LIST)
PAGE_CELL_WORD = re.compile(r"(?i)(?:pages?|pp?|pg|para(?:graph)?s?|" + LABEL_WORDS + r")")
"""A whole word of a page cell: a page, paragraph, figure or table label (a narrow column breaks it: "(p" / "ar" /
"a")."""
PARA_REF = re.compile(r"(?i)\s*[(\[]?\s*[,;]?\s*" + PARA_WORD + r"\s*" + NUMBER_LIST + r"\s*[)\]]?")
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


def split_para_refs(findings: list[Finding]) -> list[Finding]:
    """Given findings, move a paragraph reference printed with the page ("Page 13 (para 6.8)") into ``para_ref``.

    A paragraph number is not a page, and a dotted one ("6.8") reads as two numbers to anything that counts
    pages in the Page Ref cell; the page stays in ``page_ref`` and the repair keeps the printed form. A ref
    that names no page besides the paragraph is left as printed.
    """
    for f in findings:
        match = PARA_REF.search(f.page_ref)
        if match is None:
            continue
        page = (f.page_ref[:match.start()] + " " + f.page_ref[match.end():]).strip(" ,;:()[]")
        page = " ".join(page.split())
        if not pages_of(page):
            continue
        para = " ".join(match.group(0).strip(" ,;()[]").split())
        f.record("para-ref-own-column", "page_ref", f.page_ref, page)
        f.page_ref, f.para_ref = page, para
    return findings


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


OUTLIER_MARGIN = 10  # pages: how far outside its neighbours' range a page must be to look misread
MOSTLY_ASCENDING = 0.8  # share of steps that must not go down for a section to count as in page order


def flag_page_outliers(findings: list[Finding]) -> list[Finding]:
    """Flag rows whose page lies far outside the pages of the rows either side, in sections in page order.

    Annex rows follow the report, so page numbers mostly rise; "Page 22" between two rows citing
    page 33 is an OCR misreading (often "Dama 22" for "Page 33") that nothing else can repair.
    """
    by_section: dict[str, list[Finding]] = {}
    for f in findings:
        if f.pages:
            by_section.setdefault(f.section, []).append(f)
    for rows in by_section.values():
        steps = [b.pages[0] >= a.pages[0] for a, b in pairwise(rows)]
        if len(steps) < 3 or sum(steps) < MOSTLY_ASCENDING * len(steps):
            continue
        for prev, f, nxt in zip(rows, rows[1:], rows[2:], strict=False):
            lo, hi = min(prev.pages[0], nxt.pages[0]), max(prev.pages[-1], nxt.pages[-1])
            if f.pages[0] < lo - OUTLIER_MARGIN or f.pages[-1] > hi + OUTLIER_MARGIN:
                f.flag(f"page {f.pages[0]} is far outside its neighbours' pages ({prev.pages[0]}, {nxt.pages[0]})")
    return findings
