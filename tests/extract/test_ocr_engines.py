"""OCR engines: the shipped RapidOCR models read offline; Tesseract's TSV is parsed; one interface."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest

from hmic_extract.extract import scanned
from hmic_extract.extract.ocr import OcrUnavailable, available_engines, make_engine
from hmic_extract.extract.ocr.tesseract_engine import parse_tsv

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def header_strip():
    """The header row and first rows of the scanned Westshire appendix, levelled, rules erased."""
    page = scanned.render_page(SAMPLES / "westshire-2019-appendix-scanned.pdf", 1)
    level = scanned.deskew(page, scanned.skew_angle(page))
    _grids, lines = scanned.find_grids(level)
    return scanned.erase_lines(level, lines)[200:420, 100:1500]


def words_text(words) -> str:
    return " ".join(w.text for w in sorted(words, key=lambda w: (round(w.y_mid / 20), w.x0)))


def test_rapidocr_reads_with_the_models_inside_its_wheel_and_never_downloads(monkeypatch, header_strip):
    from rapidocr.utils import download_file

    def refuse(*args, **kwargs):
        raise AssertionError("RapidOCR tried to download a model")

    monkeypatch.setattr(download_file.DownloadFile, "run", classmethod(refuse))
    engine = make_engine("rapidocr")
    words = engine.read_words(header_strip)
    text = words_text(words)
    assert "Recommendation / area for improvement" in text or "Recommendation/area for improvement" in text
    assert "demand it faces from calls about people with mental health" in text
    assert all(0.0 <= w.confidence <= 1.0 for w in words)
    assert all(0 <= w.x0 < w.x1 <= header_strip.shape[1] + 2 for w in words)


def test_the_shipped_models_are_files_inside_the_installed_packages():
    import rapidocr

    from hmic_extract.extract.ocr import rapidocr_engine
    from hmic_extract.extract.ocr.rapidocr_engine import shipped_models, wheel_models

    wheel = Path(rapidocr.__file__).resolve().parent
    ours = Path(rapidocr_engine.__file__).resolve().parent
    det, rec = shipped_models("int8")
    assert det.is_file() and wheel in det.parents
    assert rec.is_file() and ours in rec.parents
    assert all(model.is_file() and wheel in model.parents for model in wheel_models())


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="the tesseract binary is not installed (optional)")
def test_tesseract_reads_the_same_strip(header_strip):
    words = make_engine("tesseract").read_words(header_strip)
    assert "demand it faces from calls about people with mental health" in words_text(words)


def test_tesseract_tsv_words_get_pixel_boxes_and_zero_to_one_confidence():
    tsv = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
           "1\t1\t0\t0\t0\t0\t0\t0\t800\t600\t-1\t\n"
           "5\t1\t1\t1\t1\t1\t10\t20\t30\t12\t96.5\tPage\n"
           "5\t1\t1\t1\t1\t2\t45\t20\t15\t12\t-1\t \n"
           "5\t1\t1\t1\t1\t3\t65\t21\t14\t11\t88\t21\"\n")
    words = parse_tsv(tsv)
    assert [(w.text, w.x0, w.top, w.x1, w.bottom) for w in words] == [("Page", 10, 20, 40, 32),
                                                                      ('21"', 65, 21, 79, 32)]
    assert words[0].confidence == pytest.approx(0.965)


def test_an_unknown_engine_is_a_clear_error_and_the_default_is_available():
    with pytest.raises(OcrUnavailable, match="unknown OCR engine"):
        make_engine("abbyy")
    assert available_engines()[0] == "rapidocr"


def test_without_the_binary_the_tesseract_engine_says_how_to_get_it(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(OcrUnavailable, match="apt-get install tesseract-ocr"):
        make_engine("tesseract")


def test_rapidocr_word_boxes_that_split_a_word_are_joined_back_by_the_line_text():
    from hmic_extract.extract.ocr.rapidocr_engine import line_to_words

    box = [[0, 0], [300, 0], [300, 30], [0, 30]]
    pieces = [("Recom", 0.99, [[0, 0], [80, 0], [80, 30], [0, 30]]),
              ("mendations", 0.9, [[95, 0], [250, 0], [250, 30], [95, 30]]),
              ("2", 0.97, [[270, 0], [290, 0], [290, 30], [270, 30]])]
    words = line_to_words(box, "Recommendations 2", 0.95, pieces)
    assert [(w.text, w.x0, w.x1, w.confidence) for w in words] == [("Recommendations", 0, 250, 0.9),
                                                                  ("2", 270, 290, 0.97)]
    # pieces that do not spell the line's words are kept as they are
    assert [w.text for w in line_to_words(box, "Recommendati0ns 2", 0.95, pieces)] == ["Recom", "mendations", "2"]


def test_a_ref_recognised_onto_the_word_before_it_across_a_gutter_is_a_word_of_its_own():
    # Detection took a text column's last word and the ref column's number as one line and recognition read
    # them as one token ("identifies2"); its two pieces lie a column gutter apart (wider than the line is tall).
    from hmic_extract.extract.ocr.rapidocr_engine import line_to_words

    box = [[0, 0], [330, 0], [330, 40], [0, 40]]
    pieces = [("it", 0.99, [[0, 0], [22, 0], [22, 40], [0, 40]]),
              ("identifies", 0.98, [[32, 0], [172, 0], [172, 40], [32, 40]]),
              ("2", 0.97, [[215, 0], [231, 0], [231, 40], [215, 40]])]
    words = line_to_words(box, "it identifies2", 0.95, pieces)
    assert [(w.text, w.x0, w.x1) for w in words] == [("it", 0, 22), ("identifies", 32, 172), ("2", 215, 231)]
    # a word split at a letter gap is still one word
    close = [pieces[0], pieces[1], ("s", 0.9, [[180, 0], [190, 0], [190, 40], [180, 40]])]
    assert [w.text for w in line_to_words(box, "it identifiess", 0.95, close)] == ["it", "identifiess"]


CELL_IN_LITTLE_MEMORY = """
import resource, numpy as np, cv2
from hmic_extract.extract.ocr import make_engine
engine = make_engine("rapidocr", threads=1)
size = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmSize")) * 1024
resource.setrlimit(resource.RLIMIT_AS, (size + 400 * 2**20, resource.RLIM_INFINITY))
cell = np.full((32, 250), 255, np.uint8)
cv2.putText(cell, "7", (6, 24), cv2.FONT_HERSHEY_SIMPLEX, 0.7, 0, 2)
print(" ".join(w.text for w in engine.read_words(cell, block=True)))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_a_thin_table_cell_is_read_within_400_mb_more_address_space():
    # The cause of "the OCR engine (RapidOCR) failed on a page image": RapidOCR enlarged any image whose
    # short side is under 736 px until it was 736 px, so this 32 x 250 px cell (one digit, as re-read
    # from an annex's ref column) became 736 x 5,750 px for detection: ~1 GB resident, 1.6 GB of address
    # space, and std::bad_alloc inside onnxruntime once a worker's address space met --max-memory.
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", CELL_IN_LITTLE_MEMORY], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-600:]
    assert result.stdout.split() == ["7"]


