"""Typeset a report with reportlab (pip-only: the producer CI uses for metamorphic tests).

Tagged paragraphs record the page they are drawn on, so gold pages are exact, including statements split
across a page break. The document is built twice: the first pass finds the pages that the contents page and
summary tables cite, the second prints them.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..doc import Box, Contents, Cover, Document, Figure, Heading, Para, Part, Run
from ..doc import PageBreak as DocPageBreak
from ..doc import Table as DocTable
from ..draw import Draw
from ..pages import label_ranges, printed_labels, running_texts
from .geometry import FOOT_Y_MM, HEAD_Y_MM, MARGIN_BOTTOM_MM, MARGIN_TOP_MM, MARGIN_X_MM, NOTES_BOTTOM_MM

PAGE_W, PAGE_H = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = MARGIN_X_MM * mm, MARGIN_TOP_MM * mm, MARGIN_BOTTOM_MM * mm
NOTES_BOTTOM = NOTES_BOTTOM_MM * mm
PLACEHOLDER = re.compile(r"\{\{page:([^}]+)\}\}")
ACCENT = {"HMIC": colors.HexColor("#1f3a60"), "HMICFRS": colors.HexColor("#6b1d4f")}
SHADE = colors.HexColor("#e8eef5")
DINGBATS = {"▪": "n", "○": "m"}  # glyphs the standard fonts lack, set from ZapfDingbats as typesetters do


def _register_vera() -> None:
    if "Vera" in pdfmetrics.getRegisteredFontNames():
        return
    import reportlab

    base = Path(reportlab.__file__).parent / "fonts"
    for name, file in (("Vera", "Vera.ttf"), ("Vera-Bold", "VeraBd.ttf"), ("Vera-Italic", "VeraIt.ttf"),
                       ("Vera-BoldItalic", "VeraBI.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(base / file)))
    pdfmetrics.registerFontFamily("Vera", normal="Vera", bold="Vera-Bold", italic="Vera-Italic",
                                  boldItalic="Vera-BoldItalic")


FONTS = {"Helvetica": ("Helvetica", "Helvetica-Bold"), "Times": ("Times-Roman", "Times-Bold"),
         "Vera": ("Vera", "Vera-Bold")}


@dataclass
class Rendered:
    """A rendered report: the PDF, each page's role and printed number, and where tagged blocks landed."""

    pdf: bytes
    roles: list[str]
    labels: list[str | None]
    tag_pages: dict[str, list[int]] = field(default_factory=dict)  # tag -> PDF page indices (0-based)
    key_pages: dict[str, int] = field(default_factory=dict)


class Marked(Paragraph):
    """A paragraph that records the page it is drawn on under its marks (finding tags, heading keys)."""

    def __init__(self, text, style, bulletText=None, frags=None, caseSensitive=1, encoding="utf8", marks=(),
                 book=None, notes=()):
        super().__init__(text, style, bulletText=bulletText, frags=frags, caseSensitive=caseSensitive,
                         encoding=encoding)
        self.marks, self.book, self.notes, self.is_tail = marks, book, notes, True

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        for k, part in enumerate(parts):
            part.marks, part.book, part.notes = self.marks, self.book, self.notes
            part.is_tail = self.is_tail and k == len(parts) - 1
        return parts

    def draw(self):
        if self.book is not None:
            page = self.canv.getPageNumber() - 1
            # a footnote belongs to the page where its marker (the paragraph's end) is printed
            notes = [f"note:{n}" for n, _ in self.notes] if self.is_tail else []
            for mark in (*self.marks, *notes):
                pages = self.book.setdefault(mark, [])
                if page not in pages:
                    pages.append(page)
        super().draw()


def draw_notes(canv, notes: list[tuple[int, str]], font: str, size: float) -> None:
    """Draw footnotes at the foot of the text area, above the running foot, under a short rule."""
    fs = max(size - 2.5, 6.5)
    y = NOTES_BOTTOM - 4 * mm
    canv.setLineWidth(0.4)
    canv.line(MARGIN_X, y + fs + 2, MARGIN_X + 40 * mm, y + fs + 2)
    for number, text in notes:
        canv.setFont(font, fs * 0.75)
        canv.drawString(MARGIN_X, y + fs * 0.35, str(number))
        canv.setFont(font, fs)
        canv.drawString(MARGIN_X + 7, y, text)
        y -= fs * 1.3


