"""Page images of scans: a dark filled band (a header row shaded dark, labels printed light) is read as print."""

import numpy as np
import pytest

cv2 = pytest.importorskip("cv2")

from hmic_extract.extract.scan_image import find_grids, lighten_dark_bands  # noqa: E402

LABELS = "REC NO.    PAGE    DETAIL        ACTION      TIMESCALE"


def page_with_band(rules: bool = False) -> np.ndarray:
    """A white page with a dark header band whose labels are light; ``rules``: a ruled grid below it, its column
    rules drawn dark across the band too (a grid table whose header row is shaded dark)."""
    page = np.full((1200, 1600), 255, np.uint8)
    page[300:370, 100:1500] = 70
    cv2.putText(page, LABELS, (120, 348), cv2.FONT_HERSHEY_SIMPLEX, 1.1, 250, 3)
    if rules:
        for y in (300, 370, 470, 570):
            cv2.line(page, (100, y), (1500, y), 0, 2)
        for x in (100, 400, 700, 1100, 1500):
            cv2.line(page, (x, 300), (x, 570), 0, 2)
    return page


def test_a_dark_band_with_light_labels_is_no_ruled_table_once_lightened():
    # the strokes between light letters read as a thicket of short rules: the band became a many-column "grid"
    page = page_with_band()
    assert any(g.ncols >= 3 for g in find_grids(page)[0])
    light = lighten_dark_bands(page)
    assert not any(g.ncols >= 3 for g in find_grids(light)[0])
    band = light[305:365, 110:1490]
    assert float(np.median(band)) > 150  # the fill is light now ...
    assert int((band < 100).sum()) > 500  # ... and the labels are dark print on it


def test_a_grid_whose_header_row_is_shaded_dark_keeps_its_columns():
    grids = find_grids(lighten_dark_bands(page_with_band(rules=True)))[0]
    assert [g.ncols for g in grids] == [4]
    assert all(len(row.cells) == 4 for row in grids[0].rows)


def test_dark_print_alone_is_left_as_it_is():
    page = np.full((600, 1600), 255, np.uint8)
    cv2.putText(page, "ANNEX 1 - ASSURANCE MONITORING TEMPLATE", (60, 200), cv2.FONT_HERSHEY_SIMPLEX, 2.0, 0, 8)
    assert np.array_equal(lighten_dark_bands(page), page)


def test_the_white_gap_under_a_dark_band_is_not_turned_dark_over_the_next_rows_letter_tops():
    """Held-out 9491-269: the first body row's capitals stood a few pixels under the dark header band; the band's box
    ran on over that gap into the letters, the inverted gap became a black strip over their tops, and erasing it as a
    rule cut them off ("i ne force aoes" for "The force does")."""
    page = page_with_band()
    cv2.putText(page, "THE FORCE HAS HIGH TARGETS", (120, 396), cv2.FONT_HERSHEY_SIMPLEX, 1.1, 0, 3)
    tops = int(np.nonzero((page[370:420, 110:1490] < 100).any(axis=1))[0][0]) + 370  # the letters' first row
    assert 370 < tops <= 375  # a few pixels of paper between the band and the letters
    light = lighten_dark_bands(page)
    assert float(light[370:tops, 110:1490].min()) > 200  # the gap stays paper ...
    assert np.array_equal(light[tops:420], page[tops:420])  # ... and the letters below it are left as they are


def test_a_column_rule_the_scan_left_faint_in_one_row_still_parts_its_cells():
    """A thin rule that JPEG and greying left light grey in one row broke into short pieces: the row read as one cell
    spanning two columns, so its issue text went into the page column. A band row drawn with no rule stays whole."""
    page = np.full((800, 1600), 254, np.uint8)
    for y in (100, 200, 300, 400, 500):
        cv2.line(page, (100, y), (1500, y), 0, 2)
    for x in (100, 400, 1500):
        cv2.line(page, (x, 100), (x, 500), 0, 2)
    cv2.line(page, (700, 100), (700, 200), 0, 2)
    cv2.line(page, (700, 200), (700, 300), 222, 1)  # the faint rule
    cv2.line(page, (700, 400), (700, 500), 0, 2)  # rows 200-300 faint, 300-400 a band row with no rule
    cv2.putText(page, "Page 7", (450, 260), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 2)
    cv2.putText(page, "Some calls", (720, 260), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 2)
    cv2.putText(page, "Part A AREAS FOR IMPROVEMENT", (120, 360), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 2)
    grid = find_grids(page)[0][0]
    assert [len(r.cells) for r in grid.rows] == [3, 3, 2, 3]


