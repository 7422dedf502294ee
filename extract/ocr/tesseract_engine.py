"""Tesseract through its command line (TSV output), when the ``tesseract`` binary is installed.

Optional: a system package, not a pip one. ``OMP_THREAD_LIMIT=1`` is set for each call: Debian's
build otherwise spins OpenMP threads and runs several times slower; parallelism comes from workers.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from typing import TYPE_CHECKING

from .base import OcrUnavailable, OcrWord

if TYPE_CHECKING:
    import numpy as np

NAME = "tesseract"
TIMEOUT = 300  # seconds per page: a hung binary must not hang the run
PAGE_SEGMENTATION = "11"  # sparse text: table cells are many small blocks, not one column of prose
BLOCK_SEGMENTATION = "6"  # one uniform block: a single table cell


def parse_tsv(tsv: str) -> list[OcrWord]:
    """Given tesseract's TSV output, return its words (level 5) with confidence 0..1."""
    words = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        left, top, width, height = (float(row[k]) for k in ("left", "top", "width", "height"))
        conf = max(0.0, float(row.get("conf") or 0)) / 100.0
        words.append(OcrWord(text, left, top, left + width, top + height, conf))
    return words


class TesseractEngine:
    """Tesseract 4/5 (LSTM), English, one process per page image."""

    name = NAME

    def __init__(self) -> None:
        binary = shutil.which("tesseract")
        if binary is None:
            raise OcrUnavailable("the tesseract engine needs the tesseract binary on PATH "
                                 "(Debian/Ubuntu: apt-get install tesseract-ocr); or set HMIC_OCR_ENGINE=rapidocr")
        self._binary = binary
        self._env = {**os.environ, "OMP_THREAD_LIMIT": "1"}

    def read_words(self, image: np.ndarray, block: bool = False) -> list[OcrWord]:
        """Given a greyscale page image, return its words with pixel boxes and confidence."""
        import cv2

        ok, png = cv2.imencode(".png", image)
        if not ok:
            raise ValueError("could not encode the page image for tesseract")
        psm = BLOCK_SEGMENTATION if block else PAGE_SEGMENTATION
        proc = subprocess.run([self._binary, "stdin", "stdout", "-l", "eng", "--psm", psm, "--dpi", "200", "tsv"],
                              input=png.tobytes(), capture_output=True, env=self._env, timeout=TIMEOUT, check=False)
        if proc.returncode != 0:
            message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
            raise OcrUnavailable(f"tesseract failed: {message[-1] if message else proc.returncode}")
        return parse_tsv(proc.stdout.decode("utf-8", "replace"))