class Bars(Flowable):
    """A plain bar chart: labels under the bars, values over them (digits that are not page numbers)."""

    def __init__(self, bars: list[tuple[str, float]], unit: str, font: str, size: float, width: float):
        super().__init__()
        self.bars, self.unit, self.font, self.size = bars, unit, font, size
        self.width, self.height = min(width, 80 * len(bars) + 40), 120

    def wrap(self, aw, ah):
        return self.width, self.height

    def draw(self):
        c = self.canv
        top = max(v for _, v in self.bars) or 1
        slot = (self.width - 30) / len(self.bars)
        c.setLineWidth(0.5)
        c.line(25, 20, self.width, 20)
        for i, (label, value) in enumerate(self.bars):
            h = 85 * value / top
            x = 30 + i * slot + slot * 0.2
            c.setFillColor(colors.HexColor("#4a6fa5"))
            c.rect(x, 20, slot * 0.6, h, stroke=0, fill=1)
            c.setFillColor(colors.black)
            c.setFont(self.font, self.size - 2)
            shown = f"{value:g}{self.unit if self.unit == '%' else ''}"
            c.drawCentredString(x + slot * 0.3, 23 + h, shown)
            c.drawCentredString(x + slot * 0.3, 8, label[:18])


class _Doc(BaseDocTemplate):
    """Page templates per role; running heads drawn from the printed numbers of the previous pass."""

    def __init__(self, buf, **kw):
        super().__init__(buf, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
                         bottomMargin=MARGIN_BOTTOM, invariant=1, **kw)
        self.roles: list[str] = []

    def handle_pageBegin(self):
        super().handle_pageBegin()
        self.roles.append(self.pageTemplate.id)


