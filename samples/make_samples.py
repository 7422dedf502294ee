#!/usr/bin/env python3
"""Build the born-digital sample PDFs (and their expected JSON) the way PCC offices publish them.

Each sample is a Word document written with python-docx and converted to PDF by LibreOffice
headless, which is what most PCC responses are: a Word letter with an annex table. The expected
JSON (gold schema: section, ref, pages, page_ref, issue) is written from the same content, so
the PDFs and the expectations cannot drift apart.

Needs python-docx and LibreOffice (``soffice``); the outputs are committed, so users and CI never
run this. Usage: ``python samples/make_samples.py [--only NAME]``.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
CONTENT = HERE / "content"

SECTION_ORDER = ("Issues of concern", "Areas for improvement", "Causes of concern", "Recommendations")


@dataclass
class Row:
    section: str
    ref: int
    page_ref: str
    pages: list[int]
    issue: str


def load_rows(path: Path) -> tuple[dict, list[Row]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = [Row(r["section"], int(r["ref"]), r["page_ref"], list(r["pages"]), r["issue"]) for r in data["rows"]]
    return data, rows


# --- docx helpers -------------------------------------------------------------------------------


def set_repeat_header(row) -> None:
    """Mark a table row as a heading row that Word/LibreOffice repeat on every page."""
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def set_cant_split(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def add_page_number_footer(section, prefix: str = "") -> None:
    para = section.footer.paragraphs[0]
    para.alignment = 1
    if prefix:
        para.add_run(prefix)
    run = para.add_run()
    fld_begin = OxmlElement("w:fldChar")
    fld_begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = "PAGE"
    fld_end = OxmlElement("w:fldChar")
    fld_end.set(qn("w:fldCharType"), "end")
    run._r.append(fld_begin)
    run._r.append(instr)
    run._r.append(fld_end)


def write_cell(cell, text: str, bold: bool = False, size: float = 10) -> None:
    cell.text = ""
    para = cell.paragraphs[0]
    run = para.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)


def base_document(font: str = "Arial", size: float = 11, landscape: bool = False):
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = font
    style.font.size = Pt(size)
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(sec, side, Cm(2.0))
    sec.top_margin = sec.bottom_margin = Cm(2.0)
    add_page_number_footer(sec)
    return doc


def add_letter(doc, title: str | None, letter: str) -> None:
    """Letter prose before the annex: paragraphs, bullets and bold runs from the seed's markdown-ish text."""
    if title:
        head = doc.add_paragraph()
        r = head.add_run(title)
        r.bold = True
        r.font.size = Pt(14)
    for block in re.split(r"\n\s*\n", letter):
        block = block.strip()
        if not block or block.startswith("The Nottinghamshire Police and Crime Commissioner's response"):
            continue
        para = doc.add_paragraph()
        text = re.sub(r"^\s*-\s+", "", block)
        for part in re.split(r"(\*\*[^*]+\*\*)", text):
            if part.startswith("**"):
                para.add_run(part.strip("*")).bold = True
            elif part:
                para.add_run(part)


def add_grades_table(doc, grades: list[tuple[str, str]]) -> None:
    """A decoy two-column table (question | grade) that is not an annex."""
    table = doc.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    write_cell(table.rows[0].cells[0], "Question", bold=True)
    write_cell(table.rows[0].cells[1], "Grade", bold=True)
    for q, g in grades:
        cells = table.add_row().cells
        write_cell(cells[0], q)
        write_cell(cells[1], g)


def annex_table(doc, header: tuple[str, ...], widths_cm: tuple[float, ...], repeat_header: bool):
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    hdr = table.rows[0]
    for cell, name, width in zip(hdr.cells, header, widths_cm, strict=True):
        write_cell(cell, name, bold=True)
        shade(cell, "D9D9D9")
        cell.width = Cm(width)
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)  # LibreOffice reads the grid, Word the cells: set both
    if repeat_header:
        set_repeat_header(hdr)
    return table


