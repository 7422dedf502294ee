"""Extract: PDF -> RawDocument (raw rows or findings with page and position).

One module per way of getting raw rows: ``ruled`` (lattice tables via pdfplumber); the others
(stream tables, OCR, inspection-report findings) plug in beside it with the same output type.
"""

from __future__ import annotations

import os

from hmic_extract.errors import NothingFound
from hmic_extract.model import RawDocument

from .pdf import OpenPdf, open_pdf
from .table import extract_ruled, extract_stream, has_numbered_rows


def extract_annex(pdf: OpenPdf, ocr: str = "auto", **ocr_options) -> RawDocument | None:
    """Given an open PDF, return its annex table as raw rows, or None when it has none.

    ``ocr`` ("auto" | "always" | "never") routes scanned pages to ``scanned``; ``ocr_options`` are
    passed to it (engine, jobs, password, progress).
    """
    from .page_kinds import pictured_pages, split_pages

    text_pages, scan_pages, kinds = split_pages(pdf, ocr)
    rows, pages = extract_ruled(pdf, text_pages) if text_pages else ([], [])
    methods = ["ruled"] if rows else []
    if text_pages and not has_numbered_rows(rows):  # no ruled annex table: try the unruled (stream) path
        rows, pages = extract_stream(pdf, text_pages)
        methods = ["stream"] if rows else []
    if scan_pages:
        from .scanned import extract_scanned, merge_by_page

        scan_rows, scan_found = extract_scanned(pdf, kinds, scan_pages, force_ocr=(ocr == "always"), **ocr_options)
        if scan_rows:
            rows, pages = merge_by_page(rows, scan_rows), sorted({*pages, *scan_found})
            methods.append("ocr-grid")
    pictures = pictured_pages(pdf, text_pages) if ocr == "auto" and not has_numbered_rows(rows) else []
    if pictures:  # no table in the text: the annex may be a picture pasted into the document
        from .scanned import extract_scanned

        rows, pages = extract_scanned(pdf, kinds, pictures, force_ocr=True, **ocr_options)
        methods = ["ocr-picture"] if rows else []
    if not rows:
        return None
    return RawDocument(source=pdf.path.name, kind="annex", page_count=pdf.page_count, page_labels=pdf.page_labels,
                       rows=rows, method="+".join(methods), tables_found=pages)


def extract_document(path: str | os.PathLike[str], password: str | None = None, ocr: str = "auto",
                     kind: str = "auto", **ocr_options) -> RawDocument:
    """Given a PDF path, return what it holds: an annex table (table path) or report findings (findings path).

    ``kind`` is "auto" (a cheap text scan decides, see ``kind``), "annex" or "report"; raise
    NothingFound naming what was looked for when the PDF holds neither.
    """
    from .kind import extract_by_kind, looked_for

    with open_pdf(path, password=password) as pdf:
        raw = extract_by_kind(pdf, kind, lambda: extract_annex(pdf, ocr, password=password, **ocr_options),
                              None if ocr == "never" else lambda: scanned_report(pdf, password, ocr_options))
        unread = [pdf.unread_pages[i] for i in sorted(pdf.unread_pages)]
        if raw is None and unread:
            from .ocr.base import OcrFailed

            raise OcrFailed(f"{pdf.path}: OCR could not read {len(unread)} of {pdf.page_count} pages (PDF page "
                            f"{unread[0].index + 1}: {unread[0].reason}) and found nothing on the others")
        if raw is None:
            raise NothingFound(f"{pdf.path}: no {looked_for(kind).removeprefix('an ')} found in {pdf.page_count} "
                               f"pages")
        for key, value in read_metadata(pdf).items():
            raw.metadata.setdefault(key, value)
        raw.unread_pages = unread
        raw.notes.extend(pdf.ocr_notes[i] for i in sorted(pdf.ocr_notes))
        return raw


def scanned_report(pdf: OpenPdf, password: str | None, ocr_options: dict) -> RawDocument | None:
    """Read a scanned inspection report's findings from its pages' words (OCR, reusing what the table path read)."""
    from .findings import extract_scanned_report
    from .scanned import margin_page_words, scanned_page_words

    options = {k: v for k, v in ocr_options.items() if k != "progress"}
    return extract_scanned_report(pdf, scanned_page_words(pdf, range(pdf.page_count), password=password,
                                                          **ocr_options),
                                  lambda pages: margin_page_words(pdf, pages, password=password, **options))


def read_metadata(pdf: OpenPdf) -> dict[str, str]:
    """Return the PDF's own title/author/dates where set (pdfium's reading of the Info dictionary)."""
    try:
        info = pdf.pdfium.get_metadata_dict() if pdf.pdfium is not None else (pdf.plumber.metadata or {})
    except Exception:  # metadata is optional: a damaged Info dictionary is not an error
        return {}
    out = {}
    for key in ("Title", "Author", "CreationDate"):
        value = info.get(key)
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        if value:
            out[key.lower()] = str(value)
    return out


__all__ = ["extract_annex", "extract_document", "open_pdf"]