class ReportlabProducer:
    """Render a :class:`Document` under a :class:`Draw` with reportlab."""

    def __init__(self, doc: Document, draw: Draw, inspectorate: str = "HMICFRS") -> None:
        self.doc, self.d = doc, draw
        self.accent = ACCENT.get(inspectorate, ACCENT["HMICFRS"])
        if draw.font == "Vera":
            _register_vera()
        self.regular, self.bold = FONTS.get(draw.font, FONTS["Helvetica"])
        self.family = {"Helvetica": "Helvetica", "Times": "Times-Roman", "Vera": "Vera"}.get(draw.font, "Helvetica")
        self.styles = self._styles()
        self.prev_labels: list[str | None] = []
        self.prev_keys: dict[str, int] = {}
        self.prev_tags: dict[str, list[int]] = {}
        self.prev_roles: list[str] = []
        self.note_texts: dict[int, str] = {}
        self.book: dict[str, list[int]] = {}

    # ----- styles ------------------------------------------------------------------------------------
    def _styles(self) -> dict[str, ParagraphStyle]:
        s = self.d.font_size
        align = TA_JUSTIFY if self.d.justify else TA_LEFT
        body = ParagraphStyle("body", fontName=self.family, fontSize=s, leading=s * 1.32, spaceAfter=s * 0.65,
                              alignment=align)
        return {
            "body": body,
            "lead": ParagraphStyle("lead", parent=body, fontSize=s + 0.5, leading=(s + 0.5) * 1.32),
            "small": ParagraphStyle("small", parent=body, fontSize=s - 1, leading=(s - 1) * 1.3),
            "quote": ParagraphStyle("quote", parent=body, leftIndent=18, rightIndent=18),
            "label": ParagraphStyle("label", parent=body, spaceBefore=s * 0.4, spaceAfter=s * 0.35,
                                    alignment=TA_LEFT, keepWithNext=1),
            "caption": ParagraphStyle("caption", parent=body, fontName=self.bold, fontSize=s - 0.5,
                                      alignment=TA_LEFT),
            "h1": ParagraphStyle("h1", parent=body, fontName=self.bold, fontSize=s * 1.55, leading=s * 1.9,
                                 spaceBefore=s * 1.2, spaceAfter=s * 0.8, textColor=self.accent, alignment=TA_LEFT,
                                 keepWithNext=1),
            "h2": ParagraphStyle("h2", parent=body, fontName=self.bold, fontSize=s * 1.18, leading=s * 1.5,
                                 spaceBefore=s * 0.8, spaceAfter=s * 0.45, alignment=TA_LEFT, keepWithNext=1),
            "cell": ParagraphStyle("cell", parent=body, fontSize=s - 0.5, leading=(s - 0.5) * 1.25, spaceAfter=0,
                                   alignment=TA_LEFT),
            "boxtitle": ParagraphStyle("boxtitle", parent=body, fontName=self.bold, fontSize=s + 1,
                                       leading=(s + 1) * 1.3, alignment=TA_LEFT, spaceAfter=2),
        }

    # ----- text --------------------------------------------------------------------------------------
    def resolve(self, text: str) -> str:
        """Replace page placeholders with the printed pages found by the previous pass."""

        def page(m: re.Match) -> str:
            key = m.group(1)
            index = self.prev_keys.get(key)
            if index is None and self.prev_tags.get(key):
                index = self.prev_tags[key][0]
            if index is None or index >= len(self.prev_labels):
                return "00"
            return self.prev_labels[index] or "00"

        return PLACEHOLDER.sub(page, text)

    def markup(self, items: list[Run]) -> str:
        out = []
        for r in items:
            t = escape(self.resolve(r.text))
            if r.bold:
                t = f"<b>{t}</b>"
            if r.italic:
                t = f"<i>{t}</i>"
            if r.sup:
                t = f"<super>{t}</super>"
            out.append(t)
        return "".join(out)

    def paragraph(self, p: Para, book: dict, width_indent: int = 0) -> Paragraph:
        style = self.styles.get(p.style, self.styles["body"])
        marks = (p.tag,) if p.tag else ()
        notes = tuple(p.notes)
        self.note_texts.update(dict(p.notes))
        if p.bullet is not None or p.indent:
            glyph = p.bullet or ""
            numeric = any(ch.isalnum() for ch in glyph)
            indent = 14 * p.indent
            hang = (26 if len(glyph) > 3 else 20) if numeric else 14
            kw = {"leftIndent": indent + hang, "bulletIndent": indent + 2}
            if p.keep_with_next:
                kw["keepWithNext"] = 1
            if glyph in DINGBATS:
                kw.update(bulletFontName="ZapfDingbats", bulletFontSize=style.fontSize * 0.6)
                glyph = DINGBATS[glyph]
            else:
                kw.update(bulletFontName=self.family)
            style = ParagraphStyle(f"{p.style}-b{p.indent}-{hash(glyph) % 997}", parent=style, **kw)
            return Marked(self.markup(p.runs), style, bulletText=glyph or None, marks=marks, book=book, notes=notes)
        if p.keep_with_next and not getattr(style, "keepWithNext", 0):
            style = ParagraphStyle(f"{p.style}-kwn", parent=style, keepWithNext=1)
        return Marked(self.markup(p.runs), style, marks=marks, book=book, notes=notes)

    # ----- blocks ------------------------------------------------------------------------------------
    def flowables(self, blocks, book: dict, width: float) -> list[Flowable]:
        out: list[Flowable] = []
        first_part = True
        for block in blocks:
            if isinstance(block, Part):
                template = "body" if block.role == "body" else block.role
                if not first_part:
                    out += [NextPageTemplate(template), PageBreak()]
                else:
                    out.append(NextPageTemplate(template))
                first_part = False
                self.part_started = True
                continue
            if isinstance(block, Heading):
                if block.level == 1 and self.d.chapter_breaks and not self.part_started and block.key and \
                        block.key.startswith("ch"):
                    out.append(PageBreak())
                self.part_started = False
                style = self.styles["h1" if block.level == 1 else "h2"]
                out.append(CondPageBreak(self.d.font_size * 6))
                out.append(Marked(escape(block.text), style, marks=(block.key,) if block.key else (), book=book))
                continue
            self.part_started = False
            out += self.flowable(block, book, width)
        return out

    def flowable(self, block, book: dict, width: float) -> list[Flowable]:
        if isinstance(block, Para):
            return [self.paragraph(block, book)]
        if isinstance(block, Box):
            return [self.box(block, book, width)]
        if isinstance(block, DocTable):
            return [self.table(block, width)]
        if isinstance(block, Figure):
            s = self.d.font_size
            chart = Bars(block.bars, block.unit, self.regular, s, width)
            return [KeepTogether([Paragraph(escape(block.caption), self.styles["caption"]), chart,
                                  Paragraph(escape(block.source), self.styles["small"]), Spacer(1, s)])]
        if isinstance(block, Contents):
            return self.contents(block, book, width)
        if isinstance(block, Cover):
            return self.cover(block)
        if isinstance(block, DocPageBreak):
            return [PageBreak()]
        raise TypeError(type(block))

    def box(self, box: Box, book: dict, width: float) -> Flowable:
        inner = width - 20
        rows = []
        if box.title:
            rows.append([Paragraph(escape(box.title), self.styles["boxtitle"])])
        for child in box.children:
            rows.append(self.flowable(child, book, inner))
        style = [("LEFTPADDING", (0, 0), (-1, -1), 10), ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                 ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                 ("TOPPADDING", (0, 0), (-1, 0), 8), ("BOTTOMPADDING", (0, -1), (-1, -1), 8)]
        if box.style in ("frame", "both"):
            style.append(("BOX", (0, 0), (-1, -1), 0.9, self.accent))
        if box.style in ("shade", "both"):
            style.append(("BACKGROUND", (0, 0), (-1, -1), SHADE))
            if box.title:
                style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#c9d6e6")))
        table = Table(rows, colWidths=[width], style=TableStyle(style), splitByRow=1)
        table.spaceBefore = table.spaceAfter = self.d.font_size * 0.6
        return KeepTogether([table]) if box.keep_together else table

    def table(self, t: DocTable, width: float) -> Table:
        cell = self.styles["cell"]
        rows = [[Paragraph(self.markup(c), cell) for c in row] for row in t.rows]
        style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 4),
                 ("RIGHTPADDING", (0, 0), (-1, -1), 4)]
        if t.style == "grid":
            style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.grey))
        elif t.style == "lines":
            style.append(("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.grey))
        elif t.style == "shaded-header":
            style += [("BACKGROUND", (0, 0), (-1, 0), SHADE), ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.grey)]
        out = Table(rows, colWidths=[w * width for w in t.widths], repeatRows=1 if t.header else 0,
                    style=TableStyle(style), hAlign="LEFT")
        out.spaceBefore = out.spaceAfter = self.d.font_size * 0.6
        return out

    def contents(self, block: Contents, book: dict, width: float) -> list[Flowable]:
        rows = [[Paragraph(escape(title.strip()), self.styles["cell"] if not title.startswith(" ") else
                           ParagraphStyle("toc2", parent=self.styles["cell"], leftIndent=12)),
                 Paragraph(self.resolve(f"{{{{page:{key}}}}}"), ParagraphStyle("tocn", parent=self.styles["cell"],
                                                                                 alignment=2))]
                for title, key in block.entries]
        table = Table(rows, colWidths=[width * 0.85, width * 0.15], hAlign="LEFT",
                      style=TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey)]))
        return [Marked(escape(block.title), self.styles["h1"], marks=("contents",), book=book), table]

    def cover(self, c: Cover) -> list[Flowable]:
        s = self.d.font_size
        big = ParagraphStyle("cover-title", fontName=self.bold, fontSize=24, leading=29, textColor=self.accent)
        mid = ParagraphStyle("cover-sub", fontName=self.family, fontSize=14, leading=18)
        small = ParagraphStyle("cover-small", fontName=self.family, fontSize=max(s, 10), leading=max(s, 10) * 1.4)
        out: list[Flowable] = [Paragraph(escape(c.inspectorate), small), Spacer(1, 70),
                               Paragraph(escape(c.title), big), Spacer(1, 14), Paragraph(escape(c.subtitle), mid),
                               Spacer(1, 10), Paragraph(escape(c.date), mid), Spacer(1, 140)]
        out += [Paragraph(escape(line), small) for line in c.lines]
        return out

    # ----- pages -------------------------------------------------------------------------------------
    def _templates(self) -> list[PageTemplate]:
        w = PAGE_W - 2 * MARGIN_X
        bottom = NOTES_BOTTOM if self.d.footnotes else MARGIN_BOTTOM
        hb = PAGE_H - MARGIN_TOP - bottom
        one = Frame(MARGIN_X, bottom, w, hb, id="one", leftPadding=0, rightPadding=0, topPadding=0,
                    bottomPadding=0)
        gap = 8 * mm
        col = (w - gap) / 2
        two = [Frame(MARGIN_X + k * (col + gap), bottom, col, hb, id=f"col{k}", leftPadding=0,
                     rightPadding=0, topPadding=0, bottomPadding=0) for k in (0, 1)]
        body = two if self.d.columns == 2 else [Frame(MARGIN_X, bottom, w, hb, id="body", leftPadding=0,
                                                      rightPadding=0, topPadding=0, bottomPadding=0)]
        return [PageTemplate("cover", [one], onPage=self._cover_page),
                PageTemplate("front", [one], onPageEnd=self._running),
                PageTemplate("body", body, onPageEnd=self._running)]

    def _cover_page(self, canv, doc) -> None:
        canv.saveState()
        canv.setFillColor(self.accent)
        canv.rect(0, PAGE_H - 18 * mm, PAGE_W, 18 * mm, stroke=0, fill=1)
        canv.restoreState()

    def _running(self, canv, doc) -> None:
        index = canv.getPageNumber() - 1
        if index >= len(self.prev_labels):
            label = "00" if doc.pageTemplate.id != "cover" else None
        else:
            label = self.prev_labels[index]
        last = next((lab for lab in reversed(self.prev_labels) if lab), "00")
        d = self.doc
        texts = running_texts(self.d, title=d.running_title, series=d.series, force=d.force,
                              copyright=d.copyright, date=d.date, label=label, last=last)
        canv.saveState()
        notes = sorted(int(k[5:]) for k, pages in self.book.items() if k.startswith("note:") and index in pages)
        if notes:
            draw_notes(canv, [(n, self.note_texts[n]) for n in notes], self.family, self.d.font_size)
        for t in texts:
            size = self.d.font_size + t.size_delta
            canv.setFont(self.family, size)
            y = HEAD_Y_MM * mm if t.position == "header" else FOOT_Y_MM * mm
            if t.align == "left":
                canv.drawString(MARGIN_X, y, t.text)
            elif t.align == "right":
                canv.drawRightString(PAGE_W - MARGIN_X, y, t.text)
            else:
                canv.drawCentredString(PAGE_W / 2, y, t.text)
        canv.restoreState()

    def _pass(self) -> tuple[bytes, list[str], dict]:
        buf = io.BytesIO()
        book: dict[str, list[int]] = {}
        self.book = book
        self.part_started = True
        doc = _Doc(buf, title=self.doc.title, author=self.doc.copyright.replace("© ", ""))
        doc.addPageTemplates(self._templates())
        width = (PAGE_W - 2 * MARGIN_X - 8 * mm) / 2 if self.d.columns == 2 else PAGE_W - 2 * MARGIN_X
        story = self.flowables(self.doc.blocks, book, width)
        if self.d.page_labels:
            story.append(_LabelSetter(self))
        doc.build(story)
        return buf.getvalue(), doc.roles, book

    def render(self) -> Rendered:
        """Build until the cited pages are stable (normally two passes), then return the final PDF."""
        for _ in range(4):
            pdf, roles, book = self._pass()
            labels = printed_labels(self.d, roles)
            keys = {k: v[0] for k, v in book.items() if not k.count(":")}
            tags = {k: sorted(v) for k, v in book.items() if k.count(":") and not k.startswith("note:")}
            stable = labels == self.prev_labels and keys == self.prev_keys and tags == self.prev_tags
            self.prev_labels, self.prev_keys, self.prev_tags, self.prev_roles = labels, keys, tags, roles
            if stable:
                break
        return Rendered(pdf=pdf, roles=roles, labels=labels, tag_pages=tags, key_pages=keys)


class _LabelSetter(Flowable):
    """Zero-size flowable at the story's end that writes /PageLabels for the pages of the previous pass."""

    def __init__(self, producer: ReportlabProducer):
        super().__init__()
        self.producer = producer

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        p = self.producer
        if not p.prev_labels:
            return
        for first, style, start, prefix in label_ranges(p.d, p.prev_roles, p.prev_labels):
            name = {"D": "ARABIC", "r": "ROMAN_LOWER"}.get(style or "")
            self.canv.addPageLabel(first, style=name, start=start if name else None, prefix=prefix or None)


def render_reportlab(doc: Document, draw: Draw, inspectorate: str = "HMICFRS") -> Rendered:
    """Render with reportlab: see :class:`ReportlabProducer`."""
    return ReportlabProducer(doc, draw, inspectorate).render()


__all__ = ["Rendered", "render_reportlab"]