def add_annex_row(table, cells: tuple[str, ...], widths_cm: tuple[float, ...], size: float = 10) -> None:
    row = table.add_row()
    for cell, text, width in zip(row.cells, cells, widths_cm, strict=True):
        write_cell(cell, text, size=size)
        cell.width = Cm(width)


def add_section_band(table, title: str, ncols: int) -> None:
    """A full-width row inside the table that names the section (merged cells, shaded)."""
    row = table.add_row()
    merged = row.cells[0].merge(row.cells[ncols - 1])
    write_cell(merged, title, bold=True)
    shade(merged, "BFBFBF")
    set_cant_split(row)


def page_break(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


# --- the samples --------------------------------------------------------------------------------


def build_notts(out_docx: Path) -> list[Row]:
    """The seed's annex as a born-digital Word export: letter, decoy grade table, four titled tables.

    The first (untitled) table repeats its header on every page; the others do not, so their
    continuation parts start with a bare row. Rows are allowed to break across pages.
    """
    data, rows = load_rows(CONTENT / "notts-2016.json")
    doc = base_document()
    add_letter(doc, data["title"], data["letter"].split("Overall summary")[0])
    doc.add_paragraph("Overall summary").runs[0].bold = True
    add_grades_table(doc, [
        ("How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?",
         "Requires improvement"),
        ("How effective is the force at investigating crime and reducing re-offending?", "Good"),
        ("How effective is the force at protecting those who are vulnerable from harm, and supporting victims?",
         "Inadequate"),
        ("How effective is the force at tackling serious and organised crime?", "Good"),
    ])
    add_letter(doc, None, data["letter"].split("How effective are the force's specialist capabilities?")[1])
    page_break(doc)
    h = doc.add_paragraph()
    h.add_run("ANNEX 1 – ASSURANCE MONITORING TEMPLATE (FORCE RESPONSE)").bold = True
    header = ("Report Ref", "Page Ref", "ISSUE OF CONCERN", "ACTION TAKEN TO ADDRESS CONCERN")
    widths = (1.8, 2.4, 9.0, 3.8)
    titles = {"Areas for improvement": "Areas for improvement", "Causes of concern": "Cause of concern",
              "Recommendations": "Recommendations"}
    for section in SECTION_ORDER:
        part = [r for r in rows if r.section == section]
        if section != "Issues of concern":
            doc.add_paragraph()
            doc.add_paragraph().add_run(titles[section]).bold = True
        table = annex_table(doc, header, widths, repeat_header=(section == "Issues of concern"))
        for r in part:
            add_annex_row(table, (str(r.ref), r.page_ref, r.issue, ""), widths)
    doc.save(out_docx)
    return rows


def build_westshire(out_docx: Path) -> list[Row]:
    """Another office's style: landscape, one table, short header wording (Ref | Page | Recommendation |
    Update), section titles as shaded full-width rows inside the table, no repeated header, varied
    page-ref forms ("p.12", "Pages 14-15", "Page 7 (Figure 3)")."""
    data, rows = load_rows(CONTENT / "westshire-2019.json")
    doc = base_document(font="Calibri", size=11, landscape=True)
    title = doc.add_paragraph()
    title.add_run(data["title"]).bold = True
    for para in data["letter"]:
        doc.add_paragraph(para)
    page_break(doc)
    doc.add_paragraph().add_run("Appendix A: HMICFRS findings and force update").bold = True
    header = ("Ref", "Page", "Recommendation / area for improvement", "Update", "Owner")
    widths = (1.3, 2.6, 12.5, 6.5, 2.8)
    table = annex_table(doc, header, widths, repeat_header=False)
    band_titles = {"Areas for improvement": "Areas for improvement", "Causes of concern": "Causes of concern",
                   "Recommendations": "Recommendations"}
    for section in SECTION_ORDER:
        part = [r for r in rows if r.section == section]
        if not part:
            continue
        if section != "Issues of concern":
            add_section_band(table, band_titles[section], len(header))
        for r in part:
            add_annex_row(table, (str(r.ref), r.page_ref, r.issue, "", ""), widths, size=10.5)
    doc.add_paragraph()
    doc.add_paragraph("Updates will be reported to the Joint Audit Committee at each meeting until complete.")
    doc.save(out_docx)
    return rows


def printed_pages(pages: list[int]) -> str:
    """Another office's page-ref style: "p. 12", "pp. 12–13", "pp. 8, 11"."""
    if len(pages) == 1:
        return f"p. {pages[0]}"
    if pages == list(range(pages[0], pages[-1] + 1)):
        return f"pp. {pages[0]}\u2013{pages[-1]}"
    return "pp. " + ", ".join(str(p) for p in pages)


def build_northvale(out_docx: Path) -> list[Row]:
    """An action-plan style annex: a Type column names each row's section (no section titles), refs carry a
    prefix ("AFI 3", "Rec 1"), the page column comes after the finding, eight columns with Lead, Target date
    and RAG, causes of concern listed first, page refs "p. 12" / "pp. 12–13"."""
    report = json.loads((HERE / "eastmoor-2016-report.expected.json").read_text(encoding="utf-8"))
    prefix = {"Causes of concern": ("Cause of concern", "CoC"), "Recommendations": ("Recommendation", "Rec"),
              "Areas for improvement": ("Area for improvement", "AFI")}
    order = ("Causes of concern", "Recommendations", "Areas for improvement")
    rows = [Row(r["section"], int(r["ref"]), printed_pages(r["pages"]), list(r["pages"]), r["issue"])
            for section in order for r in report["rows"] if r["section"] == section]
    doc = base_document(font="Arial", size=10, landscape=True)
    doc.add_paragraph().add_run("Office of the Police and Crime Commissioner for Northvale").bold = True
    for para in (
        "HMIC PEEL: Police effectiveness 2016 – Eastmoor Constabulary. Response of the Police and Crime "
        "Commissioner under section 55 of the Police Act 1996.",
        "The Chief Constable's action plan below records each cause of concern, recommendation and area for "
        "improvement in the report, with the lead officer and the target date. Progress is reported to the "
        "Police and Crime Panel every quarter.",
    ):
        doc.add_paragraph(para)
    header = ("Type", "Ref", "Finding", "Page(s)", "Update", "Lead", "Target date", "RAG")
    widths = (3.4, 1.6, 9.8, 2.0, 4.4, 2.2, 2.0, 1.2)
    table = annex_table(doc, header, widths, repeat_header=True)
    for r in rows:
        kind, short = prefix[r.section]
        add_annex_row(table, (kind, f"{short} {r.ref}", r.issue, r.page_ref, "", "", "", ""), widths, size=9.5)
    doc.add_paragraph()
    doc.add_paragraph("RAG: red – not started or off track; amber – in progress; green – complete.")
    doc.save(out_docx)
    return rows


SAMPLES = {
    "notts-2016-annex": build_notts,
    "westshire-2019-appendix": build_westshire,
    "northvale-2017-action-plan": build_northvale,
}


def convert_to_pdf(docx_path: Path, out_dir: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("make_samples: LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(out_dir), str(docx_path)],
            check=True, capture_output=True, timeout=300,
        )
    return out_dir / (docx_path.stem + ".pdf")


def write_expected(rows: list[Row], path: Path, source: str) -> None:
    payload = {
        "source": source,
        "kind": "pcc-response",
        "rows": [{"section": r.section, "ref": r.ref, "pages": r.pages, "page_ref": r.page_ref, "issue": r.issue}
                 for r in rows],
    }
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="build just this sample")
    args = parser.parse_args(argv)
    names = [args.only] if args.only else list(SAMPLES)
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            docx_path = Path(tmp) / f"{name}.docx"
            rows = SAMPLES[name](docx_path)
            pdf = convert_to_pdf(docx_path, Path(tmp))
            shutil.copyfile(pdf, HERE / f"{name}.pdf")
            write_expected(rows, HERE / f"{name}.expected.json", f"{name}.pdf")
            print(f"wrote samples/{name}.pdf and samples/{name}.expected.json ({len(rows)} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