def test_a_letters_stem_on_a_column_edge_of_a_tight_shaded_band_row_is_no_faint_rule():
    """A band row as tall as its print, shaded, with a capital's stem standing where a column rule would run (the
    sample westshire-2019-appendix-ocr-layer): the stem darkens about two thirds of the row, a rule all of it."""
    page = np.full((600, 1600), 254, np.uint8)
    page[200:236, 100:1500] = 190  # the band's fill
    for y in (100, 200, 236, 336):
        cv2.line(page, (100, y), (1500, y), 0, 2)
    for x in (100, 400, 1500):
        cv2.line(page, (x, 100), (x, 336), 0, 2)
    for top, bottom in ((100, 200), (236, 336)):
        cv2.line(page, (700, top), (700, bottom), 0, 2)  # the rule of the other rows; none in the band
    cv2.putText(page, "AREAS FOR", (430, 229), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 2)
    cv2.line(page, (700, 208), (700, 229), 0, 3)  # "I" of "IMPROVEMENT" on the edge
    cv2.putText(page, "MPROVEMENT", (712, 229), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 2)
    grid = find_grids(page)[0][0]
    assert [len(r.cells) for r in grid.rows] == [3, 2, 3]


def test_a_slight_skew_is_not_read_as_level_because_the_unturned_page_is_crisper():
    """Turning a page for a candidate angle blurs it (interpolation); the page as scanned is not turned, so its
    profile was the crispest of all and a scan skewed a fraction of a degree read as level (its grid then broke
    into pieces and the page's rows went missing)."""
    from hmic_extract.extract.scan_image import skew_angle

    page = np.full((2200, 1650), 255, np.uint8)
    for y in (330, 460, 630, 2020):
        cv2.line(page, (140, y), (1530, y), 0, 2)
    for x in (140, 280, 875, 1000, 1120, 1400, 1530):
        cv2.line(page, (x, 330), (x, 2020), 0, 2)
    for y in range(380, 600, 40):
        cv2.putText(page, "The force does not routinely check", (300, y), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 2)
    for y in range(680, 2000, 45):
        cv2.putText(page, "and has agreed", (1130, y), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 0, 2)
    turned = cv2.warpAffine(page, cv2.getRotationMatrix2D((825, 1100), 0.2, 1.0), (1650, 2200),
                            flags=cv2.INTER_LINEAR, borderValue=255)
    turned[np.random.default_rng(0).random(turned.shape) < 0.004] = 0  # the scanner's specks
    assert abs(skew_angle(turned) + 0.2) <= 0.06


def test_a_column_rule_a_glyph_above_the_table_runs_into_keeps_its_column():
    """A footnote line just above a table, its 'g' descender touching the top of a column rule: the rule's mask ran
    on past the table's top rule by the stroke, met no horizontal at that end and was dropped, so the table lost a
    column (held-out 9451-170: its AFI table read as two columns and its three rows were lost)."""
    page = np.full((700, 1600), 254, np.uint8)
    for y in (200, 300, 400, 500):
        cv2.line(page, (100, y), (1500, y), 0, 2)
    for x in (100, 400, 700, 1500):
        cv2.line(page, (x, 200), (x, 500), 0, 2)
    cv2.line(page, (700, 182), (700, 200), 0, 2)  # the descender's stroke on the rule's top end
    grids = find_grids(page)[0]
    assert [g.ncols for g in grids] == [3]
    assert all(len(row.cells) == 3 for row in grids[0].rows)


def test_a_letters_stem_standing_on_one_rule_is_no_column_rule():
    """Held-out 9433-294: a capital's stem as tall as a rule candidate, standing on a row's top rule, was cut back to
    that rule (the cut-back above) and then met a rule at both ends: the grid grew bogus columns and lost its next
    page's continuation."""
    from hmic_extract.extract.scan_image import Segment, table_rules

    hs = [Segment(y, 100, 1500) for y in (200, 300, 400)]
    vs = [Segment(x, 200, 400) for x in (100, 700, 1500)] + [Segment(1000, 299, 328)]
    _hs, closed = table_rules(hs, vs)
    assert sorted(v.at for v in closed) == [100, 700, 1500]


def test_a_table_cut_by_the_foot_of_a_skewed_scan_keeps_its_columns():
    """A tall row runs on to the foot of the page, so its column rules run to the page's edge; the scan was skewed
    1.7 degrees, and levelled its edge is a slant: the rules' open ends lay up to 40 px apart, the column rule
    between the text and action columns was dropped and the row's text read as one cell (held-out 9471-89, its
    recommendation 4 lost)."""
    from hmic_extract.extract.scan_image import deskew, skew_angle

    page = np.full((1650, 2330), 254, np.uint8)
    for y in (140, 190, 264):
        cv2.line(page, (150, y), (2170, y), 0, 2)
    for x in (150, 340, 520, 750, 1700, 2010, 2170):
        cv2.line(page, (x, 140), (x, 1650), 0, 2)
    for y in range(300, 700, 40):
        cv2.putText(page, "By December 2024, the force should have a plan", (760, y), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0,
                    2)
        cv2.putText(page, "The force accepted", (1710, y), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 0, 2)
    scan = cv2.warpAffine(page, cv2.getRotationMatrix2D((1165, 825), -1.7, 1.0), (2330, 1650),
                          flags=cv2.INTER_LINEAR, borderValue=255)
    angle = skew_angle(scan)
    grids = find_grids(deskew(scan, angle), angle)[0]
    assert [g.ncols for g in grids] == [6]
    assert [len(r.cells) for r in grids[0].rows[1:]] == [6, 6]
