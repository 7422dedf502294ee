#!/usr/bin/env python3
"""Fuzz the whole pipeline: mutate the sample PDFs and run extract -> normalise -> xlsx/csv/json on each.

Every case runs exactly as a user's batch does (a worker process per file, time and memory
limits), so a hang shows up as a time-limit outcome and a native crash as a crash outcome. The
only failure is an internal error: an exception our code did not turn into a one-line message.
Those inputs are saved with their traceback for replay.

Usage: python tests/fuzz/run_fuzz.py [--cases 5000] [--jobs 2] [--seed 0] [--save DIR]
"""

from __future__ import annotations

import argparse
import collections
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from hmic_extract.batch import Source, Task, run_tasks  # noqa: E402
from hmic_extract.limits import Limits  # noqa: E402
from tests.fuzz.mutate import mutate  # noqa: E402

SEED_SAMPLES = ("westshire-2019-appendix.pdf", "notts-2016-annex.pdf", "eastmoor-2016-report.pdf")
CHUNK = 100


def seed_pdfs(work: Path) -> dict[str, bytes]:
    """The PDFs to mutate: born-digital samples, an inspection report, a small built annex, an encrypted copy."""
    from tests import pdfs

    seeds = {n: (ROOT / "samples" / n).read_bytes() for n in SEED_SAMPLES if (ROOT / "samples" / n).exists()}
    rows = [("1", "Page 4", "Полиция; café; =1+1"), ("2", "Pages 5-6", "Second issue of concern text")]
    seeds["built-annex.pdf"] = pdfs.annex_pdf(work / "built.pdf", rows, font=pdfs.unicode_font()).read_bytes()
    seeds["owner-encrypted.pdf"] = pdfs.encrypted_copy(ROOT / "samples" / SEED_SAMPLES[0], work / "enc.pdf",
                                                       user_password="").read_bytes()
    return seeds


def preload_all() -> None:
    """Import every pipeline module now, so forked workers all run this code, not files edited mid-run."""
    import importlib
    import pkgutil

    import hmic_extract

    for package in ("hmic_extract", "hmic_extract.extract", "hmic_extract.normalise", "hmic_extract.export"):
        module = importlib.import_module(package)
        for info in pkgutil.walk_packages(module.__path__, package + "."):
            if not info.name.endswith(("__main__", ".cli", "cli_tracker")):
                importlib.import_module(info.name)
    assert hmic_extract


def classify(outcome) -> str:
    """Sort an outcome into ok / nothing / unreadable / limit / crash / internal."""
    if outcome.status in ("ok", "nothing found"):
        return outcome.status
    if outcome.exit_code == 1:
        return "internal"
    if "made the reader crash" in outcome.reason:
        return "crash"
    if outcome.exit_code == 7:
        return "limit"
    return "unreadable" if outcome.exit_code == 3 else f"exit {outcome.exit_code}"


def case_tasks(seeds: dict[str, bytes], start: int, count: int, base_seed: int, work: Path,
               limits: Limits) -> tuple[list[Task], dict[int, str]]:
    names = sorted(seeds)
    tasks, described = [], {}
    for n in range(start, start + count):
        seed_name = names[n % len(names)]
        data, applied = mutate(seeds[seed_name], base_seed + n)
        pdf = work / f"case-{n}.pdf"
        pdf.write_bytes(data)
        outputs = {fmt: work / f"case-{n}.{fmt}" for fmt in ("xlsx", "csv", "json")}
        tasks.append(Task(n, Source(pdf, pdf.name, Path(pdf.stem)), outputs, True, {}, limits))
        described[n] = f"{seed_name} seed={base_seed + n} {'+'.join(applied)}"
    return tasks, described


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--save", type=Path, default=Path("fuzz-findings"), help="where failing inputs go")
    args = parser.parse_args()

    preload_all()
    limits = Limits(max_pages=1000, timeout=args.timeout, max_memory_mb=2048)
    counts: collections.Counter[str] = collections.Counter()
    slowest = 0.0
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="hmic-fuzz-") as tmp:
        work = Path(tmp)
        seeds = seed_pdfs(work)
        for start in range(0, args.cases, CHUNK):
            chunk = work / f"chunk-{start}"
            chunk.mkdir()
            tasks, described = case_tasks(seeds, start, min(CHUNK, args.cases - start), args.seed, chunk, limits)
            for outcome in run_tasks(tasks, args.jobs):
                kind = classify(outcome)
                counts[kind] += 1
                slowest = max(slowest, outcome.seconds)
                if kind == "internal":
                    args.save.mkdir(parents=True, exist_ok=True)
                    shutil.copy(chunk / f"case-{outcome.index}.pdf", args.save / f"case-{outcome.index}.pdf")
                    (args.save / f"case-{outcome.index}.txt").write_text(
                        f"{described[outcome.index]}\n{outcome.reason}\n{outcome.traceback}", encoding="utf-8")
                    print(f"INTERNAL ERROR case {outcome.index} ({described[outcome.index]}): {outcome.reason}",
                          flush=True)
            shutil.rmtree(chunk)
            done = min(start + CHUNK, args.cases)
            print(f"{done}/{args.cases} cases, {time.monotonic() - started:.0f} s: {dict(sorted(counts.items()))}",
                  flush=True)
    elapsed = time.monotonic() - started
    print(f"\n{args.cases} mutated PDFs through the full pipeline in {elapsed:.0f} s "
          f"({args.cases / elapsed:.1f} cases/s, slowest case {slowest:.1f} s, jobs {args.jobs})")
    print("outcomes:", ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print(f"uncaught exceptions (internal errors): {counts['internal']}")
    return 1 if counts["internal"] else 0


if __name__ == "__main__":
    sys.exit(main())
