"""Words -> line fragments: rows, gutters, justified spaces, list markers and table rows."""

from __future__ import annotations

import pytest

from hmic_extract.extract.findings.lines import words_to_lines


def words(text: str, x0: float, top: float, size: float = 10.5, gap: float = 2.6,
          font: str = "Helvetica") -> list[dict]:
    """The words of ``text`` laid out from ``x0`` with ``gap`` points between them."""
    out, x = [], x0
    for w in text.split():
        width = 0.5 * size * len(w)
        out.append({"text": w, "x0": x, "x1": x + width, "top": top, "bottom": top + size, "size": size,
                    "fontname": font})
        x += width + gap
    return out


def test_a_large_heading_in_one_column_does_not_join_two_lines_of_the_other():
    page = [*words("Understanding the", 62, 72, size=17), *words("problem", 62, 93, size=17),
            *words("Forces should make better use", 309, 89, size=11),
            *words("held by partner organisations", 309, 103.6, size=11)]
    texts = [ln.text for ln in words_to_lines(page, 0, [])]
    assert "Forces should make better use" in texts and "held by partner organisations" in texts


def test_a_chart_label_far_left_of_a_list_item_is_not_its_marker():
    page = [*words("84", 256, 505, size=9), *words("(2)", 311, 505, size=11),
            *words("By January 2024, forces should", 334, 505, size=11)]
    lines = words_to_lines(page, 0, [])
    item = next(ln for ln in lines if "January" in ln.text)
    assert item.marker == "(2)" and item.text.startswith("By January")


def test_a_justified_line_with_wide_spaces_is_one_fragment():
    page = words("relies on savings from a change", 62, 390, size=10.5, gap=14.6)
    assert [ln.text for ln in words_to_lines(page, 0, [])] == ["relies on savings from a change"]


def test_two_justified_columns_are_split_where_the_other_rows_start_their_second_column():
    page = []
    for i in range(4):
        page += words("left column text of the page", 62, 100 + 14 * i, gap=3)
        page += words("right column text runs here", 309, 100 + 14 * i, gap=3)
    page += words("with local schools that reduced", 62, 160, gap=9) + words("prevention orders, to manage", 309, 160,
                                                                             gap=9)
    texts = [ln.text for ln in words_to_lines(page, 0, []) if ln.top == 160]
    assert texts == ["with local schools that reduced", "prevention orders, to manage"]


def test_a_symbol_font_bullet_is_a_marker_and_the_row_of_a_table_has_peers():
    bullet = [{"text": "n", "x0": 311, "x1": 315, "top": 180, "bottom": 189, "size": 9, "fontname": "ZapfDingbats"}]
    lines = words_to_lines(bullet + words("The force should improve", 323, 180, size=9), 0, [])
    assert (lines[0].marker, lines[0].text) == ("n", "The force should improve")
    table = words_to_lines(words("Recommendation 5.7: Detainees", 66, 753, 8.5) + words("Partially achieved.", 325,
                                                                                         753, 8.5), 0, [])
    assert [ln.peers for ln in table] == [1, 1]


def test_a_contents_line_with_dot_leaders_counts_as_a_table_row():
    line = words_to_lines(words("Areas for Improvement......................... 39", 74, 137), 0, [])[0]
    assert line.peers >= 1


def test_a_justified_line_beside_the_other_column_keeps_its_wide_spaces():
    left = "How well does the force at all keep people safe"
    page = words(left, 62, 72, size=10, gap=2.5) + words("The force should evaluate its", 333, 73, size=9, gap=17.7)
    assert [ln.text for ln in words_to_lines(page, 0, [])] == [left, "The force should evaluate its"]


def test_a_short_justified_line_keeps_its_very_wide_spaces_beside_the_other_column():
    left = "It responds to them, and how it works with"
    page = words(left, 62, 240, size=10.5, gap=3.2) + words("recommend that Northmoor", 319, 241, size=10.5, gap=31.3)
    for i in range(4):  # the rest of the page: two columns with ordinary spacing
        page += words("left column text of the page", 62, 100 + 14 * i, gap=3) + \
            words("right column text runs here", 319, 100 + 14 * i, gap=3)
    texts = [ln.text for ln in words_to_lines(page, 0, []) if 239 < ln.top < 243]
    assert texts == [left, "recommend that Northmoor"]


