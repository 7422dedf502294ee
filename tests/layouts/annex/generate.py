"""Render one draw to ``annex-<seed>-<n>.pdf`` + ``.gold.json`` (scan applied after rendering, if drawn).

A draw whose tool crashes, or whose PDF lost gold text (see :mod:`.verify`), is reported, not written.
"""

from __future__ import annotations

import json
import random
import tempfile
import time
import traceback
from pathlib import Path

from ..scan import scan_pdf
from .draw import draw_annex
from .layout import build, gold
from .producers import render_doc
from .verify import missing_rows


def draw_name(seed: int | str, n: int) -> str:
    return f"annex-{seed}-{n}"


def page_count(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


def generate_one(seed: int | str, n: int, out: Path, *, scan_share: float = 0.12, only_producer: str | None = None,
                 max_scan_pages: int | None = None, max_scan_dpi: int | None = None, reuse: bool = False) -> dict:
    """Render draw ``n`` of ``seed`` into ``out``; return a manifest entry (with ``error`` when skipped)."""
    name = draw_name(seed, n)
    pdf_path, gold_path = out / f"{name}.pdf", out / f"{name}.gold.json"
    if reuse and pdf_path.exists() and gold_path.exists():
        data = json.loads(gold_path.read_text(encoding="utf-8"))
        return {"name": name, "draw": data["draw"], "pages": data.get("pages"), "reused": True}
    started = time.monotonic()
    draw = draw_annex(f"{seed}-{n}", scan_share=scan_share, only_producer=only_producer)
    if draw.scan and max_scan_dpi and draw.scan["dpi"] > max_scan_dpi:
        draw.notes.append(f"scan: {draw.scan['dpi']} dpi capped at {max_scan_dpi} (small committed files)")
        draw.scan["dpi"] = max_scan_dpi
    entry: dict = {"name": name}
    try:
        expected = gold(draw)
        with tempfile.TemporaryDirectory(prefix="annex-") as tmp:
            pdf = render_doc(build(draw), Path(tmp))
            lost = missing_rows(pdf, expected["rows"])
            if lost:
                raise RenderError(f"text lost in rendering: {'; '.join(lost[:3])}")
            pages = page_count(pdf)
            if draw.scan:
                if max_scan_pages and pages > max_scan_pages:
                    raise RenderError(f"scan of {pages} pages (> {max_scan_pages})")
                src, dst = Path(tmp) / "clean.pdf", Path(tmp) / "scan.pdf"
                src.write_bytes(pdf)
                params = {k: v for k, v in draw.scan.items() if k != "pages"}
                draw.scan = scan_pdf(src, dst, random.Random(f"{draw.seed}/scan-apply"), **params)
                pdf = dst.read_bytes()
        expected["draw"] = draw.as_dict()
        expected["pages"] = pages
        pdf_path.write_bytes(pdf)
        gold_path.write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        entry.update(draw=draw.as_dict(), pages=pages, bytes=len(pdf))
    except Exception as exc:  # a tool crash skips the draw, it does not stop the corpus
        entry.update(draw=draw.as_dict(), error=f"{type(exc).__name__}: {exc}"[:600])
        if not isinstance(exc, RenderError | OSError) and type(exc).__name__ != "ToolError":
            entry["traceback"] = traceback.format_exc()[-1500:]
    entry["seconds"] = round(time.monotonic() - started, 1)
    return entry


class RenderError(RuntimeError):
    """The rendered PDF is not fit to be gold (lost text, too long for a scan)."""
