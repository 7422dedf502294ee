"""The OCR engine interface: a greyscale page image in, words with pixel boxes and confidence out.

Engines are chosen by name so worker processes can build their own (engines do not pickle); a name
maps to a factory in FACTORIES, so a test (or a new engine) plugs in with ``register_engine``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from hmic_extract.errors import HmicError

if TYPE_CHECKING:
    import numpy as np

    from .settings import OcrSettings

DEFAULT_ENGINE = "rapidocr"
ENGINES = ("rapidocr", "tesseract")


class OcrUnavailable(HmicError):
    """The OCR engine asked for cannot run on this machine (package or binary missing)."""


class OcrFailed(HmicError):
    """The OCR engine raised on a page image; the runner retries it, then reports that page as unread."""

    exit_code = 3


def engine_message(err: BaseException) -> str:
    """Given an engine's exception, return its real reason in one line (never a traceback's first line).

    RapidOCR wraps onnxruntime's error in an exception whose text is a whole formatted traceback, so
    the innermost cause is read, and of its text the last line that is not traceback furniture.
    """
    inner = err
    while inner.__cause__ is not None:
        inner = inner.__cause__
    lines = [ln.strip() for ln in str(inner).splitlines() if ln.strip()]
    lines = [ln for ln in lines if not ln.startswith(("Traceback (most recent call last)", "File \"", "^"))]
    text = lines[-1] if lines else type(inner).__name__
    return text if len(text) <= 200 else text[:199] + "…"


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
    return out + [name for name in FACTORIES if name not in ENGINES]


def _rapidocr(settings: OcrSettings) -> OcrEngine:
    from .rapidocr_engine import RapidOcrEngine

    return RapidOcrEngine(settings)


def _tesseract(settings: OcrSettings) -> OcrEngine:
    from .tesseract_engine import TesseractEngine

    return TesseractEngine()


FACTORIES: dict[str, Callable[[OcrSettings], OcrEngine]] = {"rapidocr": _rapidocr, "tesseract": _tesseract}


def register_engine(name: str, factory: Callable[[OcrSettings], OcrEngine]) -> None:
    """Make ``factory(settings)`` the engine called ``name`` (a worker process must register it too)."""
    FACTORIES[name] = factory


def make_engine(name: str = DEFAULT_ENGINE, threads: int | None = None, settings: OcrSettings | None = None
                ) -> OcrEngine:
    """Given an engine name (and optionally settings or a thread count), return a ready engine.

    Raises OcrUnavailable with an install hint when the engine cannot run here.
    """
    from .settings import OcrSettings

    settings = settings or OcrSettings(engine=name, **({} if threads is None else {"threads": threads}))
    factory = FACTORIES.get(name)
    if factory is None:
        raise OcrUnavailable(f"unknown OCR engine {name!r}; choose one of {', '.join(ENGINES)}")
    return factory(settings)
