"""Minimal annex PDFs for the table tests, built with reportlab at test time (no committed binaries)."""

from __future__ import annotations

import itertools
from pathlib import Path

FIVE_COLUMNS = ("Ref", "Page", "Area for improvement / Recommendation", "Lead officer", "Update")


def banded_rows() -> list[tuple[str, ...]]:
    """Four sections as full-width bands in capitals with themes; refs restart at 1 under each band."""
    out: list[tuple[str, ...]] = []
    bands = (("AREAS FOR IMPROVEMENT – EFFICIENCY", 3), ("AREAS FOR IMPROVEMENT – LEGITIMACY", 2),
             ("CAUSE OF CONCERN", 1), ("RECOMMENDATIONS (in response to the cause of concern)", 3))
    page = 10
    for band, count in bands:
        out.append((band,))
        for n in range(1, count + 1):
            page += 2
            out.append((str(n), f"Page {page}", f"The force should improve item {n} of {band.split()[0].lower()} "
                        f"so that victims are kept informed.", "ACC Smith", ""))
    return out


def five_column_annex(path: Path, rows: list[tuple[str, ...]], ruled: bool) -> Path:
    """A landscape annex: header row, bands spanning all five columns, grid rules or none."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    style = getSampleStyleSheet()["BodyText"]
    data = [[Paragraph(c, style) for c in FIVE_COLUMNS]]
    spans = []
    for row in rows:
        if len(row) == 1:
            spans.append(len(data))
            data.append([Paragraph(f"<b>{row[0]}</b>", style), "", "", "", ""])
        else:
            data.append([Paragraph(c, style) if c else "" for c in row])
    table = Table(data, colWidths=[45, 60, 380, 90, 150], repeatRows=1)
    commands = [("VALIGN", (0, 0), (-1, -1), "TOP"), *[("SPAN", (0, r), (-1, r)) for r in spans]]
    if ruled:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    table.setStyle(TableStyle(commands))
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build([Paragraph("Annex A: force response", style), table])
    return path


def cut_row_annex(path: Path) -> Path:
    """A ruled annex over two pages whose third row is cut by the page break with its borders left open,
    as a browser prints a long row: page 1 ends the row's column rules without a bottom rule, page 2
    starts them without a top rule. The ref sits at the row's top, on page 1."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    xs = [50, 100, 170, 545]
    c = canvas.Canvas(str(path), pagesize=A4)
    height = A4[1]

    def rows_at(top: float, rows: list[tuple[str, str, list[str]]], open_top: bool, open_bottom: bool) -> None:
        y = top
        ys = [y]
        for ref, page, lines in rows:
            c.setFont("Helvetica", 10)
            c.drawString(xs[0] + 4, y - 13, ref)
            c.drawString(xs[1] + 4, y - 13, page)
            for k, text in enumerate(lines):
                c.drawString(xs[2] + 4, y - 13 - 12 * k, text)
            y -= 8 + 12 * len(lines)
            ys.append(y)
        for k, yy in enumerate(ys):
            if (k == 0 and open_top) or (k == len(ys) - 1 and open_bottom):
                continue
            c.line(xs[0], yy, xs[-1], yy)
        for x in xs:
            c.line(x, ys[0], x, ys[-1])

    c.drawString(50, height - 40, "Annex A: assurance template")
    rows_at(height - 60, [("Ref", "Page", ["Issue of concern"]),
                          ("1", "Page 4", ["The force does not record all crimes."]),
                          ("2", "Page 6", ["Supervision of investigations is weak."]),
                          ("3", "Page 8", ["Victims are not always told about the progress of their",
                                           "cases, and the force does not check that officers"])],
            open_top=False, open_bottom=True)
    c.showPage()
    rows_at(height - 60, [("", "", ["update them as the Victims' Code requires."]),
                          ("4", "Page 9", ["The force should review its use of bail."])],
            open_top=True, open_bottom=False)
    c.showPage()
    c.save()
    return path


