"""reportlab platypus producer: a ``Table`` or ``LongTable`` flowing through a ``SimpleDocTemplate``.

Pip-only (built-in Helvetica/Times or the Vera TTF that ships inside reportlab), so CI can render variants
at test time. Rows split inside a row when the draw says so (``splitInRow``), headers repeat via ``repeatRows``.
"""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from ..layout import AnnexDoc, Item, TablePart, split_marks
from . import MM, page_size_pt

FONTS = {"serif": ("Times-Roman",), "sans": ("Helvetica", "Vera")}
BOLD = {"Times-Roman": "Times-Bold", "Helvetica": "Helvetica-Bold", "Vera": "Vera-Bold"}
WINANSI_MARKS = "¹²³"


def font_names(draw) -> tuple[str, str]:
    """(regular, bold) for the draw; registers Vera from reportlab's own fonts folder when chosen."""
    pool = FONTS[draw.font_family]
    name = pool[draw.font_choice % len(pool)]
    if name == "Vera":
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        if "Vera" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))
            pdfmetrics.registerFont(TTFont("Vera-Bold", "VeraBd.ttf"))
    return name, BOLD[name]


def markup(text: str, raised: bool) -> str:
    """Paragraph markup for a cell: escaped, line breaks kept, footnote marks raised where asked or needed."""
    out = []
    for line in text.split("\n"):
        pieces = []
        for run, is_mark in split_marks(line, True):
            keep = not raised and is_mark and all(SUPER_OF[d] in WINANSI_MARKS for d in run)
            if is_mark and not keep:
                pieces.append(f"<super>{run}</super>")
            elif is_mark:
                pieces.append("".join(SUPER_OF[d] for d in run))
            else:
                pieces.append(escape(run))
        out.append("".join(pieces))
    return "<br/>".join(out)


SUPER_OF = dict(zip("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹", strict=True))


def _styles(draw):
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    regular, bold = font_names(draw)
    size = draw.font_size
    base = ParagraphStyle("base", fontName=regular, fontSize=size, leading=size * 1.22)
    return {
        "body": ParagraphStyle("body", parent=base, spaceAfter=size * 0.6),
        "cell": base,
        "cell_c": ParagraphStyle("cell_c", parent=base, alignment=TA_CENTER),
        "head": ParagraphStyle("head", parent=base, fontName=bold,
                               textColor=colors.HexColor(draw.colours["header_text"]) if draw.header_fill
                               else colors.black),
        "band": ParagraphStyle("band", parent=base, fontName=bold if draw.band_look["bold"] else regular),
        "title": ParagraphStyle("title", parent=base, fontName=bold, fontSize=size + 1, leading=(size + 1) * 1.2,
                                alignment=TA_LEFT),
        "h1": ParagraphStyle("h1", parent=base, fontName=bold, fontSize=size + 4, leading=(size + 4) * 1.25,
                             spaceBefore=size, spaceAfter=size * 0.6),
        "h2": ParagraphStyle("h2", parent=base, fontName=bold, fontSize=size + 1.5, leading=(size + 1.5) * 1.25,
                             spaceBefore=size * 0.9, spaceAfter=size * 0.5),
        "foot": ParagraphStyle("foot", parent=base, fontSize=max(6.5, size - 2), leading=max(6.5, size - 2) * 1.2),
    }


def rule_commands(draw, part: TablePart) -> list[tuple]:
    """TableStyle commands for the drawn rule style, fills, band rows, spans and alignment."""
    from reportlab.lib import colors

    rule = colors.HexColor(draw.colours["rule"])
    n = len(part.rows)
    head = part.head
    header_at = next((i for i, r in enumerate(part.rows) if r.kind == "header"), None)
    cmds: list[tuple] = [("VALIGN", (0, 0), (-1, -1), "TOP"),
                         ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4)]
    for ci, col in enumerate(part.columns):
        if col.key in ("ref", "page", "type") and draw.ref_valign == "middle":
            cmds.append(("VALIGN", (ci, head), (ci, -1), "MIDDLE"))
    if draw.rules == "grid":
        cmds.append(("GRID", (0, 0), (-1, -1), 0.5, rule))
    elif draw.rules == "hrules":
        cmds += [("LINEABOVE", (0, 0), (-1, 0), 0.5, rule), ("LINEBELOW", (0, 0), (-1, -1), 0.5, rule)]
    elif draw.rules == "header_rule" and header_at is not None:
        cmds.append(("LINEBELOW", (0, header_at), (-1, header_at), 0.8, rule))
    elif draw.rules == "booktabs":
        cmds += [("LINEABOVE", (0, 0), (-1, 0), 1.2, rule), ("LINEBELOW", (0, -1), (-1, -1), 1.2, rule)]
        if header_at is not None:
            cmds.append(("LINEBELOW", (0, header_at), (-1, header_at), 0.6, rule))
    if draw.header_fill and header_at is not None:
        cmds.append(("BACKGROUND", (0, header_at), (-1, header_at), colors.HexColor(draw.colours["header"])))
    if draw.zebra:
        for i in range(head, n):
            if part.rows[i].kind == "data" and (i - head) % 2:
                cmds.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor(draw.colours["zebra"])))
    for i, row in enumerate(part.rows):
        if row.kind in ("band", "title"):
            cmds.append(("SPAN", (0, i), (-1, i)))
        if row.kind == "band" and draw.band_look["shaded"]:
            cmds.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor(draw.colours["band"])))
    return cmds


