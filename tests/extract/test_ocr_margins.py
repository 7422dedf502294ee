"""Page numbers OCR drops: a lone small number in a margin is found as an inked block and read on its own.

The page is drawn here (reportlab, rasterised as a scan would be, with scanner noise added), so the
number, its place across the foot and the noise are known from the content, not from any OCR output.
"""

from __future__ import annotations

import numpy as np
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from hmic_extract.extract import scanned
from hmic_extract.extract.ocr import available_engines, make_engine
from hmic_extract.extract.ocr.runner import read_margins
from hmic_extract.extract.ocr.settings import OcrSettings
from hmic_extract.extract.scan_image import margin_blocks

BODY = "The force should make sure that it records equality data for victims of crime."


def page_image(tmp_path, number: str, x: float, noise: float = 0.0) -> np.ndarray:
    path = tmp_path / "page.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 10.5)
    for i in range(30):
        pdf.drawString(62, 760 - 16 * i, BODY)
    pdf.setFont("Helvetica", 8)
    pdf.drawString(x, 30, number)
    pdf.save()
    image = scanned.render_page(path, 0)
    if noise:
        rng = np.random.default_rng(5)
        image = image.copy()
        image[rng.random(image.shape) < noise] = 0
    return image


@pytest.mark.parametrize("x", [62.0, 295.0, 525.0])
def test_a_lone_footer_number_is_one_block_and_scanner_noise_is_none(tmp_path, x):
    image = page_image(tmp_path, "7", x, noise=0.004)
    blocks = margin_blocks(image, 0.1, 8)
    height = image.shape[0]
    foot = [b for b in blocks if b[0] > 0.9 * height]
    assert len(foot) == 1
    _top, _bottom, left, right = foot[0]
    assert left <= x * scanned.SCALE + 2 and right >= x * scanned.SCALE + 4


def test_a_lone_header_number_comes_before_a_heading_set_inside_the_top_band(tmp_path):
    # A running head with its page number "1" far right on the page's top row, and a chapter heading of many
    # words inside the top band: the heading's blocks, inkier, took every slot and the "1" was never read.
    path = tmp_path / "page.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 8)
    pdf.drawString(62, 812, "Tamsley Police - Custody inspection 2017")
    pdf.drawString(525, 812, "1")
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(62, 770, "Section 2. Leadership, accountability and partnerships in custody")
    pdf.save()
    image = scanned.render_page(path, 0)
    blocks = margin_blocks(image, 0.1, 3)
    assert any(left <= 525 * scanned.SCALE + 2 and right >= 525 * scanned.SCALE + 3 for _, _, left, right in blocks)


@pytest.mark.skipif("rapidocr" not in available_engines(), reason="RapidOCR not installed")
@pytest.mark.parametrize("number", ["3", "17", "iv"])
def test_the_engine_reads_a_lone_footer_number_read_as_a_block(tmp_path, number):
    image = page_image(tmp_path, number, 295.0)
    words = read_margins(make_engine("rapidocr"), image, OcrSettings())
    assert [w.text for w in words if w.top > 0.9 * image.shape[0]] == [number]
