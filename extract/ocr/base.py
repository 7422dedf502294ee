"""The OCR engine interface: a greyscale page image in, words with pixel boxes and confidence out.

Engines are chosen by name so worker processes can build their own (engines do not pickle).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from hmic_extract.errors import HmicError

if TYPE_CHECKING:
    import numpy as np

DEFAULT_ENGINE = "rapidocr"
ENGINES = ("rapidocr", "tesseract")


class OcrUnavailable(HmicError):
    """The OCR engine asked for cannot run on this machine (package or binary missing)."""


class OcrFailed(HmicError):
    """The OCR engine raised on a page image (not a bug of ours: report it in one line, like unreadable input)."""

    exit_code = 3


@dataclass(frozen=True)
class OcrWord:
    """One recognised word: text, box in image pixels (x0, top, x1, bottom) and confidence 0..1."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float

    @property
    def x_mid(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def y_mid(self) -> float:
        return (self.top + self.bottom) / 2


class OcrEngine(Protocol):
    """What every engine offers: a name and words read from a greyscale image (uint8, 2-D).

    ``block=True`` says the image is a small crop holding one block of text (a table cell).
    """

    name: str

    def read_words(self, image: np.ndarray, block: bool = False) -> list[OcrWord]: ...


def available_engines() -> list[str]:
    """Return the names of the engines that can run here, the default first."""
    import shutil
    from importlib.util import find_spec

    out = []
    if find_spec("rapidocr") and find_spec("onnxruntime"):
        out.append("rapidocr")
    if shutil.which("tesseract"):
        out.append("tesseract")
    return out


def make_engine(name: str = DEFAULT_ENGINE, threads: int = 0) -> OcrEngine:
    """Given an engine name, return a ready engine; ``threads`` 0 lets the engine choose.

    Raises OcrUnavailable with an install hint when the engine cannot run here.
    """
    if name == "rapidocr":
        from .rapidocr_engine import RapidOcrEngine

        return RapidOcrEngine(threads=threads)
    if name == "tesseract":
        from .tesseract_engine import TesseractEngine

        return TesseractEngine()
    raise OcrUnavailable(f"unknown OCR engine {name!r}; choose one of {', '.join(ENGINES)}")
