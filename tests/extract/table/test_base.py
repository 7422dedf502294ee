"""The shared table reader: header search (stacked, below titles), columns, bands, cut rows, backward pass."""

from __future__ import annotations

from hmic_extract.extract.table.base import (
    Table,
    columns_from_labels,
    find_header,
    header_of,
    header_table,
    join_rows,
    line_row_cells,
    read_tables,
    row_to_raw,
    stack,
)
from hmic_extract.extract.table.model import Cell, PageTables, Part, Row
from hmic_extract.extract.table.settings import TableSettings
from hmic_extract.model import RowKind

SETTINGS = TableSettings()


def line(top, *words):
    """A text line whose cells are words: (text, x0, x1)."""
    return Row(top, top + 10, [Cell(t, x0, x1) for t, x0, x1 in words], is_line=True)


def words(text: str, x0: float, top: float) -> list[tuple[str, float, float]]:
    out, x = [], x0
    for w in text.split():
        out.append((w, x, x + 5 * len(w)))
        x += 5 * len(w) + 2.5
    return out


def test_a_wrapped_header_is_found_from_its_stacked_lines():
    rows = [line(10, *words("ANNEX A TEMPLATE", 50, 10)),
            line(30, *words("Report", 50, 30), *words("Page Ref", 98, 30), *words("Issue of concern", 160, 30),
                 *words("Action taken to", 440, 30)),
            line(42, *words("Ref", 50, 42), *words("address concern", 440, 42))]
    header = find_header(rows, SETTINGS, None)
    assert header is not None and (header.first, header.count) == (1, 2)
    assert header.roles == {"ref": 0, "page_ref": 1, "issue": 2, "action": 3}


def test_a_title_over_two_columns_does_not_stack_into_a_header():
    assert stack([line(10, *words("Cause of concern", 50, 10)),
                  line(22, *words("Ref", 50, 22), *words("Page Ref", 98, 22))], SETTINGS) is None


def test_a_label_a_narrow_column_broke_mid_word_is_read_whole():
    row = Row(0, 20, [Cell("Page", 0, 40), Cell("Numbe\nr", 40, 70), Cell("Detail", 70, 300), Cell("Update", 300, 400)])
    header = find_header([row], SETTINGS, 3)
    assert header is not None and header.roles["ref"] == 1


def test_a_line_running_across_a_column_edge_is_full_width_text():
    table = Table([50, 98, 160, 440, 520], {"ref": 0, "page_ref": 1, "issue": 2, "action": 3}, gridded=False)
    part = Part(0, (0, 0, 600, 800), [])
    raw = row_to_raw(line(700, *words("¹ Safeguarding: the process of protecting children", 50, 700)), part, table,
                     1, SETTINGS)
    assert raw is not None and raw.kind is RowKind.TEXT and raw.band
    raw = row_to_raw(line(100, ("12", 50, 60), *words("Page 4", 98, 100), *words("The force should", 160, 100)),
                     part, table, 1, SETTINGS)
    assert raw is not None and (raw.ref, raw.page_ref, raw.issue, raw.is_line) == ("12", "Page 4", "The force should",
                                                                                    True)


def test_a_cell_spanning_the_columns_is_a_band_row():
    table = Table([0, 40, 80, 300, 400], {"ref": 0, "page_ref": 1, "issue": 2}, gridded=True)
    raw = row_to_raw(Row(0, 20, [Cell("AREAS FOR IMPROVEMENT – EFFICIENCY", 0, 400)]), Part(0, (0, 0, 400, 800), []),
                     table, 3, SETTINGS)
    assert raw is not None and raw.kind is RowKind.TEXT and raw.band and raw.table_id == 3


def grid_part(page, rows, open_top=False, open_bottom=False, dx=0.0):
    edges = [e + dx for e in (0.0, 40.0, 80.0, 300.0)]
    out = []
    for n, cells in enumerate(rows):
        out.append(Row(100 + 30 * n, 130 + 30 * n, [Cell(t, a, b) for t, a, b in zip(cells, edges, edges[1:],
                                                                                       strict=False)],
                       open_top=open_top and n == 0, open_bottom=open_bottom and n == len(rows) - 1))
    return PageTables(page, [Part(page, (dx, 100, 300 + dx, 100 + 30 * len(rows)), out, edges)])


def test_a_row_left_open_at_a_page_cut_is_joined_with_its_other_part_not_glued_to_the_row_above():
    pages = [grid_part(0, [["Ref", "Page", "Issue of concern"], ["1", "Page 4", "First row."],
                           ["2", "Page 5", "Second row starts"]], open_bottom=True),
             grid_part(1, [["", "", "and ends here."], ["3", "Page 6", "Third row."]], open_top=True)]
    rows, found = read_tables(pages, header_search=4)
    cells = [(r.ref, r.issue) for r in rows if r.kind is RowKind.CELLS and r.ref != "Ref"]
    assert found == [0, 1]
    assert cells == [("1", "First row."), ("2", "Second row starts\nand ends here."), ("3", "Third row.")]


def test_a_ruled_part_drawn_a_few_points_further_left_continues_the_table_above():
    """reportlab draws a LongTable's part after a split 6 pt left of the header's part, every column as wide: the
    same grid moved sideways goes on with the table (it was dropped, and with it the section's other rows)."""
    pages = [grid_part(0, [["Ref", "Page", "Issue of concern"], ["1", "Page 4", "First row."]]),
             grid_part(1, [["2", "Page 5", "Second row."], ["3", "Page 6", "Third row."]], dx=-6.0)]
    rows, found = read_tables(pages, header_search=4)
    cells = [(r.ref, r.page_ref, r.issue) for r in rows if r.kind is RowKind.CELLS and r.ref != "Ref"]
    assert found == [0, 1]
    assert cells == [("1", "Page 4", "First row."), ("2", "Page 5", "Second row."), ("3", "Page 6", "Third row.")]


def test_a_header_below_a_title_row_on_a_later_part_is_found_and_earlier_parts_are_read_with_it():
    pages = [grid_part(0, [["1", "Page 4", "A row read before its header."]]),
             grid_part(1, [["Annex A: action plan", "", ""], ["Ref", "Page", "Issue of concern"],
                           ["2", "Page 5", "After the header."]])]
    rows, found = read_tables(pages, header_search=4)
    assert found == [0, 1]
    assert next((r.ref, r.issue) for r in rows if r.kind is RowKind.CELLS) == ("1", "A row read before its header.")
    assert any(r.kind is RowKind.TEXT and r.text.startswith("Annex A") and not r.band for r in rows)


def test_join_rows_keeps_each_columns_text_apart():
    upper = Row(0, 10, [Cell("4", 0, 40), Cell("Page 9", 40, 80), Cell("Begins", 80, 300)], open_bottom=True)
    lower = Row(0, 10, [Cell("", 0, 40), Cell("", 40, 80), Cell("ends.", 80, 300)], open_top=True)
    assert [c.text for c in join_rows(upper, lower).cells] == ["4", "Page 9", "Begins\nends."]


def test_a_wrapped_label_whose_second_line_is_alone_is_stacked():
    rows = [line(30, *words("REPORT", 50, 30), *words("PG", 130, 30), *words("FINDING", 200, 30),
                 *words("LEAD", 480, 30)),
            line(42, *words("REF", 50, 42))]
    header = find_header(rows, SETTINGS, None)
    assert header is not None and header.count == 2
    assert header.roles == {"ref": 0, "page_ref": 1, "issue": 2}


def test_a_lone_body_line_under_a_header_is_not_stacked_into_it():
    rows = [line(30, *words("Ref", 50, 30), *words("Page", 130, 30), *words("Issue of concern", 200, 30)),
            line(42, *words("12", 50, 42))]
    header = find_header(rows, SETTINGS, None)
    assert header is not None and header.count == 1


def test_a_gutter_running_up_to_the_end_of_the_range_is_found_when_text_starts_beyond_it():
    from hmic_extract.extract.table.base import gutters

    rows = [line(10, ("AFI", 120, 140), ("1", 142, 148), ("Page", 222, 245))]
    assert gutters(rows, 75, 218, SETTINGS) == [(75, 120), (148, 218)]


def test_an_unruled_column_edge_is_the_widest_gutter_not_a_gap_between_a_short_band_and_centred_refs():
    from hmic_extract.extract.table.base import columns_from_labels

    labels = [Cell("REPORT REF", 74, 124), Cell("PG", 202, 219), Cell("FINDING", 288, 340)]
    body = [line(40, ("2.", 74, 83), ("AFIS", 86, 113)),
            line(60, ("AFI", 120, 140), ("1", 142, 148), ("Page", 222, 245), ("42", 248, 260),
                 *words("The force should", 288, 60)),
            line(80, ("AFI", 120, 140), ("2", 142, 148), ("Page", 222, 245), ("44", 248, 260),
                 *words("The force needs", 288, 80))]
    edges = columns_from_labels(labels, body, 500, SETTINGS)
    assert 148 < edges[1] <= 222 and 260 < edges[2] <= 288


def test_a_body_row_whose_cells_name_roles_is_not_a_header():
    rows = [line(30, *words("Issue 3", 50, 30), *words("Pg 7", 130, 30),
                 *words("HMICFRS has concerns about the recording", 200, 30), *words("Comments received", 480, 30))]
    assert find_header(rows, SETTINGS, None) is None
    rows = [line(30, *words("COC 1", 50, 30), *words("pp. 29-31", 100, 30),
                 *words("We have serious concerns about the force", 160, 30), *words("The force accepts this finding.",
                                                                                   380, 30))]
    assert find_header(rows, SETTINGS, None) is None
    # a row's first line whose page cell wraps ("pp." / "29-31"): its ref is a cell of its own, a number
    rows = [line(30, *words("1", 50, 30), *words("pp.", 100, 30),
                 *words("We have serious concerns about the force's", 160, 30),
                 *words("The force accepts this finding. A", 380, 30))]
    assert find_header(rows, SETTINGS, None) is None


def test_a_row_a_page_break_cut_with_a_closed_border_is_joined_when_its_ref_and_page_were_cut_short():
    pages = [grid_part(0, [["Ref", "Page", "Issue of concern"], ["AfI-15", "Page 4", "First row."],
                           ["AfI-", "pp.", "Second row starts"]]),
             grid_part(1, [["Ref", "Page", "Issue of concern"], ["16", "56-58", "and ends here."],
                           ["AfI-17", "Page 60", "Third row."]])]
    rows, _found = read_tables(pages, header_search=4)
    cells = [(r.ref, r.page_ref, r.issue) for r in rows if r.kind is RowKind.CELLS and r.ref != "Ref"]
    assert cells == [("AfI-15", "Page 4", "First row."),
                     ("AfI-\n16", "pp.\n56-58", "Second row starts\nand ends here."),
                     ("AfI-17", "Page 60", "Third row.")]


def test_columns_set_tight_with_no_white_gutter_part_where_the_fewest_lines_run():
    from hmic_extract.extract.table.base import columns_from_labels

    labels = [Cell("#", 40, 45), Cell("DETAIL", 153, 186), Cell("PAGE REFERENCE", 325, 377)]
    body = [line(100, ("1", 40, 45), ("During", 153, 190), ("unallocated", 200, 320.5), ("4", 323.4, 329)),
            line(110, ("incidents", 153, 200), ("see", 210, 322.0)),
            line(120, ("2", 40, 45), ("The", 153, 170), ("crime", 180, 321.6), ("Page", 323.4, 348), ("6", 350, 355))]
    edges = columns_from_labels(labels, body, 500, SETTINGS)
    assert 315 < edges[2] <= 325


def test_the_first_body_line_under_a_repeated_header_is_not_stacked_into_its_labels():
    rows = [line(75, *words("Report Ref", 50, 75), *words("Page Ref", 120, 75), *words("HMICFRS finding", 200, 75),
                 *words("Comments", 480, 75)),
            line(88, *words("the signs of modern slavery and human", 200, 88), *words("Review under way", 480, 88))]
    header = find_header(rows, SETTINGS, None)
    assert header is not None and header.count == 1


def test_a_label_no_role_names_that_the_body_text_runs_across_is_no_column():
    labels = [("Ref", 60, 80), ("Page", 120, 145), ("Recommendation", 206, 292), ("Screen", 319, 409),
              ("Action", 447, 476)]
    rows = [line(100, *[(t, a, b) for t, a, b in labels])]
    for k in range(4):
        top = 130 + 14 * k
        rows.append(line(top, *words("the force should make sure its use of stop and", 206, top),
                         *words("Being progressed", 447, top)))
    rows.insert(1, line(116, ("1", 60, 66), ("p.34", 120, 140), *words("the force should make sure its use", 206, 116),
                        *words("Review", 447, 116)))
    header = find_header(rows, SETTINGS, None)
    from hmic_extract.extract.table.base import header_table

    table = header_table(Part(0, (0, 0, 800, 800), rows, None), header, SETTINGS)
    assert table.ncols == 4 and table.roles == {"ref": 0, "page_ref": 1, "issue": 2, "action": 3}


def test_a_lone_mark_a_scan_left_between_columns_does_not_make_a_line_full_width():
    table = Table([50, 98, 160, 440, 520], {"ref": 0, "page_ref": 1, "issue": 2, "action": 3}, gridded=False)
    part = Part(0, (0, 0, 600, 800), [])
    raw = row_to_raw(line(100, *words("are poorly supervised and victims are let down", 160, 100), ("_", 436, 441),
                          *words("the quarter.", 446, 100)), part, table, 1, SETTINGS)
    assert raw is not None and raw.kind is RowKind.CELLS and raw.action == "the quarter."


