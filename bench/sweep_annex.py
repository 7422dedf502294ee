#!/usr/bin/env python3
"""Sweep the annex layout randomiser: generate (or reuse) draws, run the tool's CLI on each, score vs gold.

The tool is run as a user runs it (``hmic-extract extract PDF -o X.xlsx``, ``--kind auto``) in a
subprocess; the gold comes from the generator's content sets, never from the tool. Writes
``DIR/results.json`` and ``DIR/results.md``: draws fully right, mean row accuracy, the failure rate per
dimension value (which layout choices break the tool), and the failing draws with their first problems.

Usage: python bench/sweep_annex.py --draws 150 --seed 1 --jobs 2 --out /tmp/sweep [--scan-share 0.12]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED_SCORERS = (ROOT.parent / "shared" / "eval" / "score.py", Path("/work/shared/eval/score.py"))
TOOL_TIMEOUT = 600


def shared_scorer():
    """The shared scorer module when this checkout can see it (a user's clone cannot)."""
    for path in SHARED_SCORERS:
        if path.exists():
            spec = importlib.util.spec_from_file_location("shared_score", path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)  # type: ignore[union-attr]
            return module
    return None


def tool_command() -> list[str]:
    exe = Path(sys.executable).with_name("hmic-extract")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "hmic_extract.cli"]


def scorer_artifacts(xlsx: Path, gold: dict) -> int:
    """Rows wrong only because the scorer reads a dotted para number ("para 3.7") as a page (tests.scoring)."""
    from tests.scoring import printed_page_misread

    return printed_page_misread(xlsx, gold)


def run_and_score(pdf: Path, gold_path: Path, out_dir: Path, keep: bool = False) -> dict:
    """Run the CLI on one draw and score its workbook with both scorers (``keep``: reuse a newer workbook)."""

    xlsx = out_dir / (pdf.stem + ".xlsx")
    started = time.monotonic()
    if keep and xlsx.exists() and xlsx.stat().st_mtime > pdf.stat().st_mtime:
        return score_workbook(xlsx, gold_path, {"name": pdf.stem, "exit": 0, "seconds": 0.0, "kept": True})
    cmd = [*tool_command(), "extract", str(pdf), "-o", str(xlsx), "--force", "-q", "-j", "1"]
    env = dict(os.environ, OMP_NUM_THREADS="1", OMP_THREAD_LIMIT="1")
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=TOOL_TIMEOUT, env=env)
        code, err = proc.returncode, (proc.stderr or proc.stdout).strip()[-400:]
    except subprocess.TimeoutExpired:
        code, err = "timeout", f"no result in {TOOL_TIMEOUT}s"
    result: dict = {"name": pdf.stem, "exit": code, "seconds": round(time.monotonic() - started, 1)}
    if code != 0 or not xlsx.exists():
        xlsx.unlink(missing_ok=True)
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        result.update(row_accuracy=0.0, correct=0, gold_rows=len(gold["rows"]),
                      problems=[f"tool exit {code}: {err}"])
        return result
    return score_workbook(xlsx, gold_path, result)


def score_workbook(xlsx: Path, gold_path: Path, result: dict) -> dict:
    from tests.scoring import score

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    own = score(xlsx, gold)
    artifacts = scorer_artifacts(xlsx, gold)
    result.update(row_accuracy=own["row_accuracy"], correct=own["correct"], gold_rows=own["gold_rows"],
                  output_rows=own["output_rows"], problems=own["problems"][:12], para_artifacts=artifacts,
                  row_accuracy_without_para_artifacts=round((own["correct"] + artifacts) / max(1, own["gold_rows"]),
                                                            4))
    shared = shared_scorer()
    if shared is not None:
        found = shared.read_workbook(str(xlsx))
        s = shared.score(found, gold["rows"])
        result.update(shared_row_accuracy=s["row_accuracy"], extra_rows=s["extra_rows"],
                      shared_problems=s["problems"][:12])
    return result


