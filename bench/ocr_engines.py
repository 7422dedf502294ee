#!/usr/bin/env python3
"""Measure OCR on the scanned samples: rows correct, pages OCR-ed, wall and CPU seconds a page, peak memory per process.

Each run is the real CLI in a fresh process (``HMIC_OCR_ENGINE`` picks the engine, ``-j`` the OCR
workers), so the figures include start-up, rendering, grid finding and the workbook. CPU seconds are
user + system of the whole process tree (``RUSAGE_CHILDREN``: the CLI, its file worker and every OCR
worker), so they do not depend on how busy the machine is the way wall time does. Peak memory is
sampled from /proc every 50 ms: the largest resident set of any one OCR worker, and of the file
worker. Accuracy is the project's scorer (tests/scoring.py, same rules as the shared one).

Samples: ``samples/*scanned*.pdf``, ``samples/westshire-2019-appendix-ocr-layer.pdf``, the scan draws of
the layout randomiser (draws with a ``scan`` in ``tests/layouts/ci/*/manifest.json``, scored on their gold), and
``bench/scans/report-scan.pdf`` (``bench/make_scanned_report.py``; no expected rows: timed only) with
``--report``.

Usage: python bench/ocr_engines.py [--engines rapidocr,tesseract] [--jobs 1] [--runs 3] [--report] [NAME ...]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.scoring import score  # noqa: E402

REPORT_SCAN = ROOT / "bench" / "scans" / "report-scan.pdf"


def samples(with_report: bool) -> list[tuple[str, Path, Path | None]]:
    """Return (name, PDF, expected JSON or None) for every scanned sample there is."""
    found = [(p.stem, p, p.with_suffix(".expected.json")) for p in sorted((ROOT / "samples").glob("*scanned*.pdf"))]
    layer = ROOT / "samples" / "westshire-2019-appendix-ocr-layer.pdf"
    found.append((layer.stem, layer, layer.with_suffix(".expected.json")))
    for manifest in sorted((ROOT / "tests" / "layouts" / "ci").glob("*/manifest.json")):
        for entry in json.loads(manifest.read_text(encoding="utf-8"))["draws"]:
            pdf = manifest.parent / (entry.get("file") or f"{entry['name']}.pdf")  # report / annex manifests
            if entry["draw"].get("scan") and pdf.exists():  # a scan draw kept in the CI sample, scored on its gold
                found.append((f"{manifest.parent.name}/{pdf.stem}", pdf, pdf.with_suffix(".gold.json")))
    if with_report and REPORT_SCAN.exists():
        found.append((REPORT_SCAN.stem, REPORT_SCAN, None))
    return found


def ocr_pages(pdf: Path) -> tuple[int, int]:
    """Return (pages in the PDF, pages the table path would OCR: those with a ruled table, else all scanned)."""
    from hmic_extract.extract import scanned
    from hmic_extract.extract.page_kinds import classify_pages
    from hmic_extract.extract.pdf import open_pdf

    with open_pdf(pdf) as doc:
        kinds = classify_pages(doc)
        plans = [scanned.plan_page(doc, i, kinds[i], None, False) for i in kinds if kinds[i] != "text"]
        with_grids = [p for p in plans if p.grids] or plans
        return doc.page_count, sum(1 for p in with_grids if p.needs_ocr)


@dataclass
class Run:
    code: int
    wall: float
    cpu: float
    worker_mb: float  # largest resident set of any one OCR worker
    file_mb: float  # largest resident set of the CLI's file worker (or the CLI)


def descendants(pid: int) -> list[tuple[int, int]]:
    """Return (pid, depth) of every process below ``pid`` (the file worker is at depth 1, OCR workers at 2)."""
    out, todo = [], [(pid, 0)]
    while todo:
        parent, depth = todo.pop()
        try:
            children = [int(c) for c in Path(f"/proc/{parent}/task/{parent}/children").read_text().split()]
        except OSError:
            continue
        out.extend((c, depth + 1) for c in children)
        todo.extend((c, depth + 1) for c in children)
    return out


def watch_memory(pid: int, peaks: dict[int, tuple[str, int]], stop: threading.Event) -> None:
    """Record each descendant's peak resident set (VmHWM, KB) and whether it is an OCR worker."""
    while not stop.is_set():
        for child, depth in descendants(pid):
            try:
                status = Path(f"/proc/{child}/status").read_text()
                cmd = Path(f"/proc/{child}/cmdline").read_bytes()
            except OSError:
                continue
            hwm = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM")), 0)
            role = "tracker" if b"resource_tracker" in cmd else ("ocr" if depth >= 2 else "file")
            peaks[child] = (role, max(hwm, peaks.get(child, ("", 0))[1]))
        stop.wait(0.05)


