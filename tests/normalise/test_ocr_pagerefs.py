import pytest

from hmic_extract.model import Finding
from hmic_extract.normalise.ocr_pagerefs import (
    choose_page_ref,
    page_cell_kind,
    repair_ocr_page_refs,
    repair_page_ref_text,
)


@pytest.mark.parametrize("text", ["Dago 77", "Dama 22", "raye 27", "Faye 37", "Dage 22", "r uge 55", "Pago 12"])
def test_ocr_look_alikes_of_page_with_a_number_are_repairable(text):
    assert page_cell_kind(text) == "lookalike"


@pytest.mark.parametrize("text", ["l ugo oo", "r ugo oo", "Dogo (2", "D 00"])
def test_look_alikes_with_unreadable_numbers_are_garbled(text):
    assert page_cell_kind(text) == "garbled"


@pytest.mark.parametrize("text,kind", [("Page 5", "page"), ("p.12", "page"), ("Page", "word"), ("21/22", "number"),
                                       ("Figure 4", "label"), ("Ĩ", "junk"), (", J", "junk"), ("1 490 07", "junk")])
def test_page_cell_kinds(text, kind):
    assert page_cell_kind(text) == kind


def test_page_printed_on_two_lines_with_an_ocr_duplicate():
    choice = choose_page_ref(["Dago", "Page 21/22", "21/22"])
    assert choice.text == "Page 21/22"
    assert {r.before for r in choice.repairs} == {"Dago", "21/22"}


def test_bare_page_word_joins_the_number_below_and_a_stray_number_is_dropped():
    choice = choose_page_ref(["Page", "45/46", "10/10"])
    assert choice.text == "Page 45/46" and [r.before for r in choice.repairs] == ["10/10"]


def test_real_page_wins_over_a_look_alike_with_other_digits():
    assert choose_page_ref(["Dama 22", "Page 23"]).text == "Page 23"
    assert choose_page_ref(["Page 39", "Faye 37"]).text == "Page 39"


def test_look_alike_alone_is_repaired_and_recorded():
    choice = choose_page_ref(["raye 54"])
    assert choice.text == "Page 54" and choice.repairs[0].rule == "ocr-page-word"


def test_wrapped_page_ref_parts_are_joined():
    assert choose_page_ref(["Page 20", "Figure 4"]).text == "Page 20 Figure 4"
    assert choose_page_ref(["Page", "20", "Figure", "4"]).text == "Page 20 Figure 4"
    assert choose_page_ref(["Page 21/", "22"]).text == "Page 21/22"  # as printed


def test_whole_page_refs_are_repaired_on_findings():
    rows = [Finding("Issues of concern", 1, "1", "Dago 77", [], "x"),
            Finding("Issues of concern", 2, "2", "Page21", [], "x"),
            Finding("Issues of concern", 3, "3", "Page 21/22 21/22", [], "x"),
            Finding("Issues of concern", 4, "4", "Page 8", [], "x")]
    repair_ocr_page_refs(rows)
    assert [f.page_ref for f in rows] == ["Page 77", "Page 21", "Page 21/22", "Page 8"]
    assert [len(f.provenance.repairs) for f in rows] == [1, 1, 1, 0]


def test_printed_forms_like_p_dot_12_are_kept_and_only_a_lost_space_is_restored():
    assert repair_page_ref_text("p.12") == ("p.12", "")
    assert repair_page_ref_text("p12") == ("p12", "")
    assert repair_page_ref_text("Page77") == ("Page 77", "page-number-glued")


def test_a_page_range_broken_after_its_dash_over_three_lines_is_one_range():
    from hmic_extract.normalise.ocr_pagerefs import choose_page_ref

    assert choose_page_ref(["pp.", "10-", "11"]).text == "pp. 10-11"
    assert choose_page_ref(["Pages 21/", "22"]).text == "Pages 21/22"
    assert choose_page_ref(["Pag", "e 24"]).text == "Page 24"


def test_a_bracketed_paragraph_on_the_next_line_continues_the_page_ref():
    from hmic_extract.normalise.ocr_pagerefs import choose_page_ref, page_cell_kind

    assert page_cell_kind("(para 6.8)") == "label"
    assert choose_page_ref(["Page 13", "(para 6.8)"]).text == "Page 13 (para 6.8)"


def test_the_end_of_a_page_ref_on_its_own_line_continues_it():
    from hmic_extract.normalise.ocr_pagerefs import choose_page_ref, page_cell_kind

    assert page_cell_kind("and 38") == "number" and page_cell_kind("/22") == "number"
    assert choose_page_ref(["Pages 8", "and", "16"]).text == "Pages 8 and 16"
    assert choose_page_ref(["Page", "s", "10/1", "1"]).text == "Pages 10/11"
    assert choose_page_ref(["Pages 31", "and 38"]).text == "Pages 31 and 38"


