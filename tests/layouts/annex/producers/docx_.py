"""Word-processor producer: python-docx builds the document, LibreOffice Writer exports the PDF.

This is how most PCC responses are made: a Word letter with the annex as a Word table. Rows may break
across pages (no ``cantSplit``), header rows repeat only when marked ``tblHeader``, band rows are merged
cells, rules are table/cell borders, page numbers are PAGE/NUMPAGES fields.
"""

from __future__ import annotations

from pathlib import Path

from ..layout import AnnexDoc, TablePart, split_marks
from . import MM, page_size_pt
from ._tools import soffice_to_pdf

FONTS = {"serif": ("Times New Roman", "Liberation Serif", "Georgia", "Cambria"),
         "sans": ("Arial", "Calibri", "Verdana", "Liberation Sans")}


def _el(tag: str, **attrs: str):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement(tag)
    for k, v in attrs.items():
        el.set(qn(f"w:{k}"), v)
    return el


def _border(parent, edge: str, size_pt: float, colour: str) -> None:
    parent.append(_el(f"w:{edge}", val="single", sz=str(int(size_pt * 8)), space="0", color=colour.lstrip("#")))


def add_runs(paragraph, text: str, raised: bool, *, bold: bool = False, size: float | None = None,
             colour: str | None = None) -> None:
    from docx.shared import Pt, RGBColor

    for k, line in enumerate(text.split("\n")):
        if k:
            paragraph.add_run().add_break()
        for piece, mark in split_marks(line, raised):
            run = paragraph.add_run(piece)
            run.bold = bold or None
            run.font.superscript = mark or None
            if size:
                run.font.size = Pt(size)
            if colour:
                run.font.color.rgb = RGBColor.from_string(colour.lstrip("#"))


def set_cell(cell, text: str, raised: bool, *, bold: bool = False, align: str = "left", fill: str | None = None,
             colour: str | None = None, valign: str = "top", paragraphs: bool = False) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    chunks = text.split("\n") if paragraphs else [text]
    for k, chunk in enumerate(chunks):
        p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        p.paragraph_format.space_after = 0
        if align == "center":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_runs(p, chunk, raised, bold=bold, colour=colour)
    middle = valign == "middle"
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER if middle else WD_CELL_VERTICAL_ALIGNMENT.TOP
    if fill:
        cell._tc.get_or_add_tcPr().append(_el("w:shd", val="clear", color="auto", fill=fill.lstrip("#")))


