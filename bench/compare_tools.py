#!/usr/bin/env python3
"""Side by side: hmic-extract vs plain camelot lattice (default and engine="vector") vs pdfplumber.

Each tool reads the same sample PDFs and writes its tables to .xlsx the way a user would (the raw
tools' tables stacked under the scorer's header names, Section left as "Issues of concern"). Every
(tool, PDF) pair runs in a fresh subprocess so peak memory is its own. Two times are reported:
*cold*, the first call including the import of the tool's modules (what a one-off run pays on top of
starting Python), and *warm*, the median of the next --runs calls in the same process (what each file
costs in a batch). Also seconds per page, peak RSS, and rows correct by the project's
scorer (and by ../shared/eval/score.py when it exists).

Usage: python bench/compare_tools.py [--runs 3] [PDF ...]      (default: the born-digital samples)
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_SCORER = ROOT.parent / "shared" / "eval" / "score.py"
DEFAULT_PDFS = ["notts-2016-annex", "westshire-2019-appendix"]
TOOLS = ("hmic-extract", "camelot-lattice", "camelot-vector", "pdfplumber")
SCORER_HEADER = ["Section", "Report Ref", "Page Ref", "Issue of Concern", "Action Taken to Address Concern"]


def write_stacked(tables: list[list[list[str]]], out: Path) -> None:
    """What a user of a raw extractor gets: every table's rows stacked under one header."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(SCORER_HEADER)
    for table in tables:
        for row in table:
            cells = [(c or "").replace("\n", " ") for c in row] + ["", "", "", ""]
            ws.append(["Issues of concern", *cells[:4]])
    wb.save(out)


def run_one(tool: str, pdf: Path, out: Path, cold: bool = False) -> dict:
    """Run one tool on one PDF in this process; return seconds (from before its imports when ``cold``)."""
    first = time.perf_counter()
    if tool == "hmic-extract":
        from hmic_extract.export import write_xlsx
        from hmic_extract.pipeline import extract_file

        start = time.perf_counter()
        doc = extract_file(pdf)
        write_xlsx(doc, out, force=True)
        pages = doc.page_count or 0
    elif tool.startswith("camelot"):
        import camelot

        kwargs = {"engine": "vector"} if tool == "camelot-vector" else {}
        start = time.perf_counter()
        tables = camelot.read_pdf(str(pdf), pages="all", flavor="lattice", **kwargs)
        write_stacked([t.df.values.tolist() for t in tables], out)
        import pypdfium2 as pdfium

        pages = len(pdfium.PdfDocument(str(pdf)))
    elif tool == "pdfplumber":
        import pdfplumber

        start = time.perf_counter()
        with pdfplumber.open(pdf) as doc:
            tables = [t for page in doc.pages for t in page.extract_tables()]
            pages = len(doc.pages)
        write_stacked(tables, out)
    else:
        raise SystemExit(f"unknown tool {tool}")
    seconds = time.perf_counter() - (first if cold else start)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "pages": pages, "peak_mb": peak_mb}


def run_series(tool: str, pdf: Path, out: Path, runs: int) -> dict:
    """One cold call, then ``runs`` warm calls of the same tool on the same PDF, in this process."""
    cold = run_one(tool, pdf, out, cold=True)
    warm = [run_one(tool, pdf, out) for _ in range(runs)]
    return {"cold": cold["seconds"], "warm": statistics.median(r["seconds"] for r in warm) if warm else None,
            "pages": cold["pages"], "peak_mb": max(r["peak_mb"] for r in [cold, *warm])}


def score(xlsx: Path, expected: Path) -> dict:
    sys.path.insert(0, str(ROOT))
    from tests.scoring import score as own_score

    result = own_score(xlsx, expected)
    shared = None
    if SHARED_SCORER.exists():
        proc = subprocess.run([sys.executable, str(SHARED_SCORER), str(xlsx), str(expected), "--json"],
                              capture_output=True, text=True)
        if proc.returncode == 0:
            shared = json.loads(proc.stdout)["row_accuracy"]
    return {"correct": result["correct"], "gold": result["gold_rows"], "own": result["row_accuracy"],
            "shared": shared}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tools", default=",".join(TOOLS))
    parser.add_argument("--one", nargs=3, metavar=("TOOL", "PDF", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        tool, pdf, out = args.one
        print(json.dumps(run_series(tool, Path(pdf), Path(out), args.runs)))
        return 0
    pdfs = args.pdfs or [ROOT / "samples" / f"{n}.pdf" for n in DEFAULT_PDFS]
    print("| PDF | pages | tool | cold s | warm s | warm s/page | peak MB | rows correct | own / shared score |")
    print("|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in pdfs:
            expected = pdf.with_suffix(".expected.json")
            for tool in args.tools.split(","):
                out = Path(tmp) / f"{pdf.stem}.{tool}.xlsx"
                proc = subprocess.run([sys.executable, __file__, "--one", tool, str(pdf), str(out), "--runs",
                                       str(args.runs)], capture_output=True, text=True, cwd=ROOT)
                if proc.returncode != 0:
                    print(f"| {pdf.name} | | {tool} | failed: {proc.stderr.strip().splitlines()[-1:]} |")
                    continue
                r = json.loads(proc.stdout.strip().splitlines()[-1])
                pages = r["pages"] or 1
                s = score(out, expected) if expected.exists() else {"correct": "-", "gold": "-", "own": "-",
                                                                    "shared": "-"}
                print(f"| {pdf.name} | {pages} | {tool} | {r['cold']:.3f} | {r['warm']:.3f} | "
                      f"{r['warm'] / pages:.4f} | {r['peak_mb']:.0f} | {s['correct']}/{s['gold']} | "
                      f"{s['own']} / {s['shared']} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
