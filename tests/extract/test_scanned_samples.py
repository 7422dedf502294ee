"""Scanned sample PDFs end to end: OCR, grid, normaliser, workbook, scored against the expected rows.

Only the short Westshire scans run here (three annex pages each) to keep CI fast on two cores; the
11-page Nottinghamshire scan is measured by ``bench/ocr_engines.py``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from hmic_extract.export import write_xlsx
from hmic_extract.extract.page_kinds import PageKind, classify_pages
from hmic_extract.extract.pdf import open_pdf
from hmic_extract.pipeline import extract_file
from tests.scoring import score

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def extract_and_score(tmp_path: Path, name: str, **options) -> tuple[dict, object]:
    doc = extract_file(SAMPLES / f"{name}.pdf", **options)
    out = write_xlsx(doc, tmp_path / f"{name}.xlsx")
    return score(out, SAMPLES / f"{name}.expected.json"), doc


def assert_wrong_rows_are_flagged(report: dict, doc) -> None:
    wrong = {p.split(": ")[0] for p in report["problems"]}
    flagged = {f"wrong ({f.section.lower()!r}, {f.ref})" for f in doc.findings if f.needs_review}
    missing = [p for p in wrong if p.startswith("missing")]
    assert not missing, report["problems"]
    assert wrong <= flagged, (wrong - flagged, report["problems"])


def test_an_image_only_scan_ocred_in_two_workers_gives_the_annex_rows(tmp_path):
    seen = []
    report, doc = extract_and_score(tmp_path, "westshire-2019-appendix-scanned", engine="rapidocr", jobs=2,
                                    progress=lambda done, total, page: seen.append((done, total, page)))
    assert report["row_accuracy"] >= 0.95, report["problems"]
    assert_wrong_rows_are_flagged(report, doc)
    assert sorted(p for _d, _t, p in seen) == [1, 2, 3]  # the letter page has no table: never OCR-ed
    assert [(d, t) for d, t, _p in seen] == [(1, 3), (2, 3), (3, 3)]
    assert all(f.provenance.method == "ocr-grid/rapidocr" for f in doc.findings)
    assert all(f.provenance.confidence is not None for f in doc.findings)


def test_pages_with_an_ocr_text_layer_are_read_by_the_engine_too(tmp_path):
    seen = []
    report, doc = extract_and_score(tmp_path, "westshire-2019-appendix-ocr-layer", engine="rapidocr",
                                    progress=lambda done, total, page: seen.append(page))
    assert report["row_accuracy"] >= 0.95, report["problems"]
    assert_wrong_rows_are_flagged(report, doc)
    assert sorted(seen) == [1, 2, 3]  # every scanned page, the two with a layer as well
    assert {f.provenance.method for f in doc.findings} == {"ocr-grid/rapidocr"}


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="the tesseract binary is not installed (optional)")
def test_the_tesseract_engine_gives_the_same_rows(tmp_path):
    report, doc = extract_and_score(tmp_path, "westshire-2019-appendix-scanned", engine="tesseract")
    assert report["row_accuracy"] >= 0.95, report["problems"]
    assert_wrong_rows_are_flagged(report, doc)
    assert {f.provenance.method for f in doc.findings} == {"ocr-grid/tesseract"}


def test_ocr_never_finds_no_annex_in_a_scan():
    from hmic_extract.errors import NothingFound

    with pytest.raises(NothingFound):
        extract_file(SAMPLES / "westshire-2019-appendix-scanned.pdf", ocr="never")


def test_a_scan_of_a_table_with_row_rules_only_goes_through_the_stream_columns(tmp_path):
    report, doc = extract_and_score(tmp_path, "eastshire-2018-rules-only-scanned", engine="rapidocr", jobs=2)
    assert report["row_accuracy"] >= 0.95, report["problems"]
    assert_wrong_rows_are_flagged(report, doc)
    assert {f.provenance.method for f in doc.findings} == {"ocr-lines/rapidocr"}


def picture_annex_pdf(path: Path) -> Path:
    """A born-digital letter page with the annex pasted in as a picture (page 2 of the westshire sample)."""
    import io

    import pypdfium2 as pdfium
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    doc = pdfium.PdfDocument(str(SAMPLES / "westshire-2019-appendix.pdf"))
    image = doc[1].render(scale=200 / 72).to_pil().convert("L")
    doc.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    width, height = landscape(A4)
    page_height = 2.3 * height  # the picture covers under half the page: the page is text, not a scan
    c = canvas.Canvas(str(path), pagesize=(width, page_height))
    c.setFont("Helvetica", 11)
    y = page_height - 40
    for line in ["Appendix A: the force's action plan, as supplied (a picture of its table).",
                 *["The Chief Constable's response to each finding is set out in the table below."] * 20]:
        c.drawString(40, y, line)
        y -= 16
    c.drawImage(ImageReader(buffer), 0, 0, width=width, height=height)
    c.save()
    return path


def test_an_annex_pasted_in_as_a_picture_is_ocred_when_the_text_holds_no_table(tmp_path):
    pdf = picture_annex_pdf(tmp_path / "picture.pdf")
    with open_pdf(pdf) as opened:
        assert classify_pages(opened) == {0: PageKind.TEXT}
    doc = extract_file(pdf, engine="rapidocr")
    expected = json.loads((SAMPLES / "westshire-2019-appendix.expected.json").read_text(encoding="utf-8"))
    on_page = {"rows": [r for r in expected["rows"] if r["section"] == "Issues of concern" and r["ref"] <= 9]}
    report = score(write_xlsx(doc, tmp_path / "picture.xlsx"), on_page)
    assert report["correct"] >= 8, report["problems"]  # the tenth row runs on to the next page
    assert {f.provenance.method for f in doc.findings} == {"ocr-grid/rapidocr"}


def scanned_report_pages(path: Path, pdf_pages: tuple[int, ...]) -> Path:
    """A scan (200 dpi, skewed, noisy JPEG, image only) of some pages of the eastmoor report sample."""
    import io
    import random
    import sys

    import numpy as np
    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    sys.path.insert(0, str(SAMPLES))
    from make_scanned_samples import scan_page

    doc = pdfium.PdfDocument(str(SAMPLES / "eastmoor-2016-report.pdf"))
    c = canvas.Canvas(str(path))
    rng, angles = np.random.default_rng(5), random.Random(5)
    for index in pdf_pages:
        page = doc[index]
        width, height = page.get_size()
        jpeg = scan_page(page, angles.uniform(-1, 1), rng)
        c.setPageSize((width, height))
        c.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, width=width, height=height)
        c.showPage()
    c.save()
    doc.close()
    return path


def test_a_scanned_inspection_report_gives_a_flagged_draft_instead_of_nothing(tmp_path):
    from difflib import SequenceMatcher

    pdf = scanned_report_pages(tmp_path / "report-scan.pdf", (9, 12))  # printed pages 7 and 10
    doc = extract_file(pdf, engine="rapidocr", jobs=2)
    assert doc.kind == "report"
    assert doc.findings and all(f.needs_review for f in doc.findings)  # a draft to check, never silently final
    assert {f.provenance.method for f in doc.findings} == {"report-findings/ocr"}
    expected = json.loads((SAMPLES / "eastmoor-2016-report.expected.json").read_text(encoding="utf-8"))["rows"]

    def found_in_expected(f) -> bool:
        return any(r["section"] == f.section and r["pages"] == f.pages and
                   SequenceMatcher(None, r["issue"][:len(f.issue)], f.issue).ratio() >= 0.9 for r in expected)

    # 9 findings stand on these two pages; all 9 were read on the machine that wrote this test
    assert sum(found_in_expected(f) for f in doc.findings) >= 7, [(f.section, f.pages, f.issue) for f in doc.findings]
