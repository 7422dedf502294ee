#!/usr/bin/env python3
"""Build a 42-page scanned inspection report for the OCR benchmarks (reproducible, not committed).

The two born-digital sample reports (eastmoor 2016, 20 pages; westshire 2022, 22 pages) are put one
after the other and every page goes through the same scanner model as the scanned samples
(``samples/make_scanned_samples.scan_page``: 200 dpi greyscale, skew up to 1 degree, a little blur,
noise, JPEG), one image per page and no text layer. The result is what issue 15 measured on: a long
image-only report that the annex path plans, OCRs whole and hands to the findings path.

Usage: ``python bench/make_scanned_report.py [--out bench/scans/report-scan.pdf] [--seed 15]``.
The output folder ``bench/scans/`` is git-ignored.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("eastmoor-2016-report", "westshire-2022-report")
DEFAULT_OUT = ROOT / "bench" / "scans" / "report-scan.pdf"


def build(out: Path, seed: int = 15, sources: tuple[str, ...] = SOURCES) -> int:
    """Write the scanned report to ``out``; return its page count."""
    import numpy as np
    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    sys.path.insert(0, str(ROOT / "samples"))
    from make_scanned_samples import MAX_SKEW, scan_page

    out.parent.mkdir(parents=True, exist_ok=True)
    rng, angles = np.random.default_rng(seed), random.Random(seed)
    c = canvas.Canvas(str(out), pageCompression=1, invariant=1)
    c.setCreator("scanner")
    pages = 0
    for name in sources:
        doc = pdfium.PdfDocument(str(ROOT / "samples" / f"{name}.pdf"))
        for index in range(len(doc)):
            page = doc[index]
            width, height = page.get_size()
            jpeg = scan_page(page, angles.uniform(-MAX_SKEW, MAX_SKEW), rng)
            c.setPageSize((width, height))
            c.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, width=width, height=height)
            c.showPage()
            pages += 1
        doc.close()
    c.save()
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args(argv)
    pages = build(args.out, args.seed)
    print(f"{args.out}: {pages} image-only pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
