#!/usr/bin/env python3
"""Time the real CLI on each sample PDF: wall seconds (median of N runs), seconds per page, peak RSS.

This is what a user waits for: interpreter start, imports, extraction, normalising, writing the
workbook. Usage: python bench/bench_cli.py [--runs 5] [PDF ...]   (default: every samples/*.pdf)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def page_count(pdf: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def time_cli(pdf: Path, out: Path, runs: int) -> tuple[float, float, int]:
    """Return (median seconds, peak MB, exit code) of ``hmic-extract PDF -o OUT --force``."""
    exe = shutil.which("hmic-extract") or str(Path(sys.executable).with_name("hmic-extract"))
    times, peak_kb, code = [], 0, 0
    for _ in range(runs):
        start = time.perf_counter()
        pid = subprocess.Popen([exe, str(pdf), "-o", str(out), "--force", "-q"]).pid
        _, status, usage = os.wait4(pid, 0)
        times.append(time.perf_counter() - start)
        peak_kb = max(peak_kb, usage.ru_maxrss)
        code = os.waitstatus_to_exitcode(status)
    return statistics.median(times), peak_kb / 1024, code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    pdfs = args.pdfs or sorted((ROOT / "samples").glob("*.pdf"))
    print("| PDF | pages | median s | s/page | peak MB | exit |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in pdfs:
            n = page_count(pdf)
            secs, peak, code = time_cli(pdf, Path(tmp) / (pdf.stem + ".xlsx"), args.runs)
            print(f"| {pdf.name} | {n} | {secs:.2f} | {secs / n:.3f} | {peak:.0f} | {code} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
