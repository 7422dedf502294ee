"""OCR scheduling: jobs, worker processes with one engine each, retries, and the second reading of empty cells.

Every page is OCR-ed in a worker process (spawned: onnxruntime's threads do not survive a fork),
one page at a time per worker, so the parent always knows which page a worker holds. A page whose
engine raises is tried again in a fresh worker (a fresh engine), then with the other installed
engine; a worker that dies (a native crash, the kernel's OOM killer) costs only the page it held.
A page that still cannot be read comes back as an ``UnreadPage`` with the engine's one-line message;
every other page is read. Kept apart from ``scanned`` (planning, grid + words -> rows).
"""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing
import re
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import TYPE_CHECKING

from hmic_extract.model import UNREAD, UnreadPage

from ..scan_image import (
    PRINT_PX,
    deskew,
    erase_lines,
    find_grids,
    gaps_inside,
    has_ink,
    inside,
    letter_height,
    lighten_dark_bands,
    margin_blocks,
    missed_blocks,
    render_page,
)
from .base import OcrEngine, OcrWord, available_engines, engine_message
from .settings import OcrSettings

if TYPE_CHECKING:
    import numpy as np

    from ..scan_image import Grid

CROP_PAD = 4  # pixels around a cell cropped for a second reading
STOP_GRACE = 2.0  # seconds a worker gets to exit before it is killed

Progress = Callable[[int, int, int], None]  # (pages done, pages to OCR, PDF page index)


@dataclass(frozen=True)
class OcrJob:
    path: str
    password: str | None
    page_index: int
    angle: float
    settings: OcrSettings = field(default_factory=OcrSettings)
    margins_only: bool = False  # read only the inked blocks of the top and foot margins, each on its own
    # the page as planned (level, rules erased) and its ruled frames, when the planner kept them: the worker then
    # reads it as is instead of rendering and gridding the page again (the same image: the same render and angle)
    image: np.ndarray | None = field(default=None, repr=False, compare=False)
    frames: list[Grid] | None = field(default=None, repr=False, compare=False)


@dataclass
class OcrResult:
    """What OCR of a set of pages gave: words per page index, and the pages that could not be read."""

    words: dict[int, list[OcrWord]] = field(default_factory=dict)
    unread: dict[int, UnreadPage] = field(default_factory=dict)
    notes: dict[int, str] = field(default_factory=dict)  # pages read only on a retry or by the other engine


# --- one page, inside a worker -----------------------------------------------------------------------------

_ENGINE: OcrEngine | None = None  # one engine per process, built on first use


def engine_for(settings: OcrSettings) -> OcrEngine:
    """Return this process's engine for ``settings``, building it (and importing plug-ins) on first use."""
    global _ENGINE
    if _ENGINE is None or _ENGINE.name != settings.engine:
        from . import make_engine

        for module in settings.plugins:
            importlib.import_module(module)
        _ENGINE = make_engine(settings.engine, settings=settings)
    return _ENGINE


def ocr_page(job: OcrJob) -> tuple[int, list[OcrWord]]:
    """Given an OCR job, return (page index, words in level pixels): render, deskew, lighten dark bands, erase rules,
    read."""
    engine = engine_for(job.settings)
    if job.image is not None and job.frames is not None:
        clean, grids = job.image, job.frames
    else:
        image = lighten_dark_bands(deskew(render_page(Path(job.path), job.page_index, job.password), job.angle))
        grids, lines = find_grids(image, job.angle)
        clean = erase_lines(image, lines)
    if job.margins_only:
        return job.page_index, read_margins(engine, clean, job.settings)
    if job.settings.cells and grids:
        return job.page_index, read_by_cells(engine, clean, grids)
    found = engine.read_words(clean)
    words = [w for w in found if w.text != UNREAD]
    words += reread_empty_cells(engine, clean, grids, words)
    letters = letter_height(clean, PRINT_PX)  # measured once: both passes below need it (a whole-page pass)
    missed = read_missed_ink(engine, clean, words, job.settings, letters)
    words = parted_at_gaps(engine, clean, words + missed, job.settings, letters)
    words += [w for w in found if w.text == UNREAD and not any(overlaps(w, m) for m in missed)]
    return job.page_index, [w for w in map(without_speck, words) if w.text]


