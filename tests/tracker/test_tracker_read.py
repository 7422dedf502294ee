"""Reading a workbook back into the data model: a template, a tracker, and what recipients type."""

from __future__ import annotations

import json
from datetime import date

import pytest

from hmic_extract.errors import UnreadableInput
from hmic_extract.export import write_xlsx
from hmic_extract.model import Document, Finding, Provenance, Repair
from hmic_extract.tracker.read_template import date_of, read_workbook
from hmic_extract.tracker.write_tracker import write_tracker
from tests.scoring import score
from tests.tracker.workbooks import SAMPLES, returned_copy, run

EXPECTED = SAMPLES / "westshire-2019-appendix.expected.json"


def test_a_template_reads_back_as_the_rows_the_cli_extracted(westshire_template):
    book = read_workbook(westshire_template)
    gold = json.loads(EXPECTED.read_text(encoding="utf-8"))["rows"]
    assert not book.is_tracker and not book.log and not book.rows_without_id
    assert [(f.section, f.ref) for f in book.doc.findings] == [(g["section"], g["ref"]) for g in gold]
    assert [f.pages for f in book.doc.findings] == [g["pages"] for g in gold]
    assert all(f.row_id.startswith(book.doc.metadata["sha256"][:8]) for f in book.doc.findings)
    assert len({f.row_id for f in book.doc.findings}) == 22
    assert book.doc.source == "westshire-2019-appendix.pdf"
    assert {f.provenance.method for f in book.doc.findings} == {"ruled"}


def test_a_merged_tracker_is_still_a_template_that_scores_perfectly(westshire_template, tmp_path):
    copy = returned_copy(westshire_template, tmp_path / "r" / "copy.xlsx", {("IOC-01", "Owner"): "Supt Reid"})
    tracker = tmp_path / "tracker.xlsx"
    assert run("merge", westshire_template, copy, "-o", tracker).exit_code == 0
    assert score(tracker, EXPECTED)["row_accuracy"] == 1.0
    again = read_workbook(tracker)
    assert again.is_tracker
    assert [f.row_id for f in again.doc.findings] == [f.row_id for f in read_workbook(westshire_template).doc.findings]


def test_provenance_metadata_and_notes_survive_a_round_trip(tmp_path):
    f = Finding(section="Areas for improvement", ref=3, ref_text="3", page_ref="Pages 14-15", pages=[14, 15],
                issue="The force should improve.", action="Plan agreed", owner="DCI Evans",
                target_date=date(2025, 3, 31), status="In progress",
                provenance=Provenance(source="r.pdf", pdf_pages=[2, 3], method="ruled", confidence=0.913,
                                      repairs=[Repair("page-ref", "page_ref", "Pages 14- 15", "Pages 14-15")],
                                      review_flags=["ref out of sequence", "merge: a.xlsx altered a locked cell"],
                                      detail={"lead-in": "The force should: do this; and that", "parent": "C1"}))
    doc = Document(source="r.pdf", kind="annex", findings=[f], metadata={"sha256": "ab" * 32, "title": "T"},
                   notes=["¹ A footnote."], page_count=7)
    path = write_tracker(doc, [], [], tmp_path / "t.xlsx")
    back = read_workbook(path).doc
    g = back.findings[0]
    assert (g.section, g.ref, g.page_ref, g.pages, g.issue) == (f.section, 3, "Pages 14-15", [14, 15], f.issue)
    assert (g.action, g.owner, g.target_date, g.status) == ("Plan agreed", "DCI Evans", date(2025, 3, 31),
                                                            "In progress")
    assert g.provenance == f.provenance
    assert (back.source, back.kind, back.page_count, back.notes) == ("r.pdf", "annex", 7, ["¹ A footnote."])
    assert back.metadata == {"sha256": "ab" * 32, "title": "T"}


@pytest.mark.parametrize("typed, expected", [
    ("31/03/2025", date(2025, 3, 31)), ("2025-03-31", date(2025, 3, 31)), ("31 March 2025", date(2025, 3, 31)),
    (45747, date(2025, 3, 31)), ("end of Q3", "end of Q3"), ("", None), (None, None),
])
def test_a_target_date_is_read_as_a_date_when_it_is_one(typed, expected):
    assert date_of(typed) == expected


def test_a_workbook_from_elsewhere_is_refused_with_a_message(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Ref", "Issue", "Update"])
    wb.save(tmp_path / "other.xlsx")
    with pytest.raises(UnreadableInput, match="is this a workbook written by hmic-extract"):
        read_workbook(tmp_path / "other.xlsx")


def test_the_plain_exporter_output_is_unchanged_by_the_recipient_fields(tmp_path):
    f = Finding(section="Issues of concern", ref=1, ref_text="1", page_ref="Page 5", pages=[5], issue="A.")
    book = read_workbook(write_xlsx(Document(source="r.pdf", kind="annex", findings=[f]), tmp_path / "t.xlsx"))
    g = book.doc.findings[0]
    assert (g.action, g.owner, g.target_date, g.status) == ("", "", None, "")
