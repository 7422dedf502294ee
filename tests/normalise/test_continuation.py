from hmic_extract.model import RawRow
from hmic_extract.normalise.continuation import merge_continuations
from hmic_extract.normalise.pieces import Piece


def piece(ref, page, issue, page_index, table_id):
    return Piece(RawRow(ref=ref, page_ref=page, issue=issue, page_index=page_index, table_id=table_id),
                 section="Issues of concern")


def test_row_broken_by_a_page_break_is_merged_into_the_row_above():
    pieces = [piece("1", "Page 5", "first part", 0, 1), piece("2", "Page 6", "starts here and", 0, 1),
              piece("", "", "ends on the next page.", 1, 2), piece("3", "Page 7", "Whole.", 1, 2)]
    rows = merge_continuations(pieces, "x.pdf")
    assert [r.issue for r in rows] == ["first part", "starts here and\nends on the next page.", "Whole."]
    assert rows[1].provenance.pdf_pages == [0, 1]
    assert rows[1].provenance.repairs and rows[1].provenance.repairs[0].rule == "merge-continuation"


def test_row_whose_ref_sits_on_the_lower_part_takes_the_upper_part_from_the_previous_page():
    pieces = [piece("1", "Page 5", "Whole.", 0, 1), piece("", "", "The upper half of row two", 0, 1),
              piece("2", "Page 6", "and its lower half.", 1, 2)]
    rows = merge_continuations(pieces, "x.pdf")
    assert [r.issue for r in rows] == ["Whole.", "The upper half of row two\nand its lower half."]
    assert rows[1].ref_text == "2"


def test_row_broken_over_two_page_breaks_is_one_row():
    pieces = [piece("1", "Page 5", "a", 0, 1), piece("", "", "b", 1, 2), piece("", "", "c", 2, 3),
              piece("2", "Page 6", "d", 2, 3)]
    rows = merge_continuations(pieces, "x.pdf")
    assert [r.issue for r in rows] == ["a\nb\nc", "d"]
    assert rows[0].provenance.pdf_pages == [0, 1, 2]


def test_text_before_any_ref_is_kept_and_flagged():
    rows = merge_continuations([piece("", "", "orphan", 0, 1)], "x.pdf")
    assert rows[0].issue == "orphan" and rows[0].needs_review


def test_ocr_punctuation_read_off_a_cut_border_is_no_ref():
    pieces = [piece("Rec 32", "Page 39", "The force should review its use of bail, where arrests were delayed", 0, 1),
              piece("[-", "", "for up to 21 days.", 1, 2)]
    rows = merge_continuations(pieces, "x.pdf")
    assert [r.issue for r in rows] == ["The force should review its use of bail, where arrests were delayed\n"
                                       "for up to 21 days."]


def test_a_paragraph_label_cut_off_a_page_cell_by_a_page_break_goes_on_the_row_above():
    """"Page 13" / "(para 6.8)": the page break falls inside the page cell, so the next page's part of the row holds
    no ref and a page cell naming only a paragraph. That is the cut row's rest, not a row of its own."""
    pieces = [piece("Issue 7", "Page 13", "Officers are not always aware of the", 0, 1),
              piece("", "(para 6.8)", "force's policy on positive action.", 1, 2),
              piece("Issue 8", "Pages 15 and 21", "The force's digital media investigators.", 1, 2)]
    rows = merge_continuations(pieces, "x.pdf")
    assert [(r.ref_text, r.page_ref, r.issue) for r in rows] == [
        ("Issue 7", "Page 13\n(para 6.8)", "Officers are not always aware of the\nforce's policy on positive action."),
        ("Issue 8", "Pages 15 and 21", "The force's digital media investigators.")]


def test_the_number_of_a_paragraph_label_cut_off_by_a_page_break_goes_on_the_row_above():
    """"Page 28 (para" / "4.4)": the label's number on the next page's part is no page ref of a row of its own."""
    pieces = [piece("18", "Page 28 (para", "The force should ensure that all officers and staff receive", 0, 1),
              piece("", "4.4)", "development review that is meaningful to them.", 1, 2),
              piece("19", "Page 28", "The force should improve the quality of its investigations.", 1, 2)]
    rows = merge_continuations(pieces, "x.pdf")
    assert [(r.ref_text, r.page_ref) for r in rows] == [("18", "Page 28 (para\n4.4)"), ("19", "Page 28")]


def test_a_paragraph_label_a_narrow_column_broke_mid_word_and_a_page_break_cut_goes_on_the_row_above():
    """"Pag" / "e" / "34" / "(pa" | page break | "ra" / "6.1)": a page column too narrow for its words breaks them
    anywhere, and the page break fell inside "(para": the next page's part holds no ref and the label's tail and
    number, the cut row's rest, not a row of its own (9471-121)."""
    pieces = [piece("1)", "Pag\ne\n34\n(pa", "The force should improve the way it manages the", 6, 1),
              piece("", "ra\n6.1)", "visits (112 at the time of our inspection).", 7, 2),
              piece("2)", "Pag\ne\n36,\nTab\nle 4", "The force should improve its use of ancillary orders", 7, 2)]
    rows = merge_continuations(pieces, "x.pdf")
    assert [r.ref_text for r in rows] == ["1)", "2)"]
    assert rows[0].issue.endswith("visits (112 at the time of our inspection).")
