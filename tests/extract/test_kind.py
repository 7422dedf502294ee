"""Document-kind detection on every committed sample: annex PDFs take the table path, reports the findings path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hmic_extract.errors import NothingFound
from hmic_extract.extract import extract_document
from hmic_extract.extract.kind import ANNEX, REPORT, UNKNOWN, detect_kind, extract_by_kind, page_texts
from hmic_extract.extract.pdf import open_pdf
from hmic_extract.model import RawDocument

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def sample_kinds() -> dict[str, str]:
    """Every committed sample PDF and the kind its expected JSON gives ("report", else an annex of some kind)."""
    return {p.stem: json.loads(p.with_suffix(".expected.json").read_text(encoding="utf-8"))["kind"]
            for p in sorted(SAMPLES.glob("*.pdf"))}


KINDS = sample_kinds()
REPORTS = [name for name, kind in KINDS.items() if kind == "report"]
ANNEXES = [name for name, kind in KINDS.items() if kind != "report"]


def test_there_are_report_and_annex_samples():
    assert len(REPORTS) >= 2 and len(ANNEXES) >= 2


@pytest.mark.parametrize("name", REPORTS)
def test_cheap_text_scan_recognises_an_inspection_report(name):
    assert detect_kind(page_texts(SAMPLES / f"{name}.pdf")) == REPORT


@pytest.mark.parametrize("name", ANNEXES)
def test_cheap_text_scan_never_takes_an_annex_for_a_report(name):
    # A scan without a text layer shows neither sign ("unknown") and goes to the table path, which OCRs it.
    assert detect_kind(page_texts(SAMPLES / f"{name}.pdf")) in (ANNEX, UNKNOWN)


@pytest.mark.parametrize("name", ANNEXES)
def test_annex_and_scanned_pdfs_take_the_table_path(name):
    taken = RawDocument(source=name, kind="annex")
    with open_pdf(SAMPLES / f"{name}.pdf") as pdf:
        assert extract_by_kind(pdf, "auto", lambda: taken) is taken


@pytest.mark.parametrize("name", REPORTS)
def test_reports_take_the_findings_path_without_trying_the_table_path(name):
    def table_path() -> RawDocument:
        raise AssertionError("the table path must not run on a report")

    with open_pdf(SAMPLES / f"{name}.pdf") as pdf:
        raw = extract_by_kind(pdf, "auto", table_path)
    assert raw.kind == "report" and raw.findings and raw.method == "report-findings"


@pytest.mark.parametrize("name", ["notts-2016-annex", "westshire-2019-appendix"])  # born digital, ruled
def test_born_digital_annexes_still_come_out_as_annex_rows(name):
    raw = extract_document(SAMPLES / f"{name}.pdf")
    assert raw.kind == "annex" and raw.rows and not raw.findings


def test_forcing_the_annex_path_on_a_report_finds_nothing_and_says_what_was_looked_for():
    with pytest.raises(NothingFound, match=r"annex table \(Report Ref \| Page Ref \| Issue\)") as err:
        extract_document(SAMPLES / "eastmoor-2016-report.pdf", kind="annex")
    assert "findings" not in str(err.value)


def test_report_metadata_is_read_from_the_cover():
    raw = extract_document(SAMPLES / "westshire-2022-report.pdf")
    assert raw.metadata["force"] == "Westshire Police"
    assert raw.metadata["report_title"] == "PEEL 2021/22"
    assert raw.metadata["inspection_year"] == "2021/22"
    assert raw.metadata["published"] == "14 October 2022"
    assert raw.metadata["inspectorate"] == "HMICFRS"
    assert raw.metadata["title"] == "PEEL 2021/22 – Westshire Police"
