"""Extract: PDF -> RawDocument (raw rows or findings with page and position).

One module per way of getting raw rows: ``ruled`` (lattice tables via pdfplumber); the others
(stream tables, OCR, inspection-report findings) plug in beside it with the same output type.
"""

from __future__ import annotations

import os

from hmic_extract.errors import NothingFound
from hmic_extract.model import RawDocument

from .pdf import OpenPdf, open_pdf
from .ruled import extract_ruled
from .stream import extract_stream, has_numbered_rows


def extract_annex(pdf: OpenPdf) -> RawDocument | None:
    """Given an open PDF, return its annex table as raw rows, or None when it has none."""
    rows, pages = extract_ruled(pdf, range(pdf.page_count))
    method = "ruled"
    if not has_numbered_rows(rows):  # no ruled annex table: try the unruled (stream) path
        rows, pages = extract_stream(pdf, range(pdf.page_count))
        method = "stream"
    if not rows:
        return None
    return RawDocument(source=pdf.path.name, kind="annex", page_count=pdf.page_count, page_labels=pdf.page_labels,
                       rows=rows, method=method, tables_found=pages)


def extract_document(path: str | os.PathLike[str], password: str | None = None, kind: str = "auto") -> RawDocument:
    """Given a PDF path, return what it holds: an annex table (table path) or report findings (findings path).

    ``kind`` is "auto" (a cheap text scan decides, see ``kind``), "annex" or "report"; raise
    NothingFound naming what was looked for when the PDF holds neither.
    """
    from .kind import extract_by_kind, looked_for

    with open_pdf(path, password=password) as pdf:
        raw = extract_by_kind(pdf, kind, lambda: extract_annex(pdf), password)
        if raw is None:
            raise NothingFound(f"{pdf.path}: no {looked_for(kind).removeprefix('an ')} found in {pdf.page_count} "
                               f"pages")
        for key, value in read_metadata(pdf).items():
            raw.metadata.setdefault(key, value)
        return raw


def read_metadata(pdf: OpenPdf) -> dict[str, str]:
    """Return the PDF's own title/author/dates where set."""
    info = pdf.plumber.metadata or {}
    out = {}
    for key in ("Title", "Author", "CreationDate"):
        value = info.get(key)
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        if value:
            out[key.lower()] = str(value)
    return out


__all__ = ["extract_annex", "extract_document", "open_pdf"]
