"""Unruled annex tables (white space between columns, rules without a cell grid) through the stream path."""

from __future__ import annotations

import pytest

from hmic_extract.export.xlsx import write_xlsx
from hmic_extract.extract import extract_document, open_pdf
from hmic_extract.extract.table.stream import extract_stream
from hmic_extract.model import RowKind
from hmic_extract.pipeline import extract_file
from tests.scoring import score


def w(text: str, x0: float, at: float) -> dict:
    """One word of 9 pt type at (x0, at), 5 pt a letter: the stream tests' unit of layout."""
    return {"text": text, "x0": x0, "x1": x0 + 5.0 * len(text), "top": at, "bottom": at + 9.0}


def phrase(text: str, x0: float, top: float) -> list[dict]:
    """The words of one line of 9 pt type from x0 (4.5 pt a letter, 2.5 pt spaces)."""
    out, x = [], x0
    for word in text.split():
        out.append({"text": word, "x0": x, "x1": x + 4.5 * len(word), "top": top, "bottom": top + 9.0})
        x += 4.5 * len(word) + 2.5
    return out

def first_lines_running_words(pages) -> list[list[str]]:
    """The words of each page's first line that ``running_words`` sets aside as the page template's."""
    from hmic_extract.extract.table.stream import running_lines, running_words

    shared = running_words(pages, running_lines(pages))
    return [[w["text"] for k, w in enumerate(p.lines[0]) if k in shared.get((p.page_index, 0), ())] for p in pages]


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

    w = _ocr_spaced_words

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


def test_a_running_head_set_close_above_the_table_on_both_pages_of_a_two_page_annex_is_a_running_head():
    """An annex of two pages, its running head a line pitch above the table on each: at one height on every page (both)
    is a page template's line, though fewer pages than ``running_pages`` show it (it was read as a band row inside the
    table, which cut the row the page break split in two)."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import PageLines, running_lines

    def line(text, top):
        return [{"text": w, "x0": 50 + 40 * i, "x1": 85 + 40 * i, "top": top, "bottom": top + 9}
                for i, w in enumerate(text.split())]

    body = ["Appendix 1: Force response", "direction on the crime file."]
    last = ["AfI 19 Page 28 The force should improve", "AfI 20 Page 28 Its workforce plan"]
    pages = [PageLines(i, [line("OFFICIAL – Kelderwick PCC response", 37.0), line(text, 48.0), line(last[i], 64.0)],
                       595.0, TableSettings.for_page([9.0] * 20)) for i, text in enumerate(body)]
    running = running_lines(pages)
    assert {(0, 0), (1, 0)} <= running
    assert not {(i, k) for i in range(2) for k in (1, 2)} & running
    assert not running_lines(pages[1:])  # one page alone shows no template


def test_a_print_title_naming_two_roles_over_a_repeated_header_is_a_running_line_not_a_header_line():
    """A spreadsheet prints its title row ("HMICFRS inspection findings: progress tracker") over the header on every
    page, close above it: one phrase whose words name two roles is a title, not a header's line (a header sets three
    columns at least), so it is a page template's line and not read as the last row's text on the next page."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import PageLines, running_lines

    def line(words, top):
        return [{"text": t, "x0": x, "x1": x + 5 * len(t), "top": top, "bottom": top + 7} for t, x in words]

    def page(i):
        return PageLines(i, [line([("Dunmarsh", 60), ("Police", 110)], 36.6),
                             line([("HMICFRS", 200), ("inspection", 238), ("findings:", 291), ("progress", 339),
                                   ("tracker", 382)], 54.9),
                             line([("#", 60), ("Report", 100), ("Area", 200), ("for", 225), ("improvement", 245),
                                   ("Action", 420), ("taken", 455)], 67.3),
                             line([("page", 100), ("/", 200), ("Recommendation", 210), ("/", 420), ("planned", 430)],
                                  76.1),
                             line([(f"AFI {3 + i}", 60), (f"Page {22 + i}", 100), ("The", 200), ("force", 220)],
                                  92.0 + 9 * i)],
                         595.0, TableSettings.for_page([7.0] * 20, [8.8] * 20))

    running = running_lines([page(0), page(1)])
    assert {(0, 0), (0, 1), (1, 0), (1, 1)} <= running
    assert not {(i, k) for i in range(2) for k in (2, 3, 4)} & running


def band_table_words(band_line: list[tuple[str, float]]) -> list[dict]:
    """An unruled annex: header, rows of three wrapped lines 8 pt apart, and ``band_line`` pieces between rows 2
    and 3, set at row spacing (not a title's wider gap) inside the text column."""
    w = phrase  # words of one line

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


def stream_words(items: list[tuple], columns: tuple[float, float, float, float] = (60, 100, 160, 460),
                 top: float = 100.0) -> list[dict]:
    """An unruled annex page: a header at ``top`` (Ref | Page | Issue of concern | Action at ``columns``), then
    ``items``: ("row", ref, page, [text lines]) wrapped 11 pt apart, or ("band", text, x) on a line of its own;
    rows and bands 17 pt apart (top to top: a wrapped line's pitch and the spacing between rows; the white space
    between their boxes is narrower than a title's)."""
    w = phrase  # words of one line

    ref_x, page_x, text_x, action_x = columns
    words = [*w("Ref", ref_x, top), *w("Page", page_x, top), *w("Issue of concern", text_x, top),
             *w("Action", action_x, top)]
    top += 20.0
    for item in items:
        if item[0] == "band":
            words += w(item[1], item[2], top)
            top += 17.0
            continue
        _, ref, page, lines = item
        if ref:  # a row's rest cut off by a page break has no ref, page or action of its own
            words += [*w(ref, ref_x, top), *w(page, page_x, top), *w("Work is under way.", action_x, top)]
        for k, line in enumerate(lines):
            words += w(line, text_x, top + 11.0 * k)
        top += 11.0 * (len(lines) - 1) + 17.0
    return words


def three_lines(n: int) -> list[str]:
    return [f"The force should improve the way it {n}", "supervises investigations and works", "with partners."]


def test_a_band_on_the_last_line_of_a_page_and_on_the_first_under_a_repeated_header_is_no_rows_text():
    from hmic_extract.extract.table.stream import words_to_rows

    first = stream_words([("row", "1", "Page 4", three_lines(1)), ("row", "2", "Page 5", three_lines(2)),
                          ("band", "3. AFIs – Effectiveness", 160)])
    second = stream_words([("band", "4. AFIs – Legitimacy", 160), ("row", "3", "Page 6", three_lines(3)),
                           ("row", "4", "Page 7", three_lines(4))])
    rows, _ = words_to_rows([(0, first, 842.0), (1, second, 842.0)], "stream")
    assert [r.text for r in rows if r.kind is RowKind.TEXT] == ["3. AFIs – Effectiveness", "4. AFIs – Legitimacy"]
    assert not any("AFIs" in r.issue for r in rows if r.kind is RowKind.CELLS)


def test_a_rows_rest_at_a_page_top_that_ends_a_sentence_with_section_words_is_no_band_and_no_title():
    from hmic_extract.extract.table.stream import words_to_rows

    first = stream_words([("row", "1", "Page 4", three_lines(1)),
                          ("row", "2", "Page 5", ["The force should act on the", "following"])])
    second = stream_words([("row", "", "", ["areas for improvement."]), ("row", "3", "Page 6", three_lines(3)),
                           ("row", "4", "Page 7", three_lines(4)), ("row", "5", "Page 8", three_lines(5))])
    rows, _ = words_to_rows([(0, first, 842.0), (1, second, 842.0)], "stream")
    assert not any(r.kind is RowKind.TEXT for r in rows)  # neither a band nor a title: the row's last line


@pytest.mark.parametrize("band", ["B. Causes of concern", "3. Causes of concern"])
def test_a_band_set_in_a_first_page_column_of_an_unruled_table_is_a_band_not_a_page_cell(band):
    """A wide first column (Page), so the short band fits in it and lands in no other column. "3. Causes of concern"
    from the table's left edge: the band's own number lands in the page column, but a page cell that reads as a
    section title names no page (the band was read as the next row's page cell, and page 3 with it)."""
    from hmic_extract.extract.table.stream import words_to_rows

    words = stream_words([("row", "1", "Page 4", three_lines(1)), ("row", "2", "Page 5", three_lines(2)),
                          ("band", band, 60), ("row", "1", "Page 6", three_lines(3)),
                          ("row", "2", "Page 7", three_lines(4))], columns=(170, 60, 220, 480))
    rows, _ = words_to_rows([(0, words, 842.0)], "stream")
    assert [r.text for r in rows if r.kind is RowKind.TEXT and r.band] == [band]
    assert not any("Causes" in r.page_ref for r in rows if r.kind is RowKind.CELLS)


def test_bands_between_one_line_rows_are_told_by_the_wrapped_lines_pitch_not_the_commonest_gap():
    from hmic_extract.extract.table.stream import words_to_rows

    items = [("row", str(n), f"Page {n + 3}", [f"The force should improve item {n}."]) for n in range(1, 9)]
    items += [("row", "9", "Page 20", three_lines(9)), ("row", "10", "Page 21", three_lines(10)),
              ("band", "Cause for concern", 160), ("row", "1", "Page 22", three_lines(11)),
              ("band", "Recommendations", 160), ("row", "1", "Page 23", three_lines(12))]
    rows, _ = words_to_rows([(0, stream_words(items), 842.0)], "stream")
    assert [r.text for r in rows if r.kind is RowKind.TEXT and r.band] == ["Cause for concern", "Recommendations"]


