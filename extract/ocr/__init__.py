"""OCR engines behind one small interface: an image in, words with boxes and confidence out.

``rapidocr`` (RapidOCR + onnxruntime, models shipped in the wheel) installs with pip alone and is the
default; ``tesseract`` is used when asked for and the ``tesseract`` binary is on PATH.
"""

from __future__ import annotations

from .base import ENGINES, OcrEngine, OcrUnavailable, OcrWord, available_engines, make_engine

__all__ = ["ENGINES", "OcrEngine", "OcrUnavailable", "OcrWord", "available_engines", "make_engine"]