def overlaps(a: OcrWord, b: OcrWord) -> bool:
    """Say whether two words' boxes share any area: ink read on its own is no unread print after all."""
    return min(a.x1, b.x1) > max(a.x0, b.x0) and min(a.bottom, b.bottom) > max(a.top, b.top)


SPECK = re.compile(r"^[.,·'`](?=[^\W_])")  # a scanner's speck read as a stop before a word's first letter or digit


def without_speck(word: OcrWord) -> OcrWord:
    """Given an OCR word, return it without a leading speck the engine read as punctuation (".p. 15" for "p. 15"):
    no word of a table starts with a full stop or a comma set tight against its first letter."""
    text = SPECK.sub("", word.text)
    return word if text == word.text else replace(word, text=text)


def parted_at_gaps(engine: OcrEngine, clean: np.ndarray, words: list[OcrWord], settings: OcrSettings,
                   letters: float | None = None) -> list[OcrWord]:
    """Given a page and the words read on it, return them with each word whose print holds a white run at least
    ``settings.glued_gap`` of the page's letter heights wide cut there (``parted_word``): the engine read the last
    word of one cell and the first of the next, a gutter apart, as one ("mendashould": a type column's "menda" and
    the text column's "should"), and the line then ran across the column edge as a band's would."""
    if not any(len(w.text) > 1 for w in words):
        return words
    letters = letters or letter_height(clean, PRINT_PX)
    if not letters:
        return words
    return [part for word in words for part in (parted_word(engine, clean, word, settings.glued_gap * letters)
                                                if len(word.text) > 1 else [word])]


def parted_word(engine: OcrEngine, clean: np.ndarray, word: OcrWord, wide: float) -> list[OcrWord]:
    """A word as it was read, or cut at the first white run ``wide`` pixels across in its print where the print
    before the run, read again on its own, gives the word's first letters (or the print after it its last): the cut
    is where the engine's own letters fall, never a guess by letter widths."""
    for a, b in gaps_inside(clean, (word.x0, word.top, word.x1, word.bottom), PRINT_PX, wide):
        left = "".join(w.text for w in read_cell(engine, clean, word.top, word.bottom, word.x0, a))
        k = len(left) if left and len(left) < len(word.text) and word.text.startswith(left) else None
        if k is None:
            right = "".join(w.text for w in read_cell(engine, clean, word.top, word.bottom, b, word.x1))
            k = len(word.text) - len(right) if right and len(right) < len(word.text) and \
                word.text.endswith(right) else None
        if k is not None:
            return [replace(word, text=word.text[:k], x1=a),
                    *parted_word(engine, clean, replace(word, text=word.text[k:], x0=b), wide)]
    return [word]


def read_by_cells(engine: OcrEngine, clean: np.ndarray, grids: list[Grid]) -> list[OcrWord]:
    """Given a page with ruled tables, return its words: each inked cell read as a block, the rest as a page."""
    outside = clean.copy()
    for grid in grids:
        x0, y0, x1, y1 = (int(v) for v in grid.box)
        outside[max(0, y0):y1, max(0, x0):x1] = 255
    words = engine.read_words(outside)
    for grid in grids:
        for row in grid.rows:
            for cell in row.cells:
                if has_ink(clean, row, cell):
                    words.extend(read_cell(engine, clean, row.top, row.bottom, cell.x0, cell.x1))
    return words


