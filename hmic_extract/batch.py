"""Run the pipeline over many inputs: collect files, drop duplicates, plan outputs, run workers.

Every file is read in its own worker process, even with ``--jobs 1``: that is what makes the
per-file time limit (the process is killed) and memory limit (its address space is capped)
real, so one hostile PDF cannot hold up or take down the batch. Outcomes come back in input
order whatever the number of workers, so outputs and summaries do not depend on ``--jobs``.
"""

from __future__ import annotations

import faulthandler
import glob
import logging
import math
import multiprocessing as mp
import os
import re
import signal
import sys
import time
import traceback
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path

from .errors import HmicError, LimitExceeded, NothingFound, OutputError, PartlyRead, UnreadableInput
from .limits import Limits, applied, cap_memory, error_for_people
from .model import Document

FORMATS = ("xlsx", "csv", "json")
GLOB_MAGIC = re.compile(r"[*?[]")
UNSAFE_NAME_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
MAX_NAME = 150  # characters per path part: room for a suffix within every file system's 255
GRACE_SECONDS = 2.0  # after Ctrl-C, how long workers get to remove their temporary files

OK, NOTHING, FAILED, DUPLICATE = "ok", "nothing found", "failed", "duplicate"


@dataclass
class Source:
    """One input file as the batch sees it."""

    path: Path
    name: str  # as shown to people: the path as given, or found under a folder or pattern
    rel: Path  # where its outputs go under ``-o DIR``, without suffix (mirrors sub-folders)
    sha256: str = ""
    duplicate_of: str = ""
    problem: str = ""  # found before reading, e.g. a pattern that matches nothing


@dataclass
class Task:
    """What one worker is asked to do."""

    index: int
    source: Source
    outputs: dict[str, Path]  # format -> output path ({} when only a combined workbook is wanted)
    force: bool = False
    options: dict[str, object] = field(default_factory=dict)  # passed on to pipeline.extract_file
    limits: Limits = field(default_factory=Limits)
    work: Callable[[Task], Outcome] | None = None  # what the worker runs; None: ``process_source``


@dataclass
class Outcome:
    """What came of one input: status, exit code, the one-line reason and the Document when read."""

    index: int
    name: str
    status: str
    exit_code: int = 0
    reason: str = ""
    document: Document | None = None
    written: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    traceback: str = ""
    text: str = ""  # what a non-writing task (``inspect``) has to show


# --- collecting inputs --------------------------------------------------------------------------


def pdfs_in_folder(folder: Path, recursive: bool) -> list[Path]:
    """Given a folder, return its PDF files in a stable order (sub-folders too when ``recursive``).

    Symbolic links to folders are not followed, so a link loop cannot make the walk endless.
    """
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        found.extend(Path(root) / f for f in sorted(files) if f.lower().endswith(".pdf"))
        if not recursive:
            break
    return found


def glob_root(pattern: str) -> Path:
    """Given a glob pattern, return the folder before its first wildcard (what its matches are relative to)."""
    parts = Path(pattern).parts
    static = list(parts[: next((i for i, p in enumerate(parts) if GLOB_MAGIC.search(p)), len(parts))])
    return Path(*static) if static else Path(".")


def sources_from_argument(arg: str, recursive: bool) -> list[Source]:
    """Given one command-line input (file, folder or glob pattern), return the sources it names."""
    path = Path(arg)
    if path.is_dir():
        files = pdfs_in_folder(path, recursive)
        if not files:
            hint = "" if recursive else " (use -r to look in sub-folders)"
            return [Source(path, arg, Path(path.name or "folder"), problem=f"{arg}: no PDF files in this folder{hint}")]
        return [Source(f, str(f), f.relative_to(path).with_suffix("")) for f in files]
    if not path.exists() and GLOB_MAGIC.search(arg):
        root = glob_root(arg)
        matches = sorted(Path(m) for m in glob.glob(arg, recursive=True) if Path(m).is_file())
        if not matches:
            return [Source(path, arg, Path("pattern"), problem=f"{arg}: no file matches this pattern")]
        return [Source(m, str(m), (m.relative_to(root) if m.is_relative_to(root) else Path(m.name)).with_suffix(""))
                for m in matches]
    return [Source(path, arg, Path(path.name).with_suffix(""))]  # a missing file is reported by the worker


