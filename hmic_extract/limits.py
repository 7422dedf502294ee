"""Per-file safety limits (pages, time, memory) and how library failures become one-line errors.

PDFs come from the web and from email: one with 50,000 pages, a decompression bomb or a
malformed object must end as a clear message for that file, never as a hang, a swap storm
or a traceback. The page limit is checked when the PDF is opened (``extract.pdf``); the time
and memory limits are enforced around the worker process that reads one file (``batch``).
"""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from .errors import HmicError, LimitExceeded, UnreadableInput

DEFAULT_MAX_PAGES = 1000  # HMICFRS reports run to a few hundred pages; an annex to a few dozen
DEFAULT_TIMEOUT = 300.0  # seconds per file: generous for OCR of a scanned annex, short for a hostile file
DEFAULT_MAX_MEMORY_MB = 2048  # address space per worker; a normal file peaks well under 600 MB

# Packages that read the PDF: an exception raised inside them on a file means the file is damaged.
PDF_LIBRARIES = ("pdfminer", "pdfplumber", "pypdfium2", "camelot", "PIL", "pypdf")


@dataclass(frozen=True)
class Limits:
    """The per-file limits in force; 0 means no limit."""

    max_pages: int = DEFAULT_MAX_PAGES
    timeout: float = DEFAULT_TIMEOUT
    max_memory_mb: int = DEFAULT_MAX_MEMORY_MB


_CURRENT: ContextVar[Limits] = ContextVar("hmic_limits", default=Limits())  # noqa: B039 (frozen, immutable)


def current_limits() -> Limits:
    """The limits the code reading a PDF should apply now."""
    return _CURRENT.get()


@contextlib.contextmanager
def applied(limits: Limits) -> Iterator[Limits]:
    """Apply ``limits`` for the code inside the ``with`` block (the worker reading one file)."""
    token = _CURRENT.set(limits)
    try:
        yield limits
    finally:
        _CURRENT.reset(token)


def check_page_count(path: Path, page_count: int) -> None:
    """Raise LimitExceeded when a PDF has more pages than the limit allows."""
    limit = current_limits().max_pages
    if limit and page_count > limit:
        raise LimitExceeded(f"{path}: {page_count} pages is over the limit of {limit}; "
                            f"raise it with --max-pages {page_count} if the file is genuine")


def cap_memory(max_memory_mb: int) -> None:
    """Cap this process's address space so a decompression bomb fails with MemoryError, not a swap storm."""
    if not max_memory_mb:
        return
    try:
        import resource
    except ImportError:  # pragma: no cover - not on Windows
        return
    limit = max_memory_mb * 1024 * 1024
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def raised_by_pdf_library(err: BaseException) -> bool:
    """True when the innermost Python frame of ``err`` belongs to a PDF-reading library."""
    frames = traceback.extract_tb(err.__traceback__)
    if not frames:
        return False
    parts = Path(frames[-1].filename).parts
    return any(lib in parts for lib in PDF_LIBRARIES)


def error_for_people(path: str | Path, err: BaseException) -> BaseException:
    """Given any exception from reading one file, return the HmicError to show (or ``err`` itself for our bugs)."""
    if isinstance(err, HmicError):
        return err
    if isinstance(err, MemoryError) or "allocate" in str(err).lower():  # zlib says "Unable to allocate ..."
        limit = current_limits().max_memory_mb
        return LimitExceeded(f"{path}: needs more than the memory limit of {limit} MB (a decompression bomb?); "
                             f"raise it with --max-memory if the file is genuine")
    if isinstance(err, RecursionError):
        return LimitExceeded(f"{path}: objects nested too deeply to read safely")
    if raised_by_pdf_library(err):
        reason = str(err).splitlines()[0][:120] if str(err) else type(err).__name__
        return UnreadableInput(f"{path}: damaged PDF, cannot be read ({reason})")
    return err