def read_cell(engine: OcrEngine, clean: np.ndarray, top: float, bottom: float, left: float, right: float
              ) -> list[OcrWord]:
    """Given a cell's bounds, return its words read as one block, in page pixels."""
    y0, x0 = max(0, int(top) - CROP_PAD), max(0, int(left) - CROP_PAD)
    crop = clean[y0:int(bottom) + CROP_PAD, x0:int(right) + CROP_PAD]
    return [OcrWord(w.text, w.x0 + x0, w.top + y0, w.x1 + x0, w.bottom + y0, w.confidence)
            for w in engine.read_words(crop, block=True)]


def read_missed_ink(engine: OcrEngine, clean: np.ndarray, words: list[OcrWord], settings: OcrSettings,
                    letters: float | None = None) -> list[OcrWord]:
    """Given a page and the words read on it, return the words of the inked blocks words leave unread, each read on
    its own (a lone narrow ref that text detection missed); a reading below ``settings.missed_score`` is a speck's,
    and a word read before is not read again."""
    boxes = [(w.x0, w.top, w.x1, w.bottom) for w in words]

    def read_before(word: OcrWord) -> bool:  # a block read around a word already read gives it again
        middle = (word.top + word.bottom) / 2
        return any(x0 <= word.x_mid <= x1 and top <= middle <= bottom for x0, top, x1, bottom in boxes)

    return [w for top, bottom, left, right in missed_blocks(clean, boxes, settings.missed_heights,
                                                            settings.missed_limit, settings.missed_covered, letters)
            for w in read_cell(engine, clean, top, bottom, left, right)
            if w.confidence >= settings.missed_score and not read_before(w)]


def read_margins(engine: OcrEngine, clean: np.ndarray, settings: OcrSettings) -> list[OcrWord]:
    """Given a page, return the words of its top and foot margins, each inked block read on its own."""
    return [w for top, bottom, left, right in margin_blocks(clean, settings.margin_share, settings.margin_blocks)
            for w in read_cell(engine, clean, top, bottom, left, right)]