def test_a_heading_in_one_column_beside_two_lines_of_the_other_keeps_them_two_rows():
    page = words("force at tackling serious", 62, 91.9, size=16.3) + \
        words("Northmoor Constabulary should", 309, 88.1, size=10.5) + \
        words("immediately ensure that supervisors", 309, 101.9, size=10.5)
    texts = [ln.text for ln in words_to_lines(page, 0, [])]
    assert "Northmoor Constabulary should" in texts and "immediately ensure that supervisors" in texts


def test_a_justified_bulleted_line_of_three_words_is_one_fragment():
    # "•  Kelderwick      Police      should": the bullet's own gap is not a word space, so it must not
    # make the justified spaces after it look like table gutters (the item became three cells, a table
    # row, and a cause's recommendations were lost).
    page = [*words("•", 321, 74, size=10.5), *words("Kelderwick Police should", 333, 74, size=10.5, gap=33.7)]
    page += words("immediately review the way it", 333, 87, size=10.5, gap=8)
    lines = words_to_lines(page, 0, [])
    first = next(ln for ln in lines if ln.top < 80)
    assert (first.marker, first.text, first.peers) == ("•", "Kelderwick Police should", 0)


def test_a_hanging_indent_in_the_right_column_is_not_a_column_start():
    # Bullet items in the right column wrap to a hanging indent (text at 329, bullet at 309): the indent
    # follows the gutter on several rows, but it is inside the column that starts at 309, so a line of
    # that column with a word near 329 ("By | 30 June 2023, …") must stay whole (it became a table row
    # and the lead-in of a cause's second recommendation was lost).
    page = []
    for i in range(4):
        top = 100 + 16 * i
        page += words("left column text of the page", 62, top, size=12, gap=3)
        page += words("right column paragraph text", 309, top, size=12, gap=3)
    for i in range(5):
        top = 180 + 16 * i
        if i == 4:  # a justified line whose wide spaces hide the gutter: still cut at the indent
            page += words("in a justified line", 62, top, size=12, gap=44)
        else:
            page += words("left column text of the page", 62, top, size=12, gap=3)
        page += (words("○", 309, top, size=12) if i == 0 else []) + words("item text that wraps", 329, top, size=12,
                                                                          gap=3)
    page += words("left column text of the page", 62, 260, size=12, gap=3)
    by = words("By", 309, 260, size=12)
    page += by + words("30 June 2023, chief constables", by[0]["x1"] + 8, 260, size=12, gap=8)
    lines = words_to_lines(page, 0, [])
    assert [ln.text for ln in lines if ln.top == 260] == ["left column text of the page",
                                                           "By 30 June 2023, chief constables"]
    assert [ln.text for ln in lines if ln.top == 244] == ["in a justified line", "item text that wraps"]


def test_a_narrow_gutter_before_a_bullet_of_a_justified_item_in_the_other_column_still_splits():
    # "… the chance of gathering  ■ The      force      should" (ZapfDingbats bullet): the gutter (25 pt) is
    # narrower than the item's justified spaces (18 pt x 1.6), but the bullet's own small gap right after it
    # shows a new fragment starts there.
    left = words("risk and reduce the chance of gathering", 62, 625, size=12, gap=4)
    bullet = {"text": "n", "x0": left[-1]["x1"] + 24.7, "x1": left[-1]["x1"] + 29.7, "top": 627, "bottom": 634,
              "size": 7.2, "fontname": "ZapfDingbats"}
    page = [*left, bullet, *words("The force should improve its", bullet["x1"] + 7, 625, size=12, gap=18)]
    texts = [ln.text for ln in words_to_lines(page, 0, [])]
    assert texts == ["risk and reduce the chance of gathering", "The force should improve its"]


def test_one_line_ocr_boxed_in_two_pieces_beside_the_other_column_stays_one_line_in_order():
    """OCR may box one line in two pieces at slightly different heights; with the other column's line set between
    them, the pieces still make one line, read left to right."""
    page = [*words("vulnerable people, so that officers are", 78, 641.9, size=15, font=""),
            *words("deployed in accordance with the", 80, 655.2, size=15, font=""),
            *words("leaders, so that it can plan for", 307.8, 647.3, size=15, font=""),
            *words("future needs.", 307.8 + 26 * 7.5 + 6 * 2.6 + 3, 646.9, size=15, font="")]
    texts = [ln.text for ln in words_to_lines(page, 0, [])]
    assert "leaders, so that it can plan for future needs." in texts



