"""Producers: each turns an :class:`~tests.layouts.annex.layout.AnnexDoc` into PDF bytes its own way.

``render(doc, workdir) -> bytes`` is the whole interface. reportlab and canvas need pip packages only (CI can
render them at test time); docx/xlsx need LibreOffice, html Chromium, latex pdflatex (build-time tools).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

MODULES = {"docx": "docx_", "xlsx": "xlsx_", "html": "html_", "latex": "latex", "reportlab": "reportlab_",
           "canvas": "canvas_"}
MM = 72 / 25.4
PAGE_SIZES_PT = {"A4": (595.28, 841.89), "Letter": (612.0, 792.0)}


def page_size_pt(draw) -> tuple[float, float]:
    w, h = PAGE_SIZES_PT[draw.page_size]
    return (h, w) if draw.orientation == "landscape" else (w, h)


def renderer(producer: str) -> Callable[..., bytes]:
    """The ``render(doc, workdir)`` function of a producer (imported on demand: heavy imports stay local)."""
    module = importlib.import_module(f"{__name__}.{MODULES[producer]}")
    return module.render


def render_doc(doc, workdir: Path) -> bytes:
    return renderer(doc.draw.producer)(doc, workdir)
