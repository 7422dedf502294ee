"""Issue 12's failure classes, each on a minimal annex built at test time (each failed before the table base)."""

from __future__ import annotations

import pytest

from hmic_extract.pipeline import extract_file

from .annex_pdfs import banded_rows, cut_row_annex, five_column_annex, titled_table_annex

EXPECTED_SECTIONS = ["Areas for improvement"] * 5 + ["Causes of concern"] + ["Recommendations"] * 3


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
def test_band_rows_in_capitals_with_themes_give_each_row_its_section_and_theme(tmp_path, ruled):
    doc = extract_file(five_column_annex(tmp_path / "annex.pdf", banded_rows(), ruled))
    got = [(f.section, f.ref, f.theme) for f in doc.findings]
    assert [s for s, _, _ in got] == EXPECTED_SECTIONS
    assert [r for _, r, _ in got] == [1, 2, 3, 1, 2, 1, 1, 2, 3]
    assert [t for _, _, t in got][:5] == ["EFFICIENCY"] * 3 + ["LEGITIMACY"] * 2
    assert got[-1][2] == "in response to the cause of concern"
    assert all(f.issue.startswith("The force should improve item") for f in doc.findings)


def test_a_row_cut_by_a_page_break_with_open_borders_is_one_row_and_not_glued_to_the_row_above(tmp_path):
    doc = extract_file(cut_row_annex(tmp_path / "cut.pdf"))
    rows = {f.ref: f.issue for f in doc.findings}
    assert sorted(rows) == [1, 2, 3, 4]
    assert rows[2] == "Supervision of investigations is weak."
    assert rows[3] == ("Victims are not always told about the progress of their cases, and the force does not "
                       "check that officers update them as the Victims' Code requires.")


def test_title_rows_above_the_header_inside_a_table_are_not_section_bands(tmp_path):
    doc = extract_file(titled_table_annex(tmp_path / "titled.pdf"))
    assert [(f.section, f.ref) for f in doc.findings] == [("Causes of concern", 1), ("Causes of concern", 2)]


def test_an_annex_whose_header_names_no_ref_word_is_read_as_an_annex_not_as_a_report(tmp_path):
    from .annex_pdfs import headed_annex_without_ref_word

    doc = extract_file(headed_annex_without_ref_word(tmp_path / "annex.pdf"))
    assert doc.kind == "annex"
    assert [(f.section, f.ref, f.page_ref) for f in doc.findings] == [
        ("Areas for improvement", 1, "Page 12"), ("Areas for improvement", 2, "Page 14"),
        ("Areas for improvement", 3, "pp. 20-21")]


def test_tables_shaded_cell_by_cell_with_headings_in_the_text_column_and_footnotes_in_small_print(tmp_path):
    from .annex_pdfs import shaded_tables_annex

    doc = extract_file(shaded_tables_annex(tmp_path / "shaded.pdf"))
    assert [(f.section, f.ref, f.page_ref, f.issue) for f in doc.findings] == [
        ("Issues of concern", 1, "Page 4", "Victims are not kept informed about their cases."),
        ("Issues of concern", 2, "Page 6", "Supervision of investigations is weak."),
        ("Issues of concern", 3, "Page 9", "The force does not record all crime."),
        ("Areas for improvement", 1, "Page 12", "The force should improve its use of bail."),
        ("Areas for improvement", 2, "Page 15", "The force should review its call handling.")]
    assert [n[:1] for n in doc.notes] == ["1", "2"]
