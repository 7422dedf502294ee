"""CLI: ``python -m tests.layouts.annex --seed 1 --count 40 --out DIR [--scan-share 0.12] [--only-producer P]``.

Writes ``DIR/annex-<seed>-<n>.pdf`` and ``.gold.json`` for each draw and ``DIR/manifest.json``; a draw
that fails to render is reported and skipped.
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .draw import PRODUCERS
from .generate import generate_one


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.layouts.annex", description=__doc__)
    ap.add_argument("--seed", default="1")
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--start", type=int, default=0, help="first draw number")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--scan-share", type=float, default=0.12)
    ap.add_argument("--only-producer", choices=PRODUCERS)
    ap.add_argument("--max-scan-pages", type=int, default=None, help="skip scans longer than this")
    ap.add_argument("--max-scan-dpi", type=int, default=None, help="cap scan resolution (keeps files small)")
    ap.add_argument("--jobs", type=int, default=1, help="parallel renders (at most 2 on a shared machine)")
    ap.add_argument("--reuse", action="store_true", help="keep draws already in --out")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    numbers = range(args.start, args.start + args.count)
    kwargs = {"scan_share": args.scan_share, "only_producer": args.only_producer,
              "max_scan_pages": args.max_scan_pages, "max_scan_dpi": args.max_scan_dpi,
              "reuse": args.reuse}
    with ProcessPoolExecutor(max_workers=max(1, min(args.jobs, 2))) as pool:
        futures = [pool.submit(generate_one, args.seed, n, args.out, **kwargs) for n in numbers]
        entries = []
        for future in futures:
            entry = future.result()
            entries.append(entry)
            d = entry["draw"]
            status = f"SKIPPED {entry['error']}" if "error" in entry else f"{entry.get('pages')} pages"
            print(f"{entry['name']}: {d['producer']}/{d['rules']}/{d['section_style']}"
                  f"{' scan' if d.get('scan') else ''} – {status}", file=sys.stderr)
    manifest_path = args.out / "manifest.json"
    old = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {"draws": []}
    keep = {e["name"]: e for e in old.get("draws", [])}
    keep.update({e["name"]: e for e in entries})
    manifest = {"command": " ".join(["python -m tests.layouts.annex", *(argv or sys.argv[1:])]),
                "draws": sorted(keep.values(), key=lambda e: e["name"])}
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    failed = sum(1 for e in entries if "error" in e)
    print(f"{len(entries) - failed} written, {failed} skipped -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
