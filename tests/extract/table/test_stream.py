"""Unruled annex tables (white space between columns, rules without a cell grid) through the stream path."""

from __future__ import annotations

import pytest

from hmic_extract.export.xlsx import write_xlsx
from hmic_extract.extract import extract_document, open_pdf
from hmic_extract.extract.table.stream import extract_stream
from hmic_extract.model import RowKind
from hmic_extract.pipeline import extract_file
from tests.scoring import score

STREAM_SAMPLES = ("eastshire-2018-unruled", "eastshire-2018-rules-only")


@pytest.mark.parametrize("name", STREAM_SAMPLES)
def test_unruled_sample_extracts_through_the_stream_path_with_full_accuracy(name, samples_dir, tmp_path):
    doc = extract_file(samples_dir / f"{name}.pdf")
    out = write_xlsx(doc, tmp_path / f"{name}.xlsx")
    result = score(out, samples_dir / f"{name}.expected.json")
    assert result["row_accuracy"] == 1.0, result["problems"]
    assert {f.provenance.method for f in doc.findings} == {"stream"}


@pytest.mark.parametrize("name", STREAM_SAMPLES)
def test_stream_rows_are_text_lines_with_geometry(name, samples_dir):
    with open_pdf(samples_dir / f"{name}.pdf") as pdf:
        rows, pages = extract_stream(pdf, range(pdf.page_count))
    lines = [r for r in rows if r.kind is RowKind.CELLS]
    assert pages and lines
    assert all(r.is_line and r.top is not None and r.bottom is not None and r.method == "stream" for r in lines)


def test_footnotes_between_table_parts_become_notes_and_markers_stay(samples_dir):
    doc = extract_file(samples_dir / "eastshire-2018-rules-only.pdf")
    assert [n[:1] for n in doc.notes] == ["¹", "²"]
    row6 = next(f for f in doc.findings if f.section == "Issues of concern" and f.ref == 6)
    assert "safeguarded¹" in row6.issue


def test_page_ref_wrapped_over_lines_is_joined(samples_dir):
    doc = extract_file(samples_dir / "eastshire-2018-rules-only.pdf")
    refs = {f.ref: f.page_ref for f in doc.findings if f.section == "Issues of concern"}
    assert refs[5] == "Page 20 Figure 4" and refs[6] == "Page 21/22" and refs[3] == "Pages 9-10"


def test_row_broken_over_two_page_breaks_is_one_row(samples_dir):
    doc = extract_file(samples_dir / "eastshire-2018-unruled.pdf")
    row7 = next(f for f in doc.findings if f.section == "Issues of concern" and f.ref == 7)
    assert len(row7.provenance.pdf_pages) == 3
    assert row7.issue.endswith("Code of Practice for Victims of Crime")


def test_ruled_samples_still_take_the_ruled_path(samples_dir):
    raw = extract_document(samples_dir / "notts-2016-annex.pdf")
    assert raw.method.startswith("ruled")


@pytest.mark.parametrize("scale", [1.0, 0.75], ids=["points", "scaled"])
def test_word_spaces_come_from_glyph_gaps_and_folios_are_not_row_text(tmp_path, scale):
    from .annex_pdfs import unspaced_annex

    doc = extract_file(unspaced_annex(tmp_path / "unspaced.pdf", scale))
    assert [(f.section, f.ref, f.page_ref, f.issue) for f in doc.findings] == [
        ("Areas for improvement", 1, "Page 4", "The force does not record all crimes that are reported to it."),
        ("Areas for improvement", 2, "Page 6", "Supervision of investigations is weak."),
        ("Areas for improvement", 3, "Page 8", "Victims are not always told about the progress of their cases.")]


def test_ocr_words_spaced_wide_group_into_labels_and_a_title_over_the_header_is_not_a_label():
    from hmic_extract.extract.table.stream import words_to_rows

    def w(text, x0, top, size=12.0):
        out, x = [], x0
        for word in text.split():
            width = 0.55 * size * len(word)
            out.append({"text": word, "x0": x, "x1": x + width, "top": top, "bottom": top + size})
            x += width + 8.5  # OCR boxes: words 8-9 pt apart
        return out

    words = [*w("Action plan", 57, 57, 16), *w("Ref.", 62, 84), *w("Area for improvement", 139, 84),
             *w("Page", 446, 84), *w("Rating", 730, 84)]
    for k in range(6):
        top = 120 + 30 * k
        words += [*w(f"IOC {k + 1}", 62, top), *w("The force should improve its supervision", 139, top),
                  *w(f"Page {k + 4}", 446, top), *w("Green", 730, top)]
    rows, pages = words_to_rows([(0, words, 842.0)], "ocr-lines/test")
    cells = [(r.ref, r.page_ref) for r in rows if r.kind is RowKind.CELLS]
    assert pages == [0] and cells[0] == ("Ref.", "Page")
    assert cells[1:] == [(f"IOC {k + 1}", f"Page {k + 4}") for k in range(6)]


