#!/usr/bin/env python3
"""Build scanned variants of the born-digital samples (and their expected JSON).

Many PCC responses are published as scans of the signed letter and its annex. Each page of a
born-digital sample is rendered at 200 dpi greyscale, turned by up to 1 degree, given mild noise and
a little blur, JPEG-compressed and placed alone on a page: an image-only PDF, as a scanner makes it.
One variant also gets an invisible OCR text layer (render mode 3) that follows the scan's skew, as
an office scanner's OCR writes it; on one annex page the layer is left out, as happens when such a
scanner gives up on a page. The expected JSON is the original's rows, so the two cannot drift apart.

Needs pypdfium2, pdfplumber, numpy, Pillow and reportlab; the outputs are committed, so users and CI
never run this. Usage: ``python samples/make_scanned_samples.py [--only NAME]``.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pdfplumber
import pypdfium2 as pdfium
from PIL import Image, ImageFilter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
DPI = 200
MAX_SKEW = 1.0  # degrees
NOISE_SIGMA = 7.0  # grey levels
JPEG_QUALITY = 70


@dataclass(frozen=True)
class ScannedSample:
    name: str  # output stem
    original: str  # stem of the born-digital sample it is scanned from
    seed: int
    text_layer: bool = False
    layer_missing_on: tuple[int, ...] = ()  # 0-based pages whose OCR layer the "scanner" left out


SAMPLES = (
    ScannedSample("notts-2016-annex-scanned", "notts-2016-annex", seed=2016),
    ScannedSample("westshire-2019-appendix-scanned", "westshire-2019-appendix", seed=2019),
    ScannedSample("westshire-2019-appendix-ocr-layer", "westshire-2019-appendix", seed=2020, text_layer=True,
                  layer_missing_on=(2,)),
    ScannedSample("northvale-2017-action-plan-scanned", "northvale-2017-action-plan", seed=2017),
    ScannedSample("eastshire-2018-unruled-scanned", "eastshire-2018-unruled", seed=2018),
    ScannedSample("eastshire-2018-rules-only-scanned", "eastshire-2018-rules-only", seed=2118),
)


def scan_page(page: pdfium.PdfPage, angle: float, rng: np.random.Generator) -> bytes:
    """Given a born-digital page and a skew angle, return the JPEG a 200 dpi greyscale scanner would make."""
    image = page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(0.5))
    pixels = np.asarray(image, dtype=np.float32) + rng.normal(0.0, NOISE_SIGMA, (image.height, image.width))
    out = io.BytesIO()
    Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "L").save(out, "JPEG", quality=JPEG_QUALITY)
    return out.getvalue()


def rotate_about(x: float, y: float, cx: float, cy: float, angle: float) -> tuple[float, float]:
    """Given a point in PDF space (y up), return it turned counter-clockwise by ``angle`` degrees about (cx, cy)."""
    a = math.radians(angle)
    dx, dy = x - cx, y - cy
    return cx + dx * math.cos(a) - dy * math.sin(a), cy + dx * math.sin(a) + dy * math.cos(a)


def draw_text_layer(c: canvas.Canvas, words: list[dict], width: float, height: float, angle: float) -> None:
    """Write each word as invisible text (render mode 3) where the turned scan shows it, as office OCR does."""
    for w in words:
        size = max(4.0, w["bottom"] - w["top"])
        x, y = rotate_about(w["x0"], height - w["bottom"] + size * 0.2, width / 2, height / 2, angle)
        natural = c.stringWidth(w["text"], "Helvetica", size) or 1.0
        text = c.beginText()
        text.setTextRenderMode(3)
        text.setFont("Helvetica", size)
        text.setHorizScale(100.0 * (w["x1"] - w["x0"]) / natural)
        a = math.radians(angle)
        text.setTextTransform(math.cos(a), math.sin(a), -math.sin(a), math.cos(a), x, y)
        text.textOut(w["text"])
        c.drawText(text)


def build(sample: ScannedSample) -> int:
    """Write samples/<name>.pdf and its expected JSON; return the number of expected rows."""
    source = HERE / f"{sample.original}.pdf"
    rng = np.random.default_rng(sample.seed)
    angles = random.Random(sample.seed)
    doc = pdfium.PdfDocument(str(source))
    plumber = pdfplumber.open(source)
    out_path = HERE / f"{sample.name}.pdf"
    c = canvas.Canvas(str(out_path), pageCompression=1, invariant=1)
    c.setTitle("")
    c.setAuthor("")
    c.setCreator("scanner")
    for index in range(len(doc)):
        page = doc[index]
        width, height = page.get_size()
        angle = angles.uniform(-MAX_SKEW, MAX_SKEW)
        jpeg = scan_page(page, angle, rng)
        c.setPageSize((width, height))
        c.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, width=width, height=height)
        if sample.text_layer and index not in sample.layer_missing_on:
            words = plumber.pages[index].extract_words(keep_blank_chars=False, use_text_flow=False)
            draw_text_layer(c, words, width, height, angle)
        c.showPage()
    c.save()
    plumber.close()
    doc.close()
    expected = json.loads((HERE / f"{sample.original}.expected.json").read_text(encoding="utf-8"))
    expected["source"] = f"{sample.name}.pdf"
    (HERE / f"{sample.name}.expected.json").write_text(json.dumps(expected, indent=2, ensure_ascii=False) + "\n",
                                                        encoding="utf-8")
    return len(expected["rows"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="build just this sample")
    args = parser.parse_args(argv)
    for sample in SAMPLES:
        if args.only and sample.name != args.only:
            continue
        rows = build(sample)
        print(f"wrote samples/{sample.name}.pdf and samples/{sample.name}.expected.json ({rows} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