def justified(text: str, x0: float, x1: float, top: float, size: float = 12) -> list[dict]:
    """The words of ``text`` spread from ``x0`` to ``x1``, as a justified line sets them."""
    laid = words(text, x0, top, size=size, gap=0)
    spare = (x1 - laid[-1]["x1"]) / max(1, len(laid) - 1)
    return [{**w, "x0": w["x0"] + i * spare, "x1": w["x1"] + i * spare} for i, w in enumerate(laid)]


def two_columns_with_lone_right_lines() -> list[dict]:
    """Two justified columns (gutter 62-286 | 309-533, 23 pt) whose rows mostly fall at different heights, so
    only a few rows hold both columns' lines."""
    page = []
    for i in range(6):
        page += justified("left column text of the page runs on", 62, 286, 100 + 16 * i)
        page += justified("right column text runs on here and on", 309, 533, 100 + 16 * i + (0 if i < 3 else 7))
    return page


def test_a_row_both_columns_share_below_the_last_shared_row_is_still_cut_at_the_gutter():
    page = two_columns_with_lone_right_lines()
    page += justified("develop and put in a plan", 62, 286, 200) + justified("board, which meets every", 309, 533, 198)
    texts = [ln.text for ln in words_to_lines(page, 0, []) if ln.top >= 198]
    assert texts == ["develop and put in a plan", "board, which meets every"]


def test_a_heading_opening_the_right_column_beside_a_justified_line_is_cut_from_it():
    page = [*justified("performance each month, and the", 62, 286, 72, size=10),
            *justified("Systems and processes", 309, 500, 69, size=15.5)]
    page += two_columns_with_lone_right_lines()
    texts = [ln.text for ln in words_to_lines(page, 0, []) if ln.top < 80]
    assert texts == ["performance each month, and the", "Systems and processes"]


def test_a_short_line_justified_across_the_right_column_is_not_joined_to_the_left_columns_line():
    # "police and crime" justified across a 190 pt column: spaces of 49 pt, wider than the gutter before them;
    # the left line's spaces are ordinary, so the gutter ends that line.
    page = words("leadership and force management.", 100, 166, size=12, gap=3.8)
    page += justified("police and crime", 333, 523, 169)
    assert [ln.text for ln in words_to_lines(page, 0, [])] == ["leadership and force management.",
                                                              "police and crime"]


def test_a_bullet_in_the_gutter_goes_with_the_right_columns_item_not_the_left_line():
    page = []
    for i in range(4):
        page += justified("left column text of the page runs on", 62, 286, 100 + 16 * i)
        page += justified("item text that wraps here and on", 325, 533, 100 + 16 * i)
    bullet = {"text": "▪", "x0": 311.1, "x1": 315.4, "top": 164, "bottom": 176, "size": 12, "fontname": "Vera"}
    page += [*justified("Call handlers use a structured", 62, 286, 164), bullet]
    page += justified("Greyhaven Constabulary should", 325, 533, 164)
    item = next(ln for ln in words_to_lines(page, 0, []) if "Greyhaven" in ln.text)
    assert (item.marker, item.text) == ("▪", "Greyhaven Constabulary should")


def test_a_bullet_after_a_left_line_of_ordinary_spaces_starts_the_right_columns_item():
    page = words("people, how quickly it", 162, 260, size=12, gap=3.5)  # ends at 286.5
    page += [{"text": "▪", "x0": 311.1, "x1": 315.4, "top": 257, "bottom": 269, "size": 12, "fontname": "Vera"}]
    page += justified("Greyhaven Constabulary should", 325, 533, 257)
    item = next(ln for ln in words_to_lines(page, 0, []) if "Greyhaven" in ln.text)
    assert (item.marker, item.text) == ("▪", "Greyhaven Constabulary should")