def dimensions(draw: dict) -> dict[str, str]:
    """The draw's choices as flat dimension=value pairs for the failure table."""
    cols = [c["key"] for c in draw["columns"]]
    scan = draw.get("scan")
    plain = draw["ref_style"]["plain"].replace("{n}", "1")
    return {
        "producer": draw["producer"], "variant": f"{draw['producer']}:{draw['variant']}", "rules": draw["rules"],
        "section_style": draw["section_style"], "section_marker": draw["section_marker"],
        "ref_style": "prefixed" if draw["ref_prefixed"] else f"plain {plain}",
        "header_fill": str(draw["header_fill"]), "zebra": str(draw["zebra"]),
        "band_look": ",".join(k for k, v in draw["band_look"].items() if v) or "plain"
        if "band" in draw["section_marker"] else "n/a",
        "heading_case": draw["heading_case"], "theme_style": draw["theme_style"],
        "heading_numbering": draw["heading_numbering"], "untitled_first": str(draw["untitled_first"]),
        "ref_valign": draw["ref_valign"], "page_col": "before text" if cols.index("page") < cols.index("issue")
        else "after text", "ref_first": str(cols[0] == "ref"), "n_columns": str(len(cols)),
        "action_col": str("action" in cols), "header_lines": str(draw["header_lines"]),
        "header_case": draw["header_case"], "repeat_header": str(draw["repeat_header"]),
        "page": f"{draw['page_size']} {draw['orientation']}", "font": f"{draw['font_family']} {draw['font_size']}pt",
        "letter_pages": str(draw["letter_pages"]), "grades_table": str(draw["grades_table"]),
        "annex_heading": str(bool(draw["annex_heading"])), "title_rows": str(len(draw["title_rows"])),
        "footnotes": draw["footnotes"], "footnote_marks": draw["footnote_marks"],
        "running_header": str(draw["running_header"] != "none"), "running_footer": draw["running_footer"],
        "rows_split": str(draw["rows_split"]), "cut_border": str(draw["cut_border"]),
        "tall_rows": str(len(draw["tall_rows"])), "hyphenate": str(draw.get("hyphenate")),
        "excerpt": str(draw["excerpt"] is not None), "content": draw["content"],
        "scan": "no" if not scan else ("scan+text layer" if scan["text_layer"] else "scan image-only"),
    }


def summarise(results: list[dict], draws: dict[str, dict]) -> dict:
    scored = [r for r in results if r["name"] in draws]
    right = [r for r in scored if r["row_accuracy"] >= 1.0]
    table: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0.0]))
    for r in scored:
        for dim, value in dimensions(draws[r["name"]]).items():
            cell = table[dim][value]
            cell[1] += 1
            cell[0] += r["row_accuracy"] < 1.0
            cell[2] += r["row_accuracy"]
    return {"draws": len(scored), "fully_right": len(right),
            "mean_row_accuracy": round(sum(r["row_accuracy"] for r in scored) / max(1, len(scored)), 4),
            "mean_shared_row_accuracy": round(sum(r.get("shared_row_accuracy", r["row_accuracy"]) for r in scored)
                                              / max(1, len(scored)), 4),
            "tool_errors": sum(1 for r in scored if r["exit"] != 0),
            "para_artifact_rows": sum(r.get("para_artifacts", 0) for r in scored),
            "fully_right_without_para_artifacts": sum(
                1 for r in scored if r.get("row_accuracy_without_para_artifacts", r["row_accuracy"]) >= 1.0),
            "mean_row_accuracy_without_para_artifacts": round(sum(
                r.get("row_accuracy_without_para_artifacts", r["row_accuracy"]) for r in scored) / max(1, len(scored)),
                4),
            "failure_by_dimension": {d: {v: {"wrong": c[0], "of": c[1], "mean_row_accuracy": round(c[2] / c[1], 3)}
                                         for v, c in sorted(vals.items())} for d, vals in table.items()}}