def run_once(pdf: Path, engine: str, jobs: int, out: Path) -> Run:
    """Run the CLI once in a fresh process; return its exit code, wall and CPU seconds and peak memory."""
    env = {**os.environ, "HMIC_OCR_ENGINE": engine}
    cmd = [sys.executable, "-m", "hmic_extract.cli", str(pdf), "-o", str(out), "--force", "-q", "-j", str(jobs),
           "--timeout", "0"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peaks: dict[int, tuple[str, int]] = {}
    stop = threading.Event()
    watcher = threading.Thread(target=watch_memory, args=(proc.pid, peaks, stop), daemon=True)
    watcher.start()
    code = proc.wait()
    wall = time.perf_counter() - start
    stop.set()
    watcher.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    worker = max((kb for role, kb in peaks.values() if role == "ocr"), default=0) / 1024
    file_mb = max((kb for role, kb in peaks.values() if role == "file"), default=0) / 1024
    return Run(code, wall, cpu, worker, file_mb)


def load_average() -> str:
    return " ".join(f"{v:.1f}" for v in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="sample names (default: every scanned sample)")
    parser.add_argument("--engines", default="rapidocr,tesseract")
    parser.add_argument("--jobs", default="1")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--report", action="store_true", help="also time bench/scans/report-scan.pdf")
    args = parser.parse_args(argv)
    engines = [e for e in args.engines.split(",") if e != "tesseract" or shutil.which("tesseract")]
    chosen = [s for s in samples(args.report) if not args.names or s[0] in args.names]
    print(f"load average at start: {load_average()} ({os.cpu_count()} cores)")
    print(f"{'sample':40} {'engine':9} {'-j':>2} {'pages':>5} {'OCR':>4} {'rows':>9} {'wall s/p':>8} {'CPU s/p':>8} "
          f"{'CPU s/OCR p':>11} {'worker MB':>9} {'file MB':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, pdf, expected in chosen:
            pages, ocred = ocr_pages(pdf)
            for engine in engines:
                for jobs in (int(j) for j in args.jobs.split(",")):
                    out = Path(tmp) / f"{pdf.stem}-{engine}-{jobs}.xlsx"
                    runs = [run_once(pdf, engine, jobs, out) for _ in range(args.runs)]
                    wall = statistics.median(r.wall for r in runs)
                    cpu = statistics.median(r.cpu for r in runs)
                    rows = "-"
                    problems: list[str] = []
                    if expected is not None and out.exists():
                        report = score(out, expected)
                        rows = f"{report['correct']}/{report['gold_rows']}"
                        problems = report["problems"]
                    codes = sorted({r.code for r in runs})
                    print(f"{name:40} {engine:9} {jobs:>2} {pages:>5} {ocred:>4} {rows:>9} {wall / pages:>8.2f} "
                          f"{cpu / pages:>8.2f} {cpu / max(ocred, 1):>11.2f} {max(r.worker_mb for r in runs):>9.0f} "
                          f"{max(r.file_mb for r in runs):>7.0f}   ({wall:.1f} s wall, {cpu:.1f} s CPU, exit {codes})")
                    for problem in problems:
                        print(f"    {problem}")
    print(f"load average at end: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
