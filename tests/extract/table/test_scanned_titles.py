"""Issue 12's scanned failure class: a scanned annex whose first table page has a title row above the header, as an
image only and with an office OCR text layer; the heading above the table names the section."""

from __future__ import annotations

import pytest

from hmic_extract.pipeline import extract_file

from .annex_pdfs import AFI_ROWS, scanned, titled_ruled_annex_page


@pytest.mark.parametrize("text_layer", [False, True], ids=["image-only", "ocr-text-layer"])
def test_a_scanned_first_table_page_with_a_title_row_above_the_header_gives_every_row_under_its_heading(
        tmp_path, text_layer):
    src = titled_ruled_annex_page(tmp_path / "annex.pdf")
    doc = extract_file(scanned(src, tmp_path / "scan.pdf", text_layer), engine="rapidocr")
    assert [(f.section, f.ref, f.page_ref) for f in doc.findings] == [
        ("Areas for improvement", int(ref), page) for ref, page, _ in AFI_ROWS]
    assert [f.issue for f in doc.findings] == [text for _, _, text in AFI_ROWS]
    assert {f.provenance.method for f in doc.findings} == {"ocr-grid/rapidocr"}  # the engine reads a layer's page too


def test_a_scan_whose_text_layer_misreads_words_is_read_by_the_engine(tmp_path):
    # A scanner's layer that misspells words all through the table ("f0rce") but loses no row: the engine's
    # reading of the page is taken, not the layer's words.
    src = titled_ruled_annex_page(tmp_path / "annex.pdf")
    def misread(text: str) -> str:
        return text.replace("force", "f0rce").replace("should", "shou1d")

    doc = extract_file(scanned(src, tmp_path / "scan.pdf", text_layer=True, layer_words=misread), engine="rapidocr")
    assert [f.issue for f in doc.findings] == [text for _, _, text in AFI_ROWS]


def test_a_scan_whose_only_ruled_frame_holds_no_annex_is_read_from_its_words(tmp_path):
    from .annex_pdfs import grades_grid_over_unruled_annex

    src = grades_grid_over_unruled_annex(tmp_path / "annex.pdf")
    doc = extract_file(scanned(src, tmp_path / "scan.pdf", text_layer=False), engine="rapidocr")
    assert [(f.section, f.ref, f.page_ref) for f in doc.findings] == [
        ("Areas for improvement", int(ref), page) for ref, page, _ in AFI_ROWS]


def test_a_text_layer_no_annex_can_be_read_from_is_read_again_by_ocr(tmp_path):
    from .annex_pdfs import unruled_annex_page

    def misread(text: str) -> str:  # the scanner's OCR missed the Page label and misspelt Status
        return {"Page": "", "Status": "Satus"}.get(text, text)

    src = unruled_annex_page(tmp_path / "annex.pdf")
    doc = extract_file(scanned(src, tmp_path / "scan.pdf", text_layer=True, layer_words=misread), engine="rapidocr")
    assert [(f.section, f.ref, f.page_ref) for f in doc.findings] == [
        ("Areas for improvement", int(ref), page) for ref, page, _ in AFI_ROWS]
    assert {f.provenance.method for f in doc.findings} == {"ocr-lines/rapidocr"}
