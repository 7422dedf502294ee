"""Print the recognition model has no letters for (Arabic, Urdu, Kurdish words quoted in an English cell) is read as
unread words, so its row is flagged with the place, not shortened without a trace."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from hmic_extract.extract import scanned
from hmic_extract.extract.ocr.rapidocr_engine import unread_spans
from hmic_extract.model import UNREAD

SAMPLE = Path(__file__).resolve().parents[1] / "layouts" / "ci" / "annex" / "annex-ci3-40.pdf"
HEIGHT = 48


def line_crop(*inked: tuple[int, int], rows: tuple[int, int] = (14, 34)) -> np.ndarray:
    """A white line crop, HEIGHT px tall, with solid ink over the given column spans and rows."""
    crop = np.full((HEIGHT, 500), 255, np.uint8)
    for a, b in inked:
        crop[rows[0]:rows[1], a:b] = 0
    return crop


def test_an_inked_stretch_between_read_words_is_unread_print():
    crop = line_crop((20, 80), (150, 230), (300, 360))
    assert unread_spans(crop, [(20, 80), (300, 360)], 0.5, 0.3) == [(150, 230)]


def test_ink_every_read_word_covers_and_its_stray_ends_are_no_unread_print():
    crop = line_crop((20, 80), (84, 90), (300, 360))  # a letter's stray end just past a read word's box
    assert unread_spans(crop, [(20, 80), (300, 360)], 0.5, 0.3) == []


def test_specks_narrow_marks_and_a_rule_at_the_crop_edge_are_no_unread_print():
    specks = line_crop((120, 121), (160, 161), (200, 201))  # lone dark columns far apart
    assert unread_spans(specks, [(20, 80)], 0.5, 0.3) == []
    narrow = line_crop((150, 165))  # a bracket, a quote mark: narrower than half the line's height
    assert unread_spans(narrow, [(20, 80)], 0.5, 0.3) == []
    rule = line_crop((100, 400), rows=(0, 6))  # the end of a rule or a band along the crop's top
    assert unread_spans(rule, [(20, 80)], 0.5, 0.3) == []


@pytest.fixture(scope="module")
def kurdish_line():
    """A scanned line of the CI sample whose English cell quotes two Kurdish (Sorani) words between guillemets."""
    page = scanned.render_page(SAMPLE, 1)
    level = scanned.deskew(page, scanned.skew_angle(page))
    _grids, lines = scanned.find_grids(level)
    return scanned.erase_lines(level, lines)[1560:1680, 430:1000]


def test_rapidocr_marks_the_words_of_a_script_it_cannot_read_between_the_words_it_reads(kurdish_line):
    from hmic_extract.extract.ocr import make_engine

    words = make_engine("rapidocr").read_words(kurdish_line)
    line = sorted((w for w in words if 30 < w.y_mid < 70), key=lambda w: w.x0)
    text = [w.text for w in line]
    headed, right = text.index("headed"), text.index("»")
    unread = [w for w in line[headed + 1:right] if w.text == UNREAD]
    assert unread and all(w.confidence == 0.0 for w in unread)
    assert all(w.text in (UNREAD, "«") for w in line[headed + 1:right])
    assert UNREAD not in " ".join(w.text for w in words if not 30 < w.y_mid < 70)  # English lines: nothing unread


def test_a_scanned_row_quoting_words_ocr_cannot_read_is_flagged_with_their_place():
    from hmic_extract.pipeline import extract_file

    doc = extract_file(SAMPLE, jobs=1)
    (row,) = [f for f in doc.findings if "helpline card headed" in f.issue]
    assert UNREAD not in row.issue and "headed" in row.issue
    assert any("could not read" in flag and "headed" in flag for flag in row.provenance.review_flags)
    assert all(UNREAD not in f.issue for f in doc.findings if "Welsh" in f.issue or "HMICFRS" in f.issue)
