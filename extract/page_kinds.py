"""What each page of a PDF is made of: born-digital text, an OCR text layer over a scan, or an image.

Kept apart from ``scanned`` (which imports OpenCV and the OCR engines) so that deciding where each
page goes costs nothing on born-digital PDFs.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pdf import OpenPdf

MIN_LAYER_CHARS = 20  # fewer characters than this over a page image: no usable text layer
MIN_TEXT_CHARS = 20
IMAGE_COVER = 0.5  # an image covering this share of the page makes it a scan
PICTURE_COVER = 0.15  # an image this large on a text page may be a table pasted in as a picture
PICTURE_PAGES_MAX = 12  # OCR at most this many pictured pages looking for a pasted-in annex
ANNEX_WORDS = re.compile(r"(?i)\b(annex|appendix|assurance|action plan|template)\b")
OCR_MODES = ("auto", "always", "never")


class PageKind(StrEnum):
    """What a page's text is made of."""

    TEXT = "text"  # born-digital text
    OCR_LAYER = "ocr-layer"  # text over a page image (an office scanner's OCR)
    IMAGE_ONLY = "image-only"  # an image with no usable text



def classify_page(page) -> PageKind:
    """Given a pdfplumber page, return whether it is born-digital text, an OCR layer over an image, or an image."""
    area = float(page.width * page.height) or 1.0
    cover = max((abs((im["x1"] - im["x0"]) * (im["bottom"] - im["top"])) for im in page.images), default=0.0)
    chars = sum(1 for c in page.chars if c["text"].strip())
    return kind_from_counts(cover / area, chars, bool(page.images))


def kind_from_counts(cover: float, chars: int, has_images: bool) -> PageKind:
    """Given a page's largest image share, its text-layer characters and whether it has images, return its kind."""
    if cover >= IMAGE_COVER:
        return PageKind.OCR_LAYER if chars >= MIN_LAYER_CHARS else PageKind.IMAGE_ONLY
    if chars < MIN_TEXT_CHARS and has_images:
        return PageKind.IMAGE_ONLY
    return PageKind.TEXT


def classify_pages(pdf: OpenPdf) -> dict[int, PageKind]:
    """Given an open PDF, return each page's kind by index.

    Uses the shared pdfium page facts (a millisecond a page); pdfplumber, which parses every
    character into Python first, is the fallback when pdfium could not open the file.
    """
    facts = pdf.page_facts()
    if not facts:
        return {i: classify_page(page) for i, page in enumerate(pdf.plumber.pages)}
    return {i: kind_from_counts(f.image_cover, f.chars, f.image_cover > 0) for i, f in enumerate(facts)}


def split_pages(pdf: OpenPdf, ocr: str) -> tuple[list[int], list[int], dict[int, PageKind]]:
    """Given an open PDF and the ocr mode, return (born-digital pages, pages for this path, page kinds).

    ``never``: every page is born-digital text; ``always``: every page is OCR-ed; ``auto``: image-only
    and OCR-layer pages come here, the rest go to the born-digital extractors.
    """
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}, not {ocr!r}")
    every = list(range(pdf.page_count))
    if ocr == "never":
        return every, [], {}
    kinds = classify_pages(pdf)
    if ocr == "always":
        return [], every, kinds
    scanned = [i for i in every if kinds[i] is not PageKind.TEXT]
    return [i for i in every if kinds[i] is PageKind.TEXT], scanned, kinds


def pictured_pages(pdf: OpenPdf, text_pages: list[int]) -> list[int]:
    """Given the born-digital pages, return those holding a picture large enough to be a pasted-in table.

    Used only when the text holds no annex table but speaks of one (annex, appendix, assurance, action plan,
    template), and for at most PICTURE_PAGES_MAX pages, so a report's charts cost nothing.
    """
    facts = pdf.page_facts()
    if not facts or not any(ANNEX_WORDS.search(f.text) for f in facts):
        return []  # nothing in the text speaks of an annex: charts and logos are not OCR-ed
    return [i for i in text_pages if facts[i].image_cover >= PICTURE_COVER][:PICTURE_PAGES_MAX]
