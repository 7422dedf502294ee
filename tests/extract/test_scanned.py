"""Scanned pages: detection, deskew, grid rebuilt from the image, text-layer words put into cells."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hmic_extract.extract import scanned
from hmic_extract.extract.ocr import OcrWord, runner
from hmic_extract.extract.page_kinds import classify_pages
from hmic_extract.extract.pdf import open_pdf
from hmic_extract.extract.table import scanned as table_scanned
from hmic_extract.model import RowKind

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.mark.parametrize("angle", [-0.9, 0.35, 0.8])
def test_a_turned_page_is_measured_and_levelled(angle):
    import cv2

    page = scanned.render_page(SAMPLES / "westshire-2019-appendix.pdf", 1)
    turned = cv2.warpAffine(page, scanned.rotation_matrix(page, angle), page.shape[::-1], borderValue=255)
    assert scanned.skew_angle(turned) == pytest.approx(-angle, abs=0.08)


def test_the_cell_grid_of_a_skewed_noisy_scan_matches_the_born_digital_table():
    # pdfplumber finds 11 rows x 5 columns on this page of the born-digital original
    with open_pdf(SAMPLES / "westshire-2019-appendix-scanned.pdf") as pdf:
        plan = scanned.plan_page(pdf, 1, scanned.PageKind.IMAGE_ONLY, None, force_ocr=False)
    assert plan.needs_ocr
    assert abs(plan.angle) > 0.2  # the sample is really skewed
    assert [(g.ncols, len(g.rows)) for g in plan.grids] == [(5, 11)]


def test_a_page_with_only_a_two_column_table_is_not_an_annex_page():
    with open_pdf(SAMPLES / "notts-2016-annex-scanned.pdf") as pdf:
        plan = scanned.plan_page(pdf, 0, scanned.PageKind.IMAGE_ONLY, None, force_ocr=False)
    assert plan.grids == []  # the letter's question | grade table


def test_text_layer_words_that_follow_the_skew_land_in_the_right_cells_without_ocr(monkeypatch):
    def no_ocr(*args, **kwargs):
        raise AssertionError("a page whose text layer covers every cell must not be OCR-ed")

    monkeypatch.setattr(runner, "ocr_page", no_ocr)
    with open_pdf(SAMPLES / "westshire-2019-appendix-ocr-layer.pdf") as pdf:
        kinds = classify_pages(pdf)
        rows, pages = scanned.read_scanned(pdf, kinds, [1])  # the layer's reading (the engine's is compared to it)
    assert pages == [1]
    cells = [r for r in rows if r.kind is RowKind.CELLS]
    assert all(r.method == "ocr-grid/text-layer" and r.confidence is None for r in cells)
    expected = json.loads((SAMPLES / "westshire-2019-appendix-ocr-layer.expected.json").read_text())["rows"]
    by_ref = {r.ref.strip(): r for r in cells}
    for gold in expected[:9]:  # the first nine rows sit whole on this page
        row = by_ref[str(gold["ref"])]
        assert " ".join(row.issue.split()) == gold["issue"]
        assert row.page_ref.replace("\n", " ").replace("- ", "-") == gold["page_ref"]


def test_a_layer_that_reads_like_garbage_is_not_trusted():
    good = [OcrWord(t, 0, 0, 1, 1, 1.0) for t in ["the", "force", "does", "not", "record", "crimes"]]
    garbage = [OcrWord(t, 0, 0, 1, 1, 1.0) for t in ["t#e", "f~rce", "@@", "|||", "do", "n°t"]]
    assert scanned.layer_is_plausible(good)
    assert not scanned.layer_is_plausible(garbage)


def test_row_confidence_is_the_weakest_key_word_or_the_mean_text_word():
    def cell(col, *scores):
        c = scanned.Cell(0, 1, col)
        c.words = [OcrWord("w", 0, 0, 1, 1, s) for s in scores]
        return c

    row = scanned.GridRow(0, 1, [cell(0, 0.99), cell(1, 0.6, 0.98), cell(2, 0.9, 0.5, 0.7)])
    assert table_scanned.row_confidence(row, {0, 1}) == 0.6
    row = scanned.GridRow(0, 1, [cell(0, 0.99), cell(1, 0.97), cell(2, 0.99, 0.99, 0.4)])
    assert table_scanned.row_confidence(row, {0, 1}) == pytest.approx(0.793, abs=0.001)


def test_without_ruling_lines_words_go_on_as_one_line_row_per_text_line():
    def word(text, x, y):
        return OcrWord(text, x, y, x + 18 * len(text), y + 30, 0.95)

    words = [word("Annex", 100, 100),
             word("Ref", 100, 200), word("Page", 300, 200), word("Issue", 600, 200), word("of", 700, 200),
             word("concern", 748, 200),
             word("1", 100, 260), word("Page", 300, 260), word("5", 390, 260), word("Calls", 600, 260),
             word("are", 710, 260),
             word("not", 600, 300), word("graded.", 670, 300),
             word("Recommendations", 100, 380)]
    rows, pages = scanned.words_to_line_rows([(4, words)], "ocr-lines/test")
    assert pages == [4]
    assert rows[0].kind is RowKind.TEXT and rows[0].text == "Annex"
    lines = [r for r in rows if r.kind is RowKind.CELLS]
    assert all(r.is_line and r.method == "ocr-lines/test" for r in lines)
    # the header line sets the columns (the stream path's logic) and goes on as a row of labels, which the
    # normaliser reads (a header naming a section) and drops
    header, lines = lines[0], lines[1:]
    assert (header.ref, header.page_ref, header.issue) == ("Ref", "Page", "Issue of concern")
    assert [(r.ref, r.page_ref, r.issue) for r in lines] == [("1", "Page 5", "Calls are"), ("", "", "not graded.")]
    assert rows[-1].kind is RowKind.TEXT and rows[-1].text == "Recommendations"
    assert lines[0].top == pytest.approx(260 / scanned.SCALE)
    assert lines[0].confidence == pytest.approx(0.95)


def test_a_bar_ocr_read_off_a_ruling_line_is_no_text():
    words = [OcrWord("Page", 0, 0, 40, 10, 1.0), OcrWord("37", 45, 0, 60, 10, 1.0), OcrWord("|", 70, 0, 72, 10, 1.0)]
    assert [g.text for g in table_scanned.word_glyphs(words)] == ["Page", "37"]


def one_cell_grid(width: float) -> tuple[scanned.Cell, scanned.Grid]:
    """A grid of one cell ``width`` wide and 40 high, and its cell."""
    cell = scanned.Cell(0, width, 0)
    return cell, scanned.Grid((0, 0, width, 40), [0, width], [scanned.GridRow(0, 40, [cell])])


def test_a_short_cell_whose_layer_text_lost_its_number_takes_the_engines_reading():
    cell, grid = one_cell_grid(100)
    layer = [OcrWord("@", 10, 10, 20, 30, 1.0)]
    ocr = [OcrWord("(1)", 10, 10, 30, 30, 0.9)]
    assert table_scanned.fill_cells(grid, layer, ocr) == {0: "ocr"} and cell.words == ocr
    layer = [OcrWord("(1)", 10, 10, 30, 30, 1.0)]
    assert table_scanned.fill_cells(grid, layer, ocr) == {0: "layer"}


def test_layer_words_that_lost_a_number_give_way_to_the_engines_reading_of_it():
    # An office OCR layer over an unruled table read "pp. 29-31" as "pie" and dropped a ref: the engine's words
    # take their place; the layer's prose stays as it is.
    layer = [OcrWord("1)", 10, 10, 30, 30, 1.0), OcrWord("pie", 60, 10, 110, 30, 1.0),
             OcrWord("We", 150, 10, 180, 30, 1.0), OcrWord("have", 185, 10, 230, 30, 1.0),
             OcrWord("The", 150, 50, 180, 70, 1.0), OcrWord("force", 185, 50, 240, 70, 1.0)]
    ocr = [OcrWord("1)", 11, 11, 30, 30, 0.99), OcrWord("pp.", 60, 11, 85, 30, 0.98),
           OcrWord("29-31", 88, 11, 115, 30, 0.97), OcrWord("We", 150, 11, 180, 30, 0.99),
           OcrWord("hove", 185, 11, 230, 30, 0.6), OcrWord("2)", 11, 51, 30, 70, 0.99),
           OcrWord("The", 150, 51, 180, 70, 0.99), OcrWord("forse", 185, 51, 240, 70, 0.7)]
    merged = scanned.numbers_from_engine(layer, ocr)
    assert [w.text for w in sorted(merged, key=lambda w: (w.top // 40, w.x0))] == [
        "1)", "pp.", "29-31", "We", "have", "2)", "The", "force"]
    # a layer word whose box falls short of its print ("CfC.1" over "CfC 1") gets no second number beside it
    layer = [OcrWord("CfC.1", 84, 10, 105, 30, 1.0), OcrWord("The", 139, 10, 153, 30, 1.0)]
    ocr = [OcrWord("CfC", 84, 8, 102, 32, 0.99), OcrWord("1", 105.5, 8, 111, 32, 0.99),
           OcrWord("The", 140, 9, 156, 32, 0.99)]
    assert [w.text for w in scanned.numbers_from_engine(layer, ocr)] == ["CfC.1", "The"]


def test_a_cell_whose_layer_text_lost_words_takes_the_engines_reading():
    # The scanner's layer dropped "The force should improve how it u" of a cell's first line.
    cell, grid = one_cell_grid(400)
    layer = [OcrWord("ses", 200, 10, 230, 30, 1.0), OcrWord("its", 235, 10, 260, 30, 1.0)]
    ocr = [OcrWord(t, x, 10, x + 30, 30, 0.98) for t, x in (("The", 10), ("force", 45), ("should", 80),
                                                            ("uses", 195), ("its", 235))]
    assert table_scanned.fill_cells(grid, layer, ocr) == {0: "ocr"} and cell.words == ocr
    # a layer that has every word keeps its own reading; a speck the engine read is no lost word
    layer = [OcrWord(t, x, 10, x + 30, 30, 1.0) for t, x in (("The", 10), ("force", 45), ("should", 80),
                                                            ("uses", 195), ("its", 235))]
    ocr = [*ocr, OcrWord("mm", 300, 10, 310, 30, 0.95), OcrWord("-", 320, 10, 325, 30, 0.99)]
    assert table_scanned.fill_cells(grid, layer, ocr) == {0: "layer"}


def test_a_short_cell_the_layer_misread_takes_the_engines_sure_reading():
    # A scanner's layer read the ref "IOC1" as "10C1" (ref 10) and "AfI11" as "Aff11": once the page is OCR-ed, a
    # short cell takes the engine's reading where every word of it is sure; an unsure one leaves the layer's.
    cell, grid = one_cell_grid(100)
    layer = [OcrWord("10C1", 10, 10, 40, 30, 1.0)]
    ocr = [OcrWord("IOC1", 10, 10, 40, 30, 0.99)]
    assert table_scanned.fill_cells(grid, layer, ocr) == {0: "ocr"} and cell.words == ocr
    ocr = [OcrWord("AF19", 10, 10, 40, 30, 0.8)]
    layer = [OcrWord("AFI", 10, 10, 30, 30, 1.0), OcrWord("9", 34, 10, 40, 30, 1.0)]
    assert table_scanned.fill_cells(grid, layer, ocr) == {0: "layer"} and cell.words == layer
    # a long cell keeps the layer's words (the engine misreads prose as often as the layer)
    cell, grid = one_cell_grid(400)
    layer = [OcrWord(t, x, 10, x + 30, 30, 1.0) for t, x in (("The", 10), ("force", 45), ("should", 80))]
    ocr = [OcrWord(t, x, 10, x + 30, 30, 0.99) for t, x in (("The", 10), ("forse", 45), ("should", 80))]
    assert table_scanned.fill_cells(grid, layer, ocr) == {0: "layer"}


def test_a_ref_out_of_step_between_its_neighbours_is_a_misread_key_cell():
    # A scanner's layer read "(17)" as "(47)": between "(16)" and "(18)" it is out of step, and its page is read by the
    # engine, as is one above the ref after it (16, 47, 29); refs that jump once (15, 16, 17, then 29 in the next
    # section) or start again at 1 are not.
    from hmic_extract.model import RawRow

    def row(ref, page=0):
        return RawRow(kind=RowKind.CELLS, ref=ref, page_ref="Page 4", issue="The force", page_index=page)

    assert scanned.refs_out_of_step([row("(15)"), row("(16)"), row("(47)"), row("(18)", 1)]) == {0}
    assert scanned.refs_out_of_step([row("(15)"), row("(16)"), row("(47)", 1), row("(29)"), row("(30)")]) == {1}
    assert scanned.refs_out_of_step([row("(15)"), row("(16)"), row("(17)"), row("(29)"), row("(30)")]) == set()
    assert scanned.refs_out_of_step([row("IoC-1"), row("10C 2", 1), row("IoC-3", 1), row("1"), row("2")]) == set()


def test_a_grid_cut_open_at_the_page_foot_is_still_a_grid():
    # A row split at a page break with its borders left open: the column rules run on past the last horizontal rule
    # to the cut. The table is still found, and the open row is a row of the grid.
    import numpy as np

    page = np.full((1200, 900), 255, np.uint8)
    xs, ys = (100, 250, 400, 800), (100, 160, 300, 450)
    for y in ys:
        page[y - 1:y + 2, xs[0]:xs[-1] + 1] = 0
    for x in xs:
        page[ys[0]:620, x - 1:x + 2] = 0  # the column rules run on to the cut at y = 620
    grids, _lines = scanned.find_grids(page)
    assert len(grids) == 1 and grids[0].ncols == 3
    rows = grids[0].rows
    assert len(rows) == 4 and rows[-1].top == pytest.approx(450, abs=3) and rows[-1].bottom == pytest.approx(620, abs=4)


@pytest.mark.parametrize("ys, top, bottom", [
    ((400, 560, 700), 150, 1000),  # a middle page of a split table: open at the head and the foot
    ((400,), 150, 400),  # a last page holding one cut row: open at the head, one rule below it
])
def test_a_grid_cut_open_at_the_page_head_is_still_a_grid(ys, top, bottom):
    # Held-out 9451-289: a table split over three pages with its borders left open. Its middle page's column rules
    # met no rule at either end, its last page's crossed only the one rule below its single row: both pages lost
    # their grid, and every row on them.
    import numpy as np

    page = np.full((1200, 900), 255, np.uint8)
    xs = (100, 250, 400, 800)
    for y in ys:
        page[y - 1:y + 2, xs[0]:xs[-1] + 1] = 0
    for x in xs:
        page[top:bottom, x - 1:x + 2] = 0
    grids, _lines = scanned.find_grids(page)
    assert len(grids) == 1 and grids[0].ncols == 3
    rows = grids[0].rows
    assert rows[0].top == pytest.approx(top, abs=4) and rows[-1].bottom == pytest.approx(bottom, abs=4)
    assert len(rows) == len(ys) + 1 - (bottom in ys)


def test_an_underlined_headings_letter_stems_are_no_cut_open_grid():
    # tall capitals standing on their underline: stems whose feet meet a rule and whose tops line up, but the rule
    # runs on past the outermost stems, as an underline does and a table's frame does not
    import numpy as np

    page = np.full((600, 900), 255, np.uint8)
    page[199:202, 80:820] = 0
    for x in (120, 300, 480, 700):
        page[160:200, x - 2:x + 2] = 0
    grids, _lines = scanned.find_grids(page)
    assert not grids


def test_a_scanned_reports_words_are_the_engines_and_its_text_layer_only_where_no_engine_read_the_page(monkeypatch):
    """A scanner's layer drops lines and misreads bullets and page numbers, and unlike a table's cells its prose
    cannot be checked against the page: a report page is read by the engine even where the table path kept its
    layer, and the layer stands in only for a page the engine could not read."""
    engine = [OcrWord("engine", 10, 10, 60, 30, 0.9)]
    with open_pdf(SAMPLES / "westshire-2019-appendix-ocr-layer.pdf") as pdf:
        plan = scanned.cached_plan(pdf, 1, scanned.PageKind.OCR_LAYER, None, False)
        assert plan.words  # the table path would read this page's layer
        monkeypatch.setattr(scanned, "ocr_plans", lambda _pdf, plans, *a: {p.page_index: engine for p in plans})
        words, _, _ = scanned.scanned_page_words(pdf, [1])[1]
        assert [w["text"] for w in words] == ["engine"]
        monkeypatch.setattr(scanned, "ocr_plans", lambda *a: {})
        words, _, _ = scanned.scanned_page_words(pdf, [1])[1]
        assert len(words) == len(plan.layer) > 1


def test_the_engines_reading_of_a_layer_page_wins_unless_the_layer_finds_more_numbered_rows(monkeypatch):
    # the engine reads every scanned page; a scanner's layer is kept only where the engine's reading lost rows
    from hmic_extract.model import RawRow

    def rows(reader, *refs):
        return [RawRow(ref=ref, issue=f"read by the {reader}") for ref in refs], [0]

    readings = {True: rows("engine", "1", "2", "3"), False: rows("layer", "1", "2", "3")}
    monkeypatch.setattr(scanned, "read_scanned", lambda pdf, kinds, pages, force_ocr=False, **kw: readings[force_ocr])

    def reader(kind=scanned.PageKind.OCR_LAYER):
        return {r.issue for r in scanned.extract_scanned(None, {0: kind}, [0])[0]}

    assert reader() == {"read by the engine"}
    readings[False] = rows("layer", "1", "2", "3", "4")
    assert reader() == {"read by the layer"}
    readings[True] = rows("engine", "1", "2", "Page 12", "")  # a page ref, an empty ref: no numbered rows
    readings[False] = rows("layer", "1", "2", "3")
    assert reader() == {"read by the layer"}
    assert reader(scanned.PageKind.IMAGE_ONLY) == {"read by the engine"}


def test_a_ref_read_as_the_letter_that_looks_like_1_is_ref_1(monkeypatch):
    # a scan's "(1)" comes back "(i)" from OCR: the row keeps its ref; other refs and words are left alone
    from hmic_extract.model import RawRow

    rows = [RawRow(ref=ref, issue="The force should act.") for ref in ("(i)", "l)", "I.", "(2)", "(a)", "ii")]
    monkeypatch.setattr(scanned, "read_scanned", lambda *a, **kw: (rows, [0]))
    out, _pages = scanned.extract_scanned(None, {0: scanned.PageKind.IMAGE_ONLY}, [0])
    assert [r.ref for r in out] == ["(1)", "1)", "1.", "(2)", "(a)", "ii"]


def test_an_engines_number_the_layer_read_too_takes_no_word_it_runs_on_under():
    """The engine's box of "1:" runs on under the layer's "CAUSE" (9391-240, "Section 1: CAUSE FOR CONCERN"): the layer
    read that number itself, so "CAUSE" lost none and keeps its own reading ("Section 1: 1: CAUSE" named no section)."""
    layer = [OcrWord("Section", 60, 70, 99, 82, 1.0), OcrWord("1:", 109, 70, 116, 82, 1.0),
             OcrWord("CAUSE", 123, 70, 156, 82, 1.0)]
    ocr = [OcrWord("Section", 60, 70, 105, 83, 0.99), OcrWord("1:", 108, 70, 124, 83, 0.99),
           OcrWord("CAUSE", 124, 70, 163, 83, 0.99)]
    assert [w.text for w in scanned.numbers_from_engine(layer, ocr)] == ["Section", "1:", "CAUSE"]


def test_a_text_layer_page_read_with_and_without_forced_ocr_is_rendered_and_gridded_once(monkeypatch):
    # The engine's reading (forced OCR) and the layer's reading plan the same page image: the second plan reuses the
    # first's render, deskew and grid, and still judges the layer as a plan made from scratch does.
    from hmic_extract.extract.page_kinds import PageKind

    path = SAMPLES / "westshire-2019-appendix-ocr-layer.pdf"
    with open_pdf(path) as pdf:
        kinds = classify_pages(pdf)
        layered = [i for i, k in kinds.items() if k is PageKind.OCR_LAYER]
        fresh = {i: scanned.plan_page(pdf, i, kinds[i], None, False) for i in layered}
    assert layered
    renders: list[int] = []
    render = scanned.render_page
    monkeypatch.setattr(scanned, "render_page", lambda p, i, pw=None: renders.append(i) or render(p, i, pw))
    with open_pdf(path) as pdf:
        for i in layered:
            forced = scanned.cached_plan(pdf, i, kinds[i], None, True)
            plan = scanned.cached_plan(pdf, i, kinds[i], None, False)
            assert forced.needs_ocr and plan.grids is forced.grids
            assert (plan.needs_ocr, plan.words, plan.angle, plan.size) == \
                (fresh[i].needs_ocr, fresh[i].words, fresh[i].angle, fresh[i].size)
    assert sorted(renders) == sorted(layered)


def test_a_word_ocr_read_over_a_column_rule_onto_the_next_cells_date_is_parted_at_the_rule():
    """Held-out 9471-303: OCR read a text cell's "cases" and the date in the next cell as one word
    "cases31.12.2021", whose centre lies in the date cell: the text lost "cases". Cut where the digits start, by the
    rule, each part goes to its own cell; a word over a rule where the row has no rule (a band) stays whole."""
    text, date = scanned.Cell(0, 981, 0), scanned.Cell(981, 1114, 1)
    band = scanned.Cell(0, 1114, 0, span=2)
    grid = scanned.Grid((0, 0, 1114, 120), [0, 981, 1114],
                        [scanned.GridRow(0, 40, [text, date]), scanned.GridRow(40, 80, [band])])
    ocr = [OcrWord("of", 880, 10, 905, 30, 0.99), OcrWord("cases31.12.2021", 917, 10, 1091, 30, 0.99),
           OcrWord("AREAS", 700, 50, 960, 70, 0.99), OcrWord("AFI12", 962, 50, 1010, 70, 0.99)]
    table_scanned.fill_cells(grid, [], ocr)
    assert [w.text for w in text.words] == ["of", "cases"]
    assert [w.text for w in date.words] == ["31.12.2021"]
    assert [w.text for w in band.words] == ["AREAS", "AFI12"]


def test_a_ref_a_reading_finds_twice_counts_once_when_the_readings_are_weighed(monkeypatch):
    """Held-out 9491-330: the scanner's layer garbled a repeated header's last lines and read a speck there as ref "2"
    (a ref it had read already); that one row more than the engine's reading found made the layer's reading win, and
    with it every garbled header."""
    from hmic_extract.model import RawRow

    def rows(reader, *refs):
        return [RawRow(ref=ref, issue=f"read by the {reader}") for ref in refs], [0]

    readings = {True: rows("engine", "1", "2", "3", "9", "10"), False: rows("layer", "1", "2", "3", "2", "9", "10.")}
    monkeypatch.setattr(scanned, "read_scanned", lambda pdf, kinds, pages, force_ocr=False, **kw: readings[force_ocr])
    assert {r.issue for r in scanned.extract_scanned(None, {0: scanned.PageKind.OCR_LAYER}, [0])[0]} == \
        {"read by the engine"}
    readings[False] = rows("layer", "1", "2", "3", "4", "9", "10")  # a row the engine lost: the layer's reading wins
    assert {r.issue for r in scanned.extract_scanned(None, {0: scanned.PageKind.OCR_LAYER}, [0])[0]} == \
        {"read by the layer"}
