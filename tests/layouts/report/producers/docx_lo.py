"""Typeset a report as a Word document (python-docx) and convert it with LibreOffice (build-time only).

Most PCC offices and many inspectorate documents pass through Word, whose PDFs carry tab-separated list
markers, dot-leader contents lines, tables for call-out boxes and section breaks for column changes. Gold
pages come from locating the tagged text in the converted PDF; running heads are stamped afterwards.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..doc import Box, Contents, Cover, Document, Figure, Heading, Para, Part, Run
from ..doc import PageBreak as DocPageBreak
from ..doc import Table as DocTable
from ..draw import Draw
from ..pages import printed_labels
from .finish import finish, notes_by_page
from .geometry import MARGIN_TOP_MM, MARGIN_X_MM, body_box, bottom_mm
from .locate import Located, check_body, locate, page_texts, roles_from_parts
from .reportlab_pdf import Rendered

FONTS = {"Helvetica": "Liberation Sans", "Times": "Liberation Serif", "Vera": "DejaVu Sans"}
ACCENT = {"HMIC": "1F3A60", "HMICFRS": "6B1D4F"}
PLACEHOLDER = re.compile(r"\{\{page:([^}]+)\}\}")


def soffice_binary() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


class DocxWriter:
    """Turn blocks into a .docx."""

    def __init__(self, doc: Document, draw: Draw, inspectorate: str, pages: dict[str, str]):
        from docx import Document as Docx
        from docx.shared import Mm, Pt

        self.doc, self.d, self.pages = doc, draw, pages
        self.accent = ACCENT.get(inspectorate, ACCENT["HMICFRS"])
        self.w = Docx()
        self.Pt, self.Mm = Pt, Mm
        normal = self.w.styles["Normal"]
        normal.font.name = FONTS.get(draw.font, "Liberation Sans")
        normal.font.size = Pt(draw.font_size)
        pf = normal.paragraph_format
        pf.space_after = Pt(draw.font_size * 0.65)
        pf.space_before = Pt(0)
        pf.line_spacing = 1.12
        self._page_setup(self.w.sections[0])
        self.first_part = True
        self.first_chapter = True
        self.role = "cover"

    def _page_setup(self, section) -> None:
        Mm = self.Mm
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(MARGIN_TOP_MM), Mm(bottom_mm(self.d))
        section.left_margin = section.right_margin = Mm(MARGIN_X_MM)
        section.header_distance = section.footer_distance = Mm(8)

    def text_width(self) -> float:
        """Width in mm a table may take: the page's text width, or one column's in a two-column body."""
        return (166 - 8) / 2 if (self.role == "body" and self.d.columns == 2) else 166

    def _columns(self, section, n: int) -> None:
        from docx.oxml.ns import qn

        sect = section._sectPr
        cols = sect.find(qn("w:cols"))
        if cols is None:
            cols = sect.makeelement(qn("w:cols"), {})
            sect.append(cols)
        cols.set(qn("w:num"), str(n))
        cols.set(qn("w:space"), "454")

    def text(self, para, items: list[Run], size: float | None = None, color: str | None = None,
             bold: bool = False) -> None:
        from docx.shared import Pt, RGBColor

        for r in items:
            t = PLACEHOLDER.sub(lambda m: self.pages.get(m.group(1), "00"), r.text)
            run = para.add_run(t)
            run.bold = r.bold or bold
            run.italic = r.italic
            run.font.superscript = r.sup or None
            if size:
                run.font.size = Pt(size)
            if color:
                run.font.color.rgb = RGBColor.from_string(color)

    def para(self, container, p: Para):
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        s = self.d.font_size
        size = {"lead": s + 0.5, "small": s - 1}.get(p.style)
        para = container.add_paragraph()
        fmt = para.paragraph_format
        if self.d.justify and p.style in ("body", "lead", "small"):
            para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if p.keep_with_next or p.style == "label":
            fmt.keep_with_next = True
        if p.style == "quote":
            fmt.left_indent = fmt.right_indent = self.Pt(18)
        if p.bullet is not None or p.indent:
            glyph = p.bullet or ""
            hang = 24 if any(ch.isalnum() for ch in glyph) else 16
            left = hang + 14 * p.indent
            fmt.left_indent = self.Pt(left)
            fmt.first_line_indent = self.Pt(-hang + 2)
            fmt.tab_stops.add_tab_stop(self.Pt(left))
            para.add_run(f"{glyph}\t")
        self.text(para, p.runs, size)
        return para

    def heading(self, container, h: Heading) -> None:
        s = self.d.font_size
        para = container.add_paragraph()
        fmt = para.paragraph_format
        fmt.keep_with_next = True
        fmt.space_before = self.Pt(s * (1.2 if h.level == 1 else 0.8))
        fmt.space_after = self.Pt(s * (0.8 if h.level == 1 else 0.45))
        self.text(para, [Run(h.text)], s * (1.55 if h.level == 1 else 1.18),
                  self.accent if h.level == 1 else None, bold=True)

    def _cell_shade(self, cell, fill: str) -> None:
        from docx.oxml.ns import qn

        tc_pr = cell._tc.get_or_add_tcPr()
        shd = tc_pr.makeelement(qn("w:shd"), {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): fill})
        tc_pr.append(shd)

    def _table_borders(self, table, outer: bool, inner: bool, color: str = "888888") -> None:
        from docx.oxml.ns import qn

        tbl_pr = table._tbl.tblPr
        borders = tbl_pr.makeelement(qn("w:tblBorders"), {})
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            on = inner if edge.startswith("inside") else outer
            el = borders.makeelement(qn(f"w:{edge}"), {qn("w:val"): "single" if on else "nil", qn("w:sz"): "6",
                                                       qn("w:color"): color})
            borders.append(el)
        tbl_pr.append(borders)

    def box(self, box: Box) -> None:
        rows = (1 if box.title else 0) + len(box.children)
        table = self.w.add_table(rows=rows, cols=1)
        table.autofit = False
        table.columns[0].width = self.Mm(self.text_width())
        for row in table.rows:
            row.cells[0].width = self.Mm(self.text_width())
        self._table_borders(table, box.style in ("frame", "both"), False, self.accent)
        k = 0
        if box.title:
            cell = table.rows[0].cells[0]
            self.text(cell.paragraphs[0], [Run(box.title)], self.d.font_size + 1, bold=True)
            if box.style in ("shade", "both"):
                self._cell_shade(cell, "C9D6E6")
            k = 1
        for child in box.children:
            cell = table.rows[k].cells[0]
            first = cell.paragraphs[0]
            para = self.para(cell, child) if isinstance(child, Para) else None
            if para is not None:
                first._p.getparent().remove(first._p)
                if box.keep_together:
                    para.paragraph_format.keep_with_next = True
            if box.style in ("shade", "both"):
                self._cell_shade(cell, "E8EEF5")
            k += 1
        self.w.add_paragraph().paragraph_format.space_after = self.Pt(2)

    def table(self, t: DocTable) -> None:
        table = self.w.add_table(rows=len(t.rows), cols=len(t.widths))
        table.autofit = False
        for j, width in enumerate(t.widths):
            table.columns[j].width = self.Mm(self.text_width() * width)
        self._table_borders(table, t.style == "grid", t.style in ("grid", "lines", "shaded-header"))
        for i, row in enumerate(t.rows):
            for j, cell_runs in enumerate(row):
                cell = table.rows[i].cells[j]
                cell.width = self.Mm(self.text_width() * t.widths[j])
                self.text(cell.paragraphs[0], cell_runs, self.d.font_size - 0.5, bold=(i == 0 and t.header))
                if i == 0 and t.header and t.style == "shaded-header":
                    self._cell_shade(cell, "E8EEF5")
        self.w.add_paragraph()

    def figure(self, f: Figure) -> None:
        self.text(self.w.add_paragraph(), [Run(f.caption, bold=True)], self.d.font_size - 0.5)
        shown = [f"{v:g}{f.unit if f.unit == '%' else ''}" for _, v in f.bars]
        self.table(DocTable([[[Run(label)] for label, _ in f.bars], [[Run(v)] for v in shown]],
                            widths=[1 / len(f.bars)] * len(f.bars), header=True, style="lines"))
        self.text(self.w.add_paragraph(), [Run(f.source)], self.d.font_size - 1.5)

    def contents(self, c: Contents) -> None:
        from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER

        self.heading(self.w, Heading(c.title, 1))
        for title, key in c.entries:
            para = self.w.add_paragraph()
            para.paragraph_format.tab_stops.add_tab_stop(self.Mm(166), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
            if title.startswith(" "):
                para.paragraph_format.left_indent = self.Pt(12)
            para.add_run(f"{title.strip()}\t{self.pages.get(key, '00')}")

    def cover(self, c: Cover) -> None:
        self.text(self.w.add_paragraph(), [Run(c.inspectorate)], 10)
        for _ in range(4):
            self.w.add_paragraph()
        self.text(self.w.add_paragraph(), [Run(c.title)], 24, self.accent, bold=True)
        self.text(self.w.add_paragraph(), [Run(c.subtitle)], 14)
        self.text(self.w.add_paragraph(), [Run(c.date)], 14)
        for _ in range(8):
            self.w.add_paragraph()
        for line in c.lines:
            self.text(self.w.add_paragraph(), [Run(line)], 10)

    def page_break(self) -> None:
        from docx.enum.text import WD_BREAK

        self.w.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def build(self) -> bytes:
        import io

        from docx.enum.section import WD_SECTION

        for block in self.doc.blocks:
            if isinstance(block, Part):
                if not self.first_part:
                    section = self.w.add_section(WD_SECTION.NEW_PAGE)
                    self._page_setup(section)
                    self._columns(section, 2 if (block.role == "body" and self.d.columns == 2) else 1)
                self.first_part = False
                self.role = block.role
                self.first_chapter = True
                continue
            if isinstance(block, Heading):
                if block.level == 1 and self.role == "body":
                    if self.d.chapter_breaks and not self.first_chapter:
                        self.page_break()
                    self.first_chapter = False
                self.heading(self.w, block)
            elif isinstance(block, Para):
                self.para(self.w, block)
            elif isinstance(block, Box):
                self.box(block)
            elif isinstance(block, DocTable):
                self.table(block)
            elif isinstance(block, Figure):
                self.figure(block)
            elif isinstance(block, Contents):
                self.contents(block)
            elif isinstance(block, Cover):
                self.cover(block)
            elif isinstance(block, DocPageBreak):
                self.page_break()
        buf = io.BytesIO()
        self.w.core_properties.title = self.doc.title
        self.w.save(buf)
        return buf.getvalue()


def convert(docx: bytes, workdir: Path) -> bytes:
    """Convert a .docx to PDF with headless LibreOffice (its own throw-away profile)."""
    binary = soffice_binary()
    if binary is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    src = workdir / "report.docx"
    src.write_bytes(docx)
    profile = workdir / "lo-profile"
    cmd = [binary, "--headless", "--norestore", "--nolockcheck", f"-env:UserInstallation={profile.as_uri()}",
           "--convert-to", "pdf", "--outdir", str(workdir), str(src)]
    env = {**os.environ, "HOME": str(workdir)}
    subprocess.run(cmd, check=True, capture_output=True, timeout=240, env=env)
    return (workdir / "report.pdf").read_bytes()


def render_docx(doc: Document, draw: Draw, inspectorate: str = "HMICFRS") -> Rendered:
    """Write and convert twice (the second time with cited pages filled in), locate statements, stamp heads."""
    pages: dict[str, str] = {}
    located: Located | None = None
    with tempfile.TemporaryDirectory(prefix="report-docx-") as tmp:
        for _ in range(3):
            pdf = convert(DocxWriter(doc, draw, inspectorate, pages).build(), Path(tmp))
            texts = page_texts(pdf, body_box(draw))
            located = locate(doc.blocks, texts)
            roles = roles_from_parts(located.part_starts, len(texts))
            labels = printed_labels(draw, roles)
            new_pages = {k: labels[i] or "00" for k, i in located.key_pages.items()}
            new_pages.update({t: labels[p[0]] or "00" for t, p in located.tag_pages.items()})
            if new_pages == pages:
                break
            pages = new_pages
    assert located is not None
    check_body(located, roles)
    final = finish(pdf, doc, draw, roles, labels, notes_by_page(doc, located.tag_pages))
    tags = {k: v for k, v in located.tag_pages.items() if not k.startswith("note:")}
    return Rendered(pdf=final, roles=roles, labels=labels, tag_pages=tags, key_pages=located.key_pages)