def titled_table_annex(path: Path) -> Path:
    """A heading above a ruled table whose first rows are title rows (spanning the columns) over the header."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    style = getSampleStyleSheet()["BodyText"]
    data = [[Paragraph("Appendix A: action plan in response to the inspection", style), "", "", ""],
            [Paragraph("Version 1.2 – 9 September 2022", style), "", "", ""],
            [Paragraph(c, style) for c in ("Number", "Report page", "Recommendation", "Update")],
            [Paragraph(c, style) for c in ("1)", "p. 7", "The force does not understand its demand.", "")],
            [Paragraph(c, style) for c in ("2)", "p. 10", "Too many investigations are poorly supervised.", "")]]
    table = Table(data, colWidths=[60, 70, 260, 120])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("SPAN", (0, 0), (-1, 0)),
                               ("SPAN", (0, 1), (-1, 1)), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    SimpleDocTemplate(str(path), pagesize=A4).build([Paragraph("<b>Cause for Concern</b>", style), table])
    return path


def unspaced_annex(path: Path, scale: float = 1.0) -> Path:
    """An unruled annex over two pages set as pdflatex sets text: every word drawn on its own with no space
    characters (the gaps are the spaces, a fifth of the font size), a folio "- n -" centred at each page's
    foot. ``scale`` draws everything through a scaled page matrix (as Chromium prints, px -> pt)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    size = 10.0

    def words_at(x: float, y: float, text: str) -> None:
        for word in text.split():
            c.drawString(x, y, word)
            x += c.stringWidth(word, "Helvetica", size) + 0.2 * size

    rows = [("1", "Page 4", ["The force does not record all crimes that are", "reported to it."]),
            ("2", "Page 6", ["Supervision of investigations is weak."]),
            ("3", "Page 8", ["Victims are not always told about the progress", "of their cases."])]
    for page, part in enumerate((rows[:2], rows[2:]), start=1):
        c.saveState()
        c.translate(0, height)
        c.scale(scale, scale)
        c.translate(0, -height / scale)
        top = height / scale - 80
        c.setFont("Helvetica", size)
        if page == 1:
            words_at(50, top, "Annex A: areas for improvement")
            top -= 30
        for x, label in ((50, "Ref"), (90, "Page"), (150, "Area for improvement")):
            words_at(x, top, label)
        top -= 20
        for ref, page_ref, lines in part:
            c.drawString(50, top, ref)
            words_at(90, top, page_ref)
            for k, text in enumerate(lines):
                words_at(150, top - 12 * k, text)
            top -= 12 * len(lines) + 8
        c.drawCentredString(width / scale / 2, 60, f"- {page} -")
        c.restoreState()
        c.showPage()
    c.save()
    return path


def headed_annex_without_ref_word(path: Path) -> Path:
    """An annex whose header names no "ref" ("No. | Page | Detail | Owner"), under a section heading on a line of
    its own, after a letter that speaks of the HMICFRS inspection: it reads like an inspection report too."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    style = getSampleStyleSheet()["BodyText"]
    story = [Paragraph("HMICFRS published its PEEL inspection of the force. The annex sets out the force's response "
                       "to each finding of the inspection.", style),
             Paragraph("Areas for improvement", getSampleStyleSheet()["Heading2"])]
    data = [["No.", "Page", "Detail", "Owner"],
            ["1.", "Page 12", Paragraph("The force should improve how it records crime.", style), "ACC Smith"],
            ["2.", "Page 14", Paragraph("The force should review its use of bail.", style), "Supt Jones"],
            ["3.", "pp. 20-21", Paragraph("The force should improve its supervision of investigations.", style), ""]]
    story.append(Table(data, colWidths=[40, 60, 280, 90]))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def shaded_tables_annex(path: Path) -> Path:
    """Two tables drawn with no rules at all: every second row shaded cell by cell (as Writer fills cells), the
    text column first, a heading over each table within the text column's span, and footnotes in small print
    alone on a last page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    height = A4[1]
    xs = [60, 380, 430, 520]  # Issue | Ref | Page
    y = height - 70

    def table(top: float, rows: list[tuple[str, str, list[str]]]) -> float:
        for k, (ref, page, lines) in enumerate([("Ref", "Page", ["Issue"]), *rows]):
            tall = 14 * len(lines) + 6
            if k % 2 == 0:
                c.setFillGray(0.88)
                for a, b in itertools.pairwise(xs):
                    c.rect(a, top - tall, b - a, tall, stroke=0, fill=1)
                c.setFillGray(0)
            c.setFont("Helvetica", 10)
            for n, text in enumerate(lines):
                c.drawString(xs[0] + 3, top - 13 - 14 * n, text)
            c.drawString(xs[1] + 3, top - 13, ref)
            c.drawString(xs[2] + 3, top - 13, page)
            top -= tall
        return top

    c.setFont("Helvetica-Bold", 11)
    c.drawString(xs[0] + 3, y, "Issues of concern")
    y = table(y - 10, [("1", "Page 4", ["Victims are not kept informed about", "their cases."]),
                       ("2", "Page 6", ["Supervision of investigations is weak."]),
                       ("3", "Page 9", ["The force does not record all crime."])])
    c.setFont("Helvetica-Bold", 11)
    c.drawString(xs[0] + 3, y - 30, "Section 2: Areas for improvement")
    table(y - 40, [("1", "Page 12", ["The force should improve its use of bail."]),
                   ("2", "Page 15", ["The force should review its call handling."])])
    c.showPage()
    c.setFont("Helvetica", 6.5)
    c.drawString(xs[0] + 3, height - 60, "1 The Code of Practice for Victims of Crime, Ministry of Justice, 2015.")
    c.drawString(xs[0] + 3, height - 70, "2 Police National Computer checks and requests.")
    c.showPage()
    c.save()
    return path


AFI_ROWS = [(str(n), f"Page {10 + 2 * n}", text) for n, text in enumerate(
    ("The force should improve how it records crime.", "The force should review its use of bail.",
     "The force should improve its supervision of investigations.", "The force should answer calls faster."),
    start=1)]


