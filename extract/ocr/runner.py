"""OCR scheduling: jobs, worker processes with one engine each, and the second reading of empty cells.

Kept apart from ``scanned`` (planning, grid + words -> rows) so that how pages are OCR-ed can change
without touching how their rows are built.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..scan_image import deskew, erase_lines, find_grids, has_ink, inside, render_page
from .base import OcrEngine, OcrWord

if TYPE_CHECKING:
    import numpy as np

    from ..scan_image import Grid

CROP_PAD = 4  # pixels around a cell cropped for a second reading

Progress = Callable[[int, int, int], None]  # (pages done, pages to OCR, PDF page index)


@dataclass(frozen=True)
class OcrJob:
    path: str
    password: str | None
    page_index: int
    angle: float
    engine: str


_ENGINE = None  # one engine per process, built on first use


def init_worker(engine: str, threads: int) -> None:
    """Build the OCR engine once per worker process."""
    global _ENGINE
    from . import make_engine

    _ENGINE = make_engine(engine, threads=threads)


def ocr_page(job: OcrJob) -> tuple[int, list[OcrWord]]:
    """Given an OCR job, return (page index, words in level pixels): render, deskew, erase rules, read."""
    global _ENGINE
    if _ENGINE is None or _ENGINE.name != job.engine:
        init_worker(job.engine, 0)
    assert _ENGINE is not None
    image = deskew(render_page(Path(job.path), job.page_index, job.password), job.angle)
    grids, lines = find_grids(image)
    clean = erase_lines(image, lines)
    words = _ENGINE.read_words(clean)
    return job.page_index, words + reread_empty_cells(_ENGINE, clean, lines, grids, words)


def reread_empty_cells(engine: OcrEngine, clean: np.ndarray, lines: np.ndarray, grids: list[Grid],
                       words: list[OcrWord]) -> list[OcrWord]:
    """Given a page's OCR words, return words read again from the cells that hold print but got no word.

    Whole-page OCR drops lone short tokens (Tesseract skips a single-digit ref); read as a block of
    its own, such a cell comes back.
    """
    out = []
    for grid in grids:
        for row in grid.rows:
            for cell in row.cells:
                if any(inside(w, cell, row) for w in words) or not has_ink(clean, row, cell):
                    continue
                y0, x0 = max(0, int(row.top) - CROP_PAD), max(0, int(cell.x0) - CROP_PAD)
                crop = clean[y0:int(row.bottom) + CROP_PAD, x0:int(cell.x1) + CROP_PAD]
                out.extend(OcrWord(w.text, w.x0 + x0, w.top + y0, w.x1 + x0, w.bottom + y0, w.confidence)
                           for w in engine.read_words(crop, block=True))
    return out


def run_ocr(jobs: list[OcrJob], workers: int, progress: Progress | None) -> dict[int, list[OcrWord]]:
    """Given OCR jobs, return words per page index, OCR-ing in ``workers`` processes when more than one."""
    out: dict[int, list[OcrWord]] = {}
    if not jobs:
        return out
    workers = max(1, min(workers, len(jobs)))
    if workers == 1:
        for done, job in enumerate(jobs, 1):
            index, words = ocr_page(job)
            out[index] = words
            if progress:
                progress(done, len(jobs), index)
        return out
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    threads = max(1, (os.cpu_count() or 1) // workers)
    context = multiprocessing.get_context("spawn")  # onnxruntime's threads do not survive fork
    with ProcessPoolExecutor(workers, mp_context=context, initializer=init_worker,
                             initargs=(jobs[0].engine, threads)) as pool:
        futures = [pool.submit(ocr_page, job) for job in jobs]
        for done, future in enumerate(as_completed(futures), 1):
            index, words = future.result()
            out[index] = words
            if progress:
                progress(done, len(jobs), index)
    return out