def test_text_overflowing_between_two_columns_the_tool_does_not_read_leaves_the_line_a_table_line():
    """An owner's name set wider than its column ("Director" starts left of the Owner column's edge) or two cells'
    text overprinted in Action and Owner: the ref, page and text cells are cut cleanly, so the line is a row's line,
    not full-width text (a band or footnote runs across the ref, page or text column's edges)."""
    table = Table([50, 98, 330, 400, 440, 500, 540], {"ref": 0, "issue": 1, "page_ref": 2, "action": 3},
                  gridded=False)
    part = Part(0, (0, 0, 600, 800), [])
    raw = row_to_raw(line(100, ("9", 50, 55), *words("The force needs to improve how", 98, 100),
                          *words("Page 33", 332, 100), ("Director", 433, 466), ("of", 468, 477)),
                     part, table, 1, SETTINGS)
    assert raw is not None and raw.kind is RowKind.CELLS
    assert (raw.ref, raw.issue, raw.page_ref) == ("9", "The force needs to improve how", "Page 33")
    raw = row_to_raw(line(100, *words("Signage is in English only,", 98, 100), ("Being", 402, 420),
                          ("Dthuen", 487, 504), ("marsh", 504, 530)), part, table, 1, SETTINGS)
    assert raw is not None and raw.kind is RowKind.CELLS and raw.issue == "Signage is in English only,"
    raw = row_to_raw(line(100, *words("AREAS FOR IMPROVEMENT – EFFICIENCY AND PRODUCTIVITY", 98, 100)), part, table,
                     1, SETTINGS)
    assert raw is not None and raw.kind is RowKind.TEXT and raw.band


def test_a_centred_page_ref_wider_than_its_column_starts_a_cell_not_full_width_text():
    """"pp. 23-24" centred in a narrow page column starts left of the column's estimated edge, after a wide gap
    from the ref: it opens the page cell (by its centre), so the row's first line is kept; a footnote whose words
    run on across the edges at word spacing is still full-width text."""
    table = Table([53.7, 115.7, 186.3, 516.6, 643.7], {"ref": 0, "page_ref": 1, "issue": 2, "action": 3},
                  gridded=False)
    part = Part(0, (0, 0, 700, 800), [])
    raw = row_to_raw(line(100, ("10", 56.7, 70.7), ("pp.", 110.3, 127.7), ("23-24", 131.2, 163.1),
                          *words("The force should improve the quality", 186.3, 100)), part, table, 1, SETTINGS)
    assert raw is not None and raw.kind is RowKind.CELLS
    assert (raw.ref, raw.page_ref, raw.issue) == ("10", "pp. 23-24", "The force should improve the quality")
    note = words("The Code of Practice for Victims of Crime, 2015", 110.3, 700)
    raw = row_to_raw(line(700, ("1", 56.7, 60.0), *note), part, table, 1, SETTINGS)
    assert raw is not None and raw.kind is RowKind.TEXT


def test_a_ruled_row_holding_one_short_cell_under_a_repeated_header_is_a_cut_rows_rest_not_a_label_tail():
    header = Row(56, 84, [Cell("REF.", 37, 111), Cell("TYPE", 111, 216), Cell("PAGE", 216, 276),
                          Cell("ISSUE", 276, 522), Cell("UPDATE", 522, 582)])
    rest = Row(84, 98, [Cell("", 37, 111), Cell("", 111, 216), Cell("", 216, 276),
                        Cell("local communities.", 276, 522), Cell("", 522, 582)])
    found = find_header([header, rest], SETTINGS, None)
    assert found is not None and found.count == 1 and found.cells[3].text == "ISSUE"


def test_a_cut_rows_last_words_under_a_repeated_header_line_are_no_label_tail():
    rows = [line(100, ("#", 60, 66), *words("DETAIL", 120, 100), *words("REPORT PAGE", 400, 100), ("RAG", 500, 515)),
            line(112, *words("crime record.", 120, 112)),
            line(124, *words("The force’s digital media investigators (DMIs) are not", 120, 124))]
    header = find_header(rows, SETTINGS, None)
    assert header is not None and header.count == 1 and header.cells[1].text == "DETAIL"


def test_a_cut_rows_last_words_closing_a_bracket_under_a_repeated_header_are_no_label_tail():
    """"our inspection)." ends a sentence as "crime record." does: the rest of a row a page break cut, not the
    tail of a wrapped label, so the row keeps its last words."""
    rows = [line(100, ("Number", 60, 90), *words("Area for improvement", 146, 100), *words("Report page", 527, 100),
                 *words("Action Taken", 600, 100)),
            line(112, ("ref", 550, 560)),
            line(131, *words("our inspection).", 146, 131)),
            line(149, ("53.", 60, 70), *words("We said that the force should evaluate", 146, 149))]
    header = find_header(rows, SETTINGS, None)
    assert header is not None and header.count == 2 and "inspection" not in " ".join(c.text for c in header.cells)


def test_title_lines_over_a_header_repeated_at_a_page_top_are_titles_not_bands_of_the_table_above():
    def header(top):
        return line(top, ("Ref", 50, 65), ("Page", 100, 120), *words("Issue of concern", 160, top),
                    ("Action", 440, 470))

    def body(top, ref, page, text):
        return line(top, (ref, 50, 55), (page, 100, 125), *words(text, 160, top), *words("Under way", 440, top))

    first = [header(100), body(120, "1", "p.4", "The force should review"), line(132, *words("its bail use", 160, 132))]
    second = [line(40, *words("HMICFRS inspection findings: progress tracker", 50, 40)),
              line(52, *words("Report published 2 May 2019", 50, 52)), header(80),
              line(100, *words("recurring.", 160, 100)), body(112, "2", "p.5", "Victims are not told")]
    pages = [PageTables(i, [Part(i, (0, 0, 600, 800), rows)], [], 800.0, SETTINGS)
             for i, rows in enumerate([first, second])]
    rows, _found = read_tables(pages)
    titles = [r for r in rows if r.kind is RowKind.TEXT]
    assert [t.text for t in titles] == ["HMICFRS inspection findings: progress tracker", "Report published 2 May 2019"]
    assert not any(t.band for t in titles)


def test_a_folio_framed_by_dashes_under_the_text_column_is_no_row_text():
    table = Table([50, 98, 160, 440, 520], {"ref": 0, "page_ref": 1, "issue": 2, "action": 3}, gridded=False)
    raw = row_to_raw(line(790, ("-", 280, 284), ("3", 287, 292), ("-", 295, 299)), Part(0, (0, 0, 600, 842), []),
                     table, 1, SETTINGS)
    assert raw is not None and raw.kind is RowKind.TEXT and not raw.band


def test_an_unruled_table_continued_on_a_page_with_mirrored_margins_is_read_with_its_columns_shifted():
    """A left-hand page sets the whole table 6 pt further left (mirrored margins): the continued part's lines
    start where the header's columns start, less 6 pt; a row's second line beginning at the text column's left
    is then no full-width text, and the row keeps it."""
    def page(index: int, dx: float, lines: list[Row]) -> PageTables:
        shifted = [Row(r.top, r.bottom, [Cell(c.text, c.x0 + dx, c.x1 + dx) for c in r.cells], is_line=True)
                   for r in lines]
        return PageTables(index, [Part(index, (0, 0, 800, 600), shifted, None, "stream")], [], 600.0, SETTINGS)

    def row_lines(top: float, ref: str, page_ref: str, first: str, second: str) -> list[Row]:
        return [line(top, *words(ref, 55, top), *words(page_ref, 141, top), *words(first, 251, top)),
                line(top + 13, *words(second, 251, top + 13))]

    first = [line(40, *words("Ref", 55, 40), *words("Page", 141, 40), *words("Issue of concern", 251, 40)),
             *row_lines(70, "IOC 1", "Page 4", "The force does not record crime", "accurately in every case."),
             *row_lines(100, "IOC 2", "Page 6", "Supervision of investigations is", "inconsistent across teams.")]
    second = [*row_lines(40, "IOC 3", "Page 9", "Advertised meetings are often", "not always kept up to date."),
              *row_lines(70, "IOC 4", "Page 11", "Victims are not kept informed", "of progress in their case.")]
    rows, _ = read_tables([page(0, 0.0, first), page(1, -6.0, second)])
    cells = [(r.ref, r.issue) for r in rows if r.kind is RowKind.CELLS and r.page_index == 1]
    assert cells == [("IOC 3", "Advertised meetings are often"), ("", "not always kept up to date."),
                     ("IOC 4", "Victims are not kept informed"), ("", "of progress in their case.")]


def test_a_shifted_part_is_read_shifted_though_a_neighbouring_columns_starts_are_more_common_near_one_start():
    """reportlab sets a LongTable's later parts 6 pt left; with a narrow ref column the page column's lines (a page
    ref wrapped over two lines in most rows) start 18 pt right of the ref column's start and outnumber the refs: every
    column still moves by one distance, -6 pt (the ref column alone seemed to move +18, so no shift was taken and
    the text column's wrapped lines were read as full-width bands)."""
    def page(index: int, dx: float, lines: list[Row]) -> PageTables:
        shifted = [Row(r.top, r.bottom, [Cell(c.text, c.x0 + dx, c.x1 + dx) for c in r.cells], is_line=True)
                   for r in lines]
        return PageTables(index, [Part(index, (0, 0, 800, 600), shifted, None, "stream")], [], 600.0, SETTINGS)

    def row_lines(top: float, ref: str, first: str, second: str) -> list[Row]:
        return [line(top, *words(ref, 89, top), *words("pp.", 113, top), *words(first, 157, top)),
                line(top + 11, *words("39-40", 113, top + 11), *words(second, 157, top + 11)),
                line(top + 22, *words("the end of the row.", 157, top + 22))]

    first = [line(40, *words("No", 89, 40), *words("Page", 113, 40), *words("Issue of concern", 157, 40)),
             *row_lines(70, "1", "The force does not record crime", "accurately in every case."),
             *row_lines(110, "2", "Supervision of investigations is", "inconsistent across teams.")]
    second = [*row_lines(40, "3", "Advertised meetings are often", "not always kept up to date."),
              *row_lines(80, "4", "Victims are not kept informed", "of progress in their case."),
              *row_lines(120, "5", "Victims are not kept informed", "of progress in their case.")]
    rows, _ = read_tables([page(0, 0.0, first), page(1, -6.0, second)])
    assert not any(r.kind is RowKind.TEXT for r in rows if r.page_index == 1)
    assert [r.ref for r in rows if r.kind is RowKind.CELLS and r.page_index == 1 and r.ref] == ["3", "4", "5"]


def test_a_cut_rows_short_last_words_under_a_wrapped_repeated_header_are_no_label_tail():
    """"they pose." under a repeated header whose last label wraps ("Ratin" / "g"): too short to read as a sentence's
    end by its last word, but "they" is a word of prose, which no label is."""
    rows = [line(100, *words("Rec No.", 37, 100), *words("Page no.", 97, 100), *words("Issue of Concern", 167, 100),
                 *words("Action taken", 368, 100), ("Ratin", 537, 564)),
            line(112, ("g", 537, 542)),
            line(124, *words("they pose.", 167, 124)),
            line(140, *words("(15)", 37, 140), *words("Page 11", 97, 140),
                 *words("Spending on overtime was", 167, 140))]
    header = find_header(rows, SETTINGS, None)
    assert header is not None and header.count == 2 and "they" not in " ".join(c.text for c in header.cells)


def test_a_label_split_where_centred_body_lines_start_is_joined_again():
    # "Page reference" over a narrow column whose centred page refs start under "reference": split there, the
    # label's second word named the ref column that "Rec No." names already, and the page column lost its refs.
    cells = [Cell("Rec No.", 75, 104), Cell("Page", 127, 142), Cell("reference", 146, 179), Cell("Finding", 185, 211),
             Cell("Action", 572, 598), Cell("Completion date", 707, 764)]
    header = header_of(cells, 0, 1, SETTINGS)
    assert header is not None
    assert [c.text for c in header.cells] == ["Rec No.", "Page reference", "Finding", "Action", "Completion date"]
    assert header.roles == {"ref": 0, "page_ref": 1, "issue": 2, "action": 3}


def test_a_ref_column_whose_label_was_lost_is_known_by_its_refs():
    # A scan's text layer lost the "#" over the ref column: the refs left of the first label make the ref column.
    head = line(30, *words("CATEGORY", 112, 30), *words("PAGE", 165, 30), *words("AREA FOR IMPROVEMENT", 200, 30),
                *words("ACTION", 420, 30))
    body = [line(60, ("1.", 86, 90), *words("CoC", 112, 60), *words("p. 7", 165, 60), *words("The force", 200, 60)),
            line(72, *words("does not identify", 200, 72)),
            line(90, ("2.", 86, 90), *words("AFI", 112, 90), *words("P10", 165, 90), *words("Calls are", 200, 90))]
    part = Part(0, (0.0, 0.0, 600.0, 800.0), [head, *body], None, "stream")
    header = find_header(part.rows, SETTINGS, None)
    assert header is not None and "ref" not in header.roles
    table = header_table(part, header, SETTINGS)
    assert table.roles["ref"] == 0 and table.column_of(86, SETTINGS) == 0 and table.column_of(112, SETTINGS) == 1
    raw = row_to_raw(body[0], part, table, 1, SETTINGS)
    assert (raw.ref, raw.section, raw.page_ref) == ("1.", "CoC", "p. 7")
    # a column of words that are no refs stays unread
    body = [line(60, *words("see", 80, 60), *words("CoC", 112, 60), *words("p. 7", 165, 60)),
            line(90, *words("note", 80, 90), *words("AFI", 112, 90), *words("P10", 165, 90))]
    part = Part(0, (0.0, 0.0, 600.0, 800.0), [head, *body], None, "stream")
    assert "ref" not in header_table(part, find_header(part.rows, SETTINGS, None), SETTINGS).roles