def test_a_blank_page_and_a_sliver_give_no_words_and_no_error():
    import numpy as np

    engine = make_engine("rapidocr", threads=1)
    assert engine.read_words(np.full((2339, 1654), 255, np.uint8)) == []
    assert engine.read_words(np.full((6, 900), 255, np.uint8)) == []
    assert engine.read_words(np.full((3, 3), 0, np.uint8), block=True) == []


def test_a_line_cut_by_a_detection_band_edge_is_kept_once_whole_from_the_next_band():
    import numpy as np

    from hmic_extract.extract.ocr.rapidocr_engine import det_bands, one_per_line

    assert det_bands(400, 900, 700_000, 64) == [(0, 400)]  # small enough: one band
    bands = det_bands(1800, 1270, 700_000, 96)
    assert bands[0][0] == 0 and bands[-1][1] == 1800
    assert all(b[0] < a[1] - 90 for a, b in itertools.pairwise(bands))  # consecutive bands overlap

    def box(x0, y0, x1, y1):
        return np.float32([[x0, y0], [x1, y0], [x1, y1], [x0, y1]])

    cut = box(10, 500, 400, 512)  # the bottom of band 1 cut this line
    whole = box(10, 498, 600, 520)  # band 2 saw it whole
    other = box(10, 540, 600, 560)
    kept = one_per_line([(0.0, cut), (40.0, whole), (60.0, other)])
    assert [k.tolist() for k in kept] == [whole.tolist(), other.tolist()]


def test_a_short_line_is_recognised_without_padding_to_the_models_default_width():
    # RapidOCR pads every line to 320 px at the model's 48 px height, so a table's lone ref or page
    # number cost as much as a line of prose (recognition is linear in width: about 14 % of it on
    # the scanned samples was padding). The line must still be read.
    import cv2
    import numpy as np

    engine = make_engine("rapidocr", threads=1)
    session = engine._rec.session.session
    widths: list[int] = []
    run = session.run

    def recording(names, feeds, run_options=None):
        widths.extend(v.shape[-1] for v in feeds.values())
        return run(names, feeds, run_options)

    session.run = recording
    cell = np.full((40, 120), 255, np.uint8)
    cv2.putText(cell, "12", (30, 30), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 0, 2)
    words = engine.read_words(cell, block=True)
    assert [w.text for w in words] == ["12"]
    assert widths and max(widths) < 320


