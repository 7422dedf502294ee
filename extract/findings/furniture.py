"""Page furniture: running headers and footers, page numbers and margin notes, which are never part of a finding.

Furniture is told by what it is, not by what it says: a line in the top or bottom margin zone that
prints the page number (see ``page_numbers``), or that comes back at the same height on other pages
with only its digits changed, or that is only a number, or that is set smaller than body text, or a few
words alone at the foot (a footer on a short extract has no other page to repeat on).
Finding labels are never furniture, whatever their place.
"""

from __future__ import annotations

import re
from collections import Counter

from .lines import Line, is_label
from .page_numbers import Progression, in_margin
from .settings import ReportSettings

LONE_NUMBER = re.compile(r"(?i)^(?:page\s+)?(\d{1,4}|[ivxlc]{1,7})(?:\s*(?:of|/)\s*\d{1,4})?$")


def furniture_key(line: Line, settings: ReportSettings) -> tuple[str, int]:
    """What a running head has in common from page to page: its text with digits masked (and spaces dropped: OCR
    reads them differently on each page), and its height."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text.lower())), round(line.top / settings.same_spot)


def drop_furniture(pages: dict[int, list[Line]], heights: dict[int, float], settings: ReportSettings,
                   progressions: tuple[Progression | None, ...]) -> dict[int, list[Line]]:
    """Given each page's lines and the page-number progressions, return the lines without page furniture."""
    numbered = {line for p in progressions if p is not None for line in p.lines}
    repeats: Counter[tuple[str, int]] = Counter()
    for lines in pages.values():
        repeats.update({furniture_key(ln, settings) for ln in lines if in_margin(ln, heights[ln.page], settings)})
    kept: dict[int, list[Line]] = {}
    for index, lines in pages.items():
        candidates = {id(ln) for ln in lines if in_margin(ln, heights[index], settings) and not is_label(ln) and (
            id(ln) in numbered or LONE_NUMBER.match(ln.text) or ln.size < settings.body_size - 1
            or repeats[furniture_key(ln, settings)] >= 2
            or (in_margin(ln, heights[index], settings) == "bottom" and len(ln.text.split()) <= settings.foot_words))}
        kept[index] = [ln for ln in lines if id(ln) not in candidates or in_paragraph(ln, lines, candidates,
                                                                                    settings)]
    return kept


def in_paragraph(line: Line, lines: list[Line], candidates: set[int], settings: ReportSettings) -> bool:
    """Whether a line sits in a paragraph that runs on beyond the margin zone (body text, not a running head):
    a line that is not furniture lies just above or below it, at the leading of one paragraph."""
    return any(id(other) not in candidates and min(abs(other.top - line.bottom), abs(line.top - other.bottom))
               <= 0.8 * settings.body_size and other.x0 < line.x1 and line.x0 < other.x1
               for other in lines if other is not line)
