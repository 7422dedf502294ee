"""Batch processing (issue 6): folders, patterns, duplicates, workers, combined tracker, progress, exit codes."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from hmic_extract.batch import collect_sources, glob_root
from hmic_extract.cli import main
from hmic_extract.console import Progress
from hmic_extract.pipeline import extract_file
from tests.scoring import score

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
ANNEXES = ["notts-2016-annex", "westshire-2019-appendix"]
REPORT = "eastmoor-2016-report"


def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Path:
    """A folder as a user has it: two annex PDFs (one in a sub-folder), an inspection report, an HTML page
    saved as .pdf, a truncated PDF and a second copy of one annex."""
    root = tmp_path_factory.mktemp("mixed") / "in"
    (root / "2019").mkdir(parents=True)
    shutil.copy(SAMPLES / f"{ANNEXES[0]}.pdf", root / f"{ANNEXES[0]}.pdf")
    shutil.copy(SAMPLES / f"{ANNEXES[1]}.pdf", root / "2019" / f"{ANNEXES[1]}.pdf")
    shutil.copy(SAMPLES / f"{REPORT}.pdf", root / f"{REPORT}.pdf")
    (root / "page.pdf").write_text("<!doctype html><html><body>Not found</body></html>")
    data = (SAMPLES / f"{ANNEXES[0]}.pdf").read_bytes()
    (root / "truncated.pdf").write_bytes(data[: len(data) // 4])
    shutil.copy(SAMPLES / f"{ANNEXES[1]}.pdf", root / "2019" / "zz-copy.pdf")
    return root


@pytest.fixture(scope="module")
def runs(mixed) -> dict[int, tuple[object, Path]]:
    """The mixed folder run with --jobs 1 and --jobs 2, every format plus a combined workbook."""
    out = {}
    here = os.getcwd()
    os.chdir(mixed.parent)  # relative names, as a user types them, keep the summary table readable
    try:
        for jobs in (1, 2):
            result = run("in", "-r", "-o", f"out-j{jobs}", "--jobs", jobs, "-f", "xlsx", "-f", "csv", "-f", "json",
                         "--combined", f"all-j{jobs}.xlsx")
            out[jobs] = (result, mixed.parent / f"out-j{jobs}")
    finally:
        os.chdir(here)
    return out


def test_a_mixed_batch_reads_the_good_files_and_reports_the_bad_ones(runs):
    result, dest = runs[1]
    assert result.exit_code == 3, result.output  # the highest code of a failed file: unreadable input
    for name, rel in ((ANNEXES[0], ANNEXES[0]), (ANNEXES[1], f"2019/{ANNEXES[1]}")):
        report = score(dest / f"{rel}.xlsx", SAMPLES / f"{name}.expected.json")
        assert report["row_accuracy"] == 1.0, report["problems"]
    assert (dest / "2019" / f"{ANNEXES[1]}.csv").exists() and (dest / "2019" / f"{ANNEXES[1]}.json").exists()
    assert not list(dest.rglob("page.*")) and not list(dest.rglob("truncated.*")) and not list(dest.rglob("zz-copy.*"))
    lines = result.stdout.splitlines()
    status = {line.split()[1].rsplit("/", 1)[-1]: line.split()[2] for line in lines[1:-2] if line.strip()[0].isdigit()}
    assert status["page.pdf"] == "failed" and status["truncated.pdf"] == "failed"
    assert status["zz-copy.pdf"] == "duplicate" and status[f"{ANNEXES[0]}.pdf"] == "ok"
    assert "an HTML page" in result.stderr and "is the file complete?" in result.stderr


def test_the_inspection_report_in_the_batch_is_read_as_a_report(runs):
    _result, dest = runs[1]
    data = json.loads((dest / f"{REPORT}.json").read_text(encoding="utf-8"))
    assert data["kind"] == "report"
    report = score(dest / f"{REPORT}.xlsx", SAMPLES / f"{REPORT}.expected.json")
    assert report["row_accuracy"] >= 0.9, report["problems"]


def test_one_worker_or_two_give_identical_outputs(runs):
    (r1, d1), (r2, d2) = runs[1], runs[2]
    assert r1.exit_code == r2.exit_code
    files1 = sorted(p.relative_to(d1) for p in d1.rglob("*") if p.is_file())
    assert files1 == sorted(p.relative_to(d2) for p in d2.rglob("*") if p.is_file())
    for rel in files1:
        if rel.suffix in (".json", ".csv"):
            assert (d1 / rel).read_bytes() == (d2 / rel).read_bytes(), rel
        else:
            assert workbook_values(d1 / rel) == workbook_values(d2 / rel), rel
    assert r1.stdout.replace("all-j1", "all-jN").replace("out-j1", "out-jN").splitlines()[-1] == \
           r2.stdout.replace("all-j2", "all-jN").replace("out-j2", "out-jN").splitlines()[-1]
    table1 = [line.split()[:5] for line in r1.stdout.splitlines()[:-1]]
    assert table1 == [line.split()[:5] for line in r2.stdout.splitlines()[:-1]]  # same order, statuses, rows


def workbook_values(path: Path) -> list[list[object]]:
    """Every cell of every sheet, less the extraction time stamp."""
    wb = load_workbook(path)
    return [[row for row in ws.iter_rows(values_only=True) if row[0] != "Extracted at (UTC)"] for ws in wb]


def test_the_combined_workbook_indexes_every_source_with_status_and_reason(runs, mixed):
    wb = load_workbook(mixed.parent / "all-j1.xlsx")
    index = list(wb["Index"].iter_rows(values_only=True))
    header = index[0]
    by_name = {Path(r[0]).name: dict(zip(header, r, strict=True)) for r in index[1:]}
    assert len(by_name) == 6
    assert by_name["page.pdf"]["Status"] == "failed" and "HTML" in by_name["page.pdf"]["Reason"]
    assert by_name["zz-copy.pdf"]["Status"] == "duplicate"
    assert by_name[f"{ANNEXES[0]}.pdf"]["Rows"] == 78 and by_name[f"{REPORT}.pdf"]["Kind"] == "report"
    rows = list(wb["All rows"].iter_rows(values_only=True))
    ok_rows = sum(r["Rows"] for r in by_name.values() if r["Status"] == "ok")
    assert len(rows) - 1 == ok_rows
    assert {Path(r[0]).name for r in rows[1:]} == {f"{ANNEXES[0]}.pdf", f"{ANNEXES[1]}.pdf", f"{REPORT}.pdf"}
    assert workbook_values(mixed.parent / "all-j1.xlsx") == workbook_values(mixed.parent / "all-j2.xlsx")


def test_combined_alone_writes_only_the_combined_workbook(tmp_path):
    for name in ANNEXES:
        shutil.copy(SAMPLES / f"{name}.pdf", tmp_path / f"{name}.pdf")
    result = run(tmp_path / "*.pdf", "--combined", tmp_path / "tracker.xlsx", "-q")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".pdf", ".pdf", ".xlsx"]
    rows = list(load_workbook(tmp_path / "tracker.xlsx")["All rows"].iter_rows(values_only=True))
    assert len(rows) == 1 + 78 + 22


def test_inputs_mix_files_folders_and_patterns_and_duplicates_are_read_once(tmp_path):
    (tmp_path / "a" / "deep").mkdir(parents=True)
    shutil.copy(SAMPLES / f"{ANNEXES[0]}.pdf", tmp_path / "a" / "one.pdf")
    shutil.copy(SAMPLES / f"{ANNEXES[1]}.pdf", tmp_path / "a" / "deep" / "two.PDF")
    (tmp_path / "a" / "notes.txt").write_text("not a pdf, not picked up from a folder")
    flat = collect_sources([tmp_path / "a"])
    assert [s.path.name for s in flat] == ["one.pdf"]
    deep = collect_sources([tmp_path / "a", str(tmp_path / "a" / "**" / "*.PDF"), tmp_path / "a" / "one.pdf"],
                           recursive=True)
    assert [(s.path.name, s.duplicate_of != "") for s in deep] == \
           [("one.pdf", False), ("two.PDF", False), ("two.PDF", True), ("one.pdf", True)]
    assert deep[1].rel == Path("deep/two")
    missing = collect_sources([str(tmp_path / "nothing-*.pdf")])
    assert missing[0].problem.endswith("no file matches this pattern")
    assert glob_root("reports/2019/**/*.pdf") == Path("reports/2019")


def test_a_pattern_that_matches_nothing_or_an_empty_folder_is_an_error(tmp_path):
    result = run(tmp_path / "*.pdf", tmp_path)
    assert result.exit_code == 3
    assert "no file matches" in result.stderr and "no PDF files in this folder (use -r" in result.stderr


def test_exit_code_is_0_when_all_ok_and_4_when_one_had_nothing(tmp_path):
    from tests import pdfs

    good = tmp_path / "good.pdf"
    shutil.copy(SAMPLES / f"{ANNEXES[1]}.pdf", good)
    assert run(good, tmp_path / "good.pdf", "-o", tmp_path / "o1").exit_code == 0
    empty = pdfs.annex_pdf(tmp_path / "header-only.pdf", rows=[])
    result = run(good, empty, "-o", tmp_path / "o2")
    assert result.exit_code == 4, result.output
    assert "1 ok, 1 no annex/findings, 0 failed" in result.stdout


def test_plain_log_lines_when_not_a_terminal_and_silence_with_q(tmp_path):
    result = subprocess.run([sys.executable, "-m", "hmic_extract.cli", str(SAMPLES / f"{ANNEXES[1]}.pdf"),
                             str(tmp_path / "nope.pdf"), "-o", str(tmp_path / "out")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 3
    log = result.stderr.splitlines()
    assert any(line.startswith("[") and "/2] " in line and "westshire" in line and ": ok: 22 rows" in line
               for line in log)
    assert "2 files: 1 ok, 0 no annex/findings, 1 failed" in result.stdout
    quiet = subprocess.run([sys.executable, "-m", "hmic_extract.cli", str(SAMPLES / f"{ANNEXES[1]}.pdf"),
                            str(tmp_path / "nope.pdf"), "-o", str(tmp_path / "out2"), "-q"],
                           capture_output=True, text=True, timeout=120)
    assert quiet.stdout == "" and quiet.stderr.strip().startswith("error: ") and quiet.stderr.count("\n") == 1


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_the_bar_shows_files_done_current_file_elapsed_and_eta(monkeypatch):
    from hmic_extract.batch import Outcome, Source, Task

    screen = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", screen)
    progress = Progress(2)
    assert progress.mode == "bar"
    task = Task(0, Source(Path("a.pdf"), "reports/a.pdf", Path("a")), {})
    progress.start(task)
    progress.finish(Outcome(0, "reports/a.pdf", "ok", seconds=1.0))
    progress.start(Task(1, Source(Path("b.pdf"), "reports/b.pdf", Path("b")), {}))
    progress.close()
    text = screen.getvalue()
    assert "1/2" in text and "reports/b.pdf" in text and "elapsed, ETA" in text


def test_inspect_shows_what_the_tool_sees_and_writes_nothing(tmp_path):
    pdf = tmp_path / "w.pdf"
    shutil.copy(SAMPLES / f"{ANNEXES[1]}.pdf", pdf)
    result = run("inspect", pdf)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Kind: annex" in out and "Table parts found on PDF pages: 2-4" in out
    assert "-> Report Ref" in out and "-> Page Ref" in out and "-> Issue" in out
    assert "Template rows: 22" in out
    doc = extract_file(pdf)  # every repair and review flag the pipeline made is shown
    for f in doc.findings:
        assert all(f"~ repair: {r.describe()}" in out for r in f.provenance.repairs)
        assert all(f"! review: {flag}" in out for flag in f.provenance.review_flags)
    assert [p.name for p in tmp_path.iterdir()] == ["w.pdf"]
    report = run("inspect", SAMPLES / f"{REPORT}.pdf")
    assert "Kind: report" in report.stdout and "findings read from the report text" in report.stdout
    bad = run("inspect", tmp_path / "missing.pdf")
    assert bad.exit_code == 3 and "no such file" in bad.stderr
