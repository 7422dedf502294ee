"""Ruled annex tables: header found below title rows, section bands, continuation parts, column roles."""

from __future__ import annotations

from pathlib import Path

from hmic_extract.extract.pdf import open_pdf
from hmic_extract.extract.table.ruled import extract_ruled
from hmic_extract.model import RawDocument, RowKind
from hmic_extract.normalise import normalise

SAMPLES = Path(__file__).resolve().parents[3] / "samples"


def table_pdf(path: Path, data: list[list[str]], spans: list[int]) -> Path:
    """A one-page PDF with one ruled table; rows listed in ``spans`` are merged across all columns."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    style = getSampleStyleSheet()["BodyText"]
    cells = [[Paragraph(c, style) if c else "" for c in row] for row in data]
    table = Table(cells, colWidths=[90, 60, 70, 330, 170])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               *[("SPAN", (0, r), (-1, r)) for r in spans]]))
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build([table])
    return path


def test_a_header_below_a_title_row_inside_the_table_is_found_and_the_title_kept_as_text(tmp_path):
    pdf_path = table_pdf(tmp_path / "annex.pdf", [
        ["Annex A: HMICFRS findings and force response", "", "", "", ""],
        ["Type", "No.", "Page", "Finding", "Progress"],
        ["Area for improvement", "1", "p. 12", "The force should improve its crime recording.", ""],
        ["Areas for improvement", "", "", "", ""],
        ["Area for improvement", "2", "pp. 14-15", "The force should review its use of bail.", ""],
    ], spans=[0, 3])
    with open_pdf(pdf_path) as pdf:
        rows, pages = extract_ruled(pdf, range(pdf.page_count))
    assert pages == [0]
    texts = [r.text for r in rows if r.kind is RowKind.TEXT]
    assert "Annex A: HMICFRS findings and force response" in texts
    doc = normalise(RawDocument(source="annex.pdf", kind="annex", rows=rows))
    assert [(f.section, f.ref, f.pages) for f in doc.findings] == [
        ("Areas for improvement", 1, [12]), ("Areas for improvement", 2, [14, 15])]


def test_a_table_without_an_annex_header_is_not_read(tmp_path):
    pdf_path = table_pdf(tmp_path / "grades.pdf", [
        ["Question", "Grade", "Year", "Notes", "Trend"],
        ["How effective is the force at preventing crime?", "Good", "2016", "", "up"],
    ], spans=[])
    with open_pdf(pdf_path) as pdf:
        assert extract_ruled(pdf, range(pdf.page_count)) == ([], [])


def test_a_word_run_on_past_its_cells_rule_stays_in_the_cell_it_starts_in():
    """LaTeX sets "Recommendation" wider than a narrow Type column: its last letters lie over the Ref cell, whose own
    number "30" is centred there. Placed glyph by glyph the ref read "dati 30 on"; a word stays in the cell it starts
    in."""
    from hmic_extract.extract.table.ruled import Grid, grid_to_part
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.text import Glyph

    glyphs = [Glyph(c, 100.0 + 5.0 * k, 100.0, 105.0 + 5.0 * k, 110.0, size=10.0, drawn=k)
              for k, c in enumerate("Recommendation")]
    glyphs += [Glyph(c, 185.0 + 5.0 * k, 100.0, 190.0 + 5.0 * k, 110.0, size=10.0, drawn=20 + k)
               for k, c in enumerate("30")]
    grid = Grid((98.0, 95.0, 260.0, 115.0), [((98.0, 95.0, 260.0, 115.0),
                                              [(98.0, 95.0, 150.0, 115.0), (150.0, 95.0, 260.0, 115.0)])])
    part = grid_to_part(grid, glyphs, 0, ([], []), TableSettings())
    assert [c.text for c in part.rows[0].cells] == ["Recommendation", "30"]


def test_a_page_folio_printed_over_a_grid_row_the_page_edge_cut_is_no_cell_text():
    """A spreadsheet's tall row runs past the page foot, its grid cut there; the page's folio "- 3 -" prints inside the
    cut cell, far under its text. A page folio at the edge the row runs past is the page's, not the cell's (it ended
    the finding's text); a row the page holds whole keeps a number that is its text."""
    from hmic_extract.extract.table.ruled import Grid, grid_to_part
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.text import Glyph

    def glyphs_of(text, x, top, first):
        return [Glyph(c, x + 5.0 * k, top, x + 5.0 + 5.0 * k, top + 8.0, size=8.0, drawn=first + k)
                for k, c in enumerate(text) if c != " "]

    glyphs = glyphs_of("7", 62.0, 100.0, 0) + glyphs_of("The Urdu version is online.", 150.0, 100.0, 10) + \
        glyphs_of("- 3 -", 290.0, 796.0, 60)
    cut = Grid((60.0, 97.0, 400.0, 869.0), [((60.0, 97.0, 400.0, 869.0), [(60.0, 97.0, 140.0, 869.0),
                                                                            (140.0, 97.0, 400.0, 869.0)])])
    part = grid_to_part(cut, glyphs, 2, ([], []), TableSettings(), page_height=841.9)
    assert [c.text for c in part.rows[0].cells] == ["7", "The Urdu version is online."]
    whole = Grid((60.0, 97.0, 400.0, 810.0), [((60.0, 97.0, 400.0, 810.0), [(60.0, 97.0, 140.0, 810.0),
                                                                              (140.0, 97.0, 400.0, 810.0)])])
    part = grid_to_part(whole, glyphs, 2, ([], []), TableSettings(), page_height=841.9)
    assert part.rows[0].cells[1].text.endswith("- 3 -")


def test_a_page_folio_inside_a_cut_row_is_dropped_beside_other_cells_text_and_in_a_row_left_open_at_the_foot():
    """The folio "Page 4 of 6" prints on the same line as a tall action cell's text ("PCC."), or inside a row a
    browser printed past the foot of the page without its bottom rule (the page break cut it, though its box stays
    on the page): either way it is the page's, not the cells'."""
    from hmic_extract.extract.table.ruled import Grid, grid_to_part
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.text import Glyph

    def glyphs_of(text, x, top, first):
        return [Glyph(c, x + 5.0 * k, top, x + 5.0 + 5.0 * k, top + 8.0, size=8.0, drawn=first + k)
                for k, c in enumerate(text) if c != " "]

    boxes = [(60.0, 97.0, 140.0, 869.0), (140.0, 97.0, 400.0, 869.0), (400.0, 97.0, 520.0, 869.0)]
    glyphs = glyphs_of("7", 62.0, 100.0, 0) + glyphs_of("Spending on overtime.", 150.0, 100.0, 10) + \
        glyphs_of("Page 4 of 6", 250.0, 796.0, 60) + glyphs_of("PCC.", 410.0, 796.0, 80)
    cut = Grid((60.0, 97.0, 520.0, 869.0), [((60.0, 97.0, 520.0, 869.0), boxes)])
    part = grid_to_part(cut, glyphs, 3, ([], []), TableSettings(), page_height=841.9)
    assert [c.text for c in part.rows[0].cells] == ["7", "Spending on overtime.", "PCC."]

    open_foot = [(b[0], 97.0, b[2], 830.0) for b in boxes]
    glyphs = glyphs_of("7", 62.0, 100.0, 0) + glyphs_of("Spending on overtime.", 150.0, 100.0, 10) + \
        glyphs_of("Page 4 of 8", 250.0, 800.0, 60)
    left_open = Grid((60.0, 97.0, 520.0, 830.0), [((60.0, 97.0, 520.0, 830.0), open_foot)])
    part = grid_to_part(left_open, glyphs, 3, ([830.0], []), TableSettings(), page_height=841.9)
    assert part.rows[0].open_bottom
    assert [c.text for c in part.rows[0].cells] == ["7", "Spending on overtime.", ""]


def test_a_word_run_past_its_cells_rule_stays_whole_across_a_kerned_pair():
    from hmic_extract.extract.table.ruled import word_starts
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.text import Glyph

    # "RECOMMENDATION" run on past a narrow Type column's rule; loose boxes of the kerned pair "AT" overlap by 0.7 pt.
    glyphs, x = [], 108.0
    for letter in "RECOMMENDA":
        glyphs.append(Glyph(letter, x, 660.0, x + 7.0, 672.0, size=10.0))
        x += 7.0
    x -= 0.7
    for letter in "TION":
        glyphs.append(Glyph(letter, x, 660.0, x + 7.0, 672.0, size=10.0))
        x += 7.0
    placed = word_starts(glyphs, TableSettings.for_page([10.0] * 14))
    assert {placed[id(g)] for g in glyphs} == {glyphs[0].x_mid}


def test_a_page_folio_inside_a_row_run_on_into_the_page_margin_is_dropped():
    """pdflatex sets a row too tall for the page whole (it never breaks a row), running it past the text block into
    the bottom margin where the page's footer "Page 5 of 6" prints inside the row's text cell (held-out 9471-310: the
    finding's text ended "... trafficking. Page 5 of 6"). A row kept within the text block keeps a number that is its
    text."""
    from hmic_extract.extract.table.ruled import Grid, grid_to_part
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.text import Glyph

    def glyphs_of(text, x, top, first):
        return [Glyph(c, x + 5.0 * k, top, x + 5.0 + 5.0 * k, top + 8.0, size=8.0, drawn=first + k)
                for k, c in enumerate(text) if c != " "]

    glyphs = glyphs_of("AfI-4", 42.0, 55.0, 0) + glyphs_of("The force should make sure.", 150.0, 55.0, 10) + \
        glyphs_of("Page 5 of 6", 330.0, 580.9, 60)

    def part_on(height):
        bottom = 593.0
        grid = Grid((40.0, 51.4, 400.0, bottom), [((40.0, 51.4, 400.0, bottom), [(40.0, 51.4, 140.0, bottom),
                                                                                  (140.0, 51.4, 400.0, bottom)])])
        return grid_to_part(grid, glyphs, 4, ([], []), TableSettings(), page_height=height)

    assert [c.text for c in part_on(595.3).rows[0].cells] == ["AfI-4", "The force should make sure."]
    assert part_on(640.0).rows[0].cells[1].text.endswith("Page 5 of 6")


def test_two_labels_glued_across_a_cells_rule_are_parted_at_the_rule():
    """Dev 9481-131: pdflatex ran "ITEM" on past its narrow column's rule up to "DETAIL", set at the next cell's start
    with no gap a word space wide: placed by its first letter the one word "ITEMDETAIL" filled the Item cell and left
    the Detail cell empty, so no header was found. A word the column-name words make up is two words where one of them
    starts past a rule the word started before ("Recommendation" run on past the rule stays whole)."""
    from hmic_extract.extract.table.ruled import Grid, grid_to_part
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.text import Glyph

    glyphs = [Glyph(c, 74.0 + 7.0 * k, 70.0, 81.0 + 7.0 * k, 80.0, size=12.0, drawn=k) for k, c in enumerate("ITEM")]
    glyphs += [Glyph(c, 103.5 + 7.0 * k, 70.0, 110.5 + 7.0 * k, 80.0, size=12.0, drawn=4 + k)
               for k, c in enumerate("DETAIL")]
    grid = Grid((68.0, 65.0, 330.0, 85.0), [((68.0, 65.0, 330.0, 85.0),
                                             [(68.0, 65.0, 98.0, 85.0), (98.0, 65.0, 330.0, 85.0)])])
    part = grid_to_part(grid, glyphs, 0, ([], []), TableSettings.for_page([12.0] * 10))
    assert [c.text for c in part.rows[0].cells] == ["ITEM", "DETAIL"]


def test_a_page_footer_printed_over_a_row_run_past_the_text_block_is_no_cell_text():
    """Dev 9481-131: pdflatex ran a tall row on past the text block, and the page template printed its footer
    "Vale Police | 27 February 2020 | Page 3" over the row, its "2020" falling in the page column ("4 2020"). The same
    line, numbers aside, stands at that height outside any table on the other pages: a page template's, not the row's.
    A repeated header line, inside a table on every page, and a line of the row's own text stay."""
    from hmic_extract.extract.table.ruled import Grid, grid_to_part, template_glyphs
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.text import Glyph

    def glyphs_of(text, x, top, size):
        return [Glyph(c, x + 0.5 * size * k, top, x + 0.5 * size * (k + 1), top + size, size=size)
                for k, c in enumerate(text) if c != " "]

    settings = TableSettings.for_page([12.0] * 20)
    header = (68.0, 60.0, 527.0, 80.0)
    pages = []
    for n in range(3):
        glyphs = glyphs_of("ITEM DETAIL PAGE", 70.0, 64.0, 12.0) + \
            glyphs_of(f"Vale Police | 27 February 2020 | Page {n + 1}", 197.0, 798.7, 9.0)
        pages.append((n, glyphs, [header, (68.0, 80.0, 527.0, 700.0 if n < 2 else 900.0)], 841.9))
    row = glyphs_of("1", 75.0, 90.0, 12.0) + glyphs_of("The force should act.", 100.0, 90.0, 12.0) + \
        glyphs_of("4", 330.0, 90.0, 12.0) + glyphs_of("reported to the PCC.", 100.0, 793.5, 12.0)
    pages[2][1].extend(row)
    template = template_glyphs(pages, settings)
    footer = {id(g) for g in pages[2][1] if g.size == 9.0}
    assert template == footer
    boxes = [(68.0, 80.0, 98.0, 900.0), (98.0, 80.0, 325.0, 900.0), (325.0, 80.0, 360.0, 900.0),
             (360.0, 80.0, 527.0, 900.0)]
    grid = Grid((68.0, 80.0, 527.0, 900.0), [((68.0, 80.0, 527.0, 900.0), boxes)])
    assert grid_to_part(grid, pages[2][1], 2, ([], []), settings, page_height=841.9).rows[0].cells[2].text != "4"
    part = grid_to_part(grid, pages[2][1], 2, ([], []), settings, page_height=841.9, template=template)
    assert [c.text for c in part.rows[0].cells] == ["1", "The force should act.\nreported to the PCC.", "4", ""]
