"""status: counts per section by status, rows without owner or action, overdue rows at a fixed --as-of date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from hmic_extract.tracker.read_template import read_workbook
from hmic_extract.tracker.status import summarise_status
from tests.tracker.workbooks import returned_copy, run

ACTION, OWNER, DATE, STATUS = "Action Taken to Address Concern", "Owner", "Target date", "Status"
AS_OF = "2025-06-30"


@pytest.fixture
def tracker(westshire_template, tmp_path) -> Path:
    """A tracker whose overdue rows are known: IOC 1 and AFI 1 and REC 1 passed and not done."""
    copy = returned_copy(westshire_template, tmp_path / "returned" / "all.xlsx", {
        ("IOC-01", ACTION): "Triage car", ("IOC-01", OWNER): "Supt Reid", ("IOC-01", DATE): date(2025, 3, 31),
        ("IOC-01", STATUS): "In progress",                                  # overdue
        ("IOC-02", ACTION): "Policy", ("IOC-02", OWNER): "Supt Reid", ("IOC-02", DATE): date(2025, 1, 31),
        ("IOC-02", STATUS): "Complete",                                     # passed but complete
        ("IOC-03", OWNER): "Call centre manager", ("IOC-03", DATE): date(2025, 6, 30),
        ("IOC-03", STATUS): "Not started",                                  # due on the as-of date: not overdue
        ("IOC-04", ACTION): "Dip sampling", ("IOC-04", DATE): date(2025, 12, 31),
        ("IOC-04", STATUS): "in progress",                                  # future; no owner; lower case
        ("IOC-05", OWNER): "Crime registrar", ("IOC-05", DATE): "end of Q3",  # not a date: listed, not overdue
        ("AFI-01", OWNER): "Ch Insp Ali", ("AFI-01", DATE): "01/06/2025",   # overdue, no status, no action
        ("AFI-02", ACTION): "Allocation policy", ("AFI-02", OWNER): "DCI Evans", ("AFI-02", STATUS): "Closed",
        ("COC-01", STATUS): "On hold",                                      # not in the list: Other
        ("REC-01", OWNER): "Head of control room", ("REC-01", DATE): date(2024, 12, 31),
        ("REC-01", STATUS): "In progress",                                  # overdue
    })
    out = tmp_path / "tracker.xlsx"
    assert run("merge", westshire_template, copy, "-o", out).exit_code == 0
    return out


def test_counts_per_section_by_status_owner_action_and_overdue(tracker):
    summary = summarise_status(read_workbook(tracker).doc, date(2025, 6, 30))
    ioc = summary.sections["Issues of concern"]
    assert (ioc.total, ioc.by_status["Not started"], ioc.by_status["In progress"], ioc.by_status["Complete"],
            ioc.by_status["No status"]) == (10, 1, 2, 1, 6)
    assert (ioc.no_owner, ioc.no_action, ioc.overdue) == (6, 7, 1)
    afi = summary.sections["Areas for improvement"]
    assert (afi.by_status["Closed"], afi.by_status["No status"], afi.no_owner, afi.no_action, afi.overdue) == \
        (1, 5, 4, 5, 1)
    assert summary.sections["Causes of concern"].by_status["Other"] == 1
    assert [f.row_id[-6:] for f in summary.overdue] == ["IOC-01", "AFI-01", "REC-01"]
    assert [f.row_id[-6:] for f in summary.unreadable_dates] == ["IOC-05"]
    totals = summary.totals()
    assert (totals.total, totals.overdue, totals.no_owner, totals.no_action) == (22, 3, 15, 18)


def test_overdue_depends_on_the_as_of_date(tracker):
    doc = read_workbook(tracker).doc
    assert [f.row_id[-6:] for f in summarise_status(doc, date(2024, 12, 31)).overdue] == []
    assert [f.row_id[-6:] for f in summarise_status(doc, date(2025, 1, 1)).overdue] == ["REC-01"]
    assert len(summarise_status(doc, date(2026, 1, 1)).overdue) == 5  # IOC 3 and IOC 4 now overdue too


def test_status_prints_the_table_and_adds_a_summary_sheet_with_a_bar_chart(tracker):
    result = run("status", tracker, "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Progress at 30/06/2025")
    header = lines[2].split()
    assert header[:3] == ["Section", "Not", "started"]
    total = next(line for line in lines if line.startswith("Total"))
    assert total.split()[-4:] == ["22", "15", "18", "3"]  # total, no owner, no action, overdue
    assert "Overdue (3):" in result.stdout
    assert "end of Q3" not in result.stdout and "Target date not a date (1): IOC 5" in result.stdout

    wb = load_workbook(tracker)
    assert wb.sheetnames[:2] == ["Assurance template", "Summary"]
    ws = wb["Summary"]
    rows = {r[0]: r for r in ws.iter_rows(min_row=4, max_row=9, values_only=True) if r[0]}
    head = list(rows["Section"])
    assert rows["Issues of concern"][head.index("In progress")] == 2
    assert rows["Total"][head.index("Overdue")] == 3
    assert rows["Total"][head.index("Other")] == 1
    charts = ws._charts
    assert len(charts) == 1 and charts[0].grouping == "stacked"
    assert len(charts[0].series) == head.index("Total") - 1  # one series per status column
    assert read_workbook(tracker).is_tracker  # still a tracker: can be merged again


def test_status_twice_replaces_the_summary_and_keeps_the_rows(tracker, tmp_path):
    before = [(f.row_id, f.owner, f.status) for f in read_workbook(tracker).doc.findings]
    assert run("status", tracker, "--as-of", AS_OF).exit_code == 0
    assert run("status", tracker, "--as-of", "2026-01-01").exit_code == 0
    wb = load_workbook(tracker)
    assert wb.sheetnames.count("Summary") == 1
    assert wb["Summary"]["A1"].value == "Progress at 01/01/2026"
    assert [(f.row_id, f.owner, f.status) for f in read_workbook(tracker).doc.findings] == before


def test_status_with_no_sheet_leaves_the_file_alone_and_rejects_bad_dates(tracker):
    stamp = tracker.stat().st_mtime_ns
    assert run("status", tracker, "--as-of", "30/06/2025", "--no-sheet").exit_code == 0
    assert tracker.stat().st_mtime_ns == stamp
    bad = run("status", tracker, "--as-of", "June")
    assert bad.exit_code == 2
    assert "YYYY-MM-DD" in bad.output


def test_a_status_in_conflict_is_counted_as_conflict_and_not_as_done(westshire_template, tmp_path):
    a = returned_copy(westshire_template, tmp_path / "a" / "a.xlsx", {("IOC-01", STATUS): "Complete",
                                                                     ("IOC-01", DATE): date(2025, 1, 31)})
    b = returned_copy(westshire_template, tmp_path / "b" / "b.xlsx", {("IOC-01", STATUS): "In progress"})
    out = tmp_path / "tracker.xlsx"
    assert run("merge", westshire_template, a, b, "-o", out).exit_code == 0
    summary = summarise_status(read_workbook(out).doc, date(2025, 6, 30))
    assert summary.sections["Issues of concern"].by_status["Conflict"] == 1
    assert [f.row_id[-6:] for f in summary.overdue] == ["IOC-01"]
    result = run("status", out, "--as-of", AS_OF, "--no-sheet")
    assert "Conflict" in result.stdout.splitlines()[2]
    assert "Cells in conflict between returned copies: 1" in result.stdout
