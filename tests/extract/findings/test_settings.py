"""Settings estimated from the report: body size and the leading of one paragraph."""

from __future__ import annotations

from dataclasses import replace

from hmic_extract.extract.findings.lines import Line
from hmic_extract.extract.findings.settings import estimate_settings, usual_line_gap, usual_line_pitch


def line(text: str, top: float, x1: float, size: float = 9.0) -> Line:
    return Line(text=text, page=0, top=top, bottom=top + size, x0=62, x1=x1, size=size, bold=False)


def test_the_line_gap_is_read_inside_paragraphs_even_when_short_paragraphs_are_the_rule():
    lines = []
    top = 100.0
    for _ in range(4):  # a two-line paragraph (a full line, a short one), then three one-line paragraphs
        lines += [line("a full line of text that wraps at the right edge", top, 533), line("ends.", top + 11.5, 200)]
        top += 11.5 + 17.4
        for _ in range(3):
            lines.append(line("A short paragraph of one line.", top, 300))
            top += 17.4
    assert usual_line_gap(lines) == 2.5
    assert estimate_settings(lines).body_size == 9.0


def test_a_scans_line_pitch_is_its_wrapped_lines_even_when_headings_and_marked_sentence_ends_outnumber_them():
    """Headings end no sentence, nor does a sentence whose full stop a footnote mark follows ("needs.²" read "needs.2"):
    set a paragraph's space above the next line, they outnumber a short scan's wrapped lines; their longer pitch is
    no line pitch."""
    lines, top = [], 100.0
    for text, step in [("Cause of concern", 19.5), ("The force doesn't have a plan to achieve the savings it", 13.5),
                       ("needs.2", 19.5), ("Our recommendations", 19.5), ("Recommendation 1", 19.5),
                       ("produce a fully costed savings plan that shows how it", 13.5), ("will balance.*", 19.5),
                       ("Area for improvement 1: The force should make sure", 13.5), ("its plans add up.", 19.5),
                       ("Summary of findings", 19.5)]:
        lines.append(line(text, top, 500, 10.0))
        top += step
    settings = replace(estimate_settings(lines), weightless=True)
    assert usual_line_pitch(lines, settings) == 13.5


def test_three_wrapped_lines_at_one_pitch_set_a_short_scans_line_pitch():
    """A scanned page with a few short paragraphs wraps only a few lines; where they agree, their pitch is the
    leading (box edges would make the paragraph breaks look like wrapped lines)."""
    lines, top = [], 100.0
    for text, step in [("The force arrests suspects promptly, but it does not always", 14.0),
                       ("manage the conditions of bail effectively, and some", 14.0),
                       ("suspects had been released for more than a year.", 20.0),
                       ("AFI 1: The force should make sure that suspects are", 14.0),
                       ("managed effectively.", 20.0)]:
        lines.append(line(text, top, 500, 10.0))
        top += step
    settings = replace(estimate_settings(lines), weightless=True)
    assert usual_line_pitch(lines, settings) == 14.0


def test_contents_lines_reaching_the_right_edge_do_not_set_the_line_gap():
    """A contents page's dot-leader lines all reach the right edge, a paragraph's space apart: in a short report
    with ragged-right prose (few wrapped lines reach the edge) they would outvote the wrapped lines, and every
    paragraph of the body would run into the next."""
    lines, top = [], 100.0
    for _ in range(6):  # contents entries: a title, leader dots, a page number (a paragraph's space apart)
        entry = line("Areas for improvement ........................ 43", top, 533)
        entry.peers = 1
        lines.append(entry)
        top += 17.4
    for _ in range(5):  # body paragraphs: one wrapped line reaching the edge, then a short last line
        lines += [line("a full line of text that wraps at the right edge", top, 525),
                  line("ends.", top + 11.6, 200)]
        top += 11.6 + 17.4
    assert usual_line_gap(lines) == 2.5


def test_cells_of_one_table_row_do_not_set_a_scans_line_pitch():
    """A two-column table (an earlier inspection's recommendations beside their progress) puts the row's cells one
    after the other in reading order, their OCR boxes a point or less apart in height: the pitch between two
    fragments of one row is no leading (read as one, every wrapped line of the report became its own paragraph)."""
    lines, top = [], 100.0
    for text, step in [("The force should immediately make sure that every child", 12.2), ("is assessed.", 20.0),
                       ("Within three months, the force should review the unit so", 12.2), ("that it works.", 20.0)]:
        lines.append(line(text, top, 500, 10.0))
        top += step
    for _ in range(4):  # table rows: the left cell's line, then the right cell's a fraction of a point lower
        left = line("Recommendation 1: The force should make sure", top, 300, 10.0)
        right = replace(left, text="Substantial progress. Call handlers now use a", top=top + 0.5, bottom=top + 10.5,
                        x0=326, x1=500)
        lines += [left, right]
        top += 12.2
    settings = replace(estimate_settings(lines), weightless=True)
    assert 11.5 <= usual_line_pitch(lines, settings) <= 12.2  # (a right cell to the next row's left: 11.7)
