#!/usr/bin/env python3
"""Sweep the tool over randomised inspection reports and say where it fails, by era and by layout choice.

    python bench/sweep_reports.py --draws 80 --seed 11 --jobs 2 --out /tmp/sweep [--scan-share 0.1] [--era thematic]

Generates the draws (or reuses the PDFs and gold already in --out), runs the ``hmic-extract`` CLI on each in
a subprocess, scores the workbook against the gold with ``tests/scoring.py`` (the rules of the shared
scorer), and writes ``results.json`` and ``results.md``: draws fully right (every gold row correct, no extra
rows), mean row accuracy (a draw without a workbook scores 0), failure rates per era/type and per value of
every layout dimension, exit codes, and the failing draws with their first problems.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DIMENSIONS = ("producer", "afi_label", "afi_numbering", "cause_label", "cause_numbering", "cause_box_scope",
              "rec_label", "rec_numbering", "rec_form", "fragment_punct", "bullet", "number_style", "box",
              "box_split", "summary", "page_numbering", "page_labels", "number_format", "number_position",
              "number_align", "running", "columns", "font", "font_size", "justify", "heading_case",
              "heading_synonym", "subject_form", "chapter_breaks", "scanned")


def generate(seed: int, count: int, out: Path, jobs: int, era: str | None, scan_share: float,
             producers: str | None) -> list[str]:
    """Write the draws not already in ``out``; return the names of those that exist afterwards."""
    from tests.layouts.report.__main__ import _job, available_producers

    prods = tuple(producers.split(",")) if producers else available_producers()
    todo = [(seed, i, str(out), era, scan_share, prods) for i in range(count)
            if not (out / f"report-{seed}-{i}.gold.json").exists()]
    if todo:
        with ProcessPoolExecutor(max_workers=max(1, min(jobs, 2))) as pool:
            for index, _, error in pool.map(_job, todo):
                if error:
                    print(f"report-{seed}-{index}: not rendered: {error}", file=sys.stderr)
    return [f"report-{seed}-{i}" for i in range(count) if (out / f"report-{seed}-{i}.gold.json").exists()]


def run_tool(pdf: Path, xlsx: Path, timeout: float) -> tuple[int, str, float]:
    """Run the CLI on one PDF: (exit code, last line of stderr, seconds)."""
    cmd = [sys.executable, "-m", "hmic_extract.cli", str(pdf), "-o", str(xlsx), "--force", "--kind", "auto",
           "-j", "1"]
    started = time.time()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
        code, err = proc.returncode, (proc.stderr.strip().splitlines() or [""])[-1]
    except subprocess.TimeoutExpired:
        code, err = -9, f"timed out after {timeout:.0f}s"
    return code, err[:200], round(time.time() - started, 1)


def score_one(name: str, out: Path, timeout: float) -> dict:
    """Extract and score one draw."""
    from tests.scoring import norm_section, read_rows, score

    pdf, gold_path = out / f"{name}.pdf", out / f"{name}.gold.json"
    xlsx = out / f"{name}.xlsx"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    code, err, seconds = run_tool(pdf, xlsx, timeout)
    result = {"name": name, "draw": gold["draw"], "gold_rows": len(gold["rows"]), "exit": code, "stderr": err,
              "seconds": seconds}
    if code != 0 or not xlsx.exists():
        result.update(row_accuracy=0.0, correct=0, extra_rows=0, fully_right=False,
                      problems=[f"no workbook (exit {code}): {err}"])
        return result
    try:
        scored = score(xlsx, gold)
        found = read_rows(xlsx)
    except Exception as exc:  # an unreadable workbook is a failure of the draw, not of the sweep
        result.update(row_accuracy=0.0, correct=0, extra_rows=0, fully_right=False,
                      problems=[f"workbook not scorable: {exc}"])
        return result
    gold_keys = {(norm_section(r["section"]), int(r["ref"])) for r in gold["rows"]}
    extra = sorted({(r["section"], r["ref"]) for r in found} - gold_keys)
    problems = scored["problems"] + [f"extra row {s} #{n}" for s, n in extra]
    result.update(row_accuracy=scored["row_accuracy"], correct=scored["correct"], extra_rows=len(extra),
                  output_rows=len(found), fully_right=scored["row_accuracy"] == 1.0 and not extra,
                  problems=problems)
    return result


def dimension_value(draw: dict, dim: str) -> str:
    if dim == "scanned":
        scan = draw.get("scan")
        return "no" if not scan else ("ocr-layer" if scan.get("text_layer") else "image-only")
    return str(draw.get(dim))


def summarise(results: list[dict]) -> dict:
    """Aggregate per era/type, per dimension value and per trap."""
    n = len(results) or 1

    def group(key) -> dict:
        buckets: dict[str, list[dict]] = defaultdict(list)
        for r in results:
            for k in key(r):
                buckets[k].append(r)
        return {k: {"draws": len(v), "fully_right": sum(x["fully_right"] for x in v),
                    "failure_rate": round(1 - sum(x["fully_right"] for x in v) / len(v), 3),
                    "mean_row_accuracy": round(sum(x["row_accuracy"] for x in v) / len(v), 3)}
                for k, v in sorted(buckets.items())}

    return {
        "draws": len(results),
        "workbooks": sum(1 for r in results if r["exit"] == 0),
        "fully_right": sum(r["fully_right"] for r in results),
        "mean_row_accuracy": round(sum(r["row_accuracy"] for r in results) / n, 4),
        "exit_codes": dict(Counter(str(r["exit"]) for r in results)),
        "by_era": group(lambda r: [r["draw"]["type"]]),
        "by_dimension": {dim: group(lambda r, d=dim: [dimension_value(r["draw"], d)]) for dim in DIMENSIONS},
        "by_trap": group(lambda r: r["draw"].get("traps") or ["(none)"]),
    }


def markdown(summary: dict, results: list[dict], failing: int = 25) -> str:
    lines = [f"# Report sweep: {summary['draws']} draws", "",
             f"- fully right: **{summary['fully_right']} / {summary['draws']}**",
             f"- mean row accuracy: **{summary['mean_row_accuracy']:.3f}**",
             f"- workbooks written: {summary['workbooks']} / {summary['draws']}",
             f"- exit codes: {', '.join(f'{k}: {v}' for k, v in sorted(summary['exit_codes'].items()))}", "",
             "## By era / type", "", "| era / type | draws | fully right | failure rate | mean row accuracy |",
             "|---|---|---|---|---|"]
    for k, v in summary["by_era"].items():
        lines.append(f"| {k} | {v['draws']} | {v['fully_right']} | {v['failure_rate']:.2f} | "
                     f"{v['mean_row_accuracy']:.3f} |")
    lines += ["", "## By dimension value (failure rate = share of draws not fully right)", "",
              "| dimension | value | draws | failure rate | mean row accuracy |", "|---|---|---|---|---|"]
    for dim, values in summary["by_dimension"].items():
        for k, v in values.items():
            cell = k.replace("|", "\\|")
            lines.append(f"| {dim} | {cell} | {v['draws']} | {v['failure_rate']:.2f} | {v['mean_row_accuracy']:.3f} |")
    lines += ["", "## By trap present", "", "| trap | draws | failure rate | mean row accuracy |", "|---|---|---|---|"]
    for k, v in summary["by_trap"].items():
        lines.append(f"| {k} | {v['draws']} | {v['failure_rate']:.2f} | {v['mean_row_accuracy']:.3f} |")
    bad = [r for r in results if not r["fully_right"]]
    lines += ["", f"## Failing draws ({len(bad)}; first {failing}, first problems)", "",
              "| draw | era | producer | exit | accuracy | first problems |", "|---|---|---|---|---|---|"]
    for r in sorted(bad, key=lambda r: r["row_accuracy"])[:failing]:
        probs = "; ".join(r["problems"][:3]).replace("|", "/")
        lines.append(f"| {r['name']} | {r['draw']['type']} | {r['draw']['producer']} | {r['exit']} | "
                     f"{r['row_accuracy']:.2f} | {probs} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--draws", type=int, default=80)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--scan-share", type=float, default=0.1)
    ap.add_argument("--era", default=None)
    ap.add_argument("--producers", default=None, help="comma list (default: those installed)")
    ap.add_argument("--timeout", type=float, default=900)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    jobs = max(1, min(args.jobs, 2))
    started = time.time()
    names = generate(args.seed, args.draws, args.out, jobs, args.era, args.scan_share, args.producers)
    print(f"{len(names)} draws ready in {time.time() - started:.0f}s; extracting", file=sys.stderr)
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(lambda n: score_one(n, args.out, args.timeout), names))
    summary = summarise(results)
    (args.out / "results.json").write_text(json.dumps({"summary": summary, "draws": results}, indent=1,
                                                      ensure_ascii=False) + "\n", encoding="utf-8")
    (args.out / "results.md").write_text(markdown(summary, results), encoding="utf-8")
    print(f"fully right {summary['fully_right']}/{summary['draws']}, mean row accuracy "
          f"{summary['mean_row_accuracy']:.3f}; {args.out / 'results.md'} ({time.time() - started:.0f}s)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