def table_borders(table, draw) -> None:
    """Whole-table borders for grid / hrules / booktabs (header rules are added per cell)."""
    colour = draw.colours["rule"]
    tblPr = table._tbl.tblPr
    borders = _el("w:tblBorders")
    if draw.rules == "grid":
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            _border(borders, edge, 0.5, colour)
    elif draw.rules == "hrules":
        for edge in ("top", "bottom", "insideH"):
            _border(borders, edge, 0.5, colour)
    elif draw.rules == "booktabs":
        for edge in ("top", "bottom"):
            _border(borders, edge, 1.25, colour)
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if borders.find(f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{edge}") is None:
            borders.append(_el(f"w:{edge}", val="nil"))
    tblPr.append(borders)
    tblPr.append(_el("w:tblLayout", type="fixed"))


def fits_one_page(cells: list[str], part: TablePart, draw, width_pt: float) -> bool:
    """Whether a row surely fits on one page, so that keeping it whole is safe.

    Writer clips a ``cantSplit`` row taller than its page (Word breaks it anyway): the clipped text is never
    printed, yet the gold has it (annex-9451-57, -9433-49). The estimate errs on the side of letting rows split.
    """
    _, page_h = page_size_pt(draw)
    usable = page_h - 2 * draw.margins_mm * MM
    lines = 0
    for text, col in zip(cells, part.columns, strict=False):  # a band row has one cell
        per_line = max(1, int(col.width * width_pt / (0.55 * draw.font_size)))
        lines = max(lines, sum(1 + len(para) // per_line for para in text.split("\n")))
    return lines * draw.font_size * 1.4 < 0.6 * usable


def add_table(document, doc: AnnexDoc, part: TablePart, width_pt: float) -> None:
    from docx.shared import Pt

    draw = doc.draw
    raised = draw.footnote_marks == "raised"
    n = len(part.columns)
    table = document.add_table(rows=len(part.rows), cols=n)
    table.autofit = False
    table_borders(table, draw)
    widths = [Pt(c.width * width_pt) for c in part.columns]
    for column, w in zip(table.columns, widths, strict=True):
        column.width = w  # the tblGrid widths: what Writer lays a fixed table out by
    table._tbl.tblPr.append(_el("w:tblW", w=str(int(width_pt * 20)), type="dxa"))
    odd = False
    for i, (row, trow) in enumerate(zip(part.rows, table.rows, strict=True)):
        trPr = trow._tr.get_or_add_trPr()
        if not draw.rows_split and fits_one_page(row.cells, part, draw, width_pt):
            trPr.append(_el("w:cantSplit"))
        if part.repeat and i < part.head:
            trPr.append(_el("w:tblHeader"))
        for cell, w in zip(trow.cells, widths, strict=True):
            cell.width = w
        if row.kind in ("title", "band"):
            merged = trow.cells[0].merge(trow.cells[n - 1])
            fill = draw.colours["band"] if row.kind == "band" and draw.band_look["shaded"] else None
            bold = row.kind == "title" or draw.band_look["bold"]
            set_cell(merged, row.cells[0], raised, bold=bold, fill=fill)
            continue
        header = row.kind == "header"
        fill = draw.colours["header"] if header and draw.header_fill else (
            draw.colours["zebra"] if not header and draw.zebra and odd else None)
        for cell, text, col in zip(trow.cells, row.cells, part.columns, strict=True):
            valign = draw.ref_valign if col.key in ("ref", "page", "type") and not header else "top"
            set_cell(cell, text, raised and not header, bold=header, align=col.align if not header else "left",
                     fill=fill, colour=draw.colours["header_text"] if header and draw.header_fill else None,
                     valign=valign, paragraphs=not header)
            if header and draw.rules in ("header_rule", "booktabs"):
                borders = _el("w:tcBorders")
                _border(borders, "bottom", 0.75, draw.colours["rule"])
                cell._tc.get_or_add_tcPr().append(borders)
        if not header:
            odd = not odd
    document.add_paragraph().paragraph_format.space_after = Pt(2)


def add_field(paragraph, code: str) -> None:
    """A simple field (PAGE, NUMPAGES) that Writer fills in when it lays out the pages."""
    fld = _el("w:fldSimple", instr=f" {code} ")
    run = _el("w:r")
    t = _el("w:t")
    t.text = "1"
    run.append(t)
    fld.append(run)
    paragraph._p.append(fld)


def running(paragraph, template: str, size: float, align) -> None:
    from docx.shared import Pt

    paragraph.alignment = align
    rest = template
    while rest:
        cuts = [(rest.find(t), t) for t in ("{pages}", "{page}") if t in rest]
        if not cuts:
            paragraph.add_run(rest).font.size = Pt(size)
            break
        cut, token = min(cuts)
        if cut:
            paragraph.add_run(rest[:cut]).font.size = Pt(size)
        add_field(paragraph, "NUMPAGES" if token == "{pages}" else "PAGE")
        rest = rest[cut + len(token):]


def build_docx(doc: AnnexDoc, path: Path) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    draw = doc.draw
    raised = draw.footnote_marks == "raised"
    document = Document()
    pool = FONTS[draw.font_family]
    font = pool[draw.font_choice % len(pool)]
    normal = document.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(draw.font_size)
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(qn("w:cs"), font)
    normal.paragraph_format.space_after = Pt(draw.font_size * 0.5)
    section = document.sections[0]
    w, h = page_size_pt(draw)
    section.orientation = WD_ORIENT.LANDSCAPE if draw.orientation == "landscape" else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Pt(w), Pt(h)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Pt(draw.margins_mm * MM))
    small = max(7, draw.font_size - 1.5)
    if doc.running_header:
        running(section.header.paragraphs[0], doc.running_header, small, WD_ALIGN_PARAGRAPH.RIGHT)
    if doc.running_footer:
        running(section.footer.paragraphs[0], doc.running_footer, small, WD_ALIGN_PARAGRAPH.CENTER)
    width_pt = w - 2 * draw.margins_mm * MM
    for item in doc.items:
        if item.kind == "heading":
            p = document.add_paragraph()
            p.paragraph_format.space_before = Pt(draw.font_size * 0.8)
            p.paragraph_format.keep_with_next = True
            add_runs(p, item.text, False, bold=True, size=draw.font_size + (4 if item.level == 1 else 1.5))
        elif item.kind in ("para", "footnote"):
            p = document.add_paragraph()
            add_runs(p, item.text, raised, size=max(6.5, draw.font_size - 2) if item.kind == "footnote" else None)
            if item.kind == "footnote":
                p.paragraph_format.space_after = Pt(1)
        elif item.kind == "grades":
            t = document.add_table(rows=len(item.grid), cols=2)
            t.style = document.styles["Table Grid"]
            for row, (a, b) in zip(t.rows, item.grid, strict=True):
                row.cells[0].text, row.cells[1].text = a, b
            document.add_paragraph()
        elif item.kind == "pagebreak":
            document.add_page_break()
        elif item.kind == "table":
            add_table(document, doc, item.table, width_pt)
    document.core_properties.author = doc.content.meta["pcc"]
    document.core_properties.title = doc.title
    document.save(path)


def render(doc: AnnexDoc, workdir: Path) -> bytes:
    path = workdir / "annex.docx"
    build_docx(doc, path)
    return soffice_to_pdf(path, workdir)