def test_a_label_word_overrunning_its_narrow_column_stacks_under_the_label_it_is_centred_on():
    """pdflatex lets a word too wide for a narrow column run over into the next one ("REFERENCE" centred under "PAGE"
    ends past the left edge of "HMICFRS FINDING"): the word belongs to the label its middle sits under (the whole
    header was lost, and with it the table)."""
    rows = [line(30, ("REPORT", 57, 102), ("PAGE", 118, 148), *words("HMICFRS FINDING", 170, 30),
                 *words("ACTION TAKEN / PLANNED", 386, 30)),
            line(42, ("REF", 65, 87), ("REFERENCE", 108, 176)),
            line(56, ("CoC1", 62, 90), ("11–12", 118, 148), *words("The force’s control room", 170, 56)),
            line(70, *words("does not have enough staff.", 170, 70))]
    header = find_header(rows, SETTINGS, None)
    assert header is not None and header.count == 2
    assert header.roles == {"ref": 0, "page_ref": 1, "issue": 2, "action": 3}


def test_a_title_word_over_two_labels_still_does_not_stack():
    assert stack([line(10, ("Report", 50, 90), ("Page", 110, 150)),
                  line(22, ("Recommendations", 60, 140))], SETTINGS) is None


def test_a_page_holding_only_a_running_head_and_a_title_does_not_end_a_ruled_table():
    """A word processor pushes a row too tall to split, with the title kept with it, on to a later page, leaving a page
    blank but for its running head and another with the title only: the table goes on after them, under that title
    (the rest of the annex was lost)."""
    from hmic_extract.extract.table.model import TextLine

    pages = [grid_part(0, [["Ref", "Page", "Issue of concern"], ["1", "Page 4", "First row."]]),
             PageTables(1, [], [TextLine("Hallowmere Police", 40, 50, "ruled")]),
             PageTables(2, [], [TextLine("Hallowmere Police", 40, 50, "ruled"),
                                TextLine("3) Cause of concern", 80, 92, "ruled")]),
             grid_part(3, [["2", "Page 27", "Second row."]])]
    rows, _found = read_tables(pages, header_search=4)
    cells = [(r.ref, r.issue) for r in rows if r.kind is RowKind.CELLS and r.ref != "Ref"]
    assert cells == [("1", "First row."), ("2", "Second row.")]
    assert [r.page_index for r in rows if r.text == "3) Cause of concern"] == [2]


def test_a_page_of_prose_between_ruled_tables_ends_the_table():
    from hmic_extract.extract.table.model import TextLine

    prose = [TextLine(f"The force has made good progress on item {n} since the inspection.", 80 + 14 * n,
                      90 + 14 * n, "ruled") for n in range(6)]
    pages = [grid_part(0, [["Ref", "Page", "Issue of concern"], ["1", "Page 4", "First row."]]),
             PageTables(1, [], prose), grid_part(2, [["7", "Page 9", "A grid of another table."]])]
    rows, _found = read_tables(pages, header_search=4)
    assert [(r.ref, r.issue) for r in rows if r.kind is RowKind.CELLS and r.ref != "Ref"] == [("1", "First row.")]


def test_a_repeated_header_is_as_deep_as_the_first_though_a_cut_rows_short_lines_stack_under_it():
    """A header of four lines ("Tar" / "get" / "dat" / "e" in a narrow column) repeated on the next page, where the
    rest of a cut row goes on in short lines at the header's pitch: "overnight are transferred to" | "under way."
    and "local authority" stack as label tails would, naming no more roles; the repeated header is as deep as the
    first, and those lines stay the row's (they were read as labels and lost)."""
    def header(top: float) -> list[Row]:
        return [line(top, ("Ref", 77, 94), ("Page", 108, 131), ("Description", 170, 228), ("RAG", 329, 351),
                     ("Tar", 364, 382), ("Comments", 395, 449)),
                line(top + 12, ("reference", 108, 157), ("stat", 329, 348), ("get", 364, 379)),
                line(top + 24, ("us", 329, 340), ("dat", 364, 381)),
                line(top + 36, ("e", 364, 370))]

    def page(index: int, rows: list[Row]) -> PageTables:
        return PageTables(index, [Part(index, (0, 0, 600, 800), rows, None, "stream")], [], 800.0, SETTINGS)

    first = [*header(80),
             line(140, ("5", 77, 83), *words("Page 30", 108, 140), *words("By March, the force", 170, 140)),
             line(152, *words("should review its plan.", 170, 152)),
             line(176, ("6", 77, 83), *words("Page 33", 108, 176), *words("The force should make", 170, 176)),
             line(188, *words("sure that children held", 170, 188))]
    second = [*header(80), line(128, *words("overnight are transferred to", 170, 128), *words("under way.", 395, 128)),
              line(140, *words("local authority", 170, 140)),
              line(152, *words("accommodation.", 170, 152)),
              line(176, ("7", 77, 83), *words("Page 34", 108, 176), *words("The force should improve", 170, 176))]
    rows, _ = read_tables([page(0, first), page(1, second)])
    texts = [r.issue for r in rows if r.kind is RowKind.CELLS and r.page_index == 1]
    assert texts[:4] == ["Description", "overnight are transferred to", "local authority", "accommodation."]


def test_a_section_heading_set_close_over_a_repeated_header_is_not_read_as_its_first_line():
    """A header of two lines ("RAG" / "STATUS") repeated under a section heading set close above it: the heading and
    the header's first line stack as deep as the first header did, but the header read under the heading names as
    much and ends where the whole does; the rows under it are read (they were lost)."""
    def header(top: float) -> list[Row]:
        return [line(top, ("ITEM", 60, 85), *words("PAGE NO.", 110, top), ("DESCRIPTION", 190, 250),
                     ("RAG", 420, 440), ("UPDATE", 470, 510)),
                line(top + 12, ("STATUS", 420, 455))]

    def rows_at(top: float, first: int) -> list[Row]:
        return [line(top + 24 * k, (f"({first + k})", 60, 80), *words(f"p.{30 + k}", 110, top + 24 * k),
                     *words("The force should make sure that its use", 190, top + 24 * k)) for k in range(3)]

    def page(index: int, rows: list[Row]) -> PageTables:
        return PageTables(index, [Part(index, (0, 0, 600, 800), rows, None, "stream")], [], 800.0, SETTINGS)

    second = [line(60, *words("AFIS: LEGITIMACY", 60, 60)), *header(70), *rows_at(100, 4)]
    rows, _ = read_tables([page(0, [*header(70), *rows_at(100, 1)]), page(1, second)])
    refs = [r.ref for r in rows if r.kind is RowKind.CELLS and r.ref.startswith("(")]
    assert refs == [f"({n})" for n in range(1, 7)]


def test_a_page_column_whose_label_ocr_garbled_is_known_by_its_page_refs():
    # A scan's text layer read the "PAGE" label as "Pace": the column under it holds "Page 6", "pp. 29-31", "4"
    # (page refs, most with a page word), so it is the page column all the same.
    edges = [40.0, 95.0, 159.0, 413.0, 556.0]

    def grid_row(top, *texts):
        return Row(top, top + 20, [Cell(t, a, b) for t, a, b in zip(texts, edges[:-1], edges[1:], strict=True)])

    head = grid_row(10, "#", "Pace", "DESCRIPTION", "FORCE RESPONSE")
    body = [grid_row(30, "(1)", "4", "During our fieldwork, we found", "Training package"),
            grid_row(50, "(2)", "Page 6", "The force has plans to improve", ""),
            grid_row(70, "(1)", "pp. 29-31", "We have serious concerns", "The force accepts"),
            grid_row(90, "(2)", "29-30", "Within six months, the force", "")]
    part = Part(0, (40.0, 10.0, 556.0, 110.0), [head, *body], edges, "ocr-grid")
    header = find_header(part.rows, SETTINGS, None)
    assert header is not None and "page_ref" not in header.roles
    table = header_table(part, header, SETTINGS)
    assert table.roles["page_ref"] == 1
    raw = row_to_raw(body[2], part, table, 1, SETTINGS)
    assert raw is not None and (raw.ref, raw.page_ref) == ("(1)", "pp. 29-31")
    # a column of bare numbers (refs, counts) or of words is no page column
    body = [grid_row(30, "(1)", "4", "During our fieldwork", "x"), grid_row(50, "(2)", "6", "The force has", "y"),
            grid_row(70, "(3)", "Pending", "We have serious", "z")]
    part = Part(0, (40.0, 10.0, 556.0, 110.0), [head, *body], edges, "ocr-grid")
    assert "page_ref" not in header_table(part, find_header(part.rows, SETTINGS, None), SETTINGS).roles


def test_a_two_line_header_under_a_title_line_is_read_whole():
    # "Annex" and "A" over the first of a header's two lines stack onto its labels ("Annex REF."); the header under
    # them, both its lines, names more columns (the page column's label is "REPORT." / "PAGE REF").
    rows = [line(395, ("Annex", 51, 86), ("A", 98, 103)),
            line(417, ("REF.", 63, 81), ("REPORT.", 107, 143), ("FINDING", 161, 196), ("LEAD", 427, 448),
                 ("COMPLETI.", 493, 538), *words("ACTION TAKEN/ PLANNED", 559, 417)),
            line(430, ("PAGE", 102, 124), ("REF", 134, 148), ("OFFICER", 427, 464), ("ON", 493, 502),
                 ("DATE", 511, 532)),
            line(448, ("IOC", 62, 74), ("1", 83, 84), ("4", 125, 127),
                 *words("During our fieldwork, we found", 161, 448), ("31/03/2019", 493, 538))]
    header = find_header(rows, SETTINGS, None)
    assert header is not None and (header.first, header.count) == (1, 2)
    assert {"ref", "page_ref", "issue"} <= set(header.roles)


def test_a_header_label_spanning_two_grid_columns_names_each_by_its_words():
    # The rule between "Ref" and "Pg" is missing in the header row of a scan: one label cell "Ref Pg" spans both
    # columns; each word names its own column, so the refs are not read as page refs.
    edges = [66.0, 142.0, 225.0, 601.0, 650.0]
    head = Row(10, 30, [Cell("Ref Pg", 66, 225), Cell("HMICFRS finding", 225, 601), Cell("Target date", 601, 650)])

    def grid_row(top, *texts):
        return Row(top, top + 20, [Cell(t, a, b) for t, a, b in zip(texts, edges[:-1], edges[1:], strict=True)])

    body = [grid_row(30, "1", "p.7", "North Ambry Constabulary", ""), grid_row(50, "2", "P10", "The force's", "")]
    part = Part(0, (66.0, 10.0, 650.0, 70.0), [head, *body], edges, "ocr-grid")
    header = find_header(part.rows, SETTINGS, None)
    assert header is not None
    table = header_table(part, header, SETTINGS)
    assert (table.roles["ref"], table.roles["page_ref"], table.roles["issue"]) == (0, 1, 2)


def test_a_grid_cell_spanning_the_ref_and_page_columns_is_split_between_them():
    # A skewed scan lost the rule between the ref and page columns in some rows: "3 P13" spans both.
    table = Table([66.0, 142.0, 225.0, 601.0], {"ref": 0, "page_ref": 1, "issue": 2}, gridded=True)
    part = Part(0, (66.0, 0.0, 601.0, 800.0), [])
    row = Row(0, 20, [Cell("4 p. 15", 66, 225), Cell("By December 2024, the force", 225, 601)])
    raw = row_to_raw(row, part, table, 1, SETTINGS)
    assert raw is not None and (raw.ref, raw.page_ref, raw.issue) == ("4", "p. 15", "By December 2024, the force")
    # words that are no ref and page ref stay where they are
    row = Row(0, 20, [Cell("See note", 66, 225), Cell("By December 2024, the force", 225, 601)])
    raw = row_to_raw(row, part, table, 1, SETTINGS)
    assert raw is not None and (raw.ref, raw.page_ref) == ("See note", "")


def test_a_gutter_inside_the_label_before_is_no_column_edge():
    # Page refs centred under "PAGE REF" leave white space on both sides; the one under the label itself (left of its
    # right end) is inside the page column, the one after it is the edge of the text column.
    labels = [Cell("NO.", 68.8, 81.7), Cell("PAGE REF", 101.5, 132.1), Cell("DETAIL", 136.8, 157.3)]
    body = [line(100, ("COC1", 74.2, 95.0), ("p.7", 112.3, 121.3), ("North", 136.1, 150.5)),
            line(110, ("enough", 136.1, 155.5)),
            line(140, ("AFI", 75, 88), ("p.42", 110.52, 127.44), ("The", 138.6, 148.0)),
            line(150, ("file.", 135.36, 147.6))]
    edges = columns_from_labels(labels, body, 300.0, SETTINGS)
    assert 127.4 <= edges[2] <= 135.4


def test_a_label_running_over_its_narrow_column_under_the_next_label_on_its_line_is_a_label_of_its_own():
    """pdflatex lets "NUMBER" run out of its narrow column under "ISSUE", where the body's text column starts: two
    labels on one line never stack as a wrapped label's lines do (stacked, "NUMBER / ISSUE" named the issue column
    only, the ref column was lost and every row with it)."""
    rows = [line(30, ("PAGE", 60, 90), ("NUMBER", 117, 160.6), ("ISSUE", 149, 176), ("RESPONSE", 372, 424),
                 ("CURRENT", 508, 555)),
            line(43, ("REF", 60, 80), ("STATUS", 508, 543))]
    rows[0].cells[2].opens_column = True  # body lines start where "ISSUE" does
    header = find_header(rows, SETTINGS, None)
    assert header is not None
    assert {"page_ref", "ref", "issue"} <= set(header.roles)
    assert header.cells[header.roles["ref"]].text == "NUMBER"


def test_a_label_broken_mid_word_and_set_close_to_the_next_label_ends_where_its_broken_word_does():
    """A label broken mid-word by its narrow column ("NUMBE" / "R") set closer to the next label ("PAGE NO.") than a
    phrase gap: the broken word's end under it closes the label (read as one phrase, "NUMBE PAGE NO. / R" named the
    page column only and the ref column was lost); a label's next line that is a word of its own ("Report page" /
    "ref") keeps the label whole."""
    rows = [line(30, *words("FINDING TYPE", 40, 30), ("NUMBE", 106.7, 130.8), *words("PAGE NO.", 132.6, 30),
                 *words("ISSUE OF CONCERN", 185, 30), *words("RESPONSE", 374, 30)),
            line(40, ("R", 106.7, 111.5))]
    header = find_header(rows, SETTINGS, None)
    assert header is not None and header.count == 2
    assert header.roles.get("ref") == 1 and header.roles.get("page_ref") == 2
    kept = [line(30, *words("Number", 50, 30), *words("Report page", 95, 30), *words("Issue of concern", 165, 30)),
            line(40, *words("ref", 95, 40))]
    header = find_header(kept, SETTINGS, None)
    assert header is not None and header.roles.get("page_ref") == 1 and header.cells[1].text == "Report page ref"