def table_flowable(doc: AnnexDoc, part: TablePart, styles: dict, width: float):
    from reportlab.platypus import LongTable, Paragraph, Table, TableStyle

    draw = doc.draw
    raised = draw.footnote_marks == "raised"
    data = []
    for row in part.rows:
        if row.kind in ("band", "title"):
            style = styles["band"] if row.kind == "band" else styles["title"]
            data.append([Paragraph(markup(row.cells[0], raised), style)] + [""] * (len(part.columns) - 1))
        elif row.kind == "header":
            data.append([Paragraph(markup(t, False), styles["head"]) for t in row.cells])
        else:
            data.append([Paragraph(markup(t, raised), styles["cell_c" if col.align == "center" else "cell"])
                         for t, col in zip(row.cells, part.columns, strict=True)])
    cls = LongTable if draw.variant == "LongTable" else Table
    table = cls(data, colWidths=[c.width * width for c in part.columns], repeatRows=part.head if part.repeat else 0,
                splitByRow=1, splitInRow=1 if draw.rows_split else 0, hAlign="LEFT")
    table.setStyle(TableStyle(rule_commands(draw, part)))
    return table


def grades_flowable(grid: list[tuple[str, str]], styles: dict, width: float):
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    data = [[Paragraph(escape(a), styles["cell"]), Paragraph(escape(b), styles["cell"])] for a, b in grid]
    table = Table(data, colWidths=[width * 0.7, width * 0.3], hAlign="LEFT")
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9D9D9"))]))
    return table


def flowables(doc: AnnexDoc, width: float) -> list:
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    styles = _styles(doc.draw)
    raised = doc.draw.footnote_marks == "raised"
    out: list = []
    item: Item
    for item in doc.items:
        if item.kind == "heading":
            out.append(Paragraph(markup(item.text, False), styles["h1" if item.level == 1 else "h2"]))
        elif item.kind == "para":
            out.append(Paragraph(markup(item.text, raised), styles["body"]))
        elif item.kind == "footnote":
            out.append(Paragraph(markup(item.text, raised), styles["foot"]))
        elif item.kind == "grades":
            out += [grades_flowable(item.grid, styles, width * 0.8), Spacer(1, 8)]
        elif item.kind == "pagebreak":
            out.append(PageBreak())
        elif item.kind == "table":
            out += [table_flowable(doc, item.table, styles, width), Spacer(1, doc.draw.font_size)]
    return out


def running_text(template: str | None, page: int, pages: int) -> str | None:
    return template.format(page=page, pages=pages) if template else None


def render(doc: AnnexDoc, workdir: Path | None = None) -> bytes:
    """Build twice: the first pass counts pages so footers can say "Page 3 of 9"."""
    from reportlab.platypus import SimpleDocTemplate

    draw = doc.draw
    w, h = page_size_pt(draw)
    margin = draw.margins_mm * MM
    regular, _ = font_names(draw)
    pages = [0]

    def on_page(canvas, template) -> None:
        page = canvas.getPageNumber()
        pages[0] = max(pages[0], page)
        canvas.saveState()
        canvas.setFont(regular, max(7, draw.font_size - 1.5))
        head = running_text(doc.running_header, page, total)
        foot = running_text(doc.running_footer, page, total)
        if head:
            canvas.drawRightString(w - margin, h - margin * 0.55, head)
        if foot:
            canvas.drawCentredString(w / 2, margin * 0.45, foot)
        canvas.restoreState()

    total = 0
    data = b""
    for _ in range(2):
        buf = io.BytesIO()
        template = SimpleDocTemplate(buf, pagesize=(w, h), leftMargin=margin, rightMargin=margin, topMargin=margin,
                                     bottomMargin=margin, title=doc.title, author=doc.content.meta["pcc"], creator="",
                                     invariant=1)
        template.build(flowables(doc, w - 2 * margin), onFirstPage=on_page, onLaterPages=on_page)
        data = buf.getvalue()
        if total == pages[0]:
            break
        total = pages[0]
    return data
