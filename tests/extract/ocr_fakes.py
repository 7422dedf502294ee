"""Fake OCR engines for tests, registered through the one engine interface.

OCR runs in worker processes, so a test names this module in ``OcrSettings.plugins`` and every worker
imports it (which registers the engines) before building its engine. A page is "marked" by a black
square in its top-left corner (``mark_page``); the fakes fail or crash on marked pages only.
"""

from __future__ import annotations

import hashlib
import os
import signal
from pathlib import Path

from hmic_extract.extract.ocr.base import OcrWord, make_engine, register_engine

MODULE = __name__
LOG_VARIABLE = "HMIC_FAKE_OCR_LOG"  # file each counting engine appends one line per read to
MARK = (slice(20, 80), slice(20, 80))  # pixels inside the mark, on the levelled 200 dpi page image
ONNX_TEXT = ("Traceback (most recent call last):\n  File \"main.py\", line 90, in __call__\n"
             "onnxruntime.capi.onnxruntime_pybind11_state.RuntimeException: [ONNXRuntimeError] : 6 : "
             "RUNTIME_EXCEPTION : Non-zero status code returned while running Conv node. Status Message: "
             "std::bad_alloc\n")


def marked(image) -> bool:
    return image.shape[0] > 80 and image.shape[1] > 80 and float(image[MARK].mean()) < 80


class ONNXRuntimeError(Exception):
    """What RapidOCR raises: its text is a whole formatted traceback."""


class Wrapping:
    """The real RapidOCR engine, except on marked pages."""

    name = ""

    def __init__(self, settings) -> None:
        self.real = make_engine("rapidocr", settings=settings)

    def read_words(self, image, block: bool = False) -> list[OcrWord]:
        if not block and marked(image):
            self.fail()
        return self.real.read_words(image, block)

    def fail(self) -> None:
        raise NotImplementedError


class FailsOnMark(Wrapping):
    name = "fails-on-mark"

    def fail(self) -> None:
        try:
            raise RuntimeError("[ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION : std::bad_alloc")
        except RuntimeError as err:
            raise ONNXRuntimeError(ONNX_TEXT) from err


class CrashesOnMark(Wrapping):
    name = "crashes-on-mark"

    def fail(self) -> None:
        os.kill(os.getpid(), signal.SIGSEGV)  # a native crash, as onnxruntime's would be


class Counting:
    """Reads nothing, fast; logs its building and every call (page or block, image digest) to HMIC_FAKE_OCR_LOG."""

    name = "counting"

    def __init__(self, settings) -> None:
        self.log = Path(os.environ[LOG_VARIABLE])
        with self.log.open("a") as fh:
            fh.write(f"engine {os.getpid()}\n")  # one per engine built (per OCR worker)

    def read_words(self, image, block: bool = False) -> list[OcrWord]:
        digest = hashlib.sha1(image.tobytes()).hexdigest()[:12]
        with self.log.open("a") as fh:
            fh.write(f"{'block' if block else 'page'} {digest}\n")
        return []


for engine in (FailsOnMark, CrashesOnMark, Counting):
    register_engine(engine.name, engine)


def mark_page(source: Path, out: Path, marked_index: int) -> Path:
    """Copy an image-only PDF page by page (200 dpi images), with the mark on page ``marked_index``."""
    import io

    import pypdfium2 as pdfium
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    doc = pdfium.PdfDocument(str(source))
    c = canvas.Canvas(str(out))
    for index in range(len(doc)):
        page = doc[index]
        width, height = page.get_size()
        image = page.render(scale=200 / 72, grayscale=True).to_pil().convert("L")
        if index == marked_index:
            image.paste(Image.new("L", (120, 120), 0), (0, 0))
        buffer = io.BytesIO()
        image.save(buffer, "PNG")
        c.setPageSize((width, height))
        c.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 0, 0, width=width, height=height)
        c.showPage()
    c.save()
    doc.close()
    return out
