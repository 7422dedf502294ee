"""Template columns and row ids: unique ids whatever the refs, context columns only where a row has a value."""

from __future__ import annotations

from hmic_extract.export.columns import row_ids, template_columns
from hmic_extract.export.xlsx import write_xlsx
from hmic_extract.model import AREAS_FOR_IMPROVEMENT, ISSUES_OF_CONCERN, Document, Finding
from tests.tracker.workbooks import returned_copy, run


def finding(section: str, ref: int | None, issue: str, **kw) -> Finding:
    return Finding(section=section, ref=ref, ref_text="" if ref is None else str(ref), page_ref="Page 1", pages=[1],
                   issue=issue, **kw)


def awkward_doc() -> Document:
    """Refs that repeat within a section and rows with no ref at all (as extraction of other people's PDFs gives)."""
    return Document(source="awkward.pdf", kind="annex", metadata={"sha256": "ab" * 32}, findings=[
        finding(ISSUES_OF_CONCERN, 1, "A"), finding(ISSUES_OF_CONCERN, 1, "B"), finding(ISSUES_OF_CONCERN, None, "C"),
        finding(ISSUES_OF_CONCERN, None, "D"), finding(AREAS_FOR_IMPROVEMENT, 1, "E", theme="Efficiency"),
        finding(ISSUES_OF_CONCERN, 2, "F")])


def test_row_ids_are_unique_and_stable_whatever_the_refs():
    ids = row_ids(awkward_doc())
    assert len(set(ids)) == len(ids)
    assert ids == row_ids(awkward_doc())
    assert ids[0] == "abababab-IOC-01" and ids[5] == "abababab-IOC-02"  # a ref's first row keeps the plain id


def test_context_columns_appear_only_when_a_row_has_a_value():
    headers = [c.header for c in template_columns(awkward_doc())]
    assert "Theme" in headers and "Cause" not in headers and "Addressee" not in headers


def test_merge_accepts_a_template_with_repeated_and_missing_refs(tmp_path):
    template = write_xlsx(awkward_doc(), tmp_path / "template.xlsx")
    copy = returned_copy(template, tmp_path / "back" / "owner.xlsx", {("IOC-01-02", "Owner"): "DI Shah"})
    result = run("merge", template, copy, "-o", tmp_path / "tracker.xlsx")
    assert result.exit_code == 0, result.output
    assert "appears twice" not in result.output
