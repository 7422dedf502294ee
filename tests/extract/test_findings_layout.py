"""The layout steps of the findings extractor on hand-made lines: labels, columns, blocks across breaks."""

from __future__ import annotations

from hmic_extract.extract.findings import Block, Line, assign_columns, label_of, lines_to_blocks, reading_order
from hmic_extract.model import AREAS_FOR_IMPROVEMENT, CAUSES_OF_CONCERN, RECOMMENDATIONS


def line(text: str, top: float, x0: float = 60, x1: float = 530, page: int = 0, size: float = 10.5,
         bold: bool = False, lead_bold: str = "", marker: str = "") -> Line:
    return Line(text=text, page=page, top=top, bottom=top + size, x0=x0, x1=x1, size=size, bold=bold,
                lead_bold=lead_bold, marker=marker, text_x0=x0 + (12 if marker else 0))


def block(kind: str, *lines: Line) -> Block:
    return Block(kind, list(lines))


def test_a_heading_that_is_a_label_names_its_section():
    assert label_of(block("heading", line("Areas for improvement", 100, bold=True))).section == AREAS_FOR_IMPROVEMENT
    numbered = label_of(block("heading", line("Cause of concern 2", 100, bold=True)))
    assert (numbered.section, numbered.number, numbered.plural) == (CAUSES_OF_CONCERN, "2", False)
    assert label_of(block("heading", line("3. Recommendations", 100, bold=True))).section == RECOMMENDATIONS
    single = label_of(block("heading", line("Recommendation 3", 100, bold=True)))
    assert (single.section, single.number, single.plural) == (RECOMMENDATIONS, "3", False)


def test_prose_that_merely_mentions_areas_for_improvement_is_not_a_label():
    prose = line("Areas for improvement are set out at the end of each chapter.", 100)
    assert label_of(block("para", prose)) is None
    assert label_of(block("heading", line("Areas for improvement from 2015", 100, bold=True))) is None
    assert label_of(block("heading", line("Progress against the 2015 areas for improvement", 100, bold=True))) is None


def test_bold_inline_label_starts_a_finding_and_is_cut_from_its_text():
    first = line("Area for improvement 3: The force should improve how it", 100,
                 lead_bold="Area for improvement 3:")
    label = label_of(block("para", first, line("scrutinises stop and search.", 114)))
    assert (label.section, label.number) == (AREAS_FOR_IMPROVEMENT, "3")
    assert label.rest == "The force should improve how it\nscrutinises stop and search."


def test_two_column_page_reads_the_left_column_before_the_right():
    lines = [line("Overall summary", 60, x1=300, size=17, bold=True)]
    lines += [line(f"left {i}", 100 + 14 * i, x0=60, x1=285) for i in range(6)]
    lines += [line(f"right {i}", 100 + 14 * i, x0=310, x1=535) for i in range(6)]
    assign_columns(lines, 595)
    assert [ln.text for ln in reading_order(lines)] == ["Overall summary", *[f"left {i}" for i in range(6)],
                                                          *[f"right {i}" for i in range(6)]]


def test_one_column_page_is_read_top_to_bottom_even_with_short_lines():
    lines = [line("A full line of text that runs across", 100), line("short end.", 114, x1=150),
             line("Another full line of text", 134)]
    assign_columns(lines, 595)
    assert [ln.text for ln in reading_order(lines)] == [ln.text for ln in lines]


def test_paragraph_broken_mid_sentence_by_a_page_break_is_one_block():
    lines = [line("The force should make sure that investigations are", 760, page=4),
             line("carried out in a timely manner.", 70, page=5),
             line("We found that the force had made progress.", 100, page=5)]
    blocks = lines_to_blocks(lines, 10.5)
    assert [len(b.lines) for b in blocks] == [2, 1]


def test_paragraph_ending_a_sentence_at_the_page_foot_is_not_joined_to_the_next_page():
    lines = [line("The force should make sure investigations are timely.", 760, page=4),
             line("We found that the force had made progress.", 70, page=5)]
    assert len(lines_to_blocks(lines, 10.5)) == 2


def test_each_bullet_is_its_own_block_with_its_wrapped_lines():
    lines = [line("The force should work with partners to", 100, marker="•"),
             line("share information.", 114, x0=72),
             line("The force should evaluate its practice.", 132, marker="•")]
    blocks = lines_to_blocks(lines, 10.5)
    assert [(b.kind, len(b.lines)) for b in blocks] == [("item", 2), ("item", 1)]