def test_a_continued_pages_body_line_whose_cells_name_roles_does_not_start_a_table():
    """A page that goes on with the table above, a row's cells wrapped in narrow columns: "Page" / "10", "ISSUE OF" /
    "CONCERN", "Issue" / "12". Its first line names the page and text columns but not the ref column the table's
    header named: it is a row, not a new table's header (read as one, every later row on the page was lost)."""
    header = line(30, *words("Page", 50, 30), *words("Type", 100, 30), *words("Ref", 150, 30),
                  *words("Recommendation", 190, 30))

    def row(top: float, n: int) -> list[Row]:
        return [line(top, *words("Page", 50, top), *words("ISSUE OF", 100, top), *words("Issue", 150, top),
                     *words("The force should review its plan", 190, top)),
                line(top + 11, *words(str(n + 8), 50, top + 11), *words("CONCERN", 100, top + 11),
                     *words(str(n), 150, top + 11), *words("for the next year.", 190, top + 11))]

    first = Part(0, (0, 0, 600, 800), [header, *row(50, 1), *row(80, 2)])
    later = Part(1, (0, 0, 600, 800), [*row(30, 3), *row(60, 4), *row(90, 5)])
    rows, _ = read_tables([PageTables(0, [first], [], 800), PageTables(1, [later], [], 800)])
    cells = [r for r in rows if r.kind is RowKind.CELLS and r.ref != "Ref"]
    assert [r.ref for r in cells if r.ref] == ["Issue", "1", "Issue", "2", "Issue", "3", "Issue", "4", "Issue", "5"]
    assert all(r.page_ref in ("Page", "9", "10", "11", "12", "13") for r in cells)


def test_a_short_title_set_above_a_wrapped_header_over_two_of_its_labels_is_no_label():
    """"Action plan" (two words, no digits: it reads like a label's first line set higher) over "No." and "Report"
    of a header wrapped over three lines: a label's first line sits over its own label only, so this is a title.
    Stacked in, it swallowed the ref and page labels into one, and every row's ref with them."""
    rows = [line(10, ("Action", 50, 95), ("plan", 99, 130)),
            line(30, *words("No.", 50, 30), *words("Report", 120, 30), *words("Recommendation", 200, 30),
                 *words("Chief", 500, 30), *words("Action", 640, 30)),
            line(42, *words("page", 120, 42), *words("Officer", 500, 42)),
            line(54, *words("ref", 120, 54), *words("lead", 500, 54)),
            line(66, ("Recommendations", 50, 125)),  # the first section's band
            line(80, *words("1.", 60, 80), *words("Page 10", 130, 80), *words("The force should act.", 200, 80))]
    header = find_header(rows, SETTINGS, None)
    assert header is not None and header.first == 1
    assert {"ref", "page_ref", "issue"} <= set(header.roles)
    assert header.cells[header.roles["ref"]].text == "No."


def test_a_type_word_run_on_past_its_narrow_column_keeps_its_line_a_rows_line():
    """A type column too narrow for "CONCERN": LaTeX runs it on over the page column's edge, and the text column's
    line goes on after it ("CONCERN | this limits its ability ..."). The word starts where its column's lines start
    and the next word opens the text column where its lines start: a row's line, not full-width text (read as text,
    the row lost its last line)."""
    table = Table([50, 84, 116, 150, 370], {"ref": 0, "section": 1, "page_ref": 2, "issue": 3}, gridded=False,
                  starts=[54.0, 86.0, 124.0, 158.0], label_starts=[54.0, 86.0, 122.0, 158.0])
    overrun = line(135, ("CONCERN", 86.0, 131.0), *words("this limits its ability", 158, 135))
    assert line_row_cells(overrun, table, SETTINGS) == ["", "CONCERN", "", "this limits its ability"]
    title = line(135, *words("Recommendations of the report", 54, 135))
    assert line_row_cells(title, table, SETTINGS) is None


def test_a_section_title_alone_in_a_wide_ref_column_over_a_rows_first_line_is_a_band():
    """Rules, not white space, set the rows apart, so a band sits at the rows' own leading; "1) Causes for Concern"
    is short enough to fit the wide ref column. Right over a line opening a row with its ref it is the section's band
    (read as a row whose ref was the title, the section's rows went under the section before)."""
    header = line(30, *words("ITEM", 50, 30), *words("PAGE REF", 160, 30), *words("ISSUE OF CONCERN", 240, 30))
    rows = [header, line(41, *words("1) Causes for Concern", 50, 41)),
            line(52, *words("(1)", 50, 52), *words("11-12", 160, 52), *words("The control room is short", 240, 52)),
            line(63, *words("of staff at night.", 240, 63)),
            line(74, *words("2) Recommendations", 50, 74)),
            line(85, *words("(1)", 50, 85), *words("Page 14", 160, 85), *words("Within three months,", 240, 85))]
    out, _ = read_tables([PageTables(0, [Part(0, (0, 0, 600, 800), rows)], [], 800)])
    bands = [r.text for r in out if r.kind is RowKind.TEXT]
    assert bands == ["1) Causes for Concern", "2) Recommendations"]
    assert [r.ref for r in out if r.kind is RowKind.CELLS and r.ref and r.ref != "ITEM"] == ["(1)", "(1)"]


def test_a_type_word_too_wide_for_its_column_ending_a_line_stays_in_its_column():
    """"Recommendation" set from the Type column's start runs on over the narrow page column, the last word of a row's
    line whose words before it are set apart from it: it is the Type cell's, not the page cell's (by its middle it
    took the page column, and the row lost its page)."""
    table = Table([85, 250, 285, 325, 345, 420], {"issue": 0, "ref": 1, "section": 2, "page_ref": 3}, gridded=False,
                  starts=[91.0, 257.0, 290.0, 329.0, None], label_starts=[91.0, 253.0, 290.0, 333.0, 366.0])
    row = line(485, *words("The force should", 91, 485), ("(1)", 256.7, 267.7), ("Recommendation", 290.3, 360.6))
    assert line_row_cells(row, table, SETTINGS) == ["The force should", "(1)", "Recommendation", "", ""]


def test_two_labels_set_close_whose_second_lines_sit_under_each_word_are_two_labels():
    """Labels centred in a header of two lines: "Finding type", "Rec No." and "Report page" wrap, "Finding" and
    "Action" sit half a line lower. "Finding" and "Rec" are set closer than a phrase gap, but "type" starts under the
    one and "No." under the other: two labels (read as one phrase, the header's first line became a title)."""
    rows = [line(88, ("Finding", 91, 134), ("Rec", 138, 160), *words("Report", 180, 88)),
            line(96, *words("Finding", 228, 96), *words("Action", 416, 96)),
            line(103, ("type", 91, 115), ("No.", 138, 157), *words("page", 180, 103))]
    header = find_header(rows, SETTINGS, None)
    assert header is not None and header.first == 0 and header.count == 3
    assert header.roles.get("ref") == 1 and header.cells[1].text == "Rec No."
    assert {"section", "page_ref", "issue", "action"} <= set(header.roles)


def test_a_type_word_too_wide_for_its_column_with_the_next_cell_drawn_over_its_end_keeps_its_line_a_rows_line():
    """"RECOMMENDATION" set from the Type column's start runs on under the ref and page cells drawn over it: the line is
    a row's first line (read as full-width text, the section's rows were all lost)."""
    table = Table([85, 134, 175, 222, 410], {"section": 0, "ref": 1, "page_ref": 2, "issue": 3}, gridded=False,
                  starts=[91.0, 138.0, 180.0, 228.0], label_starts=[91.0, 138.0, 180.0, 228.0])
    row = line(288, ("RECOMMENDATION", 91, 196), ("(3)", 138, 152), ("P13", 180, 197),
               *words("Within 12 months,", 228, 288))
    assert line_row_cells(row, table, SETTINGS) == ["RECOMMENDATION", "(3)", "P13", "Within 12 months,"]


def test_a_ref_drawn_over_the_end_of_a_type_word_run_on_into_its_column_opens_the_ref_column():
    """The ref "(30)", centred and so not where the ref column's lines usually start, is drawn over the end of the Type
    word run on into its column: no word of one cell is drawn over the one before it, so it opens the ref column (the
    line was read as full-width text and the row lost)."""
    table = Table([88, 154, 207, 265, 447], {"section": 0, "ref": 1, "page_ref": 2, "issue": 3}, gridded=False,
                  starts=[88.0, 163.0, 207.0, 265.0], label_starts=[88.0, 154.0, 213.0, 265.0])
    row = line(95, ("RECOMMENDATION", 88.2, 161.3), ("(30)", 160.5, 176.0), *words("Pages 39/40", 207.5, 95),
               *words("Within six months,", 265.4, 95))
    assert line_row_cells(row, table, SETTINGS) == ["RECOMMENDATION", "(30)", "Pages 39/40", "Within six months,"]


def test_a_section_title_alone_in_a_wide_first_page_column_over_a_rows_first_line_is_a_band():
    """The page column comes first and is wide: "Cause for Concern" fits in it, right over a row's first line: the
    section's band, not a row whose page ref is the title (the row under it was lost)."""
    header = line(30, *words("REPORT PAGE REF", 40, 30), *words("REF.", 150, 30), *words("RECOMMENDATION", 205, 30))
    rows = [header, line(41, *words("Page 26", 40, 41), *words("16.", 150, 41), *words("The force must act.", 205, 41)),
            line(58, *words("Cause for Concern", 40, 58)),
            line(69, *words("Page 37", 40, 69), *words("29.", 150, 69), *words("The force's approach", 205, 69))]
    out, _ = read_tables([PageTables(0, [Part(0, (0, 0, 600, 800), rows)], [], 800)])
    assert [r.text for r in out if r.kind is RowKind.TEXT] == ["Cause for Concern"]
    assert [r.ref for r in out if r.kind is RowKind.CELLS and r.ref != "REF."] == ["16.", "29."]


def test_a_prefixed_ref_set_close_to_its_rows_text_is_no_section_heading():
    """"IOC-11" in the ref column, the text column's line set a word space after it: the line reads whole as a title
    naming issues of concern ("IOC"), but its ref cell is a ref with that prefix: a row's line (read as a heading, the
    row was lost and its text went to the row above)."""
    table = Table([70, 118, 161, 400], {"page_ref": 0, "ref": 1, "issue": 2}, gridded=False,
                  starts=[74.0, 121.0, 163.0], label_starts=[74.0, 121.0, 163.0])
    part = Part(0, (0, 0, 600, 800), [])
    row = line(205, ("IOC-11", 120.9, 159.4), *words("The Multi-Agency Safeguarding Hub", 163, 205))
    raw = row_to_raw(row, part, table, 1, SETTINGS)
    assert raw.kind is RowKind.CELLS and raw.ref == "IOC-11" and raw.issue.startswith("The Multi-Agency")


def test_a_body_line_set_a_rows_spacing_under_a_deep_headers_last_line_is_no_label_tail():
    """Labels broken over several lines by narrow columns ("RE" / "F.", "ACTION TAKEN TO" / "ADDRESS" / "CONCERN"),
    then the first row's line, whose short phrases stack under the labels as tails would: it sits further below the
    header's last line than the header's lines sit apart, so the header ends above it (the row lost its first line)."""
    settings = TableSettings(line_pitch=12.0, band_gap=3.6)
    rows = [line(100, ("RE", 60, 75), ("DESCRIPTION", 100, 160), ("PAGE", 240, 265), ("ACTION", 350, 385),
                 ("TAKEN", 388, 418)),
            line(112, ("F.", 60, 70), ("REF", 245, 262), ("ADDRESS", 350, 390)),
            line(124, ("CONCERN", 350, 395)),
            line(143, *words("During our fieldwork, we", 100, 143), *words("Training package", 350, 143))]
    header = find_header(rows, settings, None)
    assert header is not None and header.count == 3


def test_a_rows_line_whose_prefixed_ref_is_set_close_to_its_text_is_no_title_running_across():
    """"IOC-11 The Multi-Agency Safeguarding Hub": a prefixed ref set closer to its row's text than a phrase gap, the
    vocabulary reading the line as led by a section's name. A ref cell holding a prefixed ref is a row's, not a title's
    (titles number before their words: "2. Areas for improvement"), so the line is the row's (the row was lost, its
    text merged into the row above)."""
    table = Table([74, 120.8, 163, 402, 521], {"page_ref": 0, "ref": 1, "issue": 2, "action": 3}, gridded=False,
                  starts=[74, 121, 163, 402])
    part = Part(0, (0, 0, 600, 800), [])
    row = line(205, ("IOC-11", 120.9, 159.4), *words("The Multi-Agency Safeguarding Hub", 163, 205))
    raw = row_to_raw(row, part, table, 1, SETTINGS)
    assert raw is not None and raw.kind is RowKind.CELLS
    assert (raw.ref, raw.issue) == ("IOC-11", "The Multi-Agency Safeguarding Hub")