def test_a_full_width_band_wrapped_over_two_lines_is_one_band():
    from hmic_extract.extract.table.stream import words_to_rows

    items = [("row", "1", "Page 4", three_lines(1)), ("row", "2", "Page 5", three_lines(2)),
             ("band", "Part B RECOMMENDATIONS TO THE FORCE: IN RESPONSE TO THE CAUSE OF", 60),
             ("row", "1", "Page 6", three_lines(3)), ("row", "2", "Page 7", three_lines(4))]
    words = stream_words(items)
    tail = max(u["top"] for u in words if u["text"] == "Part")  # the band's last word wraps to a line of its own
    words = [{**u, "top": u["top"] + 17.0, "bottom": u["bottom"] + 17.0} if u["top"] > tail else u for u in words]
    words.append({"text": "CONCERN", "x0": 60.0, "x1": 112.0, "top": tail + 11.0, "bottom": tail + 20.0})  # bold caps
    rows, _ = words_to_rows([(0, words, 842.0)], "stream")
    assert [r.text for r in rows if r.kind is RowKind.TEXT and r.band] == [
        "Part B RECOMMENDATIONS TO THE FORCE: IN RESPONSE TO THE CAUSE OF CONCERN"]


def test_a_header_label_broken_into_fragments_over_six_lines_of_a_narrow_column_is_read_whole():
    from hmic_extract.extract.table.stream import words_to_rows

    words = [w("REF", 60, 100), w("ISSUE", 160, 100), w("PAGE", 400, 100), w("UPDATE", 450, 100)]
    words += [w(piece, 125, 100 + 11.0 * k) for k, piece in enumerate(["FI", "ND", "IN", "G", "TY", "PE"])]
    top = 100 + 11.0 * 5 + 17.0
    for n, kind in enumerate(["AFI", "Rec", "AFI", "Rec"], start=1):
        words += [w(f"{n})", 60, top), w(kind, 125, top), w("The", 160, top), w("force", 180, top),
                  w("should", 210, top), w(f"p.{n + 6}", 400, top), w("Done.", 450, top)]
        words += [w("act", 160, top + 11.0), w("now.", 180, top + 11.0)]
        top += 28.0
    rows, _ = words_to_rows([(0, words, 842.0)], "stream")
    cells = [r for r in rows if r.kind is RowKind.CELLS]
    assert cells[0].section == "FINDING TYPE"
    assert [r.section for r in cells[1:] if r.ref] == ["AFI", "Rec", "AFI", "Rec"]


def test_a_two_line_label_centred_higher_than_one_line_labels_opens_the_header():
    from hmic_extract.extract.table.stream import words_to_rows

    # "PAGE" / "REFERENCE" over two lines, the one-line labels centred between them, a long action label wrapped below.
    words = [w("PAGE", 576, 94), w("ISSUE", 57, 100), w("NUMBER", 497, 100), w("REFERENCE", 569, 106),
             w("/PLANNED", 640, 112)]
    x = 640.0
    for word in ["ACTION", "TAKEN", "BY", "THE", "FORCE"]:  # one label of five words, set as one phrase
        words.append(w(word, x, 100))
        x += 5.0 * len(word) + 3.0
    top = 125.0
    for n in range(1, 5):
        words += [w("The", 57, top), w("force", 80, top), w("should", 110, top), w("act.", 145, top),
                  w(f"{n}.", 513, top), w("p.", 586, top), w(f"{n + 6}", 598, top), w("Done", 640, top)]
        words += [w("It", 57, top + 12.0), w("must.", 70, top + 12.0), w("soon.", 640, top + 12.0)]
        top += 36.0
    rows, _ = words_to_rows([(0, words, 842.0)], "stream")
    cells = [r for r in rows if r.kind is RowKind.CELLS and r.ref.strip()]
    assert [(r.ref, r.page_ref) for r in cells[1:]] == [(f"{n}.", f"p. {n + 6}") for n in range(1, 5)]



def test_the_tails_of_two_narrow_labels_set_close_on_the_next_line_are_two_tails():
    from hmic_extract.extract.table.stream import words_to_rows

    # "Lead" / "officer" and "Completion" / "date": "officer" ends 3 pt before "date" starts, closer than a phrase gap.
    words = [w("#", 81, 108), w("Area", 111, 108), w("for", 136, 108), w("improvement", 154, 108), w("Page", 295, 108),
             w("Lead", 487, 108), w("Completion", 523, 108), w("/", 111, 121), w("Recommendation", 117, 121),
             w("no.", 300, 121), w("officer", 487, 121), w("date", 525, 121)]
    top = 145.0
    for n in range(1, 5):
        words += [w(f"{n}", 81, top), w("The", 111, top), w("force", 131, top), w("must", 161, top),
                  w(f"{n + 10}", 295, top), w("DCC", 487, top), w("2023", 523, top)]
        words += [w("act", 111, top + 12.0), w("now.", 131, top + 12.0)]
        top += 36.0
    rows, _ = words_to_rows([(0, words, 842.0)], "stream")
    cells = [r for r in rows if r.kind is RowKind.CELLS]
    assert (cells[0].ref, cells[0].page_ref) == ("#", "Page no.")
    assert [(r.ref, r.page_ref) for r in cells[1:] if r.ref] == [(f"{n}", f"{n + 10}") for n in range(1, 5)]


def test_a_band_phrase_that_a_columns_start_happens_to_cut_is_still_a_band():
    from hmic_extract.extract.table.stream import words_to_rows

    # The band starts in the ref column and its word "FOR" starts right where the text column's lines start.
    items = [("row", "1", "Page 4", three_lines(1)), ("row", "2", "Page 5", three_lines(2)),
             ("band", "Part C AREAS", 60), ("row", "1", "Page 6", three_lines(3)),
             ("row", "2", "Page 7", three_lines(4))]
    words = stream_words(items, columns=(60, 400, 112.5, 460))
    band_top = next(u["top"] for u in words if u["text"] == "AREAS")
    x = 112.5
    for word in ["FOR", "IMPROVEMENT", "–", "EFFECTIVENESS"]:
        words.append({"text": word, "x0": x, "x1": x + 4.5 * len(word), "top": band_top, "bottom": band_top + 9.0})
        x += 4.5 * len(word) + 2.5
    rows, _ = words_to_rows([(0, words, 842.0)], "stream")
    assert [r.text for r in rows if r.kind is RowKind.TEXT and r.band] == [
        "Part C AREAS FOR IMPROVEMENT – EFFECTIVENESS"]


def test_a_short_band_set_at_row_spacing_under_a_two_line_header_is_no_label_tail():
    from hmic_extract.extract.table.stream import words_to_rows

    words = [w("AFI", 72, 94), w("ISSUE", 141, 94), w("OF", 172, 94), w("REPORT", 545, 94), w("FORCE", 606, 94),
             w("REF", 72, 106), w("CONCERN", 141, 106), w("PAGE", 545, 106), w("RESPONSE", 606, 106),
             w("A.", 72, 123), w("AFIS", 84, 123)]  # the band, 17 pt below the header's last line
    top = 140.0
    for n in range(1, 5):
        words += [w(f"{n})", 72, top), w("The", 141, top), w("force", 163, top), w("must", 195, top),
                  w(f"p.{n + 9}", 545, top), w("Agreed.", 606, top), w("act", 141, top + 12.0),
                  w("now.", 163, top + 12.0)]
        top += 29.0
    rows, _ = words_to_rows([(0, words, 842.0)], "stream")
    assert rows[0].kind is RowKind.CELLS and "AFIS" not in rows[0].ref
    assert [r.text for r in rows if r.kind is RowKind.TEXT] == ["A. AFIS"]



def test_a_heading_set_close_over_a_row_whose_word_starts_where_a_column_does_is_a_band():
    from hmic_extract.extract.table.stream import words_to_rows

    items = [("row", str(n), f"Page {n + 3}", three_lines(n)) for n in range(1, 5)]
    words = stream_words(items, columns=(60, 400, 112.5, 460))
    below = min(u["top"] for u in words if u["text"] == "3")  # the heading sits right over row 3, at a line's pitch
    x = 60.0
    for word in ["Legitimacy:", "Areas", "for", "Improvement", "(AFIs)"]:  # "Areas" starts the text column
        words.append({"text": word, "x0": x, "x1": x + 4.5 * len(word), "top": below - 11.0, "bottom": below - 2.0})
        x += 4.5 * len(word) + 3.0
    rows, _ = words_to_rows([(0, words, 842.0)], "stream")
    assert [r.text for r in rows if r.kind is RowKind.TEXT and r.band] == ["Legitimacy: Areas for Improvement (AFIs)"]


