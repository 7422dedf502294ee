"""Ruled annex tables: header found below title rows, section bands, continuation parts, column roles."""

from __future__ import annotations

from pathlib import Path

from hmic_extract.extract.pdf import open_pdf
from hmic_extract.extract.table.ruled import extract_ruled
from hmic_extract.model import RawDocument, RowKind
from hmic_extract.normalise import normalise

SAMPLES = Path(__file__).resolve().parents[3] / "samples"


def table_pdf(path: Path, data: list[list[str]], spans: list[int]) -> Path:
    """A one-page PDF with one ruled table; rows listed in ``spans`` are merged across all columns."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    style = getSampleStyleSheet()["BodyText"]
    cells = [[Paragraph(c, style) if c else "" for c in row] for row in data]
    table = Table(cells, colWidths=[90, 60, 70, 330, 170])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               *[("SPAN", (0, r), (-1, r)) for r in spans]]))
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build([table])
    return path


def test_a_header_below_a_title_row_inside_the_table_is_found_and_the_title_kept_as_text(tmp_path):
    pdf_path = table_pdf(tmp_path / "annex.pdf", [
        ["Annex A: HMICFRS findings and force response", "", "", "", ""],
        ["Type", "No.", "Page", "Finding", "Progress"],
        ["Area for improvement", "1", "p. 12", "The force should improve its crime recording.", ""],
        ["Areas for improvement", "", "", "", ""],
        ["Area for improvement", "2", "pp. 14-15", "The force should review its use of bail.", ""],
    ], spans=[0, 3])
    with open_pdf(pdf_path) as pdf:
        rows, pages = extract_ruled(pdf, range(pdf.page_count))
    assert pages == [0]
    texts = [r.text for r in rows if r.kind is RowKind.TEXT]
    assert "Annex A: HMICFRS findings and force response" in texts
    doc = normalise(RawDocument(source="annex.pdf", kind="annex", rows=rows))
    assert [(f.section, f.ref, f.pages) for f in doc.findings] == [
        ("Areas for improvement", 1, [12]), ("Areas for improvement", 2, [14, 15])]


def test_a_table_without_an_annex_header_is_not_read(tmp_path):
    pdf_path = table_pdf(tmp_path / "grades.pdf", [
        ["Question", "Grade", "Year", "Notes", "Trend"],
        ["How effective is the force at preventing crime?", "Good", "2016", "", "up"],
    ], spans=[])
    with open_pdf(pdf_path) as pdf:
        assert extract_ruled(pdf, range(pdf.page_count)) == ([], [])