def test_a_rows_ref_and_page_line_set_apart_under_its_tall_action_cell_is_no_title():
    """A tall row (a long action cell) whose ref and page cells sit on a line of their own at its foot, a little further
    from the action's lines than they are apart: "AFI 12 | 50" reads as a section name with a number, but its words sit
    in the ref and page columns, so it is the row's key line, not a title (the row was lost, merged into the row
    above)."""
    from hmic_extract.extract.table.base import Reading, read_part

    table = Table([60, 110, 170, 400, 520], {"ref": 0, "page_ref": 1, "issue": 2, "action": 3}, gridded=False,
                  starts=[60, 110, 170, 400])
    part = Part(0, (0, 0, 600, 800), [])
    body = [line(80, *words("The force should make sure its vetting", 170, 80), *words("The force accepted", 400, 80)),
            line(89, *words("arrangements comply with practice.", 170, 89), *words("this finding in full", 400, 89)),
            line(98, *words("and the Deputy Chief", 400, 98)), line(107, *words("Constable leads.", 400, 107)),
            line(124, *words("AFI 12", 60, 124), *words("50", 110, 124))]
    settings = TableSettings(line_pitch=9.0, title_gap=6.75)
    rows = read_part(Reading(table=table), part, body, settings)
    assert [(r.kind, r.ref, r.page_ref) for r in rows][-1] == (RowKind.CELLS, "AFI 12", "50")


def test_a_lone_action_line_of_a_row_a_page_break_set_sideways_is_the_action_cells_not_a_band():
    """reportlab sets the part of a row split at a page foot a few points left of the columns: a line holding only the
    action cell's words then starts just left of the action column's edge. Moved to where that column's label starts,
    it fits the column, so it is the row's action text, not a band across the columns (bands split the run of lines
    and the row's text went to the row above)."""
    table = Table([75, 128, 187, 251.5, 486.8, 663], {"ref": 0, "section": 1, "page_ref": 2, "issue": 3, "action": 4},
                  gridded=False, starts=[75, 134, 193, 257.5, None], label_starts=[75, 134, 192.8, 257.5, 486.8])
    part = Part(0, (0, 0, 800, 600), [])
    settings = TableSettings(phrase_gap=7.7, cross_slack=2.2)
    raw = row_to_raw(line(474, *words("has agreed terms of reference, a", 480.8, 474)), part, table, 1, settings)
    assert raw is not None and raw.kind is RowKind.CELLS and raw.action == "has agreed terms of reference, a"
    title = row_to_raw(line(474, *words("Areas for improvement and the force's response to them", 70, 474)), part,
                       table, 1, settings)
    assert title is not None and title.kind is RowKind.TEXT  # a line across the columns stays one
    head = row_to_raw(line(474, *words("Published 2 May 2019 by the Office of the Police and Crime Commissioner", 481,
                                       474)), part, table, 1, settings)
    assert head is not None and head.kind is RowKind.TEXT  # wider than the column it starts near: no cell's run-on


def test_two_labels_tails_ocr_read_as_one_word_are_cut_where_the_labels_part():
    """A scan's OCR read the tails of "RAG STATU" / "S" and "STA" / "TUS" (two narrow columns side by side) as one
    word "STATU·TUS" (9391-181): the word spanned two labels, the three-line header did not stack, and the first
    line alone made "FINDING" (of "FINDING TYPE") the issue column; cut between the labels, each piece ends its own."""
    rows = [line(98, ("ITEM", 40, 62), ("FINDING", 85, 125), ("REPOR", 137, 168), ("DETAIL", 181, 213),
                 ("RAG", 385, 402), ("STA", 424, 440), ("ACTION", 451, 488), ("TAKEN", 491, 522)),
            line(108, ("TYPE", 85, 107), ("T", 137, 143), ("PAGE", 146.5, 168), ("STATU·TUS", 384.5, 441.7),
                 ("PLANNED", 452, 495)),
            line(118, ("REF", 137, 156), ("S", 383, 391))]
    header = find_header(rows, SETTINGS, None)
    assert header is not None and header.count == 3
    texts = [c.text for c in header.cells]
    assert header.roles == {"ref": 0, "section": 1, "page_ref": 2, "issue": 3, "action": 6}, texts
    title = [line(98, ("ITEM", 40, 62), ("FINDING", 85, 125), ("DETAIL", 181, 213), ("RAG", 385, 402),
                  ("STA", 424, 440)), line(108, ("Assurance", 384.5, 441.7))]
    assert find_header(title, SETTINGS, None).count == 1  # a title's word under two labels ends neither


def test_an_ocr_line_whose_ref_box_runs_over_the_column_edge_is_a_rows_line_not_a_band():
    """OCR draws a lone digit's box wider than the digit: the ref "6" of a row centred between its lines ran over the
    page column's edge at less than a phrase gap from "Page 24", so the line read as a band and the row was lost."""
    from hmic_extract.extract import scanned
    from hmic_extract.extract.ocr import OcrWord

    def word(text, x, y, width=None):
        return OcrWord(text, x, y, x + (width or 18 * len(text)), y + 30, 0.95)

    page = [word("Page", 100, 200), word("Ref", 290, 200), word("Finding", 420, 200), word("Response", 1250, 200),
            word("The", 420, 260), word("force", 500, 260), word("needs", 610, 260), word("to", 720, 260),
            word("Page", 100, 300), word("24", 184, 300), word("6", 250, 300, width=72), word("carried", 1250, 300),
            word("records", 420, 340), word("the", 560, 340), word("victims.", 630, 340),
            word("Page", 100, 420), word("26", 184, 420), word("7", 290, 420), word("The", 420, 420),
            word("force", 500, 420), word("should", 610, 420), word("act.", 740, 420)]
    rows, _pages = scanned.words_to_line_rows([(0, page)], "ocr-lines/test")
    lines = [(r.ref, r.page_ref) for r in rows if r.kind is RowKind.CELLS and (r.ref or r.page_ref)]
    assert ("6", "Page 24") in lines and ("7", "Page 26") in lines
    assert not any(r.kind is RowKind.TEXT and r.band for r in rows)


def test_a_numbered_band_whose_stop_ocr_read_as_a_comma_stays_a_band():
    """A band "4. Recommendations in Response to the Cause of Concern" OCR read with "4," for "4.": its number falls
    in the ref column once each word goes to the column under its middle, but the rest of the line is a section's
    title, so it is no row's line."""
    from hmic_extract.extract import scanned

    w = _ocr_word
    page = [w("Page", 100, 200), w("Ref", 290, 200), w("Finding", 420, 200), w("Response", 1250, 200),
            w("Page", 100, 260), w("24", 184, 260), w("3", 290, 260), w("The", 420, 260), w("force", 500, 260),
            w("should", 610, 260), w("act.", 740, 260)]
    x = 420
    page.append(w("4,", 290, 330))
    for text in ["Recommendations", "in", "Response", "to", "the", "Cause", "of", "Concern"]:
        page.append(w(text, x, 330))
        x += 18 * len(text) + 20
    page += [w("Page", 100, 400), w("26", 184, 400), w("1", 290, 400), w("The", 420, 400), w("force", 500, 400),
             w("should", 610, 400), w("review.", 740, 400)]
    rows, _pages = scanned.words_to_line_rows([(0, page)], "ocr-lines/test")
    assert any(r.kind is RowKind.TEXT and "Recommendations" in r.text for r in rows), [(r.ref, r.issue) for r in rows]
    assert not any(r.ref.startswith("4") for r in rows if r.kind is RowKind.CELLS)


def _ocr_word(text, x, y, width=None):
    from hmic_extract.extract.ocr import OcrWord

    return OcrWord(text, x, y, x + (width or 18 * len(text)), y + 30, 0.95)


def test_an_ocr_word_glued_across_the_page_columns_edge_is_parted_there():
    """OCR read a text line's last word and the page cell beside it as one word ("workforce.24/25") over the edge of
    the page column: the line went to a band and the row lost its page ref and the text of that line."""
    from hmic_extract.extract import scanned

    w = _ocr_word
    def line(y, *words, at=250):
        out = []
        for text in words:
            out.append(w(text, at, y))
            at += 18 * len(text) + 20
        return out

    page = [w("No.", 100, 200), w("Detail", 250, 200), w("Page", 1000, 200), w("Action", 1200, 200),
            w("7)", 100, 260), *line(260, "The", "force", "should", "improve", "how", "it"), w("Pages", 1000, 260),
            *line(300, "to", "plan", "its"), w("workforce.24/25", 800, 300, width=300),
            w("8)", 100, 380), *line(380, "Officers", "said", "it", "acts", "on", "its", "data."), w("26", 1000, 380),
            w("9)", 100, 460), *line(460, "A", "review", "found", "gaps", "in", "the", "training."),
            w("28", 1000, 460)]
    rows, _pages = scanned.words_to_line_rows([(0, page)], "ocr-lines/test")
    cells = [(r.ref, r.page_ref, r.issue) for r in rows if r.kind is RowKind.CELLS]
    assert ("", "24/25", "to plan its workforce.") in cells
    assert not any(r.kind is RowKind.TEXT and r.band for r in rows)


def test_an_ocr_word_glued_across_the_ref_columns_edge_is_parted_there():
    """OCR read a page cell's number and the ref beside it as one word ("6IOC-1"): the ref column's edge runs between
    the digit and the label, so the row keeps its ref and its page."""
    from hmic_extract.extract import scanned

    w = _ocr_word
    page = [w("Page", 100, 200), w("Ref", 230, 200), w("Finding", 420, 200), w("Response", 1250, 200),
            w("Page", 100, 260), w("6IOC-1", 190, 260, width=120), w("Officers", 420, 260), w("said", 580, 260),
            w("it", 420, 300), w("works.", 480, 300),
            w("Page", 100, 380), w("7", 190, 380), w("IOC-2", 230, 380), w("The", 420, 380), w("force", 500, 380),
            w("Page", 100, 460), w("8", 190, 460), w("IOC-3", 230, 460), w("The", 420, 460), w("force", 500, 460)]
    rows, _pages = scanned.words_to_line_rows([(0, page)], "ocr-lines/test")
    cells = [(r.ref, r.page_ref) for r in rows if r.kind is RowKind.CELLS and r.ref]
    assert ("IOC-1", "Page 6") in cells


def test_a_title_drawn_in_one_run_whose_words_happen_to_start_at_labels_is_no_rows_line():
    """A title over a header repeated at a page top ("Annex A – Assurance monitoring template") set from the table's
    left edge: its dash starts within the slack of the text column's label, so read by position alone it was a row's
    line ("Annex A" | "– Assurance monitoring template") whose words went into the row above. Its words were drawn one
    after the other, a space between each, as no two cells' words are: the line runs across the columns."""
    from hmic_extract.extract.table.stream import glyph_words, line_to_row
    from hmic_extract.extract.table.text import Glyph, glyphs_to_lines

    def drawn_line(text: str, x: float, first: int = 0) -> list[Glyph]:
        out = []
        for k, ch in enumerate(text):
            out.append(Glyph(ch, x + 5.0 * k, 52.0, x + 5.0 * (k + 1), 62.0, size=10.0, drawn=first + k))
        return out

    table = Table([45.5, 99.4, 382.6, 456.8, 605.0, 727.0], {"ref": 0, "issue": 1, "page_ref": 2, "action": 4},
                  gridded=False, starts=[64.0, 99.0, 392.0, 457.0, None],
                  label_starts=[45.5, 99.4, 382.6, 456.8, 605.0])
    title = drawn_line("Annex A – Assurance monitoring template", 58.0)  # the dash at 98, by the label
    row = line_to_row(glyph_words(glyphs_to_lines(title, SETTINGS)[0], SETTINGS), "stream")
    assert line_row_cells(row, table, SETTINGS) is None
    # the same words as two cells' text, drawn apart: a row's line whose text opens at the label
    cells = drawn_line("Annex A", 58.0) + drawn_line("– Assurance monitoring template", 98.0, first=100)
    row = line_to_row(glyph_words(glyphs_to_lines(cells, SETTINGS)[0], SETTINGS), "stream")
    assert line_row_cells(row, table, SETTINGS) == ["Annex A", "– Assurance monitoring template", "", "", ""]


def test_a_part_whose_centred_refs_are_wider_is_not_taken_for_a_table_set_sideways():
    """Refs and page refs centred in their columns start further left where they are wider ("24" after "1", "Page 15"
    after "Page 6"), while the text column's lines start where they always do: the table did not move, so a wide page
    cell ("Page 16 Figure 6") ending just short of the text column keeps its row (the table moved 2 pt left, its text
    "Advertised ..." seemed to start off its column and the row's line was read as full-width text)."""
    settings = TableSettings.for_page([7.8] * 20)  # an 8 pt body: text may run 1.6 pt past an edge

    def page(index: int, lines: list[Row]) -> PageTables:
        return PageTables(index, [Part(index, (0, 0, 600, 800), lines, None, "stream")], [], 800.0, settings)

    def row(top: float, ref: str, ref_x: float, page_ref: str, page_x: float, text: str) -> list[Row]:
        return [line(top, *words(ref, ref_x, top), *words(page_ref, page_x, top), *words(text, 160, top)),
                line(top + 11, *words("the rest of the row.", 160, top + 11))]

    first = [line(40, *words("NUMBER", 46, 40), *words("PAGE REF", 96, 40), *words("ISSUE OF CONCERN", 160, 40),
                  *words("ACTION", 400, 40)),
             *row(70, "1", 68, "Page 6", 114, "Officers described the triage car"),
             *row(100, "2", 68, "Page 7", 114, "Some calls are downgraded"),
             *row(130, "3", 68, "Page 8", 114, "The number of incidents unallocated")]
    second = [*row(40, "23", 66.0, "Page 14", 112.0, "Decisions not to attend incidents"),
              *row(70, "24", 66.0, "Page 15", 112.0, "The force has not yet carried out"),
              *row(100, "25", 66.0, "Page 16 Figure 6", 86.0, "Advertised meetings are often"),
              *row(130, "26", 66.0, "Page 17", 112.0, "During our fieldwork we found")]
    rows, _ = read_tables([page(0, first), page(1, second)])
    assert [(r.ref, r.page_ref, r.issue) for r in rows if r.page_index == 1 and r.ref == "25"] == [
        ("25", "Page 16 Figure 6", "Advertised meetings are often")]