def mark_duplicates(sources: list[Source]) -> list[Source]:
    """Given sources, hash each file and mark later copies of the same content as duplicates."""
    from .pipeline import file_sha256

    first: dict[str, str] = {}
    for s in sources:
        if s.problem or not s.path.is_file():
            continue
        try:
            s.sha256 = file_sha256(s.path)
        except OSError:
            continue  # the worker reports why it cannot be read
        if s.sha256 in first:
            s.duplicate_of = first[s.sha256]
        else:
            first[s.sha256] = s.name
    return sources


def collect_sources(args: Sequence[str | os.PathLike[str]], recursive: bool = False) -> list[Source]:
    """Given command-line inputs in any mix (files, folders, patterns), return the sources, duplicates marked."""
    sources: list[Source] = []
    for arg in args:
        sources.extend(sources_from_argument(str(arg), recursive))
    return mark_duplicates(sources)


# --- planning outputs ---------------------------------------------------------------------------


def safe_part(part: str) -> str:
    """Given one path part derived from an input name, return a name safe on any file system."""
    name = UNSAFE_NAME_CHARS.sub("_", part).strip(" .")
    if not name:
        name = "_"
    if name.split(".")[0].upper() in WINDOWS_RESERVED:
        name = "_" + name
    return name[:MAX_NAME]


def output_under(folder: Path, rel: Path, suffix: str) -> Path:
    """Given the output folder and a source's relative name, return its output path inside the folder.

    Raises OutputError when the result would land outside ``folder`` (e.g. through a symbolic link).
    """
    parts = [safe_part(p) for p in rel.parts if p not in ("", ".", "..", "/")] or ["_"]
    target = folder.joinpath(*parts[:-1], parts[-1] + suffix)
    if not target.resolve().is_relative_to(folder.resolve()):
        raise OutputError(f"{target}: would be written outside the output folder {folder}; refusing")
    return target


def plan_outputs(sources: Sequence[Source], formats: Sequence[str], out_dir: Path | None = None,
                 out_file: Path | None = None, per_file: bool = True) -> list[dict[str, Path]]:
    """Given sources and the output options, return for each source its output path per format.

    ``out_file`` is for a single input (``-o report.xlsx``); ``out_dir`` mirrors sub-folders under
    it; with neither, outputs go next to each PDF. Two sources that would share a name get -2, -3.
    Raises OutputError when a name would escape the output folder.
    """
    plans: list[dict[str, Path]] = []
    taken: set[str] = set()
    for s in sources:
        if not per_file or s.problem or s.duplicate_of:
            plans.append({})
            continue
        if out_file is not None:
            plans.append({fmt: out_file if len(formats) == 1 else out_file.with_suffix("." + fmt) for fmt in formats})
            continue
        if out_dir is None:
            plans.append({fmt: s.path.with_suffix("." + fmt) for fmt in formats})
            continue
        rel, n = s.rel, 1
        while str(output_under(out_dir, rel, "")).lower() in taken:
            n += 1
            rel = s.rel.with_name(f"{s.rel.name}-{n}")
        taken.add(str(output_under(out_dir, rel, "")).lower())
        plans.append({fmt: output_under(out_dir, rel, "." + fmt) for fmt in formats})
    return plans


def make_output_folders(plans: Sequence[dict[str, Path]], out_dir: Path) -> None:
    """Create the sub-folders that mirror the inputs' folders under ``out_dir`` (only there)."""
    for plan in plans:
        for path in plan.values():
            if path.parent != out_dir and path.parent.resolve().is_relative_to(out_dir.resolve()):
                path.parent.mkdir(parents=True, exist_ok=True)


# --- the work one worker does -------------------------------------------------------------------


def write_outputs(doc: Document, outputs: dict[str, Path], force: bool) -> list[Path]:
    """Write ``doc`` once per requested format (each write atomic)."""
    from .export import write_xlsx
    from .export.csv_out import write_csv
    from .export.json_out import write_json

    writers: dict[str, Callable[..., Path]] = {"xlsx": write_xlsx, "csv": write_csv, "json": write_json}
    return [writers[fmt](doc, path, force=force) for fmt, path in outputs.items()]


def process_source(task: Task) -> Outcome:
    """Given a task, read the PDF, refuse an empty result, write the outputs; return the outcome (never raises)."""
    from .export import check_writable
    from .pipeline import extract_file

    s = task.source
    start = time.monotonic()
    outcome = Outcome(task.index, s.name, FAILED)
    with applied(task.limits):
        try:
            if s.problem:
                raise UnreadableInput(s.problem)
            for path in task.outputs.values():
                check_writable(path, task.force)
            doc = extract_file(s.path, **task.options)
            outcome.document = doc
            if not doc.findings and task.options.get("addressed_to"):
                raise NothingFound(f"{s.name}: no rows addressed to {task.options['addressed_to']!r}; "
                                   f"nothing written")
            if not doc.findings:
                raise NothingFound(f"{s.name}: a table or findings section was found but it holds no rows "
                                   f"(only a header?); nothing written")
            outcome.written = write_outputs(doc, task.outputs, task.force)
            outcome.status = OK
            if doc.unread_pages:
                mark_partial(outcome, s.name, doc)
        except Exception as err:
            record_error(outcome, s.name, err)
    outcome.seconds = time.monotonic() - start
    return outcome


