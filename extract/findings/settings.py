"""The tolerances of the findings path, in one frozen object estimated from the report in hand.

Nothing deep in the findings path reads a module constant: every step takes a ``ReportSettings``.
``estimate_settings`` derives the body text size and line pitch from the lines themselves, so a
report set in 12 pt with loose leading and one set in 9 pt are read with the same rules; a test can
build one by hand ("with a 14 pt body font") and the code adapts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import pairwise
from statistics import median
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .lines import Line


@dataclass(frozen=True)
class ReportSettings:
    """How far things may differ and still count as the same (points unless said otherwise)."""

    body_size: float = 10.0  # the size most text is set in
    line_gap: float = 3.0  # the commonest white gap between two lines of one paragraph
    weightless: bool = False  # the text carries no bold at all (words from OCR): labels are found as whole lines
    margin_zone: float = 0.1  # share of the page height at top and bottom where running heads and footers live
    same_spot: float = 4.0  # a running head repeats at the same height, give or take this
    column_edge: float = 3.0  # right-column lines start within this of a common left edge
    min_column_lines: int = 5  # lines at one right-hand edge before a page counts as two columns
    indent_slack: float = 3.0  # a wrapped item line starts within this of the item's text
    size_slack: float = 0.6  # two lines this close in size may be one block
    heading_growth: float = 1.5  # a line this much larger than body text is a heading
    small_text: float = 1.2  # a line this much smaller than body text is a caption, chart label or footnote
    max_heading_words: int = 18  # a bold run longer than this is an emphasised paragraph, not a heading
    title_tail_words: int = 3  # a title wraps onto a line of at most this many words (a longer one is the text)
    same_text: float = 0.9  # similarity at which a summary's finding is the chapter's finding restated
    footnote_lines: int = 3  # a footnote at a column's foot runs to at most this many lines
    foot_words: int = 6  # a line of at most this many words alone in the foot margin is a footer
    caps_height: float = 0.75  # on a scan, a line in capitals reads this share of its size (boxes are cap-high)
    min_label_score: float = 2.0  # see labels.score_*: evidence needed before a run counts as a label
    line_pitch: float = 0.0  # on a scan: the usual distance between the middles of two lines of one paragraph
    pitch_spread: float = 0.2  # x body size: wrapped lines' pitches lie this close to the shortest usual one (a
    # paragraph's further space, at least para_gap's share of the body size, lies beyond)
    column_reach: float = 2.0  # x font size: a column start seen on some rows cuts a row this far above or below
    marker_gap: float = 3.0  # x font size: a list marker is at most this far from its text (a chart label further
    # off is not); a page whose bullets stand further off widens it (lines.marker_gap)
    small_mark: float = 0.65  # on a scan, a lone stroke ("I") at most this share of its text's height is a bullet

    @property
    def para_gap(self) -> float:
        """The largest white gap between two lines of one paragraph."""
        return self.line_gap + 0.3 * self.body_size

    @property
    def heading_size(self) -> float:
        """Lines at least this large are headings."""
        return self.body_size + self.heading_growth

    def read_size(self, text: str, size: float) -> float:
        """A line's size as set: OCR sizes come from box heights, and a line in capitals has no ascenders or
        descenders to make its boxes full height."""
        if self.weightless and any(c.isalpha() for c in text) and not any(c.islower() for c in text):
            return size / self.caps_height
        return size

    @property
    def caption_size(self) -> float:
        """Lines smaller than this are captions, chart labels or footnotes."""
        return self.body_size - self.small_text


# OCR boxes give rough sizes and left edges, and no bold.
OCR_SLACK = {"size_slack": 1.6, "indent_slack": 7.0, "heading_growth": 3.1, "small_text": 2.8}


def body_text_size(lines: Iterable[Line]) -> float:
    """The size most text is set in (weighted by characters)."""
    sizes: Counter[float] = Counter()
    for ln in lines:
        sizes[ln.size] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def usual_line_gap(lines: list[Line]) -> float:
    """The commonest gap between two lines of one paragraph (leading minus text height).

    Only gaps after a *full* line count: a line that reaches its column's right edge wraps, so the next line
    carries on the same paragraph; gaps between paragraphs (often as common in short-paragraph reports) do not.
    Nor do table rows and contents lines (a line with peers): dot leaders reach the edge on every entry.
    """
    edges: dict[tuple[int, int], float] = {}
    for ln in lines:
        key = (ln.page, ln.column)
        edges[key] = max(edges.get(key, 0.0), ln.x1)
    gaps: Counter[float] = Counter()
    for prev, ln in pairwise(lines):
        gap = ln.top - prev.bottom
        full = prev.x1 >= edges[(prev.page, prev.column)] - 2 * prev.size
        if full and not prev.peers and prev.page == ln.page and prev.column == ln.column and 0 <= gap < prev.size \
                and prev.size == ln.size:
            gaps[round(gap * 2) / 2] += 1
    return gaps.most_common(1)[0][0] if gaps else 3.0


MIN_PITCHES = 3  # wrapped lines agreeing on one pitch needed before a scan's line pitch is trusted


def usual_line_pitch(lines: list[Line], settings: ReportSettings) -> float:
    """On a scan, the usual distance between the middles of two lines of one paragraph (0.0 when too few).

    OCR boxes run from the highest ascender to the lowest descender a line happens to hold, so the white space
    between two boxes varies from line to line; the middles keep the printed leading. Only body-size lines whose
    sentence runs on into the next one may share a paragraph (a cover's title lines do not end sentences either),
    and even those may not: a heading, a lead-in ending in ":" or a finding whose full stop the scan lost stands a
    paragraph's space above the next line. So the pitch is the median of the pitches close to the shortest usual one
    (the lower quartile stands up to the odd merged line), wherever the longer ones are the majority. Fragments of one
    physical row (a table's cells, read one after the other) stand less than half a line apart: no leading.
    """
    from .blocks import SENTENCE_END

    def body(ln: Line) -> bool:
        return abs(ln.size - settings.body_size) <= settings.size_slack

    pitches = [pitch for prev, ln in pairwise(lines)
               if prev.page == ln.page and prev.column == ln.column and not SENTENCE_END.search(prev.text)
               and body(prev) and body(ln)
               and prev.height / 2 <= (pitch := (ln.top + ln.bottom - prev.top - prev.bottom) / 2) < 2 * prev.height]
    if not pitches:
        return 0.0
    shortest = sorted(pitches)[len(pitches) // 4]
    close = [p for p in pitches if p <= shortest + settings.pitch_spread * settings.body_size]
    return median(close) if len(close) >= MIN_PITCHES else 0.0


def estimate_settings(lines: list[Line], **overrides) -> ReportSettings:
    """Given the report's lines in reading order, return settings fitted to its body text (``overrides`` win)."""
    weightless = not any(ln.bold for ln in lines)
    settings = ReportSettings(body_size=body_text_size(lines), line_gap=usual_line_gap(lines), weightless=weightless)
    if weightless:
        settings = replace(settings, **OCR_SLACK)
    return replace(settings, **overrides) if overrides else settings
