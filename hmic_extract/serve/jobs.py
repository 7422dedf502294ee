"""PDFs under review: each read by the batch runner's worker machinery, with the CLI's limits.

A job is one uploaded PDF. It is read by ``batch.run_tasks`` in a worker process of its own (the
per-file time and memory limits are the CLI's, so one hostile PDF cannot take the server down), with
``review_task`` as the work: the pipeline, nothing written. Progress (pages in the PDF, pages OCR-ed)
comes back through a small file in the private folder that the worker rewrites; the page polls it.
Page pictures are rendered the same way (``render_task``), in a worker with the same limits, since
rasterising an untrusted page decodes its images.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing as mp
import os
import secrets
import shutil
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from hmic_extract.batch import FAILED, OK, Outcome, Source, Task, record_error, run_tasks
from hmic_extract.errors import NothingFound, PasswordNeeded, UnreadableInput
from hmic_extract.limits import Limits, applied

from .corrections import Review
from .settings import RENDER_SCALE, ServeSettings

QUEUED, READING, DONE, FAILED_STATE, PASSWORD = "queued", "reading", "done", "failed", "password"
RENDER_TIMEOUT = 60.0  # seconds for one page picture
MAX_PICTURE_PIXELS = 4000  # longest side of a page picture (a poster-sized page is shown smaller, not refused)


@dataclass
class ReviewOutcome(Outcome):
    """An Outcome that also says whether the PDF asked for a password (so the page can ask for it)."""

    password: str = ""  # "needed" | "wrong" | ""


@dataclass
class Job:
    """One uploaded PDF: where it is kept (server-named), how far reading got, and the rows under review."""

    id: str
    name: str  # the file name the browser sent: shown, never used as a path
    path: Path
    size: int
    state: str = QUEUED
    reason: str = ""
    password_state: str = ""
    pages: int | None = None
    ocr_done: int = 0
    ocr_total: int = 0
    seconds: float = 0.0
    review: Review | None = None
    password: str | None = field(default=None, repr=False)
    pictures: dict[int, tuple[Path, float, float]] = field(default_factory=dict)  # page -> (png, width, height pt)
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False)

    @property
    def progress_file(self) -> Path:
        return self.path.with_suffix(".progress.json")


class ProgressFile:
    """Written by the worker: pages in the PDF, pages OCR-ed so far. Picklable (a path), so spawn works too."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.state: dict[str, int] = {}

    def write(self, **values: int) -> None:
        self.state.update(values)
        tmp = f"{self.path}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(self.state, fh)
        os.replace(tmp, self.path)

    def ocr(self, done: int, total: int, page_index: int) -> None:
        self.write(ocr_done=done, ocr_total=total)


