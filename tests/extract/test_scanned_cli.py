"""The CLI's --ocr and per-page OCR progress, on the scanned samples."""

from __future__ import annotations

from pathlib import Path

from tests.clirun import run_cli
from tests.scoring import score

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_a_scan_with_an_ocr_layer_is_extracted_and_ocr_progress_is_shown_per_page(tmp_path):
    out = tmp_path / "layer.xlsx"
    result = run_cli(str(SAMPLES / "westshire-2019-appendix-ocr-layer.pdf"), "-o", str(out), "-v", "-j", "1")
    assert result.returncode == 0, result.stderr
    # every scanned page, those with a text layer too (the engine's reading is preferred to a scanner's layer)
    assert "OCR: 1/3 pages (PDF page 2)" in result.stderr and "OCR: 3/3 pages (PDF page 4)" in result.stderr
    assert score(out, SAMPLES / "westshire-2019-appendix-ocr-layer.expected.json")["row_accuracy"] >= 0.95


def test_ocr_never_on_a_scan_finds_nothing_and_exits_4(tmp_path):
    result = run_cli(str(SAMPLES / "westshire-2019-appendix-scanned.pdf"), "-o", str(tmp_path / "x.xlsx"),
                     "--ocr", "never")
    assert result.returncode == 4, result.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_ocr_rejects_an_unknown_mode():
    result = run_cli(str(SAMPLES / "westshire-2019-appendix-scanned.pdf"), "--ocr", "sometimes")
    assert result.returncode == 2 and "sometimes" in result.stderr
