"""Glyphs -> text: centre, not touch; right-to-left and mixed text in reading order; plain letters, NFC."""

from __future__ import annotations

import unicodedata

import pytest

from hmic_extract.extract.table.settings import TableSettings
from hmic_extract.extract.table.text import Glyph, cell_text, glyphs_in, logical_order, plain_letters

SETTINGS = TableSettings()


def drawn(text: str, x0: float = 0.0, top: float = 0.0, width: float = 5.0) -> list[Glyph]:
    """Glyphs left to right as a renderer drew ``text`` (already in visual order); spaces leave gaps."""
    out, x = [], x0
    for ch in text:
        if ch != " ":
            out.append(Glyph(ch, x, top, x + width, top + 10))
        x += width
    return out


def test_a_glyph_that_only_touches_a_cell_is_not_in_it():
    tall = Glyph("(", 10, 95, 14, 112)  # centre 103.5: below the cell's bottom at 100
    inside = Glyph("a", 10, 80, 14, 90)
    assert glyphs_in([tall, inside], (0, 50, 100, 100)) == [inside]


def test_an_arabic_phrase_drawn_right_to_left_reads_in_logical_order():
    logical = "العنف الأسري"
    visual = logical[::-1]  # a right-to-left run is drawn last letter leftmost
    assert logical_order(visual) == logical


def test_english_words_in_a_mixed_cell_keep_their_order():
    kurdish = "هێڵی یارمەتی"
    visual = f"Kurdish speakers were given a card headed «{kurdish[::-1]}» that showed the wrong number"
    text = cell_text(drawn(visual), SETTINGS)
    assert text.startswith("Kurdish speakers were given a card headed «")
    assert kurdish in text
    assert text.endswith("that showed the wrong number")


def test_a_page_ref_in_a_right_to_left_paragraph_stays_page_15():
    arabic = "انظر التقرير"
    logical = f"{arabic} Page 15"  # an Arabic paragraph citing an English page ref
    # drawn right to left: the English run keeps its own order, runs are laid out right to left
    visual = "15 Page " + arabic[::-1]
    assert logical_order(visual, rtl_paragraph=True) == logical
    assert "Page 15" in cell_text(drawn(visual), SETTINGS)


def test_the_lam_alef_ligature_is_two_letters_in_the_right_order():
    ligature = "\ufef7"  # LAM WITH ALEF WITH HAMZA ABOVE, isolated form, one glyph
    text = plain_letters(logical_order("ير" + ligature + "ا"))
    assert text == "الأري"
    assert unicodedata.is_normalized("NFC", text)
    assert not any("\ufb50" <= ch <= "\ufeff" for ch in text)


def test_a_ligatures_letters_sharing_one_box_are_drawn_in_the_order_of_their_script():
    from hmic_extract.extract.table.text import glyphs_to_lines

    # pdfium hands a lam-alef ligature over as two letters in reading order (lam, alef) with one left edge;
    # drawn right to left, alef is the left one
    lam, alef = Glyph("ل", 10, 0, 16, 10), Glyph("ا", 10, 0, 14, 10)
    before = Glyph("غ", 4, 0, 10, 10)
    line = glyphs_to_lines([lam, alef, before], SETTINGS)[0]
    assert "".join(g.text for g in line) == "غال"
    assert plain_letters(logical_order("".join(g.text for g in line))) == "لاغ"
    a, b = Glyph("f", 10, 0, 16, 10), Glyph("i", 10, 0, 14, 10)  # an "fi" ligature keeps its order
    assert "".join(g.text for g in glyphs_to_lines([a, b], SETTINGS)[0]) == "fi"


def test_a_space_the_pdf_draws_separates_words_however_narrow_the_gap():
    from hmic_extract.extract.table.text import line_text

    glyphs = [*drawn("into", 0), Glyph(" ", 20, 8, 20, 8), *drawn("Arabic", 21)]
    assert line_text(glyphs, SETTINGS) == "into Arabic"


def test_brackets_and_quotes_drawn_mirrored_next_to_a_right_to_left_run_attach_to_their_words():
    from hmic_extract.extract.table.text import attached_marks

    assert attached_marks("translated into Arabic («العنف الأسري«( but") == \
        "translated into Arabic («العنف الأسري») but"
    assert attached_marks("poster – «لا تتردد« )”do not hesitate”) – was") == \
        "poster – «لا تتردد» (“do not hesitate”) – was"
    assert attached_marks("the equivalent (of 6.5) “full” officers") == "the equivalent (of 6.5) “full” officers"