def read_progress(path: Path) -> dict[str, int]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def page_count(path: Path, password: str | None) -> int | None:
    """The PDF's page count from pdfium (cheap), or None; the pipeline reports any problem in its own words."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path), password=password)
    except Exception:
        return None
    try:
        return len(pdf)
    finally:
        pdf.close()


def review_task(task: Task) -> Outcome:
    """Worker: read one PDF with the pipeline for review (nothing written); never raises."""
    from hmic_extract.pipeline import extract_file

    s, options = task.source, task.options
    password = options.get("password")
    progress = ProgressFile(str(options["progress_file"]))
    outcome = ReviewOutcome(task.index, s.name, FAILED)
    start = time.monotonic()
    with applied(task.limits):
        try:
            pages = page_count(s.path, password)  # type: ignore[arg-type]
            if pages is not None:
                progress.write(pages=pages)
            doc = extract_file(s.path, password=password, jobs=1, progress=progress.ocr)  # type: ignore[arg-type]
            outcome.document = doc
            if not doc.findings:
                raise NothingFound(f"{s.path}: a table or findings section was found but it holds no rows "
                                   f"(only a header?)")
            outcome.status = OK
        except PasswordNeeded as err:
            outcome.password = "wrong" if password else "needed"
            record_error(outcome, s.name, err)
        except Exception as err:
            record_error(outcome, s.name, err)
    outcome.seconds = time.monotonic() - start
    return outcome


def render_task(task: Task) -> Outcome:
    """Worker: render one page to a PNG in the private folder; ``text`` is "width height" in points."""
    import pypdfium2 as pdfium

    options = task.options
    out = Path(str(options["out"]))
    outcome = Outcome(task.index, task.source.name, FAILED)
    with applied(task.limits):
        try:
            pdf = pdfium.PdfDocument(str(task.source.path), password=options.get("password"))  # type: ignore[arg-type]
            try:
                page = pdf[int(options["page"])]  # type: ignore[arg-type]
                scale = min(float(options["scale"]), MAX_PICTURE_PIXELS / max(*page.get_size(), 1.0))  # type: ignore[arg-type]
                image = page.render(scale=scale).to_pil()
                width, height = image.width / scale, image.height / scale  # the page as shown (after /Rotate)
                tmp = out.with_suffix(".tmp")
                image.save(tmp, format="PNG", optimize=False)
                os.replace(tmp, out)
                page.close()
            finally:
                pdf.close()
            outcome.status, outcome.text, outcome.written = OK, f"{width} {height}", [out]
        except Exception as err:
            record_error(outcome, task.source.name, err)
    return outcome


class JobStore:
    """Every job of one server, the private folder they live in, and the threads that run their workers."""

    def __init__(self, settings: ServeSettings, root: Path) -> None:
        self.settings = settings
        self.root = root
        self.jobs: dict[str, Job] = {}
        self.order: list[str] = []
        self.lock = threading.Lock()
        self.executor = ThreadPoolExecutor(max_workers=max(1, settings.jobs), thread_name_prefix="hmic-job")
        self.closed = False
        for sub in ("pdf", "pages", "out", "xlsx"):
            (root / sub).mkdir(mode=0o700, exist_ok=True)

    # --- jobs ---------------------------------------------------------------------------------

    def folder(self, name: str) -> Path:
        return self.root / name

    def stored_bytes(self) -> int:
        """Bytes of uploads this server keeps (the total-size limit counts against it)."""
        total = 0
        for path in [*(self.root / "pdf").iterdir(), *(self.root / "xlsx").iterdir()]:
            with contextlib.suppress(OSError):
                if path.is_file():
                    total += path.stat().st_size
        return total

    def add(self, name: str, stored: Path, size: int) -> Job:
        """Take an uploaded PDF (already in the private folder) under a new id and queue it for reading."""
        job_id = secrets.token_hex(6)
        path = self.root / "pdf" / f"{job_id}.pdf"
        os.replace(stored, path)
        job = Job(job_id, name, path, size)
        with self.lock:
            self.jobs[job_id] = job
            self.order.append(job_id)
        self.start(job)
        return job

    def get(self, job_id: str) -> Job | None:
        with self.lock:
            return self.jobs.get(job_id)

    def all(self) -> list[Job]:
        with self.lock:
            return [self.jobs[j] for j in self.order]

    def remove(self, job_id: str) -> bool:
        with self.lock:
            job = self.jobs.pop(job_id, None)
            if job is None:
                return False
            self.order.remove(job_id)
        with job.lock:
            for path in [job.path, job.progress_file, *(p for p, _w, _h in job.pictures.values())]:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
        return True

    def start(self, job: Job, password: str | None = None) -> None:
        with job.lock:
            if password is not None:
                job.password = password
            job.state, job.reason, job.password_state = QUEUED, "", ""
            job.ocr_done = job.ocr_total = 0
        if not self.closed:
            self.executor.submit(self._read, job)

    def refresh(self, job: Job) -> None:
        """Pick up the worker's progress file while the job is being read."""
        if job.state == READING:
            state = read_progress(job.progress_file)
            with job.lock:
                job.pages = state.get("pages", job.pages)
                job.ocr_done, job.ocr_total = state.get("ocr_done", 0), state.get("ocr_total", 0)

    def _task(self, job: Job, work: Callable[[Task], Outcome], **options: object) -> Task:
        source = Source(job.path, job.name, Path(job.id))
        return Task(0, source, {}, False, {"password": job.password, **options}, self.settings.limits, work=work)

    def _read(self, job: Job) -> None:
        """Executor thread: run the worker for one job and record what came of it."""
        if self.closed:
            return
        with job.lock:
            job.state = READING
        with contextlib.suppress(FileNotFoundError):
            job.progress_file.unlink()
        try:
            (outcome,) = run_tasks([self._task(job, review_task, progress_file=str(job.progress_file))], 1)
        except Exception as err:  # the runner itself failed: say so on the job, keep the server up
            outcome = Outcome(0, job.name, FAILED, 1, f"{job.name}: internal error ({type(err).__name__})")
        self.finish(job, outcome)

    def finish(self, job: Job, outcome: Outcome) -> None:
        self.refresh(job)
        with job.lock:
            job.seconds = outcome.seconds
            job.reason = outcome.reason.replace(str(job.path), job.name)
            job.password_state = getattr(outcome, "password", "")
            doc = outcome.document
            if outcome.status == OK and doc is not None:
                doc.source = job.name  # the worker saw the server's name for the file
                for f in doc.findings:
                    f.provenance.source = job.name
                job.review = Review(doc)
                job.pages = doc.page_count or job.pages
                job.state = DONE
            else:
                job.state = PASSWORD if job.password_state else FAILED_STATE

    # --- page pictures ------------------------------------------------------------------------

    def picture(self, job: Job, page: int) -> tuple[Path, float, float]:
        """The PNG of one page (rendered once, in a worker) and the page's size in points."""
        with job.lock:
            if page in job.pictures:
                return job.pictures[page]
            if job.pages is not None and not 0 <= page < job.pages:
                raise UnreadableInput(f"{job.name}: no page {page + 1}")
            out = self.root / "pages" / f"{job.id}-{page}.png"
            limits = self.settings.limits
            timeout = min(limits.timeout or RENDER_TIMEOUT, RENDER_TIMEOUT)
            task = self._task(job, render_task, page=page, scale=RENDER_SCALE, out=str(out))
            task.limits = Limits(limits.max_pages, timeout, limits.max_memory_mb)
            (outcome,) = run_tasks([task], 1)
            if outcome.status != OK:
                raise UnreadableInput(outcome.reason.replace(str(job.path), job.name))
            width, height = (float(v) for v in outcome.text.split())
            job.pictures[page] = (out, width, height)
            return job.pictures[page]

    # --- stopping -----------------------------------------------------------------------------

    def close(self) -> None:
        """Stop every worker, wait for the threads, delete the private folder and everything in it."""
        self.closed = True
        for child in mp.active_children():  # only this server's workers: it starts no other processes
            child.terminate()
        self.executor.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(self.root, ignore_errors=True)