def test_a_section_heading_over_tables_on_two_pages_is_no_running_head_but_a_date_at_one_height_is():
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import PageLines, running_lines

    def line(text, top):
        return [{"text": w, "x0": 50 + 40 * i, "x1": 85 + 40 * i, "top": top, "bottom": top + 9}
                for i, w in enumerate(text.split())]

    def page(i, heading_top):
        lines = [line("17 October 2023", 35.0), line("Cause for Concern", heading_top), line("Pg Ref Description",
                 heading_top + 23), line("The force's control room does not", heading_top + 43)]
        return PageLines(i, lines, 842.0, TableSettings.for_page([9.0] * 20))

    running = running_lines([page(0, 92.1), page(1, 82.3)])
    assert (0, 0) in running and (1, 0) in running
    assert (0, 1) not in running and (1, 1) not in running


def test_a_running_head_set_close_above_the_table_on_every_page_is_a_running_head():
    """"OFFICIAL – Force response" one line pitch above each page's first table line: never set apart, but at one
    height on every page, so it is no band row splitting the row a page break cut (its text goes on under it)."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import PageLines, running_lines

    def line(text, top):
        return [{"text": w, "x0": 50 + 40 * i, "x1": 85 + 40 * i, "top": top, "bottom": top + 9}
                for i, w in enumerate(text.split())]

    body = ["so most demand falls outside its hours.", "does not always share good practice.",
            "Page 12 Issue 19 during fieldwork, staff told us"]
    last = ["Page 9 Issue 4 The number of arrests has fallen", "risen to 1,206.", "the attention of officers"]
    pages = [PageLines(i, [line("OFFICIAL – Kelderwick PCC response", 37.0), line(text, 48.0), line(last[i], 64.0)],
                       595.0, TableSettings.for_page([9.0] * 20)) for i, text in enumerate(body)]
    running = running_lines(pages)
    assert {(i, 0) for i in range(3)} <= running
    assert not {(i, k) for i in range(3) for k in (1, 2)} & running
    header = [{"text": w, "x0": x, "x1": x + 30, "top": 48.0, "bottom": 57.0}
              for w, x in (("REC", 50), ("REPOR", 110), ("AREA FOR", 200), ("RAG", 400), ("CURR", 480))]
    for page in pages:
        page.lines[1] = header  # a header repeated close under the running head at one height on every page
    running = running_lines(pages)
    assert {(i, 0) for i in range(3)} <= running and not {(i, 1) for i in range(3)} & running


def band_table_words(band_line: list[tuple[str, float]]) -> list[dict]:
    """An unruled annex: header, rows of three wrapped lines 8 pt apart, and ``band_line`` pieces between rows 2
    and 3, set at row spacing (not a title's wider gap) inside the text column."""
    def w(text, x0, top):
        out, x = [], x0
        for word in text.split():
            out.append({"text": word, "x0": x, "x1": x + 4.5 * len(word), "top": top, "bottom": top + 9.0})
            x += 4.5 * len(word) + 2.5
        return out

    words = [*w("Ref", 60, 80), *w("Page", 100, 80), *w("Issue of concern", 160, 80), *w("Action", 460, 80)]
    top = 100.0
    for k in range(5):
        if k == 2:
            words += [p for text, x in band_line for p in w(text, x, top)]
            top += 9.0 + 8.0
        words += [*w(f"{k + 1}", 60, top), *w(f"Page {k + 4}", 100, top),
                  *w("The force should improve the way it", 160, top), *w("Work is", 460, top)]
        words += [*w("supervises investigations and works", 160, top + 11.0), *w("under way.", 460, top + 11.0)]
        words += [*w("with partners.", 160, top + 22.0)]
        top += 22.0 + 9.0 + 8.0
    return words


def test_a_section_title_alone_in_the_text_column_at_row_spacing_is_a_band_not_the_row_above_going_on():
    from hmic_extract.extract.table.stream import words_to_rows

    rows, _ = words_to_rows([(0, band_table_words([("Cause for concern", 160)]), 842.0)], "stream")
    bands = [r for r in rows if r.kind is RowKind.TEXT and r.band]
    assert [b.text for b in bands] == ["Cause for concern"]
    assert not any("Cause for concern" in r.issue for r in rows if r.kind is RowKind.CELLS)


def test_a_rows_first_line_opening_with_section_words_is_no_band():
    from hmic_extract.extract.table.stream import words_to_rows

    words = band_table_words([("Areas for improvement in", 160)])
    for u in words:  # the band line becomes the first line of a row whose ref and text go on just below it
        if u["top"] >= 195.0:
            u["top"], u["bottom"] = u["top"] - 6.0, u["bottom"] - 6.0
    rows, _ = words_to_rows([(0, words, 842.0)], "stream")
    assert not any(r.kind is RowKind.TEXT and "Areas for improvement" in r.text for r in rows)


def test_a_line_of_small_digits_alone_has_the_size_it_is_set_in():
    """A footnote's raised mark ("¹" set as a small "1") on a line of its own, at the ref column's left: with no
    letters to measure, its digits give the line its size, so the table reader sees small print, not a row "1"."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import glyph_words, line_to_row
    from hmic_extract.extract.table.text import Glyph

    mark = line_to_row(glyph_words([Glyph("1", 40.0, 337.4, 43.5, 343.7, size=6.5)], TableSettings()), "stream")
    body = line_to_row(glyph_words([Glyph(c, 40.0 + 5 * i, 300.0, 44.5 + 5 * i, 310.0, size=10.0)
                                    for i, c in enumerate("Page 12")], TableSettings()), "stream")
    assert mark.size == 6.5 and body.size == 10.0
