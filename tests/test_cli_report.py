"""The real CLI on the committed inspection-report samples: the same workbook as for an annex."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.clirun import run_cli
from tests.scoring import score

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
REPORTS = ["eastmoor-2016-report", "westshire-2022-report"]



@pytest.mark.parametrize("name", REPORTS)
def test_report_pdf_gives_a_workbook_that_matches_the_expected_rows(tmp_path, name):
    out = tmp_path / f"{name}.xlsx"
    result = run_cli(str(SAMPLES / f"{name}.pdf"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    report = score(out, SAMPLES / f"{name}.expected.json")
    assert report["row_accuracy"] == 1.0, report["problems"]
    assert report["output_rows"] == report["gold_rows"]
    expected = json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))
    doc_sheet = {row[0]: row[1] for row in load_workbook(out)["Document"].iter_rows(values_only=True) if row[0]}
    assert doc_sheet["Document kind"] == "report"
    assert doc_sheet["Force"] == expected["force"]


def test_summary_page_and_lead_in_travel_to_the_provenance_sheet(tmp_path):
    out = tmp_path / "e.xlsx"
    assert run_cli(str(SAMPLES / "eastmoor-2016-report.pdf"), "-o", str(out)).returncode == 0
    rows = list(load_workbook(out)["Provenance"].iter_rows(min_row=2, values_only=True))
    recs = [row for row in rows if row[1] == "Recommendations"]
    assert recs and all("summary_page: Page 2" in row[-1] and "lead_in: To address" in row[-1] for row in recs)


def test_kind_option_forces_the_table_path_and_a_report_then_has_nothing_found(tmp_path):
    result = run_cli(str(SAMPLES / "westshire-2022-report.pdf"), "--kind", "annex", "-o", str(tmp_path / "w.xlsx"))
    assert result.returncode == 4
    assert "annex table" in result.stderr and "Traceback" not in result.stderr


def test_kind_option_report_reads_a_report(tmp_path):
    out = tmp_path / "w.xlsx"
    result = run_cli(str(SAMPLES / "westshire-2022-report.pdf"), "--kind", "report", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert score(out, SAMPLES / "westshire-2022-report.expected.json")["row_accuracy"] == 1.0