def test_a_rows_last_line_right_over_a_repeated_header_is_no_line_of_the_header():
    from hmic_extract.extract.table.stream import words_to_rows

    w = phrase  # words of one line

    def header(at):
        return [*w("REF.", 55, at), *w("RECOMMENDATION", 120, at), *w("PAGE", 422, at), *w("OWNER", 557, at)]

    words = header(100)
    top = 120.0
    for n in (1, 2):  # one table per row, each under its own header, 17 pt below the row above
        words += [*w(f"{n}", 55, top), *w("Within three months, the force should make sure", 120, top),
                  *w(f"Page {36 + n}", 422, top), *w("Head of", 557, top)]
        words += [*w("that call handlers use a structured triage process", 120, top + 11.0),
                  *w("Public", 557, top + 11.0)]
        words += [*w("for the grading they give.", 120, top + 22.0), *w("Protection", 557, top + 22.0)]
        top += 39.0
        words += header(top)
        top += 20.0
    rows, _ = words_to_rows([(0, words, 842.0)], "stream")
    assert sum(1 for r in rows if r.kind is RowKind.CELLS and r.issue == "for the grading they give.") == 2


def test_a_column_whose_words_start_at_its_label_a_word_space_after_the_text_column_is_kept():
    """A spreadsheet wraps the text column to its cell's edge and sets the Owner column's words a word space after
    the longest lines: words that start right at the Owner label's left edge open that column, not run on from the
    text (read as run-on, the Owner label was folded into the text column and "Head of People" into every row)."""
    from hmic_extract.extract.table.stream import words_to_rows

    first = "The force should improve the way it supervises"
    owner_x = phrase(first, 160, 0)[-1]["x1"] + 2.5
    words = [*phrase("Ref", 60, 80), *phrase("Page", 100, 80), *phrase("Issue of concern", 160, 80),
             *phrase("Owner", owner_x, 80), *phrase("Action", owner_x + 90, 80)]
    top = 100.0
    for k in range(5):
        words += [*phrase(f"{k + 1}", 60, top), *phrase(f"Page {k + 4}", 100, top), *phrase(first, 160, top),
                  *phrase("Head of People", owner_x, top), *phrase("Under way.", owner_x + 90, top)]
        words += [*phrase("investigations and works with", 160, top + 11.0), *phrase("partners.", 160, top + 22.0)]
        top += 22.0 + 17.0
    rows, _ = words_to_rows([(0, words, 842.0)], "stream")
    cells = [r for r in rows if r.kind is RowKind.CELLS and r.ref.isdigit()]
    assert len(cells) == 5
    assert not any("Head" in r.issue or "Owner" in r.issue for r in rows if r.kind is RowKind.CELLS)
    assert all(r.issue == first for r in cells)


def test_a_footnote_opening_with_its_mark_set_a_little_smaller_than_the_body_is_no_rows_text():
    """A footnote under the table ("² Police National Computer checks ...") set at 0.8 of the body's size, in the text
    column: a line opening with a footnote mark and set smaller than the body is a note, not the last row's text."""
    from hmic_extract.extract.table.stream import words_to_rows

    words = stream_words([("row", "1", "Page 4", three_lines(1)), ("row", "2", "Page 5", three_lines(2))])
    for u in words:
        u["size"] = 9.0
    note = phrase("² Police National Computer checks on foreign nationals.", 160, 240)
    for u in note:
        u["size"] = 0.81 * 9.0
    rows, _ = words_to_rows([(0, words + note, 842.0)], "stream")
    assert not any("Police" in r.issue for r in rows if r.kind is RowKind.CELLS)
    assert any(r.kind is RowKind.TEXT and "Police" in r.text for r in rows)


def test_a_one_page_annexs_footer_ending_in_its_page_number_is_no_rows_text():
    """A one-page annex: no other page repeats its footer ("Marchford Police | 2 May 2019 | Page 1"), but a line near
    the page foot, ending in the page's number and set far below the table, is the page's footer, not the last row's
    text."""
    from hmic_extract.extract.table.stream import words_to_rows

    words = stream_words([("row", "1", "Page 4", three_lines(1)), ("row", "2", "Page 5", three_lines(2))])
    words += phrase("Marchford Police | 2 May 2019 | Page 1", 300, 560)
    rows, _ = words_to_rows([(0, words, 612.0)], "stream")
    assert not any("Marchford" in r.issue for r in rows if r.kind is RowKind.CELLS)


def test_a_footer_whose_page_of_pages_ocr_read_without_spaces_is_no_rows_text():
    """OCR of a scan drops the spaces of a small footer ("Page 1of1" for "Page 1 of 1"): it is still the page's
    footer, not the last row's text."""
    from hmic_extract.extract.table.stream import words_to_rows

    words = stream_words([("row", "1", "Page 4", three_lines(1)), ("row", "2", "Page 5", three_lines(2))])
    words += phrase("Page 1of1", 300, 560)
    rows, _ = words_to_rows([(0, words, 612.0)], "stream")
    assert not any("1of1" in r.issue for r in rows if r.kind is RowKind.CELLS)


