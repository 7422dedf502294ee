"""RapidOCR (PP-OCR models on onnxruntime): pip-installable, offline, the default engine.

The models are the ones shipped inside the ``rapidocr`` wheel; ``HMIC_OCR_REC_MODEL=int8`` swaps
recognition (most of OCR's CPU) for an int8 copy of the wheel's model that this package ships (built by
``scripts/quantise_rec_model.py``): about 1.9x faster recognition, but it misreads other characters than
the float model, so it is opt-in (bench/RESULTS.md, section 6). Paths are passed explicitly, so RapidOCR never
reaches for its download code: a missing model is an install problem, reported as such, never repaired
by downloading. Every model is loaded with its subnormal weights set to zero (``without_subnormals``): the same
output, and detection about 2.7x faster.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from hmic_extract.model import UNREAD

from ..scan_image import INK_LEVEL, letter_height, text_bands
from .base import OcrFailed, OcrUnavailable, OcrWord, engine_message
from .settings import OcrSettings

if TYPE_CHECKING:
    import numpy as np
    from rapidocr import RapidOCR

NAME = "rapidocr"
DET_MODEL = "PP-OCRv6_det_small.onnx"
REC_MODEL = "PP-OCRv6_rec_small.onnx"
REC_MODEL_INT8 = "PP-OCRv6_rec_small.int8.onnx"  # shipped in this package's models/, built from REC_MODEL
SOURCE_KEY = "source_sha256"  # int8 model metadata: the sha256 of the float model it was built from
TEXT_SCORE = 0.3  # keep low-confidence words: dropping them would lose text silently; rows carry the score
NO_LIMIT = 100_000  # detection's own resize limit, switched off: the caller sizes the image
REC_HEIGHT = 48  # the recognition model's input height (PP-OCR)
DET_MIN_SIDE = 64  # pixels: smaller images are padded before detection
BAND_OVERLAP_LINES = 6  # detection bands overlap by this many letter heights (two lines and their spacing)
MIN_LINE_PX = 5  # an ink band thinner than this in a cell is noise, not a text line
LINE_MARGIN = (0.3, 0.5)  # white kept around a cell's text line, as shares of its height (vertical, horizontal)
MODEL_TABLE = "default_models.yaml"  # rapidocr's catalogue of models to download, parsed when its pipeline is imported


def models_dir() -> Path:
    """Return the folder of the models this package ships (the int8 recognition model)."""
    return Path(__file__).resolve().parent / "models"


def wheel_models() -> tuple[Path, Path]:
    """Return the detection and float recognition model paths inside the installed rapidocr wheel."""
    try:
        import onnxruntime  # noqa: F401
        import rapidocr
    except ImportError as err:
        raise OcrUnavailable(f"OCR needs rapidocr and onnxruntime ({err.name} is missing): "
                             f"pip install 'rapidocr>=3' onnxruntime") from err
    models = Path(rapidocr.__file__).resolve().parent / "models"
    det, rec = models / DET_MODEL, models / REC_MODEL
    for path in (det, rec):
        if not path.is_file():
            raise OcrUnavailable(f"the installed rapidocr wheel lacks its model {path.name}; reinstall "
                                 f"'rapidocr>=3' (models are never downloaded at run time)")
    return det, rec


def shipped_models(rec_model: str = "float") -> tuple[Path, Path]:
    """Return the detection and recognition model paths for ``rec_model`` ("float": the wheel's, "int8": ours)."""
    det, rec = wheel_models()
    if rec_model == "float":
        return det, rec
    int8 = models_dir() / REC_MODEL_INT8
    if not int8.is_file():
        raise OcrUnavailable(f"the installed hmic-extract lacks its OCR model {int8.name}; reinstall it, "
                             f"or set HMIC_OCR_REC_MODEL=float to use rapidocr's own model")
    return det, int8


def file_sha256(path: Path) -> str:
    """Return a file's sha256 (hex): ties the int8 model to the float model it was built from."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def built_from(session, float_model: Path) -> bool:
    """Given an int8 model's session, say whether it was built from ``float_model`` (its metadata says).

    A newer rapidocr wheel may ship a retrained model with another character list; the int8 copy of
    the old one must then not be used with it.
    """
    meta = session.get_modelmeta().custom_metadata_map
    return meta.get(SOURCE_KEY) == file_sha256(float_model)


def line_to_words(box, text: str, score: float, word_boxes, join_gap: float = OcrSettings.join_gap
                  ) -> list[OcrWord]:
    """Given one detected line and RapidOCR's per-word boxes for it, return OcrWords.

    Falls back to the line as one word when RapidOCR gave no word boxes for it. ``join_gap`` is the widest gap,
    as a share of the line's height, across which two pieces of one recognised token are one word.
    """
    words = []
    for item in word_boxes or ():
        w_text, w_score, w_box = item
        if not str(w_text).strip():
            continue
        xs = [p[0] for p in w_box]
        ys = [p[1] for p in w_box]
        words.append(OcrWord(str(w_text), min(xs), min(ys), max(xs), max(ys), float(w_score)))
    xs = [p[0] for p in box]
    ys = [p[1] for p in box]
    if words:
        return words_as_in_line(words, text, join_gap * (max(ys) - min(ys)))
    return [OcrWord(text, min(xs), min(ys), max(xs), max(ys), float(score))]


def words_as_in_line(words: list[OcrWord], text: str, max_gap: float = float("inf")) -> list[OcrWord]:
    """Given RapidOCR's word boxes for a line and the line's text, return the boxes joined to the line's words.

    Word boxes come from character positions and sometimes split a word at a wide letter gap
    ("Recom" + "mendations"); the line text has the spaces right. But recognition also runs a word and the
    ref printed a column gutter after it into one token ("identifies2"): pieces further apart than
    ``max_gap`` (pixels) stay two words. When the pieces do not spell the line's words exactly, the boxes are
    returned unchanged.
    """
    out: list[OcrWord] = []
    pending: list[OcrWord] = []
    tokens = iter(text.split())
    token = next(tokens, None)
    for w in words:
        if pending and w.x0 - pending[-1].x1 > max_gap and token is not None and \
                token.startswith("".join(p.text for p in pending)):
            out.append(joined_word(pending))  # a gutter inside the token: its first part is a word of its own
            token, pending = token[len("".join(p.text for p in pending)):], []
        pending.append(w)
        joined = "".join(p.text for p in pending)
        if token is None or not token.startswith(joined):
            return words
        if joined == token:
            out.append(joined_word(pending))
            pending, token = [], next(tokens, None)
    return out if not pending and token is None else words


def joined_word(pieces: list[OcrWord]) -> OcrWord:
    """Given the pieces of one word (left to right), return the word over their joint box, at their worst score."""
    return OcrWord("".join(p.text for p in pieces), min(p.x0 for p in pieces), min(p.top for p in pieces),
                   max(p.x1 for p in pieces), max(p.bottom for p in pieces), min(p.confidence for p in pieces))


@contextlib.contextmanager
def model_table_read_plain() -> Iterator[None]:
    """While rapidocr's pipeline is imported, serve its model table (``MODEL_TABLE``) from one plain YAML parse.

    Importing rapidocr's pipeline parses that 1,600-line table twice with OmegaConf (0.36 of the 0.5 CPU s the import
    costs each OCR worker, measured), only for its download code and language aliases. Models are never downloaded
    here (they are loaded by path from the wheel), so the table is served as plain dicts and lists, parsed once:
    rapidocr's language lookups read it the same; its download code, never reached, would fail on it loudly.
    Any other file OmegaConf loads meanwhile is loaded as usual.
    """
    import yaml
    from omegaconf import OmegaConf

    load = OmegaConf.load
    parsed: dict[Path, object] = {}

    def table_or_load(file, *args, **kwargs):
        path = Path(file) if isinstance(file, (str, Path)) else None
        if path is None or path.name != MODEL_TABLE or path.parent.name != "rapidocr":
            return load(file, *args, **kwargs)
        if path not in parsed:
            with path.open(encoding="utf-8") as handle:
                parsed[path] = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        return parsed[path]

    OmegaConf.load = table_or_load
    try:
        yield
    finally:
        OmegaConf.load = load


def rapidocr_pipeline(params: dict) -> RapidOCR:
    """Given RapidOCR's parameters, return its pipeline, imported with its model table served plain (cheaper); if a
    rapidocr that reads the table otherwise fails on the plain one, import it afresh as it is (slower, same words)."""
    try:
        with model_table_read_plain():
            from rapidocr import RapidOCR
        return RapidOCR(params=params)
    except (ImportError, AttributeError, KeyError, TypeError) as err:
        logging.getLogger(__name__).debug("rapidocr's model table is read otherwise (%s); importing it as it is", err)
        for name in [m for m in sys.modules if m == "rapidocr" or m.startswith("rapidocr.")]:
            del sys.modules[name]
        from rapidocr import RapidOCR
        return RapidOCR(params=params)


class RapidOcrEngine:
    """RapidOCR's PP-OCRv6 small models from the wheel, driven step by step (detection, crops, recognition).

    RapidOCR's own pipeline is not used as is: it detects at a long side of 2000 px and blows small
    images up until their short side is 736 px (a 32 px table cell became 736 x 5,750 px: 4 s and
    1 GB for one digit, and the std::bad_alloc that lost whole documents). Here detection runs on the
    page shrunk to the measured letter height, a block (a table cell) is split into its text lines
    without any detection, and lines are narrowed before recognition (``OcrSettings``).
    """

    name = NAME

    def __init__(self, settings: OcrSettings | None = None) -> None:
        from omegaconf import flag_override

        self.settings = settings or OcrSettings()
        self.rec_model: Path  # the recognition model file in use (the float one after a fallback)
        det, rec = shipped_models(self.settings.rec_model)
        wheel_rec = wheel_models()[1]
        rec_edit = rec_model_edit(self.settings)
        rec_session = make_session(rec, self.settings.threads, rec_edit)
        if rec != wheel_rec and not built_from(rec_session, wheel_rec):
            logging.getLogger(__name__).warning(
                "%s was built from another rapidocr model than the installed one; using the float model", rec.name)
            rec, rec_session = wheel_rec, make_session(wheel_rec, self.settings.threads, rec_edit)
        self.rec_model = rec
        params = {
            "Global.log_level": "error",
            "Global.use_cls": False,
            "Global.text_score": TEXT_SCORE,
            "Det.model_path": str(det),
            "Rec.model_path": str(rec),
            "Det.limit_type": "max",  # never enlarge: the image handed over is already the size wanted
            "Det.limit_side_len": NO_LIMIT,
            "Rec.rec_batch_num": self.settings.rec_batch,
            "Rec.rec_img_shape": [3, REC_HEIGHT, self.settings.rec_min_width],
        }
        self._ocr = rapidocr_pipeline(params)
        with flag_override(self._ocr.cfg, "allow_objects", True):  # our own sessions, built once
            self._ocr.cfg.Det.session = make_session(det, self.settings.threads)
            self._ocr.cfg.Rec.session = rec_session
            # RapidOCR's model loaders (semi-private, rapidocr>=3.10) wrap the sessions given.
            self._det = self._ocr._load_det_model()
            self._rec = self._ocr._load_rec_model()

    def read_words(self, image: np.ndarray, block: bool = False) -> list[OcrWord]:
        """Given a greyscale page image (or, with ``block``, a crop of one block of text), return its words."""
        height, width = image.shape[:2]
        try:
            boxes = self.block_lines(image) if block else self.page_lines(image)
            return self.recognise(image, boxes) if len(boxes) else []
        except Exception as err:
            what = "cell" if block else "page"
            raise OcrFailed(f"RapidOCR could not read the {what} image ({width}x{height} px): "
                            f"{engine_message(err)}") from err

    def page_lines(self, image: np.ndarray) -> np.ndarray:
        """Given a page, return its text-line boxes (N x 4 x 2, page pixels) from detection on a shrunk copy."""
        import cv2
        import numpy as np

        letters = letter_height(image)
        scale = self.settings.det_scale(letters)
        small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else image
        pad_y, pad_x = max(0, DET_MIN_SIDE - small.shape[0]), max(0, DET_MIN_SIDE - small.shape[1])
        if pad_y or pad_x:  # the model works on multiples of 32 px; a sliver of a picture must not round to 0
            small = cv2.copyMakeBorder(small, 0, pad_y, 0, pad_x, cv2.BORDER_CONSTANT, value=255)
        overlap = max(DET_MIN_SIDE, round(BAND_OVERLAP_LINES * (letters or 20) * scale))
        found: list[tuple[float, np.ndarray]] = []  # (distance from a cut edge of its band, box)
        height = small.shape[0]
        for top, bottom in det_bands(height, small.shape[1], self.settings.det_max_pixels, overlap):
            band = self._det(cv2.cvtColor(small[top:bottom], cv2.COLOR_GRAY2BGR))
            for box in band.boxes if band.boxes is not None else ():
                box = np.asarray(box, np.float32) + np.float32([0, top])
                above = float(box[:, 1].min()) - top if top > 0 else np.inf
                below = bottom - float(box[:, 1].max()) if bottom < height else np.inf
                found.append((min(above, below), box))
        kept = one_per_line(found)
        if not kept:
            return np.zeros((0, 4, 2), np.float32)
        return (np.stack(kept) / scale).astype(np.float32)

    def block_lines(self, image: np.ndarray) -> np.ndarray:
        """Given a crop holding one block of text (a cell), return its line boxes found by ink rows, no detection."""
        import numpy as np

        boxes = []
        height, width = image.shape[:2]
        for x0, top, x1, bottom in text_bands(image):
            tall = bottom - top
            if tall < MIN_LINE_PX or x1 - x0 < 2:
                continue  # a speck of noise or the stub of an erased rule
            my, mx = max(2, round(LINE_MARGIN[0] * tall)), max(2, round(LINE_MARGIN[1] * tall))
            a, b = max(0, x0 - mx), min(width, x1 + mx)
            t, u = max(0, top - my), min(height, bottom + my)
            boxes.append([[a, t], [b, t], [b, u], [a, u]])
        return np.asarray(boxes, np.float32).reshape(-1, 4, 2)

    def recognise(self, image: np.ndarray, boxes: np.ndarray) -> list[OcrWord]:
        """Given an image and its text-line boxes, return the words: lines cropped, narrowed, recognised."""
        import cv2
        from rapidocr.ch_ppocr_rec import TextRecInput

        squeeze = self.settings.rec_squeeze
        crops, printed = [], []
        for box in boxes:
            crop = crop_quad(image, box)
            printed.append(crop)
            if squeeze < 1:  # recognition's cost is linear in the line's width
                crop = cv2.resize(crop, (max(4, round(crop.shape[1] * squeeze)), crop.shape[0]),
                                  interpolation=cv2.INTER_AREA)
            crops.append(cv2.cvtColor(crop, cv2.COLOR_GRAY2BGR))
        result = self._rec(TextRecInput(img=crops, return_word_box=True))
        if result.txts is None:
            return []
        keep = [i for i, (text, score) in enumerate(zip(result.txts, result.scores, strict=True))
                if text.strip() and score >= TEXT_SCORE]
        word_boxes: list = [()] * len(boxes)
        if result.word_results is not None and all(result.word_results):
            # words are placed as shares of the line along the printed line, not the narrowed crop read
            placed = self._ocr.cal_rec_boxes(printed, boxes.copy(), result, False).word_results
            word_boxes = [[w for w in line if w[2] is not None] for line in placed]
        words: list[OcrWord] = []
        for i in keep:
            box = boxes[i]
            upright = (box[2][1] - box[0][1]) < 1.5 * (box[1][0] - box[0][0])  # word boxes assume a level line
            line = line_to_words(box, result.txts[i], result.scores[i], word_boxes[i] if upright else (),
                                 self.settings.join_gap)
            words.extend(line)
            if upright and word_boxes[i] and level(box):
                words.extend(unread_words(printed[i], box, line, self.settings))
        return words


def unread_words(printed: np.ndarray, box: np.ndarray, words: list[OcrWord], settings: OcrSettings) -> list[OcrWord]:
    """Given a level text line as printed (its crop), its box on the page and the words read on it, return an unread
    word (UNREAD, confidence 0) over each inked stretch of the line that no word covers.

    The model has no letters for some scripts (Arabic, Urdu, Kurdish): it reads nothing there, at a high confidence,
    and an English cell quoting such words lost them without a trace. Kept as unread words, they mark the place in
    the cell's text and flag the row for a reader.
    """
    left, top = float(box[:, 0].min()), float(box[:, 1].min())
    bottom = float(box[:, 1].max())
    spans = [(w.x0 - left, w.x1 - left) for w in words]
    return [OcrWord(UNREAD, left + a, top, left + b, bottom, 0.0)
            for a, b in unread_spans(printed, spans, settings.unread_width, settings.unread_bridge)]


def level(box: np.ndarray) -> bool:
    """Say whether a line's box lies level (its top edge climbs less than a quarter of its height): the crop's columns
    are then the page's, so read words can be laid over them."""
    height = float(box[3][1] - box[0][1])
    return abs(float(box[1][1] - box[0][1])) < 0.25 * height