def markdown(summary: dict, results: list[dict], draws: dict[str, dict]) -> str:
    lines = ["# Annex layout sweep\n", f"- draws scored: {summary['draws']}",
             f"- fully right: {summary['fully_right']} ({summary['fully_right'] / max(1, summary['draws']):.0%})",
             f"- mean row accuracy: {summary['mean_row_accuracy']:.3f} "
             f"(shared scorer {summary['mean_shared_row_accuracy']:.3f})",
             f"- tool errors (non-zero exit): {summary['tool_errors']}",
             f"- rows wrong only because the scorer reads a dotted para number as a page: "
             f"{summary['para_artifact_rows']} (without them: {summary['fully_right_without_para_artifacts']} fully "
             f"right, mean row accuracy {summary['mean_row_accuracy_without_para_artifacts']:.3f})", "",
             "## Failure rate per dimension value", "",
             "wrong = draws not fully right; acc = mean row accuracy of the draws with that value (lower = worse).", "",
             "| dimension | value | wrong | of | rate | acc |", "|---|---|---:|---:|---:|---:|"]
    for dim, vals in summary["failure_by_dimension"].items():
        for value, c in sorted(vals.items(), key=lambda kv: kv[1]["mean_row_accuracy"]):
            lines.append(f"| {dim} | {value} | {c['wrong']} | {c['of']} | {c['wrong'] / max(1, c['of']):.0%} "
                         f"| {c['mean_row_accuracy']:.2f} |")
    lines += ["", "## Failing draws (first problems)", "", "| draw | producer/rules/sections | acc | first problems |",
              "|---|---|---:|---|"]
    for r in sorted(results, key=lambda r: r["row_accuracy"]):
        if r["row_accuracy"] >= 1.0 or r["name"] not in draws:
            continue
        d = draws[r["name"]]
        what = f"{d['producer']}/{d['rules']}/{d['section_style']}{' scan' if d.get('scan') else ''}"
        probs = "; ".join(r["problems"][:3]).replace("|", "/")
        lines.append(f"| {r['name']} | {what} | {r['row_accuracy']:.2f} | {probs[:300]} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--draws", type=int, default=150)
    ap.add_argument("--seed", default="1")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--scan-share", type=float, default=0.12)
    ap.add_argument("--no-generate", action="store_true", help="score the draws already in DIR/draws only")
    ap.add_argument("--keep-outputs", action="store_true",
                    help="reuse workbooks in DIR/out newer than their PDF (rescore without rerunning the tool)")
    args = ap.parse_args()
    jobs = max(1, min(args.jobs, 2))
    draw_dir, out_dir = args.out / "draws", args.out / "out"
    draw_dir.mkdir(parents=True, exist_ok=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    if not args.no_generate:
        from tests.layouts.annex.__main__ import main as generate

        generate(["--seed", str(args.seed), "--count", str(args.draws), "--out", str(draw_dir),
                  "--scan-share", str(args.scan_share), "--jobs", str(jobs), "--reuse"])
    draws = {}
    for gold_path in sorted(draw_dir.glob("annex-*.gold.json")):
        draws[gold_path.name.removesuffix(".gold.json")] = json.loads(gold_path.read_text(encoding="utf-8"))["draw"]
    names = sorted(draws, key=lambda n: [int(x) if x.isdigit() else x for x in n.split("-")])
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {n: pool.submit(run_and_score, draw_dir / f"{n}.pdf", draw_dir / f"{n}.gold.json", out_dir,
                                  args.keep_outputs) for n in names}
        results = []
        for n, future in futures.items():
            r = future.result()
            results.append(r)
            print(f"{n}: {r['row_accuracy']:.3f} ({r['seconds']}s)", file=sys.stderr)
    summary = summarise(results, draws)
    (args.out / "results.json").write_text(json.dumps({"summary": summary, "results": results}, indent=1,
                                                      ensure_ascii=False) + "\n", encoding="utf-8")
    (args.out / "results.md").write_text(markdown(summary, results, draws), encoding="utf-8")
    print(f"{summary['fully_right']}/{summary['draws']} fully right, mean row accuracy "
          f"{summary['mean_row_accuracy']:.3f} -> {args.out / 'results.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