def test_a_row_far_from_the_shared_rows_is_cut_where_it_spans_the_whole_gutter():
    # A chart's axis labels ("2019/20 2020/21 2021/22") at the top of the right column, level with a justified
    # item line of the left column, far above the rows that show the gutter: the gap spans the gutter exactly.
    page = [*justified("The force should improve its", 78, 286, 67), *words("2019/20 2020/21 2021/22", 309, 67,
                                                                            size=11.5, gap=33)]
    for i in range(4):
        page += justified("left column text of the page runs on", 62, 286, 300 + 16 * i)
        page += justified("right column text runs on here and on", 309, 533, 300 + 16 * i)
    texts = [ln.text for ln in words_to_lines(page, 0, []) if ln.top < 80]
    assert texts == ["The force should improve its", "2019/20 2020/21 2021/22"]


def test_a_justified_line_whose_spaces_are_as_wide_as_the_gutter_keeps_its_last_word():
    # "attends   incidents   within   the" justified across a 224 pt column (spaces of 22.6 pt) beside the right
    # column's ordinary line, the gutter (22.9 pt) no wider than those spaces: the gutter's side of "the" mixes the
    # gutter with the right line's spaces, and "the" was cut off as a cell (the finding became a table row and
    # was lost). A gap is a gutter only where the space next to it on one side is ordinary.
    page = two_columns_with_lone_right_lines()
    page += justified("attends incidents within the", 62, 286.2, 300) + \
        words("requirements under the Sexual Offences", 309.1, 298, size=12, gap=3.5)
    texts = [ln.text for ln in words_to_lines(page, 0, []) if ln.top >= 290]
    assert texts == ["attends incidents within the", "requirements under the Sexual Offences"]


def test_a_bullet_drawn_into_the_other_columns_row_still_marks_its_item():
    # The bullet is set a size larger than its text and a few tenths of a point higher: its middle lies nearer
    # the left column's line (3 pt above) than its own text's, so it fell into that row, was left a lone
    # fragment, and its item lost its marker (the last area for improvement of a list was lost).
    page = words("38 percent of its demand came from incidents", 62.4, 302.39, size=9.5, gap=3)
    page += words("that were not crimes, such as concerns for", 62.4, 314.93, size=9.5, gap=3)
    page += [{"text": "•", "x0": 311.0, "x1": 316.9, "top": 305.33, "bottom": 315.33, "size": 10.0,
              "fontname": "Vera"}]
    page += words("The force should carry out a full", 323.0, 305.9, size=9.5, gap=3)
    page += words("assessment of the capability and capacity", 323.0, 318.25, size=9.5, gap=3)
    lines = words_to_lines(page, 0, [])
    item = next(ln for ln in lines if ln.text.startswith("The force"))
    assert (item.marker, item.text) == ("•", "The force should carry out a full")
    assert not any(ln.text == "•" for ln in lines)


def test_a_row_far_from_the_shared_rows_is_cut_where_it_spans_the_gutter_into_a_hanging_indent():
    # "Marchford    Constabulary    is" justified in the left column (37 pt spaces) beside a numbered item's
    # wrapped line at its hanging indent (333 pt, the column starting at 309): the 47 pt gap spans the gutter, but
    # the word after it starts at the indent, not at the column's start, and the two lines were read as one.
    page = two_columns_with_lone_right_lines()
    spans = (("Marchford", 62.5, 123.4, 300), ("Constabulary", 160.3, 239.8, 300), ("is", 276.7, 286.3, 300),
             ("Constabulary", 333.1, 412.6, 297), ("should", 429.0, 468.7, 297), ("develop", 485.1, 532.8, 297))
    page += [{"text": t, "x0": x0, "x1": x1, "top": top, "bottom": top + 12, "size": 12, "fontname": "Vera"}
             for t, x0, x1, top in spans]
    texts = [ln.text for ln in words_to_lines(page, 0, []) if ln.top >= 290]
    assert texts == ["Marchford Constabulary is", "Constabulary should develop"]


def test_an_item_number_drawn_into_the_other_columns_row_still_numbers_its_item():
    # "(c)" set at 10 pt before a 9.5 pt item, level with a smaller glossary line of the right column: the number
    # fell into that row and the item lost it (recommendations (c)-(e) were read in the wrong order).
    page = words("volunteers to help the police in a role", 309.0, 163.1, size=8.5, gap=2)
    page += [{"text": "(c)", "x0": 64.4, "x1": 75.5, "top": 165.27, "bottom": 175.27, "size": 10.0, "fontname": "Vera"}]
    page += words("By 31 October 2023, the College of Policing should", 82.4, 165.66, size=9.5, gap=2.5)
    page += words("amend the Vetting Authorised Professional Practice", 82.4, 178.2, size=9.5, gap=2.5)
    item = next(ln for ln in words_to_lines(page, 0, []) if ln.text.startswith("By 31"))
    assert item.marker == "(c)"


