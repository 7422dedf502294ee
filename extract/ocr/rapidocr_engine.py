"""RapidOCR (PP-OCR models on onnxruntime): pip-installable, offline, the default engine.

The models are the ones shipped inside the ``rapidocr`` wheel; their paths are passed explicitly, so
RapidOCR never reaches for its download code. A wheel without them is an install problem, reported
as such, never repaired by downloading.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .base import OcrFailed, OcrUnavailable, OcrWord

if TYPE_CHECKING:
    import numpy as np

NAME = "rapidocr"
DET_MODEL = "PP-OCRv6_det_small.onnx"
REC_MODEL = "PP-OCRv6_rec_small.onnx"
TEXT_SCORE = 0.3  # keep low-confidence words: dropping them would lose text silently; rows carry the score


def shipped_models() -> tuple[Path, Path]:
    """Return the detection and recognition model paths inside the installed wheel."""
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


def line_to_words(box, text: str, score: float, word_boxes) -> list[OcrWord]:
    """Given one detected line and RapidOCR's per-word boxes for it, return OcrWords.

    Falls back to the line as one word when RapidOCR gave no word boxes for it.
    """
    words = []
    for item in word_boxes or ():
        w_text, w_score, w_box = item
        if not str(w_text).strip():
            continue
        xs = [p[0] for p in w_box]
        ys = [p[1] for p in w_box]
        words.append(OcrWord(str(w_text), min(xs), min(ys), max(xs), max(ys), float(w_score)))
    if words:
        return words_as_in_line(words, text)
    xs = [p[0] for p in box]
    ys = [p[1] for p in box]
    return [OcrWord(text, min(xs), min(ys), max(xs), max(ys), float(score))]


def words_as_in_line(words: list[OcrWord], text: str) -> list[OcrWord]:
    """Given RapidOCR's word boxes for a line and the line's text, return the boxes joined to the line's words.

    Word boxes come from character positions and sometimes split a word at a wide letter gap
    ("Recom" + "mendations"); the line text has the spaces right. When the pieces do not spell the
    line's words exactly, the boxes are returned unchanged.
    """
    out: list[OcrWord] = []
    pending: list[OcrWord] = []
    tokens = iter(text.split())
    token = next(tokens, None)
    for w in words:
        pending.append(w)
        joined = "".join(p.text for p in pending)
        if token is None or not token.startswith(joined):
            return words
        if joined == token:
            out.append(OcrWord(joined, min(p.x0 for p in pending), min(p.top for p in pending),
                               max(p.x1 for p in pending), max(p.bottom for p in pending),
                               min(p.confidence for p in pending)))
            pending, token = [], next(tokens, None)
    return out if not pending and token is None else words


class RapidOcrEngine:
    """RapidOCR with the wheel's own PP-OCRv6 small models, no angle classifier (scans are upright)."""

    name = NAME

    def __init__(self, threads: int = 0) -> None:
        from rapidocr import RapidOCR

        det, rec = shipped_models()
        params = {
            "Global.log_level": "error",
            "Global.use_cls": False,
            "Global.text_score": TEXT_SCORE,
            "Det.model_path": str(det),
            "Rec.model_path": str(rec),
        }
        if threads:
            params["EngineConfig.onnxruntime.intra_op_num_threads"] = threads
            params["EngineConfig.onnxruntime.inter_op_num_threads"] = 1
        self._ocr = RapidOCR(params=params)

    def read_words(self, image: np.ndarray, block: bool = False) -> list[OcrWord]:
        """Given a greyscale page image, return its words with pixel boxes and confidence."""
        import cv2

        colour = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
        try:
            result = self._ocr(colour, use_cls=False, return_word_box=True)
        except Exception:  # onnxruntime fails now and then on one input: once more, then a clear error
            try:
                result = self._ocr(colour, use_cls=False, return_word_box=True)
            except Exception as err:
                raise OcrFailed(f"the OCR engine (RapidOCR) failed on a page image: {str(err).splitlines()[0][:120]}; "
                                f"try again, or HMIC_OCR_ENGINE=tesseract") from err
        if result.boxes is None or result.txts is None:
            return []
        word_results = result.word_results or [()] * len(result.txts)
        words: list[OcrWord] = []
        for box, text, score, wr in zip(result.boxes, result.txts, result.scores, word_results, strict=False):
            words.extend(line_to_words(box, text, score, wr))
        return words