def unread_spans(printed: np.ndarray, read: list[tuple[float, float]], width: float, bridge: float
                 ) -> list[tuple[int, int]]:
    """Given a line's crop and the x spans (crop pixels) of its read words, return the (start, end) of its inked
    stretches that no read word touches, at least ``width`` times the crop's height wide; ink closer than ``bridge``
    times the height is one stretch. Word boxes come from character positions, so a read word's span is widened by
    ``bridge`` on each side: a stray end of a letter next to a read word is no stretch of its own. Only the middle
    half of the line's height is looked at, where every script's letters have ink: the crop's edges may hold the end
    of a rule or of a shaded band.
    """
    import numpy as np

    height = printed.shape[0]
    reach = bridge * height
    middle = printed[height // 4:height - height // 4]
    inked = (middle < INK_LEVEL).sum(axis=0) >= 2  # a column with one dark pixel is a speck's
    for a, b in read:
        inked[max(0, int(a - reach)):max(0, int(b + reach) + 1)] = False
    columns = np.flatnonzero(inked)
    if not len(columns):
        return []
    breaks = np.flatnonzero(np.diff(columns) > reach)
    starts = [columns[0], *columns[breaks + 1]]
    ends = [*columns[breaks], columns[-1]]
    return [(int(a), int(b) + 1) for a, b in zip(starts, ends, strict=True) if b + 1 - a >= width * height]


def det_bands(height: int, width: int, max_pixels: int, overlap: int) -> list[tuple[int, int]]:
    """Given the detection image's size, return horizontal bands (top, bottom) to detect text in.

    Detection's memory grows with the pixels it is given, so a large page is cut into bands of at most
    ``max_pixels`` that overlap by ``overlap`` rows (several text lines), so each line lies whole in some band.
    """
    step = max(overlap * 2, max_pixels // max(1, width) - overlap)
    if step + overlap >= height:
        return [(0, height)]
    bands = []
    for top in range(0, height, step):
        bottom = min(height, top + step + overlap)
        bands.append((top, bottom))
        if bottom == height:
            break
    return bands


def one_per_line(found: list[tuple[float, np.ndarray]]) -> list[np.ndarray]:
    """Given boxes from overlapping bands with their distance from a cut edge, return each line's box once.

    The box farthest from a cut wins (a line cut by a band's edge is read whole in the next band); a box
    is dropped when it overlaps a kept one by half of the smaller in both directions.
    """
    import numpy as np

    kept: list[np.ndarray] = []
    for _distance, box in sorted(found, key=lambda item: -item[0]):
        x0, x1, y0, y1 = box[:, 0].min(), box[:, 0].max(), box[:, 1].min(), box[:, 1].max()
        if not any(min(x1, k[:, 0].max()) - max(x0, k[:, 0].min()) > 0.5 * min(x1 - x0, np.ptp(k[:, 0])) and
                   min(y1, k[:, 1].max()) - max(y0, k[:, 1].min()) > 0.5 * min(y1 - y0, np.ptp(k[:, 1]))
                   for k in kept):
            kept.append(box)
    return sorted(kept, key=lambda b: (float(b[:, 1].min()), float(b[:, 0].min())))


def rec_model_edit(settings: OcrSettings) -> Callable[[bytes], bytes]:
    """Given the settings, return how the recognition model's bytes are edited before loading."""
    if not settings.rec_narrow_only:
        return without_subnormals
    return lambda model: narrow_classes(without_subnormals(model))


def make_session(model: Path, threads: int, edit: Callable[[bytes], bytes] | None = None):
    """Given a model file, a thread count (0: onnxruntime decides) and an edit of the model's bytes (default: its
    subnormal weights set to zero, ``without_subnormals``), return its inference session.

    Measured on a page (bench/RESULTS.md, section 6): the CPU memory arena on and memory patterns off
    peak at about half the memory of RapidOCR's settings (arena off, patterns on) and run as fast.
    """
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.log_severity_level = 4
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.enable_cpu_mem_arena = True
    options.enable_mem_pattern = False
    if threads:
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
    edit = edit or without_subnormals
    flushed = edit(model.read_bytes())
    try:  # from a file: a session made from bytes keeps them for its life (31 MB more per worker, measured)
        with tempfile.TemporaryDirectory(prefix="hmic-ocr-") as folder:
            path = Path(folder) / model.name
            path.write_bytes(flushed)
            del flushed
            return ort.InferenceSession(str(path), sess_options=options, providers=["CPUExecutionProvider"])
    except OSError:  # no writable temporary folder: the bytes will do
        return ort.InferenceSession(edit(model.read_bytes()), sess_options=options,
                                    providers=["CPUExecutionProvider"])


def without_subnormals(model: bytes) -> bytes:
    """Given an ONNX model's bytes, return them with every subnormal float32 weight (non-zero, below 1.2e-38) zero.

    The wheel's detection model holds about 256,000 such weights, in two 1x1 convolutions of its neck; a CPU
    multiplies subnormals by a slow microcode path, so those two convolutions were 56 % of detection's time. Set
    to zero they run about 2.8 times faster, and the detection map is the same to the bit (a product below
    1e-38 vanishes in any sum of print's activations). The weights are overwritten in place, so the file's
    structure (every length in it) is unchanged.
    """
    import numpy as np

    data = bytearray(model)
    tiny = np.finfo(np.float32).tiny
    for start, end in float_weight_spans(data):
        weights = np.frombuffer(data, "<f4", (end - start) // 4, start)  # a writable view into ``data``
        weights[(weights != 0) & (np.abs(weights) < tiny)] = 0
    return bytes(data)


# ONNX protobuf field numbers (onnx.proto): ModelProto.graph, GraphProto.initializer, TensorProto.data_type,
# TensorProto.float_data (packed), TensorProto.raw_data; and TensorProto.DataType.FLOAT
MODEL_GRAPH, GRAPH_INITIALIZER, TENSOR_TYPE, TENSOR_FLOATS, TENSOR_RAW, ONNX_FLOAT = 7, 5, 2, 4, 9, 1
LENGTH_DELIMITED = 2  # protobuf wire type of messages, bytes and packed numbers


def float_weight_spans(data: bytes | bytearray) -> list[tuple[int, int]]:
    """Given an ONNX model's bytes, return the (start, end) byte spans of its graph's float32 initializers' values.

    Read straight from the protobuf wire format, so no ``onnx`` package is needed at run time.
    """
    spans = []
    for number, wire, start, end in proto_fields(data, 0, len(data)):
        if number != MODEL_GRAPH or wire != LENGTH_DELIMITED:
            continue
        for number, wire, t_start, t_end in proto_fields(data, start, end):
            if number != GRAPH_INITIALIZER or wire != LENGTH_DELIMITED:
                continue
            fields = list(proto_fields(data, t_start, t_end))
            dtype = next((varint(data, s)[0] for n, w, s, _ in fields if n == TENSOR_TYPE and w == 0), None)
            if dtype == ONNX_FLOAT:
                spans += [(s, e) for n, w, s, e in fields if n in (TENSOR_RAW, TENSOR_FLOATS) and w == LENGTH_DELIMITED]
    return spans


def proto_fields(data: bytes | bytearray, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """Given bytes and the span of one protobuf message in them, return its fields as (number, wire type, start, end):
    a varint's own bytes, or a length-delimited field's content."""
    fields = []
    pos = start
    while pos < end:
        key, pos = varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            after = varint(data, pos)[1]
        elif wire == LENGTH_DELIMITED:
            length, pos = varint(data, pos)
            after = pos + length
        elif wire in (1, 5):  # 64-bit, 32-bit
            after = pos + (8 if wire == 1 else 4)
        else:
            raise ValueError(f"not an ONNX model: protobuf wire type {wire} at byte {pos}")
        if after > end:
            raise ValueError(f"not an ONNX model: a field runs past its message at byte {pos}")
        fields.append((number, wire, pos, after))
        pos = after
    return fields


def varint(data: bytes | bytearray, pos: int) -> tuple[int, int]:
    """Given bytes and a position, return the protobuf varint there and the position after it."""
    value = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, pos
        shift += 7


# more ONNX protobuf field numbers: ModelProto.metadata_props, StringStringEntryProto key / value, TensorProto.dims,
# GraphProto.output / value_info, and the path from a ValueInfoProto to a dimension's value (type, tensor_type,
# shape, dim, dim_value)
MODEL_METADATA, ENTRY_KEY, ENTRY_VALUE, TENSOR_DIMS = 14, 1, 2, 1
GRAPH_OUTPUT, GRAPH_VALUE_INFO = 12, 13
VALUE_TYPE, TYPE_TENSOR, TENSOR_SHAPE, SHAPE_DIM, DIM_VALUE = 2, 1, 2, 1, 1
CHARACTER_KEY = "character"  # the recognition model's metadata: its dictionary, one character a line (RapidOCR's)


def narrow_character(char: str) -> bool:
    """Say whether a recognition class can be printed in an English-language report: every character but the wide
    (East Asian) ones, which no inspection report prints and which are 92 % of the wheel's dictionary."""
    return unicodedata.east_asian_width(char) not in ("W", "F")


def narrow_classes(model: bytes, keep: Callable[[str], bool] = narrow_character) -> bytes:
    """Given a recognition model's bytes, return them with its output classes cut to the characters ``keep`` accepts.

    The model ends in a classifier (MatMul + Add) with one output per class: CTC's blank, the dictionary's
    characters (the ``character`` metadata) and a space. Here its weight and bias keep only the blank, the kept
    characters and the space, the dictionary is cut alike, and the output's size is rewritten (ONNX checks it).
    The classifier over 18,710 classes was about a fifth of recognition's CPU. A line's best class is among the
    kept ones, so its text is the same; its confidence, a softmax over fewer classes, is a little higher (the wide
    classes' share, at most 0.003 on the scans measured). A model that does not end that way is returned unchanged.
    """
    chars = metadata_value(model, CHARACTER_KEY)
    if chars is None:
        return model
    dictionary = chars.split("\n")
    classes = len(dictionary) + 2  # blank first, space last (RapidOCR's CTC decoder adds them)
    kept = [0] + [i + 1 for i, char in enumerate(dictionary) if keep(char)] + [classes - 1]
    cut = 0
    graph_fields = []
    for number, wire, start, end in proto_fields(model, 0, len(model)):
        if number != MODEL_GRAPH or wire != LENGTH_DELIMITED:
            continue
        for g_number, g_wire, g_start, g_end in proto_fields(model, start, end):
            raw = model[g_start:g_end]
            if g_number == GRAPH_INITIALIZER and g_wire == LENGTH_DELIMITED:
                tensor, changed = tensor_cut(raw, classes, kept)
                cut += changed
                raw = tensor
            elif g_number in (GRAPH_OUTPUT, GRAPH_VALUE_INFO) and g_wire == LENGTH_DELIMITED:
                raw = with_dims(raw, classes, len(kept))
            graph_fields.append(encoded(g_number, g_wire, raw))
    if cut != 2:  # not one weight and one bias over the classes: not the model this expects
        return model
    out = []
    for number, wire, start, end in proto_fields(model, 0, len(model)):
        raw = model[start:end]
        if number == MODEL_GRAPH and wire == LENGTH_DELIMITED:
            raw = b"".join(graph_fields)
        elif number == MODEL_METADATA and wire == LENGTH_DELIMITED and entry(raw)[0] == CHARACTER_KEY:
            value = "\n".join(dictionary[i - 1] for i in kept[1:-1]).encode("utf-8")
            raw = encoded(ENTRY_KEY, LENGTH_DELIMITED, CHARACTER_KEY.encode()) + encoded(ENTRY_VALUE, LENGTH_DELIMITED,
                                                                                         value)
        out.append(encoded(number, wire, raw))
    return b"".join(out)


def tensor_cut(tensor: bytes, classes: int, kept: list[int]) -> tuple[bytes, bool]:
    """Given a TensorProto's bytes, return them with the last axis cut to ``kept`` where it is a float32 tensor in
    raw bytes whose last dimension is ``classes`` (the classifier's weight or bias); else unchanged. Also say which."""
    import numpy as np

    fields = proto_fields(tensor, 0, len(tensor))
    dims = [v for n, w, s, e in fields if n == TENSOR_DIMS for v in packed_varints(tensor, w, s, e)]
    dtype = next((varint(tensor, s)[0] for n, w, s, _ in fields if n == TENSOR_TYPE and w == 0), None)
    raw = [(s, e) for n, w, s, e in fields if n == TENSOR_RAW and w == LENGTH_DELIMITED]
    if dtype != ONNX_FLOAT or not dims or dims[-1] != classes or len(raw) != 1:
        return tensor, False
    start, end = raw[0]
    values = np.frombuffer(tensor, "<f4", (end - start) // 4, start).reshape(dims)
    data = np.ascontiguousarray(values[..., kept]).tobytes()
    new_dims = b"".join(varint_bytes(d) for d in [*dims[:-1], len(kept)])
    out = [encoded(TENSOR_DIMS, LENGTH_DELIMITED, new_dims)]
    for n, w, s, e in fields:
        if n == TENSOR_DIMS:
            continue
        out.append(encoded(n, w, data if n == TENSOR_RAW else tensor[s:e]))
    return b"".join(out), True


def with_dims(message: bytes, old: int, new: int, path: tuple[int, ...] = (VALUE_TYPE, TYPE_TENSOR, TENSOR_SHAPE,
                                                                         SHAPE_DIM, DIM_VALUE)) -> bytes:
    """Given a ValueInfoProto's bytes, return them with every dimension of value ``old`` set to ``new``."""
    out = []
    for number, wire, start, end in proto_fields(message, 0, len(message)):
        raw = message[start:end]
        if number == path[0] and len(path) == 1 and wire == 0 and varint(message, start)[0] == old:
            raw = varint_bytes(new)
        elif number == path[0] and len(path) > 1 and wire == LENGTH_DELIMITED:
            raw = with_dims(raw, old, new, path[1:])
        out.append(encoded(number, wire, raw))
    return b"".join(out)


def metadata_value(model: bytes, key: str) -> str | None:
    """Given an ONNX model's bytes, return the value of its metadata entry ``key`` (None: no such entry)."""
    for number, wire, start, end in proto_fields(model, 0, len(model)):
        if number == MODEL_METADATA and wire == LENGTH_DELIMITED:
            name, value = entry(model[start:end])
            if name == key:
                return value
    return None


def entry(message: bytes) -> tuple[str, str]:
    """Given a StringStringEntryProto's bytes, return its key and value."""
    found = {n: message[s:e].decode("utf-8") for n, w, s, e in proto_fields(message, 0, len(message))
             if w == LENGTH_DELIMITED}
    return found.get(ENTRY_KEY, ""), found.get(ENTRY_VALUE, "")


def packed_varints(data: bytes, wire: int, start: int, end: int) -> list[int]:
    """Given a repeated integer field's span (one varint, or packed varints), return its values."""
    if wire == 0:
        return [varint(data, start)[0]]
    values, pos = [], start
    while pos < end:
        value, pos = varint(data, pos)
        values.append(value)
    return values


def varint_bytes(value: int) -> bytes:
    """Given a non-negative integer, return it as a protobuf varint."""
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def encoded(number: int, wire: int, raw: bytes) -> bytes:
    """Given a field's number, wire type and content (a varint's own bytes, or a length-delimited field's content),
    return the field as protobuf bytes (the inverse of ``proto_fields``)."""
    length = varint_bytes(len(raw)) if wire == LENGTH_DELIMITED else b""
    return varint_bytes(number << 3 | wire) + length + raw


def crop_quad(image: np.ndarray, quad: np.ndarray) -> np.ndarray:
    """Given an image and a four-point box, return the box's content straightened (never turned on its side)."""
    import cv2
    import numpy as np

    width = max(2, int(max(np.linalg.norm(quad[0] - quad[1]), np.linalg.norm(quad[2] - quad[3]))))
    height = max(2, int(max(np.linalg.norm(quad[0] - quad[3]), np.linalg.norm(quad[1] - quad[2]))))
    target = np.array([[0, 0], [width, 0], [width, height], [0, height]], np.float32)
    matrix = cv2.getPerspectiveTransform(quad.astype(np.float32), target)
    return cv2.warpPerspective(image, matrix, (width, height), flags=cv2.INTER_CUBIC,
                               borderMode=cv2.BORDER_REPLICATE)
