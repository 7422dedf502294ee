#!/usr/bin/env python3
"""Measure the OCR engines on the scanned samples: row accuracy, seconds per page, peak memory.

Each run is the real CLI in a fresh process (``HMIC_OCR_ENGINE`` picks the engine, ``-j`` the OCR
workers), so the figures include start-up, rendering, grid finding and the workbook. Accuracy is
the project's scorer (tests/scoring.py, same rules as the shared one). Peak memory is the largest
resident set of any one process of the run (the CLI, its file worker or an OCR worker).

Usage: python bench/ocr_engines.py [--engines rapidocr,tesseract] [--jobs 1,2] [--runs 1] [NAME ...]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCANNED = ("notts-2016-annex-scanned", "westshire-2019-appendix-scanned", "westshire-2019-appendix-ocr-layer")
sys.path.insert(0, str(ROOT))

from tests.scoring import score  # noqa: E402

CHILD = """
import resource, subprocess, sys, time
t = time.perf_counter()
code = subprocess.run(sys.argv[1:], capture_output=True).returncode
print(code, time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def ocr_pages(pdf: Path) -> tuple[int, int]:
    """Return (pages in the PDF, pages the scanned path would OCR)."""
    from hmic_extract.extract import scanned
    from hmic_extract.extract.page_kinds import classify_pages
    from hmic_extract.extract.pdf import open_pdf

    with open_pdf(pdf) as doc:
        kinds = classify_pages(doc)
        plans = [scanned.plan_page(doc, i, kinds[i], None, False) for i in kinds if kinds[i] != "text"]
        with_grids = [p for p in plans if p.grids] or plans
        return doc.page_count, sum(1 for p in with_grids if p.needs_ocr)


def run_once(pdf: Path, engine: str, jobs: int, out: Path) -> tuple[int, float, int]:
    """Run the CLI once in a fresh process; return (exit code, wall seconds, peak RSS in KB)."""
    env = {**os.environ, "HMIC_OCR_ENGINE": engine}
    cmd = [sys.executable, "-c", CHILD, sys.executable, "-m", "hmic_extract.cli", str(pdf), "-o", str(out),
           "--force", "-q", "-j", str(jobs)]
    line = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout.split()
    return int(line[0]), float(line[1]), int(line[2])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", default=list(SCANNED))
    parser.add_argument("--engines", default="rapidocr,tesseract")
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args(argv)
    engines = [e for e in args.engines.split(",") if e != "tesseract" or shutil.which("tesseract")]
    print(f"{'sample':36} {'engine':9} {'jobs':>4} {'rows':>5} {'accuracy':>8} {'flagged':>7} {'s/page':>7} "
          f"{'s/OCR page':>10} {'peak MB':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.names:
            pdf = ROOT / "samples" / f"{name}.pdf"
            pages, ocred = ocr_pages(pdf)
            for engine in engines:
                for jobs in (int(j) for j in args.jobs.split(",")):
                    out = Path(tmp) / f"{name}-{engine}-{jobs}.xlsx"
                    runs = [run_once(pdf, engine, jobs, out) for _ in range(args.runs)]
                    seconds = statistics.median(r[1] for r in runs)
                    peak = max(r[2] for r in runs) / 1024
                    report = score(out, ROOT / "samples" / f"{name}.expected.json")
                    flagged = count_flagged(out)
                    print(f"{name:36} {engine:9} {jobs:>4} {report['output_rows']:>5} {report['row_accuracy']:>8.3f} "
                          f"{flagged:>7} {seconds / pages:>7.2f} {seconds / max(ocred, 1):>10.2f} {peak:>7.0f}"
                          f"   ({pages} pages, {ocred} OCR-ed, {seconds:.1f} s)")
                    for problem in report["problems"]:
                        print(f"    {problem}")
    return 0


def count_flagged(xlsx: Path) -> int:
    """Rows of the provenance sheet that carry review flags."""
    from openpyxl import load_workbook

    wb = load_workbook(xlsx, read_only=True)
    ws = wb.worksheets[1]
    rows = list(ws.iter_rows(values_only=True))
    header = next((i for i, r in enumerate(rows) if r and any("review" in str(c or "").lower() for c in r)), None)
    if header is None:
        return 0
    col = next(j for j, c in enumerate(rows[header]) if "review" in str(c or "").lower())
    return sum(1 for r in rows[header + 1:] if r and len(r) > col and r[col])


if __name__ == "__main__":
    sys.exit(main())
