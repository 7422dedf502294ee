"""Write a corpus of synthetic inspection reports: ``report-<seed>-<n>.pdf`` and ``.gold.json``.

    python -m tests.layouts.report --seed 1 --count 20 --out DIR [--scan-share 0.1] [--era peel-2021]

Draws that fail to render are reported on stderr and skipped; the exit status is 0 when at least one was
written. Producers default to those installed (reportlab always; Chromium and LibreOffice when present).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .draw import make_draw


def available_producers() -> tuple[str, ...]:
    """reportlab, plus Chromium and LibreOffice when their binaries are installed."""
    from .producers.chromium_html import chromium_binary
    from .producers.docx_lo import soffice_binary

    out = ["reportlab"]
    if chromium_binary():
        out.append("chromium")
    if soffice_binary():
        out.append("docx")
    return tuple(out)


def write_draw(seed: int, index: int, out: Path, era: str | None, scan_share: float,
               producers: tuple[str, ...]) -> dict:
    """Render one draw (scanning it when drawn so); return a manifest entry or raise."""
    from . import render_draw

    draw = make_draw(seed, index, era=era, scan_share=scan_share, producers=producers)
    name = f"report-{seed}-{index}"
    pdf, gold = render_draw(draw, source=f"{name}.pdf")
    target = out / f"{name}.pdf"
    if draw.scan:
        from ..scan import scan_pdf

        params = {k: v for k, v in draw.scan.items() if k in ("dpi", "skew_deg", "blur", "noise", "jpeg_quality",
                                                               "text_layer", "grey")}
        with tempfile.TemporaryDirectory(prefix="report-scan-") as tmp:
            clean = Path(tmp) / "clean.pdf"
            clean.write_bytes(pdf)
            done = scan_pdf(clean, target, random.Random(f"scan:{seed}:{index}"), **params)
        gold["draw"]["scan"] = done
    else:
        target.write_bytes(pdf)
    (out / f"{name}.gold.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return {"file": target.name, "rows": len(gold["rows"]), **{k: gold["draw"][k] for k in (
        "content", "type", "producer", "afi_label", "cause_label", "rec_label", "rec_form", "box",
        "number_format", "page_numbering", "columns")}, "scanned": bool(draw.scan)}


def _job(args: tuple) -> tuple[int, dict | None, str | None]:
    seed, index, out, era, scan_share, producers = args
    try:
        return index, write_draw(seed, index, Path(out), era, scan_share, producers), None
    except Exception as exc:  # a draw that cannot be rendered is reported and skipped
        return index, None, f"{type(exc).__name__}: {exc}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.layouts.report", description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=20)
    ap.add_argument("--start", type=int, default=0, help="first draw index")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--scan-share", type=float, default=0.0)
    ap.add_argument("--era", default=None, help="only content of this era/type (prefix, e.g. peel-2021)")
    ap.add_argument("--producers", default=None, help="comma list of reportlab,chromium,docx (default: installed)")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (at most 2 on shared machines)")
    args = ap.parse_args(argv)
    producers = tuple(args.producers.split(",")) if args.producers else available_producers()
    args.out.mkdir(parents=True, exist_ok=True)
    jobs = [(args.seed, i, str(args.out), args.era, args.scan_share, producers)
            for i in range(args.start, args.start + args.count)]
    started = time.time()
    written, failed = [], 0
    if args.jobs > 1:
        with ProcessPoolExecutor(max_workers=min(args.jobs, 2)) as pool:
            results = list(pool.map(_job, jobs))
    else:
        results = [_job(j) for j in jobs]
    for index, entry, error in sorted(results, key=lambda r: r[0]):
        if error:
            failed += 1
            print(f"report-{args.seed}-{index}: not rendered: {error}", file=sys.stderr)
        else:
            written.append(entry)
    print(f"{len(written)} reports written to {args.out} ({failed} failed) in {time.time() - started:.0f}s",
          file=sys.stderr)
    return 0 if written else 1


if __name__ == "__main__":
    sys.exit(main())
