"""Run the real CLI on the committed sample PDFs and read the workbooks back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.clirun import run_cli
from tests.scoring import score

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
BORN_DIGITAL = ["notts-2016-annex", "westshire-2019-appendix", "northvale-2017-action-plan"]



@pytest.mark.parametrize("name", BORN_DIGITAL)
def test_sample_pdf_gives_a_workbook_that_matches_the_expected_rows(tmp_path, name):
    out = tmp_path / f"{name}.xlsx"
    result = run_cli(str(SAMPLES / f"{name}.pdf"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "rows" in result.stdout
    report = score(out, SAMPLES / f"{name}.expected.json")
    assert report["row_accuracy"] == 1.0, report["problems"]
    assert report["output_rows"] == report["gold_rows"]


def test_default_output_goes_next_to_the_pdf_and_is_not_overwritten(tmp_path):
    pdf = tmp_path / "response.pdf"
    pdf.write_bytes((SAMPLES / "westshire-2019-appendix.pdf").read_bytes())
    first = run_cli(str(pdf))
    assert first.returncode == 0, first.stderr
    out = tmp_path / "response.xlsx"
    stamp = out.stat().st_mtime_ns
    second = run_cli(str(pdf))
    assert second.returncode == 5
    assert "--force" in second.stderr and "Traceback" not in second.stderr
    assert out.stat().st_mtime_ns == stamp
    assert run_cli(str(pdf), "--force").returncode == 0


def test_summary_counts_rows_per_section(tmp_path):
    result = run_cli(str(SAMPLES / "notts-2016-annex.pdf"), "-o", str(tmp_path / "n.xlsx"))
    assert "78 rows" in result.stdout
    assert "65 issues of concern" in result.stdout and "10 areas for improvement" in result.stdout


def test_page_break_rows_are_merged_and_recorded_in_provenance(tmp_path):
    out = tmp_path / "n.xlsx"
    run_cli(str(SAMPLES / "notts-2016-annex.pdf"), "-o", str(out))
    prov = load_workbook(out)["Provenance"]
    merged = [row for row in prov.iter_rows(min_row=2, values_only=True) if row[8] and "merge-continuation" in row[8]]
    assert merged, "the sample has rows broken across pages; their merges must be recorded"
    assert all("," in row[4] for row in merged)  # such a row spans two PDF pages


def test_a_file_that_is_not_a_pdf_gets_a_one_line_error(tmp_path):
    bad = tmp_path / "page.pdf"
    bad.write_text("<html><body>Not found</body></html>")
    result = run_cli(str(bad))
    assert result.returncode == 3
    assert result.stderr.strip().count("\n") == 0 and "Traceback" not in result.stderr


def test_help_shows_an_example_and_version_prints():
    assert "hmic-extract response.pdf" in run_cli("--help").stdout
    assert run_cli("--version").stdout.startswith("hmic-extract")


@pytest.mark.parametrize("name", BORN_DIGITAL)
def test_page_refs_keep_their_printed_form(tmp_path, name):
    out = tmp_path / f"{name}.xlsx"
    assert run_cli(str(SAMPLES / f"{name}.pdf"), "-o", str(out)).returncode == 0
    ws = load_workbook(out).worksheets[0]
    printed = [row[2] for row in ws.iter_rows(min_row=5, values_only=True)]
    expected = json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))["rows"]
    assert printed == [r["page_ref"] for r in expected]