def titled_ruled_annex_page(path: Path) -> Path:
    """One page: a heading "Areas for improvement" over a ruled table whose first row is a title row spanning the
    columns, then the header, then four AFIs (large type, so a scan of it reads well)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    body = styles["BodyText"].clone("big", fontSize=12, leading=15)
    data = [[Paragraph("<b>Annex A: force action plan in response to the inspection</b>", body), "", "", ""],
            [Paragraph(c, body) for c in ("Ref", "Page", "Area for improvement", "Update")],
            *[[Paragraph(c, body) for c in (ref, page, text, "")] for ref, page, text in AFI_ROWS]]
    table = Table(data, colWidths=[45, 70, 260, 120])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 1.0, colors.black), ("SPAN", (0, 0), (-1, 0)),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [Paragraph("Areas for improvement", styles["Heading1"]), Spacer(1, 8), table])
    return path


def unruled_annex_page(path: Path) -> Path:
    """One page: a line that speaks of the inspection, a heading over an unruled annex "Ref | Description | Page |
    Status" holding four AFIs (its text alone reads like an inspection report's)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    body = styles["BodyText"].clone("big", fontSize=12, leading=15)
    table = Table([[Paragraph(c, body) for c in ("Ref", "Description", "Page", "Status")],
                   *[[Paragraph(c, body) for c in (ref, text, page, "Open")] for ref, page, text in AFI_ROWS]],
                  colWidths=[45, 300, 80, 70])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    SimpleDocTemplate(str(path), pagesize=A4).build([
        Paragraph("The force's response to the HMICFRS inspection.", body),
        Paragraph("Areas for improvement", styles["Heading1"]), table])
    return path


def scanned(src: Path, dst: Path, text_layer: bool, skew: float = 0.6, dpi: int = 200,
            layer_words=None) -> Path:
    """A scan of ``src`` (raster, skew, JPEG) made with the layout randomiser's scan transform; with ``text_layer``
    an invisible text layer is laid over the image as office scanners do (the PDF's own words, turned with the page
    as the scan is turned), built with reportlab so that no OCR program is needed."""
    import random

    from tests.layouts.scan import scan_pdf

    if not text_layer:
        scan_pdf(src, dst, random.Random(7), dpi=dpi, skew_deg=skew, jpeg_quality=80)
        return dst
    image_only = dst.with_suffix(".image.pdf")
    info = scan_pdf(src, image_only, random.Random(7), dpi=dpi, skew_deg=skew, jpeg_quality=80)
    return with_text_layer(src, image_only, dst, info["page_skews"], layer_words)


def with_text_layer(src: Path, image_pdf: Path, dst: Path, skews: list[float], layer_words=None) -> Path:
    """Lay the words of ``src`` invisibly over each page image of ``image_pdf``, turned by the page's skew;
    ``layer_words`` may change each run's text first (as a scanner's OCR misreads)."""
    import io

    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    source, images = pdfium.PdfDocument(str(src)), pdfium.PdfDocument(str(image_pdf))
    c = canvas.Canvas(str(dst))
    for index, skew in enumerate(skews):
        width, height = images[index].get_size()
        c.setPageSize((width, height))
        bitmap = images[index].render(scale=1.5).to_pil()
        buf = io.BytesIO()
        bitmap.save(buf, "PNG")
        c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 0, 0, width, height)
        c.saveState()
        c.translate(width / 2, height / 2)
        c.rotate(skew)  # the scan transform turns the image by ``skew`` degrees about its centre
        c.translate(-width / 2, -height / 2)
        text_page = source[index].get_textpage()
        for k in range(text_page.count_rects()):
            left, bottom, right, top = text_page.get_rect(k)
            words = text_page.get_text_bounded(left=left, bottom=bottom, right=right, top=top).strip()
            words = layer_words(words) if layer_words else words
            if words:
                t = c.beginText(left, bottom + 0.2 * (top - bottom))
                t.setTextRenderMode(3)  # invisible
                t.setFont("Helvetica", max(4.0, 0.8 * (top - bottom)))
                t.textLine(words)
                c.drawText(t)
        text_page.close()
        c.restoreState()
        c.showPage()
    c.save()
    source.close()
    images.close()
    return dst


def grades_grid_over_unruled_annex(path: Path) -> Path:
    """A ruled three-column grades table (not an annex) over an unruled annex: on a scan the only ruled frame found
    holds no annex, the annex is in the words."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    body = styles["BodyText"].clone("big", fontSize=12, leading=15)
    grades = Table([["Question", "2018 grade", "2019 grade"], ["Effectiveness", "Good", "Requires improvement"],
                    ["Efficiency", "Good", "Good"]], colWidths=[150, 120, 150])
    grades.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 1.0, colors.black), ("FONTSIZE", (0, 0), (-1, -1), 12)]))
    annex = Table([[Paragraph(c, body) for c in ("Ref", "Page", "Area for improvement")],
                   *[[Paragraph(c, body) for c in row] for row in AFI_ROWS]], colWidths=[50, 80, 330])
    annex.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [grades, Spacer(1, 24), Paragraph("Areas for improvement", styles["Heading1"]), annex])
    return path
