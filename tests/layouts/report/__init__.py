"""Inspection-report randomiser: synthetic HMIC/HMICFRS reports of every era and type, with gold from content.

Pip-only entry points (reportlab), used by CI's metamorphic tests:

* :func:`render_report` — ``(content, draw) -> PDF bytes``;
* :func:`render_with_gold` — the PDF and its gold JSON;
* :func:`metamorphic.variant` — the same content with one layout choice changed.

Nothing here imports or reads the tool: gold comes from the content and from where its text was typeset.
"""

from __future__ import annotations

from .content import Content, load_content
from .draw import Draw, make_draw
from .gold import make_gold
from .producers.reportlab_pdf import render_reportlab
from .templates import build_document


def content_for(draw: Draw) -> Content:
    """Return the draw's content set issued to the draw's force."""
    force = (draw.force, draw.force_short) if draw.force else None
    return load_content(draw.content, force)


def render_with_gold(content: Content, draw: Draw, source: str = "") -> tuple[bytes, dict]:
    """Render with reportlab and return (PDF bytes, gold JSON)."""
    doc, statements = build_document(content, draw)
    rendered = render_reportlab(doc, draw, content.inspectorate)
    gold = make_gold(source or f"report-{draw.seed}-{draw.index}.pdf", draw, statements, rendered.tag_pages,
                     rendered.labels)
    return rendered.pdf, gold


def render_draw(draw: Draw, source: str = "") -> tuple[bytes, dict]:
    """Render a draw with its own producer (Chromium and LibreOffice need the build tools) and its gold."""
    from .producers import render

    content = content_for(draw)
    doc, statements = build_document(content, draw)
    rendered = render(doc, draw, content.inspectorate)
    gold = make_gold(source or f"report-{draw.seed}-{draw.index}.pdf", draw, statements, rendered.tag_pages,
                     rendered.labels)
    return rendered.pdf, gold


def render_report(content: Content, draw: Draw) -> bytes:
    """Render a report with reportlab (pip-only) and return the PDF bytes."""
    return render_with_gold(content, draw)[0]


__all__ = ["Content", "Draw", "content_for", "load_content", "make_draw", "render_draw", "render_report",
           "render_with_gold"]
