"""Tolerances estimated from what a page shows (``TableSettings.for_page``)."""

from hmic_extract.extract.table.settings import TableSettings


def test_the_line_pitch_is_that_of_wrapped_lines_even_where_most_gaps_are_between_one_line_rows():
    # One-line rows 18 pt apart outnumber the wrapped lines 12 pt apart: the pitch is still the wrapped lines'.
    gaps = [18.0] * 15 + [12.0] * 7 + [12.2] * 3 + [13.0] * 2
    settings = TableSettings.for_page([10.0] * 40, gaps)
    assert 11.9 <= settings.line_pitch <= 12.5


def test_a_few_tight_footnote_lines_do_not_set_the_line_pitch():
    gaps = [12.0] * 30 + [18.0] * 10 + [9.0] * 3  # three footnote lines set tighter in a smaller size
    assert 11.9 <= TableSettings.for_page([10.0] * 40, gaps).line_pitch <= 12.1


def test_evenly_spaced_lines_keep_their_pitch():
    assert TableSettings.for_page([10.0] * 40, [14.5, 14.6, 14.4] * 10).line_pitch == 14.5