def test_a_justified_space_that_happens_to_span_a_gutter_far_down_the_page_does_not_cut_the_line():
    # A table lower on the page starts a column at 189 pt (the cells before it end at 176 pt); "during booking
    # in, and some", justified with 16.8 pt spaces, has one between 175 and 192 pt: the line was cut there, read
    # as a table row, and the cause of concern it opened was lost.
    page = []
    for i in range(4):
        page += words("Source data", 125.7, 420 + 16 * i, size=9.5, gap=3) + words("412 388 405", 189, 420 + 16 * i,
                                                                                   size=9.5, gap=40)
    spans = (("during", 82.4, 116.2), ("booking", 133.0, 174.8), ("in,", 191.6, 204.5), ("and", 221.2, 241.0),
             ("some", 257.7, 286.3))
    page += [{"text": t, "x0": x0, "x1": x1, "top": 173.6, "bottom": 184.1, "size": 10.5, "fontname": "Vera"}
             for t, x0, x1 in spans]
    texts = [ln.text for ln in words_to_lines(page, 0, []) if ln.top < 200]
    assert texts == ["during booking in, and some"]


def test_a_roman_item_number_whose_full_stop_ocr_lost_is_still_its_marker():
    # OCR read "iii." as "iii", set a marker's gap before "By 31 October 2023, …" (its siblings read "iv.", "v."):
    # the item lost its number, and the recommendations were read out of order.
    page = [{"text": "iii", "x0": 60.8, "x1": 74.9, "top": 212.8, "bottom": 225.0, "size": 10.0, "fontname": ""}]
    page += words("By 31 October 2023, the College of Policing", 88.6, 210.6, size=12, gap=5)
    line = words_to_lines(page, 0, [])[0]
    assert (line.marker, line.text) == ("iii", "By 31 October 2023, the College of Policing")


def test_a_roman_numeral_word_at_a_word_space_is_text():
    line = words_to_lines(words("iii By 31 October 2023, the College", 60, 210, size=12, gap=3), 0, [])[0]
    assert (line.marker, line.text) == ("", "iii By 31 October 2023, the College")


def test_bullets_set_far_from_their_text_are_still_markers_where_the_page_sets_them_so():
    # A wide hanging indent: each bullet stands four font sizes before its item's text, further than the usual
    # marker gap; the page's own bullets say how far a marker may stand (settings.marker_gap is the least).
    page = []
    for i, text in enumerate(("review how it records crime", "train its call handlers", "audit its records")):
        page += [{"text": "•", "x0": 62, "x1": 67, "top": 100 + 20 * i, "bottom": 110 + 20 * i, "size": 10,
                  "fontname": "Vera"}]
        page += words(text, 107, 100 + 20 * i, size=10, gap=3)
    lines = words_to_lines(page, 0, [])
    assert [(ln.marker, ln.text) for ln in lines] == [("•", "review how it records crime"),
                                                      ("•", "train its call handlers"), ("•", "audit its records")]


@pytest.mark.parametrize(("mark", "top", "bottom"), [("I", 357.1, 364.3), ("e", 356.7, 361.0)])
def test_a_bullet_ocr_read_as_a_letter_is_the_items_marker(mark, top, bottom):
    # OCR read "■" as "I", its box half the text's height: "I The force should improve …" was read as prose
    # and the area for improvement it opened was lost; a round bullet read as "e" lost a recommendation.
    page = [{"text": mark, "x0": 73.1, "x1": 81.4, "top": top, "bottom": bottom, "size": 6.0, "fontname": ""}]
    page += [{**w, "bottom": 365.4} for w in words("The force should improve how it", 86.0, 352.4, size=10.5)]
    line = words_to_lines(page, 0, [])[0]
    assert (line.marker, line.text) == ("•", "The force should improve how it")


