"""CSV and JSON outputs: same data model as the workbook; JSON lossless and schema-valid, CSV Excel-safe."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import jsonschema
import pytest
from openpyxl import load_workbook

from hmic_extract.export import write_xlsx
from hmic_extract.export.cells import EXCEL_CELL_LIMIT, csv_cell
from hmic_extract.export.combined import IndexEntry, write_combined
from hmic_extract.export.csv_out import HEADER, write_csv
from hmic_extract.export.json_out import document_from_json, document_to_json, json_text, write_json
from hmic_extract.model import ISSUES_OF_CONCERN, RECOMMENDATIONS, Document, Finding, Provenance, Repair
from hmic_extract.pipeline import extract_file

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "document.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def notts() -> Document:
    return extract_file(ROOT / "samples" / "notts-2016-annex.pdf")


def odd_document() -> Document:
    long_text = "Long issue text. " * 2500  # 42,500 characters: over Excel's cell limit
    rows = [
        Finding(ISSUES_OF_CONCERN, 1, "1", "Page 3", [3], "Bell \x07 null \x00 vertical-tab \x0b form-feed \x0c end",
                provenance=Provenance("odd.pdf", [0], "ruled", [Repair("clean-text", "issue", "a\x00", "a")],
                                      ["control characters removed"])),
        Finding(ISSUES_OF_CONCERN, 2, "2", "Page 4", [4], long_text),
        Finding(RECOMMENDATIONS, None, "", "", [], "=1+1", provenance=Provenance(confidence=0.42)),
    ]
    return Document("odd.pdf", "annex", rows, {"sha256": "ab" * 32, "force": "Westshire"}, ["¹ A footnote"], 2)


def test_json_validates_against_the_documented_schema(notts):
    jsonschema.validate(json.loads(json_text(notts)), SCHEMA)
    jsonschema.validate(json.loads(json_text(odd_document())), SCHEMA)


def test_json_reads_back_into_the_same_document(notts, tmp_path):
    for doc in (notts, odd_document()):
        path = write_json(doc, tmp_path / f"{doc.source}.json")
        back = document_from_json(json.loads(path.read_text(encoding="utf-8")))
        assert document_to_json(back) == document_to_json(doc)
        assert [f.provenance for f in back.findings] == [f.provenance for f in doc.findings]
        assert back.findings[1].issue == doc.findings[1].issue  # nothing truncated


def test_json_is_the_same_bytes_every_run(notts, tmp_path):
    a = write_json(notts, tmp_path / "a.json").read_bytes()
    b = write_json(extract_file(ROOT / "samples" / "notts-2016-annex.pdf"), tmp_path / "b.json").read_bytes()
    assert a == b


def test_json_keeps_the_gold_fields_of_every_row(notts):
    gold = json.loads((ROOT / "samples" / "notts-2016-annex.expected.json").read_text(encoding="utf-8"))
    rows = document_to_json(notts)["rows"]
    assert [(r["section"], r["ref"], r["pages"]) for r in rows] == \
           [(g["section"], g["ref"], g["pages"]) for g in gold["rows"]]


def test_csv_has_a_bom_one_line_per_row_and_the_workbook_columns(notts, tmp_path):
    path = write_csv(notts, tmp_path / "n.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert tuple(rows[0]) == HEADER
    assert len(rows) == 1 + len(notts.findings)
    assert [r[3] for r in rows[1:]] == [f.issue for f in notts.findings]


def test_csv_and_xlsx_survive_control_characters_and_over_long_cells(tmp_path):
    doc = odd_document()
    wb_path = write_xlsx(doc, tmp_path / "odd.xlsx")
    ws = load_workbook(wb_path)["Assurance template"]
    assert ws.cell(5, 4).value == "Bell  null  vertical-tab  form-feed  end"
    long_cell = ws.cell(6, 4).value
    assert len(long_cell) == EXCEL_CELL_LIMIT and long_cell.endswith("at most 32,767 characters]")
    with write_csv(doc, tmp_path / "odd.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[1][3] == "Bell  null  vertical-tab  form-feed  end"
    assert len(rows[2][3]) == EXCEL_CELL_LIMIT
    assert rows[3][3] == "'=1+1"


@pytest.mark.parametrize(("value", "expected"), [
    ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+44 1", "'+44 1"), ("-1", "'-1"), ("@A1", "'@A1"),
    ("\tx", "'\tx"), ("\rx", "\nx"), ("plain", "plain"), (7, "7"), (None, ""), ("a=b", "a=b"),
])
def test_csv_cells_that_would_run_as_formulas_are_escaped(value, expected):
    assert csv_cell(value) == expected


def test_combined_workbook_has_an_index_line_per_source_and_every_row_with_its_source(notts, tmp_path):
    entries = [IndexEntry("a/notts.pdf", "ok", "", notts), IndexEntry("b/odd.pdf", "ok", "", odd_document()),
               IndexEntry("c/broken.pdf", "failed", "c/broken.pdf: not a readable PDF"),
               IndexEntry("d/copy.pdf", "duplicate", "same content as a/notts.pdf")]
    wb = load_workbook(write_combined(entries, tmp_path / "all.xlsx"))
    index = list(wb["Index"].iter_rows(values_only=True))
    assert [r[0] for r in index[1:]] == ["a/notts.pdf", "b/odd.pdf", "c/broken.pdf", "d/copy.pdf"]
    header = index[0]
    assert index[3][header.index("Status")] == "failed" and "not a readable" in index[3][header.index("Reason")]
    assert index[1][header.index("Rows")] == 78 and index[2][header.index("Force")] == "Westshire"
    rows = list(wb["All rows"].iter_rows(values_only=True))
    assert rows[0][0] == "Source" and len(rows) == 1 + 78 + 3
    assert {r[0] for r in rows[1:]} == {"a/notts.pdf", "b/odd.pdf"}
    formula = [c for c in wb["All rows"]["E"] if c.value == "=1+1"]
    assert formula and formula[0].data_type == "s"