def test_a_label_tail_starting_where_its_label_starts_stacks_under_it_though_the_label_before_runs_over_both():
    """Left-set labels in narrow columns: "Number" runs on past its column over the start of "Report", and "page", the
    next line of "Report", starts where "Report" starts but lies under "Number" too, by more than a slight overrun: it
    is "Report"'s tail (refused as a title word over two labels, the header lost its page column)."""
    head = line(30, ("Number", 42.8, 88.0), ("Report", 79.3, 118.1), ("Issue", 115.8, 146.4),
                ("Progress", 366.7, 418.3), ("Target", 540.0, 575.6))
    for cell in head.cells[1:3]:
        cell.opens_column = True  # drawn after the pen went back: another cell's word (see ``glyph_words``)
    rows = [head,
            line(44, ("page", 79.3, 107.2), ("date", 540.0, 564.6)),
            line(60, ("1.", 42.8, 52.8), ("Page", 79.3, 100.0), ("6", 102.0, 107.0),
                 *words("Officers told us", 120, 60))]
    header = find_header(rows, SETTINGS, None)
    assert header is not None and header.count == 2
    assert header.roles == {"ref": 0, "page_ref": 1, "issue": 2, "action": 3}


def test_labels_set_closer_than_a_phrase_gap_part_where_a_lower_labels_line_lines_up_with_one_of_their_words():
    """Two labels on one line set as close as words ("TYPE REPORT", "NUMBER PAGE": a narrow column's label runs on to
    the next one's) are two labels when the next line's short label tail lines up with the second word and not with
    the first: starting where it starts (left-set labels) or centred on it (centred labels). Read as one label, the
    header named one column where there are two and the whole table was read a column short."""
    left = [line(30, ("#", 82.5, 89.2), ("TYPE", 128.0, 159.3), ("REPORT", 162.2, 211.8), ("ISSUE", 215.5, 247.4),
                 ("OF", 250.7, 267.3), ("COMMENTS", 382.2, 451.9)),
            line(44, ("PAGE", 162.2, 194.3), ("CONCERN", 215.5, 271.9)),
            line(60, ("(1)", 82.5, 97.1), ("ISSUE", 128.0, 160.0), ("4", 162.2, 168.8),
                 *words("During our", 215.5, 60))]
    header = find_header(left, SETTINGS, None)
    assert header is not None and header.roles == {"ref": 0, "section": 1, "page_ref": 2, "issue": 3, "action": 4}
    centred = [line(30, ("NUMBER", 85.3, 128.7), ("PAGE", 134.9, 162.5), *words("AREA FOR IMPROVEMENT", 188, 30),
                    ("PROGRESS", 511.6, 566.3)),
               line(44, ("REFERENCE", 121.3, 178.7)),
               line(60, ("IoC1", 85.3, 110.0), ("Page", 130.0, 158.2), ("6", 161.3, 167.4),
                    *words("Officers described the", 188, 60))]
    header = find_header(centred, SETTINGS, None)
    assert header is not None and header.roles == {"ref": 0, "page_ref": 1, "issue": 2, "action": 3}


def test_a_line_in_the_text_column_under_the_next_tables_title_on_the_same_page_is_a_title_not_the_last_rows_text():
    """A second table starts on the page the first ends on, under its title and a date line that fits in the text
    column ("Report published 17 October 2023", a print title repeated over every table): the date is a title line of
    the table below, not the first table's last row going on (it was read into that row's text)."""
    def header(top):
        return line(top, ("Ref", 50, 65), ("Page", 100, 120), *words("Issue of concern", 160, top),
                    ("Action", 440, 470))

    def body(top, ref, page, text):
        return line(top, (ref, 50, 55), (page, 100, 125), *words(text, 160, top), *words("Under way", 440, top))

    rows = [header(100), body(120, "1", "p.4", "The force should review"), line(132, *words("its bail use", 160, 132)),
            line(160, *words("Recommendations", 50, 160)),
            line(180, *words("Report published 17 October 2023", 160, 180)), header(200),
            body(220, "1", "p.9", "Victims are not told"), body(240, "2", "p.11", "Calls are not graded")]
    out, _ = read_tables([PageTables(0, [Part(0, (0, 0, 600, 800), rows)], [], 800.0, SETTINGS)])
    cells = [r for r in out if r.kind is RowKind.CELLS and r.ref != "Ref"]
    assert not any("published" in r.issue for r in cells)
    titles = [r.text for r in out if r.kind is RowKind.TEXT]
    assert titles == ["Recommendations", "Report published 17 October 2023"]


def shifted_page(index: int, parts: list[tuple[float, list[Row]]]) -> PageTables:
    """One stream page whose groups of lines are each set ``dx`` points sideways."""
    rows = [Row(r.top, r.bottom, [Cell(c.text, c.x0 + dx, c.x1 + dx) for c in r.cells], is_line=True)
            for dx, lines in parts for r in lines]
    return PageTables(index, [Part(index, (0, 0, 800, 600), rows, None, "stream")], [], 600.0, SETTINGS)


def two_line_row(top: float, ref: str, page_ref: str, first: str, second: str) -> list[Row]:
    return [line(top, *words(ref, 55, top), *words(page_ref, 141, top), *words(first, 251, top)),
            line(top + 13, *words(second, 251, top + 13))]


def test_a_rows_text_line_set_as_far_sideways_as_its_first_line_stays_in_the_row_on_a_page_of_rows_set_true():
    """reportlab sets the rows of a table part split at a page foot 6 pt left, and the next table's rows on the same
    page where the columns are: the moved row's first line is read moved (its cells start 6 pt off their columns), and
    its next line, one phrase starting 6 pt left of the text column, is the same row's text, not a band across the
    page and text columns (the row lost every line after its first)."""
    header = line(40, *words("Ref", 55, 40), *words("Page", 141, 40), *words("Issue of concern", 251, 40))
    first = [header, *two_line_row(70, "IOC 1", "Page 4", "The force does not record crime", "accurately."),
             *two_line_row(100, "IOC 0", "Page 5", "The force does not review plans", "in time.")]
    moved = two_line_row(40, "IOC 2", "Page 6", "Supervision of investigations is", "inconsistent across teams.")
    true = [*two_line_row(100, "IOC 3", "Page 9", "Advertised meetings are often", "not kept up to date."),
            *two_line_row(130, "IOC 4", "Page 11", "Victims are not kept informed", "of progress in their case.")]
    rows, _ = read_tables([shifted_page(0, [(0.0, first)]), shifted_page(1, [(-6.0, moved), (0.0, true)])])
    assert not any(r.kind is RowKind.TEXT for r in rows)
    cells = [(r.ref, r.issue) for r in rows if r.kind is RowKind.CELLS and r.page_index == 1]
    assert cells[:2] == [("IOC 2", "Supervision of investigations is"), ("", "inconsistent across teams.")]


def test_a_page_whose_rows_are_mostly_set_sideways_is_read_moved_though_some_rows_sit_where_the_columns_are():
    """A page holding a moved table part's last rows (6 pt left) above a few rows of the next table set where the
    columns are: both moves have lines starting at every column's start, and the one most lines start at is taken
    (no move at all was taken, and a moved row cut at the page top, one text line alone, was read as a band)."""
    header = line(40, *words("Ref", 55, 40), *words("Page", 141, 40), *words("Issue of concern", 251, 40))
    first = [header, *two_line_row(70, "IOC 1", "Page 4", "The force does not record crime", "accurately."),
             *two_line_row(100, "IOC 0", "Page 5", "The force does not review plans", "in time.")]
    cut = [line(40, *words("in every case, as the rules require.", 251, 40))]
    moved = [*cut, *[r for k in range(4) for r in two_line_row(60 + 30 * k, f"IOC {k + 2}", f"Page {k + 5}",
                                                                "The force should review its plan", "this year.")]]
    true = [*two_line_row(200, "AFI 1", "Page 20", "The force should improve", "its bail use."),
            *two_line_row(230, "AFI 2", "Page 22", "The force should review", "its estate.")]
    rows, _ = read_tables([shifted_page(0, [(0.0, first)]), shifted_page(1, [(-6.0, moved), (0.0, true)])])
    assert not any(r.kind is RowKind.TEXT for r in rows)
    assert [r.ref for r in rows if r.kind is RowKind.CELLS and r.page_index == 1 and r.ref] == \
        ["IOC 2", "IOC 3", "IOC 4", "IOC 5", "AFI 1", "AFI 2"]


def centred_page_table() -> tuple[Table, TableSettings]:
    """A LaTeX table of 8 pt type whose page column is centred under "PG" and whose Type column is too narrow for
    "RECOMMENDATION" (it runs on to the page column's edge)."""
    table = Table([55.8, 96.6, 178.0, 235.9, 505.3, 600.0], {"ref": 0, "section": 1, "page_ref": 2, "issue": 3},
                  gridded=False, starts=[60.0, 97.0, 182.0, 236.0, 505.0],
                  label_starts=[55.8, 96.6, 187.0, 236.4, 505.3], label_middles=[63.7, 113.0, 192.8, 248.3, 533.9])
    return table, TableSettings(phrase_gap=5.6, cross_slack=1.6)


def test_a_page_cell_centred_in_its_column_and_wider_than_it_is_the_page_cell_not_a_band():
    """Centred page cells too wide for a narrow column run out over its left edge: a line holding only the first
    line of a two-line page cell ("Page 14 (para" set above the row's ref line), one drawn back over the end of a Type
    word run on past its column ("Page 17, Table 2" over "RECOMMENDATION"), and one set a word space after that word
    but centred under the column's label ("Page 30"), are the page column's (each was read as a band across the
    columns, and the row lost its page ref). A band from the table's left edge stays a band."""
    table, settings = centred_page_table()
    part = Part(0, (0, 0, 600, 800), [])
    alone = row_to_raw(line(349, ("Page", 167.7, 186.0), ("14", 188.2, 197.1), ("(para", 199.3, 217.8)), part, table,
                       1, settings)
    assert alone is not None and alone.kind is RowKind.CELLS and alone.page_ref == "Page 14 (para"
    over = row_to_raw(line(383, ("2.", 60.4, 67.1), ("RECOMMENDATION", 96.6, 172.8), ("Page", 163.1, 181.4),
                           ("17,", 183.7, 194.7), ("Table", 197.0, 215.8), ("2", 218.0, 222.4),
                           ("Within", 236.4, 258.5), ("three", 260.7, 278.9)), part, table, 1, settings)
    assert over is not None and over.kind is RowKind.CELLS
    assert (over.ref, over.section, over.page_ref, over.issue) == ("2.", "RECOMMENDATION", "Page 17, Table 2",
                                                                   "Within three")
    close = row_to_raw(line(72, ("5.", 60.4, 67.1), ("RECOMMENDATION", 96.6, 172.8), ("Page", 178.1, 196.4),
                            ("30", 198.6, 207.5), ("By", 236.4, 245.7), ("31", 247.9, 256.8)), part, table, 1, settings)
    assert close is not None and close.kind is RowKind.CELLS and (close.section, close.page_ref, close.issue) == \
        ("RECOMMENDATION", "Page 30", "By 31")
    band = row_to_raw(line(299, ("Recommendations", 36.8, 143.8), ("(in", 147.1, 161.7), ("response", 165.1, 222.2),
                           ("to", 225.5, 236.8), ("the", 240.1, 258.1)), part, table, 1, settings)
    assert band is not None and band.kind is RowKind.TEXT


def _ocr_line(y, words, at, w=_ocr_word):
    out = []
    for text in words:
        out.append(w(text, at, y))
        at += 18 * len(text) + 20
    return out


def test_an_ocr_lines_first_word_boxed_over_the_text_columns_edge_is_still_the_rows_line():
    """Held-out 9451-348: OCR boxed the first word of a row's last line ("to fill them.") wider than its print, over
    the text column's edge by more than a scan's jitter; the line read as a band and the row lost its end. Each word's
    middle lies in the text column, and the line names no section."""
    from hmic_extract.extract import scanned

    w = _ocr_word
    first = [w("Ref", 100, 200), w("Page", 230, 200), w("Finding", 420, 200), w("Response", 1250, 200),
             w("6", 100, 260), w("Page", 230, 260), w("22", 314, 260), *_ocr_line(260, ["The", "force", "acts."], 420),
             w("7", 100, 340), w("Page", 230, 340), w("24", 314, 340), *_ocr_line(340, ["The", "force", "should"], 420),
             *_ocr_line(380, ["develop", "its", "skills", "and"], 420)]
    second = [w("to", 398, 200, width=50), *_ocr_line(200, ["fill", "them."], 470),
              w("8", 100, 280), w("Page", 230, 280), w("26", 314, 280), *_ocr_line(280, ["The", "force", "acts."], 420)]
    rows, _pages = scanned.words_to_line_rows([(0, first), (1, second)], "ocr-lines/test")
    assert not any(r.kind is RowKind.TEXT and "them" in r.text for r in rows), [(r.kind, r.text) for r in rows]
    assert any(r.kind is RowKind.CELLS and r.issue.startswith("to") for r in rows)


def test_an_ocr_rows_first_line_with_its_prefixed_ref_wrapped_in_a_narrow_column_is_the_rows_line():
    """Held-out 9451-200: a ref "AFI-10" wrapped in its narrow column ("AFI-" / "10"), the page cell "Page" set just
    past the text column's last word: with no ref number on the line, it read as a band and the row lost its first
    line. A ref column holding a section's ref label and its joiner is a ref whose number wrapped."""
    from hmic_extract.extract import scanned

    w = _ocr_word
    page = [w("No.", 100, 200), w("Finding", 250, 200), w("Page", 790, 200), w("Lead", 1000, 200),
            w("AFI-", 100, 260), *_ocr_line(260, ["The", "force", "should"], 250), w("Page", 790, 260),
            w("9", 100, 300), *_ocr_line(300, ["review", "its", "data."], 250), w("40", 790, 300),
            w("AFI-", 100, 380), *_ocr_line(380, ["The", "force", "should", "make", "sure", "it"], 250),
            w("Page", 808, 380), w("Blue", 1000, 380),
            w("10", 100, 420), *_ocr_line(420, ["its", "use", "of", "stop", "and", "search"], 250), w("50", 790, 420),
            w("AFI-", 100, 500), *_ocr_line(500, ["The", "force", "acts."], 250), w("Page", 790, 500),
            w("11", 100, 540), *_ocr_line(540, ["on", "its", "data."], 250), w("52", 790, 540)]
    rows, _pages = scanned.words_to_line_rows([(0, page)], "ocr-lines/test")
    assert not any(r.kind is RowKind.TEXT and "make sure" in r.text for r in rows), [(r.kind, r.text) for r in rows]
    assert any(r.kind is RowKind.CELLS and "make sure" in r.issue for r in rows)


