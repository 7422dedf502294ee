"""Running heads and /PageLabels stamped onto a PDF typeset elsewhere (Chromium, LibreOffice).

Those producers cannot print a page number that depends on our numbering scheme, so pages come out bare and
the heads are drawn afterwards in the top and bottom margins, as a document system's master pages would.
"""

from __future__ import annotations

import hashlib
import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from ..doc import Document
from ..draw import Draw
from ..pages import label_ranges, running_texts
from .geometry import FOOT_Y_MM, HEAD_Y_MM, MARGIN_X_MM

PAGE_W, PAGE_H = A4
MARGIN_X = MARGIN_X_MM * mm
HEAD_FONT = {"Helvetica": "Helvetica", "Times": "Times-Roman", "Vera": "Helvetica"}


def heads_pdf(doc: Document, draw: Draw, labels: list[str | None],
              notes: dict[int, list[tuple[int, str]]] | None = None) -> bytes:
    """Return a PDF with one page per label holding only that page's running heads (and footnotes)."""
    from .reportlab_pdf import draw_notes

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    last = next((lab for lab in reversed(labels) if lab), "")
    font = HEAD_FONT.get(draw.font, "Helvetica")
    for index, label in enumerate(labels):
        if notes and notes.get(index):
            draw_notes(c, notes[index], font, draw.font_size)
        for t in running_texts(draw, title=doc.running_title, series=doc.series, force=doc.force,
                               copyright=doc.copyright, date=doc.date, label=label, last=last):
            c.setFont(font, draw.font_size + t.size_delta)
            y = HEAD_Y_MM * mm if t.position == "header" else FOOT_Y_MM * mm
            if t.align == "left":
                c.drawString(MARGIN_X, y, t.text)
            elif t.align == "right":
                c.drawRightString(PAGE_W - MARGIN_X, y, t.text)
            else:
                c.drawCentredString(PAGE_W / 2, y, t.text)
        c.showPage()
    c.save()
    return buf.getvalue()


def notes_by_page(doc: Document, tag_pages: dict[str, list[int]]) -> dict[int, list[tuple[int, str]]]:
    """Footnotes grouped by the page where their marker was found."""
    from ..doc import Para, iter_blocks

    out: dict[int, list[tuple[int, str]]] = {}
    for block in iter_blocks(doc.blocks):
        if isinstance(block, Para):
            for number, text in block.notes:
                page = tag_pages.get(f"note:{number}", [None])[-1]
                if page is not None:
                    out.setdefault(page, []).append((number, text))
    return out


def finish(pdf: bytes, doc: Document, draw: Draw, roles: list[str], labels: list[str | None],
           notes: dict[int, list[tuple[int, str]]] | None = None) -> bytes:
    """Stamp running heads (and footnotes) on every page and, if the draw says so, write /PageLabels."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.constants import PageLabelStyle

    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    heads = PdfReader(io.BytesIO(heads_pdf(doc, draw, labels, notes)))
    for page, head in zip(writer.pages, heads.pages, strict=True):
        page.merge_page(head)
    if draw.page_labels:
        ranges = label_ranges(draw, roles, labels)
        styles = {"D": PageLabelStyle.DECIMAL, "r": PageLabelStyle.LOWERCASE_ROMAN, None: None}
        for k, (first, style, start, prefix) in enumerate(ranges):
            last = (ranges[k + 1][0] - 1) if k + 1 < len(ranges) else len(labels) - 1
            if last < first:
                continue
            writer.set_page_label(first, last, style=styles[style], prefix=prefix or None,
                                  start=start if style else None)
    # the same draw must give the same bytes: no creation dates, an /ID derived from the draw
    from pypdf.generic import ArrayObject, ByteStringObject, NameObject, TextStringObject

    info = writer._info.get_object() if writer._info is not None else None
    if info is not None:
        for key in ("/CreationDate", "/ModDate"):
            info.pop(NameObject(key), None)
    writer.add_metadata({"/Title": TextStringObject(doc.title), "/Producer": TextStringObject(draw.producer)})
    digest = hashlib.md5(repr(sorted(draw.as_dict().items())).encode(), usedforsecurity=False).digest()
    writer._ID = ArrayObject([ByteStringObject(digest), ByteStringObject(digest)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
