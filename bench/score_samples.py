#!/usr/bin/env python3
"""Score every sample PDF: run the CLI, then the project's scorer and ../shared/eval/score.py (if present).

Prints one row per sample: rows correct, row accuracy (own / shared), rows flagged for review, wrong
rows without a flag (should be 0) and wall seconds. Usage: python bench/score_samples.py [PDF ...]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED_SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def flagged_keys(xlsx: Path) -> set[tuple[str, int]]:
    """(section, ref) of the rows the workbook flags for review (Provenance sheet)."""
    from openpyxl import load_workbook

    from tests.scoring import norm_section

    prov = load_workbook(xlsx, read_only=True)["Provenance"]
    rows = list(prov.iter_rows(values_only=True))
    header = {name: i for i, name in enumerate(rows[0])}
    out = set()
    for row in rows[1:]:
        if row[header["Review flags"]] and isinstance(row[header["Report Ref"]], int):
            out.add((norm_section(row[header["Section"]]), row[header["Report Ref"]]))
    return out


def main() -> int:
    from tests.scoring import score

    pdfs = [Path(p) for p in sys.argv[1:]] or sorted(p for p in (ROOT / "samples").glob("*.pdf")
                                                     if p.with_suffix(".expected.json").exists())
    print("| sample | rows correct | accuracy own / shared | flagged | wrong and unflagged | seconds |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in pdfs:
            expected = pdf.with_suffix(".expected.json")
            out = Path(tmp) / (pdf.stem + ".xlsx")
            start = time.perf_counter()
            proc = subprocess.run([sys.executable, "-m", "hmic_extract.cli", str(pdf), "-o", str(out), "-q"],
                                  capture_output=True, text=True)
            seconds = time.perf_counter() - start
            if proc.returncode != 0:
                print(f"| {pdf.name} | exit {proc.returncode}: {proc.stderr.strip()[:80]} | | | | {seconds:.1f} |")
                continue
            own = score(out, expected)
            shared = "-"
            if SHARED_SCORER.exists():
                result = subprocess.run([sys.executable, str(SHARED_SCORER), str(out), str(expected), "--json"],
                                        capture_output=True, text=True)
                shared = json.loads(result.stdout)["row_accuracy"] if result.returncode == 0 else "error"
            flagged = flagged_keys(out)
            wrong = {(p.split("'")[1], int(p.split(", ")[1].split(")")[0])) for p in own["problems"]
                     if p.startswith("wrong")}
            print(f"| {pdf.name} | {own['correct']}/{own['gold_rows']} | {own['row_accuracy']} / {shared} | "
                  f"{len(flagged)} | {len(wrong - flagged)} | {seconds:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
