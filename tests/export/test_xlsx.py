"""The workbook as a recipient sees it: read back with openpyxl."""

from pathlib import Path

import pytest
from openpyxl import load_workbook

from hmic_extract.errors import OutputExists
from hmic_extract.export import write_xlsx
from hmic_extract.model import Document, Finding, Provenance


def make_doc(*issues: str) -> Document:
    findings = [
        Finding(section="Issues of concern", ref=i + 1, ref_text=str(i + 1), page_ref=f"Page {i + 5}",
                pages=[i + 5], issue=text, provenance=Provenance(source="r.pdf", pdf_pages=[3], method="ruled"))
        for i, text in enumerate(issues)
    ]
    return Document(source="r.pdf", kind="annex", findings=findings, metadata={"sha256": "ab" * 32})


def header_and_rows(path: Path):
    ws = load_workbook(path).worksheets[0]
    header = [c.value for c in ws[4]]
    return ws, header


def test_columns_are_the_assurance_template_with_empty_recipient_columns(tmp_path):
    out = write_xlsx(make_doc("First finding.", "Second finding."), tmp_path / "t.xlsx")
    ws, header = header_and_rows(out)
    assert header[:8] == ["Section", "Report Ref", "Page Ref", "Issue of Concern", "Action Taken to Address Concern",
                          "Owner", "Target date", "Status"]
    assert [ws.cell(5, c).value for c in range(1, 5)] == ["Issues of concern", 1, "Page 5", "First finding."]
    assert all(ws.cell(r, c).value in (None, "") for r in (5, 6) for c in range(5, 9))


def test_issue_columns_locked_action_columns_unlocked_under_passwordless_protection(tmp_path):
    ws, _ = header_and_rows(write_xlsx(make_doc("A."), tmp_path / "t.xlsx"))
    assert ws.protection.sheet is True
    assert not ws.protection.password
    assert all(ws.cell(5, c).protection.locked for c in range(1, 5))
    assert not any(ws.cell(5, c).protection.locked for c in range(5, 9))


def test_layout_is_ready_to_print_and_filter(tmp_path):
    ws, _ = header_and_rows(write_xlsx(make_doc("A."), tmp_path / "t.xlsx"))
    assert ws.freeze_panes == "A5"
    assert ws.auto_filter.ref.startswith("A4:")
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$4:$4"
    assert ws.cell(4, 1).font.bold
    assert ws.cell(5, 4).alignment.wrap_text
    assert ws.column_dimensions["D"].width > ws.column_dimensions["B"].width
    statuses = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert statuses and "Complete" in statuses[0].formula1


@pytest.mark.parametrize("payload", ["=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\tTab", "\rCR"])
def test_text_that_looks_like_a_formula_is_stored_as_text(tmp_path, payload):
    ws, _ = header_and_rows(write_xlsx(make_doc(payload), tmp_path / "t.xlsx"))
    cell = ws.cell(5, 4)
    assert cell.data_type == "s"
    assert cell.value == payload.replace("\r", "\n")  # a cell's line break is LF in xlsx


def test_xml_illegal_characters_and_overlong_text_do_not_break_the_file(tmp_path):
    doc = make_doc("bell\x07 and nul\x00 gone", "x" * 40_000, "\u0645\u0631\u062d\u0628\u0627 \u200fRTL ok")
    ws, _ = header_and_rows(write_xlsx(doc, tmp_path / "t.xlsx"))
    assert ws.cell(5, 4).value == "bell and nul gone"
    assert len(ws.cell(6, 4).value) <= 32_767 and "truncated" in ws.cell(6, 4).value
    assert ws.cell(7, 4).value.startswith("\u0645")


def test_existing_output_is_not_overwritten_without_force(tmp_path):
    out = tmp_path / "t.xlsx"
    out.write_bytes(b"precious")
    with pytest.raises(OutputExists):
        write_xlsx(make_doc("A."), out)
    assert out.read_bytes() == b"precious"
    write_xlsx(make_doc("A."), out, force=True)
    assert out.read_bytes()[:2] == b"PK"
    assert not list(tmp_path.glob("*.part"))


def test_provenance_sheet_lists_source_pages_method_and_flags(tmp_path):
    doc = make_doc("A.")
    doc.findings[0].flag("ref gap: expected 1, found 2")
    doc.findings[0].record("merge-continuation", "issue", "tail", "joined")
    wb = load_workbook(write_xlsx(doc, tmp_path / "t.xlsx"))
    prov = wb["Provenance"]
    header = [c.value for c in prov[1]]
    row = dict(zip(header, [c.value for c in prov[2]], strict=False))
    assert row["Source file"] == "r.pdf" and row["PDF pages"] == "4" and row["Method"] == "ruled"
    assert "ref gap" in row["Review flags"] and "merge-continuation" in row["Repairs"]
    assert wb.sheetnames == ["Assurance template", "Provenance", "Document"]


def test_a_paragraph_printed_with_the_page_is_in_its_own_column_and_counts_as_no_page(tmp_path):
    # "Page 13 (para 6.8)" in one cell reads as pages 13 and 8 to the shared scorer's rule (tests.scoring
    # follows it): normalised, the Page Ref cell names page 13 only and the paragraph has its own column.
    from hmic_extract.normalise.pagerefs import parse_page_refs, split_para_refs
    from tests.scoring import read_rows

    f = Finding("Recommendations", 1, "1", "Page 13 (para 6.8)", [], "The force should review its triage.")
    g = Finding("Recommendations", 2, "2", "Page 14", [], "The force should train its staff.")
    parse_page_refs(split_para_refs([f, g]))
    path = write_xlsx(Document(source="r.pdf", kind="annex", findings=[f, g]), tmp_path / "r.xlsx")
    ws, header = header_and_rows(path)
    assert header[header.index("Page Ref") + 1] == "Para Ref"
    assert [ws.cell(row, header.index("Para Ref") + 1).value for row in (5, 6)] == ["para 6.8", None]
    assert [r["pages"] for r in read_rows(path)] == [frozenset({13}), frozenset({14})]
    assert f.pages == [13] and f.provenance.repairs[0].before == "Page 13 (para 6.8)"
