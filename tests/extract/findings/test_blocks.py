"""Blocks across breaks: a finding cut by a page or column break is one block holding both pages.

The same sentence is cut at every word boundary (metamorphic: where the break falls changes nothing but the
pages), both as a paragraph and as a bulleted item, over a page break and over a column break.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from hmic_extract.extract.findings.blocks import lines_to_blocks
from hmic_extract.extract.findings.lines import Line
from hmic_extract.extract.findings.settings import OCR_SLACK, ReportSettings

SETTINGS = ReportSettings(body_size=10.5, line_gap=3.5)
FINDING = ("The force should make sure that investigations are allocated to staff with the right skills and "
           "that victims are kept informed")
NEXT = "We found that the force had made progress since our last inspection."
WORDS = FINDING.split()


def line(text: str, top: float, page: int = 4, x0: float = 62, x1: float = 530, marker: str = "",
         bold: bool = False, size: float = 10.5) -> Line:
    return Line(text=text, page=page, top=top, bottom=top + size, x0=x0, x1=x1, size=size, bold=bold,
                marker=marker, text_x0=x0 + (14 if marker else 0))


def broken(cut: int, marker: str, *, column: bool) -> list[Line]:
    """FINDING ending a page (or a left column) after word ``cut``, the rest opening the next page (or column)."""
    before, after = " ".join(WORDS[:cut]), " ".join(WORDS[cut:]) + "."
    if column:
        first = line(before, 760, x0=62, x1=290, marker=marker)
        second = line(after, 70, x0=310, x1=530)
        first.column, second.column = 1, 2
        rest = line(NEXT, 100, x0=310, x1=530)
        rest.column = 2
        return [first, second, rest]
    return [line(before, 760, marker=marker), line(after, 70, page=5, x0=62 + (14 if marker else 0)),
            line(NEXT, 100, page=5)]


@pytest.mark.parametrize("cut", range(2, len(WORDS) - 1))
@pytest.mark.parametrize("marker", ["", "•"])
@pytest.mark.parametrize("column", [False, True], ids=["page-break", "column-break"])
def test_a_finding_cut_anywhere_by_a_break_is_one_block_with_both_pages(cut, marker, column):
    blocks = lines_to_blocks(broken(cut, marker, column=column), SETTINGS)
    assert [b.flat for b in blocks] == [" ".join(WORDS) + ".", NEXT]
    assert blocks[0].pages == ([4] if column else [4, 5])
    assert blocks[0].kind == ("item" if marker else "para")


def test_a_heading_opening_the_next_page_is_not_joined_to_a_sentence_cut_before_it():
    lines = [line(" ".join(WORDS[:6]), 760), line("Investigating crime", 70, page=5, bold=True, size=16),
             line(NEXT, 100, page=5)]
    assert [b.kind for b in lines_to_blocks(lines, SETTINGS)][1] == "heading"


def test_a_new_bullet_opening_the_next_page_is_its_own_item():
    lines = [line(FINDING + ";", 760, marker="•"), line(NEXT, 70, page=5, marker="•")]
    blocks = lines_to_blocks(lines, SETTINGS)
    assert [(b.kind, b.pages) for b in blocks] == [("item", [4]), ("item", [5])]


def test_an_italic_quote_at_an_items_text_indent_is_not_the_next_item():
    # An item whose bullet is lost is recognised by a sentence starting at the item's text indent; a quotation
    # set in italic at that indent under the last item is not one (it became a recommendation of its own).
    def styled(text: str, top: float, font: str, marker: str = "") -> Line:
        ln = line(text, top, x0=309 if marker else 327, marker=marker)
        ln.text_x0, ln.font = 329, font
        return ln

    lines = [styled("make sure that any contractor without vetting is removed", 300, "Vera", "ii."),
             styled("from unsupervised access until vetting is complete.", 316, "Vera"),
             styled("The Vetting Code of Practice says that all those who", 340, "Vera-Oblique"),
             styled("work for the police should be vetted.", 356, "Vera-Oblique")]
    kinds = [(b.kind, b.lines[0].text[:8]) for b in lines_to_blocks(lines, SETTINGS)]
    assert kinds == [("item", "make sur"), ("para", "The Vett")]
    # the same sentence in the item's own type is a further item whose bullet was lost
    for ln in lines[2:]:
        ln.font = "Vera"
    assert [b.kind for b in lines_to_blocks(lines, SETTINGS)] == ["item", "item"]


def test_a_title_wrapped_after_a_preposition_is_one_heading():
    # "OUR RECOMMENDATIONS TO" / "CHIEF CONSTABLES": the first line is a title by itself, but a heading never
    # ends on "to"; read apart, the second line is a heading that ends the label's segment before its list.
    lines = [line("OUR RECOMMENDATIONS TO", 435, bold=True, size=13), line("CHIEF CONSTABLES", 452, bold=True, size=13),
             line("By 31 March 2024, chief constables should:", 473)]
    blocks = lines_to_blocks(lines, SETTINGS)
    assert (blocks[0].kind, blocks[0].flat) == ("heading", "OUR RECOMMENDATIONS TO CHIEF CONSTABLES")


def test_the_next_number_of_a_list_opening_the_next_page_is_the_next_item():
    lines = [line("Forces should make sure that the vetting level of each role is set", 700, marker="i."),
             line("according to the information the volunteer has access to.", 716, x0=80),
             line("ii. Forces should carry out aftercare checks on volunteers.", 70, page=5)]
    blocks = lines_to_blocks(lines, SETTINGS)
    assert [(b.kind, b.marker, b.pages) for b in blocks] == [("item", "i.", [4]), ("item", "ii.", [5])]


def test_an_item_carried_over_a_page_keeps_its_lines_at_the_new_pages_indent():
    lines = [line("By 31 March 2024, the Home Office should consider whether", 708, x0=311, marker="(5)"),
             line("legislation is needed to put the vetting of contractors on a", 723, x0=333),
             line("Section 55 of the Police Act 1996 requires a response within 56 days.", 756, x0=69, size=8.5),
             line("statutory footing, and say how it would be enforced and by", 70, page=5, x0=86),
             line("whom.", 87, page=5, x0=86)]
    blocks = lines_to_blocks(lines, ReportSettings(body_size=10.5, line_gap=3.0))
    assert blocks[0].flat.endswith("by whom.") and blocks[0].pages == [4, 5]


def test_an_item_numbered_inline_ends_at_a_column_break_before_the_next_lead_in():
    # "(b) make sure that supervisors … direction they give" (its number too close to be set apart as a marker)
    # ends the left column; the right column opens with the next lead-in, which is not the item's last words.
    first = line("(b) make sure that supervisors review", 599, x0=64, x1=286)
    rest = line("investigations at regular intervals", 614, x0=86, x1=286)
    lead = line("Within six months, Fennmarsh Police", 82, x0=309)
    lead2 = line("should:", 97, x0=309)
    for ln, column in ((first, 1), (rest, 1), (lead, 2), (lead2, 2)):
        ln.column = column
    blocks = lines_to_blocks([first, rest, lead, lead2], SETTINGS)
    assert [(b.kind, b.marker, b.flat) for b in blocks] == [
        ("item", "(b)", "make sure that supervisors review investigations at regular intervals"),
        ("para", "", "Within six months, Fennmarsh Police should:")]


def test_a_sentence_cut_by_a_column_break_goes_on_past_the_footnotes_at_the_columns_foot():
    # Notes read at body size; OCR glued the first note's number to its text ("1Home …"); the second's is set apart as
    # a marker. The sentence's end opens the next column in lower case and joined the second note.
    cut = line("vulnerable victims; an assessment of each victim's", 723, x1=286)
    note1 = line("1Home Office Counting Rules for Recorded Crime, April 2017.", 742, x1=286)
    note2 = line("Our 2019 report is available at www.justiceinspectorates.gov.uk", 756, x1=286, marker="2")
    rest = line("needs; and referral to specialist support where it is", 68, x0=309)
    end = line("needed.", 82, x0=309)
    for ln, column in ((cut, 1), (note1, 1), (note2, 1), (rest, 2), (end, 2)):
        ln.column = column
    blocks = lines_to_blocks([cut, note1, note2, rest, end], SETTINGS)
    assert blocks[0].flat.endswith("each victim's needs; and referral to specialist support where it is needed.")


def test_a_numbered_item_cut_by_a_column_break_keeps_its_end_and_the_paragraph_before_it_does_not_take_it():
    para = line("We found that the force had made progress since then.", 700, x1=286)
    item = line("The force told us that it had not yet", 740, x1=286, marker="3")
    rest = line("reviewed its policy on missing children.", 68, x0=309)
    for ln, column in ((para, 1), (item, 1), (rest, 2)):
        ln.column = column
    blocks = lines_to_blocks([para, item, rest], SETTINGS)
    assert blocks[-1].flat == "The force told us that it had not yet reviewed its policy on missing children."


def test_a_paragraph_opening_the_next_page_is_not_carried_into_a_table_row_past_its_source_line():
    # A chart's data row ("421  488  455  506": cells on one row) ends the page; its source line opens the next,
    # then an area for improvement. The row ends in no full stop, but a row of cells is no sentence the page
    # break cut: the finding was joined to it and lost.
    row = [line(text, 714, x0=x0, x1=x0 + 20) for text, x0 in (("421 488", 309), ("455 506", 400))]
    source = line("Source: force data, HMICFRS analysis", 88, page=5, size=9.5)
    finding = line("AREA FOR IMPROVEMENT 2: The force", 108, page=5, size=11)
    rest = line("should improve the quality of information.", 122, page=5, size=11)
    for ln in row:
        ln.peers = 1
    blocks = lines_to_blocks([*row, source, finding, rest], SETTINGS)
    assert blocks[-1].flat == "AREA FOR IMPROVEMENT 2: The force should improve the quality of information."


def test_a_title_wrapped_after_any_word_is_one_heading_when_the_whole_is_a_title():
    # "OUR RECOMMENDATIONS TO CHIEF" / "CONSTABLES": wrapped after a noun, the first line is still a title, and the
    # second, read apart, ended the label's segment before its list (the chapter's recommendation was lost).
    lines = [line("OUR RECOMMENDATIONS TO CHIEF", 570, bold=True, size=11.8),
             line("CONSTABLES", 585, bold=True, size=11.8),
             line("By 31 March 2024, chief constables should make sure that", 604, marker="i.")]
    blocks = lines_to_blocks(lines, SETTINGS)
    assert (blocks[0].kind, blocks[0].flat) == ("heading", "OUR RECOMMENDATIONS TO CHIEF CONSTABLES")


def test_a_title_is_not_joined_to_a_bold_sentence_below_it():
    lines = [line("Areas for improvement", 570, bold=True), line("The force should improve its records.", 585,
                                                                bold=True)]
    assert len(lines_to_blocks(lines, SETTINGS)) == 2


def test_scanned_fragments_whose_bullets_ocr_lost_are_cut_where_a_paragraph_gap_falls():
    # "… we recommend that Kelderwick Police immediately:" then three fragments without a full stop at the bullets'
    # text indent, OCR having lost the bullets; the first wraps at the line pitch, the next two start a
    # paragraph's gap lower, in lower case: they were read as one item (two recommendations lost).
    settings = ReportSettings(body_size=9.0, line_gap=1.0, weightless=True, line_pitch=11.5, indent_slack=7.0)

    def scan_line(text: str, top: float, x0: float = 78.0) -> Line:
        return Line(text=text, page=1, top=top, bottom=top + 11, x0=x0, x1=530, size=9.0, bold=False, text_x0=x0)

    lines = [scan_line("To address this cause of concern, we recommend that the force immediately:", 612, x0=63.7),
             scan_line("review the way it manages demand in the control room, so that calls are", 628.6),
             scan_line("attended within its published response times", 640.1),
             scan_line("put in place a process to reassess risk when attendance is delayed", 658.1),
             scan_line("ensure that supervisors have the information they need", 676.1)]
    blocks = lines_to_blocks(lines, settings)
    assert [b.flat.split()[0] for b in blocks if b.kind == "item"] == ["review", "put", "ensure"]


def test_a_scanned_fragment_at_the_first_items_wrapped_indent_is_the_next_item_when_ocr_misplaced_its_text_start():
    # "■ review the way …;" read with its bullet, but OCR put the text's start a few points right of the bullet,
    # well short of where the item's wrapped lines hang; the next fragment, its bullet lost, starts a paragraph's
    # gap lower at that hanging indent: it was read as a paragraph, and the summary's restatement took its place.
    settings = ReportSettings(body_size=11.5, line_gap=0.0, weightless=True, line_pitch=14.0, indent_slack=7.0)

    def scan_line(text: str, top: float, x0: float, marker: str = "", text_x0: float = 0.0) -> Line:
        return Line(text=text, page=1, top=top, bottom=top + 11.5, x0=x0, x1=280, size=11.5, bold=False,
                    marker=marker, text_x0=text_x0 or x0)

    lines = [scan_line("recommend that the force immediately:", 655.2, 64.1),
             scan_line("review the way it manages demand in", 676.1, 63.4, marker="■", text_x0=69.4),
             scan_line("the control room, so that calls from", 690.5, 75.6),
             scan_line("vulnerable people are attended within", 702.7, 77.8),
             scan_line("the force's published response times;", 718.6, 75.6),
             scan_line("put in place a process to reassess risk", 740.2, 77.8),
             scan_line("when the attendance of an officer is", 753.8, 78.5)]
    blocks = lines_to_blocks(lines, settings)
    assert [b.flat.split()[0] for b in blocks if b.kind == "item"] == ["review", "put"]


def test_a_capitalised_line_after_a_list_of_fragments_is_not_their_next_item():
    # "– review …" / "– put in place …" / "ensure that … a" / "response." (its dash lost), then the title "Summary of
    # findings" at the items' text indent: items that open in lower case complete a lead-in, and a line opening with
    # a capital is none of them (it became a fourth recommendation).
    settings = ReportSettings(body_size=10.5, line_gap=1.5, weightless=True, line_pitch=13.7, indent_slack=7.0)

    def scan_line(text: str, top: float, x0: float, marker: str = "", size: float = 10.0) -> Line:
        return Line(text=text, page=1, top=top, bottom=top + size, x0=x0, x1=533, size=size, bold=False,
                    marker=marker, text_x0=x0 + (12 if marker else 0))

    lines = [scan_line("To address this cause of concern, we recommend that the force immediately:", 341.6, 64.4),
             scan_line("review the way it manages demand in the control room, so that calls are attended", 361.8,
                       64.1, marker="–"),
             scan_line("within the force's published response times.", 375.8, 76.0),
             scan_line("put in place a process to reassess risk when the attendance of an officer is", 394.9, 66.6,
                       marker="-"),
             scan_line("delayed.", 407.5, 76.0),
             scan_line("ensure that supervisors in the control room have the information they need to a", 427.7, 77.0),
             scan_line("response.", 440.6, 74.5, size=12.0),
             scan_line("Summary of findings", 464.5, 74.5, size=12.0)]
    blocks = lines_to_blocks(lines, settings)
    assert [b.flat.split()[0] for b in blocks if b.kind == "item"] == ["review", "put", "ensure"]


def test_a_figure_title_wrapped_at_body_size_keeps_its_lines_past_a_column_break():
    # A left column ends with "… people who are at risk of stalking."; the right column opens with a figure's title
    # "Figure 2: Overdue visits to registered" / "sex offenders, April 2023 to March" / "2024", its wrapped lines
    # read at body size: they were taken past the caption into the finding at the foot of the left column.
    def at(text: str, top: float, x0: float, column: int) -> Line:
        return Line(text=text, page=1, top=top, bottom=top + 10.5, x0=x0, x1=x0 + 220, size=10.5, bold=False,
                    column=column)

    lines = [at("AREA FOR IMPROVEMENT 2: The force should make sure that officers", 527.8, 62, 1),
             at("use the powers available to protect people who are at risk of stalking.", 541.8, 62, 1),
             at("Figure 2: Overdue visits to registered", 68.4, 311, 2),
             at("sex offenders, April 2023 to March", 81.7, 311, 2),
             at("2024", 94.7, 311, 2)]
    blocks = lines_to_blocks(lines, SETTINGS)
    assert [(b.kind, len(b.lines)) for b in blocks] == [("para", 2), ("caption", 3)]


def test_a_scanned_lead_in_that_ocr_sized_as_large_as_a_heading_is_no_heading():
    # "By 31 March 2024, the College of" / "Policing should:" read 15 pt tall over an 11.5 pt body (digits, commas and
    # descenders stretch OCR's boxes): taken for a heading, it ended the "Recommendations" list before its bullets.
    settings = ReportSettings(body_size=11.5, line_gap=0.5, weightless=True, line_pitch=15.5, indent_slack=7.0,
                              heading_growth=3.1, size_slack=1.6)

    def scan_line(text: str, top: float, x0: float, size: float, marker: str = "") -> Line:
        return Line(text=text, page=1, top=top, bottom=top + size, x0=x0, x1=287, size=size, bold=False,
                    marker=marker, text_x0=x0 + (20 if marker else 0))

    lines = [scan_line("Recommendations", 358.6, 63.7, 13.0),
             scan_line("By 31 March 2024, the College of", 377.3, 64.8, 15.0),
             scan_line("Policing should:", 393.8, 65.5, 12.5),
             scan_line("publish guidance for investigators", 416.9, 64.1, 11.5, marker="(a)")]
    assert [b.kind for b in lines_to_blocks(lines, settings)] == ["heading", "para", "item"]


def test_a_title_does_not_run_on_into_an_item_whose_roman_number_opens_the_next_line():
    # "Areas for Improvement" / "i. The force should ensure that all" (the number read inline, not set apart): the
    # small "i" looked like a sentence running on from the title, which became a paragraph and labelled nothing.
    settings = ReportSettings(body_size=13.0, line_gap=0.0, weightless=True, line_pitch=14.5, indent_slack=7.0)

    def scan_line(text: str, top: float, x0: float, size: float = 13.0) -> Line:
        return Line(text=text, page=2, top=top, bottom=top + size, x0=x0, x1=536, size=size, bold=False)

    lines = [replace(scan_line("Areas for Improvement", 170.6, 310.0), bottom=186.8),  # (a tall OCR box)
             scan_line("i. The force should ensure that all", 188.6, 311.0),
             scan_line("investigations are supervised", 205.2, 332.6, 11.5),
             scan_line("effectively, with supervisors.", 218.9, 333.4, 12.5)]
    blocks = lines_to_blocks(lines, settings)
    assert [(b.kind, b.marker) for b in blocks] == [("heading", ""), ("item", "i.")]


def test_a_scanned_item_whose_number_ocr_lost_at_the_top_of_the_next_page_is_the_next_item():
    # "i. By 31 March 2025, … to 2027/28." ends a page; the next opens at the items' hanging indent with "By 30
    # September 2025, …", its "ii." lost by OCR: it was read as prose after the list and the recommendation lost.
    settings = ReportSettings(body_size=10.0, line_gap=1.0, weightless=True, line_pitch=13.0, indent_slack=7.0)

    def scan_line(text: str, page: int, top: float, x0: float, marker: str = "", text_x0: float = 0.0) -> Line:
        return Line(text=text, page=page, top=top, bottom=top + 12, x0=x0, x1=530, size=10.0, bold=False,
                    marker=marker, text_x0=text_x0 or x0)

    lines = [scan_line("By 31 March 2025, the force should produce a fully costed savings plan that", 2, 655.9,
                       73.8, marker="i.", text_x0=98.6),
             scan_line("shows how it will balance its budget in each year to 2027/28.", 2, 669.2, 97.6),
             scan_line("By 30 September 2025, the force should assess the effect of its planned savings", 3, 67.7,
                       96.5),
             scan_line("on the service it provides to the public.", 3, 81.0, 98.3),
             scan_line("The force's medium-term financial plan relies on savings from a programme.", 3, 128.5, 64.1)]
    blocks = lines_to_blocks(lines, settings)
    assert [(b.kind, b.flat.split()[:3]) for b in blocks] == [("item", ["By", "31", "March"]),
                                                              ("item", ["By", "30", "September"]),
                                                              ("para", ["The", "force's", "medium-term"])]


def test_numbered_footnotes_at_a_scanned_pages_foot_read_at_body_size_are_notes_not_items():
    # OCR read the notes at body size; the first's number "1" is set apart as a marker: "The national standard is
    # to answer 90 percent of 999 calls …" became a numbered item, then a recommendation of the list above it.
    settings = ReportSettings(body_size=9.0, line_gap=1.0, weightless=True, line_pitch=12.0, indent_slack=7.0)

    def scan_line(text: str, top: float, x0: float = 75.0, marker: str = "") -> Line:
        return Line(text=text, page=1, top=top, bottom=top + 11, x0=x0, x1=530, size=9.0, bold=False, marker=marker,
                    text_x0=x0 + (7 if marker else 0))

    lines = [scan_line("Within six months, the force should develop a framework that allows", 402.5, x0=66,
                       marker="•"),
             scan_line("leaders to understand the quality of the service children receive.", 416.9, x0=79),
             scan_line("The national standard is to answer 90 percent of 999 calls within 10 seconds.", 742.3, x0=62,
                       marker="1"),
             scan_line("2 Office for National Statistics, Crime in England and Wales: year ending March 2023.", 753.1,
                       x0=62),
             scan_line("This figure excludes 14 cases in which the records were incomplete.", 761.4, x0=61,
                       marker="3")]
    blocks = lines_to_blocks(lines, settings)
    assert [b.flat.split()[0] for b in blocks if b.kind != "caption"] == ["Within"]
    assert any(b.flat.startswith("The national standard") for b in blocks)


def test_a_scanned_footnote_whose_number_ocr_boxed_apart_and_tiny_is_a_note_not_a_finding():
    # The note's number "2" read as a word of its own a third of the text's height (a caption by its size) left of
    # "The national standard is to answer 90 percent of 999 calls …": the sentence, with the note below it, was read
    # as a paragraph stating a finding ("is to") and became a further area for improvement.
    settings = ReportSettings(body_size=9.0, line_gap=1.0, weightless=True, line_pitch=12.0, indent_slack=7.0)

    def scan_line(text: str, top: float, x0: float, size: float = 9.0, marker: str = "") -> Line:
        return Line(text=text, page=2, top=top, bottom=top + size, x0=x0, x1=x0 + 5 * len(text), size=size,
                    bold=False, marker=marker, text_x0=x0 + (18 if marker else 0))

    lines = [scan_line("The force should improve its recording of reports of rape made by third", 264.2, 63.7,
                       marker="(c)"),
             scan_line("parties, such as health professionals.", 277.9, 81.4),
             scan_line("The national standard is to answer 90 percent of 999 calls within 10 seconds.", 743.8, 70.6,
                       size=7.5),
             scan_line("2", 744.1, 61.9, size=3.0),  # (read after the line: its box's top is lower)
             scan_line("3 Our 2019 report is available at www.justiceinspectorates.gov.uk/hmicfrs.", 752.4, 62.3)]
    blocks = lines_to_blocks(lines, settings)
    assert [b.flat.split()[0] for b in blocks if b.kind != "caption"] == ["The"]
    assert blocks[0].kind == "item"


def test_a_numbered_statement_in_the_text_is_no_footnote():
    lines = [line("Causes of concern", 100, bold=True), line("The force did not have effective arrangements.", 118,
                                                             marker="4"),
             line("The force should review its arrangements.", 160, marker="5")]
    assert [b.kind for b in lines_to_blocks(lines, SETTINGS)] == ["heading", "item", "item"]


def test_a_bulleted_item_whose_justified_line_ends_in_a_semicolon_wraps_on_into_the_same_item():
    # A summary bullet holding a recommendation with inline fragments: a justified line happens to end at "closed;"
    # and the next line, lower case at the text indent, is its wrap: it was cut off as a bullet-less next item,
    # leaving a truncated recommendation that no longer matched its chapter statement (an extra finding).
    lines = [line("Within six months the force should put in place arrangements to ensure that: its crime", 300,
                  marker="•"),
             line("policy is understood by all officers and staff; crimes reported as part of incidents are", 314,
                  x0=76),
             line("recorded when the incident is closed; reports are recorded when the incident is closed;", 328,
                  x0=76),
             line("the audit team has the capacity to examine enough records to identify problems.", 342, x0=76,
                  x1=470),
             line("Within six months, the force should establish a training programme.", 360, marker="•", x1=400)]
    blocks = lines_to_blocks(lines, SETTINGS)
    assert len(blocks) == 2
    assert blocks[0].flat.endswith("is closed; the audit team has the capacity to examine enough records to identify "
                                   "problems.")


def test_bullet_less_fragments_after_a_semicolon_at_the_text_indent_are_still_the_next_items():
    # The counterpart: short fragment lines ending in ";" (the bullets drawn as shapes): each is its own item.
    lines = [line("To address this cause of concern, we recommend that the force:", 300),
             line("review the way it manages demand in the control room;", 314, x0=76, x1=330),
             line("put in place a process to reassess risk when attendance is delayed; and", 328, x0=76, x1=400),
             line("ensure that supervisors have the information they need.", 342, x0=76, x1=350)]
    blocks = lines_to_blocks(lines, SETTINGS)
    assert [b.flat.split()[0] for b in blocks][-3:] == ["review", "put", "ensure"]


def test_fragments_run_in_after_a_lead_ins_colon_are_wrapped_lines_not_lost_bullets():
    # A summary restates a recommendation with its fragments run in ("… ensure that: its policy is understood by
    # all staff; reports of crime …"): a ragged line ending ";" put the next fragment at the start of a line, and it
    # was read as an item whose bullet was lost (the recommendation was cut in two, and the list miscounted).
    lines = [line("Within six months the force should put in place arrangements to ensure", 490, x0=64, x1=520,
                  marker="▪"),
             line("that: its crime recording policy is understood by all officers and staff;", 506, x0=78, x1=500),
             line("reports of crime received through its public protection units are recorded", 522, x0=78, x1=515),
             line("within 24 hours; and crimes are recorded when the incident is closed.", 538, x0=78, x1=470)]
    for ln in lines[1:]:
        ln.text_x0 = ln.x0
    blocks = lines_to_blocks(lines, SETTINGS)
    assert [len(b.lines) for b in blocks] == [4]


def test_a_heading_at_a_columns_foot_is_not_joined_to_the_heading_opening_the_next_column():
    # A section title left alone at the foot of the left column ("Summary of" / "recommendations") and the next
    # chapter's title opening the right column ("Glossary") are two headings: a heading ends no sentence, but a new
    # one opens in capitals; read as one, the glossary's entries became the section's findings.
    lines = [line("Summary of", 637, x0=62, x1=156, bold=True, size=16.3),
             line("recommendations", 657, x0=62, x1=202, bold=True, size=16.3),
             line("Glossary", 71, x0=309, x1=378, bold=True, size=16.3),
             line("Issue of concern: a matter that HMIC considers the force should address.", 98, x0=309, size=9.5)]
    for ln, column in zip(lines, (1, 1, 2, 2), strict=True):
        ln.column = column
    assert [(b.kind, b.flat) for b in lines_to_blocks(lines, SETTINGS)][:2] == [
        ("heading", "Summary of recommendations"), ("heading", "Glossary")]


def test_a_heading_cut_by_a_column_break_mid_phrase_is_one_heading():
    lines = [line("How effective is the force at tackling serious", 740, x0=62, x1=286, bold=True, size=16.3),
             line("and organised crime?", 71, x0=309, x1=506, bold=True, size=16.3)]
    lines[0].column, lines[1].column = 1, 2
    assert [b.flat for b in lines_to_blocks(lines, SETTINGS)] == [
        "How effective is the force at tackling serious and organised crime?"]


@pytest.mark.parametrize("settings", [SETTINGS, replace(SETTINGS, weightless=True, **OCR_SLACK)],
                         ids=["born-digital", "scan"])
def test_a_fragment_opening_the_next_column_past_a_footnote_is_the_lists_next_item(settings):
    # A list of fragments ends the left column with "…staff;", a footnote below it; the right column opens with the
    # next fragment, its bullet lost (OCR dropped it). It is the list's next item, not the footnote's last words:
    # a note says nothing, and the list's joiner ";" says another item follows.
    lead = line("Within six months the force should put in place arrangements to ensure that:", 654, x0=72, x1=286)
    item = line("its crime recording policy is understood", 688, x0=100, x1=274, marker="•")
    item.text_x0 = 100
    wrap = line("by all officers and staff;", 703, x0=100, x1=203)
    note = line("1 This figure excludes 14 cases in which the records were incomplete.", 743, x0=60, x1=296,
                size=8.5)
    top = line("reports of crime received through its", 69, x0=351, x1=510)
    rest = line("public protection units are recorded", 83, x0=351, x1=504)
    end = line("within 24 hours;", 95, x0=351, x1=420)
    for ln, column in ((lead, 1), (item, 1), (wrap, 1), (note, 1), (top, 2), (rest, 2), (end, 2)):
        ln.column = column
    blocks = lines_to_blocks([lead, item, wrap, note, top, rest, end], settings)
    assert [(b.kind, b.flat) for b in blocks if b.kind != "caption"] == [
        ("para", lead.text), ("item", "its crime recording policy is understood by all officers and staff;"),
        ("item", "reports of crime received through its public protection units are recorded within 24 hours;")]
