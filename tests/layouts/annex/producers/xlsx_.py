"""Spreadsheet producer: openpyxl writes the tracker, LibreOffice Calc prints it to PDF.

Many forces keep the action plan in Excel and publish it printed to PDF: print area, fit to one page
wide, repeated title rows, header/footer codes (&P, &N). A sheet has no covering letter; Calc never
breaks a row across pages, so ``adapt`` records both.
"""

from __future__ import annotations

from pathlib import Path

from ..layout import AnnexDoc, TablePart, split_marks
from ._tools import soffice_to_pdf

FONTS = {"serif": ("Times New Roman", "Liberation Serif", "Cambria", "Georgia"),
         "sans": ("Arial", "Calibri", "Liberation Sans", "Verdana")}
PAPER = {"A4": 9, "Letter": 1}


def rich(text: str, raised: bool, font_name: str, size: float, bold: bool = False):
    """Cell value: plain text, or rich text with superscript footnote marks."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    pieces = split_marks(text, raised)
    if len(pieces) == 1 and not pieces[0][1]:
        return text
    return CellRichText([TextBlock(InlineFont(rFont=font_name, sz=size, b=bold or None,
                                              vertAlign="superscript" if mark else None), run)
                         for run, mark in pieces])


def build_xlsx(doc: AnnexDoc, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    draw = doc.draw
    raised = draw.footnote_marks == "raised"
    pool = FONTS[draw.font_family]
    font_name = pool[draw.font_choice % len(pool)]
    size = draw.font_size
    wb = Workbook()
    ws = wb.active
    ws.title = "Action plan"
    parts = doc.tables
    columns = parts[0].columns
    n = len(columns)
    last = get_column_letter(n)
    chars = 150 if draw.orientation == "landscape" else 105
    for i, col in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(5, round(col.width * chars, 1))
    side = Side(style="thin", color=draw.colours["rule"].lstrip("#"))
    thick = Side(style="medium", color=draw.colours["rule"].lstrip("#"))
    none = Side(style=None)
    plain = Font(name=font_name, size=size)
    bold = Font(name=font_name, size=size, bold=True)
    fill = lambda c: PatternFill("solid", fgColor=c.lstrip("#"))  # noqa: E731
    r = 1
    header_rows: list[int] = []

    widths_pt = [max(5, round(c.width * chars, 1)) * 5.25 for c in columns]
    def height(values: list, merged: bool, font_size: float) -> float:
        """Calc keeps the row heights it is given: estimate them from wrapped lines, erring tall.

        Measured with Helvetica widened by a fifth: the fonts Calc falls back to (DejaVu for Calibri, Cambria,
        Georgia, Verdana) are wider than Helvetica/Times, and a row a little too tall is what Excel's autofit
        leaves anyway, while one too short puts a cell's last line on the rule below.
        """
        from .canvas_ import wrap

        spans = [sum(widths_pt)] if merged else widths_pt
        texts = [str(v) if v is not None else "" for v in values[:len(spans)]]
        lines = max(len(wrap(t, "Helvetica", font_size * 1.2, w - 8)) if t else 1 for t, w in zip(texts, spans,
                                                                                                    strict=False))
        return round(lines * font_size * 1.32 + 6, 1)

    def put_row(values: list, *, font=plain, cell_fill=None, merge=False, wrap=True, valigns=None, aligns=None,
                border=None) -> None:
        nonlocal r
        for j, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=j, value=value)
            cell.font = font
            cell.alignment = Alignment(wrap_text=wrap, vertical=(valigns or {}).get(j, "top"),
                                       horizontal=(aligns or {}).get(j))
            if cell_fill:
                cell.fill = cell_fill
            if border:
                cell.border = border
        if merge:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=n)
        if wrap:
            ws.row_dimensions[r].height = height(values, merge, font.sz or size)
        r += 1

    def borders(kind: str, first: bool, last_row: bool) -> Border | None:
        rules = draw.rules
        if rules == "grid":
            return Border(left=side, right=side, top=side, bottom=side)
        if rules == "hrules":
            return Border(top=side, bottom=side)
        if rules == "header_rule" and kind == "header":
            return Border(bottom=side)
        if rules == "booktabs":
            return Border(top=thick if first else none, bottom=side if kind == "header" else (
                thick if last_row else none))
        return None

    for item in doc.items:
        if item.kind == "heading":
            r += item.level == 2
            put_row([rich(item.text, False, font_name, size + 2, True)],
                    font=Font(name=font_name, size=size + 2, bold=True), wrap=False)
        elif item.kind == "footnote":
            put_row([rich(item.text, raised, font_name, max(6.5, size - 2))],
                    font=Font(name=font_name, size=max(6.5, size - 2)), wrap=False)
        elif item.kind == "table":
            part: TablePart = item.table
            odd = False
            for k, row in enumerate(part.rows):
                first, final = k == 0, k == len(part.rows) - 1
                b = borders(row.kind, first, final)
                if row.kind in ("title", "band"):
                    shaded = row.kind == "band" and draw.band_look["shaded"]
                    is_bold = row.kind == "title" or draw.band_look["bold"]
                    put_row([rich(row.cells[0], raised, font_name, size, is_bold)] + [None] * (n - 1),
                            font=bold if is_bold else plain, cell_fill=fill(draw.colours["band"]) if shaded else None,
                            merge=True, border=b)
                elif row.kind == "header":
                    header_rows.append(r)
                    colour = draw.colours["header_text"] if draw.header_fill else "#000000"
                    put_row(list(row.cells), font=Font(name=font_name, size=size, bold=True, color=colour.lstrip("#")),
                            cell_fill=fill(draw.colours["header"]) if draw.header_fill else None, border=b)
                else:
                    z = fill(draw.colours["zebra"]) if draw.zebra and odd else None
                    valigns = {j: "center" for j, c in enumerate(part.columns, start=1)
                               if c.key in ("ref", "page", "type") and draw.ref_valign == "middle"}
                    aligns = {j: "center" for j, c in enumerate(part.columns, start=1) if c.align == "center"}
                    values = [rich(t, raised, font_name, size) if t else None for t in row.cells]
                    put_row(values, cell_fill=z, valigns=valigns, aligns=aligns, border=b)
                    odd = not odd
            r += 1
    ws.print_area = f"A1:{last}{r}"
    ws.page_setup.orientation = draw.orientation
    ws.page_setup.paperSize = PAPER[draw.page_size]
    ws.page_setup.fitToWidth = 1
    # one page wide, as many high as it takes: 0 (Excel's "automatic") makes Calc shrink the sheet to fewer
    # pages and drop the rows that no longer fit (annex-9451-41 lost its last two rows, -9433-67 one)
    ws.page_setup.fitToHeight = 999
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    inch = draw.margins_mm / 25.4
    ws.page_margins.left = ws.page_margins.right = ws.page_margins.top = ws.page_margins.bottom = inch
    if parts[0].repeat and header_rows:
        head_start = header_rows[0] - (parts[0].head - 1)
        ws.print_title_rows = f"{head_start}:{header_rows[0]}"
    codes = lambda t: t.replace("&", "&&").replace("{pages}", "&N").replace("{page}", "&P")  # noqa: E731
    if doc.running_header:
        ws.oddHeader.right.text = codes(doc.running_header)
    if doc.running_footer:
        ws.oddFooter.center.text = codes(doc.running_footer)
    wb.properties.title = doc.title
    wb.properties.creator = doc.content.meta["pcc"]
    wb.save(path)


def render(doc: AnnexDoc, workdir: Path) -> bytes:
    path = workdir / "annex.xlsx"
    build_xlsx(doc, path)
    return soffice_to_pdf(path, workdir)
