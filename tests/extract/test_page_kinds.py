"""Page kinds: born-digital text, an OCR text layer over a scan, or an image only; and where each page goes."""

from __future__ import annotations

from pathlib import Path

import pytest

from hmic_extract.extract import page_kinds
from hmic_extract.extract.page_kinds import PageKind
from hmic_extract.extract.pdf import open_pdf

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_each_page_is_told_apart_as_born_digital_ocr_layer_or_image_only():
    with open_pdf(SAMPLES / "westshire-2019-appendix.pdf") as pdf:
        assert set(page_kinds.classify_pages(pdf).values()) == {PageKind.TEXT}
    with open_pdf(SAMPLES / "westshire-2019-appendix-scanned.pdf") as pdf:
        assert set(page_kinds.classify_pages(pdf).values()) == {PageKind.IMAGE_ONLY}
    with open_pdf(SAMPLES / "westshire-2019-appendix-ocr-layer.pdf") as pdf:
        kinds = page_kinds.classify_pages(pdf)
    # the sample's "scanner" left the OCR layer out on page 3 only
    assert [kinds[i] for i in range(4)] == [PageKind.OCR_LAYER, PageKind.OCR_LAYER,
                                            PageKind.IMAGE_ONLY, PageKind.OCR_LAYER]


def test_ocr_never_sends_no_page_to_the_scanned_path_and_always_sends_every_page():
    with open_pdf(SAMPLES / "westshire-2019-appendix-scanned.pdf") as pdf:
        assert page_kinds.split_pages(pdf, "never")[:2] == ([0, 1, 2, 3], [])
        assert page_kinds.split_pages(pdf, "auto")[:2] == ([], [0, 1, 2, 3])
    with open_pdf(SAMPLES / "westshire-2019-appendix.pdf") as pdf:
        assert page_kinds.split_pages(pdf, "auto")[:2] == ([0, 1, 2, 3], [])
        assert page_kinds.split_pages(pdf, "always")[:2] == ([], [0, 1, 2, 3])
        with pytest.raises(ValueError, match="ocr must be one of"):
            page_kinds.split_pages(pdf, "sometimes")


def test_pdfium_and_pdfplumber_readings_of_page_kinds_agree_on_every_sample():
    for pdf_path in sorted(SAMPLES.glob("*.pdf")):
        with open_pdf(pdf_path) as pdf:
            fast = page_kinds.classify_pages(pdf)
            slow = {i: page_kinds.classify_page(page) for i, page in enumerate(pdf.plumber.pages)}
        assert fast == slow, pdf_path.name
