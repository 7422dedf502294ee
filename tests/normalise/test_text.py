from hmic_extract.normalise.text import clean_text, join_lines


def test_wrapped_cell_lines_become_one_line():
    assert clean_text("Notts has 30% more calls\nfor assistance than\nnational average") == (
        "Notts has 30% more calls for assistance than national average")


def test_line_end_hyphen_keeps_the_compound_and_drops_the_space():
    assert join_lines(["an on-", "going safeguarding plan"]) == "an on-going safeguarding plan"
    assert join_lines(["force-", "based systems"]) == "force-based systems"


def test_hyphen_before_capitalised_word_is_not_glued():
    assert join_lines(["Cambridgeshire -", "Cheshire"]) == "Cambridgeshire - Cheshire"


def test_ligatures_soft_hyphens_and_odd_spaces_are_cleaned_but_footnote_markers_kept():
    assert clean_text("e\ufb00ective o\ufb03ce\u00ad work\u00a0 safeguarding\u00b9 for") == (
        "effective office work safeguarding\u00b9 for")


def test_control_characters_become_spaces():
    assert clean_text("a\x07b\x00c") == "a b c"


def test_a_page_range_wrapped_after_its_dash_is_joined_without_a_space():
    assert join_lines(["Pages 14-", "15"]) == "Pages 14-15"
    assert join_lines(["Pages 33\u2013", "34"]) == "Pages 33\u201334"


def test_a_ref_or_page_cell_a_narrow_column_broke_mid_word_or_mid_number_is_mended():
    from hmic_extract.normalise.text import mend_narrow_cell

    assert mend_narrow_cell("P1\n0") == "P10"
    assert mend_narrow_cell("p.1\n5") == "p.15"
    assert mend_narrow_cell("Pa\nge 9") == "Page 9"
    assert mend_narrow_cell("AfI-\n16") == "AfI-16"
    assert mend_narrow_cell("Pages 33\u2013\n34") == "Pages 33\u201334"  # an en dash range cut at the dash
    assert mend_narrow_cell("Page 33 \u2013\nsee note") == "Page 33 \u2013 see note"
    assert mend_narrow_cell("Page\n21/22") == "Page 21/22"
    assert mend_narrow_cell("Pages\n9 and\n21") == "Pages 9 and 21"
    assert mend_narrow_cell("Pages 33\u2013\n34") == "Pages 33\u201334"  # a range wrapped after its en dash


def test_a_paragraph_label_a_narrow_page_column_broke_into_words_is_mended_and_read_as_no_page():
    """"(p" / "ar" / "a" / "4.4" / ")" down a page column two letters wide: "par" and "a" are words each, but the cell
    names a paragraph, "(para 4.4)", and 4.4 is no page (page 4 was added to the row's pages)."""
    from hmic_extract.normalise.pagerefs import pages_of
    from hmic_extract.normalise.text import clean_text, mend_narrow_cell

    mended = clean_text(mend_narrow_cell("Pa\nge\n22\n(p\nar\na\n5.5\n)"))
    assert mended == "Page 22 (para 5.5)"
    assert pages_of(mended) == [22]
    assert mend_narrow_cell("Page\n9 a\npart") == "Page 9 a part"
    assert mend_narrow_cell("Page 7\nFig\nure 8") == "Page 7 Figure 8"
