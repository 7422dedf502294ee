"""Annex tables: one reader (``base``) over cells supplied by one flavour per way of finding them.

``ruled`` (ruling lines -> pdfplumber's lattice), ``stream`` (words -> columns by header and gutters),
``scanned`` (rules on the page image -> grid, OCR or text-layer words); tolerances in ``settings``,
glyphs -> text (centre, reading order, bidi) in ``text``.
"""

from .ruled import extract_ruled
from .stream import extract_stream, has_numbered_rows

__all__ = ["extract_ruled", "extract_stream", "has_numbered_rows"]