def test_a_capital_i_opening_a_scanned_line_is_a_word():
    page = [{"text": "I", "x0": 62, "x1": 65, "top": 353.5, "bottom": 364.0, "size": 10.5, "fontname": ""}]
    page += [{**w, "bottom": 365.4} for w in words("recognise that the force has faced", 69, 352.4, size=10.5)]
    line = words_to_lines(page, 0, [])[0]
    assert (line.marker, line.text) == ("", "I recognise that the force has faced")


def test_a_footnotes_small_number_in_another_row_is_not_made_its_marker():
    # A footnote "¹ See the College of Policing's …": its number set small and high fell in a row of its own; it
    # is no list marker (the note, made an item, was read into a recommendation's bullets).
    page = [{"text": "1", "x0": 62.4, "x1": 65.2, "top": 744.15, "bottom": 749.78, "size": 5.6, "fontname": "Vera"}]
    page += words("See the College of Policing's Authorised Professional Practice", 69.4, 745.3, size=7.5, gap=2)
    lines = words_to_lines(page, 0, [])
    assert not any(ln.marker for ln in lines)


def test_a_justified_line_whose_ocr_spaces_jitter_wide_once_is_not_cut_where_the_line_below_runs_on():
    # A justified line of a narrow column read by OCR: one space came out a little wider than a gutter beside two
    # narrow ones, so "By 31 December 2024, the" / "NPCC lead for" were cut apart: two cells of a table row, and the
    # recommendation they open was dropped as a table. The line below runs on across that place: no gutter there.
    def row(texts: list[tuple[str, float, float]], top: float) -> list[dict]:
        return [{"text": t, "x0": x0, "x1": x1, "top": top, "bottom": top + 11.2, "size": 9.0, "fontname": ""}
                for t, x0, x1 in texts]

    page = row([("By", 64.4, 74.5), ("31", 83.2, 92.9), ("December", 101.5, 148.7), ("2024,", 155.2, 183.6),
                ("the", 187.6, 202.0), ("NPCC", 213.1, 239.0), ("lead", 245.5, 266.8), ("for", 273.2, 285.5)], 383.0)
    page += row([("economic", 62.6, 106.9), ("crime", 109.1, 132.5), ("should", 136.8, 164.9), ("work", 169.2, 190.4),
                 ("with", 194.8, 211.3), ("chief", 213.5, 236.9), ("constables", 239.0, 285.5)], 396.7)
    lines = words_to_lines(page, 0, [])
    assert [ln.text for ln in lines] == ["By 31 December 2024, the NPCC lead for",
                                         "economic crime should work with chief constables"]


def test_a_dash_before_a_capital_opening_a_scanned_line_is_its_items_marker_though_ocr_spaces_jitter():
    # OCR of a dash-bulleted list ("– By January 2024, forces should …"): the word spaces after it jitter from 0 to
    # 6.5 points, so the dash's gap is no wider than the usual one; the items were read as one recommendation.
    page = [{"text": "-", "x0": 63.7, "x1": 70.6, "top": 380, "bottom": 393, "size": 13.0, "fontname": ""}]
    for text, x0, x1 in [("By", 77.0, 90.4), ("January", 93.6, 140.4), ("2024,", 146.9, 183.6),
                         ("forces", 183.6, 220.3), ("should", 226.8, 265.3)]:
        page.append({"text": text, "x0": x0, "x1": x1, "top": 380, "bottom": 393, "size": 13.0, "fontname": ""})
    line = words_to_lines(page, 0, [])[0]
    assert (line.marker, line.text) == ("-", "By January 2024, forces should")


def test_a_dash_inside_a_wrapped_sentence_opening_a_line_is_text():
    line = words_to_lines(words("- which it had not done before", 60, 210, size=12, gap=3), 0, [])[0]
    assert (line.marker, line.text) == ("", "- which it had not done before")


@pytest.mark.parametrize("number", ["iI.", "iii,"])
def test_a_roman_item_number_ocr_misread_in_case_or_stop_is_still_its_marker(number):
    # OCR read "ii." as "iI." and "iii." as "iii,": set a marker's gap before the item's text, they opened prose,
    # and an area for improvement and a recommendation were lost.
    page = [{"text": number, "x0": 63.0, "x1": 73.8, "top": 266, "bottom": 276, "size": 9.5, "fontname": ""}]
    page += words("Forces should carry out aftercare checks", 87.1, 264, size=12, gap=4)
    line = words_to_lines(page, 0, [])[0]
    assert (line.marker, line.text) == (number, "Forces should carry out aftercare checks")