def reread_empty_cells(engine: OcrEngine, clean: np.ndarray, grids: list[Grid],
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
                out.extend(read_cell(engine, clean, row.top, row.bottom, cell.x0, cell.x1))
    return out


def worker_loop(conn: Connection) -> None:
    """A worker process: read jobs from the pipe, answer ("ok", index, words) or ("error", reason, detail)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:  # Linux: stop with the parent (a file worker killed at its time limit leaves no orphan)
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        try:
            index, words = ocr_page(job)
            conn.send(("ok", index, words))
        except Exception as err:
            conn.send(("error", engine_message(err), "".join(traceback.format_exception(err))))


# --- many pages: workers, retries, the other engine ---------------------------------------------------------


@dataclass
class Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    job: OcrJob | None = None
    started: float = 0.0


@dataclass
class OcrPool:
    """OCR workers kept from one OCR pass over a document to the next (the table path, a re-read, the findings path,
    the margins): a worker's engine costs about 0.6-0.7 CPU s to build (imports, models), once per document so."""

    workers: list[Worker] = field(default_factory=list)

    def close(self) -> None:
        for worker in self.workers:
            stop_worker(worker)
        self.workers.clear()


def start_worker() -> Worker:
    context = multiprocessing.get_context("spawn")  # onnxruntime's threads do not survive fork
    parent, child = context.Pipe(duplex=True)
    process = context.Process(target=worker_loop, args=(child,), daemon=True)
    process.start()
    child.close()
    return Worker(process, parent)


def stop_worker(worker: Worker) -> None:
    """Ask a worker to exit, then make sure it has (killed after STOP_GRACE)."""
    with contextlib.suppress(OSError, ValueError):
        worker.conn.send(None)
    worker.process.join(STOP_GRACE)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join()
    worker.conn.close()


def death_message(worker: Worker) -> str:
    """The one line for a worker that died holding a page (crash, OOM kill)."""
    worker.process.join(STOP_GRACE)
    code = worker.process.exitcode
    if code is not None and code < 0:
        import signal

        name = signal.Signals(-code).name if -code in signal.Signals._value2member_map_ else str(-code)
        how = f"signal {-code} ({name}{', out of memory?' if name == 'SIGKILL' else ''})"
    else:
        how = f"exit code {code}"
    return f"the OCR worker stopped ({how}) while reading this page"


def next_attempt(job: OcrJob, tries: int) -> OcrJob | None:
    """Given a failed job and how often its engine was tried, return the next attempt (None: give up).

    First the same engine in a fresh worker, ``settings.retries`` times; then the other installed engine.
    """
    settings = job.settings
    if tries <= settings.retries:
        return job
    if settings.fallback:
        others = [e for e in available_engines() if e != settings.engine and e in ("rapidocr", "tesseract")]
        if others:
            return replace(job, settings=replace(settings, engine=others[0], fallback=False, retries=0))
    return None


def run_ocr(jobs: list[OcrJob], workers: int, progress: Progress | None = None, pool: OcrPool | None = None
            ) -> OcrResult:
    """Given OCR jobs, return words per page index and the pages that could not be read.

    ``workers`` processes (at most one per job) each hold one page at a time. A failed page is retried
    (``next_attempt``); the reason kept for an unread page is the first engine's, the one people chose. With
    ``pool``, its idle workers are used first and the healthy ones are left in it for the next call (its owner
    closes it); without, every worker is stopped before returning.
    """
    result = OcrResult()
    if not jobs:
        return result
    pending: list[tuple[OcrJob, int]] = [(job, 1) for job in jobs]
    first_error: dict[int, tuple[str, str]] = {}
    live = pool.workers if pool is not None else []
    done = 0

    def settle(job: OcrJob, tries: int, reason: str, detail: str) -> None:
        nonlocal done
        first_error.setdefault(job.page_index, (reason, detail))
        retry = next_attempt(job, tries)
        if retry is not None:
            pending.insert(0, (retry, tries + 1 if retry.settings == job.settings else 1))
            return
        why, full = first_error[job.page_index]
        result.unread[job.page_index] = UnreadPage(job.page_index, why, full)
        done += 1
        if progress:
            progress(done, len(jobs), job.page_index)

    tries_of: dict[int, int] = {}
    try:
        while pending or any(w.job is not None for w in live):
            idle = [w for w in live if w.job is None]
            while pending and (idle or len(live) < max(1, min(workers, len(jobs)))):
                worker = idle.pop() if idle else None
                if worker is None:
                    worker = start_worker()
                    live.append(worker)
                job, tries = pending.pop(0)
                worker.job, worker.started = job, time.monotonic()
                tries_of[id(worker)] = tries
                worker.conn.send(job)
            busy = [w for w in live if w.job is not None]
            ready = wait([w.conn for w in busy])
            for worker in busy:
                if worker.conn not in ready:
                    continue
                job, tries = worker.job, tries_of[id(worker)]
                assert job is not None
                worker.job = None
                try:
                    answer = worker.conn.recv()
                except (EOFError, OSError):
                    reason = death_message(worker)
                    live.remove(worker)
                    worker.conn.close()
                    settle(job, tries, reason, reason)
                    continue
                if answer[0] == "ok":
                    result.words[answer[1]] = answer[2]
                    if job.page_index in first_error:  # read on a retry: say so, it may hide a problem
                        result.notes[job.page_index] = (
                            f"PDF page {job.page_index + 1} was read by {job.settings.engine} on a retry, after: "
                            f"{first_error[job.page_index][0]}")
                    done += 1
                    if progress:
                        progress(done, len(jobs), answer[1])
                    continue
                live.remove(worker)  # a fresh engine for the retry: this one may be in a bad state
                stop_worker(worker)
                settle(job, tries, answer[1], answer[2])
    finally:
        for worker in [w for w in live if pool is None or w.job is not None]:  # one still holding a page is stuck
            stop_worker(worker)
            live.remove(worker)
    return result
