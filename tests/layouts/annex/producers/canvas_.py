"""Hand-drawn producer: text and lines placed on a reportlab canvas, no table object at all.

This is how report-writing systems and some PDF exporters make tables: every rule is a loose line and
every cell a run of text lines. It is the only producer that decides what happens at a page cut itself,
so it honours ``cut_border`` (close the cut row's border at the page foot, or leave it open).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from ..layout import SUPER, AnnexDoc, TablePart, TRow, split_marks
from . import MM, page_size_pt
from .reportlab_ import WINANSI_MARKS, font_names

PAD = 3.5


@dataclass
class Fonts:
    regular: str
    bold: str
    size: float

    @property
    def leading(self) -> float:
        return self.size * 1.22


def _plain(text: str) -> str:
    return "".join(str(SUPER.index(c)) if c in SUPER else c for c in text)


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap (long words broken by characters); explicit line breaks kept."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for word in para.split(" "):
            trial = f"{line} {word}" if line else word
            if stringWidth(_plain(trial), font, size) <= width:
                line = trial
                continue
            if line:
                lines.append(line)
            line = word
            while stringWidth(_plain(line), font, size) > width and len(line) > 1:
                cut = len(line) - 1
                while cut > 1 and stringWidth(_plain(line[:cut]), font, size) > width:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line)
    return lines


class Painter:
    """Places lines on pages, starting a new page (with running header/footer) when the body is full."""

    def __init__(self, doc: AnnexDoc, total: int) -> None:
        from reportlab.pdfgen.canvas import Canvas

        self.doc, self.draw, self.total = doc, doc.draw, total
        self.buf = io.BytesIO()
        self.w, self.h = page_size_pt(self.draw)
        self.canvas = Canvas(self.buf, pagesize=(self.w, self.h), invariant=1)
        self.margin = self.draw.margins_mm * MM
        regular, bold = font_names(self.draw)
        self.fonts = Fonts(regular, bold, self.draw.font_size)
        self.left, self.right = self.margin, self.w - self.margin
        self.top, self.bottom = self.h - self.margin, self.margin
        self.page = 1
        self.y = self.top
        self.raised = self.draw.footnote_marks == "raised"

    # pages -------------------------------------------------------------------------------------------------
    def decorate(self) -> None:
        c = self.canvas
        c.setFont(self.fonts.regular, max(7, self.fonts.size - 1.5))
        c.setFillColorRGB(0, 0, 0)
        if self.doc.running_header:
            c.drawString(self.left, self.h - self.margin * 0.55,
                         self.doc.running_header.format(page=self.page, pages=self.total))
        if self.doc.running_footer:
            c.drawRightString(self.right, self.margin * 0.45,
                              self.doc.running_footer.format(page=self.page, pages=self.total))

    def new_page(self) -> None:
        self.decorate()
        self.canvas.showPage()
        self.page += 1
        self.y = self.top

    def finish(self) -> tuple[bytes, int]:
        self.decorate()
        self.canvas.save()
        return self.buf.getvalue(), self.page

    # text --------------------------------------------------------------------------------------------------
    def text_line(self, x: float, y: float, line: str, font: str, size: float, align: str = "left",
                  width: float = 0) -> None:
        """Draw one line; footnote marks become raised small digits where asked (or the font lacks them)."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        pieces = []
        for run, is_mark in split_marks(line, True):
            if is_mark and not self.raised and all(SUPER[int(d)] in WINANSI_MARKS for d in run):
                pieces.append(("".join(SUPER[int(d)] for d in run), False))
            else:
                pieces.append((run, is_mark))
        total = sum(stringWidth(t, font, size * (0.65 if m else 1)) for t, m in pieces)
        if align == "center":
            x += (width - total) / 2
        t = self.canvas.beginText(x, y)
        for run, is_mark in pieces:
            t.setFont(font, size * 0.65 if is_mark else size)
            t.setRise(size * 0.35 if is_mark else 0)
            t.textOut(run)
        self.canvas.drawText(t)

    def paragraph(self, text: str, font: str, size: float, before: float = 0, after: float = 0) -> None:
        self.y -= before
        for line in wrap(text, font, size, self.right - self.left):
            if self.y - size * 1.22 < self.bottom:
                self.new_page()
            self.y -= size * 1.22
            self.text_line(self.left, self.y + size * 0.25, line, font, size)
        self.y -= after

    # tables ------------------------------------------------------------------------------------------------
    def colour(self, hexcode: str) -> tuple[float, float, float]:
        return tuple(int(hexcode[i:i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]

    def row_lines(self, part: TablePart, row: TRow, xs: list[float]) -> list[list[str]]:
        f = self.fonts
        font = f.bold if row.kind in ("header", "title") or (row.kind == "band" and self.draw.band_look["bold"]) \
            else f.regular
        if row.kind in ("band", "title"):
            return [wrap(row.cells[0], font, f.size, xs[-1] - xs[0] - 2 * PAD)]
        return [wrap(text, font, f.size, xs[i + 1] - xs[i] - 2 * PAD) for i, text in enumerate(row.cells)]

    def draw_fragment(self, part: TablePart, row: TRow, index: int, xs: list[float], lines: list[list[str]],
                      start: int, stop: int, height: float, top_line: bool, bottom_line: bool, zebra: bool) -> None:
        """Draw lines [start, stop) of a row in a box ``height`` tall at self.y (top edge)."""
        draw, f, c = self.draw, self.fonts, self.canvas
        y0, y1 = self.y, self.y - height
        fill = None
        if row.kind == "header" and draw.header_fill:
            fill = draw.colours["header"]
        elif row.kind == "band" and draw.band_look["shaded"]:
            fill = draw.colours["band"]
        elif row.kind == "data" and zebra:
            fill = draw.colours["zebra"]
        if fill:
            c.setFillColorRGB(*self.colour(fill))
            c.rect(xs[0], y1, xs[-1] - xs[0], height, stroke=0, fill=1)
        text_colour = draw.colours["header_text"] if row.kind == "header" and draw.header_fill else "#000000"
        c.setFillColorRGB(*self.colour(text_colour))
        bold = row.kind in ("header", "title") or (row.kind == "band" and draw.band_look["bold"])
        font = f.bold if bold else f.regular
        spans = [(xs[0], xs[-1])] if row.kind in ("band", "title") else list(pairwise(xs))
        full = stop - start == max(len(cell) for cell in lines) and start == 0
        for ci, ((xa, xb), cell) in enumerate(zip(spans, lines, strict=True)):
            col = part.columns[ci] if row.kind not in ("band", "title") else None
            offset = 0.0
            middle = draw.ref_valign == "middle" and full and row.kind == "data"
            if col and col.key in ("ref", "page", "type") and middle:
                offset = (height - 2 * PAD - len(cell) * f.leading) / 2
            for k, line in enumerate(cell[start:stop]):
                y = y0 - PAD - offset - (k + 1) * f.leading + f.size * 0.25
                self.text_line(xa + PAD, y, line, font, f.size, col.align if col else "left", xb - xa - 2 * PAD)
        c.setStrokeColorRGB(*self.colour(draw.colours["rule"]))
        c.setLineWidth(0.5)
        if draw.rules == "grid":
            for x in (xs if row.kind not in ("band", "title") else (xs[0], xs[-1])):
                c.line(x, y0, x, y1)
        if draw.rules in ("grid", "hrules"):
            if top_line:
                c.line(xs[0], y0, xs[-1], y0)
            if bottom_line:
                c.line(xs[0], y1, xs[-1], y1)
        if row.kind == "header" and draw.rules in ("header_rule", "booktabs"):
            c.setLineWidth(0.8 if draw.rules == "header_rule" else 0.6)
            c.line(xs[0], y1, xs[-1], y1)
        self.y = y1

    def table(self, part: TablePart) -> None:
        draw, f = self.draw, self.fonts
        width = self.right - self.left
        xs = [self.left]
        for col in part.columns:
            xs.append(xs[-1] + col.width * width)
        head = part.rows[:part.head]

        def put_head(first: bool) -> None:
            if draw.rules == "booktabs":
                self.canvas.setLineWidth(1.2)
                self.canvas.line(xs[0], self.y, xs[-1], self.y)
            for i, row in enumerate(head):
                lines = self.row_lines(part, row, xs)
                n = max(len(cell) for cell in lines)
                self.draw_fragment(part, row, i, xs, lines, 0, n, n * f.leading + 2 * PAD, True, True, False)

        if self.y - (sum(len(max(self.row_lines(part, r, xs), key=len)) for r in part.rows[:part.head + 1])
                     * f.leading) < self.bottom + 4 * f.leading:
            self.new_page()
        put_head(True)
        data_index = 0
        for i, row in enumerate(part.rows[part.head:], start=part.head):
            lines = self.row_lines(part, row, xs)
            n = max(len(cell) for cell in lines)
            zebra = draw.zebra and row.kind == "data" and data_index % 2 == 1
            data_index += row.kind == "data"
            full_height = n * f.leading + 2 * PAD
            page_body = self.top - self.bottom - 4 * f.leading
            if self.y - full_height < self.bottom and (not draw.rows_split and full_height < page_body):
                self.new_page()
                if part.repeat:
                    put_head(False)
            start = 0
            while start < n:
                room = int((self.y - self.bottom - 2 * PAD) // f.leading)
                if room < 1:
                    self._cut()
                    self.new_page()
                    if part.repeat:
                        put_head(False)
                    continue
                stop = min(n, start + room)
                last = stop == n
                height = (stop - start) * f.leading + (2 * PAD if last else PAD)
                closed = last or draw.cut_border == "closed"
                self.draw_fragment(part, row, i, xs, lines, start, stop, height, start == 0 or closed, closed, zebra)
                start = stop
                if not last:
                    self.new_page()
                    if part.repeat:
                        put_head(False)
        if draw.rules == "booktabs":
            self.canvas.setLineWidth(1.2)
            self.canvas.line(xs[0], self.y, xs[-1], self.y)
        self.y -= f.size

    def _cut(self) -> None:
        """A row that starts exactly at the page foot: nothing to draw, the next page takes it."""

    def grades(self, grid: list[tuple[str, str]]) -> None:
        f, c = self.fonts, self.canvas
        width = (self.right - self.left) * 0.8
        xs = [self.left, self.left + width * 0.7, self.left + width]
        c.setLineWidth(0.5)
        c.setStrokeColorRGB(0, 0, 0)
        for k, (a, b) in enumerate(grid):
            cells = [wrap(a, f.regular, f.size, xs[1] - xs[0] - 2 * PAD), wrap(b, f.regular, f.size,
                                                                                  xs[2] - xs[1] - 2 * PAD)]
            h = max(map(len, cells)) * f.leading + 2 * PAD
            if self.y - h < self.bottom:
                self.new_page()
            for ci, cell in enumerate(cells):
                for j, line in enumerate(cell):
                    self.text_line(xs[ci] + PAD, self.y - PAD - (j + 1) * f.leading + f.size * 0.25, line,
                                   f.bold if k == 0 else f.regular, f.size)
            c.rect(xs[0], self.y - h, xs[2] - xs[0], h)
            c.line(xs[1], self.y, xs[1], self.y - h)
            self.y -= h
        self.y -= f.size


def paint(doc: AnnexDoc, total: int) -> tuple[bytes, int]:
    p = Painter(doc, total)
    f = p.fonts
    for item in doc.items:
        if item.kind == "heading":
            size = f.size + (4 if item.level == 1 else 1.5)
            p.paragraph(item.text, f.bold, size, before=f.size * 0.8, after=f.size * 0.4)
        elif item.kind == "para":
            p.paragraph(item.text, f.regular, f.size, after=f.size * 0.6)
        elif item.kind == "footnote":
            p.paragraph(item.text, f.regular, max(6.5, f.size - 2), after=2)
        elif item.kind == "grades":
            p.grades(item.grid)
        elif item.kind == "pagebreak":
            p.new_page()
        elif item.kind == "table":
            p.table(item.table)
    return p.finish()


def render(doc: AnnexDoc, workdir: Path | None = None) -> bytes:
    _, pages = paint(doc, 0)  # first pass counts pages for "Page x of y"
    return paint(doc, pages)[0]