def test_lam_alef_letters_sharing_a_box_are_in_visual_order_whichever_order_the_pdf_names_them():
    from hmic_extract.extract.table.text import glyphs_to_lines

    for first, second in (("أ", "ل"), ("ل", "أ")):
        line = glyphs_to_lines([Glyph("ا", 20, 0, 24, 10), Glyph(first, 10, 0, 20, 10), Glyph(second, 10, 0, 20, 10),
                                Glyph("ي", 4, 0, 10, 10)], SETTINGS)[0]
        assert logical_order("".join(g.text for g in line)) == "الأي"


def test_a_narrow_gap_inside_a_right_to_left_word_is_not_a_space():
    from hmic_extract.extract.table.text import line_text

    # "متاثرین": the non-joining reh leaves a gap wider than a Latin word gap before the next letter
    glyphs = [Glyph(ch, x, 0, x + 3.0, 10) for ch, x in zip("نیرثاتم", (0, 5, 10, 15, 20, 25, 30), strict=True)]
    assert line_text(glyphs, SETTINGS) == "متاثرین"


def test_a_wrapped_english_line_holding_more_kurdish_letters_than_english_ones_keeps_its_english_order():
    from bidi import get_display

    from hmic_extract.extract.table.text import logical_order

    logical = "headed «هێڵی یارمەتی» that"
    assert logical_order(get_display(logical, base_dir="L")) == logical


def test_a_line_starting_in_urdu_and_ending_in_english_reads_in_the_direction_of_the_table_around_it():
    from bidi import get_display

    logical = "(متاثرین کا ضابطہ) is available"
    visual = get_display(logical, base_dir="L")
    assert logical_order(visual, rtl_around=False) == logical
    assert logical_order(get_display(logical, base_dir="R"), rtl_around=True) == logical


def test_a_final_letter_whose_tail_reaches_under_the_bracket_before_its_run_stays_at_the_runs_end():
    boxes = [(ch, 289.2 + 4.6 * k, 293.8 + 4.6 * k) for k, ch in enumerate("summar")] + [("y", 317.2, 320.8),
             (" ", 320.8, 322.6), ("(", 322.7, 324.8), ("ا", 332.7, 335.0), ("ب", 330.6, 332.9),
             ("ط", 324.8, 330.9), ("ہ", 320.3, 325.0), ("ض", 335.2, 340.9), ("(", 341.0, 343.1), (" ", 343.1, 345.0),
             ("i", 345.0, 346.8), ("s", 346.9, 350.3)]
    glyphs = [Glyph(t, x0, 489.8, x1, 496.0) for t, x0, x1 in boxes]
    assert cell_text(glyphs, TableSettings()) == "summary (ضابطہ) is"


def test_a_line_that_starts_in_arabic_and_ends_in_urdu_inside_an_english_cell_reads_left_to_right():
    from bidi import get_display

    logical = "«الأسري») but the Urdu version (گھریلو تشدد)"
    assert logical_order(get_display(logical, base_dir="L"), rtl_around=False) == logical
    arabic = "لا يوجد تفسير كامل"
    assert logical_order(get_display(arabic, base_dir="R"), rtl_around=False) == arabic


def test_a_bracket_drawn_from_under_the_last_letter_of_a_right_to_left_run_stays_outside_it():
    boxes = [(ch, 289.2 + 4.6 * k, 293.8 + 4.6 * k) for k, ch in enumerate("summary")] + [
        (" ", 321.4, 323.3), ("(", 323.3, 325.9), ("ب", 326.0, 329.0), ("م", 329.0, 333.1), ("(", 333.0, 335.6),
        (" ", 335.6, 337.5), ("i", 337.5, 339.7), ("s", 339.7, 342.7)]
    glyphs = [Glyph(t, x0, 519.9, x1, 526.8) for t, x0, x1 in boxes]
    assert cell_text(glyphs, TableSettings()) == "summary (مب) is"


