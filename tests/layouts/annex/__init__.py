"""Annex layout randomiser: annex tables rendered through independently drawn layout choices.

Python use (pip-only for the reportlab and canvas producers)::

    from tests.layouts.annex import draw_annex, render_annex, gold, variant
    draw = draw_annex("7-3", only_producer="reportlab")
    pdf = render_annex("marchford-2019", draw)          # bytes
    expected = gold(draw)                               # {"rows": [...]} written from content
    pdf2 = render_annex("marchford-2019", variant(draw, "heading_case"))
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from .content import Content, content_ids, load_content
from .draw import Draw, adapt, draw_annex
from .layout import build, gold
from .variants import CHANGES, variant

__all__ = ["CHANGES", "Content", "Draw", "adapt", "build", "content_ids", "draw_annex", "gold", "load_content",
           "render_annex", "variant"]


def render_annex(content: str | Content, draw: Draw, workdir: Path | None = None) -> bytes:
    """Render ``content`` (an id or a Content) through ``draw``'s producer; return the PDF bytes (no scan)."""
    from .producers import render_doc

    if isinstance(content, str):
        content = load_content(content)
    if content.id != draw.content:
        draw = dataclasses.replace(draw, content=content.id)
    doc = build(draw, content)
    if workdir is not None:
        return render_doc(doc, workdir)
    with tempfile.TemporaryDirectory(prefix="annex-") as tmp:
        return render_doc(doc, Path(tmp))
