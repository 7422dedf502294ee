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
