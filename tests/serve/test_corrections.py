"""A reviewer's corrections on the model: each change lands on the row and in its provenance."""

from __future__ import annotations

import pytest

from hmic_extract.model import AREAS_FOR_IMPROVEMENT, ISSUES_OF_CONCERN, Document, Finding, Provenance
from hmic_extract.serve import corrections as c


def finding(ref: int, issue: str, page: int, flags: list[str] | None = None) -> Finding:
    prov = Provenance(source="x.pdf", pdf_pages=[page], method="ruled", review_flags=list(flags or []),
                      regions=[(page, 0.0, 100.0 + ref, 0.0, 140.0 + ref)])
    return Finding(ISSUES_OF_CONCERN, ref, str(ref), f"Page {ref + 10}", [ref + 10], issue, provenance=prov)


@pytest.fixture
def review() -> c.Review:
    doc = Document("x.pdf", "annex", [finding(1, "First finding.", 1, ["a doubt"]),
                                      finding(2, "Second finding, cut", 1), finding(3, "off here.", 2, ["gap"])])
    return c.Review(doc)


def test_rows_get_ids_that_survive_other_rows_changing(review: c.Review) -> None:
    assert review.uids == ["r1", "r2", "r3"]
    c.delete(review, "r1")
    assert review.row("r3").issue == "off here."
    with pytest.raises(c.CorrectionError, match="no row 'r1'"):
        review.row("r1")


def test_a_ref_and_page_ref_are_parsed_as_the_normaliser_does(review: c.Review) -> None:
    c.edit(review, "r2", "ref", "AFI 7")
    c.edit(review, "r2", "page_ref", "Pages 14-15")
    f = review.row("r2")
    assert (f.ref_text, f.ref, f.page_ref, f.pages) == ("AFI 7", 7, "Pages 14-15", [14, 15])
    assert [r.describe() for r in f.provenance.repairs] == [
        f"{c.CORRECTED}: ref '2' -> 'AFI 7'", f"{c.CORRECTED}: page ref 'Page 12' -> 'Pages 14-15'"]


def test_text_keeps_its_paragraphs_other_fields_their_words(review: c.Review) -> None:
    c.edit(review, "r1", "issue", "  One.\r\n\r\nTwo.  ")
    c.edit(review, "r1", "section", AREAS_FOR_IMPROVEMENT)
    assert review.row("r1").issue == "One.\n\nTwo." and review.row("r1").section == AREAS_FOR_IMPROVEMENT


def test_merge_takes_the_lower_rows_pages_regions_flags_and_history(review: c.Review) -> None:
    c.edit(review, "r3", "page_ref", "Page 31")
    assert c.merge_up(review, "r3") == "r2"
    f = review.row("r2")
    assert f.issue == "Second finding, cut off here."
    assert f.provenance.pdf_pages == [1, 2] and [r[0] for r in f.provenance.regions] == [1, 2]
    assert f.provenance.review_flags == ["gap"]
    rules = [(r.rule, r.field) for r in f.provenance.repairs]
    assert rules == [(c.CORRECTED, "page ref"), (c.CORRECTED, "merged row"), (c.CORRECTED, "issue")]
    assert review.uids == ["r1", "r2"]


def test_split_gives_a_new_row_below_with_the_rest_of_the_text(review: c.Review) -> None:
    uid = c.split(review, "r1", len("First"))
    assert uid == "r4" and review.uids == ["r1", "r4", "r2", "r3"]
    head, tail = review.row("r1"), review.row("r4")
    assert (head.issue, tail.issue) == ("First", "finding.")
    assert tail.ref is None and tail.ref_text == "" and tail.provenance.regions == head.provenance.regions
    assert tail.provenance.regions is not head.provenance.regions  # a copy: correcting one leaves the other
    with pytest.raises(c.CorrectionError):
        c.split(review, "r1", 0)


def test_deleted_rows_are_listed_for_the_document_sheet(review: c.Review) -> None:
    c.delete(review, "r1")
    c.delete(review, "r3")
    assert review.doc.metadata[c.DELETED_KEY] == "IOC 1 (Page 11): First finding.; IOC 3 (Page 13): off here."


def test_checking_a_flag_removes_it_and_says_it_was_checked(review: c.Review) -> None:
    c.check(review, "r1", "a doubt")
    f = review.row("r1")
    assert f.provenance.review_flags == [] and c.checked_flags(f) == ["a doubt"]
    assert c.reviewer_changes(f) == [f"{c.CHECKED}: review flag 'a doubt' -> 'checked against the PDF'"]