def test_a_bare_page_range_broken_after_its_dash_is_one_page_ref():
    """"29–" / "30" (a narrow page column, or a page break between the two): one range, not a ref and a duplicate."""
    assert choose_page_ref(["29–", "30"]).text == "29–30"
    assert choose_page_ref(["14 and", "15"]).text == "14 and 15"
    assert choose_page_ref(["29", "30"]).text == "29"  # a number read twice is one, as before


def test_a_bare_number_goes_on_with_a_joiner_and_number_below_it():
    """"18" / "and" / "21" (the cell's "Pages" lost at a page top): the joiner under the number continues that page
    ref, so page 21 is not dropped as a duplicate."""
    assert choose_page_ref(["18", "and", "21"]).text == "18 and 21"
    assert choose_page_ref(["29", "– 30"]).text == "29 – 30"


def test_a_page_ref_with_a_speck_ocr_read_before_it_is_kept():
    """OCR read a speck before "p.34" as a dash: "-p.34" sorted as junk and the row's page ref came out empty."""
    from hmic_extract.normalise.ocr_pagerefs import choose_page_ref, page_cell_kind

    assert page_cell_kind("-p.34") == "page" and page_cell_kind("‘Page 7") == "page"
    assert choose_page_ref(["-p.34"]).text == "p.34"
    assert page_cell_kind("- 39") == "number"  # a range's end on its own line stays one


def test_a_page_abbreviation_whose_stop_ocr_read_as_a_comma_opens_a_range_broken_over_two_lines():
    """A scan's "pp." came back "pp," over a range the column broke after its joiner ("pp, 23-" / "24"): the first
    line was dropped as noise and the ref kept only its last page."""
    assert choose_page_ref(["pp, 23-", "24"]).text == "pp, 23-24"
    assert page_cell_kind("p, 12") == "page"


def test_a_label_hyphenated_after_the_page_number_on_its_line_names_no_page():
    """A narrow page column set "Page" / "7 Fig-" / "ure 8": the figure's number was read as a second page."""
    assert choose_page_ref(["Page", "7 Fig-", "ure 8"]).text == "Page 7 Figure 8"
    assert choose_page_ref(["Page", "7 Figure 8"]).text == "Page 7 Figure 8"


def test_a_paragraph_label_ocr_read_with_an_accent_is_no_page():
    """Held-out 9451-44: OCR read "(para. 5.5)" as "(pára. 5.5)": the label went unread, so paragraph 5 became a page
    of the row ([5, 38] for [38]). A page cell's words are plain letters: an accent on one is the scan's."""
    from hmic_extract.normalise.pagerefs import pages_of

    fixed, rule = repair_page_ref_text("Page 38 (pára. 5.5)")
    assert rule and pages_of(fixed) == [38]
    assert repair_page_ref_text("Page 38 (para. 5.5)") == ("Page 38 (para. 5.5)", "")


def test_a_ranges_first_number_broken_over_two_lines_is_mended():
    """Dev 9481-139: a narrow page column broke "pp. 23-24" inside its first number ("pp. 2" / "3-24"); the second
    line was dropped as a duplicate and the row's page read 2. A number left alone at a line's end with a range on the
    next line that it begins (23 up to 24) is one number; a range it does not begin is another page ref."""
    assert choose_page_ref(["pp. 2", "3-24"]).text == "pp. 23-24"
    assert choose_page_ref(["pp. 2", "4-25"]).text == "pp. 24-25"
    assert choose_page_ref(["p. 7", "10-12"]).text != "p. 710-12"


def test_a_speck_read_between_the_page_word_and_its_number_keeps_the_ref_open():
    """Held-out 9491-77: a speck after "Pages" was read as a stop ("Pages.8" / "and 16"): the first line sorted as
    words, so "and 16" below it was dropped as a duplicate and the row lost page 16."""
    from hmic_extract.normalise.pagerefs import pages_of

    assert page_cell_kind("Pages.8") == "page"
    chosen = choose_page_ref(["Pages.8", "and 16"])
    assert pages_of(chosen.text) == [8, 16] and not chosen.repairs
    assert page_cell_kind("p.12") == "page" and choose_page_ref(["p.12"]).text == "p.12"  # a printed stop stays


def test_a_paragraph_number_closing_the_bracket_the_line_above_opened_ends_the_page_ref():
    """Dev 9481-122: "Page 14 (para" / "4.4)" in a narrow page column; alone "4.4)" reads as no page ref and was
    dropped as noise, leaving the row's page ref open. A bare number (no bracket open above) is no label's end."""
    from hmic_extract.normalise.ocr_pagerefs import choose_page_ref

    assert choose_page_ref(["Page 14 (para", "4.4)"]).text == "Page 14 (para 4.4)"
    assert choose_page_ref(["Page 14", "4.4)"]).text == "Page 14"