def test_two_header_labels_set_touching_are_two_labels_when_drawn_apart():
    """LaTeX runs a narrow column's "REPORT" on up to the next label, "DESCRIPTION", with no gap, drawing the column's
    second line ("PAGE") between them: glyphs side by side that were not drawn one after the other are two cells'
    words, and the header splits there (read as one word, the header was lost and every row with it)."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import glyph_words
    from hmic_extract.extract.table.text import Glyph, glyphs_to_lines

    drawn = []

    def run(text: str, x: float, top: float) -> None:
        for k, c in enumerate(text):
            drawn.append(Glyph(c, x + 8.0 * k, top, x + 8.0 * (k + 1), top + 10.0, size=10.0, drawn=len(drawn)))

    run("REPORT", 100.0, 100.0)
    run("PAGE", 100.0, 114.0)
    run("DESCRIPTION", 148.0, 100.0)
    lines = glyphs_to_lines(drawn, TableSettings())
    words = glyph_words(lines[0], TableSettings())
    assert [w["text"] for w in words] == ["REPORT", "DESCRIPTION"]
    assert words[1]["cell_start"] and not words[0]["cell_start"]


def test_a_row_drawn_a_few_points_left_of_the_columns_at_a_page_foot_is_a_row_not_full_width_text():
    """reportlab draws the part of a row split at a page foot 6 pt left of the table's columns: its text straddles the
    column edges, but two of its cells start one distance from their columns' starts, so it is the row moved, not a
    band or a title."""
    from hmic_extract.extract.table.stream import words_to_rows

    first = stream_words([("row", "1", "Page 4", three_lines(1)), ("row", "2", "Page 5", three_lines(2))])
    second = [w for w in stream_words([("row", "3", "Page 6", three_lines(3)), ("row", "4", "Page 7", three_lines(4)),
                                       ("row", "5", "Page 8", three_lines(5))]) if w["top"] > 100]
    moved = [*phrase("The force should improve the way it", 154, 300), *phrase("Work is under way.", 454, 300),
             *phrase("6", 54, 311), *phrase("Page 9", 94, 311), *phrase("supervises investigations", 154, 311),
             *phrase("with partners.", 154, 322), *phrase("Standards.", 454, 322)]
    rows, _ = words_to_rows([(0, first, 842.0), (1, second + moved, 842.0)], "stream")
    assert not any(r.kind is RowKind.TEXT for r in rows)
    assert any(r.kind is RowKind.CELLS and r.issue == "The force should improve the way it" for r in rows)


def test_a_header_alone_at_a_page_foot_lets_the_next_pages_cells_open_at_its_labels():
    """The header sits alone at a page foot, so no body line tells where its columns' text starts; on the next page a
    row's page cell is set a word space after its text, starting right at the page label: it opens the page column
    (read as run-on text, the row's first line was a band and the row lost its ref)."""
    from hmic_extract.extract.table.stream import words_to_rows

    text = "Within six months, the force should put in"
    page_x = phrase(text, 160, 0)[-1]["x1"] + 2.5
    first = [*phrase("Ref", 60, 700), *phrase("Issue of concern", 160, 700), *phrase("Page", page_x, 700),
             *phrase("Action", page_x + 80, 700)]
    second = [*phrase("Rec-1", 60, 100), *phrase(text, 160, 100), *phrase("29-30", page_x, 100),
              *phrase("place arrangements to record crime.", 160, 111),
              *phrase("Rec-2", 60, 128), *phrase("The force should review its", 160, 128),
              *phrase("Page 31", page_x, 128), *phrase("response to missing children.", 160, 139)]
    rows, _ = words_to_rows([(0, first, 842.0), (1, second, 842.0)], "stream")
    assert not any(r.kind is RowKind.TEXT for r in rows)
    assert any(r.kind is RowKind.CELLS and r.ref == "Rec-1" and r.page_ref == "29-30" and r.issue == text
               for r in rows)


@pytest.mark.parametrize("note", ["continued on next page", "Continued overleaf", "(cont'd)", "continued…",
                                  "Continued on the following page", "(continued)", "Table continues on next page"])
def test_a_continued_on_next_page_note_under_the_last_row_is_no_rows_text(note):
    """The wordings annexes print under a page's last row (the annex generator draws them all)."""
    from hmic_extract.extract.table.stream import words_to_rows

    words = stream_words([("row", "1", "Page 4", three_lines(1)), ("row", "2", "Page 5", three_lines(2)),
                          ("row", "", "", [note])])
    rows, _ = words_to_rows([(0, words, 842.0)], "stream")
    assert not any(note.split()[-1] in r.issue for r in rows if r.kind is RowKind.CELLS)
    assert [r.text for r in rows if r.kind is RowKind.TEXT] == [note]


def test_a_body_line_whose_cells_happen_to_name_roles_is_no_second_header():
    """"Issue of" (a wrapped Type cell) | "force's policy on positive action in" | "Page" (a wrapped page cell) names
    the text, action and page roles, but not the ref column the table's header names: the rows go on under the
    table's header, not under that line."""
    from hmic_extract.extract.table.stream import words_to_rows

    words = [*phrase("Type", 60, 80), *phrase("Ref", 110, 80), *phrase("Finding", 160, 80), *phrase("Page", 360, 80),
             *phrase("Update", 430, 80)]
    top = 100.0
    for k in range(4):
        words += [*phrase("Officers are not always aware of the", 160, top)]
        words += [*phrase("Issue of", 60, top + 11), *phrase("force's policy on positive action in", 160, top + 11),
                  *phrase("Page", 360, top + 11)]
        words += [*phrase(f"{k + 1}.", 110, top + 22), *phrase("recruitment.", 160, top + 22),
                  *phrase(f"{k + 20}", 360, top + 22)]
        words += [*phrase("concern", 60, top + 33)]
        top += 33 + 20.0
    rows, _ = words_to_rows([(0, words, 842.0)], "stream")
    refs = [r.ref for r in rows if r.kind is RowKind.CELLS and r.ref not in ("", "Ref")]
    assert refs == ["1.", "2.", "3.", "4."]


def test_a_ref_set_a_little_left_of_its_label_a_word_space_after_the_text_opens_the_ref_column():
    """Refs centred in their column: a wide "IoC 43" starts 0.7 pt left of the "Number" label, a word space after the
    text column's line ("... showed a"); it starts where the label does, within the slack text may run past an edge,
    so it opens the ref column (read as run-on text, the row's line was a band and the row was lost)."""
    from hmic_extract.extract.table.stream import words_to_rows

    text = "the force's own survey showed a"
    ref_x = phrase(text, 74, 0)[-1]["x1"] + 4.0
    words = [*phrase("Finding", 74, 80), *phrase("Number", ref_x + 0.7, 80), *phrase("Page", ref_x + 50, 80),
             *phrase("Update", ref_x + 110, 80)]
    top = 100.0
    for k in range(4):
        ref = f"IoC {k + 40}" if k == 3 else f"IoC {k + 1}"
        x = ref_x if k == 3 else ref_x + 3.0
        words += [*phrase(text if k == 3 else "The force should act", 74, top), *phrase(ref, x, top),
                  *phrase(f"Page {k + 4}", ref_x + 50, top), *phrase("fall in public satisfaction.", 74, top + 11)]
        top += 11 + 20.0
    rows, _ = words_to_rows([(0, words, 842.0)], "stream")
    assert not any(r.kind is RowKind.TEXT for r in rows)
    assert [r.ref for r in rows if r.kind is RowKind.CELLS and r.ref.startswith("IoC")] == ["IoC 1", "IoC 2", "IoC 3",
                                                                                            "IoC 43"]


def test_a_footnote_opening_with_a_plain_number_set_a_little_smaller_is_no_row():
    """"3 See, for example, ACPO guidance ..." under the table, its mark a plain digit, set at 0.8 of the body: a line
    opening as a footnote does and set smaller than the body is a note, not a row whose ref is "3"."""
    from hmic_extract.extract.table.stream import words_to_rows

    words = stream_words([("row", "1", "Page 4", three_lines(1)), ("row", "2", "Page 5", three_lines(2))])
    for u in words:
        u["size"] = 11.0
    note = [*phrase("3", 60, 240), *phrase("See, for example, ACPO guidance on adults.", 160, 240)]
    for u in note:
        u["size"] = 0.801 * 11.0
    rows, _ = words_to_rows([(0, words + note, 842.0)], "stream")
    assert not any(r.kind is RowKind.CELLS and ("ACPO" in r.issue or r.ref == "3") for r in rows)


def test_a_header_whose_numbered_rows_run_on_to_the_next_page_is_an_annex_table():
    """A header over one long row at a page's foot, not repeated on the next page, where the other numbered rows are:
    the header page alone holds one numbered row, too few to call it a table; with the page after it, an annex (the
    report path took the PDF and lost the table)."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import PageLines, page_has_annex_table, words_to_lines

    settings = TableSettings()

    def page(index: int, lines: list[list[dict]]) -> PageLines:
        return PageLines(index, words_to_lines([w for line in lines for w in line], settings), 800.0, settings)

    header = [*phrase("No.", 50, 100), *phrase("Page", 100, 100), *phrase("Detail", 170, 100),
              *phrase("Action taken", 420, 100)]
    first = page(0, [header, [*phrase("1", 50, 115), *phrase("11-12", 100, 115),
                              *phrase("The force does not have enough staff", 170, 115)],
                     phrase("to meet demand in its control room.", 170, 127)])
    later = page(1, [[*phrase(str(n), 50, 100 + 24 * n), *phrase(f"Page {10 + n}", 100, 100 + 24 * n),
                      *phrase("The force should review its plan.", 170, 100 + 24 * n)] for n in (2, 3, 4)])
    assert not page_has_annex_table(first)
    assert page_has_annex_table(first, following=[later])
    assert not page_has_annex_table(first, following=[page(1, [header])])


def test_a_header_label_set_half_a_line_higher_on_every_page_is_no_running_head():
    """A repeated header whose "Page" / "no." label is centred over two lines, half a line above the one-line labels,
    sits at one height on every page like a running head: it is the header's, or the page column is lost."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import PageLines, running_lines

    def line(words, top):
        return [{"text": t, "x0": x, "x1": x + 5 * len(t), "top": top, "bottom": top + 9} for t, x in words]

    def page(i):
        return PageLines(i, [line([("Page", 130)], 89.0),
                             line([("Number", 88), ("Description", 193), ("Action", 353), ("Status", 499)], 95.0),
                             line([("no.", 130)], 101.0),
                             line([("4)", 88), ("Page", 130), (str(9 + i), 155), ("The", 193), ("number", 213)],
                                  124.0),
                             line([("by", 193), ("17%", 206), ("in", 229)], 136.0)],
                         842.0, TableSettings.for_page([10.0] * 20, [12.0] * 20))

    running = running_lines([page(i) for i in range(4)])
    assert not {(i, k) for i in range(4) for k in range(3)} & running


def test_a_running_head_printed_on_a_rows_line_is_set_aside_and_the_rows_words_kept():
    """A spreadsheet prints its running head at the height of each page's first row line: "Although the force has
    reduced ... still not" | "OFFICIAL – Kelderwick PCC response". The head recurs at that height on every page, the
    row's words do not: the head goes, the row's words stay (the whole line went to the margin, and the row's first
    words with it). A row's ref and page cells at one height on every page ("20) | Page 13") are no running head, nor
    is a part of a line that recurs whole (a repeated header whose broken labels the vocabulary cannot read), nor a
    page cell whose number happens to go up with the page ("p.32", "p.33")."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import PageLines, running_lines, running_words

    texts = ("The force should review its plan", "Victims are not kept informed", "The force should act")

    def page(i: int, text: str) -> PageLines:
        lines = [[*phrase(text, 60, 38.6), *phrase("OFFICIAL – Kelderwick PCC response", 420, 38.6)],
                 [*phrase("REC", 60, 50), *phrase("REPOR", 110, 50), *phrase("AREA FOR", 200, 50),
                  *phrase("RAG", 400, 50), *phrase("CURR", 480, 50)],
                 phrase("recorded within 24 hours, as the rules require.", 60, 62),
                 [*phrase(f"{20 + 26 * i})", 500, 74), *phrase(f"Page {13 + 12 * i}", 540, 74)],
                 [*phrase(f"AFI-{15 + i}", 60, 82), *phrase(f"p.{32 + i}", 110, 82),
                  *phrase(texts[i], 160, 82)],
                 phrase("The identification of vulnerable victims", 60, 90),
                 phrase(f"- {i + 1} -", 280, 800)]
        return PageLines(i, lines, 842.0, TableSettings.for_page([9.0] * 20, [12.0] * 20))

    pages = [page(i, t) for i, t in enumerate(["Although the force has reduced its backlog, still not",
                                               "There is a lack of capacity within response teams",
                                               "We said that the force should make sure that it gives"])]
    shared = running_words(pages, running_lines(pages))
    for p in pages:
        kept = [w["text"] for k, w in enumerate(p.lines[0]) if k not in shared[(p.page_index, 0)]]
        assert " ".join(kept) == " ".join(w["text"] for w in p.lines[0][:len(kept)])
        assert "OFFICIAL" not in kept and len(kept) >= 8
        assert (p.page_index, 1) not in shared  # a repeated header the vocabulary cannot read recurs whole
        assert (p.page_index, 3) not in shared
        assert (p.page_index, 4) not in shared  # a page cell whose number goes up with the page is no folio


def test_a_tight_header_whose_labels_split_where_the_body_columns_start_is_an_annex_table():
    """Grid cells set their labels closer than a phrase gap ("Item Page no. Issue of Concern"): the kind check reads
    the page as the table reader does, split where the body lines start, or the PDF went down the report path and
    every row was lost."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import PageLines, page_has_annex_table, words_to_lines

    settings = TableSettings()
    header = [*phrase("Item", 46, 60), *phrase("Page no.", 66.5, 60), *phrase("Issue of Concern", 106, 60),
              *phrase("Force response", 400, 60)]
    body = [[*phrase(f"IOC-{n}", 46, 60 + 30 * n), *phrase(f"Page {n + 3}", 66.5, 60 + 30 * n),
             *phrase("The force should review its plan.", 106, 60 + 30 * n)] for n in (1, 2, 3, 4)]
    page = PageLines(0, words_to_lines([w for ws in [header, *body] for w in ws], settings), 800.0, settings)
    assert page_has_annex_table(page)


def test_a_running_head_drawn_over_a_rows_action_cell_mid_line_is_set_aside_and_the_rows_words_kept():
    """A sheet whose top margin is narrower than its page head prints "OFFICIAL – Kelderwick PCC response" over the
    first row's action cell, mid-line ("AfI-13 | p.27 | The force needs ... | OFFICIAL – ... | The force accepted ...
    | Ongoing"): drawn over the row's words, the head goes wherever it sits on the line; the row's words stay."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import PageLines

    actions = ("The force accepted this", "Work is under way", "A review has begun")

    def page(i: int) -> PageLines:
        lines = [[*phrase(f"AfI-{13 + i}", 40, 38.6), *phrase(f"p.{27 + 3 * i}", 80, 38.6),
                  *phrase("The force needs to make sure", 150, 38.6),
                  *phrase("OFFICIAL – Kelderwick PCC response", 330, 38.6), *phrase(actions[i], 350, 38.6),
                  *phrase("Ongoing", 500, 38.6)],
                 phrase("national Code of Practice for Victims", 150, 50),
                 phrase(f"Page {i + 1}", 280, 800)]
        return PageLines(i, lines, 842.0, TableSettings.for_page([9.0] * 20, [12.0] * 20))

    for dropped in first_lines_running_words([page(i) for i in range(3)]):
        assert dropped == ["OFFICIAL", "–", "Kelderwick", "PCC", "response"]


def test_a_ref_label_whose_broken_last_letter_the_scan_lost_still_names_the_ref_column():
    """OCR of a scan read "NUMBE" over the narrow ref column and lost the "R" under it (9391-281): the refs were read
    as no column's and every row lost its ref."""
    from hmic_extract.extract.table.stream import words_to_rows

    words = [*phrase("NUMBE", 52, 100), *phrase("DESCRIPTION", 132, 100), *phrase("PG", 321, 100),
             *phrase("UPDATE", 387, 100)]
    for k in range(4):
        top = 130 + 30 * k
        words += [*phrase(f"{k + 1}.", 52, top), *phrase("The force should improve its supervision", 132, top),
                  *phrase(f"Page {k + 4}", 321, top), *phrase("Work is under way.", 387, top)]
    rows, _ = words_to_rows([(0, words, 842.0)], "ocr-lines/test")
    assert [r.ref for r in rows if r.kind is RowKind.CELLS][1:] == [f"{k + 1}." for k in range(4)]


def test_a_rows_first_page_line_set_higher_than_its_ref_just_under_a_header_of_centred_labels_is_no_label_tail():
    from hmic_extract.extract.table.stream import words_to_rows

    # Labels centred in a four-line header ("Rec" / "No.", "Page" / "no.", "Current" / "status" half a line lower);
    # each row's page cell is centred higher than its ref, its first line ("Pages") a line pitch under "status" but
    # further under "no." than a label wraps.
    words = [w("Rec", 74, 70.8), w("Page", 149, 70.8), w("Type", 103, 77.5), w("Detail", 187, 77.5),
             w("Current", 324, 77.5), w("Progress", 408, 77.5), w("No.", 74, 84.1), w("no.", 154, 84.1),
             w("status", 324, 90.8)]
    top = 104.5
    for n in range(1, 5):
        words += [w("Pages", 149, top), w(f"{2 * n + 4}/{2 * n + 5}", 155, top + 13.4), w(f"{n}.", 78, top + 20.0),
                  w("IOC", 103, top + 20.0), w("The", 187, top + 20.0), w("force", 207, top + 20.0),
                  w("must", 237, top + 20.0), w("act", 187, top + 33.4), w("now.", 207, top + 33.4)]
        top += 60.0
    rows, _ = words_to_rows([(0, words, 842.0)], "stream")
    cells = [r for r in rows if r.kind is RowKind.CELLS]
    assert cells[0].page_ref.split() == ["Page", "no."]
    assert [r.page_ref for r in cells[1:] if r.page_ref][:2] == ["Pages", "6/7"]


def test_labels_set_close_split_where_the_rows_text_starts_under_a_letter_filling_most_of_the_page():
    from hmic_extract.extract.table.stream import words_to_rows

    # A letter's 40 lines of prose, then the annex: "REF. DETAIL" set closer than a phrase gap, its one row's five
    # text lines starting under "DETAIL" (five lines of the page's 47, but of the few that show columns most).
    words = [word for k in range(40) for word in phrase("I have asked the force for updates on each of these.", 57,
                                                         60.0 + 11.0 * k)]
    words += [w("PG", 72, 520), w("REF.", 111, 520), w("DETAIL", 133, 520), w("PROGRESS", 320, 520)]
    words += [w("p. 7", 72, 537), w("1.", 115, 537)]
    for k, text in enumerate(["The force does not have a", "good enough understanding", "of the demand it faces,",
                              "and this limits its plans", "for the future."]):
        words += phrase(text, 133, 537 + 11.0 * k)
    rows, _ = words_to_rows([(0, words, 842.0)], "stream")
    assert [(r.ref, r.page_ref) for r in rows if r.kind is RowKind.CELLS and r.ref][-1:] == [("1.", "p. 7")]


def test_a_section_word_opening_a_page_in_the_action_column_at_the_wrapped_lines_pitch_is_no_title():
    from hmic_extract.extract.table.stream import words_to_rows

    # Lines wrapped 18 pt apart (9 pt type, wide leading); a row's long action cell runs on to the next page, whose
    # first line is a word the vocabulary names a section by ("recommendation" / "s, of which 7 have").
    def row(ref: str, page: str, texts: list[str], actions: list[str], top: float) -> tuple[list[dict], float]:
        out = [w(ref, 60, top), *phrase(page, 100, top)] if ref else []
        for k, text in enumerate(texts):
            out += phrase(text, 160, top + 18.0 * k)
        for k, text in enumerate(actions):
            out += phrase(text, 400, top + 18.0 * k)
        return out, top + 18.0 * max(len(texts), len(actions), 1) + 10.0

    header = [w("#", 60, 60), *phrase("Page reference", 100, 60), *phrase("Issue of concern", 160, 60),
              w("Action", 400, 60)]
    first, top = list(header), 88.0
    for n in range(1, 3):
        words, top = row(str(n), f"Page {n + 5}", ["The force does not check", "the records it holds."],
                         ["We accepted it."], top)
        first += words
    words, top = row("3", "Page 9", ["The force could not show", "us how it works."],
                     ["The force made 11", "recommendations in all", "and held a review of all"], top)
    first += words
    second, top = row("", "", [], ["recommendation", "s, of which 7 have", "been met in full."], 60.0)
    for n in range(4, 6):
        words, top = row(str(n), f"Page {n + 7}", ["Victims are not kept", "informed of progress."], ["Agreed."], top)
        second += words
    rows, _ = words_to_rows([(0, first, 842.0), (1, second, 842.0)], "stream")
    assert not [r.text for r in rows if r.kind is RowKind.TEXT and "recommendation" in r.text]


def test_labels_of_one_two_and_three_lines_centred_in_one_header_are_read_from_the_first_lone_label():
    from hmic_extract.extract.table.stream import words_to_rows

    # "Type" / "of" / "finding" (three lines), "Report" / "page" (two), one-line labels: centred, each line half a
    # pitch under the last, so two lone labels stand over the line holding most labels.
    words = [w("Type", 103, 67.1), w("Report", 148, 73.8), w("AFI", 54, 80.4), w("ref", 76, 80.4), w("of", 103, 80.4),
             w("Detail", 185, 80.4), w("Target", 369, 80.4), w("Action", 418, 80.4), w("page", 148, 87.1),
             w("finding", 103, 93.8), w("date", 369, 93.8)]
    top = 113.9
    for n in range(1, 5):
        words += [w("Page", 148, top - 6.6), w(f"{n}.", 54, top), w("IOC", 103, top), w(f"{n + 5}", 148, top + 6.6),
                  w("The", 185, top), w("force", 205, top), w("must", 235, top)]
        words += [w(word, 185, top + 13.4 * k) for k, word in enumerate(["act", "on", "this", "now."], start=1)]
        top += 80.0
    rows, _ = words_to_rows([(0, words, 842.0)], "stream")
    cells = [r for r in rows if r.kind is RowKind.CELLS]
    assert (cells[0].page_ref.split(), cells[0].issue) == (["Report", "page"], "Detail")
    assert [r.issue for r in cells[1:] if r.ref][:2] == ["The force must", "The force must"]


def test_a_running_head_drawn_over_the_first_rows_text_of_a_two_page_annex_is_set_aside():
    """A two-page sheet prints its page head ("9 November 2017") over the end of the first row's text on its second
    page (the head over the title line on the first): drawn back over the row's words, the head recurring at that
    height on the only other page is enough; the row's words stay (the date was read into the row's text)."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import PageLines, running_lines, running_words

    header = [*phrase("REPORT REF", 35, 50), *phrase("PG", 155, 50), *phrase("HMICFRS FINDING", 305, 50),
              *phrase("ACTION", 640, 50)]
    first = [[*phrase("Action plan", 35, 37.8), *phrase("9 November 2017", 733, 39)], header,
             [*phrase("AfI21", 35, 64), *phrase("Page 29", 155, 64), *phrase("The force should improve.", 305, 64)]]
    second = [[*phrase("AfI22", 35, 37.3), *phrase("Page 30", 155, 37.3),
               *phrase("The force should make sure that its use of stop and search powers is recorded accurately, "
                       "including the grounds for the search, and that", 305, 37.3),
               *phrase("9 November 2017", 733, 39)],
              phrase("supervisors review a sample of records each month.", 305, 47.4),
              [*phrase("AfI23", 35, 59), *phrase("Page 30", 155, 59), *phrase("The force should review.", 305, 59)]]
    settings = TableSettings.for_page([9.0] * 20, [10.0] * 20)
    pages = [PageLines(0, first, 595.0, settings), PageLines(1, second, 595.0, settings)]
    shared = running_words(pages, running_lines(pages))
    dropped = [w["text"] for k, w in enumerate(second[0]) if k in shared.get((1, 0), ())]
    assert dropped == ["9", "November", "2017"]


def test_a_running_head_drawn_over_a_repeated_headers_last_label_is_set_aside_and_the_labels_kept():
    """A page head ("Saltcombe Vale Police") printed over the last label of a header repeated at every page top: drawn
    back over the label's words, it is the page template's, not part of the label ("ACTION TAKEN Saltcombe / PLANNED
    Vale Police" was no label the normaliser knew, so the header was read as a row's text)."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import PageLines

    def page(i: int) -> PageLines:
        lines = [[*phrase("#", 35, 38.2), *phrase("TYPE", 70, 38.2), *phrase("REPORT", 119, 38.2),
                  *phrase("ISSUE OF CONCERN", 172, 38.2), *phrase("TARGE", 398, 38.2),
                  *phrase("ACTION TAKEN / PLANNED", 433, 38.2), *phrase("Saltcombe Vale Police", 472, 38.7)],
                 [*phrase("PAGE", 119, 50), *phrase("T DATE", 398, 50)],
                 [*phrase(f"IoC{3 + i}", 40, 88), *phrase(f"Page {6 + i}", 119, 88),
                  *phrase("The force should review its plan.", 172, 88)],
                 phrase(f"Page {i + 1}", 280, 800)]
        return PageLines(i, lines, 842.0, TableSettings.for_page([9.0] * 20, [12.0] * 20))

    for dropped in first_lines_running_words([page(i) for i in range(3)]):
        assert dropped == ["Saltcombe", "Vale", "Police"]


def test_the_line_pitch_is_measured_between_lines_set_one_under_the_other_not_between_two_columns_lines():
    """Refs and page refs centred beside a cell's text in a table without rules sit half a pitch off its lines
    ("pp. 10-" / "11" between "identifies and records the" and "vulnerability of victims"): the wrapped lines' pitch is
    the text's 17 pt, measured between lines one under the other, not the 8.5 pt between lines of two columns (read as
    the pitch, the header's second line seemed set too far below its first to be its labels' tail)."""
    from hmic_extract.extract.table.ruled import page_settings
    from hmic_extract.extract.table.stream import word_settings
    from hmic_extract.extract.table.text import Glyph

    words = []
    for row in range(6):
        top = 100.0 + 4 * 17.0 * row
        for k, text in enumerate(["The force needs to improve", "how it identifies and records",
                                  "the vulnerability of victims", "at first contact."]):
            words += phrase(text, 186, top + 17.0 * k)
        words += phrase("pp. 10-", 135, top + 17.0 + 8.5)
        words += phrase("11", 147, top + 34.0 + 8.5)
        words += phrase(f"({row + 1})", 102, top + 34.0)
    assert abs(word_settings(words).line_pitch - 17.0) < 0.5
    glyphs = [Glyph(w["text"], w["x0"], w["top"], w["x1"], w["bottom"], size=9.0) for w in words]
    assert abs(page_settings(glyphs, []).line_pitch - 17.0) < 0.5


def test_a_footer_a_row_too_tall_for_its_page_runs_on_under_and_beside_is_set_aside_and_the_rows_words_kept():
    """A row too tall for any page runs on past the page's foot: its action cell's lines go on under the footer the
    page template prints where every other page prints it, and one of them beside it at word spacing ("… | Page 2
    timescale depends"). Not among the page's last lines, the footer was read as the row's text (9451-69)."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import PageLines, running_lines, running_words

    text = "so that the right response is given every time and the force should record why when it is not given"

    def footer(i: int) -> list[dict]:
        return phrase(f"Marchford Police | 2 May 2019 | Page {i + 1}", 220, 793.5)

    def page(i: int) -> PageLines:
        lines = [phrase(f"AFI {i + 1} pp. {10 + i} The force should review its plan", 60, 100.0 + 12 * i),
                 *[phrase(" ".join(text.split()[3 * i + k:3 * i + k + 6]), 160, 124.0 + 12 * (k + i))
                   for k in range(4)]]
        if i == 1:
            lines += [phrase("the results reported to the PCC.", 380, 770.4), phrase("Risks: the", 380, 782.7),
                      [*footer(i), *phrase("timescale depends", footer(i)[-1]["x1"] + 2.5, 793.5)],
                      phrase("on the recruitment", 380, 807.0), phrase("of two analysts; if", 380, 819.1),
                      phrase("these posts are not", 380, 831.3)]
        else:
            lines.append(footer(i))
        return PageLines(i, lines, 841.9, TableSettings.for_page([9.0] * 20, [12.0] * 20))

    pages = [page(i) for i in range(4)]
    running = running_lines(pages)
    assert {(i, 5) for i in (0, 2, 3)} <= running  # the other pages' footers
    shared = running_words(pages, running)
    line = pages[1].lines[7]
    kept = [w["text"] for k, w in enumerate(line) if k not in shared.get((1, 7), ())]
    assert kept == ["timescale", "depends"]
    assert not any(k[0] == 1 and k[1] != 7 for k in shared)  # the row's other lines stay whole


def test_a_running_head_printed_over_a_repeated_headers_last_label_from_its_left_is_set_aside_and_the_label_kept():
    """A spreadsheet's page head ("OFFICIAL – Dunmarsh PCC response to HMICFRS") printed at every page top, over the
    last label ("RAG") of the header its print titles repeat there: the head starts left of the label and lies over
    it, so it is the label ("RAG") that seems drawn back. The head is the run printed over the line's other words that
    names no column; read as the action label's tail, the header was taken for a row's text and the section with it
    (9471-211)."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import PageLines

    head = "OFFICIAL – Dunmarsh PCC response to HMICFRS"

    def page(i: int) -> PageLines:
        labels = [*phrase("Rec", 35, 36.7), *phrase("Area for improvement", 113, 36.7), *phrase("Page", 417, 36.7),
                  *phrase("Action", 555, 36.7)]
        second = [*phrase("No.", 35, 46.7), *phrase("/ Recommendation", 113, 46.7)]
        rows = [[*phrase(f"({i + 1})", 68, 80), *phrase("The force should review its plan.", 113, 80),
                 *phrase(f"Page {10 + i}", 417, 80)],
                phrase("and report on it.", 113, 90)]
        if i == 0:
            lines = [phrase(head, 605, 36.6), phrase("Part A Recommendations", 35, 48), labels[:],
                     second, *rows]
            lines[2] = [*[dict(w, top=w["top"] + 24) for w in labels], *phrase("RAG", 731, 60.7)]
            lines[3] = [dict(w, top=w["top"] + 24) for w in second]
            lines[4:] = [[dict(w, top=w["top"] + 24) for w in r] for r in rows]
        else:
            lines = [[*labels, *phrase(head, 605, 38.7), *phrase("RAG", 731, 36.7)], second, *rows]
        return PageLines(i, lines, 595.0, TableSettings.for_page([9.0] * 20, [10.0] * 20))

    pages = [page(i) for i in range(3)]
    dropped = first_lines_running_words(pages)
    assert dropped[1] == dropped[2] == head.split()


def test_a_section_heading_at_the_same_page_top_on_two_pages_is_no_running_head():
    """Each section's table starts a page, so "CAUSES FOR CONCERN" heads two of four pages at one height: recurring
    alone does not make a section's heading a page template's line (on most pages it would). Set aside as a running
    head, its rows fell under the section before (9471-218); the folio at the foot is still one."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import PageLines, running_lines

    headings = ["Dear Sir,", "CAUSES FOR CONCERN", "CAUSES FOR CONCERN", "RECOMMENDATIONS TO THE FORCE"]

    def page(i: int) -> PageLines:
        lines = [phrase(headings[i], 87, 85), [*phrase("AFI REF", 87, 105), *phrase("PAGE REF", 159, 105),
                                              *phrase("ISSUE OF CONCERN", 258, 105)],
                 [*phrase(f"({i + 1})", 106, 122), *phrase(f"Page {14 + i}", 159, 122),
                  *phrase(["The force should act.", "It must plan.", "Staff need training.", "Act now."][i], 258, 122)],
                 phrase(f"- {i + 1} -", 380, 560)]
        return PageLines(i, lines, 612.0, TableSettings.for_page([9.0] * 20, [11.0] * 20))

    running = running_lines([page(i) for i in range(4)])
    assert not {(1, 0), (2, 0)} & running
    assert {(i, 3) for i in range(4)} <= running


def test_two_labels_set_closer_than_a_phrase_gap_over_two_body_columns_are_two_labels():
    """A scanned header prints "NUMBER PAGE" a little more than a word space apart; the refs are centred under
    "NUMBER" and the page cells right-aligned under "PAGE", with white space between them on every row: two columns,
    not one "NUMBER PAGE" page column holding "1) Page 10" (held-out 9471-139: no ref in any row)."""
    from hmic_extract.extract.table.stream import words_to_rows

    w = _ocr_spaced_words

    def right(text, x1, top):
        width = sum(0.55 * 12.0 * len(word) for word in text.split()) + 8.5 * (len(text.split()) - 1)
        return w(text, x1 - width, top)

    words = [*w("NUMBER", 60, 84), *w("PAGE", 110.6, 84), *w("DETAIL", 190, 84), *w("UPDATE", 480, 84)]
    pages = [8, 10, 12, 9, 15, 21]
    for k, page in enumerate(pages):
        top = 120 + 45 * k
        words += [*w(f"{k + 1})", 73.4, top), *right(f"Page {page}", 168, top),
                  *w("The force should improve its supervision", 190, top), *w("Under way.", 480, top),
                  *w("of cases and its records.", 190, top + 15)]
    rows, _ = words_to_rows([(0, words, 842.0)], "ocr-lines/test")
    cells = [(r.ref, r.page_ref) for r in rows if r.kind is RowKind.CELLS]
    assert cells[0] == ("NUMBER", "PAGE")
    assert [c for c in cells[1:] if c[0]] == [(f"{k + 1})", f"Page {page}") for k, page in enumerate(pages)]


def test_two_header_labels_ocr_read_as_one_word_are_parted_where_the_body_parts():
    """Held-out 9471-301: in a dark header band OCR read "page" of "Report page" / "ref" and "Numb" of "Numb" / "er"
    as one word "pageNumb": the labels stacked as "Report ref" and "pageNumb er", the ref and page columns swapped
    and every row's ref read "Page". The body parts under the capital that starts the second label."""
    from hmic_extract.extract.table.stream import words_to_rows

    def box(text, x0, x1, top):
        return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": top + 14.0}

    def line(text, x0, top):
        out = []
        for word in text.split():
            out.append(box(word, x0, x0 + 7.0 * len(word), top))
            x0 += 7.0 * len(word) + 4.0
        return out

    words = [box("Report", 67, 102.5, 64), box("pageNumb", 102.5, 163.7, 64), box("HMICFRS", 174, 228, 64),
             box("Status", 460, 490, 64), box("ref", 68, 82, 78), box("er", 133.5, 142.8, 80),
             box("finding", 173, 211, 78)]
    for k in range(5):
        top = 110 + 40 * k
        words += [box("Page", 76.6, 98.6, top), box(f"{30 + k}", 102, 114.7, top), box(f"({k + 1})", 141, 158, top),
                  *line("The force should review its response to", 176, top), *line("missing children.", 176, top + 14)]
    rows, _ = words_to_rows([(0, words, 842.0)], "ocr-lines/test")
    cells = [(r.ref, r.page_ref) for r in rows if r.kind is RowKind.CELLS and r.issue.startswith("The")]
    assert cells == [(f"({k + 1})", f"Page {30 + k}") for k in range(5)]


def _ocr_spaced_words(text, x0, top, size=12.0):
    """OCR word boxes of ``text`` from ``x0``: words 8-9 pt apart, as an engine boxes them."""
    out, x = [], x0
    for word in text.split():
        width = 0.55 * size * len(word)
        out.append({"text": word, "x0": x, "x1": x + width, "top": top, "bottom": top + size})
        x += width + 8.5
    return out


def test_a_cells_first_line_that_opens_the_rows_on_several_page_tops_alike_is_no_running_head():
    """Rows of one finding type open alike ("We said that the force" / "should ..."), and four pages' first rows
    open with those words at one height: the phrase recurs like a page head printed beside a row's cells, but its
    cell's text wraps on under it from where it starts. A head shares no column with the lines under it; set aside,
    the rows lost their first line (9491-151)."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import PageLines, running_lines, running_words

    tails = ("should evaluate the", "should review its", "should make sure", "should take steps to")

    def page(i: int) -> PageLines:
        lines = [phrase("OFFICIAL", 487, 49.2),
                 [*phrase(f"ISSUE{53 + 5 * i}.", 88, 95.2), *phrase(f"Page {27 + 2 * i}", 158, 95.2),
                  *phrase("We said that the force", 213, 95.2)],
                 phrase(tails[i], 213, 108.5), phrase("benefits of its plan.", 213, 121.9),
                 [*phrase(f"ISSUE{54 + 5 * i}.", 88, 135.3), *phrase(f"Page {28 + 2 * i}", 158, 135.3),
                  *phrase("The force needs to act.", 213, 135.3)],
                 phrase("OFFICIAL", 487, 740.0)]
        return PageLines(i, lines, 792.0, TableSettings.for_page([9.0] * 20, [13.4] * 20))

    pages = [page(i) for i in range(4)]
    running = running_lines(pages)
    assert {(i, 0) for i in range(4)} <= running  # the page head itself still goes
    assert not [key for key in running_words(pages, running) if key[1] == 1]


def test_a_rows_text_run_on_past_the_page_foot_down_its_column_stays_the_rows():
    """A row too tall for any page (a typesetter that cannot break a row) sets its text on past the page's foot: its
    lines go on down the column at the wrapped lines' pitch into the bottom margin and beyond the page's edge, where
    the words still are. They are the row's text, not running lines (the row lost its last sentence, 9491-151); the
    note under them ("Continued overleaf") is not."""
    from hmic_extract.extract.table.stream import words_to_rows

    tail = ["its action plan has no", "completion dates, and", "it has not yet agreed", "how it will measure",
            "whether the changes", "it has made are", "working. Until the", "force records crime",
            "accurately it cannot", "understand the demand."]
    words = [*phrase("REF.", 88, 80), *phrase("PAGE", 158, 80), *phrase("FINDING", 213, 80),
             *phrase("COMMENTS", 400, 80)]
    for n in range(3):
        top = 100 + 40 * n
        words += [*phrase(f"{n + 1}.", 88, top), *phrase(f"Page {n + 4}", 158, top),
                  *phrase("The force should review", 213, top), *phrase("its plan for the future.", 213, top + 13.35)]
    words += [*phrase("4.", 88, 220), *phrase("Page 9", 158, 220), *phrase("The force has identified", 213, 220)]
    top = 220 + 13.35
    while top < 700:
        words += phrase("serious problems in its", 213, top)
        top += 13.35
    for text in tail:
        words += phrase(text, 213, top)
        top += 13.35
    words += phrase("Continued overleaf", 452, top + 2)
    rows, _ = words_to_rows([(0, words, 792.0)], "stream")
    cells = [r.issue for r in rows if r.kind is RowKind.CELLS and r.issue]
    assert cells[-len(tail):] == tail
    assert not [r for r in rows if r.kind is RowKind.CELLS and "Continued" in r.issue]


def test_a_page_head_beside_a_title_naming_two_roles_in_one_phrase_is_no_header_and_the_head_over_a_label_goes():
    """A sheet prints its page head ("Saltcombe Vale Police") beside the title on the first page ("Annex – HMICFRS
    findings and actions", one phrase naming two roles) and over the last label of the header its print titles repeat
    on the others, starting left of it ("Owner" then seems drawn back). The title line is no header (one phrase names
    the roles, the other none), so the head recurs on a line no header holds and goes; the label stays (the label
    went, and the head made a column whose edge cut every long row's text into a band, 9491-138)."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import PageLines

    def page(i: int) -> PageLines:
        labels = [*phrase("Page", 40, 41), *phrase("Report Ref", 155, 41), *phrase("Finding type", 237, 41),
                  *phrase("Description", 327, 41)]
        head = phrase("Saltcombe Vale Police", 712, 38.7)
        row = [*phrase(f"Pg {27 + i}", 40, 66), *phrase(f"{19 + i}", 155, 66), *phrase("Issue of concern", 237, 66),
               *phrase("Spending on overtime was above budget, largely to cover vacancies.", 327, 66)]
        if i == 0:
            lines = [[*phrase("Annex – HMICFRS findings and actions", 40, 38.7), *head],
                     [*[dict(w, top=53.0) for w in labels], *phrase("Owner", 730, 53)], row]
        else:
            lines = [[*labels, *head, *phrase("Owner", 730, 41)], row]
        return PageLines(i, lines, 595.0, TableSettings.for_page([7.2] * 20, [7.9] * 20))

    dropped = first_lines_running_words([page(i) for i in range(3)])
    assert dropped[1] == dropped[2] == ["Saltcombe", "Vale", "Police"]


def _glued_header_rows(header: list[dict], body: list[list[dict]]):
    from hmic_extract.extract.table.stream import words_to_rows

    words = header + [w for row in body for w in row]
    rows, _ = words_to_rows([(0, words, 842.0)], "stream")
    return [r for r in rows if r.kind is RowKind.CELLS and r.issue.startswith("The")]


def test_two_labels_glued_in_one_word_are_parted_where_the_vocabulary_cuts_it():
    """Held-out 9491-106: pdflatex ran "NUMBER" on past its narrow column up to "REPORT" (over "PAGE" / "REF"), one
    word "NUMBERREPORT" on the text layer: stacked as one label "NUMBERREPORT PAGE REF" the table had no ref column
    and no row came out. Two column-name words glued with no space are two labels set touching."""
    header = [*phrase("FINDING", 80, 100), {"text": "NUMBERREPORT", "x0": 132, "x1": 222, "top": 100, "bottom": 109},
              *phrase("DETAIL", 227, 100), *phrase("RAG", 384, 100), *phrase("COMMENTS", 430, 100),
              *phrase("TYPE", 80, 112), *phrase("PAGE", 182, 112), *phrase("REF", 185, 124)]
    body = [[*phrase("CoC", 80, 140 + 40 * k), *phrase(f"COC{k + 1}", 134, 140 + 40 * k),
             *phrase(f"{11 + k}", 190, 140 + 40 * k), *phrase("The force should review its", 227, 140 + 40 * k),
             *phrase("Green", 384, 140 + 40 * k), *phrase("response to calls.", 227, 152 + 40 * k)]
            for k in range(4)]
    rows = _glued_header_rows(header, body)
    assert [(r.ref, r.page_ref) for r in rows] == [(f"COC{k + 1}", f"{11 + k}") for k in range(4)]


def test_a_label_glued_to_the_next_labels_first_word_is_parted_where_the_vocabulary_cuts_it():
    """Dev 9481-122: "Report page ref" run on past its column up to "Recommendation": "refRecommendation" on the text
    layer, read as one label naming the ref column; the page column was lost and the tool found no table."""
    header = [*phrase("Ref", 70, 100), *phrase("Report page", 110, 100),
              {"text": "refRecommendation", "x0": 159.5, "x1": 241, "top": 100, "bottom": 109},
              *phrase("Responsible", 354, 100), *phrase("Action Taken", 407, 100), *phrase("officer", 354, 112)]
    body = [[*phrase(f"AFI {k + 1}", 70, 140 + 40 * k), *phrase(f"p. {11 + k}", 110, 140 + 40 * k),
             *phrase("The force should review its", 172, 140 + 40 * k), *phrase("Being progressed", 407, 140 + 40 * k),
             *phrase("response to calls.", 172, 152 + 40 * k)]
            for k in range(4)]
    rows = _glued_header_rows(header, body)
    assert [(r.ref, r.page_ref) for r in rows] == [(f"AFI {k + 1}", f"p. {11 + k}") for k in range(4)]


def test_a_label_run_on_past_its_column_opens_a_label_however_close_the_label_before_is_set():
    """Held-out 9491-106: "NUMBER" set a word space after "FINDING" (over "TYPE") and run on into "REPORT": with one row
    under the header no gutter parts "FINDING" from "NUMBER"; a word runs on past its column only as the first of its
    line, so "NUMBER" opens a label of its own, the reading naming the ref column as well."""
    header = [*phrase("FINDING", 80, 100), {"text": "NUMBERREPORT", "x0": 114, "x1": 204, "top": 100, "bottom": 109},
              *phrase("DETAIL", 227, 100), *phrase("RAG", 384, 100), *phrase("COMMENTS", 430, 100),
              *phrase("TYPE", 80, 112), *phrase("PAGE", 165, 112), *phrase("REF", 168, 124)]
    body = [[*phrase("CoC", 80, 140), *phrase("COC1", 118, 140), *phrase("11", 172, 140),
             *phrase("The force should review its", 227, 140), *phrase("Green", 384, 140),
             *phrase("response to calls.", 227, 152)]]
    rows = _glued_header_rows(header, body)
    assert [(r.ref, r.page_ref) for r in rows] == [("COC1", "11")]


def test_two_labels_set_closer_than_a_phrase_gap_but_wider_than_a_word_space_are_parted_by_their_roles():
    """Held-out 9491-156: "FINDING TYPE" ran on to 3.4 pt short of "NO." (the page's word space 1.9 pt, its phrase gap
    5.3 pt): read as one label "FINDING TYPE NO." (a finding: the issue column) the table had no ref column. A gap
    wider than the page's word spaces between two runs of words that each name a column is two labels."""
    header = [*phrase("FINDING TYPE", 50, 84), *phrase("NO.", 106.5, 84), *phrase("RECOMMENDATION", 170, 84),
              *phrase("PAGE", 357, 84), *phrase("ACTION TAKEN", 400, 84), *phrase("REFERENCE", 357, 93)]
    body = [[*phrase("IOC", 50, 120 + 30 * k), *phrase(f"IOC{k + 1}", 129, 120 + 30 * k),
             *phrase("The force should review its response to", 170, 120 + 30 * k),
             *phrase(f"Page {6 + k}", 367, 120 + 30 * k), *phrase("calls from the public.", 170, 129 + 30 * k)]
            for k in range(4)]
    rows = _glued_header_rows(header, body)
    assert [(r.ref, r.page_ref) for r in rows] == [(f"IOC{k + 1}", f"Page {6 + k}") for k in range(4)]


def test_a_page_head_in_a_size_of_its_own_drawn_over_a_one_page_annexs_header_is_set_aside():
    """Dev 9481-102: a one-page annex whose page head "OFFICIAL – Dunmarsh PCC response to HMICFRS" (8.6 pt) prints
    over the header's labels (6.6 pt): no other page shows the head again, so it stayed on the header line, the labels
    read "PAGE OFFICIAL", "RESPONSIBL – Dunmarsh" and no ref column. Text set in a size of its own over a header's
    labels is the page template's, not a label."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import PageLines

    def sized(words, size):
        return [dict(w, size=size) for w in words]

    header = [*sized(phrase("REC", 37, 40), 6.6), *sized(phrase("DETAIL", 90, 40), 6.6),
              *sized(phrase("PAGE", 350, 40), 6.6), *sized(phrase("OFFICIAL – Dunmarsh PCC response", 363, 39), 8.6),
              *sized(phrase("RESPONSIBLE TARGET", 393, 40), 6.6)]
    lines = [header, sized([*phrase("NO.", 37, 49), *phrase("OFFICER", 393, 49)], 6.6),
             sized([*phrase("Rec1", 55, 80), *phrase("The force should review.", 90, 80), *phrase("Page 10", 359, 80)],
                   6.6)]
    page = PageLines(0, lines, 842.0, TableSettings.for_page([6.6] * 20, [8.0] * 20))
    assert first_lines_running_words([page]) == [["OFFICIAL", "–", "Dunmarsh", "PCC", "response"]]


def test_a_glued_labels_pieces_are_parted_where_the_pdf_draws_them():
    """Dev 9481-122: "refRecommendation" of glyphs of unequal width ("ref" narrow, "R" wide): parted at an even share
    of the word's width, "Recommendation" started 1.8 pt right of where it is drawn, where every line of the text
    column starts, so each such line crossed the column's edge and no row came out. The pieces start where their
    first glyphs are drawn."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import glyph_words
    from hmic_extract.extract.table.text import Glyph, glyphs_to_lines

    widths = [3.4, 4.6, 3.4, 5.2, 4.6, 4.0, 4.8, 7.7, 7.7, 4.6, 5.1, 5.0, 4.7, 3.4, 2.4, 4.8, 5.1]
    glyphs, x = [], 159.5
    for k, (c, width) in enumerate(zip("refRecommendation", widths, strict=True)):
        x += 1.15 if k == 3 else 0.0
        glyphs.append(Glyph(c, x, 106.0, x + width, 114.0, size=7.8, drawn=k))
        x += width
    settings = TableSettings.for_page([7.8] * 20)
    words = glyph_words(glyphs_to_lines(glyphs, settings)[0], settings)
    assert [w["text"] for w in words] == ["refRecommendation"]
    assert words[0]["cuts"] == [glyphs[3].x0]


def test_a_bar_a_scans_layer_read_off_a_speck_in_the_header_line_is_no_column_label():
    """Held-out 9491-330: a scanner's OCR layer read a speck on the header line as "|", set after "ISSUE": taken as a
    label it made a column of its own where the text column's lines start, and every row's text went to it."""
    from hmic_extract.extract.table.stream import words_to_rows

    words = stream_words([("row", str(n), f"Page {n + 4}", three_lines(n)) for n in range(1, 4)])
    for word in words:
        if word["top"] == 100.0 and 160 <= word["x0"] < 460:  # the label set a little left of its column's lines
            word["x0"], word["x1"] = word["x0"] - 8.0, word["x1"] - 8.0
    rows, _ = words_to_rows([(0, words, 842.0)], "stream")
    assert all(r.issue.startswith("The force should") for r in rows
               if r.kind is RowKind.CELLS and r.ref in ("1", "2", "3"))  # read right without the bar
    words.append({"text": "|", "x0": 235.0, "x1": 235.5, "top": 100.0, "bottom": 109.0})
    rows, _ = words_to_rows([(0, words, 842.0)], "stream")
    cells = [r for r in rows if r.kind is RowKind.CELLS and r.ref.strip() not in ("", "Ref")]
    assert [r.ref for r in cells] == ["1", "2", "3"]
    assert all(r.issue.startswith("The force should") for r in cells)
