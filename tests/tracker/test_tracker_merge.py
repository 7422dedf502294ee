"""merge: three returned copies of a real template -> one tracker, read back; re-merge updates, never duplicates."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from hmic_extract.tracker.read_template import read_workbook
from tests.tracker.workbooks import SHEET, cell, columns, returned_copy, row_of, run

ACTION, OWNER, DATE, STATUS, ISSUE, PAGE = ("Action Taken to Address Concern", "Owner", "Target date", "Status",
                                            "Issue of Concern", "Page Ref")
EMPTY = ("", "", None, "")


def crime_copy(template: Path, folder: Path) -> Path:
    """Partial: fills a few cells of three rows and leaves everything else blank."""
    return returned_copy(template, folder / "crime.xlsx", {
        ("IOC-04", ACTION): "Investigation standards team dip-samples 20 files a month",
        ("IOC-04", OWNER): "DCI Evans",
        ("IOC-04", DATE): date(2025, 9, 30),
        ("IOC-04", STATUS): "In progress",
        ("IOC-07", OWNER): "Head of Digital Forensics",
        ("AFI-02", STATUS): "Not started",
    })


def neighbourhood_copy(template: Path, folder: Path, owner_ioc4: str = "DI Shah") -> Path:
    """Conflicting: owner and target date of IOC 4 differ from the crime copy; its status agrees in other case."""
    return returned_copy(template, folder / "neighbourhood.xlsx", {
        ("IOC-02", ACTION): "Neighbourhood officers are redeployed only with a superintendent's approval",
        ("IOC-02", OWNER): "Supt Reid",
        ("IOC-02", DATE): date(2025, 3, 31),
        ("IOC-02", STATUS): "Complete",
        ("IOC-04", OWNER): owner_ioc4,
        ("IOC-04", DATE): "30/06/2025",  # typed as text: still read as a date
        ("IOC-04", STATUS): "in progress",
        ("AFI-01", ACTION): "Rationale field added to the control room system",
        ("AFI-01", OWNER): "Ch Insp Ali",
        ("AFI-01", DATE): date(2025, 1, 31),
        ("AFI-01", STATUS): "In progress",
    })


def safeguarding_copy(template: Path, folder: Path) -> Path:
    """Altered locked cells (an issue text and a page ref), an unknown row and a row without a Row ID."""
    original = cell(template, "COC-01", ISSUE)
    return returned_copy(template, folder / "safeguarding.xlsx", {
        ("COC-01", ISSUE): original + " (We disagree with this finding.)",
        ("COC-01", ACTION): "Vulnerability desk staffed around the clock",
        ("COC-01", OWNER): "Det Supt Ward",
        ("COC-01", DATE): date(2024, 12, 31),
        ("COC-01", STATUS): "Complete",
        ("REC-02", PAGE): "Page 41",
        ("REC-02", STATUS): "In progress",
    }, extra_rows=[
        {"Section": "Recommendations", "Report Ref": 9, ISSUE: "A finding we think was missed", OWNER: "Us",
         "Row ID": "ffffffff-REC-09"},
        {"Section": "Recommendations", ISSUE: "Another finding typed in below the table", OWNER: "Us"},
    ])


def editable_values(path: Path) -> dict[str, tuple]:
    book = read_workbook(path)
    return {f.row_id.split("-", 1)[1]: (f.action, f.owner, f.target_date, f.status) for f in book.doc.findings}


@pytest.fixture
def copies(westshire_template, tmp_path) -> list[Path]:
    folder = tmp_path / "returned"
    return [crime_copy(westshire_template, folder), neighbourhood_copy(westshire_template, folder),
            safeguarding_copy(westshire_template, folder)]


@pytest.fixture
def tracker(westshire_template, copies, tmp_path) -> Path:
    out = tmp_path / "tracker.xlsx"
    result = run("merge", westshire_template, *copies, "-o", out)
    assert result.exit_code == 0, result.output
    return out


def test_three_returned_copies_merge_into_the_expected_tracker(westshire_template, tracker):
    values = editable_values(tracker)
    expected = dict.fromkeys(values, EMPTY)
    expected.update({
        "IOC-02": ("Neighbourhood officers are redeployed only with a superintendent's approval", "Supt Reid",
                   date(2025, 3, 31), "Complete"),
        "IOC-04": ("Investigation standards team dip-samples 20 files a month",
                   "CONFLICT: DCI Evans [crime.xlsx] | DI Shah [neighbourhood.xlsx]",
                   "CONFLICT: 30/09/2025 [crime.xlsx] | 30/06/2025 [neighbourhood.xlsx]", "In progress"),
        "IOC-07": ("", "Head of Digital Forensics", None, ""),
        "AFI-01": ("Rationale field added to the control room system", "Ch Insp Ali", date(2025, 1, 31),
                   "In progress"),
        "AFI-02": ("", "", None, "Not started"),
        "COC-01": ("Vulnerability desk staffed around the clock", "Det Supt Ward", date(2024, 12, 31), "Complete"),
        "REC-02": ("", "", None, "In progress"),
    })
    assert len(values) == 22
    assert values == expected


def test_locked_cells_keep_the_template_text_and_the_copy_is_reported(westshire_template, tracker):
    assert cell(tracker, "COC-01", ISSUE) == cell(westshire_template, "COC-01", ISSUE)
    assert cell(tracker, "REC-02", PAGE) == "Page 40"
    report = [(r[1], r[2] or "", r[3]) for r in load_workbook(tracker)["Merge report"].iter_rows(min_row=2,
                                                                                               values_only=True)]
    problems = [p for c, _rid, p in report if c == "safeguarding.xlsx"]
    assert any(p.startswith("locked cell Issue of Concern altered") for p in problems)
    assert any(p.startswith("locked cell Page Ref altered") for p in problems)
    assert any(rid == "ffffffff-REC-09" and p.startswith("unknown row") for _c, rid, p in report)
    assert any("has no Row ID" in p for p in problems)
    assert not [p for c, _rid, p in report if c != "safeguarding.xlsx"]


def test_conflicts_and_altered_rows_are_flagged_and_shaded(tracker):
    wb = load_workbook(tracker)
    ws = wb[SHEET]
    cols = columns(ws)
    r = row_of(ws, "IOC-04")
    notes = ws.cell(r, cols["Merge notes"]).value
    assert "conflict in Owner between crime.xlsx, neighbourhood.xlsx" in notes
    assert "conflict in Target date" in notes
    assert ws.cell(r, cols[OWNER]).fill.fgColor.rgb.endswith("FF9999")
    assert ws.cell(r, cols[STATUS]).fill.fgColor.rgb != ws.cell(r, cols[OWNER]).fill.fgColor.rgb
    assert "safeguarding.xlsx altered a locked cell" in ws.cell(row_of(ws, "COC-01"), cols["Merge notes"]).value
    assert not ws.cell(row_of(ws, "IOC-02"), cols["Merge notes"]).value
    assert ws.protection.sheet is True
    assert not ws.cell(r, cols[OWNER]).protection.locked


def test_merge_prints_a_summary_and_every_problem(westshire_template, copies, tmp_path):
    result = run("merge", westshire_template, *copies, "-o", tmp_path / "t.xlsx")
    assert result.exit_code == 0
    assert "22 rows; merged 3 of 3 copies" in result.stdout
    assert "2 cell(s) in conflict" in result.stdout
    assert result.stderr.count("problem: safeguarding.xlsx") == 4


def test_merging_the_same_copies_again_changes_nothing(tracker, copies, tmp_path):
    again = tmp_path / "again.xlsx"
    result = run("merge", tracker, *copies, "-o", again)
    assert result.exit_code == 0, result.output
    assert "0 cell(s) updated" in result.stdout
    assert editable_values(again) == editable_values(tracker)
    assert read_workbook(again).log == read_workbook(tracker).log
    assert len(read_workbook(again).doc.findings) == 22


def test_a_newer_copy_with_the_same_name_updates_and_settles_the_conflict(westshire_template, tracker, tmp_path):
    newer = neighbourhood_copy(westshire_template, tmp_path / "second-round", owner_ioc4="DCI Evans")
    returned_copy(newer, newer, {("IOC-04", "Target date"): date(2025, 9, 30), ("IOC-02", STATUS): "Closed"})
    result = run("merge", tracker, newer, "-o", tracker, "--force")
    assert result.exit_code == 0, result.output
    values = editable_values(tracker)
    assert values["IOC-04"] == ("Investigation standards team dip-samples 20 files a month", "DCI Evans",
                                date(2025, 9, 30), "In progress")
    assert values["IOC-02"][3] == "Closed"
    assert len(values) == 22
    ws = load_workbook(tracker)[SHEET]
    assert not ws.cell(row_of(ws, "IOC-04"), columns(ws)["Merge notes"]).value


def test_an_office_edit_in_the_tracker_stands_against_a_stale_copy(tracker, copies):
    wb = load_workbook(tracker)
    ws = wb[SHEET]
    ws.cell(row_of(ws, "IOC-04"), columns(ws)[OWNER]).value = "DI Shah"  # the office settles the conflict
    wb.save(tracker)
    result = run("merge", tracker, *copies, "-o", tracker, "--force")
    assert result.exit_code == 0, result.output
    assert editable_values(tracker)["IOC-04"][1] == "DI Shah"
    sources = [row[3] for row in load_workbook(tracker)["Returns"].iter_rows(min_row=2, values_only=True)]
    assert sources.count("(tracker edit)") == 1


def test_a_copy_of_another_template_is_reported_and_not_merged(westshire_template, tmp_path):
    other = tmp_path / "other.xlsx"
    shutil.copyfile(westshire_template, other)
    wb = load_workbook(other)
    ws = wb[SHEET]
    col = columns(ws)["Row ID"]
    for r in range(5, ws.max_row + 1):
        ws.cell(r, col).value = "0000aaaa-" + str(ws.cell(r, col).value).split("-", 1)[1]
        ws.cell(r, columns(ws)[OWNER]).value = "Someone"
    wb.save(other)
    out = tmp_path / "t.xlsx"
    result = run("merge", westshire_template, other, "-o", out)
    assert result.exit_code == 0
    assert "none of its 22 rows is in the tracker" in result.stderr
    assert set(editable_values(out).values()) == {EMPTY}


def test_a_file_that_is_not_a_workbook_is_an_unreadable_input(westshire_template, tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook")
    result = run("merge", westshire_template, bad, "-o", tmp_path / "t.xlsx")
    assert result.exit_code == 3
    assert "not a readable .xlsx workbook" in result.stderr
    assert not (tmp_path / "t.xlsx").exists()
