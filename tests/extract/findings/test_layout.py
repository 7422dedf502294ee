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
    lines += [line(f"left line {i} of text", 100 + 14 * i, x0=60, x1=285) for i in range(6)]
    lines += [line(f"right line {i} of text", 100 + 14 * i, x0=310, x1=535) for i in range(6)]
    assign_columns(lines, 595, SETTINGS)
    left, right = [f"left line {i} of text" for i in range(6)], [f"right line {i} of text" for i in range(6)]
    assert [ln.text for ln in reading_order(lines)] == ["Overall summary", *left, *right]


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


def test_a_title_with_a_sentence_after_its_colon_is_an_inline_label_not_a_title():
    first = line("Area for improvement: The force needs to make sure that call handlers", 100,
                 lead_bold="Area for improvement:")
    blocks = lines_to_blocks([first, line("use a structured triage process.", 114)], SETTINGS)
    assert [b.kind for b in blocks] == ["para"]
    found = label(blocks[0])
    assert found.inline and found.rest.startswith("The force needs")


def test_a_title_line_whose_sentence_runs_on_into_the_next_line_is_not_a_title():
    lines = [line("AFI 3: The force should improve how it", 100), line("identifies repeat victims.", 114)]
    assert [b.kind for b in lines_to_blocks(lines, SETTINGS)] == ["para"]


def test_a_glossary_definition_after_a_colon_is_not_a_title_theme():
    assert label(block("heading", line("Recommendation : a specific action that", 100, bold=True))) is None


def test_a_contents_line_is_not_a_label():
    entry = line("Area for Improvement.................................... 39", 100)
    entry.peers = 1
    assert label(block("para", entry)) is None


def test_an_inline_number_or_dash_opening_a_paragraph_makes_it_an_item():
    blocks = lines_to_blocks([line("(a) Within three months, the force should review its policy.", 100),
                              line("– its crime recording policy is understood by all officers;", 124)], SETTINGS)
    assert [(b.kind, b.marker, b.lines[0].text[:6]) for b in blocks] == [("item", "(a)", "Within"),
                                                                          ("item", "–", "its cr")]


def test_a_wrapped_line_opening_with_a_decimal_stays_text():
    blocks = lines_to_blocks([line("Crime recording improved by", 100), line("2.4 percent over the year.", 114)],
                             SETTINGS)
    assert [b.kind for b in blocks] == ["para"]


def test_a_numbered_paragraph_whose_lines_return_to_the_margin_is_one_item():
    first = line("The force did not have effective arrangements to monitor the use of force, and", 100, x0=62,
                 marker="2.3")
    lines = [first, line("could not show that force used on detainees was justified.", 113, x0=62)]
    assert [(b.kind, len(b.lines)) for b in lines_to_blocks(lines, SETTINGS)] == [("item", 2)]


def test_a_page_with_a_short_right_column_is_read_as_two_columns():
    lines = [line("Responding to the public", 80, x1=243, size=17, bold=True),
             line("the preservation of evidence when they first", 80.5, x0=333, x1=526),
             line("call.", 94.7, x0=333, x1=352)]
    lines += [line(f"left column line {i} of the text", 130 + 14 * i, x0=62, x1=285) for i in range(6)]
    assign_columns(lines, 595, SETTINGS)
    order = [ln.text for ln in reading_order(lines)]
    assert order.index("the preservation of evidence when they first") > order.index("left column line 5 of the text")


def test_a_table_with_a_narrow_page_column_is_not_two_columns_of_text():
    lines = [line(f"The force should do thing {i} well", 100 + 20 * i, x0=62, x1=460) for i in range(6)]
    lines += [line(str(37 + i), 100 + 20 * i, x0=481, x1=490) for i in range(6)]
    assign_columns(lines, 595, SETTINGS)
    assert {ln.column for ln in lines} == {0}


def test_a_title_wrapped_after_and_is_one_heading():
    lines = [line("Cause of Concern and", 100, x1=200, bold=True), line("Recommendation", 114, x1=180, bold=True),
             line("The force did not monitor the use of force.", 132, marker="2.6")]
    blocks = lines_to_blocks(lines, SETTINGS)
    assert [b.kind for b in blocks] == ["heading", "item"]
    found = label(blocks[0])
    assert (found.section, found.others) == (CAUSES_OF_CONCERN, (RECOMMENDATIONS,))


def test_a_list_joiner_wrapped_onto_its_own_line_stays_with_its_item():
    lines = [line("review its response to incidents, so that officers are deployed in", 100, x0=323, marker="n"),
             line("accordance with the assessed risk;", 114, x0=323), line("and", 128, x0=323, x1=345),
             line("ensure that the risk to victims is reassessed.", 142, x0=311, marker="n")]
    lines[0].text_x0 = 323
    assert [len(b.lines) for b in lines_to_blocks(lines, SETTINGS)] == [3, 1]


def test_a_findings_last_two_words_alone_atop_the_right_column_are_read_after_the_left_column():
    """A two-column page whose right column holds only the end of a list item carried over from the left ("future
    needs."): the left column shows the page is set in columns (its lines end before the middle, none crosses it),
    so the short line is the right column's, read after the left column, not beside the chapter title at the top."""
    from hmic_extract.extract.findings.lines import Line
    from hmic_extract.extract.findings.reading import order_pages
    from hmic_extract.extract.findings.settings import ReportSettings

    def line(text: str, top: float, x0: float, x1: float, size: float = 12.0) -> Line:
        return Line(text=text, page=5, top=top, bottom=top + size, x0=x0, x1=x1, size=size, bold=False)

    left = [line("Efficiency: How well", 81, 62, 269, 18.5), line("does the force plan", 105, 62, 264, 18.5)]
    left += [line(f"prose line {n} of the left column", 180 + 16 * n, 62, 280) for n in range(6)]
    left += [line("Areas for Improvement", 634, 62, 232, 13), line("leaders, so that it can plan for", 721, 78, 275)]
    carried = line("future needs.", 82, 325, 405)
    ordered = order_pages({5: [*left, carried]}, {5: 595.0}, ReportSettings(body_size=12.0))
    assert ordered[-1] is carried and ordered[-2].text == "leaders, so that it can plan for"
