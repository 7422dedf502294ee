#!/usr/bin/env python3
"""Time a batch of many PDFs through the real CLI at --jobs 1 and --jobs 2: files per second and speed-up.

The batch is made of the born-digital samples (annexes and inspection reports), each copied many
times with a different trailing comment so that no two files have the same content (the batch
would otherwise read duplicates once). Scanned samples are left out by default: OCR dominates
their time and is measured by the OCR benchmarks.

Usage: python bench/bench_batch.py [--files 52] [--jobs 1 2] [--runs 1] [--include-scanned]
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


def make_batch(folder: Path, files: int, include_scanned: bool) -> list[Path]:
    """Copy the samples round-robin into ``folder`` until there are ``files`` distinct PDFs."""
    samples = sorted(p for p in (ROOT / "samples").glob("*.pdf") if include_scanned or ("scanned" not in p.name
                     and "ocr-layer" not in p.name))
    made = []
    for n in range(files):
        src = samples[n % len(samples)]
        dest = folder / f"{n:03d}-{src.name}"
        dest.write_bytes(src.read_bytes() + f"\n% batch copy {n}\n".encode())  # after %%EOF: still valid
        made.append(dest)
    return made


def run_batch(folder: Path, jobs: int) -> tuple[float, str]:
    out = Path(tempfile.mkdtemp(prefix="hmic-bench-out-"))
    try:
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "hmic_extract.cli", str(folder), "-o", str(out),
                                 "--jobs", str(jobs)], capture_output=True, text=True)
        seconds = time.perf_counter() - start
    finally:
        shutil.rmtree(out, ignore_errors=True)
    if result.returncode not in (0, 4):
        raise SystemExit(f"batch failed ({result.returncode}): {result.stderr[-2000:]}")
    return seconds, result.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=52)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--runs", type=int, default=1, help="runs per setting (median reported)")
    parser.add_argument("--include-scanned", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="hmic-bench-in-") as tmp:
        folder = Path(tmp)
        made = make_batch(folder, args.files, args.include_scanned)
        kinds = sorted({p.name.split("-", 1)[1] for p in made})
        print(f"batch: {len(made)} PDFs ({', '.join(kinds)}); machine: {os.cpu_count()} cores")
        results = {}
        for jobs in args.jobs:
            times = []
            for _ in range(args.runs):
                seconds, totals = run_batch(folder, jobs)
                times.append(seconds)
            results[jobs] = statistics.median(times)
            print(f"--jobs {jobs}: {results[jobs]:.1f} s, {len(made) / results[jobs]:.2f} files/s   [{totals}]")
        base = results[args.jobs[0]]
        for jobs in args.jobs[1:]:
            print(f"speed-up --jobs {jobs} vs --jobs {args.jobs[0]}: {base / results[jobs]:.2f}x")


if __name__ == "__main__":
    main()
