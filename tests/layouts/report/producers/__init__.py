"""Producers typeset a :class:`~..doc.Document`: reportlab (pip-only), Chromium (HTML/CSS), LibreOffice (docx).

Each returns a :class:`Rendered` (PDF bytes, page roles, printed numbers, where tagged blocks landed).
"""

from __future__ import annotations

from ..doc import Document
from ..draw import Draw
from .reportlab_pdf import Rendered, render_reportlab


def render(doc: Document, draw: Draw, inspectorate: str) -> Rendered:
    """Typeset with the draw's producer."""
    if draw.producer == "chromium":
        from .chromium_html import render_chromium

        return render_chromium(doc, draw, inspectorate)
    if draw.producer == "docx":
        from .docx_lo import render_docx

        return render_docx(doc, draw, inspectorate)
    return render_reportlab(doc, draw, inspectorate)


__all__ = ["Rendered", "render"]