def test_an_ocr_page_folio_read_with_its_number_glued_on_is_no_rows_line():
    """Held-out 9451-285: a page's folio "Page 3" under the table, in the text column's span, OCR read as "Page3": it
    went on as the last row's line and the row's text ended "... target of 12. Page3"."""
    from hmic_extract.extract import scanned

    w = _ocr_word
    page = [w("Ref", 100, 200), w("Page", 230, 200), w("Finding", 420, 200), w("Response", 1250, 200),
            w("1", 100, 260), w("Page", 230, 260), w("51", 314, 260), *_ocr_line(260, ["The", "force", "acts."], 420),
            w("2", 100, 340), w("Page", 230, 340), w("56", 314, 340), *_ocr_line(340, ["Staff", "carry", "loads"], 420),
            *_ocr_line(380, ["of", "12."], 420),
            w("Page3", 420, 440)]
    rows, _pages = scanned.words_to_line_rows([(0, page)], "ocr-lines/test")
    assert not any(r.kind is RowKind.CELLS and "Page3" in r.issue for r in rows), [(r.kind, r.issue) for r in rows]
    assert any(r.kind is RowKind.TEXT and r.text == "Page3" for r in rows)


def test_an_ocr_footnote_under_the_table_is_told_by_its_narrower_letters_not_its_box_height():
    """Held-out 9451-259: a footnote "² Police National Computer checks ..." set small under the table, OCR read as
    "2 Police ..." with boxes as tall as the body's (the detector pads them): it went on as the last row's line. Its
    letters are narrower than the body's; a row's first line opening with its ref in the ref column is no footnote."""
    from hmic_extract.extract import scanned

    w = _ocr_word

    small = _small_ocr_line

    page = [w("Ref", 100, 200), w("Page", 230, 200), w("Finding", 420, 200), w("Response", 1250, 200),
            w("1", 100, 260), w("Page", 230, 260), w("51", 314, 260), *_ocr_line(260, ["The", "force", "acts."], 420),
            w("2", 100, 340), w("Page", 230, 340), w("56", 314, 340), *_ocr_line(340, ["Staff", "carry", "loads"], 420),
            *_ocr_line(380, ["of", "twelve", "cases."], 420),
            w("3", 400, 460), *small(460, ["Police", "National", "Computer", "checks", "through", "ACRO."], 420)]
    rows, _pages = scanned.words_to_line_rows([(0, page)], "ocr-lines/test")
    assert not any(r.kind is RowKind.CELLS and "ACRO" in r.issue for r in rows), [(r.kind, r.issue) for r in rows]
    assert [r.ref for r in rows if r.kind is RowKind.CELLS and r.ref][1:] == ["1", "2"]


def test_two_labels_tails_ocr_boxed_closer_than_a_phrase_gap_still_stack_under_their_labels():
    """Held-out 9451-124: "REPORT" / "PAGE REF" beside "RAG" / "STATUS", OCR boxing "STATUS" wider to its left so the
    two tails read as one phrase "PAGE REF STATUS" under two labels: the header was one line deep and its first line
    went into the first row ("REPORT pp.10-11", "RECOMMENDATION The force ...")."""
    rows = [line(60, ("REC", 45, 65), ("NO.", 68, 87), ("TYPE", 99, 122), ("RECOMMENDATION", 158, 256),
                  ("REPORT", 389, 428), ("RAG", 449, 471), ("LEAD", 519, 545), ("PROGRESS", 585, 642)),
            line(74, ("PAGE", 388, 417), ("REF", 418, 439), ("STATUS", 444, 485)),
            line(95, *words("The force needs to improve how it identifies and", 160, 95), ("Being", 585, 610)),
            line(106, ("AFI", 55, 70), ("1", 72, 76), ("AFI", 99, 115), *words("records the vulnerability", 160, 106),
                 ("pp.10-11", 390, 432))]
    header = find_header(rows, SETTINGS, None)
    assert header is not None and (header.first, header.count) == (0, 2)
    assert any("PAGE" in c.text and "REPORT" in c.text for c in header.cells)


def test_a_label_tail_starting_where_one_label_starts_stacks_under_it_however_far_it_runs_on():
    """pdflatex sets labels left in narrow columns and lets a word too wide run on over the next column: "REFERENCE"
    starts where "PAGE" starts, its middle falls in the white space between "PAGE" and "ISSUE" and it runs under
    "ISSUE" by more than a slight overrun; "/" (of "Open / Closed") starts where "Open" starts, under the end of
    "Rating" run on over "Open". Each is the tail of the one label it starts at (held-out 9471-26 and 9471-272: the
    header was read one line deep, without its ref column, and the whole table was lost)."""
    head = line(58, ("TYPE", 59.8, 89.1), ("REC", 110.9, 134.1), ("PAGE", 143.8, 172.9), ("ISSUE", 185.2, 216.9),
                ("RAG", 417.4, 441.2), ("CURRENT", 473.1, 527.3), ("DEADLINE", 505.7, 563.5))
    head.cells[-1].opens_column = True
    rows = [head,
            line(71, ("NO.", 111.6, 130.8), ("REFERENCE", 143.4, 211.0), ("STATUS", 473.1, 513.7)),
            line(85, ("AFI", 59.8, 77.5), ("(1)", 114.8, 127.6), ("pp.", 151.5, 165.2),
                 *words("The force needs to improve", 185.2, 85), ("Red", 417.4, 435.1))]
    header = find_header(rows, SETTINGS, None)
    assert header is not None and header.count == 2
    assert {"ref": 1, "page_ref": 2, "issue": 3}.items() <= header.roles.items()
    head = line(88, ("Report", 76.8, 110.9), *words("Issue of concern identified", 111.4, 88), ("Page", 295.4, 319.1),
                ("Rating", 334.4, 367.8), ("Open", 365.1, 393.1), ("Action", 395.9, 429.3))
    for cell in head.cells:
        cell.opens_column = cell.text in ("Report", "Issue", "Page", "Open", "Action")  # where body lines start
    rows = [head,
            line(101, ("Ref", 79.3, 97.0), ("reference", 292.1, 338.4), ("/", 365.0, 368.5)),
            line(114, ("Closed", 365.1, 399.8)),
            line(128, ("IoC-1", 76.8, 103.4), *words("The force does not", 111.4, 128), ("Pages", 293.2, 321.3),
                 ("Open", 365.1, 391.9))]
    header = find_header(rows, SETTINGS, None)
    assert header is not None and header.count == 3
    assert {"ref": 0, "issue": 1, "page_ref": 2}.items() <= header.roles.items()


def test_a_header_of_labels_centred_over_one_two_and_three_lines_stacks_around_its_line_of_most_labels():
    """Labels centred in a header of several lines (pdflatex's middle alignment) interleave at half a pitch: "Page" /
    "refer-" / "ence" over three lines, "Finding" / "type" and "Report" / "Ref" over two, the long text column's label
    and "Action" on one line, the middle one. The line holding most labels is the header's main line, under lines of
    short labels set higher; read from the first line of two labels, the long label under it ended the stacking
    (held-out 9471-308: the header lost "Page" and "Finding", the page column was unnamed and every row's page
    reference was empty)."""
    split = line(123.3, *words("Area for improvement / Recommendation", 191.3, 123.3), ("refer-", 451.5, 474.4),
                 ("Responsible", 500.6, 552.4), ("Open", 544.8, 569.4), ("/", 571.9, 576.0), ("Action", 603.7, 632.1))
    for cell in split.cells:
        cell.opens_column = cell.text in ("Area", "refer-", "Responsible", "Open", "Action")
    rows = [line(101.0, *words("ANNEX 1 – ASSURANCE MONITORING TEMPLATE", 88.2, 101.0)),
            line(112.3, ("Page", 451.5, 473.9)),
            line(117.8, ("Finding", 88.2, 119.4), ("Report", 142.2, 170.5)),
            split,
            line(128.8, ("type", 88.2, 107.7), ("Ref", 142.2, 155.6)),
            line(134.3, ("ence", 451.5, 474.1), ("officer", 500.6, 527.7), ("Closed", 544.8, 575.3)),
            line(145.7, ("ISSUE", 88.2, 109.8), ("OF", 112.3, 124.4)),
            line(156.6, ("CON-", 88.2, 112.9), ("Issue-1", 142.2, 170.4), *words("The force does not", 191.3, 156.6),
                 ("Head", 500.6, 524.8), ("Open", 544.8, 570.0))]
    header = find_header(rows, SETTINGS, None)
    assert header is not None and (header.first, header.count) == (1, 5)
    assert {"section": 0, "ref": 1, "issue": 2, "page_ref": 3}.items() <= header.roles.items()


def test_a_section_title_alone_in_the_ref_column_at_a_page_foot_is_a_band_over_the_next_page_rows():
    """pdflatex breaks a long table after a band row ("AFIS" in the first column, the rows under it pushed on to the
    next page): at the foot of its page the band sits at the rows' own leading under the last row's tall action cell,
    with no line under it to tell it is set apart (held-out 9471-123: read as a row whose ref was "AFIS", the section
    was lost and six areas for improvement were read as issues of concern)."""
    def page(index: int, rows: list[Row]) -> PageTables:
        return PageTables(index, [Part(index, (0, 0, 600, 800), rows, None, "stream")], [], 800.0, SETTINGS)

    head = line(40, ("Ref", 42.8, 60), ("Page", 85, 105), ("Issue", 160, 185), ("Action", 404.9, 440))
    first = [head,
             line(52, ("6", 42.8, 48), *words("Page 33", 85, 52), *words("The force should make", 160, 52),
                  *words("The force accepted", 404.9, 52)),
             line(64, *words("sure that children are", 160, 64), *words("this finding.", 404.9, 64)),
             line(76, *words("results reported to the PCC.", 404.9, 76)),
             line(88, ("AFIS", 42.8, 66))]
    second = [line(52, ("1", 42.8, 48), *words("Page 34", 85, 52), *words("The force should improve", 160, 52)),
              line(64, *words("the way it manages risk.", 160, 64))]
    rows, _ = read_tables([page(0, first), page(1, second)])
    afis = [r for r in rows if "AFIS" in (r.text or r.ref)]
    assert len(afis) == 1 and afis[0].kind is RowKind.TEXT and afis[0].band
    first[-1] = line(88, ("AFI", 42.8, 60), *words("The force should", 160, 88))  # a row's first line: no band
    rows, _ = read_tables([page(0, first), page(1, second)])
    assert [r.ref for r in rows if r.kind is RowKind.CELLS and r.ref and r.page_index == 0] == ["Ref", "6", "AFI"]


def test_a_section_title_left_at_the_foot_of_the_page_before_the_tables_first_page_titles_the_table():
    """pdflatex moves a table whose first row does not fit on to the next page, leaving the annex's heading and the
    first section's title alone on the page before (held-out 9471-173: with that page holding no table the title was
    dropped, and the first four areas for improvement were read under the Issue column's label as issues of concern).
    A page holding prose before its last line keeps that line too when it is a title; a line of prose is no title."""
    def page(index: int, rows: list[Row]) -> PageTables:
        return PageTables(index, [Part(index, (0, 0, 600, 800), rows, None, "stream")], [], 800.0, SETTINGS)

    before = [line(62, *words("Annex – HMICFRS findings and actions", 59.5, 62)),
              line(88, *words("Areas identified for improvement: Effectiveness", 59.5, 88))]
    table = [line(62, *words("Page Ref", 59.5, 62), ("Item", 130, 150), ("Issue", 180, 205), ("Progress", 400, 440)),
             line(78, *words("pp. 10-11", 59.5, 78), ("1)", 130, 138), *words("The force needs to", 180, 78)),
             line(92, *words("improve how it records.", 180, 92))]
    rows, _ = read_tables([page(0, before), page(1, table)])
    texts = [r.text for r in rows if r.kind is RowKind.TEXT]
    assert "Areas identified for improvement: Effectiveness" in texts
    assert rows.index(next(r for r in rows if r.text.startswith("Areas identified"))) < \
        rows.index(next(r for r in rows if r.ref == "1)"))
    before[-1] = line(88, *words("We will report on our progress in the spring.", 59.5, 88))
    rows, _ = read_tables([page(0, before), page(1, table)])
    assert not any(r.page_index == 0 for r in rows)


def test_a_title_line_set_close_over_a_one_line_header_does_not_take_the_ref_label():
    """A spreadsheet's printed page head ("Action plan" at the left, the force's name at the right) set a wrapped
    line's pitch over a one-line header: stacked in, "Action plan No." reads as the action column and the header
    names as many roles as the header line alone, but loses the ref column (every row lost with it). Of readings
    naming as many roles, the one naming more of the ref, page and text columns is the header."""
    rows = [line(38, *words("Action plan", 35, 38), *words("Dunmarsh Police", 737, 38)),
            line(49, *words("No.", 35, 49), *words("Category", 104, 49), *words("Finding", 191, 49),
                 *words("Page reference", 574, 49), *words("Owner", 643, 49), *words("Rating", 730, 49)),
            line(71, *words("The force should act on it.", 191, 71), *words("Red", 730, 71)),
            line(81, ("1", 35, 39), ("REC", 104, 117), *words("and report.", 191, 81), *words("Page 10", 574, 81))]
    header = find_header(rows, SETTINGS, None)
    assert header is not None and (header.first, header.count) == (1, 1)
    assert header.cells[header.roles["ref"]].text == "No."


