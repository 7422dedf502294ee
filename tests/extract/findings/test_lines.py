"""Words -> line fragments: rows, gutters, justified spaces, list markers and table rows."""

from __future__ import annotations

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


def test_one_line_ocr_boxed_in_two_pieces_beside_the_other_column_stays_one_line_in_order():
    """OCR may box one line in two pieces at slightly different heights; with the other column's line set between
    them, the pieces still make one line, read left to right."""
    page = [*words("vulnerable people, so that officers are", 78, 641.9, size=15, font=""),
            *words("deployed in accordance with the", 80, 655.2, size=15, font=""),
            *words("leaders, so that it can plan for", 307.8, 647.3, size=15, font=""),
            *words("future needs.", 307.8 + 26 * 7.5 + 6 * 2.6 + 3, 646.9, size=15, font="")]
    texts = [ln.text for ln in words_to_lines(page, 0, [])]
    assert "leaders, so that it can plan for future needs." in texts