def mark_partial(outcome: Outcome, name: str, doc: Document) -> None:
    """Given a written outcome whose document has pages OCR could not read, give it exit code 8 and say which."""
    first = doc.unread_pages[0]
    outcome.exit_code = PartlyRead.exit_code
    outcome.reason = (f"{name}: {doc.unread_text()} could not be read by OCR ({first.reason}); "
                      f"the other pages were extracted")
    outcome.traceback = "\n".join(f"PDF page {u.index + 1}:\n{u.detail or u.reason}" for u in doc.unread_pages)


def record_error(outcome: Outcome, name: str, err: Exception) -> None:
    """Put the one-line reason and exit code for ``err`` on the outcome (with a traceback for our own bugs)."""
    shown = error_for_people(name, err)
    if isinstance(shown, HmicError):
        outcome.status = NOTHING if isinstance(shown, NothingFound) else FAILED
        outcome.exit_code, outcome.reason = shown.exit_code, str(shown)
    else:
        outcome.status, outcome.exit_code = FAILED, 1
        outcome.reason = (f"{name}: internal error ({type(err).__name__}: {str(err)[:200]}); "
                          f"please report it (run with -v for details)")
        outcome.traceback = traceback.format_exc()


def quiet_pdf_loggers() -> None:
    """PDF libraries log warnings about every malformed font; the outcome's one line is what people need."""
    for name in ("pdfminer", "pdfplumber", "pypdf", "camelot", "PIL"):
        logging.getLogger(name).setLevel(logging.ERROR)


def die_with_parent() -> None:
    """Ask Linux to send this worker SIGTERM when the parent dies (killed CLI: no orphan goes on writing)."""
    parent = os.getppid()
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the parent's own clean-up still stops workers
        return
    if os.getppid() != parent:  # the parent died before the request was in place
        sys.exit(143)