def test_a_cells_first_word_set_word_close_after_the_cell_before_opens_its_column_when_it_opens_a_text_run():
    """Tight spreadsheet columns: a page ref centred in a narrow page column ("Page 7 Figure") sits a word space and a
    half from the type cell before it and from the text cell after it, and nowhere near where its column's lines or its
    label start. Each cell is drawn as a text run of its own (the words inside one run on), so its first word opening a
    new run says a cell starts there; read as full-width text, the row lost its ref (9471-115). A title drawn in one
    run at the same spacing stays full-width text."""
    table = Table([80.0, 143.6, 201.4, 253.3, 467.0], {"ref": 0, "section": 1, "page_ref": 2, "issue": 3},
                  gridded=False, starts=[109.0, 144.0, 216.0, 253.0], label_starts=[80.0, 143.6, 201.4, 253.3],
                  label_middles=[93.0, 166.0, 223.7, 330.0])
    settings = TableSettings(phrase_gap=5.1, cross_slack=1.5)
    placed = [("2", 109.1, 113.2), ("Issue", 143.6, 161.3), ("of", 163.2, 170.6), ("concern", 172.0, 199.9),
              ("Page", 203.4, 219.6), ("7", 221.5, 225.6), ("Figure", 227.5, 249.9), ("Some", 253.3, 272.1),
              ("calls", 274.0, 289.4)]
    opens = {"2", "Issue", "Page", "Some"}
    runs = Row(144, 154, [Cell(t, x0, x1, runs_on=t not in opens) for t, x0, x1 in placed], is_line=True)
    assert line_row_cells(runs, table, settings) == ["2", "Issue of concern", "Page 7 Figure", "Some calls"]
    one_run = Row(144, 154, [Cell(t, x0, x1, runs_on=t != "Issue") for t, x0, x1 in placed[1:]], is_line=True)
    assert line_row_cells(one_run, table, settings) is None


def test_the_rest_of_a_row_set_sideways_at_a_page_foot_is_read_as_far_sideways_at_the_next_page_top():
    """reportlab sets a row split at a page foot 6 pt left, both its parts: the row's first lines at the foot are read
    moved, and its last lines at the next page's top (one phrase in the text column each, no header above them, the
    page's other rows set true) are set as far off. Read with the page's columns they straddled the text column's
    edge and were full-width text, lost from the row (9471-143)."""
    def row(top: float, ref: str, page_ref: str, first: str, second: str) -> list[Row]:
        return [line(top, *words(ref, 61, top), *words(page_ref, 103, top), *words(first, 180, top),
                     *words("Work is under way.", 382, top)),
                line(top + 12, *words(second, 180, top + 12))]

    header = line(40, *words("Ref", 61, 40), *words("Page", 103, 40), *words("Finding", 180, 40),
                  *words("Progress", 382, 40))
    first = [header, *row(70, "IOC 1", "Pages 12/13", "The force does not record crime", "accurately."),
             *row(100, "IOC 2", "Pages 14/15", "The force does not review plans", "in time.")]
    above = [*row(40, "IOC 3", "Pages 16/17", "The force should plan", "its estate."),
             *row(70, "IOC 4", "Pages 17/18", "The force should review", "its bail use.")]
    moved = row(100, "IOC 5", "Pages 18/19", "Supervision of investigations is", "inconsistent across")
    rest = [line(40, *words("teams and shifts, and victims are", 180, 40)),
            line(52, *words("let down as a result.", 180, 52))]
    true = [*row(80, "IOC 6", "Pages 19/20", "Advertised meetings are often", "not kept up to date."),
            *row(110, "IOC 7", "Pages 21/22", "Victims are not kept informed", "of progress in their case.")]
    rows, _ = read_tables([shifted_page(0, [(0.0, first)]), shifted_page(1, [(0.0, above), (-6.0, moved)]),
                           shifted_page(2, [(-6.0, rest), (0.0, true)])])
    assert not any(r.kind is RowKind.TEXT for r in rows)
    cells = [(r.ref, r.issue) for r in rows if r.kind is RowKind.CELLS and r.page_index == 2]
    assert cells[:2] == [("", "teams and shifts, and victims are"), ("", "let down as a result.")]


def test_an_ocr_footnote_whose_words_run_on_from_its_mark_into_the_ref_column_is_no_row():
    """Held-out 9471-286: a footnote "² Police National Computer checks on ..." set small from the page's left margin,
    its mark read as "2", its words falling where the page and text columns start: as a row with the ref "2 Police
    National" its words went into the row above. A ref cell holding words no ref reads as is no ref."""
    from hmic_extract.extract import scanned

    w = _ocr_word

    small = _small_ocr_line

    page = [w("Ref", 100, 200), w("Page", 297, 200), w("Finding", 547, 200), w("Response", 1250, 200),
            w("1", 100, 260), w("Page", 297, 260), w("51", 381, 260), *_ocr_line(260, ["The", "force", "acts."], 547),
            w("2", 100, 340), w("Page", 297, 340), w("56", 381, 340), *_ocr_line(340, ["Staff", "carry", "loads"], 547),
            *_ocr_line(380, ["of", "twelve", "cases."], 547),
            *small(460, ["2", "Police", "National", "Computer", "checks", "on", "foreign", "nationals", "through",
                         "ACRO."], 60)]
    rows, _pages = scanned.words_to_line_rows([(0, page)], "ocr-lines/test")
    cells = [r for r in rows if r.kind is RowKind.CELLS]
    assert not any("ACRO" in r.issue or "Police" in r.ref for r in cells), [(r.ref, r.issue) for r in cells]
    assert [r.ref for r in cells if r.ref][1:] == ["1", "2"]


def test_a_cell_drawn_in_the_run_of_the_cell_before_it_opens_its_column_on_a_line_of_several_phrases():
    """A spreadsheet's PDF draws a row's cells as one text run, a space between: "Page 28 (para" fills its column and
    "AFI" follows a few points on, where the Type column's lines and label start; the ref and text cells stand far
    apart after it. Run on from the page cell, the row's first line was read as full-width text (the row lost its ref).
    A title over the columns is one phrase, and stays full-width text however its words fall."""
    table = Table([74, 135, 196, 251, 527], {"page_ref": 0, "section": 1, "ref": 2, "issue": 3}, gridded=False,
                  starts=[74.0, 135.0, 196.0, 251.0], label_starts=[74.4, 135.1, 195.8, 251.0])

    def cells(*found: tuple[str, float, float], run: bool = True) -> list[Cell]:
        return [Cell(t, x0, x1, runs_on=run and k > 0) for k, (t, x0, x1) in enumerate(found)]

    page_and_type = cells(("Page", 74.4, 94.9), ("28", 97.2, 107.3), ("(para", 109.5, 131.0), ("AFI", 135.1, 148.3))
    row = Row(70, 80, [*page_and_type,
                       *cells(("18", 195.8, 205.8), run=False), *cells(*words("The force should", 251, 70), run=False)],
              is_line=True)
    assert line_row_cells(row, table, SETTINGS) == ["Page 28 (para", "AFI", "18", "The force should"]
    title = Row(70, 80, cells(*words("Areas for improvement in", 102, 70), ("Efficiency", 235.0, 285.0)), is_line=True)
    assert line_row_cells(title, table, SETTINGS) is None


def test_footnotes_under_a_short_part_of_a_table_set_in_the_body_size_of_the_table_before_are_small_print():
    """A header repeated on each page starts a table of its own; on a page holding a table's last row and three
    footnotes (raised marks at 6.4 pt, notes at 8 pt) the lines' median size is the notes', so the marks were read as
    rows' refs ("1", "2", "3") and went to the next section as empty rows. The annex sets its tables in one body size:
    a table read before tells it."""
    def sized(row: Row, size: float) -> Row:
        row.size = size
        return row

    header = [("NO.", 50.0, 65.0), ("PAGE", 90.0, 112.0), ("HMICFRS FINDING", 160.0, 235.0)]
    first = [sized(line(60, *header), 10.0)] + [
        sized(line(72 + 24 * k, (f"{k + 1}.", 50.0, 58.0), ("Page", 90.0, 110.0), (str(k + 5), 112.5, 122.5),
                   *words("The force should do more", 160, 0)), 10.0) for k in range(5)]
    second = [sized(line(60, *header), 10.0),
              sized(line(72, ("6.", 50.0, 58.0), ("Page", 90.0, 110.0), ("33", 112.5, 122.5),
                         *words("We said that the force should take steps", 160, 0)), 10.0),
              sized(line(84, *words("to reduce the number of investigations.", 160, 0)), 10.0)]
    for k in range(3):
        second.append(sized(line(110 + 10 * k, (str(k + 1), 50.0, 53.0)), 6.4))
        second.append(sized(line(112 + 10 * k, *words("The Code of Practice for Victims of Crime, 2015", 56, 0)), 8.0))
    out, _ = read_tables([PageTables(0, [Part(0, (0, 0, 600, 800), first)], [], 800),
                          PageTables(1, [Part(1, (0, 0, 600, 800), second)], [], 800)])
    refs = [r.ref for r in out if r.kind is RowKind.CELLS and r.page_index == 1 and r.ref not in ("", "NO.")]
    assert refs == ["6."]


def _small_ocr_line(y, words, at):
    """OCR boxes of a line set small (a footnote's): 13 px a letter, words 14 px apart, from ``at``."""
    out = []
    for text in words:
        out.append(_ocr_word(text, at, y, width=13 * len(text)))
        at += 13 * len(text) + 14
    return out


def test_a_rows_first_text_lines_set_sideways_over_its_centred_ref_are_its_text_not_bands():
    """reportlab sets the part of a row split at the page foot 6 pt left, its ref centred on the part's lines: the
    row's first two lines hold only text, starting 6 pt left of the text column (their first word over its edge), and
    only the line under them, holding the ref, shows the move. They are the row's text, set as far sideways as its ref
    line below them, not bands across two columns (the row lost its first two lines, 9491-217). A title across the
    columns over a row set where the columns are stays one."""
    from hmic_extract.extract.table.base import Reading, read_part

    table = Table([86.5, 130.8, 186.1, 379.6, 440.4, 600.0], {"ref": 0, "section": 1, "issue": 2, "page_ref": 3},
                  gridded=False, starts=[86.5, 130.8, 186.1, 379.6, None],
                  label_starts=[86.5, 130.8, 186.1, 379.6, 440.4])
    part = Part(0, (0, 0, 612, 792), [])
    settings = TableSettings(line_pitch=12.2, phrase_gap=7.0, cross_slack=1.5)
    body = [line(623.7, *words("The force should improve the timeliness", 186.1, 623.7)),
            line(635.9, *words("21)", 86.5, 635.9), *words("AFI", 130.8, 635.9),
                 *words("of its response to calls", 186.1, 635.9), *words("Page 29", 379.6, 635.9)),
            line(648.1, *words("as priority, especially in rural areas.", 186.1, 648.1)),
            line(666.3, *words("The force should make sure that its use of", 180.1, 666.3)),
            line(678.5, *words("stop and search powers is recorded", 180.1, 678.5)),
            line(690.7, *words("22)", 80.5, 690.7), *words("AFI", 124.8, 690.7),
                 *words("accurately, including the grounds for the", 180.1, 690.7))]
    rows = read_part(Reading(table=table), part, body, settings)
    assert [(r.kind, r.ref, r.issue) for r in rows][-3:] == [
        (RowKind.CELLS, "", "The force should make sure that its use of"),
        (RowKind.CELLS, "", "stop and search powers is recorded"),
        (RowKind.CELLS, "22)", "accurately, including the grounds for the")]
    title = [line(666.3, *words("Areas for improvement", 180.1, 666.3)),
             line(690.7, *words("1)", 86.5, 690.7), *words("The force should act.", 186.1, 690.7))]
    assert read_part(Reading(table=table), part, title, settings)[0].kind is RowKind.TEXT


def test_body_lines_whose_words_name_the_key_roles_in_other_key_columns_are_no_next_header():
    """A wrapped type cell ("ISSUE" / "OF CO" / "NCERN") beside a row's text that reads "cross-reference the links
    between" and its page cell "Page": stacked, the lines name the text, ref and page columns, but the "ref" label is
    words of the text column and the "issue" label sits in the type column. A table's next header sets its labels
    over their own columns; read as one, the rows under it took the text as refs (9491-280). The table's header
    repeated further down is still one."""
    from hmic_extract.extract.table.base import next_header

    table = Table([40.0, 100.0, 150.0, 400.0, 460.0, 700.0],
                  {"section": 0, "ref": 1, "issue": 2, "page_ref": 3, "action": 4}, gridded=False,
                  starts=[40.0, 100.0, 150.0, 400.0, 460.0], label_starts=[40.0, 100.0, 150.0, 400.0, 460.0])
    settings = TableSettings(line_pitch=13.4, phrase_gap=7.0)
    body = [line(540.0, *words("The missing persons problem", 150.0, 540.0)),
            line(553.4, *words("profile does not adequately", 150.0, 553.4)),
            line(560.1, *words("ISSUE", 40.0, 560.1)),
            line(566.8, *words("cross-reference the links between", 150.0, 566.8), *words("Page", 400.0, 566.8)),
            line(573.5, *words("OF CO", 40.0, 573.5), *words("(6)", 100.0, 573.5)),
            line(580.2, *words("young people who go missing and", 150.0, 580.2), *words("9", 405.0, 580.2)),
            line(587.0, *words("NCERN", 40.0, 587.0))]
    assert next_header(body, 0, table, settings) is None
    header = [line(610.0, *words("TYPE", 40.0, 610.0), *words("NUMBER", 100.0, 610.0),
                   *words("RECOMMENDATION", 150.0, 610.0), *words("PAGE", 400.0, 610.0),
                   *words("ACTION", 460.0, 610.0))]
    found = next_header([*body, *header], 0, table, settings)
    assert found is not None and found.first == len(body)