@pytest.mark.parametrize("number", ["V.", "IV.", "II)"])
def test_a_roman_item_number_read_in_capitals_set_apart_is_its_marker(number):
    # OCR read "v." as "V." before "By 31 March 2024, the Home Office should …" (its siblings read "iv." and lower):
    # the number stood alone as a fragment, the item ran into the one above and a recommendation was lost.
    page = [{"text": number, "x0": 311.8, "x1": 320.8, "top": 110.2, "bottom": 119.2, "size": 9.0, "fontname": ""}]
    page += words("By 31 March 2024, the Home Office should", 331.2, 110.2, size=9, gap=3)
    line = words_to_lines(page, 0, [])[0]
    assert (line.marker, line.text) == (number, "By 31 March 2024, the Home Office should")


def test_a_capital_roman_lookalike_word_at_a_word_space_is_text():
    line = words_to_lines(words("I, for one, welcome the change", 60, 210, size=12, gap=3), 0, [])[0]
    assert line.marker == ""


def test_a_justified_lines_last_word_drawn_into_the_next_row_joins_it_again_across_a_wide_space():
    """OCR boxed a justified line's last word a little lower than its others, and the other column's line between
    them drew the line's first words into its row: the word left alone rejoins them across a space as wide as the
    line's own (a justified line spaces its words alike), wider than a usual word space."""
    def placed(spans: str, top: float, bottom: float) -> list[dict]:
        return [{"text": t, "x0": float(a), "x1": float(b), "top": top, "bottom": bottom, "size": 13.0,
                 "fontname": ""} for t, a, b in (w.split("|") for w in spans.split())]

    page = [*placed("work|75|99 for|105|120 them|126|152 have|159|185 been|192|218 vetted|225|257 to|264|276",
                    434.2, 448.6),
            *placed("Recommendation|312|412 4:|423|437 By|443|458 31|468|482", 437.8, 454.7),
            *placed("October|492|536", 438.1, 455.0),
            *placed("the|72|96 appropriate|103|169 level,|176|211 and|217|241 some|248|276", 449.3, 465.8),
            *placed("2023,|312|342 the|351|366 NPCC|381|411 should|423|459 establish|468|516 a|528|534",
                    455.8, 470.2)]
    texts = [ln.text for ln in words_to_lines(page, 0, [])]
    assert "Recommendation 4: By 31 October" in texts


def spread(text: str, x0: float, x1: float, top: float, font: str = "Helvetica") -> list[dict]:
    """The words of ``text`` spread from ``x0`` to ``x1`` (a justified line), the first word in ``font``."""
    line = words(text, x0, top)
    line[0]["fontname"] = font
    spare = x1 - line[-1]["x1"]
    for k, w in enumerate(line):
        w["x0"] += spare * k / (len(line) - 1)
        w["x1"] += spare * k / (len(line) - 1)
    return line


def test_a_justified_line_of_two_words_spread_across_its_column_is_one_fragment():
    # "Recommendation:  …  Greyhaven" justified across a narrow column, three times down the column: the one
    # space, wider than a gutter, is no gutter, as the column's lines below run across it to the same two edges,
    # nor is the place where the three last words start a column's start (each label lost its finding's first
    # word and the recommendations were not found). The other column's lines, at another leading, interleave.
    page = []
    for n in range(3):
        top = 500 + 70 * n
        page += spread("Recommendation: Greyhaven", 62.4, 286.3, top, font="Helvetica-Bold")
        for k, text in enumerate(("Constabulary should immediately review", "the way it manages demand in the",
                                  "room, so that calls from vulnerable")):
            page += spread(text, 62.4, 286.3, top + 14 * (k + 1))
        for k in range(5):
            page += spread("right column text runs on here", 309, 532.9, top + 4.2 + 14 * k)
    lines = words_to_lines(page, 0, [])
    assert [ln.text for ln in lines if ln.x0 < 100 and ln.lead_bold] == ["Recommendation: Greyhaven"] * 3
    assert all(ln.x0 > 300 for ln in lines if ln.text.startswith("right"))
