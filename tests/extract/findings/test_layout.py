"""The layout steps of the findings extractor on hand-made lines: labels, columns, blocks across breaks."""

from __future__ import annotations

from hmic_extract.extract.findings.blocks import Block, lines_to_blocks
from hmic_extract.extract.findings.labels import label_of
from hmic_extract.extract.findings.lines import Line
from hmic_extract.extract.findings.reading import assign_columns, reading_order
from hmic_extract.extract.findings.settings import ReportSettings
from hmic_extract.model import AREAS_FOR_IMPROVEMENT, CAUSES_OF_CONCERN, RECOMMENDATIONS

SETTINGS = ReportSettings(body_size=10.5, line_gap=3.5)


def line(text: str, top: float, x0: float = 60, x1: float = 530, page: int = 0, size: float = 10.5,
         bold: bool = False, lead_bold: str = "", marker: str = "") -> Line:
    return Line(text=text, page=page, top=top, bottom=top + size, x0=x0, x1=x1, size=size, bold=bold,
                lead_bold=lead_bold, marker=marker, text_x0=x0 + (12 if marker else 0))


def block(kind: str, *lines: Line) -> Block:
    return Block(kind, list(lines))


def label(b: Block):
    return label_of(b, None, SETTINGS)


def test_a_heading_that_is_a_label_names_its_section():
    assert label(block("heading", line("Areas for improvement", 100, bold=True))).section == AREAS_FOR_IMPROVEMENT
    numbered = label(block("heading", line("Cause of concern 2", 100, bold=True)))
    assert (numbered.section, numbered.number, numbered.plural) == (CAUSES_OF_CONCERN, "2", False)
    assert label(block("heading", line("3. Recommendations", 100, bold=True))).section == RECOMMENDATIONS
    single = label(block("heading", line("Recommendation 3", 100, bold=True)))
    assert (single.section, single.number, single.plural) == (RECOMMENDATIONS, "3", False)


def test_prose_that_merely_mentions_areas_for_improvement_is_not_a_label():
    prose = line("Areas for improvement are set out at the end of each chapter.", 100)
    assert label(block("para", prose)) is None
    assert label(block("para", line("We have identified five areas for improvement.", 100))) is None


def test_a_title_pointing_at_an_earlier_inspection_is_marked_so():
    assert label(block("heading", line("Areas for improvement from 2015", 100, bold=True))).earlier
    assert not label(block("heading", line("Areas for improvement", 100, bold=True))).earlier


def test_bold_inline_label_starts_a_finding_and_is_cut_from_its_text():
    first = line("Area for improvement 3: The force should improve how it", 100,
                 lead_bold="Area for improvement 3:")
    found = label(block("para", first, line("scrutinises stop and search.", 114)))
    assert (found.section, found.number) == (AREAS_FOR_IMPROVEMENT, "3")
    assert found.rest == "The force should improve how it\nscrutinises stop and search."


def test_a_glossary_entry_is_not_an_inline_label():
    entry = line("Cause of concern : a serious shortcoming that needs immediate action", 100,
                 lead_bold="Cause of concern")
    assert label(block("para", entry)) is None


def test_a_label_in_a_table_row_is_not_a_label():
    cell = line("Recommendation 4.12: The force should ensure that all cells", 100, x1=300)
    cell.peers = 1
    assert label(block("para", cell)) is None


def test_two_column_page_reads_the_left_column_before_the_right():
    lines = [line("Overall summary", 60, x1=300, size=17, bold=True)]
    lines += [line(f"left {i}", 100 + 14 * i, x0=60, x1=285) for i in range(6)]
    lines += [line(f"right {i}", 100 + 14 * i, x0=310, x1=535) for i in range(6)]
    assign_columns(lines, 595, SETTINGS)
    assert [ln.text for ln in reading_order(lines)] == ["Overall summary", *[f"left {i}" for i in range(6)],
                                                          *[f"right {i}" for i in range(6)]]


def test_one_column_page_is_read_top_to_bottom_even_with_short_lines():
    lines = [line("A full line of text that runs across", 100), line("short end.", 114, x1=150),
             line("Another full line of text", 134)]
    assign_columns(lines, 595, SETTINGS)
    assert [ln.text for ln in reading_order(lines)] == [ln.text for ln in lines]


def test_paragraph_broken_mid_sentence_by_a_page_break_is_one_block():
    lines = [line("The force should make sure that investigations are", 760, page=4),
             line("carried out in a timely manner.", 70, page=5),
             line("We found that the force had made progress.", 100, page=5)]
    blocks = lines_to_blocks(lines, SETTINGS)
    assert [len(b.lines) for b in blocks] == [2, 1]


def test_paragraph_ending_a_sentence_at_the_page_foot_is_not_joined_to_the_next_page():
    lines = [line("The force should make sure investigations are timely.", 760, page=4),
             line("We found that the force had made progress.", 70, page=5)]
    assert len(lines_to_blocks(lines, SETTINGS)) == 2


def test_each_bullet_is_its_own_block_with_its_wrapped_lines():
    lines = [line("The force should work with partners to", 100, marker="•"),
             line("share information.", 114, x0=72),
             line("The force should evaluate its practice.", 132, marker="•")]
    blocks = lines_to_blocks(lines, SETTINGS)
    assert [(b.kind, len(b.lines)) for b in blocks] == [("item", 2), ("item", 1)]


def test_a_bold_label_line_ending_in_a_colon_is_a_heading_of_its_own():
    lines = [line("Area for improvement 1:", 100, bold=True, lead_bold="Area for improvement 1:"),
             line("The force should make sure that it records equality data.", 116)]
    blocks = lines_to_blocks(lines, SETTINGS)
    assert [b.kind for b in blocks] == ["heading", "para"]
    assert label(blocks[0]).number == "1"


def test_a_regular_weight_title_line_is_a_block_of_its_own():
    lines = [line("Areas for improvement", 100), line("The force should make sure that it records data.", 114)]
    assert [b.kind for b in lines_to_blocks(lines, SETTINGS)] == ["heading", "para"]
