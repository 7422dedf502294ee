#!/usr/bin/env python3
"""Cost growth and the large-input target: N-page report-like PDFs with the annex at the end.

For each N (default 10, 100, 300, 1000) it builds the PDF with samples/make_large_report.py, then
times, each in a fresh process (median of --runs):
  * the baseline: pypdfium2 extracting the text of every page (the bare cost of reading the text);
  * hmic-extract end to end (CLI: start-up, extraction, normalising, workbook), with peak RSS;
and checks the workbook still scores 1.0 against the expected rows.

Usage: python bench/bench_scale.py [--pages 10,100,300,1000] [--runs 3]
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
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "samples"))

BASELINE = """
import sys, pypdfium2 as pdfium
doc = pdfium.PdfDocument(sys.argv[1])
for i in range(len(doc)):
    page = doc[i]
    page.get_textpage().get_text_range()
"""


def timed(cmd: list[str]) -> tuple[float, float, int]:
    """Run cmd; return (wall seconds, peak RSS MB, exit code)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> int:
    from make_large_report import build

    from tests.scoring import score

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default="10,100,300,1000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    exe = shutil.which("hmic-extract") or str(Path(sys.executable).with_name("hmic-extract"))
    print("| pages | pdfium text s | hmic-extract s | ratio | s/page | peak MB | score |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(p) for p in args.pages.split(",")):
            pdf = Path(tmp) / f"report-{n}.pdf"
            expected = build(n, pdf)
            out = Path(tmp) / f"report-{n}.xlsx"
            base = statistics.median(timed([sys.executable, "-c", BASELINE, str(pdf)])[0] for _ in range(args.runs))
            command = [exe, str(pdf), "-o", str(out), "--force", "-q", "--max-pages", "0"]
            runs = [timed(command) for _ in range(args.runs)]
            secs = statistics.median(r[0] for r in runs)
            peak = max(r[1] for r in runs)
            result = score(out, expected)["row_accuracy"] if runs[-1][2] == 0 else f"exit {runs[-1][2]}"
            print(f"| {n} | {base:.2f} | {secs:.2f} | {secs / base:.2f}x | {secs / n:.4f} | {peak:.0f} | {result} |",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