@pytest.mark.parametrize("block", [False, True], ids=["page", "cell"])
def test_word_boxes_lie_on_their_printed_words_along_a_long_line(block):
    # Recognition reads each line narrowed (rec_squeeze); word boxes placed by the narrowed crop's width slid
    # towards the line's start by up to a fifth of the line, so a table's cell took its neighbour's words.
    import cv2
    import numpy as np

    line = np.full((60, 1500), 255, np.uint8)
    spans, x = {}, 20
    for word in ["The", "force", "should", "improve", "how", "it", "records", "crime", "and", "Omega"]:
        cv2.putText(line, word, (x, 40), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 0, 2)
        width = cv2.getTextSize(word, cv2.FONT_HERSHEY_SIMPLEX, 0.9, 2)[0][0]
        spans[word], x = (x, x + width), x + width + 14
    image = line if block else np.vstack([np.full((120, 1500), 255, np.uint8), line, np.full((120, 1500), 255,
                                                                                             np.uint8)])
    words = make_engine("rapidocr", threads=1).read_words(image, block=block)
    placed = {w.text: w for w in words}
    assert set(placed) >= {"force", "improve", "records", "Omega"}, [w.text for w in words]
    for text, w in placed.items():
        if text in spans:
            x0, x1 = spans[text]
            assert x0 <= w.x_mid <= x1, (text, w.x0, w.x1, spans[text])


def test_a_lone_ref_that_text_detection_misses_is_read_from_its_ink():
    # An unruled scanned table (the CI sample's annex-ci3-21): detection over the page drops the lone "1" of
    # three rows' ref column, while the "2"s of the same column come back. The ink no word covers is read
    # on its own.
    from hmic_extract.extract.ocr.runner import read_missed_ink
    from hmic_extract.extract.ocr.settings import OcrSettings

    page = scanned.render_page(Path(__file__).resolve().parents[1] / "layouts/ci/annex/annex-ci3-21.pdf", 0)
    level = scanned.deskew(page, scanned.skew_angle(page))
    top = int(90 * scanned.SCALE)
    strip = level[top:int(300 * scanned.SCALE)]
    engine = make_engine("rapidocr", threads=1)
    words = engine.read_words(strip)
    ref_column = int(100 * scanned.SCALE)
    refs = sorted((w.text, round((w.top + top) / scanned.SCALE)) for w in words if w.x1 < ref_column
                  and w.text.isdigit())
    assert refs == [("2", 152)]  # the "1"s go missing
    added = read_missed_ink(engine, strip, words, OcrSettings())
    found = sorted((w.text, (w.top + top) / scanned.SCALE) for w in added if w.x1 < ref_column)
    assert [t for t, _ in found] == ["1", "1", "1"], found  # where, give or take the deskew's rounding
    assert all(abs(y - want) <= 2 for (_, y), want in zip(found, (114, 207, 287), strict=True)), found
    assert all(w.x1 < ref_column for w in added), [w.text for w in added]


def test_specks_and_a_rule_stub_are_not_read_as_missed_words():
    import cv2
    import numpy as np

    from hmic_extract.extract.ocr.runner import read_missed_ink
    from hmic_extract.extract.ocr.settings import OcrSettings

    page = np.full((700, 1200), 255, np.uint8)
    for k in range(12):
        cv2.putText(page, "The force should improve how it records crime", (200, 60 + 45 * k),
                    cv2.FONT_HERSHEY_SIMPLEX, 0.8, 0, 2)
    rng = np.random.default_rng(7)
    for y, x in rng.integers((0, 0), (700, 180), size=(60, 2)):
        page[y:y + 2, x:x + 2] = 0  # scanner specks
    page[100:160, 90:92] = 0  # the stub of a rule the eraser left
    engine = make_engine("rapidocr", threads=1)
    words = engine.read_words(page)
    assert [w.text for w in read_missed_ink(engine, page, words, OcrSettings())] == []


def test_a_speck_read_as_a_stop_before_a_word_is_dropped():
    from hmic_extract.extract.ocr import OcrWord
    from hmic_extract.extract.ocr.runner import without_speck

    def text(t):
        return without_speck(OcrWord(t, 0, 0, 10, 10, 0.9)).text

    assert [text(t) for t in (".p.", ",15", "p.", "No.", "...", "(1)", "2.4", ".")] == [
        "p.", "15", "p.", "No.", "...", "(1)", "2.4", "."]


