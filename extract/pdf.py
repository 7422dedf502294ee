"""Open a PDF once, safely, and hand out what every extractor needs (pdfplumber pages, labels).

Errors from the PDF libraries are turned into one-line ``UnreadableInput`` messages here, so no
extractor has to know which library raised what.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hmic_extract.errors import LimitExceeded, PasswordNeeded, UnreadableInput
from hmic_extract.limits import check_page_count

PDF_MAGIC = b"%PDF-"


def check_is_pdf(path: Path) -> None:
    """Raise UnreadableInput with a precise reason when ``path`` cannot be a PDF."""
    if not path.exists():
        raise UnreadableInput(f"{path}: no such file")
    if path.is_dir():
        raise UnreadableInput(f"{path}: is a folder, not a PDF file")
    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError as err:
        raise UnreadableInput(f"{path}: cannot be read ({err.strerror})") from err
    if not head:
        raise UnreadableInput(f"{path}: the file is empty")
    if PDF_MAGIC not in head:
        kind = "an HTML page" if b"<html" in head.lower() or b"<!doctype" in head.lower() else "not a PDF"
        raise UnreadableInput(f"{path}: {kind} (no %PDF header); save the report as a PDF and try again")


@dataclass
class OpenPdf:
    """A PDF opened with pdfium (fast, C) and, on first use, pdfplumber, plus the facts extractors share.

    pdfplumber is opened lazily: the ruled-table path needs only pdfium, and walking a long page
    tree through pdfminer costs more than reading every page's text with pdfium.
    """

    path: Path
    page_count: int
    page_labels: list[str] = field(default_factory=list)
    password: str | None = None  # for extractors that open the file again (rendering for OCR)
    pdfium: Any = None  # pypdfium2.PdfDocument, shared so extractors do not open the file twice
    _plumber: Any = field(default=None, repr=False)  # pdfplumber.PDF
    _facts: list[Any] | None = field(default=None, repr=False)
    # Scanned pages, shared by the table path and the findings path so no page is planned or OCR-ed twice:
    # pass-1 plans by (page index, page kind, OCR forced), OCR words by page index, pages OCR could not read.
    scan_plans: dict[tuple[int, str, bool], Any] = field(default_factory=dict, repr=False)
    ocr_words: dict[int, list[Any]] = field(default_factory=dict, repr=False)
    unread_pages: dict[int, Any] = field(default_factory=dict, repr=False)
    ocr_notes: dict[int, str] = field(default_factory=dict, repr=False)  # pages read only on a retry
    ocr_pool: Any = field(default=None, repr=False)  # ocr.runner.OcrPool: workers kept between OCR passes

    @property
    def plumber(self) -> Any:
        """The pdfplumber document, opened on first use and checked against pdfium's page count."""
        if self._plumber is None:
            pdf = open_plumber(self.path, self.password)
            if len(pdf.pages) != self.page_count:
                # The two readers disagree about the page tree: extractors would index pages that one lacks.
                counts = f"pdfium reads {self.page_count} pages, pdfminer {len(pdf.pages)}"
                pdf.close()
                raise UnreadableInput(f"{self.path}: damaged PDF, its page tree is inconsistent ({counts}); "
                                      f"re-save it as PDF and try again")
            self._plumber = pdf
        return self._plumber

    def page_facts(self) -> list[Any]:
        """Each page's text and make-up (``pdfium_page.PageFacts``), read once and shared by every stage.

        Empty when pdfium could not open the file (the extractors then fall back to pdfplumber).
        """
        if self._facts is None:
            from .pdfium_page import scan_pages

            self._facts = scan_pages(self.pdfium) if self.pdfium is not None else []
        return self._facts

    def close(self) -> None:
        if self.ocr_pool is not None:
            self.ocr_pool.close()
            self.ocr_pool = None
        if self._plumber is not None:
            self._plumber.close()
            self._plumber = None
        if self.pdfium is not None:
            self.pdfium.close()
            self.pdfium = None

    def __enter__(self) -> OpenPdf:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_page_labels(doc: Any) -> list[str]:
    """Given a pdfium document, return the printed page labels from its /PageLabels (empty list when absent)."""
    if doc is None:
        return []
    try:
        labels = [doc.get_page_label(i) for i in range(len(doc))]
    except Exception:
        return []
    return labels if any(labels) else []


def open_pdfium(path: Path, password: str | None) -> Any:
    """Return the file opened by pdfium (C, fast), or None when pdfium cannot open it."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path), password=password)
    except Exception:
        return None


def password_problem(err: BaseException) -> bool:
    """True when pdfminer failed because the PDF needs a (different) user password."""
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    seen: BaseException | None = err
    while seen is not None:
        if isinstance(seen, PDFPasswordIncorrect) or any(isinstance(a, PDFPasswordIncorrect) for a in seen.args):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def open_pdf(path: str | os.PathLike[str], password: str | None = None) -> OpenPdf:
    """Open ``path``; raise UnreadableInput/LimitExceeded with a one-line reason on failure.

    A PDF encrypted with only an owner password (printing/copying restrictions) opens with the empty
    user password, as every PDF viewer does; one with a user password needs ``password``.
    """
    p = Path(path)
    check_is_pdf(p)
    fast = open_pdfium(p, password)
    if fast is None:  # pdfium cannot read it: pdfplumber opens it now and explains what is wrong
        pdf = open_plumber(p, password)
        return OpenPdf(p, len(pdf.pages), [], password, None, pdf)
    try:
        check_page_count(p, len(fast))  # before anything walks a page tree of 100,000 pages
        if len(fast) == 0:
            raise UnreadableInput(f"{p}: the PDF has no pages")
    except BaseException:
        fast.close()
        raise
    return OpenPdf(p, len(fast), read_page_labels(fast), password, fast)


def open_plumber(p: Path, password: str | None) -> Any:
    """Open ``p`` with pdfplumber and check its pages; raise UnreadableInput/LimitExceeded with a reason."""
    import pdfplumber

    try:
        pdf = pdfplumber.open(p, password=password or "")
    except Exception as err:
        if password_problem(err):
            hint = ("the password given is wrong" if password else
                    "it is password-protected; pass --password or set HMIC_PDF_PASSWORD")
            raise PasswordNeeded(f"{p}: cannot open: {hint}") from err
        raise UnreadableInput(f"{p}: not a readable PDF ({short_reason(err)}); is the file complete?") from err
    try:
        page_count = len(pdf.pages)
        check_page_count(p, page_count)
        if page_count == 0:
            raise UnreadableInput(f"{p}: the PDF has no pages")
    except Exception as err:
        pdf.close()
        if isinstance(err, UnreadableInput | LimitExceeded):
            raise
        raise UnreadableInput(f"{p}: not a readable PDF ({short_reason(err)}); is the file complete?") from err
    return pdf


def short_reason(err: BaseException) -> str:
    return str(err).splitlines()[0][:120] if str(err).strip() else type(err).__name__
