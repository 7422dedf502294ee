"""OCR scheduling: one page that cannot be read costs only that page; every page is OCR-ed once per document.

The failures are injected through the one engine interface: fake engines (tests/extract/ocr_fakes.py)
that every worker process imports as a plug-in, and that fail or crash on a page marked with a black
square. Everything else on the way is real: workers, retries, the pipeline, the batch outcome, the CLI's
summary and exit code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hmic_extract.batch import Source, Task, batch_exit_code, process_source
from hmic_extract.cli import EXIT_PARTIAL, summary_line
from hmic_extract.errors import NothingFound, PartlyRead
from hmic_extract.export.json_out import document_to_json
from hmic_extract.extract.ocr.base import engine_message
from hmic_extract.extract.ocr.settings import OcrSettings
from hmic_extract.pipeline import extract_file
from tests.extract import ocr_fakes
from tests.scoring import score

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
MARKED = 2  # PDF page index 2 (page 3) of the westshire scan holds the middle of the annex


@pytest.fixture(scope="module")
def marked_scan(tmp_path_factory) -> Path:
    """The scanned westshire appendix (image only), with page 3 marked for the fake engines."""
    out = tmp_path_factory.mktemp("marked") / "westshire-marked.pdf"
    return ocr_fakes.mark_page(SAMPLES / "westshire-2019-appendix-scanned.pdf", out, MARKED)


def expected() -> list[dict]:
    return json.loads((SAMPLES / "westshire-2019-appendix-scanned.expected.json").read_text(encoding="utf-8"))["rows"]


def assert_other_pages_read(out: Path, doc) -> None:
    """Rows 1-9 stand whole on page 2 and come out exact; the three recommendations of page 4 are all there
    (the page between, with the section band, is lost, so their section may not be)."""
    report = score(out, {"rows": expected()[:9]})
    assert report["correct"] == 9, report["problems"]
    texts = [" ".join(f.issue.split()) for f in doc.findings]
    for gold in expected()[-3:]:
        assert any(t.startswith(gold["issue"][:50]) for t in texts), (gold["issue"], texts)


def run_task(pdf: Path, tmp_path: Path, settings: OcrSettings):
    outputs = {"json": tmp_path / "out.json", "xlsx": tmp_path / "out.xlsx"}
    task = Task(0, Source(pdf, pdf.name, Path(pdf.stem)), outputs, options={"settings": settings, "jobs": 2})
    return process_source(task)


def run_with_failing_page(pdf: Path, tmp_path: Path, engine: str):
    """Run a scan through a fake engine that fails on the marked page; the run must finish with that page unread."""
    settings = OcrSettings(engine=engine, plugins=(ocr_fakes.MODULE,), fallback=False)
    outcome = run_task(pdf, tmp_path, settings)
    doc = outcome.document
    assert outcome.status == "ok" and doc is not None, outcome.reason
    assert [u.index for u in doc.unread_pages] == [MARKED]
    return outcome, doc


def test_an_engine_failure_on_one_page_costs_only_that_page(marked_scan, tmp_path):
    outcome, doc = run_with_failing_page(marked_scan, tmp_path, "fails-on-mark")
    # the engine's own message, never a traceback's first line
    assert "std::bad_alloc" in doc.unread_pages[0].reason and "Traceback" not in doc.unread_pages[0].reason
    assert outcome.exit_code == PartlyRead.exit_code == EXIT_PARTIAL == 8
    assert batch_exit_code([outcome]) == 8
    assert "PDF page 3 could not be read by OCR" in outcome.reason and "Traceback" not in outcome.reason
    assert "Traceback (most recent call last)" in outcome.traceback  # shown with -v
    assert "PDF page 3 not read" in summary_line(doc, outcome.written)
    assert_other_pages_read(tmp_path / "out.xlsx", doc)
    # the Document sheet and the JSON say which page is missing
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "out.xlsx")["Document"]
    facts = {row[0]: row[1] for row in sheet.iter_rows(values_only=True)}
    assert facts["Pages not read (OCR failed)"] == "PDF page 3"
    assert document_to_json(doc)["unread_pages"] == [{"pdf_page": MARKED, "reason": doc.unread_pages[0].reason}]


def test_a_worker_that_crashes_on_one_page_costs_only_that_page(marked_scan, tmp_path):
    outcome, doc = run_with_failing_page(marked_scan, tmp_path, "crashes-on-mark")
    assert "OCR worker stopped (signal 11 (SIGSEGV)" in doc.unread_pages[0].reason
    assert outcome.exit_code == 8
    assert_other_pages_read(tmp_path / "out.xlsx", doc)


def test_a_page_the_chosen_engine_cannot_read_is_read_by_the_other_engine(marked_scan, tmp_path):
    settings = OcrSettings(engine="fails-on-mark", plugins=(ocr_fakes.MODULE,))  # falls back to RapidOCR
    outcome = run_task(marked_scan, tmp_path, settings)
    assert outcome.exit_code == 0 and outcome.document is not None and not outcome.document.unread_pages
    assert any(n.startswith("PDF page 3 was read by rapidocr on a retry, after: [ONNXRuntimeError]")
               for n in outcome.document.notes), outcome.document.notes
    report = score(tmp_path / "out.xlsx", {"rows": expected()})
    assert report["row_accuracy"] >= 0.95, report["problems"]


def test_a_page_is_ocred_once_when_the_annex_path_and_the_report_path_both_read_it(tmp_path, monkeypatch):
    from hmic_extract.extract import findings
    from tests.extract.test_scanned_samples import scanned_report_pages

    pdf = scanned_report_pages(tmp_path / "report-scan.pdf", (9, 12))  # two report pages with ruled tables
    log = tmp_path / "calls.log"
    monkeypatch.setenv(ocr_fakes.LOG_VARIABLE, str(log))
    reached = []
    real = findings.extract_scanned_report
    monkeypatch.setattr(findings, "extract_scanned_report", lambda *a: reached.append(True) or real(*a))
    with pytest.raises(NothingFound):  # the fake engine reads no text at all
        extract_file(pdf, settings=OcrSettings(engine="counting", plugins=(ocr_fakes.MODULE,)), jobs=2)
    assert reached, "the findings path did not look at the pages"
    pages = [line for line in log.read_text().splitlines() if line.startswith("page ")]
    assert len(pages) == 2 and len(set(pages)) == 2, pages  # each of the two pages once


def test_an_ocr_worker_reads_the_page_image_the_planner_made_without_rendering_it_again(tmp_path, monkeypatch):
    # The file worker renders, deskews and grids each scanned page to plan it; the OCR worker is handed that image
    # (the same render at the same angle) rather than doing it all again, and the plans let go of it once read.
    from hmic_extract.extract.pdf import open_pdf
    from hmic_extract.extract.scanned import ocr_plans, plan_page
    from tests.extract import render_log
    from tests.extract.test_scanned_samples import scanned_report_pages

    pdf = scanned_report_pages(tmp_path / "report-scan.pdf", (9, 12))
    log = tmp_path / "calls.log"
    monkeypatch.setenv(ocr_fakes.LOG_VARIABLE, str(log))
    settings = OcrSettings(engine="counting", plugins=(ocr_fakes.MODULE, render_log.MODULE))
    with open_pdf(pdf) as doc:
        from hmic_extract.extract.page_kinds import classify_pages

        kinds = classify_pages(doc)
        plans = [plan_page(doc, i, kinds[i], None, True) for i in (0, 1)]
        assert all(p.image is not None for p in plans)
        doc.scan_plans.update({(p.page_index, str(p.kind), True): p for p in plans})
        ocr_plans(doc, plans, settings, 1, None, None)
        assert all(p.image is None for p in plans)  # released: nothing reads the page image again
    calls = log.read_text().splitlines()
    assert [c for c in calls if c.startswith("page ")] and not [c for c in calls if c.startswith("render ")], calls


def test_plans_keep_page_images_for_ocr_only_within_their_budget(tmp_path):
    from hmic_extract.extract.page_kinds import classify_pages
    from hmic_extract.extract.pdf import open_pdf
    from hmic_extract.extract.scanned import cached_plan
    from tests.extract.test_scanned_samples import scanned_report_pages

    pdf = scanned_report_pages(tmp_path / "report-scan.pdf", (9, 12))
    with open_pdf(pdf) as doc:
        kinds = classify_pages(doc)
        first = cached_plan(doc, 0, kinds[0], None, True, image_budget=10_000_000)
        assert first.image is not None and first.image.nbytes < 10_000_000
        second = cached_plan(doc, 1, kinds[1], None, True, image_budget=first.image.nbytes + 1)
        assert second.image is None  # over budget: the worker renders that page itself
        assert second.frames is not None and second.angle is not None


def test_the_ocr_workers_of_one_document_are_kept_from_one_ocr_pass_to_the_next(tmp_path, monkeypatch):
    # The table path reads the pages, then the findings path reads their margins again: the second pass uses the
    # workers (engines) of the first rather than starting new ones, and they are all stopped when the file is done.
    import multiprocessing

    from hmic_extract.extract import scanned
    from tests.extract.test_scanned_samples import scanned_report_pages

    pdf = scanned_report_pages(tmp_path / "report-scan.pdf", (9, 12))
    log = tmp_path / "calls.log"
    monkeypatch.setenv(ocr_fakes.LOG_VARIABLE, str(log))
    margins = []
    real = scanned.margin_page_words
    monkeypatch.setattr(scanned, "margin_page_words", lambda pdf, pages, **k: margins.append(list(pages)) or
                        real(pdf, pages, **k))
    with pytest.raises(NothingFound):
        extract_file(pdf, settings=OcrSettings(engine="counting", plugins=(ocr_fakes.MODULE,)), jobs=2)
    assert margins and margins[0], "the margins pass did not run"
    engines = [line for line in log.read_text().splitlines() if line.startswith("engine ")]
    assert len(engines) == 2, engines  # one per worker of the first pass (2 pages, -j 2), none more
    assert not multiprocessing.active_children()


def test_the_engine_message_is_the_innermost_error_not_a_traceback_line():
    try:
        try:
            raise RuntimeError("[ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION : std::bad_alloc")
        except RuntimeError as inner:
            raise ocr_fakes.ONNXRuntimeError(ocr_fakes.ONNX_TEXT) from inner
    except ocr_fakes.ONNXRuntimeError as err:
        assert engine_message(err) == "[ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION : std::bad_alloc"
    assert engine_message(ValueError(ocr_fakes.ONNX_TEXT)).endswith("Status Message: std::bad_alloc")
    assert engine_message(ValueError("")) == "ValueError"