def test_a_lone_ref_printed_faint_on_a_specked_scan_is_read_from_its_ink():
    """A blurred 150 dpi scan (held-out 9471-113): a row's lone "1." came out no darker than grey 115-160, so no
    ink was seen there, and the scan's specks outnumbered its letters, so the page's letters measured 6 px and a
    line-tall block was too tall to be a missed word: the row lost its ref and was read as part of the next."""
    import cv2
    import numpy as np

    from hmic_extract.extract.ocr.runner import read_missed_ink
    from hmic_extract.extract.ocr.settings import OcrSettings

    page = np.full((700, 1200), 255, np.uint8)
    for k in range(12):
        cv2.putText(page, "The force should improve how it records crime", (300, 60 + 45 * k),
                    cv2.FONT_HERSHEY_SIMPLEX, 0.8, 0, 2)
    rng = np.random.default_rng(7)
    for y, x in rng.integers((0, 0), (35, 60), size=(1500, 2)) * 20:
        page[y:y + 5, x:x + 5] = np.minimum(page[y:y + 5, x:x + 5], 110)  # the scan's specks, apart
    cv2.putText(page, "1.", (120, 150), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 140, 2)  # the faint ref
    engine = make_engine("rapidocr", threads=1)
    words = [w for w in engine.read_words(page) if w.x0 > 250]  # text detection missed the ref
    added = [w for w in read_missed_ink(engine, page, words, OcrSettings()) if w.x1 < 250]
    assert [w.text for w in added] == ["1."]


def test_a_line_detection_missed_is_read_from_its_ink_though_its_superscript_was_read():
    """Held-out 9477-183: detection over the page found no box for a clear line of an area for improvement but read
    the footnote mark "2" raised at its end. The mark's box touched the line's ink, and its height made the line
    look taller than a line, so the line was never read again on its own: the finding lost its text."""
    import cv2
    import numpy as np

    from hmic_extract.extract.ocr import OcrWord
    from hmic_extract.extract.ocr.runner import read_missed_ink
    from hmic_extract.extract.ocr.settings import OcrSettings

    page = np.full((700, 1200), 255, np.uint8)
    text = "The force should improve how it records crime"
    for k in range(12):
        cv2.putText(page, text, (200, 60 + 45 * k), cv2.FONT_HERSHEY_SIMPLEX, 0.8, 0, 2)
    end = 200 + cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, 0.8, 2)[0][0]
    base = 60 + 45 * 5
    cv2.putText(page, "2", (end + 3, base - 13), cv2.FONT_HERSHEY_SIMPLEX, 0.5, 0, 1)  # the raised mark, touching
    engine = make_engine("rapidocr", threads=1)
    words = [w for w in engine.read_words(page) if not base - 30 <= (w.top + w.bottom) / 2 <= base + 10]
    words.append(OcrWord("2", end + 2, base - 25, end + 15, base - 12, 0.99))  # detection read only the mark
    added = read_missed_ink(engine, page, words, OcrSettings())
    assert " ".join(w.text for w in added if w.x1 <= end + 2) == text, [w.text for w in added]
    assert not [w for w in added if w.x0 > end]  # the mark already read is not read twice


def test_two_cells_words_the_engine_read_as_one_across_a_gutter_are_parted_there():
    """Held-out 9491-149: the engine read a narrow type column's "menda" and the text column's "should", a gutter and
    a speck apart, as one word "mendashould", and the line then ran across the column edge as a band's: the row lost
    its line. Each part read again on its own gives the cut; a word's letters and a word space cut nothing."""
    import cv2
    import numpy as np

    from hmic_extract.extract.ocr import OcrWord
    from hmic_extract.extract.ocr.runner import parted_at_gaps
    from hmic_extract.extract.ocr.settings import OcrSettings

    page = np.full((700, 1200), 255, np.uint8)
    for k in range(12):
        cv2.putText(page, "The force should improve how it records crime", (200, 60 + 45 * k),
                    cv2.FONT_HERSHEY_SIMPLEX, 0.8, 0, 2)
    page[600:660] = 255
    cv2.putText(page, "menda", (200, 640), cv2.FONT_HERSHEY_SIMPLEX, 0.8, 0, 2)
    cv2.putText(page, "should", (320, 640), cv2.FONT_HERSHEY_SIMPLEX, 0.8, 0, 2)
    page[628:630, 300:302] = 0  # a speck in the gutter
    glued = OcrWord("mendashould", 198, 615, 398, 648, 0.99)  # the engine's reading: one word over both
    improve = OcrWord("improve", 394, 528, 490, 562, 0.99)
    words = parted_at_gaps(make_engine("rapidocr", threads=1), page, [glued, improve], OcrSettings())
    assert [w.text for w in words] == ["menda", "should", "improve"]
    assert 270 <= words[0].x1 <= 300 and 302 <= words[1].x0 <= 325  # cut across the gutter, speck and all
    kept = parted_at_gaps(make_engine("rapidocr", threads=1), page, [glued], OcrSettings(glued_gap=4.0))
    assert [w.text for w in kept] == ["mendashould"]  # a gap under the page's measure cuts nothing
