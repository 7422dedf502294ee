"""Build the committed CI sample: a fixed-seed set of draws that together show every value that matters.

    python -m tests.layouts.report.ci_sample --out tests/layouts/ci/report

Draws of one seed are taken in index order when they show a value not yet covered (a value counts only where
it is visible: a cause-of-concern label needs a report with causes, a box style needs a box), until every
era/type, label form, box style, running-head style, numbering scheme and producer is covered and there are
at least 20; then short scanned draws are added (image-only and with an OCR text layer). Needs Chromium,
LibreOffice and tesseract (build-time tools), like the corpus itself.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import content_for
from .__main__ import write_draw
from .doc import Box, iter_blocks
from .draw import DIMENSIONS, Draw, make_draw
from .templates import build_document

SEED = 2026
COVER = ("type", "producer", "afi_label", "afi_numbering", "cause_label", "rec_label", "rec_numbering", "rec_form",
         "box", "summary", "page_numbering", "page_labels", "number_format", "number_position", "number_align",
         "running", "columns", "font")
MIN_DRAWS = 20
MAX_PAGES = 20
MIN_PAGES = 4
MAX_SCAN_BYTES = 900_000  # keeps the committed sample well under 10 MB


def visible(draw: Draw) -> dict[str, set]:
    """The dimension values this draw really shows (a value with nothing to apply to is not shown)."""
    content = content_for(draw)
    kinds = {kind for i in draw.chapters for kind, _ in content.chapters[i].items}
    doc, statements = build_document(content, draw)
    has_box = any(isinstance(b, Box) for b in iter_blocks(doc.blocks))
    has_fragment = any(s.summary_text and s.summary_text != s.issue for s in statements)
    shown: dict[str, set] = {dim: {getattr(draw, dim)} for dim in COVER}
    if "cause" not in kinds:
        shown["cause_label"] = set()
    if not kinds & {"cause", "rec"}:
        shown["rec_label"] = shown["rec_numbering"] = shown["rec_form"] = set()
    if draw.rec_form == "lead-in" and not has_fragment:
        shown["rec_form"] = set()
    if not has_box:
        shown["box"] = set()
    if draw.type == "joint-custody":
        shown["cause_label"] = shown["rec_label"] = set()
    return shown


def wanted() -> dict[str, set]:
    from .content import TYPES

    out = {dim: set(DIMENSIONS.get(dim, ())) for dim in COVER}
    out["type"] = set(TYPES)
    return out


def build(out: Path, seed: int = SEED, limit: int = 400) -> list[dict]:
    """Write the sample into ``out`` and return its manifest entries."""
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("report-*"):
        old.unlink()
    missing = wanted()
    entries: list[dict] = []
    for index in range(limit):
        if len(entries) >= MIN_DRAWS and not any(missing.values()):
            break
        draw = make_draw(seed, index)
        shown = visible(draw)
        new = {dim: shown[dim] & missing[dim] for dim in COVER if shown[dim] & missing[dim]}
        if not new and len(entries) >= MIN_DRAWS:
            continue
        if not new and any(missing.values()):
            continue
        entry = _write(seed, index, out, 0.0)
        if entry is None:
            continue
        entries.append(entry)
        for dim, values in new.items():
            missing[dim] -= values
    if any(missing.values()):
        print(f"not covered within {limit} draws: { {k: v for k, v in missing.items() if v} }", file=sys.stderr)
    scans = {True: 0, False: 0}
    for index in range(1000, 1000 + limit):
        if scans[True] >= 1 and scans[False] >= 1 and sum(scans.values()) >= 3:
            break
        draw = make_draw(seed, index, scan_share=1.0)
        layer = bool(draw.scan and draw.scan["text_layer"])
        if scans[layer] >= 2:
            continue
        entry = _write(seed, index, out, 1.0, max_pages=4)
        if entry is None:
            continue
        entries.append(entry)
        scans[layer] += 1
    return entries


def _write(seed: int, index: int, out: Path, scan_share: float, max_pages: int = MAX_PAGES) -> dict | None:
    from .__main__ import available_producers

    name = f"report-{seed}-{index}"
    try:
        write_draw(seed, index, out, None, scan_share, available_producers())
    except Exception as exc:
        print(f"{name}: not rendered: {exc}", file=sys.stderr)
        return None
    pdf = out / f"{name}.pdf"
    gold = json.loads((out / f"{name}.gold.json").read_text(encoding="utf-8"))
    pages = _pages(pdf)
    scanned = bool(gold["draw"].get("scan"))
    low = 2 if scanned else MIN_PAGES
    too_big = scanned and (pdf.stat().st_size > MAX_SCAN_BYTES or len(gold["rows"]) < 3)
    if not low <= pages <= max_pages or too_big:
        pdf.unlink()
        (out / f"{name}.gold.json").unlink()
        return None
    return {"file": pdf.name, "pages": pages, "bytes": pdf.stat().st_size, "rows": len(gold["rows"]),
            "draw": gold["draw"]}


def _pages(pdf: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "ci" / "report")
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args(argv)
    entries = build(args.out, args.seed)
    manifest = {"command": f"python -m tests.layouts.report.ci_sample --out tests/layouts/ci/report --seed {args.seed}",
                "seed": args.seed, "draws": entries}
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n",
                                            encoding="utf-8")
    total = sum(e["bytes"] for e in entries)
    print(f"{len(entries)} draws, {total / 1e6:.1f} MB in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
