"""Tolerances of the table readers, in one frozen object per page (pdfplumber's ``TableSettings`` is the model).

Every distance the table code compares against lives here, never as a module constant deep in an
algorithm. ``TableSettings.for_page`` estimates them from what the page shows: the body font size,
the line pitch of wrapped text and the thickness of its rules, so a table set in 14 pt or drawn with
hairlines is read with tolerances of its own. Tests override any field with ``dataclasses.replace``.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, replace

DEFAULT_FONT = 10.0  # points, when a page gives no text to measure
PHRASE_OVER_SPACE = 1.6  # a gap this many usual word spaces wide separates two cells
PITCH_SHARE = 0.15  # of a page's line gaps: the fewest that make the wrapped lines' pitch (not a few footnotes')


@dataclass(frozen=True)
class TableSettings:
    """Tolerances for finding and reading tables on one page; all distances in PDF points."""

    font_size: float = DEFAULT_FONT  # median body glyph height
    line_pitch: float = 1.2 * DEFAULT_FONT  # baseline to baseline of wrapped lines
    rule_width: float = 0.5  # the common stroke width of ruling lines
    snap: float = 3.0  # edges closer than this are one ruling line
    column_tolerance: float = 4.0  # how far a continued part's column edges may sit from the header's
    line_tolerance: float = 3.0  # glyphs whose vertical centres differ less than this share a text line
    word_gap: float = 1.5  # a horizontal gap wider than this between glyphs separates two words
    rtl_word_gap: float = 3.75  # ... between two right-to-left letters (a non-joining letter leaves a gap)
    phrase_gap: float = 7.0  # a gap wider than this between words of one line separates two cells
    word_space: float = 2.5  # the page's usual gap between two words of a phrase
    label_space: float = 1.5  # of the word space: a wider gap inside a header phrase may part two labels set close
    min_gutter: float = 3.0  # the narrowest white-space gutter between unruled columns
    gutter_lines: int = 3  # body lines with text either side of a gap in a header line, fewest that part two labels
    cross_slack: float = 2.0  # how far text may run past a column edge before it spans two columns
    start_tolerance: float = 0.6  # left-aligned lines of one column start this close to the same x
    page_shift: float = 30.0  # how far a page with other margins may set a continued table sideways
    note_size: float = 0.8  # a text line set smaller than this share of the table's body size is small print
    title_gap: float = 9.0  # white space above a title line between tables (more than between a cell's lines)
    band_gap: float = 3.6  # a band line inside a table sits this much further from its neighbours than the line pitch
    header_rows: int = 4  # a ruled header may sit below this many title rows inside the table
    header_lines: int = 7  # a header's labels may wrap over this many rows/lines (a narrow column: "FI" / "ND" / ...)
    label_tail_words: int = 4  # words of a wrapped label's next line ("address concern", "/ Recommendation")
    overrun_share: float = 0.25  # of a label word's width: how far it may run under the next label (a word too wide
    # for its narrow column) and still be the label's it is centred under
    label_offset: float = 0.75  # of the line pitch: a header label centred in a header of several lines sits this much
    # higher than the labels of one line at most (a line set a whole pitch above is a line of its own)
    title_lines: int = 4  # a page with no table part and no more lines than this (a running head, a section's title
    # wrapped), none ending a sentence, lies between two parts of one table
    max_header_cell: int = 60  # characters: a longer cell is body text, not a column label
    page_cell_chars: int = 30  # characters: a page cell is short ("Pages 39 and 42 (para 5.5)")
    min_columns: int = 3
    margin: float = 0.035  # share of the page height at top and bottom holding running heads and folios
    footer_zone: float = 0.15  # share of the page height at top and bottom where a page template sets heads and footers
    footer_apart: float = 3.0  # line pitches between the body and a lone page footer ("... | Page 1"), more than rows
    running_drift: float = 3.0  # a running head recurs at the same height on other pages, give or take this
    running_pages: int = 3  # ... and one on this many pages at least and on ``running_share`` of them is one however
    running_share: float = 0.8  # close it sits to the body
    size_ratio: float = 0.9  # a word set smaller than this share of another's size is in a font of its own (a page
    # head's over a header's labels)
    mark_ratio: float = 0.95  # a digit raised and smaller than this share of the letter before it is a footnote mark;
    # a line opening with a mark set smaller than this share of the table's body size is a footnote
    glued_cut_chars: float = 1.5  # of a word's mean letter width: how far from a column edge a digit/letter boundary
    # inside an OCR word lying over the edge may fall and still be where two cells' words were read as one
    tight_box: float = 0.85  # of the page's usual glyph height for a font size: a glyph box shorter than this is the
    # letter's own outline (a font without ascent and descent), its centre not its line's centre
    overprint_slack: float = 0.5  # glyphs closer than this (points) are drawn at one place; a pen step back further
    # left than this starts another run of text
    kern_overlap: float = 0.22  # of the font size: a letter starts under the one before it by less than this in a
    # word (kerned pairs: "Ta" 0.17 in DejaVu Sans); further under (a word run on past its column: 0.27), the next
    # cell's text
    scan_jitter: float = 0.2  # of the font size: how far a scanned word's box edge may sit from where it was set

    def for_scan(self) -> TableSettings:
        """These settings for words read off a scan: their boxes jitter by a point or two (deskewing, OCR's idea
        of a glyph's edge), so aligned starts and edges are matched more loosely."""
        return replace(self, start_tolerance=max(self.start_tolerance, self.scan_jitter * self.font_size),
                       cross_slack=max(self.cross_slack, self.scan_jitter * self.font_size),
                       running_drift=max(self.running_drift, self.font_size))

    def with_word_spaces(self, spaces: Iterable[float]) -> TableSettings:
        """These settings with the phrase gap above the page's own word spaces (OCR boxes, wide fonts and
        justified text space words wider than a 10 pt body's proportion)."""
        gaps = sorted(g for g in spaces if 0 < g < 4 * self.font_size)
        if len(gaps) < 10:
            return self
        usual = gaps[len(gaps) // 2]
        return replace(self, phrase_gap=max(self.phrase_gap, PHRASE_OVER_SPACE * usual), word_space=usual)

    @classmethod
    def for_page(cls, glyph_heights: Iterable[float] = (), line_gaps: Iterable[float] = (),
                 rule_widths: Iterable[float] = ()) -> TableSettings:
        """Given what a page shows (glyph heights, baseline gaps of wrapped lines, rule stroke widths),
        return settings scaled to it; the defaults are those of a 10 pt body."""
        heights = [h for h in glyph_heights if 2.0 <= h <= 40.0]
        font = statistics.median(heights) if heights else DEFAULT_FONT
        gaps = [g for g in line_gaps if 0.8 * font <= g <= 2.5 * font]
        pitch = wrapped_pitch(gaps, font) if gaps else 1.2 * font
        widths = [w for w in rule_widths if 0.0 < w <= 6.0]
        rule = statistics.median(widths) if widths else 0.5
        scale = font / DEFAULT_FONT
        return cls(font_size=font, line_pitch=pitch, rule_width=rule,
                   snap=max(3.0, 2 * rule), column_tolerance=max(4.0, 0.4 * font),
                   line_tolerance=max(1.5, 0.3 * font), word_gap=max(0.8, 0.15 * font),
                   rtl_word_gap=max(2.0, 0.375 * font), word_space=0.25 * font,
                   phrase_gap=7.0 * scale, title_gap=0.75 * pitch, band_gap=0.3 * pitch,
                   min_gutter=max(2.0, 0.3 * font), page_shift=3.0 * font,
                   cross_slack=max(1.5, 0.2 * font), running_drift=max(3.0, 0.4 * font))


def wrapped_pitch(gaps: list[float], font: float) -> float:
    """The pitch of wrapped lines among a page's line gaps: the tightest spacing that a fair share of the gaps
    keep (to within a tenth of the font size).

    The median is not it where rows of one line, set further apart than a row's wrapped lines, outnumber
    those (a band or a row's first line is then taken for wrapped text); a few footnote lines set tighter
    are no fair share."""
    ordered = sorted(gaps)
    need = max(3, PITCH_SHARE * len(ordered))
    for g in ordered:
        near = [x for x in ordered if g <= x <= g + 0.1 * font]
        if len(near) >= need:
            return statistics.median(near)
    return statistics.median(ordered)