def test_a_word_run_on_past_its_cell_under_the_next_cells_text_is_kept_whole_and_apart():
    """LaTeX sets a Type cell's "Recommendation" wider than its column, and the text column's "Within" is drawn over
    its end: sorted by x alone their letters interleave ("RecommWeintdhatin"); each drawn run stays whole."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import glyph_words
    from hmic_extract.extract.table.text import Glyph, glyphs_to_lines

    def run(text: str, x: float) -> list[Glyph]:
        return [Glyph(c, x + 5.0 * k, 100.0, x + 5.0 * (k + 1), 110.0, size=10.0) for k, c in enumerate(text)]

    glyphs = [*run("Recommendation", 100.0), *run("Within", 150.0)]
    lines = glyphs_to_lines(glyphs, TableSettings())
    assert [w["text"] for w in glyph_words(lines[0], TableSettings())] == ["Recommendation", "Within"]


def test_a_word_drawn_twice_at_one_place_reads_once():
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.text import Glyph, cell_text

    word = [Glyph(c, 100.0 + 5.0 * k, 100.0, 105.0 + 5.0 * k, 110.0, size=10.0) for k, c in enumerate("Bold")]
    shifted = [Glyph(g.text, g.x0 + 0.2, g.top, g.x1 + 0.2, g.bottom, size=10.0) for g in word]
    assert cell_text([*word, *shifted], TableSettings()) == "Bold"


def test_a_small_raised_digit_after_a_word_is_a_footnote_mark_not_part_of_the_word():
    """"level¹." set as a 7 pt "1" raised after 10 pt letters: the mark, not "level1." (a ref or page number is set at
    the body's size and stays a digit)."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.text import Glyph, cell_text

    word = [Glyph(c, 100.0 + 5.0 * k, 100.0, 105.0 + 5.0 * k, 110.0, size=10.0) for k, c in enumerate("level")]
    mark = Glyph("1", 125.0, 98.5, 128.5, 105.0, size=7.0)
    stop = Glyph(".", 128.5, 100.0, 131.0, 110.0, size=10.0)
    assert cell_text([*word, mark, stop], TableSettings()) == "level¹."
    body = Glyph("1", 125.0, 100.0, 130.0, 110.0, size=10.0)
    assert cell_text([*word, body], TableSettings()) == "level1"


def test_a_line_opening_with_a_dash_under_a_word_run_on_from_the_cell_before_keeps_its_dash():
    """"improvement" run on past the Type column, the text column's line opening with "– to protect": the dash is the
    text's, drawn after the pen went back, not the end of the run-on word."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import glyph_words
    from hmic_extract.extract.table.text import Glyph, glyphs_to_lines

    glyphs = [Glyph(c, 100.0 + 5.0 * k, 100.0, 105.0 + 5.0 * k, 110.0, size=10.0, drawn=k)
              for k, c in enumerate("improvement")]
    glyphs += [Glyph(c, 140.0 + 5.0 * k, 100.0, 145.0 + 5.0 * k, 110.0, size=10.0, drawn=20 + k)
               for k, c in enumerate("– to")]
    lines = glyphs_to_lines([g for g in glyphs if g.text != " "], TableSettings())
    assert [w["text"] for w in glyph_words(lines[0], TableSettings())] == ["improvement", "–", "to"]


def test_cells_drawn_out_of_visual_order_keep_visual_order():
    """A spreadsheet draws a row's ref and page cells, then goes back for its text cell: text drawn after the pen went
    back, but over no other glyph, is no overprint, and the line reads left to right."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import glyph_words
    from hmic_extract.extract.table.text import Glyph, glyphs_to_lines

    drawn: list[Glyph] = []

    def run(text: str, x: float) -> None:
        for k, c in enumerate(text):
            drawn.append(Glyph(c, x + 5.0 * k, 100.0, x + 5.0 * (k + 1), 110.0, size=10.0, drawn=len(drawn)))

    run("Rec-1", 50.0)
    run("29-30", 300.0)
    run("Within", 120.0)
    run("that", 160.0)
    lines = glyphs_to_lines(drawn, TableSettings())
    assert [w["text"] for w in glyph_words(lines[0], TableSettings())] == ["Rec-1", "Within", "that", "29-30"]


def test_a_running_head_drawn_over_a_header_line_stays_one_run_across_its_dash():
    """A sheet printed with a top margin narrower than its page head: "OFFICIAL – North" is drawn over the header
    line's "COMMENTS". The head's run goes on after its dash (the gap counts from the dash, not from the last letter
    before it); split there, "COMMENTS" was set between "–" and "North" and the header line read as one label."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import glyph_words
    from hmic_extract.extract.table.text import Glyph, glyphs_to_lines

    glyphs, x = [], 353.0
    for k, c in enumerate("OFFICIAL – North"):
        width = 2.5 if c == " " else 5.0
        glyphs.append(Glyph(c, x, 100.0, x + width, 110.0, size=10.0, drawn=k))
        x += width
    glyphs += [Glyph(c, 374.0 + 5.0 * k, 100.0, 379.0 + 5.0 * k, 110.0, size=10.0, drawn=40 + k)
               for k, c in enumerate("COMMENTS")]
    lines = glyphs_to_lines(glyphs, TableSettings())
    assert [w["text"] for w in glyph_words(lines[0], TableSettings())] == ["OFFICIAL", "–", "North", "COMMENTS"]


def test_a_space_whose_box_reaches_into_the_next_letter_splits_no_word():
    """Tight tracking: the space after "TYPE" runs from 117.2 to 120.1 and "OF" starts at 117.3. Sorted by its centre
    the space falls after "O", where it split "OF" ("TYPE O F": the label named no type column, and the text
    column's label went unread)."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import glyph_words
    from hmic_extract.extract.table.text import Glyph, glyphs_to_lines, line_text

    glyphs = [Glyph(c, 93.2 + 6.0 * k, 100.0, 99.2 + 6.0 * k, 110.0, size=8.5, drawn=k) for k, c in enumerate("TYPE")]
    glyphs += [Glyph(" ", 117.2, 100.0, 120.1, 110.0, size=8.5, drawn=4),
               Glyph("O", 117.3, 100.0, 124.5, 110.0, size=8.5, drawn=5),
               Glyph("F", 124.5, 100.0, 130.3, 110.0, size=8.5, drawn=6)]
    line = glyphs_to_lines(glyphs, TableSettings())[0]
    assert [w["text"] for w in glyph_words(line, TableSettings())] == ["TYPE", "OF"]
    assert line_text(line, TableSettings()) == "TYPE OF"


def test_a_word_run_on_past_its_narrow_column_and_the_next_columns_label_drawn_after_it_are_two_words():
    """LaTeX sets "Number" wider than its narrow column and "Type" from the next column's edge, 2.5 pt under the "r",
    drawn right after it: no kerned pair reaches that far under, so they are two words, not "NumberType" (which named
    no ref column). A ligature's letters share one box ("fi") and stay one word."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import glyph_words
    from hmic_extract.extract.table.text import Glyph, glyphs_to_lines

    def run(text: str, x: float, first: int, widths: dict[str, float]) -> list[Glyph]:
        out = []
        for k, c in enumerate(text):
            out.append(Glyph(c, x, 100.0, x + widths.get(c, 5.0), 110.0, size=9.0, drawn=first + k))
            x += widths.get(c, 5.0)
        return out

    glyphs = [*run("Number", 60.0, 0, {"r": 3.5}), *run("Type", 86.1, 6, {})]
    assert glyphs[5].x1 - glyphs[6].x0 > 2.0  # "T" starts under the "r"
    words = glyph_words(glyphs_to_lines(glyphs, TableSettings())[0], TableSettings())
    assert [w["text"] for w in words] == ["Number", "Type"]
    lig = [*run("identi", 100.0, 0, {}), Glyph("f", 130.0, 100.0, 135.5, 110.0, size=9.0, drawn=6),
           Glyph("i", 130.0, 100.0, 135.5, 110.0, size=9.0, drawn=7), *run("es", 135.5, 8, {})]
    assert [w["text"] for w in glyph_words(glyphs_to_lines(lig, TableSettings())[0], TableSettings())] == ["identifies"]


def test_a_centred_ref_drawn_just_under_the_end_of_a_type_word_run_on_into_its_column_is_a_word_of_its_own():
    """"RECOMMENDATION" runs on over a narrow Type column; the ref "(30)" centred in the next column starts 0.8 pt under
    its "N". Fonts kern letter pairs ("Ty", kept one word), never a letter and an opening bracket or a digit: two
    words ("RECOMMENDATION(30)" left the row without its ref)."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import glyph_words
    from hmic_extract.extract.table.text import Glyph, glyphs_to_lines

    glyphs = [Glyph(c, 140.0 + 5.0 * k, 100.0, 145.0 + 5.0 * k, 110.0, size=8.0, drawn=k) for k, c in enumerate("ION")]
    glyphs += [Glyph(c, 154.2 + 4.0 * k, 100.0, 158.2 + 4.0 * k, 110.0, size=8.0, drawn=3 + k)
               for k, c in enumerate("(30)")]
    assert glyphs[2].x1 - glyphs[3].x0 == pytest.approx(0.8)
    words = glyph_words(glyphs_to_lines(glyphs, TableSettings())[0], TableSettings())
    assert [w["text"] for w in words] == ["ION", "(30)"]
    kerned = [Glyph("T", 100.0, 100.0, 106.0, 110.0, size=8.0, drawn=0),
              Glyph("y", 105.2, 100.0, 110.2, 110.0, size=8.0, drawn=1)]
    assert [w["text"] for w in glyph_words(glyphs_to_lines(kerned, TableSettings())[0], TableSettings())] == ["Ty"]


def test_a_wide_kerned_pair_of_a_browser_font_stays_one_word():
    """Chromium's DejaVu Sans kerns "Ta" so that the "a" starts 0.17 of the font size under the "T" (measured on a
    browser-printed annex): still one word, "Table" (read "T able", a page cell "Page 17, T able 2" named page 2 too).
    A word run on past its column reaches further under (0.27 in the test above)."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import glyph_words
    from hmic_extract.extract.table.text import Glyph, glyphs_to_lines

    glyphs = [Glyph("T", 186.61, 100.0, 193.33, 111.0, size=10.99, drawn=0)]
    x = 191.5
    for k, c in enumerate("able"):
        glyphs.append(Glyph(c, x, 100.0, x + 6.7, 111.0, size=10.99, drawn=1 + k))
        x += 6.7
    words = glyph_words(glyphs_to_lines(glyphs, TableSettings())[0], TableSettings())
    assert [w["text"] for w in words] == ["Table"]


def test_a_label_drawn_back_over_the_end_of_a_label_run_on_past_its_narrow_column_is_a_word_of_its_own():
    """pdflatex sets "Number" wider than its narrow column and draws the next column's "Report" from 4 pt left of the
    "r" it ends on: the "R" ends where the "r" does, but starts further left and its middle sits further left, so the
    pen went back (read by x, the letters interleaved: "Numbe", "R", "r", "eport", and the header named no page
    column). An accent drawn over its letter is centred on it and stays with it."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import glyph_words
    from hmic_extract.extract.table.text import Glyph, glyphs_to_lines

    widths = {"N": 8.6, "u": 7.3, "m": 10.6, "b": 7.3, "e": 6.6, "r": 4.6, "R": 8.6, "p": 7.3, "o": 7.3, "t": 4.0}
    glyphs, x = [], 42.8
    for c in "Number":
        glyphs.append(Glyph(c, x, 100.0, x + widths[c], 111.0, size=12.0, drawn=len(glyphs)))
        x += widths[c]
    x = 79.3
    for c in "Report":
        glyphs.append(Glyph(c, x, 100.0, x + widths[c], 111.0, size=12.0, drawn=len(glyphs)))
        x += widths[c]
    r, big_r = glyphs[5], glyphs[6]
    assert big_r.x0 < r.x0 - 3 and abs(big_r.x1 - r.x1) < 0.5  # ends where the "r" ends
    words = glyph_words(glyphs_to_lines(glyphs, TableSettings())[0], TableSettings())
    assert [w["text"] for w in words] == ["Number", "Report"]
    accent = [Glyph("i", 100.0, 100.0, 102.6, 111.0, size=12.0, drawn=0),
              Glyph("\u00a8", 99.3, 100.0, 103.3, 104.0, size=12.0, drawn=1),
              *[Glyph(c, 102.6 + 5.0 * k, 100.0, 107.6 + 5.0 * k, 111.0, size=12.0, drawn=2 + k)
                for k, c in enumerate("ve")]]
    assert len(glyph_words(glyphs_to_lines(accent, TableSettings())[0], TableSettings())) == 1


def test_a_text_column_word_set_under_the_end_of_a_ref_run_on_past_its_column_is_a_word_of_its_own():
    """pdflatex lets a prefixed ref too wide for its narrow column ("COC-29", "REC-30") run on past the column's edge,
    so the text column's first word starts under its last digit; drawn one after the other, the two read as one word
    ("REC-30Within"), or, the digit sorted by its middle after the letter's left edge, as "COC-2" | "9 T he" (held-out
    9471-272: the row's ref lost its number, or the line was read as a band across the columns). Fonts kern letter
    pairs, not a digit and a letter: the letter starts a word, after the digit."""
    from hmic_extract.extract.table.stream import glyph_words
    from hmic_extract.extract.table.text import glyphs_to_lines

    def run(text, x, widths, first):
        out = []
        for k, (ch, w) in enumerate(zip(text, widths, strict=True)):
            out.append(Glyph(ch, x, 620.0, x + w, 631.0, size=11.0, drawn=first + k))
            x += w
        return out

    ref = run("COC-29", 76.85, [7.77, 8.61, 7.77, 3.65, 5.48, 5.48], 10)
    text = run("The", 111.46, [6.71, 6.38, 5.25], 16)
    line = glyphs_to_lines([*ref, *text], SETTINGS)[0]
    assert "".join(g.text for g in line) == "COC-29The"
    assert [w["text"] for w in glyph_words(line, SETTINGS)] == ["COC-29", "The"]


def test_right_to_left_glyphs_with_tight_boxes_stay_on_their_line_between_cells_set_half_a_line_apart():
    """An Arabic font whose glyph boxes are tight (each letter's own height, not the font's ascent to descent) sets
    letters' centres up and down the line: chained centre to centre they bridged a page cell centred half a line
    above ("Page") and below ("10") into the ref cell's line, whose letters then interleaved ("P1a0ge")."""
    from hmic_extract.extract.table.text import glyphs_to_lines

    def run(text: str, x: float, top: float) -> list[Glyph]:
        return [Glyph(c, x + 5.0 * k, top, x + 5.0 * (k + 1), top + 10.5, size=9.0) for k, c in enumerate(text)]

    tight = [Glyph("ل", 200.0, 5.7, 204.0, 14.5, size=9.0), Glyph("ر", 205.0, 11.7, 209.0, 16.1, size=9.0)]
    glyphs = [*run("Page", 100.0, 0.0), *run("Rec", 0.0, 6.0), *tight, *run("10", 100.0, 11.3)]
    lines = ["".join(g.text for g in line) for line in glyphs_to_lines(glyphs, TableSettings())]
    assert lines == ["Page", "Recلر", "10"]



def test_a_latin_ligature_or_hyphen_boxed_short_is_no_letter_of_a_font_without_metrics():
    """Chromium and Calc box a ligature ("ff", "fi") or a hyphen shorter than the letters around it. Taken for a
    letter of a font without metrics (whose glyphs join the line holding them, not the chain of centres), they left
    their place: "different" read "di ferent" (9471-278) and "pp. 10-" / "12" read "pp 10 12 -" (9471-144)."""
    from hmic_extract.extract.table.text import tight_boxes

    def run(text: str, x: float, top: float) -> list[Glyph]:
        return [Glyph(c, x + 5.0 * k, top, x + 5.0 * (k + 1), top + 12.3, size=9.5) for k, c in enumerate(text)]

    latin = [*run("di", 0.0, 0.0), Glyph("ff", 10.0, 3.0, 16.0, 10.5, size=9.5), *run("erent pp. 10", 16.0, 0.0),
             Glyph("-", 76.0, 6.0, 79.0, 7.5, size=9.5)]
    assert tight_boxes(latin, TableSettings()) == set()
    arabic = [Glyph("ل", 200.0, 5.7, 204.0, 14.5, size=9.5), Glyph("ر", 205.0, 11.7, 209.0, 16.1, size=9.5)]
    assert tight_boxes([*latin, *arabic], TableSettings()) == {id(g) for g in arabic}


def test_a_short_ref_drawn_over_a_word_run_on_past_its_cell_is_kept_whole_and_apart():
    """Held-out 9491-106: pdflatex ran a Type cell's "Recommendation" on past its column over the ref cell, whose "R2"
    is drawn after it over "ati": a run of two letters and digits read "Recommend R ati 2 on", the row's ref lost. A
    ref of two glyphs drawn back over a word is a word (an accent drawn over its letter is one mark, no letter)."""
    from hmic_extract.extract.table.settings import TableSettings
    from hmic_extract.extract.table.stream import glyph_words
    from hmic_extract.extract.table.text import Glyph, glyphs_to_lines

    glyphs = [Glyph(c, 82.5 + 6.0 * k, 90.0, 88.5 + 6.0 * k, 100.0, size=10.0, drawn=k)
              for k, c in enumerate("Recommendation")]
    glyphs += [Glyph(c, 142.2 + 7.0 * k, 90.0, 149.2 + 7.0 * k, 100.0, size=10.0, drawn=20 + k)
               for k, c in enumerate("R2")]
    lines = glyphs_to_lines(glyphs, TableSettings())
    assert [w["text"] for w in glyph_words(lines[0], TableSettings())] == ["Recommendation", "R2"]