def guard_worker() -> None:
    """Ctrl-C is the parent's to handle; SIGTERM unwinds, so atomic writes remove their temporary files."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    faulthandler.disable()  # a native crash is reported by the parent as one line, not a stack dump
    die_with_parent()


def worker_main(task: Task, conn: Connection, max_memory_mb: int) -> None:
    """Entry point of a worker process: cap memory, process one source, send the outcome back."""
    guard_worker()
    cap_memory(max_memory_mb)
    quiet_pdf_loggers()
    outcome = (task.work or process_source)(task)
    try:
        conn.send(outcome)
    except Exception as err:  # e.g. MemoryError while pickling a huge document
        conn.send(Outcome(task.index, task.source.name, FAILED, LimitExceeded.exit_code,
                          f"{task.source.name}: result could not be passed back ({type(err).__name__})"))
    conn.close()


# --- running many ---------------------------------------------------------------------------------


def duplicate_outcome(task: Task) -> Outcome:
    return Outcome(task.index, task.source.name, DUPLICATE,
                   reason=f"{task.source.name}: same content as {task.source.duplicate_of}; processed once")


def preload() -> None:
    """Import the pipeline once in the parent so forked workers start warm."""
    from . import pipeline  # noqa: F401
    from .export import csv_out, json_out, xlsx  # noqa: F401
    from .extract import extract_document  # noqa: F401
    from .normalise import normalise  # noqa: F401


def mp_context() -> mp.context.BaseContext:
    """Fork where the platform has it (fast: workers inherit the imported pipeline), else spawn."""
    return mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")


@dataclass
class Running:
    task: Task
    process: mp.process.BaseProcess
    conn: Connection
    started: float
    deadline: float
    memory_mb: int = 0


def crashed_outcome(run: Running, now: float) -> Outcome:
    """The outcome of a worker that died without reporting: out of memory, or a crash in a PDF library."""
    name, code = run.task.source.name, run.process.exitcode
    sig = -code if code is not None and code < 0 else None
    # pdfium aborts (SIGABRT) when an allocation fails; the kernel's OOM killer sends SIGKILL.
    if sig == signal.SIGKILL or (sig == signal.SIGABRT and run.memory_mb):
        limit = f"the memory limit of {run.memory_mb} MB" if run.memory_mb else "the machine's memory"
        return Outcome(run.task.index, name, FAILED, LimitExceeded.exit_code,
                       f"{name}: the reader stopped at {limit} (a decompression bomb?); "
                       f"raise it with --max-memory if the file is genuine", seconds=now - run.started)
    how = f"signal {sig}" if sig else f"exit code {code}"
    return Outcome(run.task.index, name, FAILED, UnreadableInput.exit_code,
                   f"{name}: the PDF made the reader crash ({how}); the file is probably damaged",
                   seconds=now - run.started)


def finish_running(run: Running, now: float, ready: list[object], timeout: float) -> Outcome | None:
    """Given a running worker, return its outcome when it has one (result, crash or timeout), else None."""
    name = run.task.source.name
    if run.conn in ready:
        try:
            outcome = run.conn.recv()
        except (EOFError, OSError):
            run.process.join()
            return crashed_outcome(run, now)
        run.process.join()
        return outcome
    if now >= run.deadline:
        run.process.terminate()  # unwinds: an atomic write in progress removes its temporary file
        run.process.join(GRACE_SECONDS)
        if run.process.is_alive():  # stuck inside C code
            run.process.kill()
            run.process.join()
        return Outcome(run.task.index, name, FAILED, LimitExceeded.exit_code,
                       f"{name}: stopped after {timeout:g} s (the per-file time limit); "
                       f"raise it with --timeout if the file is genuine", seconds=now - run.started)
    return None


def stop_all(running: list[Running]) -> None:
    """Ask workers to stop (they remove their temporary files), then kill any still running."""
    for run in running:
        run.process.terminate()
    end = time.monotonic() + GRACE_SECONDS
    for run in running:
        run.process.join(max(0.0, end - time.monotonic()))
        if run.process.is_alive():
            run.process.kill()
            run.process.join()


def run_tasks(tasks: Sequence[Task], jobs: int = 0, on_start: Callable[[Task], None] | None = None,
              on_done: Callable[[Outcome], None] | None = None, max_memory_mb: int | None = None) -> list[Outcome]:
    """Given tasks, run each in its own worker process, ``jobs`` at a time; return outcomes in task order.

    ``on_start``/``on_done`` are called in the parent as workers start and finish (for progress).
    """
    preload()
    ctx = mp_context()
    jobs = max(1, jobs or os.cpu_count() or 1)
    outcomes: dict[int, Outcome] = {}
    pending = deque()
    for task in tasks:
        if task.source.duplicate_of:
            outcomes[task.index] = duplicate_outcome(task)
            if on_done:
                on_done(outcomes[task.index])
        else:
            pending.append(task)
    running: list[Running] = []
    try:
        while pending or running:
            while pending and len(running) < jobs:
                task = pending.popleft()
                recv, send = ctx.Pipe(duplex=False)
                memory = task.limits.max_memory_mb if max_memory_mb is None else max_memory_mb
                # Not a daemon: a worker may start its own helpers (OCR pages in parallel).
                proc = ctx.Process(target=worker_main, args=(task, send, memory), daemon=False)
                proc.start()
                send.close()
                now = time.monotonic()
                deadline = now + task.limits.timeout if task.limits.timeout else math.inf
                running.append(Running(task, proc, recv, now, deadline, memory))
                if on_start:
                    on_start(task)
            next_deadline = min(r.deadline for r in running)
            wait_for = None if next_deadline == math.inf else max(0.0, next_deadline - time.monotonic())
            ready = wait([r.conn for r in running], timeout=wait_for)
            now = time.monotonic()
            for run in list(running):
                outcome = finish_running(run, now, ready, run.task.limits.timeout)
                if outcome is None:
                    continue
                run.conn.close()
                running.remove(run)
                outcomes[run.task.index] = outcome
                if on_done:
                    on_done(outcome)
    except BaseException:
        stop_all(running)
        raise
    return [outcomes[t.index] for t in tasks]


def batch_exit_code(outcomes: Sequence[Outcome]) -> int:
    """The batch's exit code: the highest code of any failed file; else 4 when a file had nothing; else 8
    when a file was written with pages OCR could not read; else 0."""
    failed = [o.exit_code for o in outcomes if o.status == FAILED]
    if failed:
        return max(failed)
    if any(o.status == NOTHING for o in outcomes):
        return NothingFound.exit_code
    if any(o.status == OK and o.exit_code == PartlyRead.exit_code for o in outcomes):
        return PartlyRead.exit_code
    return 0
