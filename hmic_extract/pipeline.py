"""The pipeline: PDF -> extract -> normalise -> Document. The CLI and batch runner call this."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .model import Document


def file_sha256(path: Path) -> str:
    """Return a file's sha256 (hex), the document's identity in batch state and metadata."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def extract_file(path: str | os.PathLike[str], password: str | None = None, ocr: str = "auto", kind: str = "auto",
                 addressed_to: str | None = None, **ocr_options) -> Document:
    """Given a PDF path, return the normalised Document (raises HmicError subclasses for people).

    ``ocr`` is "auto" | "always" | "never"; ``ocr_options`` (engine, jobs, progress) go to the OCR path.
    ``kind`` is "auto" | "annex" | "report": which path reads the PDF (auto: a cheap text scan decides).
    ``addressed_to``: keep only the rows addressed to this body or force (see ``addressed.keep_addressed_to``).
    """
    from .extract import extract_document
    from .normalise import normalise

    raw = extract_document(path, password=password, ocr=ocr, kind=kind, **ocr_options)
    doc = normalise(raw)
    doc.metadata.setdefault("sha256", file_sha256(Path(path)))
    if addressed_to:
        from .addressed import keep_addressed_to

        doc = keep_addressed_to(doc, addressed_to)
    return doc
